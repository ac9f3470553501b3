"""schema.org JSON-LD that means what it says, checked against the vocabulary schema.org publishes.

``tests/schemaorg.py`` reads the vendored release (``tests/data/schemaorg-30.0``) and reports any
type or property that does not exist, is superseded or pending, is used on a type outside its
domain or with a value outside its range. Checked on every service page of the built example
site and on a full synthetic set.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import synthetic
from schemaorg import vocabulary

from servicemap.render.context import RenderContext
from servicemap.render.html import Site
from servicemap.render.jsonld import service_jsonld
from servicemap.render.labels import Labels
from servicemap.validate import contract

# `provider` is the property schema.org gives a Service for who offers it; release 30.0 lists it
# as pending. It is the one pending term we use (the issue asks for it by name).
ACCEPTED_PENDING = {"provider"}
LABELS = Labels.from_vocabulary(contract.load_vocabulary(Path(""))[0])
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
BCP47 = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
DAYS = {
    f"https://schema.org/{d}day" for d in ("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun")
}


def problems(data: dict) -> list[str]:
    accepted = {f"property {name} is pending" for name in ACCEPTED_PENDING}
    return [p for p in vocabulary().problems(data) if not any(p.endswith(a) for a in accepted)]


def jsonld_of(records: list[dict]) -> list[dict]:
    services = [synthetic.to_service(r) for r in records]
    ctx = RenderContext(services, None, LABELS, Site(), site_url="https://example.org/")
    return [service_jsonld(s, ctx) for s in services]


def full_records() -> list[dict]:
    recs = synthetic.records(30, seed=5)
    recs[0]["chiusure"] = [{"dal": "2026-08-01", "al": "2026-08-31", "nota": "Ferie"}]
    recs[1]["orari"] = {"sab": "20:00-24:00"}
    recs[2].pop("ente")
    recs[3]["costo"] = "5 euro a incontro"
    recs[4].pop("lingue")
    return recs


def test_the_checker_refuses_what_the_issue_found():
    """The old markup: dateModified on a GovernmentService, times without seconds."""
    old = {
        "@type": "GovernmentService",
        "name": "x",
        "dateModified": "2026-01-10",
        "provider": {"@type": "Organizzazione", "name": "y"},
        "hoursAvailable": [{"@type": "OpeningHoursSpecification", "opens": "9:00"}],
    }
    found = vocabulary().problems(old)
    assert any("dateModified is not a property of GovernmentService" in p for p in found)
    assert "$.provider: unknown type 'Organizzazione'" in found
    assert any("'9:00' is not a valid ['Time']" in p for p in found)
    assert vocabulary().problems({"@type": "Service", "colore": "rosso"}) == [
        "$.colore: unknown property 'colore'"
    ]


def test_synthetic_services_use_only_schema_org_terms_where_they_belong():
    for data in jsonld_of(full_records()):
        assert problems(data) == [], data["mainEntity"]["name"]


def test_the_page_carries_the_dates_and_the_service_is_its_main_entity():
    data = jsonld_of(full_records())[0]
    assert data["@type"] == "WebPage"
    assert data["dateModified"] == data["lastReviewed"] == full_records()[0]["aggiornato"]
    assert data["url"] == "https://example.org/servizi/servizio-00000/"
    assert "dateModified" not in data["mainEntity"]


@pytest.mark.parametrize(
    ("ente", "tipo", "service", "provider"),
    [
        ("Comune di Segrate", ["servizio-sociale"], "GovernmentService", "GovernmentOrganization"),
        (
            "Distretto Sociale Est Milano",
            ["sportello"],
            "GovernmentService",
            "GovernmentOrganization",
        ),
        ("Caritas Ambrosiana", ["centro-ascolto"], "Service", "NGO"),
        ("Gruppo Mediazione ODV", ["sportello"], "Service", "NGO"),
        ("CISL FNP", ["patronato"], "Service", "WorkersUnion"),
        ("Aleimar", ["sportello"], "Service", "Organization"),
        (None, ["pua"], "GovernmentService", None),
        (None, ["sportello"], "Service", None),
    ],
)
def test_public_bodies_run_government_services_and_others_are_typed_for_what_they_are(
    ente, tipo, service, provider
):
    rec = synthetic.records(1)[0] | {"tipo": tipo}
    if ente is None:
        rec.pop("ente")
    else:
        rec["ente"] = ente
    entity = jsonld_of([rec])[0]["mainEntity"]
    assert entity["@type"] == service
    assert entity.get("provider", {}).get("@type") == provider


def test_hours_closures_and_languages_have_valid_values():
    data = jsonld_of(full_records())
    hours = data[0]["mainEntity"]["availableChannel"]["serviceLocation"][
        "openingHoursSpecification"
    ]
    weekly = [h for h in hours if "dayOfWeek" in h]
    assert weekly and all(h["dayOfWeek"] in DAYS for h in weekly)
    assert all(re.fullmatch(r"\d\d:\d\d:00", h[key]) for h in weekly for key in ("opens", "closes"))
    assert hours[-1] == {
        "@type": "OpeningHoursSpecification",
        "opens": "00:00:00",
        "closes": "00:00:00",
        "validFrom": "2026-08-01",
        "validThrough": "2026-08-31",
    }
    midnight = data[1]["mainEntity"]["availableChannel"]["serviceLocation"]
    assert midnight["openingHoursSpecification"][0]["closes"] == "23:59:59"
    languages = data[0]["mainEntity"]["availableChannel"]["availableLanguage"]
    assert languages and all(lang["@type"] == "Language" for lang in languages)
    assert all(BCP47.fullmatch(lang["alternateName"]) for lang in languages)
    assert "availableLanguage" not in data[4]["mainEntity"]["availableChannel"]


def test_cost_is_an_offer_free_when_the_record_says_so():
    data = jsonld_of(full_records())
    assert data[0]["mainEntity"]["offers"] == {
        "@type": "Offer",
        "description": "gratuito",
        "price": 0,
        "priceCurrency": "EUR",
    }
    assert data[3]["mainEntity"]["offers"] == {"@type": "Offer", "description": "5 euro a incontro"}


def test_every_service_page_of_the_example_site_passes_the_vocabulary(example_build):
    pages = sorted((example_build.site / "servizi").glob("*/index.html"))
    assert len(pages) >= 10
    types = set()
    for page in pages:
        [script] = SCRIPT.findall(page.read_text(encoding="utf-8"))
        data = json.loads(script)
        assert problems(data) == [], page
        types.add(
            (data["mainEntity"]["@type"], data["mainEntity"].get("provider", {}).get("@type"))
        )
    assert ("GovernmentService", "GovernmentOrganization") in types
    assert ("Service", "NGO") in types


# --- the record's translations (``traduzioni``) ---------------------------------------------

TRANSLATED = """\
territorio: {nome: Distretto, comuni: [Pioltello]}
servizi:
  - id: punto-migranti
    nome: Punto migranti
    ente: Comune di Pioltello
    tipo: [punto-migranti]
    descrizione: Informazioni su permesso di soggiorno e cittadinanza.
    destinatari: Persone straniere
    costo: gratuito
    indirizzo: {comune: Pioltello}
    aggiornato: "2026-03-14"
    traduzioni:
      en: {nome: Migrant help desk, costo: free}
      ar: {nome: مكتب المهاجرين, descrizione: معلومات عن تصريح الإقامة والجنسية.}
