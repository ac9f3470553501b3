"""What every page renderer needs, computed once per build.

Groupings (services by comune, by need, by type, by served comune) are built here in one pass over
the records, so rendering N pages stays linear: no page scans the whole list of services.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, cached_property

from babel.dates import format_date, format_skeleton, get_day_names

from servicemap.core.model import DAYS, Localized, Service, Territory, localized
from servicemap.core.names import fold
from servicemap.core.text import slugify
from servicemap.render.html import Site, esc
from servicemap.render.labels import Labels
from servicemap.validate.contact import Contact

# Babel's locale for an interface language where the bare code is not the one we want: the
# site's English is British ("14 March 2024", not "March 14, 2024").
LOCALES = {"en": "en_GB"}


def _locale(lang: str) -> str:
    return LOCALES.get(lang, lang)


@cache  # a build formats the same few hundred dates thousands of times; Babel is not cheap
def local_date(iso: str, lang: str = "it") -> str:
    """``2024-03-14`` in the page's language: "14 marzo 2024", "14 March 2024", "14 مارس 2024",
    "2024年3月14日" (Babel, CLDR); a value that is not an ISO date is shown as written."""
    try:
        day = dt.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso
    return format_date(day, "long", locale=_locale(lang))


def italian_date(iso: str) -> str:
    """``2024-03-14`` -> ``14 marzo 2024``; a value that is not an ISO date is shown as written."""
    return local_date(iso, "it")


def month_year(day: dt.date, lang: str = "it") -> str:
    """ "marzo 2024", "March 2024", "مارس 2024", "2024年3月"."""
    return format_skeleton("yMMMM", day, locale=_locale(lang))


@cache
def day_names(lang: str = "it") -> dict[str, str]:
    """The record's day keys (``lun``...) as a heading names them: "Lunedì", "Monday"..."""
    names = get_day_names("wide", context="stand-alone", locale=_locale(lang))
    return {key: names[n][:1].upper() + names[n][1:] for n, key in enumerate(DAYS)}


def phrase(key: str, lang: str, **values_html: str) -> str:
    """The interface text ``key`` as HTML, with values that are already HTML put in its slots.

    The text is escaped, the values are not: callers escape them and isolate them (``bdi``).
    """
    from servicemap.render import i18n

    return _fill(esc(i18n.text(key, lang)), values_html)


