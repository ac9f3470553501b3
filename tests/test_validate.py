"""One test per rule of the validator: what a volunteer sees, on which line, with which code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from servicemap.core.escape import web_uri
from servicemap.core.model import Comune, Territory, TimeRange
from servicemap.load import document as load
from servicemap.validate import checks, contract
from servicemap.validate import records as validate

FILE = "services.yaml"
TODAY = dt.date(2026, 11, 25)
VOCABULARY, _ = contract.load_vocabulary(Path("/nonexistent/vocabolario.yaml"))
HEAD = "territorio:\n  nome: Distretto\n  comuni: [Pioltello, Segrate]\nservizi:\n"
RECORD_LINE = 5  # the line of "- id:" of the first record
GOOD = """\
  - id: caritas-pioltello
    nome: Centro di ascolto Caritas Pioltello
    tipo: [centro-ascolto]
    indirizzo:
      comune: Pioltello
    aggiornato: "2026-03-14"
"""


def run(text: str, territory: Territory | None = None, vocabulary=VOCABULARY):
    node, problems = load.load_text(text, FILE)
    assert node is not None, problems
    return validate.validate_document(
        node, file=FILE, vocabulary=vocabulary, territory=territory, today=TODAY
    )


def found(text: str, **kwargs) -> list[tuple[int, int, str]]:
    _, problems = run(text, **kwargs)
    return [(p.line, p.column, p.code) for p in problems]


def record(extra: str = "", *, base: str = GOOD) -> str:
    """The good record plus ``extra`` lines (4-space indented keys), as a whole file."""
    return HEAD + base + extra


def message(text: str, code: str, **kwargs) -> str:
    _, problems = run(text, **kwargs)
    [p] = [p for p in problems if p.code == code]
    return p.format_text()


def test_a_good_record_has_no_problems_and_becomes_a_service():
    dataset, problems = run(record())
    assert problems == []
    assert dataset.territory_name == "Distretto"
    assert dataset.comuni == ["Pioltello", "Segrate"]
    [service] = dataset.services
    assert (service.id, service.comune, service.line) == ("caritas-pioltello", "Pioltello", 5)


def test_unknown_key_suggests_the_closest():
    text = record('    telefno: ["02 9236 6364"]\n')
    assert found(text) == [(11, 5, "unknown-key")]
    assert "`telefno`" in message(text, "unknown-key")
    assert "«telefoni»" in message(text, "unknown-key")


def test_missing_required_keys_are_each_reported():
    text = HEAD + "  - id: solo-id\n    nome: Solo\n"
    assert found(text) == [
        (5, 5, "missing-key"),
        (5, 5, "missing-key"),
        (5, 5, "missing-key"),
    ]
    msg = "\n".join(p.message for p in run(text)[1])
    assert "`tipo`" in msg and "`indirizzo`" in msg and "`aggiornato`" in msg
    assert "«solo-id»" in msg


def test_wrong_type_says_what_to_write():
    text = record("    telefoni: 02 9236 6364\n")
    assert found(text) == [(11, 5, "wrong-type")]
    assert "lista" in message(text, "wrong-type")


def test_a_list_where_a_mapping_belongs():
    text = record(
        "    indirizzo: [Pioltello]\n",
        base=GOOD.replace("    indirizzo:\n      comune: Pioltello\n", ""),
    )
    assert (9, 5, "wrong-type") in found(text)
    assert "gruppo di chiavi" in message(text, "wrong-type")


def test_empty_value():
    assert found(record("    email:\n")) == [(11, 5, "empty-value")]


@pytest.mark.parametrize("bad", ["Caritas Pioltello", "caritas_pioltello", "-x", "Città"])
def test_id_must_be_a_lowercase_slug(bad):
    text = record(base=GOOD.replace("caritas-pioltello", bad))
    assert found(text) == [(5, 9, "bad-id")]


def test_duplicate_id_names_the_first_line():
    text = record(base=GOOD + GOOD)
    assert found(text) == [(11, 9, "duplicate-id")]
    assert "riga 5" in message(text, "duplicate-id")


def test_phones_are_checked_and_normalised():
    text = record('    telefoni: ["02 92366364", 0212345670, "12345", "+39 333 123 4567"]\n')
    assert found(text) == [(11, 43, "bad-phone")]
    [service] = run(text)[0].services
    assert [(p.display, p.e164) for p in service.telefoni] == [
        ("02 9236 6364", "+390292366364"),
        ("02 1234 5670", "+390212345670"),
        ("333 123 4567", "+393331234567"),
    ]


@pytest.mark.parametrize("bad", ["info.example.org", "info@", "a b@example.org", "x@y"])
def test_email_shape(bad):
    assert found(record(f'    email: "{bad}"\n')) == [(11, 12, "bad-email")]


@pytest.mark.parametrize(
    ("bad", "why"),
    [
        ("a@b.it?bcc=x@y.it", "(non può contenere «?»: niente aggiunte come ?bcc= o &cc=)"),
        ("a@b.it&cc=x@y.it", "(non può contenere «&»"),
        ("a@b.it%0Abcc:x@y.it", "(non può contenere «%»"),
        ("a@b.it\\nBcc: x@y.it", "(contiene spazi o a capo)"),
        ("a@b.it\\n", "(contiene spazi o a capo)"),
        ("a@b.it, c@d.it", "(contiene spazi o a capo)"),
        ("a@b.it;c@d.it", "(scrivi un solo indirizzo)"),
    ],
)
def test_email_cannot_carry_headers_or_more_recipients(bad, why):
    """A ``mailto:`` link must open a message to one address, with no hidden recipients."""
    text = record(f'    email: "{bad}"\n')
    assert found(text) == [(11, 12, "bad-email")]
    assert why in message(text, "bad-email")
    assert run(text)[0].services[0].email  # still shown as written; the build stops anyway


@pytest.mark.parametrize(
    "good", ["info@example.org", "m.rossi+sportello@comune.pioltello.mi.it", "d'amico@x-y.it"]
)
def test_email_shapes_people_use_are_accepted(good):
    assert found(record(f'    email: "{good}"\n')) == []


@pytest.mark.parametrize("key", ["sito", "fonte"])
@pytest.mark.parametrize(
    "bad",
    [
        "javascript:alert(1)",
        "www.example.org",
        "ftp://x.org",
        "file:///etc",
        "data:text/html,x",
        "https://comune.it@evil.example/",
        "https://example.org:99999/",
    ],
)
def test_links_only_http(key, bad):
    assert found(record(f"    {key}: {bad}\n")) == [(11, 7 + len(key), "bad-url")]
    assert run(record(f"    {key}: {bad}\n"))[0].services[0].sito == ""


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org",
        "http://comune.pioltello.mi.it/servizi/sportello-1",
        "HTTPS://EXAMPLE.ORG/",
        "https://x-y.it/a_b~c.d/",
        "https://..",
        "https://example.org/a b",
        "https://example.org:8080/",
        "https://example.org/?q=1",
        "https://comune.it@altro.example/",
        "https:///solo-percorso",
        "javascript://example.org/",
    ],
)
def test_the_quick_path_for_plain_links_agrees_with_web_uri(url):
    """``is_web_url`` skips ``web_uri`` for plain links: both must say the same of every link."""
    by_web_uri = web_uri(url) is not None and " " not in url
    assert checks.is_web_url.__wrapped__(url) is by_web_uri
    if checks.PLAIN_URL.fullmatch(url):
        assert web_uri(url) == url  # taken as it is: the link is the text written


@pytest.mark.parametrize(
    "key, value",
    [
        ("attivita", "ascolto"),
        ("aree", "casa"),
        ("accesso", "libero"),
        ("lingue", "it"),
        ("comuni_serviti", "Pioltello"),
    ],
)
def test_a_value_twice_in_a_list_is_reported_at_its_key(key, value):
    """The record's lists are checked for repeats apart from the compiled schema: each one."""
    assert found(record(f"    {key}: [{value}, {value}]\n")) == [(11, 5, "duplicate-item")]


