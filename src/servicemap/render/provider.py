"""Who runs a service, as schema.org types it: a public body, a union, a third-sector body.

The contract has no key for the kind of ``ente``, and volunteers should not have to learn one: an
Italian public body says what it is in its name ("Comune di Segrate", "ASST Melegnano e della
Martesana", "Ufficio di Piano"), as do unions ("CGIL", "CISL FNP") and most third-sector bodies
("Associazione…", "… ODV", "Caritas…"). Some types of desk are public by law whoever is named
(a comune's social services, a Punto Unico di Accesso, the Ufficio di Piano). Anything not
recognised is a plain ``Organization``: typed less precisely, never wrongly.
"""

from __future__ import annotations

import re

from servicemap.core.model import Service

PUBLIC_TIPI = frozenset({"servizio-sociale", "pua", "ufficio-di-piano"})


def _words(*names: str) -> re.Pattern[str]:
    """Any of the names as whole words, case and accents as written."""
    return re.compile(r"(?<!\w)(?:" + "|".join(names) + r")(?!\w)", re.IGNORECASE)


PUBLIC = _words(
    r"comune", r"comuni", r"citt[àa]", r"unione dei comuni", r"provincia", r"regione",
    r"ministero", r"prefettura", r"questura", r"asst", r"ats", r"asl", r"ausl", r"usl",
    r"azienda sanitaria", r"azienda speciale", r"azienda (?:servizi|sociale)\w*", r"inps",
    r"inail", r"distretto sociale", r"ambito (?:territoriale|sociale|distrettuale)",
    r"ufficio di piano", r"consorzio (?:dei comuni|servizi sociali|sociale)",
    r"centro per l['’]impiego", r"agenzia delle entrate", r"municipio",
)  # fmt: skip
UNION = _words(r"cgil", r"cisl", r"uil", r"ugl", r"sindacato", r"fnp", r"spi")
THIRD_SECTOR = _words(
    r"associazione", r"associazioni", r"caritas", r"odv", r"aps", r"onlus", r"ets", r"fondazione",
    r"cooperativa", r"coop", r"parrocchia", r"volontari\w*", r"auser", r"acli", r"arci",
    r"san vincenzo", r"croce rossa", r"centro aiuto alla vita", r"emergency", r"banco alimentare",
    r"gruppo", r"comunit[àa] di sant['’]egidio", r"patronato", r"inca", r"inas", r"ital",
)  # fmt: skip


def provider_type(service: Service) -> str:
    """The schema.org type of the ``ente``: GovernmentOrganization, WorkersUnion, NGO or
    Organization. The name decides first: a union's desk is the union's, whatever its type."""
    if PUBLIC.search(service.ente):
        return "GovernmentOrganization"
    if UNION.search(service.ente):
        return "WorkersUnion"
    if THIRD_SECTOR.search(service.ente):
        return "NGO"
    return "GovernmentOrganization" if PUBLIC_TIPI & set(service.tipo) else "Organization"


def public_service(service: Service) -> bool:
    """Run by a public body: an ``ente`` named as one, or (no other name) a public type of desk."""
    return provider_type(service) == "GovernmentOrganization"
