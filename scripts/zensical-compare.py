#!/usr/bin/env python3
"""Compare a MkDocs build and a Zensical build of one territory: the numbers of docs/zensical.md.

Usage:
  ALTRE_LINGUE=false .venv/bin/mkdocs build -d /tmp/sito-mkdocs
  make zensical  (or: python scripts/zensical-build.py -d /tmp/sito-zensical)
  python scripts/zensical-compare.py /tmp/sito-mkdocs site_zensical

It prints the files only one of the two has (the themes' own assets left aside: Material's and
Zensical's differ by design), how many of our files (open data, scripts, styles) have the same
bytes, and how many pages show the same text in their article.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

THEME = ("assets/javascripts/", "assets/stylesheets/", "assets/images/")
ARTICLE = re.compile(r'<article class="md-content__inner[^>]*>(.*?)</article>', re.S)


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def article_text(page: Path) -> str:
    """The words of a page's article, as a reader sees them (no tags, no scripts)."""
    found = ARTICLE.search(page.read_text(encoding="utf-8"))
    text = re.sub(r"<script.*?</script>", "", found.group(1) if found else "", flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def main(mkdocs_site: Path, zensical_site: Path) -> int:
    one, two = files(mkdocs_site), files(zensical_site)
    ours = {p for p in one | two if not p.startswith(THEME)}
    print(f"file: MkDocs {len(one)}, Zensical {len(two)} (tema escluso: {len(one & ours)} e "
          f"{len(two & ours)})")  # fmt: skip
    for path in sorted((one - two) & ours):
        print(f"  solo MkDocs:   {path}")
    for path in sorted((two - one) & ours):
        print(f"  solo Zensical: {path}")
    static = sorted(p for p in one & two & ours if not p.endswith(".html"))
    static = [p for p in static if not p.startswith(("search", "sitemap"))]
    same = [p for p in static if (mkdocs_site / p).read_bytes() == (zensical_site / p).read_bytes()]
    print(f"file nostri con gli stessi byte: {len(same)} su {len(static)}")
    for path in sorted(set(static) - set(same)):
        print(f"  diverso: {path}")
    pages = sorted(p for p in one & two if p.endswith(".html"))
    equal = [p for p in pages if article_text(mkdocs_site / p) == article_text(zensical_site / p)]
    print(f"pagine con lo stesso testo: {len(equal)} su {len(pages)}")
    for path in sorted(set(pages) - set(equal)):
        print(f"  testo diverso: {path}")
    return 0 if len(equal) == len(pages) and len(same) == len(static) else 1


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
