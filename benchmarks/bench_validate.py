"""Time load + validate of N synthetic valid records (budget: 10,000 in under 2 s, issue 15).

Usage: ``python benchmarks/bench_validate.py [N]`` (default 10,000). Three runs: *typical* records
(the keys a desk usually fills: name, type, description, activities, address, phone, e-mail,
hours), *full* records (every key of the contract's example record, about 1 KB each), an upper
bound, and the full records with an English and an Arabic translation (``traduzioni``). Each run
is the best of three, in CPU seconds of this process, so that other programs on a shared machine
disturb the figure as little as possible.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from servicemap.core import hours
from servicemap.core.phones import parse_phone
from servicemap.load import document as load
from servicemap.validate import checks, contract
from servicemap.validate import records as validate

TODAY = dt.date(2026, 11, 25)

COMUNI = ["Pioltello", "Segrate", "Vimodrone", "Rodano"]
TYPICAL = """\
  - id: sportello-{i}
    nome: Sportello di aiuto numero {i}
    ente: Associazione di volontariato {i}
    tipo: [sportello, centro-ascolto]
    descrizione: >-
      Accoglienza, ascolto, orientamento e accompagnamento verso i servizi del territorio.
    attivita: [accoglienza, ascolto, orientamento]
    aree: [poverta, famiglia]
    indirizzo:
      via: Via Esempio {i}
      comune: {comune}
    telefoni: ["02 9236 {phone:04d}"]
    email: sportello{i}@example.org
    orari:
      lun: "09:00-12:00"
      mer: "15:00-18:00"
    accesso: [libero]
    aggiornato: "2026-03-14"
"""
FULL = """\
  - id: sportello-{i}
    nome: Sportello di aiuto numero {i}
    ente: Associazione di volontariato {i}
    tipo: [sportello, centro-ascolto]
    descrizione: >-
      Accoglienza, ascolto, orientamento e accompagnamento verso i servizi del territorio,
      con informazioni chiare sui servizi e su come accedervi.
    attivita: [accoglienza, ascolto, orientamento, accompagnamento]
    aree: [poverta, famiglia, migranti]
    indirizzo:
      via: Via Esempio {i}
      cap: "20096"
      comune: {comune}
      provincia: MI
    posizione: {{lat: 45.49{j:02d}, lon: 9.32{j:02d}}}
    telefoni: ["02 9236 {phone:04d}"]
    email: sportello{i}@example.org
    sito: https://example.org/sportelli/{i}
    orari:
      lun: "09:00-12:00"
      mer: "09:00-12:00, 15:00-18:00"
    chiusure:
      - {{dal: "2026-08-01", al: "2026-08-31", nota: Chiuso per ferie}}
    accesso: [libero, appuntamento]
    lingue: [it, en, ar]
    accessibilita: {{sedia_a_rotelle: si}}
    comuni_serviti: [Pioltello, Segrate]
    aggiornato: "2026-03-14"
    verificato_da: Ufficio di Piano
"""
TRANSLATED = (
    FULL
    + """\
    traduzioni:
      en:
        nome: Help desk number {i}
        descrizione: >-
          Welcome, listening, guidance and support towards the services of the area, with clear
          information on services and how to use them.
        chiusure: [{{nota: Closed for the holidays}}]
      ar:
        nome: مكتب المساعدة رقم {i}
        descrizione: استقبال وإصغاء وتوجيه ومرافقة نحو خدمات المنطقة.
"""
)


def synthetic(n: int, record: str = FULL) -> str:
    """A services.yaml with ``n`` valid records made from the ``record`` template."""
    head = "territorio:\n  nome: Distretto di prova\n  comuni: [" + ", ".join(COMUNI) + "]\n"
    records = (
        record.format(i=i, j=i % 100, comune=COMUNI[i % 4], phone=1000 + i % 9000) for i in range(n)
    )
    return head + "servizi:\n" + "".join(records)


def once(path: Path, n: int) -> tuple[float, float]:
    """(load seconds, validate seconds) of one run, with cold caches."""
    for cached in (parse_phone, checks.is_web_url, checks.parse_date, hours._parse_day):
        cached.cache_clear()  # every run pays for its own phones, links, dates and hours
    vocabulary, _ = contract.load_vocabulary(path.parent / "vocabolario.yaml")
    start = time.process_time()
    doc, problems = load.load_path(path, "services.yaml")
    loaded = time.process_time()
    assert doc is not None, problems
    dataset, problems = validate.validate_document(
        doc, file="services.yaml", vocabulary=vocabulary, territory=None, today=TODAY
    )
    done = time.process_time()
    errors = [p for p in problems if p.severity == "error"]
    assert not errors and len(dataset.services) == n, errors[:5]
    return loaded - start, done - loaded


def run(n: int, record: str, label: str) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "services.yaml"
        path.write_text(synthetic(n, record), encoding="utf-8")
        size = path.stat().st_size
        best = min((once(path, n) for _ in range(3)), key=sum)
    print(
        f"{n} schede {label} ({size / 1e6:.1f} MB): caricamento {best[0]:.2f} s, "
        f"validazione {best[1]:.2f} s, totale {sum(best):.2f} s"
    )
    return sum(best)


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    run(count, TYPICAL, "tipiche")
    run(count, FULL, "complete")
    run(count, TRANSLATED, "complete, tradotte in inglese e arabo")