def test_a_type_twice_is_reported_at_its_key():
    text = record(base=GOOD.replace("[centro-ascolto]", "[centro-ascolto, centro-ascolto]"))
    assert found(text) == [(7, 5, "duplicate-item")]


def test_good_hours_are_parsed():
    text = record('    orari:\n      lun: "09:00-12:00"\n      mer: "15:00-18:00, 09:00-12:00"\n')
    [service] = run(text)[0].services
    assert service.orari == {
        "lun": [TimeRange("09:00", "12:00")],
        "mer": [TimeRange("09:00", "12:00"), TimeRange("15:00", "18:00")],
    }


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("9:00", "HH:MM-HH:MM"),
        ("12:00-09:00", "dopo l'apertura"),
        ("09:00-09:00", "dopo l'apertura"),
        ("25:00-26:00", "non esiste"),
        ("09:60-10:00", "non esiste"),
        ("09:00-12:00, 11:00-13:00", "sovrappongono"),
        ("09:00-12:00,", "manca"),
        ("mattina", "HH:MM-HH:MM"),
    ],
)
def test_bad_hours(value, reason):
    text = record(f'    orari:\n      lun: "{value}"\n')
    assert found(text) == [(12, 12, "bad-hours")]
    assert reason in message(text, "bad-hours")


