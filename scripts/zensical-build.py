#!/usr/bin/env python3
"""Build the site with Zensical instead of MkDocs: the Zensical adapter of ``docs/zensical.md``.

It calls the same core as the MkDocs adapter (``servicemap.adapters.build``), which holds every
rule of ours: the data stages and their refusals, the build date, the files of the tree, the
marks of the hand-written pages, the footer and assets of every page, each page's direction and
Content-Security-Policy, the offline zip and the atomic publish. Zensical reads ``mkdocs.yml``
but has no hooks and no plugin API yet, so what the MkDocs adapter hands over during a build is
handed over here around it:

1. ``Build.start``; the hand-written pages and the tree's generated files written into a staging
   ``docs_dir`` (the marks of the former filled by the core);
2. a config derived from ``mkdocs.yml`` (``derived``): no hooks, no mkdocs-static-i18n (Italian
   only), the core's stylesheets, scripts and footer, the staging folder as ``site_dir``;
3. ``zensical build``; then every built page through ``finished_page``, and ``finish`` (or
   ``fail``: the published folder stays as it was).

Usage (``make zensical``):
    python scripts/zensical-build.py [-f mkdocs.yml] [-d site_zensical] [--strict]
It needs ``zensical`` in the same environment; nothing of MkDocs is imported.
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from servicemap.adapters import console, offline
from servicemap.adapters.build import Build, BuildError, PageExtras, Settings

LANG = "it"  # Zensical has no multi-language builds yet: the default language only
DROPPED_PLUGINS = ("i18n",)  # mkdocs-static-i18n: a MkDocs plugin Zensical does not run
log = logging.getLogger("servicemap.zensical")


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    if importlib.util.find_spec("zensical") is None:
        how = "`make zensical` lo installa (o `pip install -e '.[zensical]'`)"
        log.error("Zensical non è installato in questo ambiente: %s. %s resta com'era.",
                  how, args.site_dir)  # fmt: skip
        return 1
    config_file = Path(args.config_file).resolve()
    config = read_config(config_file)
    start = time.perf_counter()
    try:
        build = Build.start(_settings(config_file, config, Path(args.site_dir)), log)
    except BuildError as exc:
        log.error("%s", exc)
        return 1
    strict = args.strict or bool(config.get("strict"))
    if strict and build.data_warnings:  # as ``mkdocs build --strict``: warnings publish nothing
        build.fail()
        log.error("%s", console.strict_refusal(build.final_dir))
        return 1
    try:
        with tempfile.TemporaryDirectory(prefix="servicemap-zensical-") as tmp:
            written = _stage(build, config, Path(tmp))
            before = time.perf_counter()
            zensical = [sys.executable, "-m", "zensical", "build", "-f", f"{tmp}/mkdocs.yml"]
            zensical += ["--strict"] if strict else []  # Zensical's own warnings too
            built = subprocess.run(zensical, cwd=tmp, check=False)  # SOURCE_DATE_EPOCH: the core's
            zensical_seconds = time.perf_counter() - before
            if built.returncode != 0:
                build.fail()
                log.error("zensical build è fallito: %s resta com'era.", args.site_dir)
                return 1
            _move_into(Path(tmp) / "site", build.site_dir)
        pages = _finish_pages(build)
        build.finish()
    except BuildError as exc:
        build.fail()
        log.error("%s", exc)
        return 1
    except BaseException:
        build.fail()
        raise
    seconds = time.perf_counter() - start
    print(f"Zensical: {written} file generati, {pages} pagine HTML in {args.site_dir} "
          f"in {seconds:.1f} s (di cui zensical build {zensical_seconds:.1f} s).")  # fmt: skip
    return 0


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Costruisce il sito con Zensical (solo italiano).")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="il mkdocs.yml")
    parser.add_argument("-d", "--site-dir", default="site_zensical", help="la cartella del sito")
    strict = "con un avviso (dei dati o di Zensical) non pubblica nulla"
    parser.add_argument("-s", "--strict", action="store_true", help=strict)
    return parser.parse_args(argv)


def read_config(path: Path) -> dict:
    """``mkdocs.yml`` as MkDocs and Zensical read it: ``!ENV [NAME, default]`` from the
    environment."""

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


def _settings(config_file: Path, config: dict, site_dir: Path) -> Settings:
    """The core's settings from ``mkdocs.yml``, as the MkDocs adapter takes them from MkDocs.

    The offline copy has no directory URLs (Zensical's offline plugin writes ``x.html``, as
    Material's does); its absolute links (QR codes, JSON-LD) keep the online site's style.
    """
    copy = _plugin_enabled(config, "offline")  # OFFLINE=true: the copy opened from file://
    public = bool(config.get("use_directory_urls", True))
    return Settings(
        config_file, config_file.parent / str(config.get("docs_dir", "docs")), site_dir,
        dict((config.get("extra") or {}).get("servicemap") or {}),
        site_url=config.get("site_url") or "", directory_urls=public and not copy,
        public_directory_urls=public, offline=copy, languages={LANG: ""},
        site_name=str(config.get("site_name") or ""), copyright=config.get("copyright") or "",
    )  # fmt: skip


def _plugin_enabled(config: dict, name: str) -> bool:
    for item in config.get("plugins") or []:
        if isinstance(item, dict) and name in item:
            return bool((item[name] or {}).get("enabled"))
    return False


def _stage(build: Build, config: dict, root: Path) -> int:
    """The staging project in ``root``: ``docs/`` and the derived ``mkdocs.yml``.

    ``docs/`` holds the hand-written pages (their marks filled) and the tree's generated files;
    a hand-written page replaces a generated one of the same name (the core decides which, and
    refuses a collision). Returns how many generated files were written.
    """
    docs = root / "docs"
    found = _hand_written_files(build.settings.docs_dir, config)
    for src, source in found:
        target = docs / src
        target.parent.mkdir(parents=True, exist_ok=True)
        if src.endswith(".md"):
            text = Path(source).read_text(encoding="utf-8")
            target.write_text(build.hand_written(text, src, LANG), encoding="utf-8")
        else:
            shutil.copyfile(source, target)
    tree = build.files(LANG, list(found))
    for path, item in tree.site_files():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(item.content, bytes):
            target.write_bytes(item.content)
        else:
            target.write_text(item.content, encoding="utf-8")
    derived = _derived(config, build.page_extras(LANG), build.settings.offline)
    (root / "mkdocs.yml").write_text(derived, encoding="utf-8")
    return len(tree.files)


def _hand_written_files(docs_dir: Path, config: dict) -> list[tuple[str, str]]:
    """Every file of ``docs_dir`` (path in it, absolute path) but the other languages' pages.

    Without mkdocs-static-i18n Zensical would publish each translated page (``index.en.md``) as
    a page of its own (``index.en/``): they stay out of the staging ``docs_dir``.
    """
    suffixes = tuple(f".{locale}" for locale in _other_locales(config))
    docs = docs_dir.resolve()
    return sorted(
        (path.relative_to(docs).as_posix(), str(path))
        for path in docs.rglob("*")
        if path.is_file() and not (suffixes and path.stem.endswith(suffixes))
    )


def _other_locales(config: dict) -> list[str]:
    for item in config.get("plugins") or []:
        if isinstance(item, dict) and "i18n" in item:
            languages = (item["i18n"] or {}).get("languages") or []
            return [x["locale"] for x in languages if not x.get("default")]
    return []


def _derived(config: dict, extras: PageExtras, copy: bool) -> str:
    """``mkdocs.yml`` for Zensical: the staging folders, no hooks, the core's assets and footer.

    Zensical's theme has two variants: ``modern`` (its default: another look, and its active
    navigation link fails the WCAG contrast check) and ``classic``, Material's.

    The offline copy names our iframe-worker shim among the polyfills: Zensical, like Material,
    otherwise adds the one from a CDN to every page.
    """
    config = dict(config)
    theme = dict(config.get("theme") or {})
    theme.setdefault("variant", "classic")  # Material's look (and its contrast: axe passes)
    config["theme"] = theme
    if copy:
        extra = dict(config.get("extra") or {})
        extra["polyfills"] = offline.local_polyfills(list(extra.get("polyfills") or []))
        config["extra"] = extra
    config.update(docs_dir="docs", site_dir="site")  # Zensical: inside the project's folder
    config.pop("hooks", None)
    plugins = []
    for item in config.get("plugins") or []:
        name = item if isinstance(item, str) else next(iter(item))
        if name not in DROPPED_PLUGINS:
            plugins.append(item)
    config["plugins"] = plugins
    config["extra_css"] = list(dict.fromkeys([*(config.get("extra_css") or []), *extras.css]))
    js = [*(config.get("extra_javascript") or []), *extras.javascript]
    config["extra_javascript"] = list(dict.fromkeys(js))
    config["copyright"] = extras.footer
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def _move_into(built: Path, staging: Path) -> None:
    """The built site into the core's staging folder. Zensical refuses a ``site_dir`` outside
    the project's folder (the staging one, beside the published site, is), so it builds in the
    temporary project and its output moves (a rename when both are on the same filesystem)."""
    for entry in built.iterdir():
        shutil.move(entry, staging / entry.name)


def _finish_pages(build: Build) -> int:
    """Every page Zensical wrote, as published: the core's direction and policy on each."""
    pages = 0
    for page in build.site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        name = page.relative_to(build.site_dir).as_posix()
        if name == "404.html":  # the theme's own page, as the MkDocs adapter hands it over
            text = build.theme_page(text, name, LANG)
        else:
            text = build.finished_page(text, LANG)
        page.write_text(text, encoding="utf-8")
        pages += 1
    return pages


if __name__ == "__main__":
    sys.exit(main())
