"""The vocabulary in every interface language: the file, its checks, Labels, language names."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import synthetic

from servicemap.adapters.site import render_site
from servicemap.core import language_names
from servicemap.render import i18n
from servicemap.render.labels import Labels
from servicemap.validate import contract
from servicemap.validate.project import Project

DEFAULT, DEFAULT_PROBLEMS = contract.load_vocabulary(Path("/nonexistent"))
OTHERS = ("en", "ar", "zh")


def territory(tmp_path: Path, text: str) -> tuple[contract.Vocabulary, list, str]:
    path = tmp_path / "vocabolario.yaml"
    path.write_text(text, encoding="utf-8")
    vocabulary, problems = contract.load_vocabulary(path)
    return vocabulary, problems, contract.load_display_name(path)


def listed(problems: list) -> list[tuple[int, int, str, str]]:
    return [(p.line, p.column, p.severity, p.code) for p in problems]


# --- the default vocabulary ---------------------------------------------------------------------


def test_the_translated_languages_are_the_sites_languages():
    assert tuple(i18n.interface().languages) == ("it", *OTHERS)


def test_every_default_entry_has_all_four_languages():
    assert DEFAULT_PROBLEMS == []  # no vocabulary-untranslated warning either
    for kind in contract.VOCABULARY_KINDS:
        for term in DEFAULT.terms(kind).values():
            assert set(term.translations) == set(OTHERS), (kind, term.code)
            for lang, given in term.translations.items():
                where = (kind, term.code, lang)
                assert given.label, where
                assert lang == "en" or given.label != term.label, where  # "Online" is English
                assert bool(given.description) == bool(term.description), where
                assert bool(given.words) == bool(term.words), where


def test_bills_and_fawatir_find_what_bollette_finds():
    [need] = [t for t in DEFAULT.aree.values() if "bollette" in t.words]
    assert need.code == "poverta"
    assert "bills" in need.translations["en"].words
    assert "فواتير" in need.translations["ar"].words
    assert "账单" in need.translations["zh"].words


@pytest.mark.parametrize(
    ("kind", "code", "lang", "word"),
    [
        ("aree", "casa", "en", "housing"),
        ("aree", "casa", "ar", "سكن"),
        ("aree", "casa", "zh", "住房"),
        ("aree", "lavoro", "en", "job"),
        ("aree", "lavoro", "ar", "عمل"),
        ("aree", "lavoro", "zh", "工作"),
        ("aree", "salute", "en", "doctor"),
        ("aree", "migranti", "en", "residence permit"),
        ("tipo", "sportello-lavoro", "en", "CV"),
    ],
)
def test_the_obvious_words_of_each_language(kind, code, lang, word):
    assert word in DEFAULT.terms(kind)[code].translations[lang].words


def test_italian_acronyms_are_searched_in_every_language():
    """SPID and ISEE are the words on the letters: the same in every tree (Italian words)."""
    for lang in OTHERS:
        labels = Labels.from_vocabulary(DEFAULT, lang)
        assert "SPID" in labels.words_of("aree", "digitale"), lang
        assert "ISEE" in labels.words_of("aree", "poverta"), lang


# --- a territory's vocabulary -------------------------------------------------------------------

EMPORIO = """\
tipo:
  emporio:
    etichetta: Emporio solidale
    descrizione: Spesa gratuita con la tessera.
    parole: [spesa]
    traduzioni:
      en: {etichetta: Social supermarket, descrizione: Free groceries with a card., parole: [food]}
      ar: {etichetta: متجر تضامني, descrizione: تسوق مجاني بالبطاقة., parole: [طعام]}
      zh: {etichetta: 爱心超市, descrizione: 凭卡免费领取食品。, parole: [食物]}