def test_unquoted_time_is_reported_not_turned_into_minutes():
    text = record("    orari: {lun: 9:00}\n")
    assert found(text) == [(11, 18, "bad-hours")]
    assert "«9:00»" in message(text, "bad-hours")


def test_day_keys():
    text = record('    orari:\n      lunedi: "09:00-12:00"\n')
    assert found(text) == [(12, 7, "bad-day")]
    assert "lun, mar, mer, gio, ven, sab, dom" in message(text, "bad-day")


def test_aggiornato_must_be_a_real_date():
    text = record(base=GOOD.replace('"2026-03-14"', '"2026-02-30"'))
    assert found(text) == [(10, 17, "bad-date")]
    text = record(base=GOOD.replace('"2026-03-14"', "14/03/2026"))
    assert found(text) == [(10, 17, "bad-date")]
    assert "AAAA-MM-GG" in message(text, "bad-date")


def test_aggiornato_in_the_future_is_an_error():
    text = record(base=GOOD.replace("2026-03-14", "2026-12-01"))
    assert found(text) == [(10, 17, "future-date")]


def test_aggiornato_older_than_a_year_is_a_warning():
    text = record(base=GOOD.replace("2026-03-14", "2025-11-24"))
    _, [p] = run(text)
    assert (p.line, p.code, p.severity) == (10, "stale", "warning")
    assert found(record(base=GOOD.replace("2026-03-14", "2025-11-25"))) == []


def test_comune_must_belong_to_the_territory():
    text = record(base=GOOD.replace("comune: Pioltello", "comune: Pioltelo"))
    assert found(text) == [(9, 15, "unknown-comune")]
    assert "«Pioltello»" in message(text, "unknown-comune")


def test_comuni_limitrofi_are_allowed_as_address():
    head = HEAD.replace("servizi:", "  comuni_limitrofi: [Melzo]\nservizi:")
    text = head + GOOD.replace("comune: Pioltello", "comune: Melzo")
    assert found(text) == []
    assert run(text)[0].comuni_limitrofi == ["Melzo"]


def test_comuni_serviti():
    assert found(record("    comuni_serviti: [Pioltello, Segrato]\n")) == [
        (11, 33, "unknown-comune")
    ]


def test_closures():
    text = record(
        "    chiusure:\n"
        '      - {dal: "2026-08-01", al: "2026-08-31", nota: Ferie}\n'
        '      - {dal: "2026-09-10", al: "2026-09-01"}\n'
        '      - {dal: "2026-13-01", al: "2026-12-01"}\n'
    )
    assert found(text) == [(13, 33, "closure-order"), (14, 15, "bad-date")]
    [service] = run(text)[0].services
    assert [(c.start, c.end, c.note) for c in service.chiusure] == [
        ("2026-08-01", "2026-08-31", "Ferie")
    ]


def test_festivi_and_accessibility_choices():
    text = record("    festivi: no\n    accessibilita: {sedia_a_rotelle: forse}\n")
    assert found(text) == [(11, 14, "bad-choice"), (12, 38, "bad-choice")]
    messages = [p.message for p in run(text)[1]]
    assert "chiuso, aperto" in messages[0] and "si, no, parziale" in messages[1]


def test_vocabulary_values_with_suggestions():
    text = record("    aree: [poverta, lavoor]\n    accesso: [telefono, whatsapp]\n")
    assert found(text) == [(11, 21, "unknown-term"), (12, 25, "unknown-term")]
    assert "«lavoro»" in next(p.message for p in run(text)[1])


