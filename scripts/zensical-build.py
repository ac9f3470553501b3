#!/usr/bin/env python3
"""Build the site with Zensical instead of MkDocs: the measured path of ``docs/zensical.md``.

Zensical reads ``mkdocs.yml`` but has no hooks and no plugin API yet, so our pages cannot be
added while it builds. This script does beforehand what the MkDocs hooks do during a build:

1. the data stages (``pipeline.run``: load, validate, place), stopping on an error;
2. every generated page and file (``render_site``, the call the MkDocs adapter makes), written
   as files into a staging copy of ``docs_dir``; the home page's placeholders filled in;
3. a config derived from ``mkdocs.yml``: no hooks, no mkdocs-static-i18n (Italian only), our
   stylesheets and scripts on every page, the footer's build date;
4. ``zensical build``; then every page gets its Content-Security-Policy, and the result replaces
   the output folder only when everything worked (``publish``, as ``mkdocs build`` does).

Usage (``make zensical``):  python scripts/zensical-build.py [-f mkdocs.yml] [-d site_zensical]
It needs ``zensical`` in the same environment; nothing of MkDocs is imported.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from servicemap import pipeline
from servicemap.adapters import offline, publish
from servicemap.adapters.build import build_epoch
from servicemap.adapters.site import render_site
from servicemap.load import safefile
from servicemap.problems.problem import Problem, has_errors, report_order
from servicemap.render import citizen, csp, freshness, home, i18n
from servicemap.render.assets import A11Y_CSS_PATH
from servicemap.render.context import RenderContext
from servicemap.render.html import Site
from servicemap.render.labels import Labels
from servicemap.render.print import PRINT_CSS_PATH
from servicemap.validate.contact import contact_from_settings
from servicemap.validate.project import Project

LANG = "it"  # Zensical has no multi-language builds yet: the default language only
DROPPED_PLUGINS = ("i18n",)  # mkdocs-static-i18n: a MkDocs plugin Zensical does not run


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    config_file = Path(args.config_file).resolve()
    settings = _read_settings(config_file)
    base = config_file.parent
    start = time.perf_counter()
    project, problems = _project(config_file, settings)
    result = pipeline.run(project)
    docs_dir = base / str(settings.get("docs_dir", "docs"))
    problems += result.problems + safefile.scan_tree(docs_dir, project=base)
    _print(problems)
    if not result.ok or has_errors(problems):
        print(f"Il sito non è stato costruito: {args.site_dir} resta com'era.", file=sys.stderr)
        return 1
    epoch = _epoch(result)
    copy = _offline(settings)  # OFFLINE=true: the copy opened from file://
    with tempfile.TemporaryDirectory(prefix="servicemap-zensical-") as tmp:
        root = Path(tmp)
        shutil.copytree(docs_dir, root / "docs", ignore=_translations(settings))
        written = _write_generated(root / "docs", result, project, settings, epoch, copy)
        derived = _derived(settings, result, epoch, copy)
        (root / "mkdocs.yml").write_text(derived, encoding="utf-8")
        env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
        zensical = [sys.executable, "-m", "zensical", "build", "-f", str(root / "mkdocs.yml")]
        before = time.perf_counter()
        built = subprocess.run(zensical, env=env, cwd=root, check=False)
        zensical_seconds = time.perf_counter() - before
        if built.returncode != 0:
            print(f"zensical build è fallito: {args.site_dir} resta com'era.", file=sys.stderr)
            return 1
        pages = _add_policies(root / "site", project, copy)
        if copy:
            _write_zip(root / "site", settings, result, project, epoch)
        _publish(root / "site", Path(args.site_dir).resolve())
    seconds = time.perf_counter() - start
    print(f"Zensical: {written} file generati, {pages} pagine HTML in {args.site_dir} "
          f"in {seconds:.1f} s (di cui zensical build {zensical_seconds:.1f} s).")  # fmt: skip
    return 0


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Costruisce il sito con Zensical (solo italiano).")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="il mkdocs.yml")
    parser.add_argument("-d", "--site-dir", default="site_zensical", help="la cartella del sito")
    return parser.parse_args(argv)


def _read_settings(path: Path) -> dict:
    """``mkdocs.yml`` as MkDocs reads it: ``!ENV [NAME, default]`` from the environment."""

    class Loader(yaml.SafeLoader):
        pass

    def env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
        if isinstance(node, yaml.ScalarNode):
            names, default = [loader.construct_scalar(node)], None
        else:
            *names, default = loader.construct_sequence(node)  # type: ignore[arg-type]
        for name in names:
            if name in os.environ:
                return yaml.safe_load(os.environ[name])
        return default

    Loader.add_constructor("!ENV", env)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader) or {}


def _project(config_file: Path, settings: dict) -> tuple[Project, list[Problem]]:
    """The project as the MkDocs adapter makes it from ``extra.servicemap``."""
    options = dict((settings.get("extra") or {}).get("servicemap") or {})
    project = Project.from_options(config_file.parent, options)
    project.site_url = project.site_url or settings.get("site_url") or ""
    project.contact, problems = contact_from_settings(config_file, options)
    return project, problems


def _print(problems: list[Problem]) -> None:
    """Errors in full, warnings one line per code (as ``mkdocs build`` prints them)."""
    by_code: dict[str, list[Problem]] = {}  # in report order: the first of each code
    for problem in sorted(problems, key=report_order):
        if problem.severity == "error":
            print(problem.format_text(), file=sys.stderr)
        else:
            by_code.setdefault(problem.code, []).append(problem)
    for same in by_code.values():
        first = same[0]
        more = f" (e altre {len(same) - 1} volte: `servicemap validate`)" if len(same) > 1 else ""
        print(f"{first.format_text()}{more}", file=sys.stderr)


def _translations(settings: dict):
    """Skip the other languages' hand-written pages (``index.en.md``): without
    mkdocs-static-i18n Zensical would publish each one as a page of its own (``index.en/``)."""
    locales = []
    for item in settings.get("plugins") or []:
        if isinstance(item, dict) and "i18n" in item:
            languages = (item["i18n"] or {}).get("languages") or []
            locales = [x["locale"] for x in languages if not x.get("default")]
    suffixes = tuple(f".{locale}" for locale in locales)

    def ignore(folder: str, names: list[str]) -> list[str]:
        return [n for n in names if suffixes and Path(n).stem.endswith(suffixes)]

    return ignore


def _epoch(result: pipeline.Result) -> int:
    """The adapter's rule (``build.build_epoch``): ``SOURCE_DATE_EPOCH``, else the data's."""
    return build_epoch(result.services, os.environ.get("SOURCE_DATE_EPOCH"))


def _data_date(result: pipeline.Result) -> dt.date | None:
    """The most recent ``aggiornato``: the date of the data (the offline zip's name)."""
    dates = []
    for service in result.services:
        try:
            dates.append(dt.date.fromisoformat(service.aggiornato))
        except ValueError:
            continue
    return max(dates, default=None)


def _offline(settings: dict) -> bool:
    for item in settings.get("plugins") or []:
        if isinstance(item, dict) and "offline" in item:
            return bool((item["offline"] or {}).get("enabled"))
    return False


def _write_generated(
    docs: Path, result: pipeline.Result, project: Project, settings: dict, epoch: int, copy: bool
) -> int:
    """Every generated page and file, as a file of ``docs``; hand-written pages win.

    The offline copy has no directory URLs (Zensical's offline plugin writes ``x.html``, as
    Material's does); its absolute links (QR codes, JSON-LD) keep the online site's style.
    """
    public = bool(settings.get("use_directory_urls", True))
    directory_urls = public and not copy
    today = dt.datetime.fromtimestamp(epoch, dt.UTC).date()
    generated = render_site(
        result.services, result.territory, result.vocabulary, project,
        directory_urls=directory_urls, today=today, offline=copy, lang=LANG,
        public_directory_urls=public,
    )  # fmt: skip
    written = 0
    for item in generated:
        target = docs / item.path
        if target.exists():
            print(f"{item.path} è scritto a mano: la versione generata non è usata")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(item.content, bytes):
            target.write_bytes(item.content)
        else:
            target.write_text(item.content, encoding="utf-8")
        written += 1
    labels = Labels.from_vocabulary(result.vocabulary, LANG)
    ctx = RenderContext(result.services, result.territory, labels, Site(directory_urls), lang=LANG)
    for page in docs.rglob("*.md"):  # the hand-written pages' placeholders (the home page's)
        text = page.read_text(encoding="utf-8")
        src = page.relative_to(docs).as_posix()
        if citizen.PLAIN_WORDS_MARK in text:
            text = text.replace(citizen.PLAIN_WORDS_MARK, citizen.plain_words(labels, lang=LANG))
        if home.START_MARK in text:
            text = text.replace(home.START_MARK, home.start_here(ctx, src), 1)
        page.write_text(text, encoding="utf-8")
    return written


def _derived(settings: dict, result: pipeline.Result, epoch: int, copy: bool) -> str:
    """``mkdocs.yml`` for Zensical: the staging folders, no hooks, our assets, the footer.

    Zensical's theme has two variants: ``modern`` (its default: another look, and its active
    navigation link fails the WCAG contrast check) and ``classic``, Material's.

    The offline copy names our iframe-worker shim among the polyfills: Zensical, like Material,
    otherwise adds the one from a CDN to every page.
    """
    config = dict(settings)
    theme = dict(config.get("theme") or {})
    theme.setdefault("variant", "classic")  # Material's look (and its contrast: axe passes)
    config["theme"] = theme
    if copy:
        extra = dict(config.get("extra") or {})
        extra["polyfills"] = offline.local_polyfills(list(extra.get("polyfills") or []))
        config["extra"] = extra
    config.update(docs_dir="docs", site_dir="site")
    config.pop("hooks", None)
    plugins = []
    for item in config.get("plugins") or []:
        name = item if isinstance(item, str) else next(iter(item))
        if name not in DROPPED_PLUGINS:
            plugins.append(item)
    config["plugins"] = plugins
    css = [A11Y_CSS_PATH, PRINT_CSS_PATH, *citizen.EVERY_PAGE_CSS]
    config["extra_css"] = list(dict.fromkeys([*(config.get("extra_css") or []), *css]))
    js = [*(config.get("extra_javascript") or []), *citizen.EVERY_PAGE_JS]
    config["extra_javascript"] = list(dict.fromkeys(js))
    built = dt.datetime.fromtimestamp(epoch, dt.UTC).date()
    line = freshness.footer_line(built, [s.aggiornato for s in result.services], LANG)
    written = settings.get("copyright") or ""
    config["copyright"] = f"{line} · {written}" if written else line
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def _add_policies(site: Path, project: Project, copy: bool) -> int:
    """Every page's Content-Security-Policy and ``<html dir>``, as the adapter's last step."""
    tiles = "" if copy else csp.tile_origin(project.tile_url)
    direction = i18n.direction(LANG)
    pages = 0
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        text = text.replace("<html lang=", f'<html dir="{direction}" lang=', 1)
        extra = []
        if copy:
            text = offline.without_alternates(offline.without_canonical(text))
            extra = [offline.worker_shim_hash(text)]
        page.write_text(csp.add_policy(text, extra, tiles=tiles, offline=copy), encoding="utf-8")
        pages += 1
    return pages


def _write_zip(
    site: Path, settings: dict, result: pipeline.Result, project: Project, epoch: int
) -> None:
    """The offline copy's dated zip with its ``LEGGIMI.txt``, inside the site (as MkDocs')."""
    built = dt.datetime.fromtimestamp(epoch, dt.UTC).date()
    words = freshness.footer_text(built, [s.aggiornato for s in result.services])
    name = str(settings.get("site_name") or "")
    readme = offline.readme(name, _data_date(result) or built, project.site_url, words, {LANG: ""})
    path = offline.write_zip(site, _data_date(result) or built, epoch, readme)
    print(f"Copia offline: {path.name}")


def _publish(built: Path, final: Path) -> None:
    """Replace the output folder with the built site in one step (the old one stays on failure)."""
    staging = publish.start(final)
    try:
        shutil.copytree(built, staging.path, dirs_exist_ok=True)
    except OSError:
        staging.discard()
        raise
    staging.publish()


if __name__ == "__main__":
    sys.exit(main())
