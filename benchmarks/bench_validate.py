"""Time load + validate of N synthetic valid records (budget: 10,000 in under 3 s).

Usage: ``python benchmarks/bench_validate.py [N]`` (default 10,000). The records are realistic:
every optional key a volunteer may fill (phones, hours, closures, languages, position) is there,
so the figure is an upper bound for real data of the same size.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from servicemap import contract, load, validate

COMUNI = ["Pioltello", "Segrate", "Vimodrone", "Rodano"]
RECORD = """\
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


def synthetic(n: int) -> str:
    """A services.yaml with ``n`` valid records."""
    head = "territorio:\n  nome: Distretto di prova\n  comuni: [Pioltello, Segrate, Vimodrone, Rodano]\n"
    records = (
        RECORD.format(i=i, j=i % 100, comune=COMUNI[i % 4], phone=1000 + i % 9000) for i in range(n)
    )
    return head + "servizi:\n" + "".join(records)


def run(n: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "services.yaml"
        path.write_text(synthetic(n), encoding="utf-8")
        size = path.stat().st_size
        vocabulary, _ = contract.load_vocabulary(Path(tmp) / "vocabolario.yaml")
        start = time.perf_counter()
        doc, problems = load.load_path(path, "services.yaml")
        loaded = time.perf_counter()
        assert doc is not None, problems
        dataset, problems = validate.validate_document(
            doc, file="services.yaml", vocabulary=vocabulary, territory=None, today=dt.date(2026, 11, 25)
        )
        done = time.perf_counter()
    errors = [p for p in problems if p.severity == "error"]
    assert not errors and len(dataset.services) == n, errors[:5]
    print(
        f"{n} schede ({size / 1e6:.1f} MB): caricamento {loaded - start:.2f} s, "
        f"validazione {done - loaded:.2f} s, totale {done - start:.2f} s"
    )
    return done - start


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