@pytest.mark.parametrize(
    "line, expected",
    [
        ("    aree: lavoor\n", [(11, 11, "unknown-term")]),  # a text where a list is expected
        ("    aree: [poverta, [casa], lavoor]\n", [(11, 29, "unknown-term")]),  # not a text
        ("    aree: [povertà]\n", [(11, 12, "unknown-term")]),  # not ASCII
        ("    aree: {a: lavoor}\n", []),  # a mapping: the schema's to report
        ("    lingue: [it, [en], xx]\n", [(11, 24, "unknown-language")]),
        ("    lingue: arabo\n", [(11, 13, "unknown-language")]),
    ],
)
def test_unknown_codes_are_found_in_any_shape(line: str, expected: list) -> None:
    """The fast path of the vocabulary and language checks (a set comparison) misses none."""
    found_here = [p for p in found(record(line)) if p[2] in ("unknown-term", "unknown-language")]
    assert found_here == expected


def test_languages():
    text = record("    lingue: [it, arabo, xx]\n")
    assert found(text) == [(11, 18, "unknown-language"), (11, 25, "unknown-language")]
    assert "«ar»" in run(text)[1][0].message


def test_position_swapped_without_boundaries():
    text = record("    posizione: {lat: 9.326, lon: 45.499}\n")
    assert found(text) == [(11, 5, "swapped-position")]
    assert "lat: 45.499, lon: 9.326" in message(text, "swapped-position")


def test_position_out_of_range_and_not_a_number():
    assert found(record("    posizione: {lat: 95.1, lon: 200.5}\n")) == [(11, 5, "bad-position")]
    text = record("    posizione: {lat: abc, lon: 9.3}\n")
    assert found(text) == [(11, 22, "bad-value")]
    assert "punto decimale" in message(text, "bad-value")
    # a decimal comma splits the mapping: "49" becomes a key nobody knows
    assert found(record("    posizione: {lat: 45,49, lon: 9.3}\n")) == [(11, 25, "unknown-key")]


SQUARE = {
    "type": "Polygon",
    "coordinates": [[[9.30, 45.48], [9.35, 45.48], [9.35, 45.52], [9.30, 45.52], [9.30, 45.48]]],
}
TERRITORY = Territory(
    "Distretto", [Comune("Pioltello", "pioltello", geometry=SQUARE), Comune("Segrate", "segrate")]
)


def test_position_inside_the_territory():
    text = record("    posizione: {lat: 45.499, lon: 9.326}\n")
    assert found(text, territory=TERRITORY) == []
    assert run(text, territory=TERRITORY)[0].services[0].written_position == (45.499, 9.326)


def test_position_outside_the_territory():
    text = record("    posizione: {lat: 41.9, lon: 12.5}\n")
    assert found(text, territory=TERRITORY) == [(11, 5, "outside-territory")]


@pytest.mark.parametrize("lon, accepted", [(9.3515, True), (9.355, False)])
def test_validation_and_placement_accept_the_same_border(lon, accepted):
    """One border tolerance (``geo.within_border``): a desk 120 m past the drawn edge of its
    comune (ISTAT's generalised line) is accepted by both stages, one 390 m past by neither."""
    from servicemap.place.territory import Boundaries

    text = record(f"    posizione: {{lat: 45.5, lon: {lon}}}\n")
    assert found(text, territory=TERRITORY) == ([] if accepted else [(11, 5, "outside-territory")])
    assert Boundaries.of(TERRITORY).contains("Pioltello", 45.5, lon) is accepted


def test_position_swapped_against_boundaries():
    text = record("    posizione: {lat: 9.326, lon: 45.499}\n")
    assert found(text, territory=TERRITORY) == [(11, 5, "swapped-position")]


def test_a_territory_may_extend_the_vocabulary(tmp_path: Path):
    extra = tmp_path / "vocabolario.yaml"
    extra.write_text(
        "tipo:\n  emporio-solidale:\n    etichetta: Emporio solidale\n"
        "    descrizione: Spesa gratuita con la tessera.\n",
        encoding="utf-8",
    )
    vocabulary, problems = contract.load_vocabulary(extra)
    # Italian only still loads: the other languages' pages show it in Italian, and a warning says so
    assert [(p.line, p.severity, p.code) for p in problems] == [
        (2, "warning", "vocabulary-untranslated")
    ]
    assert vocabulary.label("tipo", "emporio-solidale") == "Emporio solidale"
    text = record(base=GOOD.replace("[centro-ascolto]", "[centro-ascolto, emporio-solidale]"))
    assert found(text, vocabulary=vocabulary) == []
    assert found(text) == [(7, 28, "unknown-term")]


