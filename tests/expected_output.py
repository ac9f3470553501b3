"""The whole-output test's one code path: build the three-record territory, turn the site into the
files of the expected tree, compare them. ``make expected`` runs this file to rewrite the tree
after an intended change; ``tests/test_expected_output.py`` compares with it.

The territory (``tests/data/expected/territorio/``) is built like a user builds it, ``mkdocs
build -f .../mkdocs.yml``, in the four languages. The expected tree (``tests/expected/``) holds:

- ``site/<path>``: every page and data file of the built site that this project makes: a page as
  ``expected_format.page`` keeps it (our part of it), JSON as ``expected_format.json_text``
  prints it (also the JSON of a ``window.NAME = {...};`` data script), other text as published;
- ``copiati.sha256``: every other file, as ``sha256sum`` writes it (``sha256sum -c`` in a built
  site checks them): copies of installed packages' files (Material's bundles, Leaflet, our own
  scripts and styles), files of the en/ar/zh trees identical to the Italian tree's, binary
  files, and MkDocs' ``sitemap.xml``;
- ``costruzione.log``: the build's warnings and errors;
- ``versioni.txt``: the versions of the packages that write parts of the site (``SHAPERS``);
- ``LEGGIMI.md``: the same, for the reviewer (written by hand, not compared).

What varies between two builds of the same commit is normalised, and nothing else: the
generator's version (``<meta name="generator">`` is not among the parts kept), the theme's
inline scripts behind the CSP hashes (named by the script they hash), the ``stale`` warnings
(they depend on the day the test runs). The build date needs nothing: the build takes it from the
newest ``aggiornato`` (``SOURCE_DATE_EPOCH``, removed from the environment here so that the
policy itself is what is tested). The build is deterministic: each run of the test compares a
build of its own process (its own hash seed) with one made by ``make expected`` in another.
"""

from __future__ import annotations

import difflib
import hashlib
import importlib.util
import json
import re
import shutil
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from conftest import REPO, Build, run_build
from expected_format import Page, json_text, page

FIXTURE = REPO / "tests" / "data" / "expected" / "territorio"
EXPECTED = REPO / "tests" / "expected"
SITE = "site"
MANIFEST = "copiati.sha256"
# The environment of a user's plain `mkdocs build`, whatever the caller's shell exports.
ENV: dict[str, str | None] = {
    "SOURCE_DATE_EPOCH": None,
    "OFFLINE": None,
    "ALTRE_LINGUE": None,
    "SITE_URL": None,
}
# The packages whose files the build copies as they are into the site.
PACKAGES = ("servicemap", "material", "xstatic.pkg.leaflet")
LANGUAGE_TREES = ("en/", "ar/", "zh/")
# MkDocs' sitemap: every page with its four language versions and the build date, mechanically
# (the pages are in the tree, the date in every footer), and 65 KB: listed by hash.
BY_HASH = ("sitemap.xml",)
LOG = "costruzione.log"
VERSIONS = "versioni.txt"
# The distributions whose code writes part of the site: a new release of one may change the
# output with no change here (a holiday's name, a date's format in Arabic, Material's bundles).
# Their versions are part of the tree, so that such a difference names its cause first.
SHAPERS = (
    "mkdocs",
    "mkdocs-material",
    "mkdocs-static-i18n",
    "markdown",
    "folium",
    "branca",
    "babel",
    "holidays",
    "phonenumbers",
    "segno",
    "jieba",
    "xstatic-leaflet",
)
HINT = (
    "se il cambiamento è voluto: make expected (poi rivedi e committa il diff di tests/expected/)"
)
_STALE = re.compile(r"\[stale\]|avviso stale:")
_ASSIGNMENT = re.compile(r"\s*(window\.[A-Za-z_$][\w$]*) ?= ?")
_END = re.compile(r" ?;?\s*")


def build(work: Path) -> Build:
    """The territory built in ``work``; a failed build is an error with its log."""
    result = run_build(FIXTURE / "mkdocs.yml", work / "site_build", env=ENV)
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build non riuscito:\n{result.output}")
    return result


def expected_tree(built: Build) -> dict[str, str]:
    """The expected tree's files for a build: path in the tree -> text. Besides the site, the
    build's warnings (``costruzione.log``): what a volunteer reads when building it."""
    site = built.site
    copied = package_hashes()
    files: dict[str, str] = {}
    pages: dict[str, Page] = {}
    listed: list[str] = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        text = _text(data)
        if text is None or rel in BY_HASH or digest in copied or _same_as_italian(site, rel, data):
            listed.append(f"{digest}  {rel}\n")
        elif rel.endswith(".html"):
            pages[rel] = page(text, rel)
        else:
            files[f"{SITE}/{rel}"] = normalise(rel, text)
    for rel, kept in pages.items():
        files[f"{SITE}/{rel}"] = kept.text(pages.get(_tree(rel) + "index.html"))
    files[MANIFEST] = "".join(listed)
    files[LOG] = "".join(f"{line}\n" for line in built.output.splitlines() if _logged(line))
    files[VERSIONS] = "".join(f"{name} {metadata.version(name)}\n" for name in SHAPERS)
    return dict(sorted(files.items()))


def _logged(line: str) -> bool:
    """A warning or error of the build, but not the ``stale`` ones: those depend on the day the
    test runs (a record checked over a year before it), not on the commit."""
    kept = line.startswith(("WARNING", "ERROR")) and "MkDocs 2.0" not in line
    return kept and not _STALE.search(line)


def normalise(rel: str, text: str) -> str:
    """One built data file as the expected tree holds it (see the module docstring)."""
    if rel.endswith((".json", ".geojson")):
        return json_text(json.loads(text)) + "\n"
    return (_data_script(text) if rel.endswith(".js") else None) or text


