"""mkdocs-static-i18n, from the MkDocs adapter's side: what the plugin must be told of our pages.

The plugin builds one whole site per language, the default first, each inside the first build
(``on_config`` runs again for each). It finds the translations of hand-written pages itself;
the generated ones (``adapters.build``) are described to it here: the language being built and
its folder, the name it gives a translation (``cerca/index.en.md``), and each page's alternates
in every language (its switch, Material's ``hreflang`` and the sitemap read them).

Only its objects are handled here, by their attributes: ``adapters.mkdocs`` is the one module
that imports MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass

from servicemap.adapters import pages
from servicemap.render import i18n, trees


def plugin(config: object) -> object | None:
    """mkdocs-static-i18n's plugin, when ``mkdocs.yml`` lists it (one tree per language)."""
    return config.plugins.get("i18n")  # type: ignore[attr-defined]


def nested(config: object) -> bool:
    """Whether this is the plugin building one more language inside the first build."""
    return bool(getattr(plugin(config), "building", False))


def language(config: object) -> str:
    """The language being built (without the plugin: the theme's)."""
    found = plugin(config)
    if found is None:
        theme = config.theme  # type: ignore[attr-defined]
        return str(theme.get("language") or i18n.SOURCE_LANGUAGE)
    return found.current_language or found.default_language  # type: ignore[attr-defined]


def languages(config: object) -> dict[str, str]:
    """Every language this build makes, default first, with its folder ("" for the default)."""
    found = plugin(config)
    if found is None:
        return {language(config): ""}
    default = found.default_language  # type: ignore[attr-defined]
    others = [x for x in found.build_languages if x != default]  # type: ignore[attr-defined]
    return {lang: "" if lang == default else f"{lang}/" for lang in [default, *others]}


def build_default_only(config: object) -> list[str]:
    """Build only the default language's tree this time (the preview's default); returns the
    languages left out. Called before the plugin's own ``on_config`` reads its settings."""
    found = plugin(config)
    if found is None:
        return []
    default = found.default_language  # type: ignore[attr-defined]
    left_out = []
    for item in found.config.languages:  # type: ignore[attr-defined]
        if item.build and item.locale != default:
            item.build = False
            left_out.append(item.locale)
    return left_out


def translation_src(path: str, lang: str) -> str:
    """The name the plugin gives ``path`` in ``lang`` (suffix structure): ``cerca/index.en.md``,
    so the navigation and the hand-written pages' links (``cerca/index.md``) find it."""
    return f"{path.removesuffix('.md')}.{lang}.md"


@dataclass
class Alternate:
    """A page in another language, as the plugin describes one (switch, sitemap)."""

    url: str
    page: None = None


def link_languages(
    config: object, lang: str, tree: str, every: dict[str, str], made: list[tuple[object, str]]
) -> None:
    """Tell the plugin that each generated page (``made``: its file, its path in the tree)
    exists in every built language (``every``), at the same place in each tree; ``x-default``
    is the default language's page."""
    found = plugin(config)
    if found is None:
        return
    listed = found.i18n_files_per_language.setdefault(lang, [])  # type: ignore[attr-defined]
    for file, own in made:
        urls = pages.alternate_urls(file.url, tree, every)  # type: ignore[attr-defined]
        file.locale = file.locale_alternate_of = lang  # type: ignore[attr-defined]
        file.localization = lang if tree else None  # type: ignore[attr-defined]
        file.norm_src_uri = own  # type: ignore[attr-defined]
        file.alternates = {  # type: ignore[attr-defined]
            other: file if other == lang else Alternate(url) for other, url in urls.items()
        }
        listed.append(file)
    if len(every) < 2:
        return
    default = next(iter(every), "")
    for file in listed:
        alternates = getattr(file, "alternates", None)
        if isinstance(alternates, dict) and default in alternates:
            alternates.setdefault(trees.DEFAULT_HREFLANG, alternates[default])


def point_switch(config: object, page_file: object) -> None:
    """The page's language switch from its alternates: the plugin leaves a home page's on the
    languages' absolute roots (``/ar/``, or ``/ar/index.html`` offline: a dead link from
    ``file://``). The plugin sets the entries as an *attribute* of ``config.extra`` (which
    Jinja reads before the ``alternate`` key), so that one is changed when it is there."""
    alternates = getattr(page_file, "alternates", None) or {}
    for item in switch_entries(config):
        alternate = alternates.get(item.get("lang"))
        if alternate is not None and alternate.url:
            item["link"] = alternate.url


def switch_entries(config: object) -> list[dict]:
    """The language switch's entries as the theme reads them (``config.extra.alternate``: the
    plugin's attribute when it is there, else the key)."""
    extra = config.extra  # type: ignore[attr-defined]
    found = getattr(extra, "alternate", None)
    return list(found if found is not None else extra.get("alternate") or [])


def switch_to_homes(config: object) -> None:
    """The theme's 404 page switches to each language's home (not the last page's alternates)."""
    roots = [dict(x) for x in plugin(config).extra_alternate]  # type: ignore[union-attr]
    config.extra.alternate = roots  # type: ignore[attr-defined]


def search_entries(config: object) -> list[dict]:
    """Every language's search entries the plugin collected (locations from the site's root)."""
    found = plugin(config)
    return [] if found is None else list(found.search_entries)  # type: ignore[attr-defined]
