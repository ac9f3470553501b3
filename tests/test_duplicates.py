"""``possible-duplicate``: the same desk entered twice is a warning that names the other record."""

from __future__ import annotations

import pytest
from test_validate import HEAD, found, message, run

from servicemap.validate.duplicates import name_key


def desk(record_id: str, name: str, comune: str = "Pioltello") -> str:
    return (
        f"  - id: {record_id}\n"
        f"    nome: {name}\n"
        "    tipo: [centro-ascolto]\n"
        "    indirizzo:\n"
        f"      comune: {comune}\n"
        '    aggiornato: "2026-03-14"\n'
    )


FIRST = desk("caritas-pioltello", "Centro di ascolto Caritas Pioltello")


@pytest.mark.parametrize(
    "name",
    [
        "Centro di ascolto Caritas Pioltello",  # the same
        "CENTRO DI ASCOLTO CARITAS PIOLTELLO",  # case
        "'Caritas Pioltello: centro d''ascolto'",  # order, punctuation, stop words
        "Centro di ascolto Càritas Pioltello",  # an accent
        "Centro di ascolto Caritas Pioltelo",  # a typo
        "Centro ascolto della Caritas - Pioltello",
    ],
)
def test_a_near_identical_name_in_the_same_comune_is_a_warning_naming_the_first(name):
    text = HEAD + FIRST + desk("caritas-bis", name)
    assert found(text) == [(12, 11, "possible-duplicate")]
    assert message(text, "possible-duplicate") == (
        "services.yaml:12:11: warning: `nome`: sembra la stessa scheda di «caritas-pioltello» "
        "(riga 6): stesso comune e nome quasi uguale; se è lo stesso sportello tieni una sola "
        "scheda, altrimenti rendi i nomi distinguibili (per esempio con il quartiere o la via) "
        "[possible-duplicate]"
    )


@pytest.mark.parametrize(
    "second",
    [
        desk("caritas-segrate", "Centro di ascolto Caritas Pioltello", comune="Segrate"),
        desk("acli-pioltello", "Centro di ascolto ACLI Pioltello"),
        desk("caritas-seggiano", "Centro di ascolto Caritas Seggiano"),
        desk("sportello-lavoro", "Sportello lavoro"),
    ],
)
def test_another_comune_or_another_name_is_not_a_duplicate(second):
    assert found(HEAD + FIRST + second) == []


def test_a_repeated_id_is_only_a_duplicate_id():
    assert [code for *_, code in found(HEAD + FIRST + FIRST)] == ["duplicate-id"]


def test_three_copies_each_name_the_first():
    text = HEAD + FIRST + desk("b", "Caritas Pioltello centro ascolto") + desk("c", "Caritas")
    text += desk("d", "Centro di ascolto Caritas Pioltello")
    assert [(line, code) for line, _, code in found(text)] == [
        (12, "possible-duplicate"),
        (24, "possible-duplicate"),
    ]
    _, problems = run(text)
    assert all("«caritas-pioltello» (riga 6)" in p.message for p in problems)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sportello lavoro 1", "Sportello lavoro 2"),  # numbers are never typos
        ("Casa Rosa", "Casa Rosi"),  # a short name: one letter is too much to call a typo
        ("Centro di ascolto Caritas Pioltello", "Centro di ascolto Caritas Pioltello Est Sud"),
    ],
)
def test_names_a_typo_apart_only_when_it_is_surely_a_typo(a, b):
    assert found(HEAD + desk("a", a) + desk("b", b)) == []


def test_the_key_folds_what_people_type_differently():
    assert name_key("Centro d'Ascolto «Caritas» – PIOLTELLO") == "ascolto caritas centro pioltello"