"""


def translated_service():
    from servicemap.core.model import localized
    from servicemap.load import document as load
    from servicemap.validate import records as validate

    node, _ = load.load_text(TRANSLATED, "services.yaml")
    vocab = contract.load_vocabulary(Path(""))[0]
    dataset, problems = validate.validate_document(node, file="services.yaml", vocabulary=vocab)
    assert [p for p in problems if p.severity == "error"] == []
    [s] = dataset.services
    return s, localized


def page_jsonld(service, lang: str) -> dict:
    ctx = RenderContext([service], None, LABELS, Site(), site_url="https://example.org/", lang=lang)
    return service_jsonld(service, ctx)


def test_translated_texts_are_language_tagged_values_the_pages_language_first():
    s, _ = translated_service()
    ar = page_jsonld(s, "ar")
    entity = ar["mainEntity"]
    assert ar["inLanguage"] == "ar"
    assert ar["name"] == {"@value": "مكتب المهاجرين", "@language": "ar"}
    assert entity["name"] == [
        {"@value": "مكتب المهاجرين", "@language": "ar"},
        {"@value": "Punto migranti", "@language": "it"},
        {"@value": "Migrant help desk", "@language": "en"},
    ]
    assert entity["description"][0] == {
        "@value": "معلومات عن تصريح الإقامة والجنسية.",
        "@language": "ar",
    }
    assert entity["offers"]["description"] == [
        {"@value": "gratuito", "@language": "it"},
        {"@value": "free", "@language": "en"},
    ]
    assert entity["offers"]["price"] == 0  # "gratuito", judged on the Italian
    assert entity["audience"]["audienceType"] == "Persone straniere"  # not translated: a string
    assert entity["availableChannel"]["name"] == entity["name"]
    assert entity["availableChannel"]["serviceLocation"]["name"] == entity["name"]
    assert ar["url"] == "https://example.org/servizi/punto-migranti/"
    assert problems(ar) == []


def test_the_italian_page_names_itself_in_italian_and_carries_the_translations():
    s, _ = translated_service()
    it = page_jsonld(s, "it")
    assert it["inLanguage"] == "it"
    assert it["name"] == {"@value": "Punto migranti", "@language": "it"}
    assert [v["@language"] for v in it["mainEntity"]["name"]] == ["it", "en", "ar"]
    assert problems(it) == []


def test_a_page_in_a_language_without_the_translation_names_itself_in_italian():
    s, _ = translated_service()
    zh = page_jsonld(s, "zh")
    assert zh["inLanguage"] == "zh"
    assert zh["name"] == {"@value": "Punto migranti", "@language": "it"}
    assert zh["mainEntity"]["description"][0]["@language"] == "it"


def test_the_localized_copy_gives_the_same_json_ld_as_the_record():
    """A renderer may pass the page's copy (``model.localized``): the Italian is not lost."""
    s, localized = translated_service()
    copy = localized(s, "ar").service
    assert copy.nome == "مكتب المهاجرين"
    assert page_jsonld(copy, "ar") == page_jsonld(s, "ar")


def test_records_without_translations_keep_plain_strings():
    [data] = jsonld_of(synthetic.records(1))
    assert isinstance(data["name"], str) and isinstance(data["mainEntity"]["name"], str)
    assert data["inLanguage"] == "it"


def test_the_checker_refuses_a_value_object_where_no_text_goes():
    bad = {"@type": "Service", "url": {"@value": "https://x.org", "@language": "en"}}
    assert vocabulary().problems(bad) == ["$.url: a text in a language where ['URL'] is expected"]
    odd = {"@type": "Service", "name": {"@value": "x", "@language": "English"}}
    assert vocabulary().problems(odd) == ["$.name: a value object without a BCP 47 @language"]
