"""What a build says on the console: its problems, and why it stopped. No site generator here.

A generator's adapter hands its logger (MkDocs: ``mkdocs.plugins.servicemap``, so ``--strict``
counts the warnings) and turns ``BuildError`` into its own failure (MkDocs: ``PluginError``).
Every line is Italian and terminal-safe; a bug is one line, its traceback only at DEBUG.
"""

from __future__ import annotations

import logging
from pathlib import Path

from servicemap.core.escape import terminal_safe
from servicemap.core.language_names import SOURCE_LANGUAGE, name_in
from servicemap.load import safefile
from servicemap.problems.problem import Problem, report_order
from servicemap.validate.project import Project


class BuildError(Exception):
    """The build stops: an Italian message that says what was found and that nothing changed."""


def log_problems(log: logging.Logger, problems: list[Problem]) -> int:
    """Errors in full; warnings one line per code (all of them at DEBUG: ``mkdocs build -v``).

    A first build of real data can have dozens of warnings of one kind (``stale``): thirty lines
    would bury the one that matters. Each summary line is a WARNING, so ``--strict`` still fails.
    Returns how many warning lines were logged (the adapter may log them before it counts).
    """
    ordered = sorted(problems, key=report_order)  # errors first, then by file, line, column
    verbose = log.isEnabledFor(logging.DEBUG)
    by_code: dict[str, list[Problem]] = {}
    for p in ordered:
        if p.severity == "error":
            log.error(p.format_text())
        elif verbose:
            log.warning(p.format_text())
        else:
            by_code.setdefault(p.code, []).append(p)
    logged = sum(p.severity != "error" for p in ordered) if verbose else len(by_code)
    for code, same in sorted(by_code.items()):
        if len(same) == 1:
            log.warning(same[0].format_text())
            continue
        first = same[0]
        where = f"{first.file}:{first.line}:{first.column}"
        every = f"`servicemap validate {first.file}` o " if first.file.endswith(".yaml") else ""
        log.warning(
            terminal_safe(
                f"avviso {code}: {len(same)} volte, la prima in {where} "
                f"(tutte con {every}`mkdocs build -v`)"
            )
        )
    return logged


def settings_summary(settings: list[Problem], site_dir: Path) -> str:
    """The last line of a build refused for its settings (``mkdocs.yml``)."""
    return terminal_safe(
        f"{settings[0].file}: {len(settings)} errori (elencati sopra). Il sito non è stato "
        f"costruito: {site_dir} resta com'era. Correggi gli errori e ricostruisci."
    )


def summary(
    project: Project,
    problems: list[Problem],
    site_dir: Path,
    content: tuple[list[Problem], Path] = ([], Path()),
) -> str:
    """The last line of a refused build: what was found (data, pages) and that nothing changed."""
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    found = f"{project.display_name}: {errors} errori e {warnings} avvisi (elencati sopra). "
    refused, docs = content
    if refused:
        found = found if errors else ""
        found += (
            f"{len(refused)} file di {safefile.display_path(docs)} non si possono pubblicare "
            "(elencati sopra). "
        )
    return terminal_safe(
        f"{found}Il sito non è stato costruito: {site_dir} resta com'era. "
        "Correggi gli errori e ricostruisci."
    )


def strict_refusal(site_dir: Path) -> str:
    """Why a ``--strict`` build with warnings published nothing."""
    return (
        f"Modalità --strict con avvisi: il sito non è stato pubblicato, {site_dir} resta com'era."
    )


def interrupted(site_dir: Path) -> str:
    """What a build that failed half-way left: nothing published."""
    return f"Costruzione interrotta: {site_dir} resta com'era."


def records_not_written(site_dir: Path) -> str:
    """The build ended before the records' pages were collected (a bug, never the data's)."""
    return (
        "Errore interno di servicemap: la costruzione è finita prima che le pagine dei servizi "
        f"fossero scritte; {site_dir} resta com'era. Segnalalo ai manutentori."
    )


def internal_error(log: logging.Logger, exc: Exception) -> BuildError:
    """An unexpected failure (a bug): one Italian line, the traceback only with ``--verbose``."""
    log.debug("Errore interno di servicemap", exc_info=exc)
    return BuildError(
        f"Errore interno di servicemap ({type(exc).__name__}: {exc}). "
        "Segnalalo ai manutentori; con `mkdocs build --verbose` vedi i dettagli."
    )


def preview_languages(default: str, others: list[str]) -> str:
    """What ``mkdocs serve`` previews when it builds the default language's tree only."""
    shown, *rest = (name_in(x, SOURCE_LANGUAGE) or x for x in (default, *others))
    return (
        f"Anteprima solo in {shown}, per aggiornarla più in fretta: le altre lingue "
        f"({', '.join(rest)}) con `ALTRE_LINGUE=true mkdocs serve`. "
        "`mkdocs build` costruisce sempre tutte le lingue."
    )


def preview_kept() -> str:
    """What the browser shows after a rebuild of the preview that stopped on an error."""
    return (
        "Anteprima non aggiornata: il browser mostra ancora l'ultima versione riuscita. "
        "Correggi gli errori elencati sopra e salva di nuovo il file."
    )
