"""``servicemap report``: the records to verify again, with whom to ask, and the counts."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from servicemap.cli.options import renamed
from servicemap.core.escape import terminal_safe
from servicemap.problems.problem import format_problems
from servicemap.tools import report
from servicemap.validate.project import Project


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"«{text}» non è una data: scrivi AAAA-MM-GG, per esempio 2026-03-14"
        ) from None


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "report",
        help="elenca le schede non verificate da più di 12 mesi e chi contattare",
        description=(
            "Elenca le schede il cui campo `aggiornato` ha più di 12 mesi, dalla più vecchia, "
            "con il contatto a cui chiedere (e-mail e telefoni della scheda, chi l'ha "
            "verificata), e conta le schede per comune e per tipo."
        ),
    )
    p.add_argument("file", nargs="?", default="services.yaml", help="il file dei servizi")
    p.add_argument(
        "--format",
        choices=["text", "markdown", "csv"],
        default="text",
        help="text per il terminale, markdown per una issue o un'e-mail, csv per un foglio",
    )
    renamed(
        p,
        "--today",
        "--oggi",
        type=_date,
        default=None,
        metavar="AAAA-MM-GG",
        help="la data di riferimento (predefinita: oggi)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the report; exit 1 only when the file cannot be read at all."""
    from servicemap import pipeline

    today = args.today or dt.date.today()
    project = Project(data_file=Path(args.file))
    result = pipeline.run(project, today=today, place_records=False)
    errors = [p for p in result.problems if p.severity == "error"]
    if errors and not result.services:
        print(format_problems(errors), file=sys.stderr)
        print(
            terminal_safe(f"{project.display_name}: impossibile fare il rapporto."), file=sys.stderr
        )
        return 1
    if errors:
        print(
            terminal_safe(
                f"Attenzione: {project.display_name} ha {len(errors)} errori (vedi `servicemap "
                "validate`): il rapporto comprende solo le schede lette."
            ),
            file=sys.stderr,
        )
    built = report.build_report(result.services, today)
    if args.format == "csv":
        sys.stdout.flush()  # bytes (the BOM a spreadsheet needs) after any text already out
        sys.stdout.buffer.write(report.format_csv(built))
        sys.stdout.buffer.flush()
    elif args.format == "markdown":
        sys.stdout.write(report.format_markdown(built))
    else:
        print(report.format_text(built))
    return 0
