"""The pull request's note about the addresses it geocoded: where each one landed, and the cache.

Volunteers edit ``services.yaml`` in the forge's web editor and cannot run ``servicemap
geocode``, so the pull-request check geocodes their new or changed addresses and says, in the
summary comment, where each one was placed (a link to the point on openstreetmap.org: a wrong
street is seen at a glance) and what it adds to ``geocache.yaml``. When the check can push (a
branch of this repository) it commits those lines itself; from a fork it cannot, so the comment
gives a maintainer the exact lines to paste, or the command.
"""

from __future__ import annotations

import re

from servicemap.core.escape import markdown_literal
from servicemap.place.geocache import FOUND, REFUSED, entry_block
from servicemap.place.geocode import Outcome

_BACKTICKS = re.compile(r"`+")


def osm_link(lat: float, lon: float) -> str:
    """The point on openstreetmap.org, with a marker, at street zoom."""
    la, lo = f"{lat:.6f}", f"{lon:.6f}"
    return f"https://www.openstreetmap.org/?mlat={la}&mlon={lo}#map=18/{la}/{lo}"


def markdown(outcomes: list[Outcome], entries: dict[str, object], *, cache_name: str) -> str:
    """The section of the pull-request comment: one line per address, then the cache lines."""
    if not outcomes:
        return ""
    out = ["### Posizione degli indirizzi nuovi o modificati", ""]
    for o in outcomes:
        out.append(_line(o, entries.get(o.query.key)))
    blocks = [entry_block(o.query.key, entries[o.query.key]) for o in outcomes if _saved(o)]  # type: ignore[arg-type]
    if blocks:
        text = "\n\n".join(blocks)
        fence = "`" * max(3, 1 + max((len(r) for r in _BACKTICKS.findall(text)), default=0))
        out += [
            "",
            f"Le righe da aggiungere a {markdown_literal(cache_name)} (il controllo le aggiunge "
            "da solo quando la pull request nasce da un ramo di questo repository; da un fork "
            "un manutentore le incolla nel file, oppure lancia `servicemap geocode` e fa il "
            "commit):",
            "",
            f"{fence}yaml",
            text,
            fence,
        ]
    if any(o.status != FOUND for o in outcomes):
        out += [
            "",
            "Un indirizzo non trovato o rifiutato mette la scheda al centro del suo comune: "
            "controlla la via e il numero civico, oppure scrivi `posizione: {lat: ..., lon: ...}` "
            "nella scheda.",
        ]
    return "\n".join(out) + "\n"


def _saved(o: Outcome) -> bool:
    return o.status in (FOUND, REFUSED)


def _line(o: Outcome, entry) -> str:
    address = markdown_literal(o.query.address.one_line())
    records = markdown_literal(o.query.records())
    if o.status == FOUND and entry is not None and entry.found:
        link = osm_link(entry.lat, entry.lon)
        found = markdown_literal(entry.display_name) if entry.display_name else ""
        matched = f" ({found})" if found else ""
        return (
            f"- ✅ {address}: [{entry.lat:.6f}, {entry.lon:.6f} sulla mappa]({link}){matched}"
            f" — {records}"
        )
    verb = "rifiutato" if o.status == REFUSED else "non riuscito (si riprova al prossimo controllo)"
    return f"- ⚠️ {address}: {verb}: {markdown_literal(o.detail)} — {records}"
