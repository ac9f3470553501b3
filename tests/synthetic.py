"""Synthetic records for tests and benchmarks: plausible, deterministic, any number.

``records`` makes plain dicts in the shape of ``services.yaml`` (every scalar a string, as a
volunteer writes it); ``to_yaml`` writes them as a file the real loader reads; ``services`` makes
the same records as placed ``model.Service`` objects, for renderer tests that skip the pipeline.
``HOSTILE`` is text that must be shown literally and never run, put into every field by the
injection tests.
"""

from __future__ import annotations

import json
import random

from servicemap.core.model import DAYS, Address, Closure, Phone, Position, Service, TimeRange

# The comuni of the example territory, with a point well inside each.
COMUNI: dict[str, tuple[float, float]] = {
    "Pioltello": (45.4990, 9.3270),
    "Segrate": (45.4900, 9.2950),
    "Vimodrone": (45.5140, 9.2860),
    "Rodano": (45.4760, 9.3540),
}
TIPI = (
    "sportello",
    "centro-ascolto",
    "hub-digitale",
    "servizio-sociale",
    "punto-migranti",
    "patronato",
)
AREE = ("poverta", "casa", "lavoro", "famiglia", "anziani", "disabilita", "migranti", "digitale")
ATTIVITA = ("accoglienza", "ascolto", "orientamento", "accompagnamento", "facilitazione-digitale")
ENTI = ("Caritas Ambrosiana", "CISL Milano", "Associazione I Garibaldini", "Comune", "ACLI")
LINGUE = ("it", "en", "fr", "ar", "es", "ro", "zh", "uk")
HOURS = ("09:00-12:00", "14:30-17:30", "09:00-12:00, 15:00-18:00", "16:00-19:00")

HOSTILE = (
    '<img src=x onerror="window.__pwned=1"> *bold* [x](javascript:window.__pwned=1) '
    "{{ config }} ${window.__pwned=1} `tick` </script><script>window.__pwned=1</script> "
    "&amp; ' \" {% raw %} <!-- \u2028"
)


def records(
    n: int, *, seed: int = 0, comuni: dict[str, tuple[float, float]] | None = None
) -> list[dict]:
    """``n`` records as ``services.yaml`` dicts, the same for the same seed."""
    rng = random.Random(seed)
    comuni = comuni or COMUNI
    names = sorted(comuni)
    out = []
    for i in range(n):
        comune = names[i % len(names)]
        lat, lon = comuni[comune]
        tipo = rng.sample(TIPI, rng.choice((1, 1, 2)))
        rec: dict = {
            "id": f"servizio-{i:05d}",
            "nome": f"{tipo_name(tipo[0])} {comune} n. {i}",
            "ente": rng.choice(ENTI),
            "tipo": tipo,
            "descrizione": "Accoglienza, ascolto, orientamento e accompagnamento verso i servizi "
            "del territorio, con informazioni chiare sulle domande e sui documenti necessari.",
            "attivita": rng.sample(ATTIVITA, 3),
            "aree": rng.sample(AREE, rng.choice((1, 2, 3))),
            "destinatari": "Persone e famiglie in difficoltà",
            "indirizzo": {
                "via": f"Via Roma {i % 200 + 1}",
                "cap": "20096",
                "comune": comune,
                "provincia": "MI",
            },
            "posizione": {
                "lat": f"{lat + rng.uniform(-0.002, 0.002):.5f}",
                "lon": f"{lon + rng.uniform(-0.002, 0.002):.5f}",
            },
            "telefoni": [f"02 {9000 + i % 1000:04d} {1000 + i % 9000:04d}"],
            "email": f"sportello{i}@example.org",
            "sito": "https://example.org",
            "orari": {day: rng.choice(HOURS) for day in rng.sample(DAYS[:5], 3)},
            "note_orari": "Su appuntamento il venerdì",
            "accesso": ["libero", "appuntamento"],
            "lingue": ["it", *rng.sample(LINGUE[1:], 2)],
            "accessibilita": {
                "sedia_a_rotelle": rng.choice(("si", "no", "parziale")),
                "note": "Ingresso con rampa",
            },
            "documenti": ["Documento di identità", "ISEE se disponibile"],
            "costo": "gratuito",
            "comuni_serviti": names if i % 3 == 0 else [comune],
            "aggiornato": f"2026-0{1 + i % 3}-{1 + i % 28:02d}",
            "verificato_da": "Ufficio di Piano",
        }
        out.append(rec)
    return out


def tipo_name(code: str) -> str:
    return {"centro-ascolto": "Centro di ascolto", "hub-digitale": "Hub digitale"}.get(
        code, code.replace("-", " ").capitalize()
    )


def to_yaml(
    recs: list[dict],
    *,
    territory: str = "Distretto Sociale Est Milano",
    comuni: list[str] | None = None,
) -> str:
    """The records as ``services.yaml`` text: every scalar double-quoted, as JSON (valid YAML)."""
    comuni = comuni or sorted(COMUNI)
    lines = [
        "territorio:",
        f"  nome: {json.dumps(territory, ensure_ascii=False)}",
        f"  comuni: {json.dumps(comuni, ensure_ascii=False)}",
        "servizi:",
    ]
    for rec in recs:
        first = True
        for key, value in rec.items():
            prefix = "  - " if first else "    "
            lines.append(f"{prefix}{key}: {json.dumps(value, ensure_ascii=False)}")
            first = False
    return "\n".join(lines) + "\n"


