"""schema.org JSON-LD for a service page: GovernmentService offered through a ServiceChannel.

Search engines and assistants read this to answer "where can I get help with ... near me". The
channel carries the languages spoken (``availableLanguage``) and, on its contact point, the opening
hours (``hoursAvailable``); the place carries the same hours as ``openingHoursSpecification``.
Written into the page with ``text.script_json`` so that no field can close the ``<script>``.
"""

from __future__ import annotations

from servicemap.escape import web_uri
from servicemap.model import DAYS, Service
from servicemap.render.context import RenderContext, service_src
from servicemap.text import script_json

SCHEMA_DAYS = dict(
    zip(
        DAYS,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)


def opening_hours(service: Service) -> list[dict[str, str]]:
    """One OpeningHoursSpecification per time range, days in week order."""
    specs = []
    for day in DAYS:
        for r in service.orari.get(day, []):
            specs.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[day]}",
                    "opens": r.start,
                    "closes": "23:59" if r.end == "24:00" else r.end,
                }
            )
    return specs


def service_jsonld(service: Service, ctx: RenderContext) -> dict[str, object]:
    """The GovernmentService description of one record (only the fields it has)."""
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
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": service.nome,
        "identifier": service.id,
        "serviceType": labels.many("tipo", service.tipo),
        "areaServed": [{"@type": "City", "name": c} for c in service.served_comuni()],
        "availableChannel": channel,
        "dateModified": service.aggiornato,
    }
    url = ctx.absolute(service_src(service.id))
    if url:
        data["url"] = url
    if service.descrizione:
        data["description"] = service.descrizione
    if service.ente:
        data["provider"] = {"@type": "Organization", "name": service.ente}
    if service.destinatari:
        data["audience"] = {"@type": "Audience", "audienceType": service.destinatari}
    if service.costo:
        data["termsOfService"] = service.costo
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
