"""Write ``docs/problemi.md`` from the registry, or check that the committed page matches it.

    python -m servicemap.problems.docs            # rewrite docs/problemi.md (``make problemi``)
    python -m servicemap.problems.docs --check    # exit 1 when the page is out of date

The page is the registry (``data/problemi.yaml``: one table row per code, its sections' prose)
inside the page's fixed beginning, ``PAGE_START`` below. Nothing in the page is written by hand,
so a new code cannot be left undocumented and an explanation cannot drift from its code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from servicemap.problems.codes import SECTIONS, Code, Section

DEFAULT_PAGE = Path("docs") / "problemi.md"
REGENERATE = "make problemi"
SEVERITY_WORD = {"error": "errore", "warning": "avviso"}
TABLE_HEAD = "| Codice | Gravità | Che cosa significa e come si corregge |\n|---|---|---|"

# The page's beginning: how to read a problem line. The sections follow, from the registry.
PAGE_START = f"""\
<!-- Generato da src/servicemap/data/problemi.yaml: non modificare questo file, modifica quello e
rigenera con `{REGENERATE}` (un test controlla che siano uguali). -->

# Problemi segnalati da `servicemap validate`

Ogni problema è una riga nella forma

```
services.yaml:RIGA:COLONNA: error|warning: messaggio [codice]
```

- **error** (errore): il sito non viene pubblicato finché non lo correggi; quello già online resta
  com'è.
- **warning** (avviso): il sito viene pubblicato, ma qualcosa va ricontrollato. Con
  `servicemap validate --strict` anche gli avvisi fanno fallire il controllo.

Riga e colonna partono da 1 e indicano la chiave o il valore da correggere. Il codice tra parentesi
quadre non cambia mai: serve per cercare qui la spiegazione. Tutti i problemi vengono mostrati
insieme, non solo il primo. Con `--format github` i problemi compaiono come annotazioni sulle righe
della pull request.
"""


def render(sections: Sequence[Section] = SECTIONS) -> str:
    """The whole page: its beginning, then each section's prose and table, in registry order."""
    return PAGE_START + "".join(_section(s) for s in sections)


def _section(section: Section) -> str:
    parts = [f"## {section.title}"]
    if section.before:
        parts.append(section.before)
    parts.append("\n".join([TABLE_HEAD, *(_row(c) for c in section.codes)]))
    if section.after:
        parts.append(section.after)
    return "\n" + "\n\n".join(parts) + "\n"


def _row(code: Code) -> str:
    return f"| `{code.code}` | {SEVERITY_WORD[code.severity]} | {code.explanation} |"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m servicemap.problems.docs",
        description="Scrive docs/problemi.md dall'elenco dei problemi (data/problemi.yaml).",
    )
    parser.add_argument("page", nargs="?", type=Path, default=DEFAULT_PAGE, help="la pagina")
    parser.add_argument(
        "--check", action="store_true", help="non scrive: esce con 1 se la pagina non è aggiornata"
    )
    args = parser.parse_args(argv)
    page: Path = args.page
    expected = render()
    if args.check:
        current = page.read_text(encoding="utf-8") if page.is_file() else ""
        if current != expected:
            print(f"{page} non è aggiornato: rigeneralo con `{REGENERATE}`", file=sys.stderr)
            return 1
        return 0
    page.write_text(expected, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
