"""The ``servicemap`` command: the volunteers' and maintainers' front door.

Every subcommand has ``--help``, prints Italian messages and never a traceback: an unexpected
exception is reported as a bug with a one-line message and exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from servicemap import __version__
from servicemap.escape import terminal_safe
from servicemap.problems import format_problems, has_errors
from servicemap.project import Project


def cmd_validate(args: argparse.Namespace) -> int:
    """Check a services.yaml and print every problem; exit 1 on errors (or warnings if strict).

    The same data stages as ``mkdocs build`` (``pipeline.run``: load, validate, and place every
    record against the territory and the geocoding cache), so that a pull request that passes
    here is one that publishes: a ``posizione`` or a cached address outside its comune is an
    error in both, an approximate position a warning in both.
    """
    from servicemap import pipeline

    project = Project(data_file=Path(args.file))
    result = pipeline.run(project)
    output = format_problems(result.problems, args.format)
    if output:
        print(output)
    failed = has_errors(result.problems, strict=args.strict)
    if args.format == "text":
        errors = sum(p.severity == "error" for p in result.problems)
        warnings = len(result.problems) - errors
        verdict = "NON valido" if failed else "valido"
        print(
            terminal_safe(
                f"{project.display_name}: {len(result.services)} schede, {errors} errori, "
                f"{warnings} avvisi: {verdict}."
            ),
            file=sys.stderr,
        )
    return int(failed)


def build_parser(*, validate_only: bool = False) -> argparse.ArgumentParser:
    """The command line; ``validate_only`` leaves out the other commands and their imports.

    ``servicemap validate`` runs on every pull request and in editors: importing ``geocode``
    (geopy) and the rest would add about a second to each run for commands it never uses.
    """
    parser = argparse.ArgumentParser(
        prog="servicemap",
        description="Mappa dei servizi del territorio: controllo dei dati, geocodifica, rapporti.",
    )
    parser.add_argument("--version", action="version", version=f"servicemap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMANDO")
    sub.required = True

    p = sub.add_parser("validate", help="controlla services.yaml e segnala ogni problema")
    p.add_argument("file", nargs="?", default="services.yaml", help="il file da controllare")
    p.add_argument("--strict", action="store_true", help="anche gli avvisi fanno fallire")
    p.add_argument(
        "--format", choices=["text", "github", "json"], default="text", help="formato dell'output"
    )
    p.set_defaults(func=cmd_validate)

    for register in [] if validate_only else _extra_commands():
        register(sub)
    return parser


# Each further subcommand lives in its own small module under ``servicemap.commands`` with a
# ``register(subparsers)`` function, so this file stays small. Imported only when the parser
# needs them: ``servicemap validate`` must not pay for geopy and friends.
def _extra_commands() -> list[Callable[[argparse._SubParsersAction], None]]:
    from servicemap.commands import diff, geocode, report, territorio

    return [geocode.register, territorio.register, diff.register, report.register]


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(validate_only=argv[:1] == ["validate"])
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("Interrotto.", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: say so in one line, never a traceback for a volunteer
        print(
            f"Errore interno di servicemap ({type(exc).__name__}: {exc}). "
            "Segnalalo ai manutentori con il file che stavi usando.",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":
    sys.exit(main())
