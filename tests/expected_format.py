"""Our part of a built page, as stable text to review (the whole-output test, ``expected_output``).

A page built by MkDocs-Material is Material's chrome (header, navigation, sidebars, its icons and
scripts, which change with every theme release) around what we write. The expected text keeps only
what this project decides:

- the ``<html>`` and ``<body>`` tags (language and direction);
- from the head: the title, the description, the Content-Security-Policy, the ``hreflang`` and
  canonical links;
- every stylesheet and script the page loads, in document order, except Material's own bundles
  (``assets/javascripts/``, ``assets/stylesheets/``, ``assets/images/``: those files are in the
  manifest of copied files, by name and hash);
- the page's content, the ``<article>`` of ``.md-content``, whole;
- our line in the footer (the build date and the records' freshness).

The ``<html>`` and ``<body>`` tags, the CSP, the description and the files loaded are the page's
frame, the same on every page of a language tree but for the depth of its relative links: a page
whose frame is its tree home page's (links resolved) says so in a comment instead of repeating it.

The CSP's script hashes are written as the inline script they hash ("inline script 2"), so that a
theme release that changes Material's inline scripts does not rewrite every page, while a hash
that matches no script of the page stays as it is and shows up as a difference.

The content is printed one block element per line, indented by nesting; inline elements (links,
``bdi``, ``time``...) stay within their line. Whitespace is collapsed as a browser collapses it
(never inside ``pre``, ``textarea``, ``script`` or ``style``). Tags are kept exactly as written
(attribute order, quotes, entities), and so is text: the escaping of every field is part of the
expected output.
"""

from __future__ import annotations

import base64
import hashlib
import json
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())  # noqa: SIM905
# Phrasing content (and SVG's drawing): written within the line of the block that holds it.
INLINE = frozenset(
    "a abbr b bdi bdo br button cite code data dfn em i img input kbd label mark output q s "  # noqa: SIM905
    "samp small span strong sub sup time u var wbr svg path circle rect g use".split()
)
RAW = frozenset(("pre", "textarea", "script", "style"))
MATERIAL_ASSETS = re.compile(r"(?:^|/)assets/(?:javascripts|stylesheets|images)/")
_SPACE = re.compile(r"\s+")
_CSP_HASH = re.compile(r"'sha256-([A-Za-z0-9+/=]+)'")
_URL = re.compile(r'\b(href|src)="([^"]*)"')
_LONG_VALUE = re.compile(r'="([^"]{1000,})"')
_LINE_BREAKS = re.compile("[\u0085\u2028\u2029]")  # line breaks for str.splitlines, not JSON
WIDTH = 100


