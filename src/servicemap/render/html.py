"""HTML helpers for renderers: escaping, relative links, page front matter.

Record fields are plain text written by volunteers. They reach a page only through ``esc`` (HTML
text and attribute values) or ``text.script_json`` (data inside ``<script>``), and always inside a
raw HTML block, which Python-Markdown stashes untouched: ``*bold*``, ``[x](javascript:...)``,
``{{``, ``${...}`` and backticks are shown as written and never interpreted.

Links inside raw HTML are not rewritten by MkDocs, so renderers compute them here, relative to the
page that carries them, for both URL styles (``use_directory_urls`` on for the web site, off for
the offline copy opened from ``file://``).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from servicemap.core.escape import mailto_uri, tel_uri, web_uri

# Characters PyYAML refuses in a stream, or folds as line breaks inside a quoted scalar.
_YAML_UNSAFE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
# C0 controls other than tab and newline have no visible form and are invalid in HTML text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What ``esc`` changes: most values (names, addresses, links) have none of it.
_ESCAPED = re.compile("[&<>\"'\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# Separates what Material's search should index (name, type, needs, comune, organisation) from the
# details of a page. Every detail is also marked ``data-search-exclude``; the mark lets the MkDocs
# adapter keep the details out of the search plugin's HTML parser altogether (most of the build
# time of a large site) and put them back into the finished page. Record text cannot contain it:
# ``<`` is always escaped.
DETAILS_MARK = "<!-- servicemap:dettagli -->"


def split_details(body: str) -> tuple[str, str]:
    """``(indexed head, details)`` of a generated page body; details "" when there is no mark."""
    head, mark, tail = body.partition(DETAILS_MARK)
    return (head, tail) if mark else (body, "")


def esc(text: object) -> str:
    """Escape plain text for HTML text and quoted attribute values alike.

    Control characters (invisible, and refused by HTML) become U+FFFD so that a stray byte in a
    record cannot hide anything; everything else is shown exactly as written. (Called for
    every value of every page: a text with nothing to escape is returned after one search.)
    """
    text = str(text)
    if _ESCAPED.search(text) is None:
        return text
    return html.escape(_CONTROL.sub("\ufffd", text), quote=True)


def bdi(value_html: str, *, ltr: bool = False) -> str:
    """A value inserted into a sentence or a list, isolated from the text around it.

    In Arabic, "آخر تحديث: 14 مارس 2024" or a phone number would otherwise be reordered by the
    bidirectional algorithm. Numbers, times and addresses are always left to right (``ltr``: a
    bare "09:00–12:00" has no letter that tells the browser its direction); names and dates
    take their own direction (``auto``, the default of ``<bdi>``). The same markup in every
    language: harmless left to right, and one code path.
    """
    return f'<bdi dir="ltr">{value_html}</bdi>' if ltr else f"<bdi>{value_html}</bdi>"


def web_link(url: str) -> str:
    """A web address as a link showing exactly what was written; plain text if not http(s).

    The one place where a record's ``sito`` or ``fonte`` becomes an ``href``: ``escape.web_uri``
    percent-encodes it (the validator accepts only what it accepts), ``esc`` the attribute.
    """
    href = web_uri(url)
    if href is None:
        return esc(url)
    return f'<a href="{esc(href)}" rel="noopener">{esc(url)}</a>'


def mail_link(address: str) -> str:
    """A ``mailto:`` link to one address: ``?bcc=`` or a line break in it cannot add headers."""
    return f'<a href="{esc(mailto_uri(address))}">{esc(address)}</a>'


def phone_link(e164: str, shown: str) -> str:
    """A ``tel:`` link dialling the normalised number, showing the number as the page writes it."""
    return f'<a href="{esc(tel_uri(e164))}">{esc(shown)}</a>'


def front_matter(title_html: str, **meta: object) -> str:
    """YAML front matter for a generated page; ``title_html`` is already-escaped HTML.

    The theme prints ``page.meta.title`` unescaped (in ``<title>`` and the header), so the title
    is given as escaped HTML; characters YAML cannot carry become numeric character references,
    which the browser shows as the same characters. Values are written as JSON, a subset of YAML.
    """
    safe_title = _YAML_UNSAFE.sub(lambda m: f"&#x{ord(m.group()):X};", title_html)
    lines = ["---", f"title: {json.dumps(safe_title, ensure_ascii=False)}"]
    lines += [f"{key}: {json.dumps(value, ensure_ascii=True)}" for key, value in meta.items()]
    return "\n".join([*lines, "---", "", ""])


@dataclass(frozen=True)
class Site:
    """How source paths become URLs, and relative links between pages of the site."""

    directory_urls: bool = True

    def url(self, src_path: str) -> str:
        """Site-relative URL of a source path: ``comuni/segrate.md`` -> ``comuni/segrate/``."""
        if not src_path.endswith(".md"):
            return src_path
        stem = src_path[:-3]
        if not self.directory_urls:
            return f"{stem}.html"
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem[: -len("index")]
        return f"{stem}/"

    def href(self, from_src: str, to_src: str, fragment: str = "") -> str:
        """A link from the page at ``from_src`` to ``to_src``, relative so it works offline too.

        Called for every link of every generated page (about 30 per service page), so it walks
        the path segments itself instead of calling ``posixpath.relpath``.
        """
        here = self.url(from_src)
        base_dirs = here.split("/")[:-1]  # "servizi/x/" -> [servizi, x]; "a/b.html" -> [a]
        target = self.url(to_src) or ("" if self.directory_urls else "index.html")
        parts = target.split("/")
        common = 0
        limit = min(len(base_dirs), len(parts) - 1)
        while common < limit and base_dirs[common] == parts[common]:
            common += 1
        rel = "../" * (len(base_dirs) - common) + "/".join(parts[common:]) or "./"
        return f"{rel}#{fragment}" if fragment else rel

    def link(self, from_src: str, to_src: str, label: str, **attrs: str) -> str:
        """``<a href="...">label</a>`` with ``label`` escaped."""
        extra = "".join(f' {k.replace("_", "-")}="{esc(v)}"' for k, v in attrs.items())
        return f'<a href="{esc(self.href(from_src, to_src))}"{extra}>{esc(label)}</a>'
