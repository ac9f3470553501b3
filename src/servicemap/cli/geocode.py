"""``servicemap geocode``: ask a geocoder for the addresses not yet in ``geocache.yaml``.

Exit status: 0 when every address asked got an answer (found, or refused because the answer was
unusable: those records stay on their comune and are listed), 1 when some request failed (network,
service errors: asked again next time) or the data has errors, so a script or CI notices.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from servicemap.cli.options import renamed
from servicemap.core.model import Service, Territory
from servicemap.place import geocode, geocode_summary
from servicemap.place.geocache import load_cache
from servicemap.place.geocode_http import endpoint
from servicemap.place.territory import Boundaries
from servicemap.problems.problem import format_problems, has_errors
from servicemap.validate.project import Project

EPILOG = (
    "Esce con 0 quando ogni indirizzo ha avuto una risposta (trovato, o rifiutato perché "
    "inutilizzabile), con 1 se qualche richiesta è fallita o i dati hanno errori. "
    "Con Nominatim pubblico: al massimo una richiesta al secondo e uno user agent che identifica "
    "chi la fa (https://operations.osmfoundation.org/policies/nominatim/)."
)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "geocode",
        help="trova le coordinate degli indirizzi nuovi e le salva in geocache.yaml",
        description=(
            "Chiede a un geocodificatore (Nominatim per default) le coordinate degli indirizzi "
            "non ancora in geocache.yaml e le salva lì. La costruzione del sito legge solo la "
            "cache: non usa mai internet."
        ),
        epilog=EPILOG,
    )
    p.add_argument("file", nargs="?", default="services.yaml", help="il file dei servizi")
    p.add_argument(
        "--provider",
        choices=geocode.PROVIDERS,
        default="nominatim",
        help="il servizio di geocodifica (default: nominatim)",
    )
    p.add_argument(
        "--provider-url",
        default="",
        type=_provider_url,
        help="indirizzo di un servizio compatibile, es. http://127.0.0.1:8080",
    )
    p.add_argument(
        "--user-agent",
        default=geocode.DEFAULT_USER_AGENT,
        help="come ci presentiamo al servizio: metti un contatto (e-mail o sito)",
    )
    p.add_argument(
        "--min-delay-seconds",
        type=float,
        default=1.0,
        help="attesa minima tra due richieste (Nominatim pubblico: almeno 1)",
    )
    p.add_argument("--timeout", type=float, default=10.0, help="secondi di attesa per risposta")
    p.add_argument(
        "--retries", type=int, default=3, help="nuovi tentativi dopo un errore temporaneo"
    )
    p.add_argument(
        "--backoff-seconds",
        type=float,
        default=2.0,
        help="prima attesa prima di riprovare (raddoppia a ogni tentativo)",
    )
    renamed(
        p,
        "--retry-refused",
        "--riprova",
        action="store_true",
        help="chiedi di nuovo anche gli indirizzi rifiutati in precedenza",
    )
    p.add_argument(
        "--dry-run", action="store_true", help="mostra le richieste che farebbe, senza farle"
    )
    p.add_argument(
        "--only-changed-since",
        metavar="BASE",
        default="",
        help=(
            "solo gli indirizzi delle schede aggiunte o modificate rispetto alla revisione git "
            "BASE (es. origin/main): quello che fa il controllo delle pull request"
        ),
    )
    p.add_argument(
        "--summary-markdown",
        metavar="FILE",
        default="",
        help="scrivi in FILE un riassunto in Markdown (posizione trovata, righe della cache)",
    )
    p.set_defaults(func=cmd_geocode)


def _provider_url(text: str) -> str:
    """Refuse an unusable address at once, as a usage error, before anything is read."""
    try:
        endpoint(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def settings_from(args: argparse.Namespace) -> geocode.Settings:
    return geocode.Settings(
        provider=args.provider,
        url=args.provider_url,
        user_agent=args.user_agent,
        min_delay=max(0.0, args.min_delay_seconds),
        timeout=args.timeout,
        retries=max(0, args.retries),
        backoff=max(0.0, args.backoff_seconds),
    )


def cmd_geocode(args: argparse.Namespace) -> int:
    from servicemap import pipeline

    project = Project(data_file=Path(args.file))
    result = pipeline.run(project, place_records=False)
    if has_errors(result.problems):
        print(format_problems(result.problems), file=sys.stderr)
        print("Correggi gli errori dei dati prima di geocodificare.", file=sys.stderr)
        return 1
    territory = result.territory or Territory(name="", comuni=[])
    services = result.services
    if args.only_changed_since:
        touched = _touched(args.only_changed_since, Path(args.file))
        if touched is None:
            return 2
        services = [s for s in services if s.id in touched]
    return geocode_services(
        services,
        territory,
        project.cache_file,
        settings_from(args),
        dry_run=args.dry_run,
        retry_refused=args.retry_refused,
        summary_file=Path(args.summary_markdown) if args.summary_markdown else None,
    )


def _touched(base: str, file: Path) -> set[str] | None:
    """The ids added or changed since ``base`` (None, said on stderr, when it is no revision)."""
    from servicemap.tools import diff, pr_scope

    try:
        scope = pr_scope.scope_since(base, file)
    except diff.RevisionError as exc:
        print(f"servicemap geocode: {exc}.", file=sys.stderr)
        return None
    if scope.everything:  # a version unreadable: validation says why; ask for nothing here
        return set()
    return scope.touched


def geocode_services(
    services: list[Service],
    territory: Territory,
    cache_file: Path,
    settings: geocode.Settings,
    *,
    dry_run: bool = False,
    retry_refused: bool = False,
    summary_file: Path | None = None,
) -> int:
    """The command's work once the records are loaded (tests call it with built records)."""
    if summary_file is not None:
        summary_file.write_text("", encoding="utf-8")  # nothing asked: nothing to add to a comment
    try:
        endpoint(settings.url)
    except ValueError as exc:
        print(f"Geocodifica non avviata: {exc}.", file=sys.stderr)
        return 1
    cache = load_cache(cache_file)
    if cache.problems:  # never overwrite a damaged cache: the volunteer's entries would be lost
        print(format_problems(cache.problems), file=sys.stderr)
        return 1
    queries = geocode.pending(services, cache, retry_refused=retry_refused)
    if not queries:
        print(_nothing_to_ask(services), file=sys.stderr)
        return 0
    boundaries = Boundaries.of(territory)
    if dry_run:
        print(f"Farei {len(queries)} richieste a {settings.provider} ({settings.host()}):")
        for query in queries:
            print("  " + geocode.describe(query, settings, boundaries))
        return 0
    outcomes = _run_with_progress(queries, boundaries, cache, settings)
    print(geocode.summary(outcomes), file=sys.stderr)
    if summary_file is not None:
        text = geocode_summary.markdown(outcomes, cache.entries, cache_name=cache_file.name)
        summary_file.write_text(text, encoding="utf-8")
    return int(any(o.status == geocode.FAILED for o in outcomes))


def _nothing_to_ask(services: list[Service]) -> str:
    without_street = sum(
        s.written_position is None and not s.indirizzo.via.strip() for s in services
    )
    text = "Niente da chiedere: ogni indirizzo con la via ha già una risposta in cache"
    if without_street:
        text += (
            f"; {without_street} schede senza `indirizzo.via` restano al centro del loro comune "
            "finché non si aggiunge la via o la `posizione`"
        )
    return text + "."


def _run_with_progress(queries, boundaries, cache, settings) -> list[geocode.Outcome]:
    """A progress bar on stderr when it is a terminal (tqdm disables itself otherwise)."""
    try:
        from tqdm import tqdm
    except ImportError:  # the bar is a comfort, not a requirement
        return geocode.run(queries, geocode.make_geocoder(settings), boundaries, cache, settings)
    with tqdm(
        total=len(queries), file=sys.stderr, unit="indirizzi", disable=None, desc="Geocodifica"
    ) as bar:
        return geocode.run(
            queries,
            geocode.make_geocoder(settings),
            boundaries,
            cache,
            settings,
            progress=lambda _o: bar.update(1),
        )