@dataclass
class Element:
    """A parsed element: its start tag as written, and its children (elements and text)."""

    name: str
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    def find_all(self, test, skip=lambda e: False) -> list[Element]:
        """The elements of this subtree that pass ``test``, in document order, not looking
        inside those that pass ``skip``."""
        found = [self] if test(self) else []
        if skip(self):
            return found
        for child in self.children:
            if isinstance(child, Element):
                found += child.find_all(test, skip)
        return found

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class _Tree(HTMLParser):
    """A forgiving tree builder that keeps start tags, text and entities exactly as written."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.root = Element("#document", "", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = _tag_text(self.get_starttag_text() or "")
        element = Element(tag, raw, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = _tag_text(self.get_starttag_text() or "")
        self.stack[-1].children.append(Element(tag, raw, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].name == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def handle_entityref(self, name: str) -> None:
        self.stack[-1].children.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.stack[-1].children.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.stack[-1].children.append(Element("#comment", f"<!--{data}-->", {}))


def _tag_text(raw: str) -> str:
    """A start tag as written, whitespace collapsed, and a value of over 1,000 characters (a QR
    code's drawing, nothing a reviewer reads) written as its length and sha256."""
    return _LONG_VALUE.sub(_digest_value, _SPACE.sub(" ", raw))


def _digest_value(match: re.Match[str]) -> str:
    value = match.group(1)
    return f'="({len(value)} caratteri, sha256 {hashlib.sha256(value.encode()).hexdigest()})"'


def parse(html: str) -> Element:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    return tree.root


@dataclass
class Page:
    """One built page's kept parts: its own head lines (title, canonical, ``hreflang``), the frame
    it shares with the other pages of its tree (``<html>``, ``<body>``, CSP, description, the
    stylesheets and scripts it loads) and its content."""

    path: str
    own: list[str]
    frame: list[str]
    content: list[str]

    def frame_key(self) -> list[str]:
        """The frame with every local URL resolved from this page's folder: two pages at
        different depths that load the same files have the same key."""
        folder = posixpath.dirname(self.path)
        return [_URL.sub(lambda m: _resolved(m, folder), line) for line in self.frame]

    def text(self, home: Page | None = None) -> str:
        """The expected text; the frame is written as "the home page's" when it is the same as
        that of ``home`` (its tree's ``index.html``), so that 25 pages do not repeat it."""
        same = home is not None and home is not self and home.frame_key() == self.frame_key()
        frame = [f"<!-- <html>, <body>, CSP e file caricati: come {home.path} -->"] if same else []
        return "\n".join([*(frame or self.frame), *self.own, *self.content]) + "\n"


def page(html: str, path: str) -> Page:
    """The kept parts of the built page at ``path`` (see the module docstring)."""
    root = parse(html)
    scripts = [e.text() for e in root.find_all(_runs_inline)]
    frame: list[str] = []
    for name in ("html", "body"):
        frame += [e.tag for e in root.find_all(lambda e, n=name: e.name == n)[:1]]
    head = root.find_all(lambda e: e.name == "head")[:1] or [Element("head", "", {})]
    own = []
    for element in head[0].find_all(_kept_in_head):
        if element.attrs.get("http-equiv", "").lower() == "content-security-policy":
            frame.append(_csp_named(element.tag, scripts))
        elif element.name == "meta":
            frame.append(element.tag)
        else:
            own.append(_inline(element))
    frame += [_inline(e) for e in root.find_all(_loads_asset, skip=_ours)]
    content = [line for part in root.find_all(_ours) for line in _block(part, 0)]
    return Page(path, own, frame, content)


def _resolved(match: re.Match[str], folder: str) -> str:
    url = match.group(2)
    if re.match(r"[a-z][a-z0-9+.-]*:", url, re.I):
        return match.group()
    target = url.lstrip("/") if url.startswith("/") else posixpath.join(folder, url)
    return f'{match.group(1)}="{posixpath.normpath(target)}"'


def _runs_inline(e: Element) -> bool:
    """An inline script the browser runs (the ones the CSP hashes), not JSON data."""
    kind = e.attrs.get("type", "text/javascript").lower()
    return e.name == "script" and "src" not in e.attrs and kind.endswith("javascript")


def _kept_in_head(e: Element) -> bool:
    if e.name == "title":
        return True
    if e.name == "meta":
        return e.attrs.get("name") == "description" or "http-equiv" in e.attrs
    return e.name == "link" and e.attrs.get("rel") in ("alternate", "canonical")


def _loads_asset(e: Element) -> bool:
    """A stylesheet or script the page loads that is not one of Material's own bundles."""
    url = e.attrs.get("src") if e.name == "script" else None
    if e.name == "link" and e.attrs.get("rel") == "stylesheet":
        url = e.attrs.get("href")
    return bool(url) and not MATERIAL_ASSETS.search(url or "")


def _ours(e: Element) -> bool:
    classes = e.attrs.get("class", "").split()
    article = e.name == "article" and "md-content__inner" in classes
    return article or "md-copyright__highlight" in classes


def _csp_named(tag: str, scripts: list[str]) -> str:
    """The CSP tag with each hash named by the inline script it allows (see module docstring)."""
    names = {_sha256(text): f"inline script {i}" for i, text in enumerate(scripts, 1)}
    return _CSP_HASH.sub(lambda m: f"'sha256-({names.get(m.group(1), m.group(1))})'", tag)


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _block(e: Element, depth: int) -> list[str]:
    """``e`` as lines: on one line when all it holds is inline, else one child block a line."""
    pad = "  " * depth
    if e.name == "#comment":
        return [pad + e.tag]
    if e.name in RAW:
        return _raw(e, pad)
    if e.name in VOID:
        return [pad + e.tag]
    if all(isinstance(c, str) or _is_inline(c) for c in e.children):
        return [pad + _inline(e)]
    lines = [pad + e.tag]
    run: list[Element | str] = []
    for child in [*e.children, None]:
        if child is not None and (isinstance(child, str) or _is_inline(child)):
            run.append(child)
            continue
        text = _collapse("".join(_inline_part(c) for c in run))
        if text:
            lines.append(pad + "  " + text)
        run = []
        if child is not None:
            lines += _block(child, depth + 1)
    return [*lines, f"{pad}</{e.name}>"]


def _is_inline(e: Element) -> bool:
    return e.name in INLINE and all(isinstance(c, str) or _is_inline(c) for c in e.children)


def _inline(e: Element) -> str:
    if e.name in VOID or e.name == "#comment":
        return e.tag
    inner = _collapse("".join(_inline_part(c) for c in e.children))
    return f"{e.tag}{inner}</{e.name}>"


def _inline_part(part: Element | str) -> str:
    if isinstance(part, str):
        return part
    if part.name in VOID or part.name == "#comment":
        return part.tag
    return f"{part.tag}{''.join(_inline_part(c) for c in part.children)}</{part.name}>"


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _raw(e: Element, pad: str) -> list[str]:
    """``pre``/``script``...: the content as written, only surrounding blank lines dropped; the
    JSON of a data script (JSON-LD) printed as ``json_text`` prints it."""
    body, end = e.text().strip("\n"), f"</{e.name}>"
    if e.attrs.get("type", "").endswith("json"):
        inner = len(pad) + 2
        return [pad + e.tag, " " * inner + json_text(json.loads(body), inner, inner), pad + end]
    if "\n" not in body:
        return [f"{pad}{e.tag}{body.strip()}{end}"]
    return [pad + e.tag, *[line.rstrip() for line in body.split("\n")], pad + end]


def json_text(value: object, indent: int = 0, column: int = 0) -> str:
    """JSON for review: a value on one line when it fits in ``WIDTH`` columns, else one member a
    line, indented by two spaces; keys in the order written (the order is part of the output),
    non-ASCII text as itself (an Arabic name reads as Arabic in the diff). ``indent``: the
    indentation of the line the value is on; ``column``: where on that line it starts."""
    one = _LINE_BREAKS.sub(_escape, json.dumps(value, ensure_ascii=False, separators=(", ", ": ")))
    if max(column, indent) + len(one) <= WIDTH or not isinstance(value, (dict, list)) or not value:
        return one
    inner = indent + 2
    if isinstance(value, dict):
        keys = [_LINE_BREAKS.sub(_escape, json.dumps(k, ensure_ascii=False)) for k in value]
        members = [
            f"{k}: {json_text(v, inner, inner + len(k) + 2)}"
            for k, v in zip(keys, value.values(), strict=True)
        ]
        opening, closing = "{", "}"
    else:
        members = [json_text(v, inner, inner) for v in value]
        opening, closing = "[", "]"
    body = ",\n".join(" " * inner + m for m in members)
    return f"{opening}\n{body}\n{' ' * indent}{closing}"


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"