def _data_script(text: str) -> str | None:
    """A script of data, ``window.NAME={...};`` statements only, with its JSON as ``json_text``
    prints it; None for any other script (kept as it is)."""
    decoder, out, at = json.JSONDecoder(), [], 0
    while at < len(text):
        name = _ASSIGNMENT.match(text, at)
        if not name:
            return None
        try:
            value, at = decoder.raw_decode(text, name.end())
        except json.JSONDecodeError:
            return None
        out.append(f"{name.group(1)} = {json_text(value)};\n")
        at = _END.match(text, at).end()  # type: ignore[union-attr]
    return "".join(out) or None


def package_hashes() -> set[str]:
    """The sha256 of every file of the packages the build copies from (``PACKAGES``)."""
    hashes = set()
    for name in PACKAGES:
        spec = importlib.util.find_spec(name)
        for root in (spec.submodule_search_locations or []) if spec else []:
            for path in Path(root).rglob("*"):
                if path.is_file():
                    hashes.add(hashlib.sha256(path.read_bytes()).hexdigest())
    return hashes


def _tree(rel: str) -> str:
    """The language tree a file is in: "en/", "ar/", "zh/", or "" (the Italian one)."""
    return next((t for t in LANGUAGE_TREES if rel.startswith(t)), "")


def _same_as_italian(site: Path, rel: str, data: bytes) -> bool:
    """A file of the en/ar/zh trees that is the Italian tree's file at the same path."""
    tree = _tree(rel)
    italian = site / rel[len(tree) :]
    return bool(tree) and italian.is_file() and italian.read_bytes() == data


def _text(data: bytes) -> str | None:
    """The file's text, or None for a binary file (listed by hash only)."""
    if b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def read_tree(root: Path) -> dict[str, str]:
    """The committed expected tree: path -> text (line endings as committed)."""
    if not root.is_dir():
        return {}
    return {
        p.relative_to(root).as_posix(): p.read_bytes().decode("utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.relative_to(root).as_posix() != "LEGGIMI.md"
    }


def write_tree(files: dict[str, str], root: Path = EXPECTED) -> None:
    """Replace the expected tree with ``files`` (the reader's notes, LEGGIMI.md, stay)."""
    shutil.rmtree(root / SITE, ignore_errors=True)
    (root / MANIFEST).unlink(missing_ok=True)
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))


def compare(actual: dict[str, str], expected: dict[str, str]) -> dict[str, list[str]]:
    """The files missing from ``actual``, those in more, those that differ: by label."""
    changed = [k for k in expected.keys() & actual.keys() if expected[k] != actual[k]]
    return {
        "mancanti": sorted(expected.keys() - actual.keys(), key=_italian_first),
        "in più": sorted(actual.keys() - expected.keys(), key=_italian_first),
        "diversi": sorted(changed, key=_italian_first),
    }


def listing(groups: dict[str, list[str]], limit: int = 20) -> list[str]:
    """One line per non-empty group: "File diversi (3): a, b, c"."""
    lines = []
    for label, names in groups.items():
        if names:
            more = ", …" if len(names) > limit else ""
            lines.append(f"File {label} ({len(names)}): " + ", ".join(names[:limit]) + more)
    return lines


def differences(actual: dict[str, str], expected: dict[str, str], *, shown: int = 3) -> str:
    """What differs, for a person: missing and extra files, then the unified diff of the first
    ``shown`` changed files (each cut at 80 lines); "" when the trees are the same."""
    groups = compare(actual, expected)
    if not any(groups.values()):
        return ""
    out = [f"L'output della costruzione non è quello atteso (tests/expected/): {HINT}."]
    out += listing(groups)
    changed = groups["diversi"]
    if VERSIONS in changed:
        out.append(
            f"Sono cambiate le versioni dei pacchetti che scrivono parti del sito ({VERSIONS}): "
            "le altre differenze possono venire da lì (rivedile prima di fare make expected)."
        )
    for name in changed[:shown]:
        diff = list(
            difflib.unified_diff(
                _lines(expected[name]),
                _lines(actual[name]),
                f"atteso/{name}",
                f"costruito/{name}",
                n=2,
            )
        )
        cut = [f"… ({len(diff) - 80} righe ancora)\n"] if len(diff) > 80 else []
        out.append("".join(diff[:80] + cut).rstrip("\n"))
    return "\n".join(out)


def _italian_first(name: str) -> tuple[bool, bool, str]:
    """The versions first (a changed one explains the rest), then the Italian tree and the
    exports, then the en/ar/zh trees: the first page diff is in the records' own language."""
    return name != VERSIONS, bool(_tree(name.removeprefix(f"{SITE}/"))), name


def _lines(text: str) -> list[str]:
    """Lines split at "\\n" only (``str.splitlines`` also splits at U+2028 and friends)."""
    parts = text.split("\n")
    lines = [line + "\n" for line in parts[:-1]]
    return lines + ([parts[-1] + "\n"] if parts[-1] else [])


def main() -> int:
    """``make expected``: build, and rewrite the expected tree from what was built."""
    with tempfile.TemporaryDirectory(prefix="servicemap-expected-") as work:
        files = expected_tree(build(Path(work)))
    before = read_tree(EXPECTED)
    write_tree(files)
    size = sum(len(t.encode("utf-8")) for t in files.values())
    print(f"tests/expected/ riscritta: {len(files)} file, {size / 1024:.0f} KB.")
    groups = compare(files, before)
    groups = {"tolti": groups["mancanti"], "nuovi": groups["in più"], "cambiati": groups["diversi"]}
    print("\n".join(listing(groups, limit=50)) or "Nessun cambiamento.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