def _fill(text: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


def service_src(service_id: str) -> str:
    return f"servizi/{service_id}.md"


def comune_src(name: str) -> str:
    return f"comuni/{slugify(name)}.md"


def area_src(code: str) -> str:
    return f"aree/{slugify(code)}.md"


def tipo_src(code: str) -> str:
    return f"tipi/{slugify(code)}.md"


MAP_SRC = "mappa/index.md"  # written by render.map
SEARCH_SRC = "cerca/index.md"  # written by render.search
OPEN_DATA_SRC = "dati-aperti.md"


@dataclass
class RenderContext:
    """Records, their groupings and the site settings, shared by all page renderers."""

    services: list[Service]
    territory: Territory | None
    labels: Labels
    site: Site = field(default_factory=Site)
    site_url: str = ""
    repo_url: str = ""
    edit_branch: str = "main"
    data_path: str = "services.yaml"  # the data file's path in the repository (edit links)
    report_email: str = ""
    contact: Contact | None = None  # the territory's contact (``servicemap.validate.contact``)
    public_site: Site | None = None  # URL style of the online site (None: same as ``site``)
    lang: str = (
        "it"  # the interface language of the pages being rendered (``servicemap.render.i18n``)
    )
    tree: str = ""  # where that language's site lives: "" (the default language) or "en/"
    by_comune: dict[str, list[Service]] = field(default_factory=dict)
    served_in: dict[str, list[Service]] = field(default_factory=dict)
    by_area: dict[str, list[Service]] = field(default_factory=dict)
    by_tipo: dict[str, list[Service]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        comuni = self.territory.comuni if self.territory else []
        self._canon = {fold(c.name): c.name for c in comuni}
        self._localized: dict[int, tuple[Service, Localized]] = {}
        self.services = sorted(self.services, key=sort_key)
        by_comune, served_in = defaultdict(list), defaultdict(list)
        by_area, by_tipo = defaultdict(list), defaultdict(list)
        for s in self.services:
            by_comune[self.canonical(s.comune)].append(s)
            for name in dict.fromkeys(self.canonical(n) for n in s.served_comuni()):
                served_in[name].append(s)
            for code in dict.fromkeys(s.aree):
                by_area[code].append(s)
            for code in dict.fromkeys(s.tipo):
                by_tipo[code].append(s)
        self.by_comune, self.served_in = dict(by_comune), dict(served_in)
        self.by_area, self.by_tipo = dict(by_area), dict(by_tipo)

    @cached_property
    def type_colours(self) -> dict[str, str]:
        """Each type's marker colour, the same as on the map page (``clientdata.type_styles``)."""
        from servicemap.render import clientdata

        tipo = self.labels.labels.get("tipo", {})
        labels = clientdata.Labels(tipo=dict(tipo), aree={}, attivita={}, lingue={})
        return {
            style.key: style.background for style in clientdata.type_styles(labels, self.services)
        }

    @cached_property
    def _texts(self) -> dict[str, str]:
        """Every interface text in the pages' language, looked up once (a page asks ~70)."""
        from servicemap.render import i18n

        return {key: i18n.text(key, self.lang) for key in i18n.interface().texts}

    def t(self, key: str, **values: object) -> str:
        """The interface text ``key`` in the pages' language (``data/interfaccia.yaml``)."""
        return _fill(self._texts[key], {name: str(value) for name, value in values.items()})

    @cached_property
    def _escaped(self) -> dict[str, str]:
        return {key: esc(text) for key, text in self._texts.items()}

    def phrase(self, key: str, **values_html: str) -> str:
        """``t(key)`` as HTML with HTML values in its slots (``phrase``); without values, the
        escaped text."""
        return _fill(self._escaped[key], values_html)

    def date(self, iso: str) -> str:
        """A record's ISO date in the pages' language (plain text, not yet escaped)."""
        return local_date(iso, self.lang)

    def localized(self, service: Service) -> Localized:
        """The record as this language's pages show it (``model.localized``), made once per
        record and language: a page asks for it a dozen times."""
        found = self._localized.get(id(service))
        if found is None or found[0] is not service:
            found = (service, localized(service, self.lang))
            self._localized[id(service)] = found
        return found[1]

    def italian(self, found: Localized, key: str) -> str:
        """`` lang="it" dir="auto"`` for an element showing ``key`` in Italian on a page in
        another language ("" otherwise): read aloud and laid out as Italian."""
        return ' lang="it" dir="auto"' if key in found.italian else ""

    def canonical(self, name: str) -> str:
        """The territory's spelling of a comune name (records may differ in case or NFC)."""
        return self._canon.get(fold(name), name)

    def comuni_names(self) -> list[str]:
        """Every comune with a page: the territory's, plus any a record names, sorted."""
        names = {c.name for c in self.territory.comuni} if self.territory else set()
        names |= set(self.by_comune) | set(self.served_in)
        known = {fold(n): n for n in sorted(names)}
        return sorted(known.values(), key=lambda n: (slugify(n), n))

    def absolute(self, src: str) -> str:
        """The public URL of a page, or "" when ``site_url`` is not configured.

        It follows the online site's URL style even in the offline copy, whose ``.html`` names
        do not exist online.
        """
        if not self.site_url:
            return ""
        url = (self.public_site or self.site).url(src)
        return self.site_url.rstrip("/") + "/" + (self.tree + url if src.endswith(".md") else url)


def sort_key(service: Service) -> tuple[str, str]:
    """Lists are alphabetical by name (as a person scans them), then by id for stability."""
    return (slugify(service.nome), service.id)
