"""Generated pages filled into the theme's page of their shape, not rendered by the theme again.

All service pages of one language tree share one shape: the same depth, the same navigation,
the same assets, the same theme texts. Rendering Material's ``main.html`` for each of them (about
7 ms a page, most of a large build) produces the same text around a few parts that differ:
the title, the canonical address, the addresses of the page in the other languages, the body.

So the theme renders the first page of a shape as usual; ``skeleton`` cuts that page at those
parts (the ``Parts`` the generator gave the theme, found where the theme printed them) into a
``Skeleton``; the second page of the shape is rendered too and must be exactly its skeleton
filled with its own parts (``Shapes.render`` checks it, else that shape is always rendered by the
theme); every further page of the shape is the skeleton filled in. What happens to a page after
the theme (its details, its direction, its Content-Security-Policy over its own inline scripts)
happens to a filled page in the same way, and the generator's other work (the search index, the
sitemap, the language switch) is untouched: only the template's rendering is skipped.

No generator import here: the MkDocs adapter gives the parts and the theme's renderer.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

CONTENT = "content"
TITLE = "title"  # in the theme's header
HEAD_TITLE = "head-title"  # in <title>
CANONICAL = "canonical"
ALTERNATE = "alternate:"  # + hreflang

_HREF_LANG = re.compile(r'href="([^"]*)" hreflang="([^"]+)"')
_HEADER_TOPIC = re.compile(r'data-md-component="header-topic">\s*<span class="md-ellipsis">\s*')


@dataclass(frozen=True)
class Parts:
    """What differs between two pages of one shape, as the theme prints it.

    ``title``: the page's title as HTML (the theme prints it unescaped, in ``<title>`` and in the
    header); ``alternates``: hreflang -> the address the theme prints for that language.
    """

    content: str
    title: str
    canonical: str
    alternates: dict[str, str] = field(default_factory=dict)

    def values(self) -> dict[str, str]:
        found = {CONTENT: self.content, TITLE: self.title, HEAD_TITLE: self.title}
        found[CANONICAL] = self.canonical
        found.update({ALTERNATE + lang: href for lang, href in self.alternates.items()})
        return found


@dataclass(frozen=True)
class Skeleton:
    """A rendered page cut at its parts: ``texts`` around ``names`` (one more text than names)."""

    texts: tuple[str, ...]
    names: tuple[str, ...]

    def fill(self, parts: Parts) -> str | None:
        """The page of ``parts``; None when it lacks one of the skeleton's parts."""
        values = parts.values()
        out = [self.texts[0]]
        for name, text in zip(self.names, self.texts[1:], strict=True):
            value = values.get(name)
            if value is None:
                return None
            out += (value, text)
        return "".join(out)


def skeleton(page: str, parts: Parts) -> Skeleton | None:
    """``page`` (the theme's rendering of ``parts``) cut at each part; None when one is not found
    exactly where the theme prints it (another theme, another version: render every page)."""
    spans: list[tuple[int, int, str]] = []
    article = page.find("<article")
    start = page.find(parts.content, article) if article != -1 and parts.content else -1
    if start == -1:
        return None
    spans.append((start, start + len(parts.content), CONTENT))
    title = page.find(f"<title>{parts.title} - ")
    header = _HEADER_TOPIC.search(page)
    topic = header.end() if header and page.startswith(parts.title, header.end()) else -1
    if title == -1 or topic == -1 or not parts.title:
        return None
    spans += [(title + 7, title + 7 + len(parts.title), HEAD_TITLE)]
    spans += [(topic, topic + len(parts.title), TITLE)]
    if parts.canonical:
        link = f'<link rel="canonical" href="{parts.canonical}">'
        at = page.find(link)
        if at == -1:
            return None
        begin = at + len('<link rel="canonical" href="')
        spans.append((begin, begin + len(parts.canonical), CANONICAL))
    for match in _HREF_LANG.finditer(page, 0, article):
        lang = match.group(2)
        if parts.alternates.get(lang) == match.group(1):
            spans.append((match.start(1), match.end(1), ALTERNATE + lang))
    return _cut(page, sorted(spans))


def _cut(page: str, spans: list[tuple[int, int, str]]) -> Skeleton | None:
    texts, names, at = [], [], 0
    for begin, end, name in spans:
        if begin < at:
            return None  # two parts overlap: the page cannot be cut safely
        texts.append(page[at:begin])
        names.append(name)
        at = end
    texts.append(page[at:])
    return Skeleton(tuple(texts), tuple(names))


_REFUSED = object()  # a shape whose pages the theme renders, every one


@dataclass
class Shapes:
    """The skeleton of each page shape of one build (``shape``: a key the adapter makes)."""

    log: logging.Logger
    found: dict[Hashable, object] = field(default_factory=dict)  # shape -> Skeleton or state
    pending: dict[Hashable, tuple[Skeleton, Parts]] = field(default_factory=dict)  # unchecked
    filled: int = 0

    def render(self, shape: Hashable, parts: Parts, theme: Callable[[], str]) -> str:
        """The page: filled into its shape's checked skeleton, else rendered by ``theme``."""
        known = self.found.get(shape)
        if isinstance(known, Skeleton):
            page = known.fill(parts)
            if page is not None:
                self.filled += 1
                return page
            return theme()
        page = theme()
        if known is _REFUSED:
            return page
        if shape in self.pending:
            self._check(shape, parts, page)
            return page
        made = skeleton(page, parts)
        if made is None:
            self.log.debug("Pagine %s: la forma non si riconosce, il tema le scrive tutte", shape)
            self.found[shape] = _REFUSED
        else:
            self.pending[shape] = (made, parts)
        return page

    def _check(self, shape: Hashable, parts: Parts, page: str) -> None:
        """A later page of the shape, rendered by the theme, against its skeleton filled in:
        a page whose title or body is the first one's proves nothing (a part may have been
        cut at a text that only happens to be the same), so the check waits for another."""
        made, first = self.pending[shape]
        if parts.title == first.title or parts.content == first.content:
            return
        del self.pending[shape]
        if made.fill(parts) == page:
            self.found[shape] = made
        else:
            self.log.debug("Pagine %s: la forma non si riempie, il tema le scrive tutte", shape)
            self.found[shape] = _REFUSED
