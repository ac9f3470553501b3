"""``traduzioni`` on a record: what a volunteer is told, and what the later stages receive.

Each rule is checked as the volunteer meets it: the code, the line and column their editor shows,
and the Italian sentence that says what to write instead. Then the record as the loader hands it
on (``Service.traduzioni``) and as a page in one language shows it (``model.localized``).
"""

from __future__ import annotations

from test_validate import FILE, GOOD, HEAD
from test_validate import run as run_document

from servicemap.core.model import TRANSLATABLE, localized
from servicemap.load import document as load
from servicemap.render import i18n
from servicemap.validate import contract, translations

FULL = (
    GOOD
    + """\
    descrizione: Ascolto e orientamento.
    destinatari: Persone in difficoltà
    documenti: [Documento di identità, ISEE]
    costo: gratuito
    note_orari: Il venerdì su appuntamento
    contatti_note: Il telefono è del centralino
    accessibilita: {sedia_a_rotelle: si, note: Ingresso con rampa}
    chiusure:
      - {dal: "2026-08-01", al: "2026-08-31", nota: Chiuso per ferie}
      - {dal: "2026-12-24", al: "2026-12-26"}
      - {dal: "2027-04-01", al: "2027-04-02", nota: Pasqua}
"""
)


def run(records: str):
    """The records validated as ``test_validate`` does, under its territory header."""
    return run_document(HEAD + records)


def found(records: str) -> list[tuple[int, int, str, str]]:
    _, problems = run(records)
    return [(p.line, p.column, p.severity, p.code) for p in problems]


def messages(records: str) -> list[str]:
    _, problems = run(records)
    return [p.format_text() for p in problems]


def service(records: str):
    dataset, problems = run(records)
    assert [p for p in problems if p.severity == "error"] == []
    [only] = dataset.services
    return only


# --- validation -----------------------------------------------------------------------------


def test_a_language_the_site_has_not_is_an_error_at_its_key_naming_the_possible_ones():
    text = GOOD + "    traduzioni:\n      en: {nome: Listening centre}\n      fr: {nome: Centre}\n"
    assert found(text) == [(13, 7, "error", "unknown-translation-language")]
    [line] = messages(text)
    assert line == (
        "services.yaml:13:7: error: `traduzioni.fr`: il sito non ha una versione in questa "
        "lingua (se è una lingua parlata allo sportello, va in `lingue`); le lingue possibili "
        "sono en (inglese), ar (arabo), zh (cinese) "
        "[unknown-translation-language]"
    )


def test_italian_and_a_capitalised_code_are_explained():
    text = GOOD + "    traduzioni:\n      it: {nome: Centro}\n      AR: {nome: مركز}\n"
    capital, italian = messages(text)  # in the order of the keys' names
    assert "`traduzioni.it`: l'italiano è la scheda stessa" in italian
    assert "13:7: error: `traduzioni.AR`: scrivi il codice così: «ar»" in capital


def test_the_languages_are_the_sites_interface_languages_and_the_schemas():
    others = [code for code in i18n.interface().languages if code != i18n.SOURCE_LANGUAGE]
    assert list(translations.LANGUAGES) == others
    schema = contract.published_schema()["$defs"]["servizio"]["properties"]["traduzioni"]
    assert list(schema["properties"]) == others
    assert set(translations.LANGUAGE_NAMES) == set(others)


def test_a_key_that_is_the_same_in_every_language_is_an_error_saying_so():
    text = GOOD + '    traduzioni:\n      en:\n        telefoni: ["02 9236 6364"]\n'
    assert found(text) == [(13, 9, "error", "not-translatable")]
    [line] = messages(text)
    assert "`traduzioni.en.telefoni`: «telefoni» vale per tutte le lingue e non si traduce" in line
    assert "si traducono solo: nome, descrizione, destinatari, documenti, costo" in line
    assert "accessibilita.note, chiusure.nota" in line


def test_a_mistyped_key_gets_the_closest_translatable_one():
    text = GOOD + "    traduzioni:\n      ar:\n        descrizion: نص\n"
    assert found(text) == [(13, 9, "error", "not-translatable")]
    assert (
        "`traduzioni.ar.descrizion`: chiave sconosciuta: forse intendevi «descrizione»?"
        in (messages(text)[0])
    )


