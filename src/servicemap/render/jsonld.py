"""schema.org JSON-LD for a service page: a WebPage whose main entity is the service.

Search engines and assistants read this to answer "where can I get help with ... near me". The
page carries the dates (``dateModified``, ``lastReviewed``: the day the record was verified), as
schema.org puts them on creative works, not on services. The service is a ``GovernmentService``
when a public body runs it, otherwise a ``Service``; its ``provider`` is typed for what it is
(``render.provider``). The channel carries the languages spoken (``availableLanguage``: Language
with its BCP 47 code) and, on its contact point, the opening hours (``hoursAvailable``); the place
carries the same hours as ``openingHoursSpecification``, with the announced closures. Every term
is checked against the schema.org vocabulary file in the tests. Written into the page with
``text.script_json`` so that no field can close the ``<script>``.

Every language's page carries every language of the record: a text with ``traduzioni`` is an
array of JSON-LD value objects (``{"@value": ..., "@language": "ar"}``: JSON-LD 1.0 and 1.1, so
schema.org's validator and search engines read each with its language), the page's language
first; a text without translations stays a plain string, as before. ``inLanguage`` is the page's
language, and the WebPage's ``name`` the name the page shows. The Italian record is the source
even when a renderer passes the copy ``model.localized`` made (``Service.original``).
"""

from __future__ import annotations

from servicemap.core.escape import web_uri
from servicemap.core.model import DAYS, Service
from servicemap.core.text import script_json
from servicemap.render.context import RenderContext, service_src
from servicemap.render.provider import provider_type, public_service

SCHEMA_DAYS = dict(
    zip(
        DAYS,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)


FREE = frozenset({"gratuito", "gratuita", "gratis", "gratuito.", "gratuita."})


def schema_time(hhmm: str) -> str:
    """schema.org ``Time`` (``hh:mm:ss``): ``09:00`` -> ``09:00:00``; ``24:00`` -> ``23:59:59``."""
    return "23:59:59" if hhmm == "24:00" else f"{hhmm}:00"


def opening_hours(service: Service) -> list[dict[str, str]]:
    """One OpeningHoursSpecification per time range, days in week order; then each closure, as
    schema.org says a closed period: opening and closing at 00:00 between its dates (past ones
    too: the page stays the same whatever day it is built)."""
    specs = []
    for day in DAYS:
        for r in service.orari.get(day, []):
            specs.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[day]}",
                    "opens": schema_time(r.start),
                    "closes": schema_time(r.end),
                }
            )
    for closure in service.chiusure:
        specs.append(
            {
                "@type": "OpeningHoursSpecification",
                "opens": "00:00:00",
                "closes": "00:00:00",
                "validFrom": closure.start,
                "validThrough": closure.end,
            }
        )
    return specs


def texts(service: Service, key: str, lang: str) -> str | list[dict[str, str]]:
    """The Italian text of ``key`` (a ``TEXT_KEYS`` string), or its values in every language
    the record has, each tagged with its language, the page's language ``lang`` first."""
    italian = getattr(service, key)
    given = {code: words[key] for code, words in service.traduzioni.items() if words.get(key)}
    if not given:
        return italian
    given = {"it": italian, **given}
    order = [lang, *(code for code in given if code != lang)]
    return [{"@value": given[code], "@language": code} for code in order if code in given]


def _shown(value: str | list[dict[str, str]], lang: str) -> str | dict[str, str]:
    """The one value a page in ``lang`` shows: its translation, or the Italian."""
    if isinstance(value, str):
        return value
    return (
        value[0]
        if value[0]["@language"] == lang
        else next(v for v in value if v["@language"] == "it")
    )


def service_jsonld(service: Service, ctx: RenderContext) -> dict[str, object]:
    """The page of one record: ``WebPage`` with its dates, ``mainEntity`` the service."""
    service = service.original or service  # the record as written, with all its languages
    page: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": _shown(texts(service, "nome", ctx.lang), ctx.lang),
        "inLanguage": ctx.lang,
        "dateModified": service.aggiornato,
        "lastReviewed": service.aggiornato,
    }
    url = ctx.absolute(service_src(service.id))
    if url:
        page["url"] = url
    page["mainEntity"] = _service(service, ctx)
    return page


def _service(service: Service, ctx: RenderContext) -> dict[str, object]:
    """The service itself (only the fields it has)."""
    labels = ctx.labels
    hours = opening_hours(service)
    name = texts(service, "nome", ctx.lang)
    languages = [
        {"@type": "Language", "name": labels.label("lingue", code), "alternateName": code}
        for code in service.lingue
    ]
    channel: dict[str, object] = {"@type": "ServiceChannel", "name": name}
    if languages:
        channel["availableLanguage"] = languages
    site = web_uri(service.sito) if service.sito else None
    if site:
        channel["serviceUrl"] = site  # a URI, as schema.org's URL type wants
    contact: dict[str, object] = {"@type": "ContactPoint", "contactType": "informazioni"}
    if service.telefoni:
        contact["telephone"] = service.telefoni[0].e164
    if service.email:
        contact["email"] = service.email
    if languages:
        contact["availableLanguage"] = languages
    if hours:
        contact["hoursAvailable"] = hours
    if len(contact) > 2:
        channel["servicePhone"] = contact
    channel["serviceLocation"] = _place(service, hours, name)
    data: dict[str, object] = {
        "@type": "GovernmentService" if public_service(service) else "Service",
        "name": name,
        "identifier": service.id,
        "serviceType": labels.many("tipo", service.tipo),
        "areaServed": [{"@type": "City", "name": c} for c in service.served_comuni()],
        "availableChannel": channel,
    }
    url = ctx.absolute(service_src(service.id))
    if url:
        data["url"] = url
    if service.descrizione:
        data["description"] = texts(service, "descrizione", ctx.lang)
    if service.ente:
        data["provider"] = {"@type": provider_type(service), "name": service.ente}
    if service.destinatari:
        audience = texts(service, "destinatari", ctx.lang)
        data["audience"] = {"@type": "Audience", "audienceType": audience}
    if service.costo:
        cost = texts(service, "costo", ctx.lang)
        offer: dict[str, object] = {"@type": "Offer", "description": cost}
        if service.costo.strip().casefold() in FREE:
            offer |= {"price": 0, "priceCurrency": "EUR"}
        data["offers"] = offer
    return data


def _place(service: Service, hours: list[dict[str, str]], name: object) -> dict[str, object]:
    a = service.indirizzo
    address = {"@type": "PostalAddress", "addressLocality": a.comune, "addressCountry": "IT"}
    for key, value in (
        ("streetAddress", a.via),
        ("postalCode", a.cap),
        ("addressRegion", a.provincia),
    ):
        if value:
            address[key] = value
    place: dict[str, object] = {"@type": "Place", "name": name, "address": address}
    if service.placed_position is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": round(service.placed_position.lat, 6),
            "longitude": round(service.placed_position.lon, 6),
        }
    if hours:
        place["openingHoursSpecification"] = hours
    return place


def jsonld_script(service: Service, ctx: RenderContext) -> str:
    return (
        f'<script type="application/ld+json">{script_json(service_jsonld(service, ctx))}</script>'
    )
