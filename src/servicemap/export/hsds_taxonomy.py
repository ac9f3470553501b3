"""The vocabularies of the contract as HSDS taxonomies: what kind of desk, which needs, how to go.

HSDS says what a service is through taxonomies: a ``taxonomy`` per vocabulary (``tipo``,
``aree``, ``attivita``, ``accesso``), a ``taxonomy_term`` per value (its Italian label and plain
description, as the site shows them) and an ``attribute`` linking each service to each of its
values. Term codes are ``tipo/centro-ascolto``: HSDS wants them unique across all taxonomies.
"""

from __future__ import annotations

from servicemap.core.model import Service
from servicemap.validate import contract

Row = dict[str, object]

# kind -> (attribute link_type, taxonomy name, taxonomy description)
KINDS: dict[str, tuple[str, str, str]] = {
    "tipo": ("service_type", "servicemap: tipo", "Tipi di sportello della rete."),
    "aree": (
        "need",
        "servicemap: aree",
        "Bisogni a cui i servizi rispondono, dalle macro-aree del Piano di Zona.",
    ),
    "attivita": ("activity", "servicemap: attivita", "Attività svolte dai servizi."),
    "accesso": ("access", "servicemap: accesso", "Modi di accesso («Su appuntamento»...)."),
}


def taxonomy_rows(vocabulary: contract.Vocabulary, hsds_id) -> tuple[list[Row], list[Row]]:
    """``(taxonomies, terms)``: every value of the vocabulary, used or not (a consumer can map
    the whole list once)."""
    taxonomies, terms = [], []
    for kind, (_link, name, description) in KINDS.items():
        taxonomy_id = hsds_id("taxonomy", kind)
        taxonomies.append(
            {"id": taxonomy_id, "name": name, "description": description, "version": "1"}
        )
        for code, term in vocabulary.terms(kind).items():
            terms.append(
                {
                    "id": hsds_id("taxonomy_term", kind, code),
                    "code": f"{kind}/{code}",
                    "name": term.label,
                    "description": term.description or term.label,
                    "taxonomy": name,
                    "language": "it",
                    "taxonomy_id": taxonomy_id,
                }
            )
    return taxonomies, terms


def attribute_rows(
    service: Service, service_id: str, vocabulary: contract.Vocabulary, hsds_id
) -> list[Row]:
    """One attribute per value of the record's ``tipo``, ``aree``, ``attivita``, ``accesso``."""
    rows = []
    for kind, (link_type, _name, _description) in KINDS.items():
        known = vocabulary.terms(kind)
        for code in getattr(service, kind):
            if code in known:  # validated: always, unless a vocabulary shrank under the data
                rows.append(
                    {
                        "id": hsds_id("attribute", service.id, kind, code),
                        "link_id": service_id,
                        "taxonomy_term_id": hsds_id("taxonomy_term", kind, code),
                        "link_type": link_type,
                        "link_entity": "service",
                    }
                )
    return rows