def test_every_problem_is_reported_at_once():
    text = record(
        '    telefoni: ["12"]\n    email: x\n    sito: www.x.it\n    orari: {lun: "9"}\n'
        "    lingue: [zz]\n    tipo_errato: 1\n"
    )
    codes = {code for _, _, code in found(text)}
    assert codes == {
        "bad-phone",
        "bad-email",
        "bad-url",
        "bad-hours",
        "unknown-language",
        "unknown-key",
    }


def test_records_with_required_fields_become_services_even_with_other_errors():
    dataset, problems = run(record('    telefoni: ["12"]\n'))
    assert [p.code for p in problems] == ["bad-phone"]
    assert len(dataset.services) == 1 and dataset.services[0].telefoni == []


def test_messages_are_italian_and_point_at_the_file():
    text = record("    email: x\n")
    assert message(text, "bad-email") == (
        "services.yaml:11:12: error: `email`: «x» non è un indirizzo e-mail (manca la «@»); "
        "scrivi per esempio nome@dominio.it [bad-email]"
    )


def test_phone_display_matches_phonenumbers_for_many_numbers():
    """The grouping cache of ``phones`` must give exactly phonenumbers' own formatting."""
    import random

    import phonenumbers

    from servicemap.core.phones import parse_phone

    rng = random.Random(7)
    prefixes = [
        "02",
        "06",
        "011",
        "0371",
        "039",
        "0331",
        "0471",
        "055",
        "081",
        "333",
        "347",
        "389",
        "800",
        "803",
        "199",
        "848",
        "0549",
    ]
    prefixes += ["+33 1", "+44 20", "+212 6", "+40 7"]
    checked = 0
    for _ in range(3000):
        raw = rng.choice(prefixes) + "".join(
            rng.choice("0123456789") for _ in range(rng.randint(4, 9))
        )
        ours = parse_phone(raw)
        number = phonenumbers.parse(raw, "IT")
        assert (ours is not None) == phonenumbers.is_valid_number(number), raw
        if ours:
            style = phonenumbers.PhoneNumberFormat.NATIONAL
            if number.country_code != 39:
                style = phonenumbers.PhoneNumberFormat.INTERNATIONAL
            assert ours.display == phonenumbers.format_number(number, style), raw
            checked += 1
    assert checked > 1000


def test_huge_values_are_cut_in_messages():
    text = record(f'    email: "{"a@" * 100_000}"\n')
    _, [p] = run(text)
    assert p.code == "bad-email" and len(p.message) < 200 and "…" in p.message


# --- one canonical form per name; nothing hidden in ids and names ---------------------------------


def problems_of(text: str) -> list[tuple[int, int, str, str]]:
    return [(p.line, p.column, p.code, p.message) for p in run(text)[1]]


@pytest.mark.parametrize(
    ("written", "col", "char"),
    [
        ("caritas\u200b-pioltello", 16, "U+200B (spazio a larghezza zero)"),
        ("caritas-\u2060pioltello", 17, "U+2060 (unione di parole invisibile)"),
        ("\ufeffcaritas-pioltello", 9, "U+FEFF (BOM, spazio invisibile)"),
        ("caritas-pioltello\u200e", 26, "U+200E (segno di direzione sinistra-destra)"),
        ("caritas-\u202epioltello", 17, "U+202E"),
        ("caritas-\u2066pioltello", 17, "U+2066"),
        ("caritas-pioltello\u2028", 26, "U+2028 (separatore di riga invisibile)"),
        ('"caritas-pioltello\\t"', 27, "U+0009 (tabulazione)"),  # the escape's backslash
    ],
)
def test_an_invisible_character_in_an_id_is_named_with_its_column(written, col, char):
    text = record(base=GOOD.replace("caritas-pioltello", written))
    [(line, column, code, msg)] = problems_of(text)
    assert (line, column, code) == (5, col, "invisible-in-id")
    assert f"carattere invisibile {char}" in msg and f"alla colonna {col}" in msg
    assert "caritas" in msg and "<U+" in msg and "\n" not in msg  # shown, on one line


def test_an_id_ending_with_a_newline_or_a_space_says_so():
    text = record(base=GOOD.replace("id: caritas-pioltello", "id: |\n      caritas-pioltello"))
    [(line, _col, code, msg)] = problems_of(text)
    assert (line, code) == (6, "invisible-in-id") and "U+000A (a capo)" in msg
    text = record(base=GOOD.replace("caritas-pioltello", '"caritas-pioltello "'))
    [(line, col, code, msg)] = problems_of(text)
    assert (line, col, code) == (5, 9, "bad-id")
    # the suggestion «caritas-pioltello» looks just like the value: the message says why
    assert "ha spazi all'inizio o alla fine" in msg