def test_inside_a_group_only_the_note_is_translated():
    text = (
        FULL + "    traduzioni:\n      en:\n        accessibilita: {sedia_a_rotelle: si}\n"
        '        chiusure:\n          - {dal: "2026-08-01", nota: Holidays}\n'
    )
    assert found(text) == [
        (24, 25, "error", "not-translatable"),
        (26, 14, "error", "not-translatable"),
    ]
    first, second = messages(text)
    assert (
        "`traduzioni.en.accessibilita.sedia_a_rotelle`: «sedia_a_rotelle» vale per tutte" in first
    )
    assert first.endswith("si traducono solo: note [not-translatable]")
    assert "`traduzioni.en.chiusure.dal`: «dal» vale per tutte le lingue" in second


def test_a_translation_has_the_type_and_rules_of_the_italian_key():
    text = GOOD + (
        "    descrizione: Ascolto\n    documenti: [ISEE]\n    traduzioni:\n      en:\n"
        "        nome: [Listening, centre]\n"
        '        descrizione: ""\n'
        "        documenti: Passport\n"
    )
    assert found(text) == [
        (15, 9, "error", "wrong-type"),
        (16, 9, "error", "empty-value"),
        (17, 9, "error", "wrong-type"),
    ]
    first, second, third = messages(text)
    assert "`traduzioni.en.nome` deve essere un testo" in first
    assert "`traduzioni.en.descrizione` è vuoto" in second
    assert "`traduzioni.en.documenti` deve essere una lista" in third


def test_an_empty_language_or_translations_block_is_empty_value():
    assert found(GOOD + "    traduzioni:\n      en:\n") == [(12, 7, "error", "empty-value")]
    assert found(GOOD + "    traduzioni: {}\n") == [(11, 5, "error", "empty-value")]
    assert found(GOOD + "    traduzioni:\n      en: {}\n") == [(12, 7, "error", "empty-value")]
    assert found(GOOD + "    traduzioni: [en]\n") == [(11, 5, "error", "wrong-type")]


def test_a_translation_of_a_text_the_italian_lacks_is_a_warning():
    """Allowed (it is valid), but shown nowhere: every page falls back to the Italian, which is
    missing; usually a key renamed in the Italian part and forgotten here."""
    text = (
        GOOD + "    traduzioni:\n      en:\n        nome: Listening centre\n        costo: free\n"
    )
    assert found(text) == [(14, 9, "warning", "translation-without-italian")]
    assert messages(text) == [
        "services.yaml:14:9: warning: `traduzioni.en.costo`: in italiano la scheda non ha "
        "`costo`, quindi la traduzione non si vede in nessuna pagina; scrivi prima il testo in "
        "italiano (è il testo di riferimento) oppure togli la traduzione "
        "[translation-without-italian]"
    ]


def test_closure_notes_pair_with_the_closures_in_order():
    text = FULL + (
        "    traduzioni:\n      en:\n        chiusure:\n"
        "          - {nota: Closed for holidays}\n"
        "          - {nota: Christmas}\n"  # the second closure has no Italian note
        "          - {nota: Easter}\n"
        "          - {nota: One too many}\n"
    )
    assert found(text) == [
        (26, 14, "warning", "translation-without-italian"),
        (28, 14, "warning", "translation-without-italian"),
    ]
    assert "non ha una `nota` per la chiusura n. 2" in messages(text)[0]
    assert "non ha una `nota` per la chiusura n. 4" in messages(text)[1]


def test_translated_text_follows_the_loader_rules():
    """Translated text is record text: the strict loader's refusals apply to it too."""
    duplicate = GOOD + "    traduzioni:\n      en:\n        nome: A\n        nome: B\n"
    node, problems = load.load_text(HEAD + duplicate, FILE)
    assert node is None and [(p.line, p.column, p.code) for p in problems] == [
        (14, 9, "duplicate-key")
    ]
    alias = GOOD + "    nome_it: &n Centro\n    traduzioni:\n      en: {nome: *n}\n"
    node, problems = load.load_text(HEAD + alias, FILE)
    assert node is None and [p.code for p in problems] == ["anchor"]
    # Kept exactly as written: numbers, "no", markup and escapes stay the text they are.
    text = GOOD + (
        "    descrizione: Ascolto\n    costo: gratuito\n    traduzioni:\n      en:\n"
        "        nome: <script>alert(1)</script> & co\n"
        '        descrizione: "Tab\\there, quote \\" and \\u00e8"\n'
        "        costo: no\n"
    )
    words = service(text).traduzioni["en"]
    assert words == {
        "nome": "<script>alert(1)</script> & co",
        "descrizione": 'Tab\there, quote " and è',
        "costo": "no",
    }