"""


def test_a_territory_entry_with_all_languages_loads_clean(tmp_path: Path):
    vocabulary, problems, _ = territory(tmp_path, EMPORIO)
    assert problems == []
    assert Labels.from_vocabulary(vocabulary, "zh").label("tipo", "emporio") == "爱心超市"


def test_an_unknown_language_code_is_reported_in_italian_at_its_line(tmp_path: Path):
    text = EMPORIO.replace("      zh:", "      fr: {etichetta: Épicerie solidaire}\n      zh:")
    vocabulary, problems, name = territory(tmp_path, text)
    assert listed(problems) == [(9, 7, "error", "vocabulary-invalid")]
    assert problems[0].format_text() == (
        f"{name}:9:7: error: Vocabolario non valido: «fr» non è una lingua del sito (le lingue "
        "del sito sono en, ar, zh): toglila o correggi il codice [vocabulary-invalid]"
    )
    assert set(vocabulary.tipo["emporio"].translations) == {"en", "ar", "zh"}


def test_a_misspelt_language_code_gets_the_close_one(tmp_path: Path):
    _, problems, _ = territory(tmp_path, EMPORIO.replace("      en:", "      eng:"))
    assert listed(problems) == [
        (7, 7, "error", "vocabulary-invalid"),
        (2, 3, "warning", "vocabulary-untranslated"),
    ]
    assert "«eng» non è una lingua del sito" in problems[0].message
    assert "forse intendevi «en»?" in problems[0].message
    assert "inglese (en)" in problems[1].message


def test_italian_under_traduzioni_is_explained(tmp_path: Path):
    text = EMPORIO.replace("      en:", "      it: {etichetta: Emporio}\n      en:")
    _, problems, _ = territory(tmp_path, text)
    assert listed(problems) == [(7, 7, "error", "vocabulary-invalid")]
    assert "l'italiano si scrive nella voce stessa" in problems[0].message


def test_missing_languages_are_a_warning_at_the_entry(tmp_path: Path):
    text = "aree:\n  mensa:\n    etichetta: Mensa\n    traduzioni:\n      en: {etichetta: Canteen}"
    vocabulary, problems, name = territory(tmp_path, text)
    assert listed(problems) == [(2, 3, "warning", "vocabulary-untranslated")]
    assert problems[0].format_text() == (
        f"{name}:2:3: warning: `aree.mensa`: manca la traduzione: le pagine in arabo (ar) e "
        "cinese (zh) mostrano il testo italiano; aggiungi sotto `traduzioni:` `ar:`, `zh:`, "
        "ciascuna con `etichetta:`, `descrizione:`, `parole:` [vocabulary-untranslated]"
    )
    # what is missing shows in Italian, and the page still has a label
    assert Labels.from_vocabulary(vocabulary, "ar").label("aree", "mensa") == "Mensa"
    assert Labels.from_vocabulary(vocabulary, "en").label("aree", "mensa") == "Canteen"


def test_a_translation_without_what_the_italian_has_is_a_warning(tmp_path: Path):
    text = EMPORIO.replace(", descrizione: Free groceries with a card., parole: [food]", "")
    _, problems, _ = territory(tmp_path, text)
    assert listed(problems) == [(7, 7, "warning", "vocabulary-untranslated")]
    assert problems[0].message.startswith(
        "`tipo.emporio.traduzioni.en`: manca `descrizione` e `parole`, che in italiano ci sono: "
        "le pagine in inglese (en) mostrano il testo italiano"
    )


def test_a_translation_beside_the_italian_is_not_ignored(tmp_path: Path):
    text = "tipo:\n  emporio:\n    etichetta: Emporio\n    en: {etichetta: Social supermarket}\n"
    _, problems, _ = territory(tmp_path, text)
    assert listed(problems) == [
        (4, 5, "error", "unknown-key"),
        (2, 3, "warning", "vocabulary-untranslated"),
    ]
    assert "le traduzioni vanno sotto `traduzioni:` (`tipo.emporio.traduzioni.en`)" in (
        problems[0].message
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("      en: Social supermarket\n", (7, 7, "error", "vocabulary-invalid")),
        ("      en: {descrizione: Free groceries.}\n", (7, 7, "error", "vocabulary-invalid")),
        ("      en: {etichetta: Shop, parole: food}\n", (7, 29, "error", "vocabulary-invalid")),
        ("      en: {etichetta: Shop, descrizion: x}\n", (7, 29, "error", "unknown-key")),
    ],
)
def test_a_broken_translation_is_reported_where_it_is(tmp_path: Path, line, expected):
    lines = EMPORIO.splitlines(keepends=True)
    lines[6] = line
    _, problems, _ = territory(tmp_path, "".join(lines))
    assert expected in listed(problems), [p.format_text() for p in problems]
    assert all(p.code != "vocabulary-invalid" or "`tipo.emporio" in p.message for p in problems)


def test_traduzioni_that_is_not_a_group_of_languages(tmp_path: Path):
    text = "aree:\n  mensa:\n    etichetta: Mensa\n    traduzioni: [en, ar]\n"
    _, problems, _ = territory(tmp_path, text)
    assert listed(problems) == [(4, 5, "error", "vocabulary-invalid")]
    assert "`aree.mensa.traduzioni` va scritto con una lingua per riga" in problems[0].message


# --- Labels in each language ----------------------------------------------------------------------


def test_italian_labels_are_the_vocabulary_as_before():
    labels = Labels.from_vocabulary(DEFAULT, "it")
    for kind in contract.VOCABULARY_KINDS:
        for code, term in DEFAULT.terms(kind).items():
            assert labels.label(kind, code) == term.label
            assert labels.description(kind, code) == term.description
            assert labels.words_of(kind, code) == term.words
    assert labels.label("lingue", "ar") == "arabo (العربية)"
    assert labels.label("lingue", "it") == "italiano"


@pytest.mark.parametrize(
    ("lang", "label", "description", "first_word"),
    [
        ("en", "Poverty and money problems", "Trouble paying for expenses, bills", "bills"),
        ("ar", "الفقر والصعوبات المالية", "صعوبة في دفع المصاريف والفواتير", "فواتير"),
        ("zh", "贫困和经济困难", "难以支付开销、账单或食物", "账单"),
    ],
)
def test_labels_descriptions_and_words_in_the_page_language(lang, label, description, first_word):
    labels = Labels.from_vocabulary(DEFAULT, lang)
    assert labels.lang == lang
    assert labels.label("aree", "poverta") == label
    assert labels.description("aree", "poverta").startswith(description)
    words = labels.words_of("aree", "poverta")
    assert words[0] == first_word
    assert "bollette" in words  # the word on the letter, typed in any tree
    assert words.index("bollette") > words.index(first_word)
    assert "bollette" not in labels.own_words_of("aree", "poverta")
    assert first_word in labels.own_words_of("aree", "poverta")


def test_a_word_in_both_languages_is_listed_once():
    labels = Labels.from_vocabulary(DEFAULT, "en")
    words = labels.words_of("tipo", "hub-digitale")
    assert words.count("computer") == 1 and words.count("smartphone") == 1


def test_an_entry_without_a_translation_shows_in_italian(tmp_path: Path):
    vocabulary, _, _ = territory(tmp_path, "aree:\n  mensa:\n    etichetta: Mensa\n"
                                            "    parole: [pranzo]\n")  # fmt: skip
    labels = Labels.from_vocabulary(vocabulary, "en")
    assert labels.label("aree", "mensa") == "Mensa"
    assert labels.words_of("aree", "mensa") == ("pranzo",)
    assert labels.own_words_of("aree", "mensa") == ("pranzo",)
    assert labels.label("aree", "casa") == "Housing"
    # the page marks what stays Italian (lang="it"), and only that
    assert labels.lang_of("aree", "mensa") == "it"
    assert labels.lang_of("aree", "casa") == labels.lang_of("aree", "casa", "description") == "en"
    assert Labels.from_vocabulary(vocabulary, "it").lang_of("aree", "mensa") == "it"


def test_a_translation_without_description_marks_only_the_description_italian(tmp_path: Path):
    text = EMPORIO.replace(", descrizione: Free groceries with a card., parole: [food]", "")
    vocabulary, _, _ = territory(tmp_path, text)
    labels = Labels.from_vocabulary(vocabulary, "en")
    assert labels.label("tipo", "emporio") == "Social supermarket"
    assert labels.description("tipo", "emporio") == "Spesa gratuita con la tessera."
    assert labels.lang_of("tipo", "emporio") == "en"
    assert labels.lang_of("tipo", "emporio", "description") == "it"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("it", "arabo (العربية)"),
        ("en", "Arabic (العربية)"),
        ("ar", "العربية"),
        ("zh", "阿拉伯语 (العربية)"),
    ],
)
def test_desk_languages_in_the_page_language(lang, expected):
    assert Labels.from_vocabulary(DEFAULT, lang).label("lingue", "ar") == expected
    assert Labels(lang=lang).label("lingue", "ar") == expected  # without the vocabulary too


# --- the one formatter of language names ----------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "lang", "expected"),
    [
        ("en", "it", "inglese (English)"),
        ("en", "en", "English"),
        ("en", "ar", "الإنجليزية (English)"),
        ("zh", "zh", "中文"),
        ("zh", "en", "Chinese (中文)"),
        ("uk", "en", "Ukrainian (українська)"),
        ("it", "zh", "意大利语 (italiano)"),
        ("it", "it", "italiano"),
    ],
)
def test_language_label(code, lang, expected):
    assert language_names.label(code, lang) == expected


def test_the_vocabulary_names_win_on_italian_pages_and_for_the_own_name():
    # CLDR calls Twi «ci» in Italian: the project's word stays
    assert language_names.label("tw", "it", native="Twi", italian="twi") == "twi"
    assert language_names.label("tw", "en", native="Twi", italian="twi") == "Twi"
    assert language_names.label("ff", "en", native="Fulfulde", italian="fula") == "Fula (Fulfulde)"


def test_a_language_cldr_does_not_know_keeps_the_vocabulary_names():
    assert language_names.label("xx", "en", native="Kriolu", italian="creolo") == "Kriolu"
    assert language_names.label("xx", "it", native="Kriolu", italian="creolo") == "creolo (Kriolu)"
    assert language_names.label("xx", "ar") == "xx"


def test_the_guides_example_loads_clean_in_every_language(tmp_path: Path):
    guide = (Path(__file__).resolve().parent.parent / "CONTRIBUTING.md").read_text("utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", guide, flags=re.S)
    [example] = [b for b in blocks if "traduzioni:" in b and b.startswith("tipo:")]
    vocabulary, problems, _ = territory(tmp_path, example)
    assert problems == []
    for lang, label in [("it", "Emporio solidale"), ("en", "Social supermarket"),
                        ("ar", "متجر تضامني"), ("zh", "爱心超市")]:  # fmt: skip
        assert Labels.from_vocabulary(vocabulary, lang).label("tipo", "emporio-solidale") == label


def test_each_tree_of_the_site_gets_its_languages_labels():
    """``render_site(lang=)`` hands the renderers the labels of its language."""
    services = synthetic.services(3)
    for s in services:
        s.aree = ["poverta"]
    project = Project(Path("services.yaml"))
    pages = {}
    for lang in ("it", "en", "ar"):
        tree = "" if lang == "it" else f"{lang}/"
        today = dt.date(2026, 12, 1)
        files = render_site(services, None, DEFAULT, project, today=today, lang=lang, tree=tree)
        [page] = [f for f in files if f.path.endswith("aree/poverta.md")]
        pages[lang] = page.content if isinstance(page.content, str) else page.content.decode()
    assert "Povertà e difficoltà economiche" in pages["it"] and "bills" not in pages["it"]
    assert "Poverty and money problems" in pages["en"] and "bills" in pages["en"]
    assert "الفقر والصعوبات المالية" in pages["ar"] and "فواتير" in pages["ar"]
