"""``servicemap diff BASE HEAD``: which records a pull request adds, changes or removes."""

from __future__ import annotations

import argparse
import sys

from servicemap.tools import diff


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "diff",
        help="riassume le schede aggiunte, modificate e rimosse tra due versioni",
        description=(
            "Confronta le schede di due versioni di services.yaml (per id) e stampa un "
            "riassunto leggibile: schede aggiunte, rimosse e, per le modificate, ogni campo "
            "prima e dopo. BASE e HEAD sono revisioni git (origin/main, HEAD, un commit) "
            "oppure percorsi di file. Esce sempre con 0 se le versioni si trovano, anche se "
            "il file non è valido."
        ),
    )
    p.add_argument("base", metavar="BASE", help="la versione di partenza (es. origin/main)")
    p.add_argument("head", metavar="HEAD", help="la versione proposta (es. HEAD o services.yaml)")
    p.add_argument(
        "--file", default="services.yaml", help="il file da confrontare nelle revisioni git"
    )
    p.add_argument(
        "--format",
        choices=["text", "markdown"],
        default="text",
        help="text per il terminale, markdown per un commento alla pull request",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the summary; exit 2 only when a revision cannot be found (a usage error)."""
    try:
        base = diff.read_version(args.base, args.file)
        head = diff.read_version(args.head, args.file)
    except diff.RevisionError as exc:
        print(f"servicemap diff: {exc}.", file=sys.stderr)
        return 2
    result = diff.compare(base, head)
    render = diff.format_markdown if args.format == "markdown" else diff.format_text
    print(render(result, args.file), end="" if args.format == "markdown" else "\n")
    return 0
