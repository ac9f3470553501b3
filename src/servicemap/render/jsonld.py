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
"""

from __future__ import annotations

from servicemap.escape import web_uri
from servicemap.model import DAYS, Service
from servicemap.render.context import RenderContext, service_src
from servicemap.render.provider import provider_type, public_service
from servicemap.text import script_json

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


def service_jsonld(service: Service, ctx: RenderContext) -> dict[str, object]:
    """The page of one record: ``WebPage`` with its dates, ``mainEntity`` the service."""
    page: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": service.nome,
        "inLanguage": "it",
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
    languages = [
        {"@type": "Language", "name": labels.label("lingue", code), "alternateName": code}
        for code in service.lingue
    ]
    channel: dict[str, object] = {"@type": "ServiceChannel", "name": service.nome}
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
    channel["serviceLocation"] = _place(service, hours)
    data: dict[str, object] = {
        "@type": "GovernmentService" if public_service(service) else "Service",
        "name": service.nome,
        "identifier": service.id,
        "serviceType": labels.many("tipo", service.tipo),
        "areaServed": [{"@type": "City", "name": c} for c in service.served_comuni()],
        "availableChannel": channel,
    }
    url = ctx.absolute(service_src(service.id))
    if url:
        data["url"] = url
    if service.descrizione:
        data["description"] = service.descrizione
    if service.ente:
        data["provider"] = {"@type": provider_type(service), "name": service.ente}
    if service.destinatari:
        data["audience"] = {"@type": "Audience", "audienceType": service.destinatari}
    if service.costo:
        offer: dict[str, object] = {"@type": "Offer", "description": service.costo}
        if service.costo.strip().casefold() in FREE:
            offer |= {"price": 0, "priceCurrency": "EUR"}
        data["offers"] = offer
    return data


def _place(service: Service, hours: list[dict[str, str]]) -> dict[str, object]:
    a = service.indirizzo
    address = {"@type": "PostalAddress", "addressLocality": a.comune, "addressCountry": "IT"}
    for key, value in (
        ("streetAddress", a.via),
        ("postalCode", a.cap),
        ("addressRegion", a.provincia),
    ):
        if value:
            address[key] = value
    place: dict[str, object] = {"@type": "Place", "name": service.nome, "address": address}
    if service.position is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": round(service.position.lat, 6),
            "longitude": round(service.position.lon, 6),
        }
    if hours:
        place["openingHoursSpecification"] = hours
    return place


def jsonld_script(service: Service, ctx: RenderContext) -> str:
    return (
        f'<script type="application/ld+json">{script_json(service_jsonld(service, ctx))}</script>'
    )