def to_service(rec: dict, *, line: int = 0) -> Service:
    """A dict record as a placed ``Service`` (phones normalised the simple Italian way)."""
    a = rec["indirizzo"]
    pos = rec.get("posizione")
    position = Position(float(pos["lat"]), float(pos["lon"]), "manuale") if pos else None
    return Service(
        id=rec["id"],
        nome=rec["nome"],
        tipo=list(rec["tipo"]),
        indirizzo=Address(a["comune"], a.get("via", ""), a.get("cap", ""), a.get("provincia", "")),
        aggiornato=rec["aggiornato"],
        line=line,
        ente=rec.get("ente", ""),
        descrizione=rec.get("descrizione", ""),
        attivita=list(rec.get("attivita", [])),
        aree=list(rec.get("aree", [])),
        destinatari=rec.get("destinatari", ""),
        written_position=(position.lat, position.lon) if position else None,
        telefoni=[Phone(t, t, "+39" + t.replace(" ", "")) for t in rec.get("telefoni", [])],
        email=rec.get("email", ""),
        sito=rec.get("sito", ""),
        orari={
            d: [TimeRange(*r.strip().split("-")) for r in v.split(",")]
            for d, v in rec.get("orari", {}).items()
        },
        festivi=rec.get("festivi", "chiuso"),
        chiusure=[Closure(c["dal"], c["al"], c.get("nota", "")) for c in rec.get("chiusure", [])],
        note_orari=rec.get("note_orari", ""),
        accesso=list(rec.get("accesso", [])),
        lingue=list(rec.get("lingue", [])),
        accessibilita=dict(rec.get("accessibilita", {})),
        documenti=list(rec.get("documenti", [])),
        costo=rec.get("costo", ""),
        comuni_serviti=list(rec.get("comuni_serviti", [])),
        verificato_da=rec.get("verificato_da", ""),
        fonte=rec.get("fonte", ""),
        placed_position=position,
        traduzioni=_translations(rec),
    )


def _translations(rec: dict) -> dict[str, dict[str, object]]:
    """``rec["traduzioni"]`` (the contract's shape) as ``Service.traduzioni`` (flat keys), read
    by the loader's own code from the record written as YAML."""
    if not rec.get("traduzioni"):
        return {}
    from servicemap.load import document as load
    from servicemap.validate import translations

    shape = {"traduzioni": rec["traduzioni"], "chiusure": rec.get("chiusure", [])}
    node, _ = load.load_text(json.dumps(shape, ensure_ascii=False), "synthetic")
    return translations.read(node, lambda closure: True) if node is not None else {}  # type: ignore[arg-type]


def hostile_translations(rec: dict, text: str = HOSTILE) -> dict:
    """A copy of ``rec`` whose every translatable key, in every site language, holds ``text``
    (the Italian keys it translates are set too, so every translation is shown)."""
    out = json.loads(json.dumps(rec))
    out.setdefault("accessibilita", {})["note"] = out.get("accessibilita", {}).get("note") or "note"
    out["chiusure"] = out.get("chiusure") or [{"dal": "2026-08-01", "al": "2026-08-31"}]
    out["chiusure"][0]["nota"] = out["chiusure"][0].get("nota") or "nota"
    for key in ("descrizione", "destinatari", "costo", "note_orari", "contatti_note"):
        out[key] = out.get(key) or key
    out["documenti"] = out.get("documenti") or ["documento"]
    out["traduzioni"] = {
        code: {
            "nome": f"{code} nome: {text}",
            **{k: f"{code} {k}: {text}" for k in ("descrizione", "destinatari", "costo")},
            **{k: f"{code} {k}: {text}" for k in ("note_orari", "contatti_note")},
            "documenti": [f"{code} documento {text}", text],
            "accessibilita": {"note": f"{code} note: {text}"},
            "chiusure": [{"nota": f"{code} nota: {text}"}],
        }
        for code in ("en", "ar", "zh")
    }
    return out


def services(n: int, *, seed: int = 0) -> list[Service]:
    return [to_service(r, line=i + 1) for i, r in enumerate(records(n, seed=seed))]


def hostile_record(base: dict, text: str = HOSTILE) -> dict:
    """A copy of ``base`` with hostile text in every free-text field the contract allows."""
    rec = json.loads(json.dumps(base))
    for key in (
        "nome",
        "ente",
        "descrizione",
        "destinatari",
        "note_orari",
        "costo",
        "verificato_da",
    ):
        rec[key] = f"{key}: {text}"
    rec["indirizzo"]["via"] = f"via {text}"
    rec["documenti"] = [f"documento {text}", text]
    rec["accessibilita"]["note"] = f"note {text}"
    rec["chiusure"] = [{"dal": "2026-08-01", "al": "2026-08-31", "nota": f"nota {text}"}]
    return rec
