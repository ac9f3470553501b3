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
from servicemap.cli.options import HelpFormatter
from servicemap.core.escape import terminal_safe
from servicemap.problems.problem import Problem, format_problems, has_errors
from servicemap.validate.project import Project


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
    shown, untouched = result.problems, []
    if args.changed_since:
        scoped = _scoped(result.problems, args.changed_since, Path(args.file), args.format)
        if scoped is None:
            return 2
        shown, untouched = scoped
    output = format_problems(shown, args.format)
    if output:
        print(output)
    for line in untouched:
        print(line)
    failed = has_errors(shown, strict=args.strict)
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


def _scoped(
    problems: list[Problem], base: str, file: Path, fmt: str
) -> tuple[list[Problem], list[str]] | None:
    """Every error, the warnings of the records changed since ``base``, a line for the rest.

    None (after saying why) when ``base`` is not a revision: a misconfigured workflow must fail
    loudly, not silently annotate nothing.
    """
    from servicemap.tools import diff, pr_scope

    try:
        scope = pr_scope.scope_since(base, file)
    except diff.RevisionError as exc:
        print(f"servicemap validate: {exc}.", file=sys.stderr)
        return None
    if fmt == "json":  # machines get the whole list; the scope is for people reading a check
        return problems, []
    shown, untouched = pr_scope.split(problems, scope)
    command = f"servicemap validate {terminal_safe(str(file))}"
    lines = [u.sentence(command) for u in untouched]
    if fmt == "github":
        lines = [
            f"::notice title={u.code}::{text}" for u, text in zip(untouched, lines, strict=True)
        ]
    return shown, [terminal_safe(line) for line in lines]


def build_parser(*, validate_only: bool = False) -> argparse.ArgumentParser:
    """The command line; ``validate_only`` leaves out the other commands and their imports.

    ``servicemap validate`` runs on every pull request and in editors: importing ``geocode``
    (geopy) and the rest would add about a second to each run for commands it never uses.
    """
    parser = argparse.ArgumentParser(
        prog="servicemap",
        description="Mappa dei servizi del territorio: controllo dei dati, geocodifica, rapporti.",
        formatter_class=HelpFormatter,
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
    p.add_argument(
        "--changed-since",
        metavar="BASE",
        default="",
        help=(
            "in una pull request: mostra ogni errore, ma gli avvisi solo per le schede aggiunte "
            "o modificate rispetto alla revisione git BASE (es. origin/main); per le altre una "
            "riga di riepilogo per codice"
        ),
    )
    p.set_defaults(func=cmd_validate)

    for register in [] if validate_only else _extra_commands():
        register(sub)
    for command in sub.choices.values():  # every --help without the old option spellings
        command.formatter_class = HelpFormatter
    return parser


# Each further subcommand lives in its own small module under ``servicemap.cli`` with a
# ``register(subparsers)`` function, so this file stays small. Imported only when the parser
# needs them: ``servicemap validate`` must not pay for geopy and friends.
def _extra_commands() -> list[Callable[[argparse._SubParsersAction], None]]:
    from servicemap.cli import diff, geocode, report, territorio

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