def test_an_invisible_character_in_a_translated_name_is_a_warning_at_its_column():
    text = GOOD + '    traduzioni:\n      en: {nome: "Listening\u200bcentre"}\n'
    assert found(text) == [(12, 28, "warning", "invisible-character")]
    assert "`traduzioni.en.nome`" in messages(text)[0]


def test_the_published_schema_refuses_what_the_validator_refuses():
    """Editors underline a wrong translation as the build refuses it (same ``$defs`` rules)."""
    from jsonschema import Draft202012Validator

    schema = Draft202012Validator(contract.published_schema())
    bad = GOOD + '    traduzioni:\n      en: {nome: "", telefoni: ["02 1"]}\n      fr: {nome: x}\n'
    node, _ = load.load_text(HEAD + bad, FILE)
    errors = sorted(e.message for e in schema.iter_errors(node.plain()))
    assert len(errors) == 3, errors


# --- what the later stages receive ----------------------------------------------------------

TRANSLATED = FULL + (
    "    traduzioni:\n"
    "      en:\n"
    "        nome: Caritas listening centre\n"
    "        documenti: [Identity document, ISEE]\n"
    "        accessibilita: {note: Step-free entrance}\n"
    "        chiusure: [{nota: Closed for holidays}]\n"
    "      ar:\n"
    "        nome: مركز الاستماع كاريتاس\n"
    "        descrizione: استماع وتوجيه.\n"
    "        destinatari: الأشخاص في صعوبة\n"
    "        documenti: [وثيقة هوية]\n"
    "        costo: مجاني\n"
    "        note_orari: يوم الجمعة بموعد\n"
    "        contatti_note: الهاتف هو هاتف المقسم\n"
    "        accessibilita: {note: مدخل بمنحدر}\n"
    "        chiusure: [{nota: مغلق للعطلة}, {}, {nota: عيد الفصح}]\n"
)


def test_the_loader_fills_service_traduzioni_with_flat_keys():
    s = service(TRANSLATED)
    assert s.traduzioni["en"] == {
        "nome": "Caritas listening centre",
        "documenti": ["Identity document", "ISEE"],
        "accessibilita.note": "Step-free entrance",
        "chiusure.nota": ["Closed for holidays", "", ""],
    }
    assert s.traduzioni["ar"]["chiusure.nota"] == ["مغلق للعطلة", "", "عيد الفصح"]
    assert "zh" not in s.traduzioni
    assert set(s.traduzioni["ar"]) == set(TRANSLATABLE) - {"nota_fonte"}


def test_localized_gives_the_translation_and_names_the_keys_left_in_italian():
    s = service(TRANSLATED)
    en = localized(s, "en")
    assert en.service.nome == "Caritas listening centre"
    assert en.service.documenti == ["Identity document", "ISEE"]
    assert en.service.accessibilita == {"sedia_a_rotelle": "si", "note": "Step-free entrance"}
    assert [c.note for c in en.service.chiusure] == ["Closed for holidays", "", "Pasqua"]
    assert en.service.descrizione == "Ascolto e orientamento."
    assert en.italian == {
        "descrizione", "destinatari", "costo", "note_orari", "contatti_note", "chiusure.nota",
    }  # fmt: skip
    assert en.service.original is s and s.original is None
    # The record itself is not changed: the Italian page reads as before.
    assert (
        s.nome == "Centro di ascolto Caritas Pioltello" and s.chiusure[0].note == "Chiuso per ferie"
    )


def test_localized_in_a_fully_translated_language_leaves_nothing_in_italian():
    s = service(TRANSLATED)
    ar = localized(s, "ar")
    assert ar.italian == frozenset()
    assert ar.service.extra["contatti_note"] == "الهاتف هو هاتف المقسم"
    assert [c.note for c in ar.service.chiusure] == ["مغلق للعطلة", "", "عيد الفصح"]
    assert [c.start for c in ar.service.chiusure] == [c.start for c in s.chiusure]


def test_localized_without_translations_and_in_italian():
    s = service(FULL)
    zh = localized(s, "zh")
    assert zh.service is s
    assert zh.italian == {
        "nome", "descrizione", "destinatari", "documenti", "costo", "note_orari",
        "contatti_note", "accessibilita.note", "chiusure.nota",
    }  # fmt: skip
    it = localized(service(TRANSLATED), "it")
    assert it.italian == frozenset() and it.service.nome == "Centro di ascolto Caritas Pioltello"