@pytest.mark.parametrize("reserved", ["index", "con", "prn", "aux", "nul", "com1", "lpt9"])
def test_reserved_names_cannot_be_ids(reserved):
    text = record(base=GOOD.replace("caritas-pioltello", reserved))
    [(line, col, code, msg)] = problems_of(text)
    assert (line, col, code) == (5, 9, "unusable-name")
    assert f"servizi/{reserved}/" in msg


def test_an_id_too_long_for_a_file_name():
    long_id = "centro-" + "a" * 94  # 101 bytes: over the limit of 100
    text = record(base=GOOD.replace("caritas-pioltello", long_id))
    [(_line, _col, code, msg)] = problems_of(text)
    assert code == "unusable-name" and "101 byte, massimo 100" in msg
    assert found(record(base=GOOD.replace("caritas-pioltello", long_id[:-1]))) == []


@pytest.mark.parametrize(
    ("key", "value", "col"),
    [
        ("nome", "Centro\u200b di ascolto", 17),
        ("nome", '"Centro\u2028di ascolto"', 18),
        ("ente", "Caritas \u202eAmbrosiana", 19),
        ("verificato_da", "Ufficio\u00a0di Piano\u2066", 36),  # a no-break space is fine
    ],
)
def test_an_invisible_character_in_a_name_is_a_warning_at_its_column(key, value, col):
    base = GOOD.replace("    nome: Centro di ascolto Caritas Pioltello\n", "")
    text = record(f"    nome: x\n    {key}: {value}\n" if key != "nome" else "", base=base)
    if key == "nome":
        text = record(f"    nome: {value}\n", base=base)
    [(line, column, code, msg)] = problems_of(text)
    assert (line, column, code) == (10 if key == "nome" else 11, col, "invisible-character")
    assert run(text)[1][0].severity == "warning"
    assert f"alla colonna {col}" in msg
    [service] = run(text)[0].services
    assert getattr(service, key) == value.strip('"')  # shown as written


def test_invisible_characters_in_the_territory_and_addresses_are_warnings():
    head = HEAD.replace("[Pioltello, Segrate]", '[Pioltello, "Segrate\u200d"]')
    text = head + GOOD.replace(
        "comune: Pioltello", "comune: Pioltello\n      via: Via Roma\u200b 1"
    )
    assert found(text) == [(3, 31, "invisible-character"), (10, 20, "invisible-character")]


def test_comuni_are_compared_in_nfc():
    decomposed = "Citta\u0300"  # "Città" typed as a plain a and a combining accent (macOS)
    head = HEAD.replace("[Pioltello, Segrate]", "[Pioltello, Città]")
    text = head + GOOD.replace("comune: Pioltello", f"comune: {decomposed}")
    assert found(text) == []
    [service] = run(text)[0].services
    assert service.comune == "Città"  # one canonical form: one page for both spellings


def test_two_comuni_on_one_page_name_both_lines():
    head = "territorio:\n  nome: D\n  comuni:\n    - Città\n    - Pioltello\n    - Citta\n"
    text = head + "  comuni_limitrofi: [Pioltello\u200b]\nservizi:\n" + GOOD
    problems = problems_of(text)
    assert [p[:3] for p in problems] == [
        (7, 31, "invisible-character"),
        (6, 7, "path-collision"),
        (7, 22, "path-collision"),
    ]
    assert (
        "«Citta» e «Città» (services.yaml:4) diventerebbero la stessa pagina comuni/citta/"
        in (problems[1][3])
    )
    assert "«Pioltello<U+200B>» e «Pioltello» (services.yaml:5)" in problems[2][3]


def test_comuni_that_cannot_be_a_folder():
    head = HEAD.replace("[Pioltello, Segrate]", "[Pioltello, Index, Aux, 北京]")
    problems = problems_of(head + GOOD)
    assert [p[2] for p in problems] == ["unusable-name"] * 3
    assert "comuni/index/" in problems[0][3] and "riservato di Windows" in problems[1][3]
    assert "lettere o cifre latine" in problems[2][3]


def test_a_suggestion_never_looks_like_the_value_it_corrects():
    text = record(
        "    aree: [casa\u200b]\n"
        "    accessibilita: {sedia_a_rotelle: si\u200b}\n"
        "    comuni_serviti: [Segrate\u200b]\n"
        "    lingue: [it\u200b]\n"
        "    email\u200b: a@b.it\n"
    )
    problems = {p[2]: p[3] for p in problems_of(text)}
    hidden = "contiene un carattere invisibile U+200B (spazio a larghezza zero)"
    for code in ("unknown-term", "bad-choice", "unknown-comune", "unknown-language", "unknown-key"):
        assert hidden in problems[code], problems[code]
        assert "forse" not in problems[code], problems[code]
    assert "«Segrate<U+200B>»" in problems["unknown-comune"]


def test_vocabulary_codes_are_compared_in_nfc(tmp_path: Path):
    (tmp_path / "vocabolario.yaml").write_text("aree:\n  città:\n    etichetta: Città\n", "utf-8")
    vocabulary, problems = contract.load_vocabulary(tmp_path / "vocabolario.yaml")
    assert [p.code for p in problems] == ["vocabulary-untranslated"]
    text = record("    aree: [citta\u0300]\n")
    assert found(text, vocabulary=vocabulary) == []
    [service] = run(text, vocabulary=vocabulary)[0].services
    assert service.aree == ["città"]


# --- digits are ASCII digits ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            '    indirizzo:\n      comune: Pioltello\n      cap: "２００９６"\n',
            (10, 12, "bad-value"),
        ),
        ('    indirizzo:\n      comune: Pioltello\n      cap: "٢٠٠٩٦"\n', (10, 12, "bad-value")),
        (
            "    indirizzo:\n      comune: Pioltello\n      cap: |\n        20096\n",
            (10, 12, "bad-value"),
        ),
        ("    posizione: {lat: ٤٥.٤٩٩, lon: 9.326}\n", (10, 22, "bad-value")),
        ("    posizione: {lat: 45.499, lon: ９.326}\n", (10, 35, "bad-value")),
        ('    orari: {lun: "٠٩:٠٠-١٢:٠٠"}\n', (10, 18, "bad-hours")),
        ('    chiusure:\n      - {dal: "٢٠٢٦-٠٨-٠١", al: "2026-08-31"}\n', (11, 15, "bad-date")),
        ('    telefoni: ["٠٢ ٩٢٣٦ ٦٣٦٤"]\n', (10, 16, "bad-phone")),
    ],
)
def test_only_ascii_digits_where_the_contract_says_digits(extra, expected):
    base = GOOD.replace('    aggiornato: "2026-03-14"\n', "")
    if "indirizzo" in extra:
        base = base.replace("    indirizzo:\n      comune: Pioltello\n", "")
    text = record(extra + '    aggiornato: "2026-03-14"\n', base=base)
    assert found(text) == [expected]


def test_aggiornato_with_other_digits_is_refused():
    text = record(base=GOOD.replace('"2026-03-14"', '"٢٠٢٦-٠٣-١٤"'))
    assert found(text) == [(10, 17, "bad-date")]


@pytest.mark.parametrize(
    "comune, served",
    [
        ("[Pioltello, Milano]", "[Segrate]"),  # a list where one name is expected
        ("Pioltello", "[Segrate, Milano]"),
        ("Pioltello", "Milano"),  # a name where a list is expected
        ("Pioltello", "[Segrate, Mìlano]"),  # not ASCII
        ("Pioltello", "[Segrate, [Rodano], Milano]"),  # an item that is not a name
    ],
)
def test_an_unknown_comune_is_found_wherever_it_is_written(comune: str, served: str) -> None:
    """The fast path of ``check_comuni`` (one set comparison) misses none of them."""
    text = (
        "territorio:\n  nome: Distretto\n  comuni: [Pioltello, Segrate]\nservizi:\n"
        "  - id: caritas-pioltello\n    nome: Centro\n    tipo: [centro-ascolto]\n"
        f"    indirizzo:\n      comune: {comune}\n    comuni_serviti: {served}\n"
        '    aggiornato: "2026-03-14"\n'
    )
    doc, problems = load.load_text(text, "services.yaml")
    assert doc is not None and not problems
    _, found = validate.validate_document(
        doc, file="services.yaml", vocabulary=VOCABULARY, today=dt.date(2026, 11, 25)
    )
    unknown = [p for p in found if p.code == "unknown-comune"]
    assert len(unknown) == 1 and ("Milano" in unknown[0].message or "Mìlano" in unknown[0].message)
