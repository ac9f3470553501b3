"""The territory's contact (``extra.servicemap.contatto`` in ``mkdocs.yml``): checked with the
record rules, reported in Italian at its line in ``mkdocs.yml``, and a refused build leaves the
previous site as it was."""

from __future__ import annotations

import re

import synthetic
from conftest import run_build, snapshot

from servicemap.validate.contact import Contact, read_contact

OPTIONS = """extra:
  servicemap:
    data_file: services.yaml
    contatto:
      nome: Comune di Esempio
      ruolo: ufficio stampa
      telefono: "{telefono}"
      email: {email}
"""


def problems(telefono="02 9236 6364", email="stampa@comune.esempio.it", **other):
    text = OPTIONS.format(telefono=telefono, email=email)
    value = {"nome": "Comune di Esempio", "ruolo": "ufficio stampa"}
    value.update(telefono=telefono, email=email, **other)
    contact, found = read_contact(value, "mkdocs.yml", text)
    return contact, [(p.line, p.column, p.code, p.message) for p in found]


def test_a_good_contact_is_read_with_the_phone_rules():
    contact, found = problems()
    assert found == []
    assert contact == Contact(
        nome="Comune di Esempio",
        ruolo="ufficio stampa",
        telefono="02 9236 6364",
        e164="+390292366364",
        display="02 9236 6364",
        email="stampa@comune.esempio.it",
    )


def test_a_bad_phone_is_reported_at_its_line():
    _, found = problems(telefono="02 12")
    assert found == [
        (
            7,
            7,
            "bad-contact",
            "`extra.servicemap.contatto.telefono` in mkdocs.yml: «02 12» non è un numero valido; "
            "scrivi per esempio «02 9236 6364»",
        )
    ]


def test_a_bad_email_is_reported_as_bad_email():
    _, found = problems(email="stampa@comune.it?bcc=x@y.it")
    [(line, column, code, message)] = found
    assert (line, column, code) == (8, 7, "bad-email")
    assert message == (
        "`extra.servicemap.contatto.email`: «stampa@comune.it?bcc=x@y.it» non è un indirizzo "
        "e-mail (non può contenere «?»: niente aggiunte come ?bcc= o &cc=); scrivi per esempio "
        "nome@dominio.it"
    )


def test_a_contact_must_say_what_it_is_and_how_to_reach_it():
    contact, found = read_contact({"nome": "Comune"}, "mkdocs.yml", "    contatto:\n")
    assert contact is None
    assert [m for *_, m in [(p.line, p.column, p.message) for p in found]] == [
        "`extra.servicemap.contatto` in mkdocs.yml: manca `ruolo` (chi è e che cosa fa)",
        "`extra.servicemap.contatto` in mkdocs.yml: serve almeno `telefono` o `email`",
    ]
    assert {(p.line, p.column) for p in found} == {(1, 5)}
    _, found = problems(sito="https://example.org")
    assert [p[3] for p in found] == [
        "`extra.servicemap.contatto.sito` in mkdocs.yml: campo sconosciuto; i campi sono: nome, "
        "ruolo, telefono, email, nota"
    ]
    assert read_contact("Comune", "mkdocs.yml")[1][0].message == (
        "`extra.servicemap.contatto` in mkdocs.yml: deve essere un elenco di campi "
        "(nome, ruolo, ...)"
    )
    assert read_contact(None, "mkdocs.yml") == (None, [])


def test_a_malformed_contact_stops_the_build_and_keeps_the_previous_site(make_site):
    config, site = make_site(synthetic.records(2))
    assert run_build(config, site).returncode == 0
    before = snapshot(site)
    text = config.read_text(encoding="utf-8")
    bad = re.sub(r'telefono: "[^"]*"', 'telefono: "0292"', text)
    assert bad != text
    config.write_text(bad, encoding="utf-8")
    done = run_build(config, site)
    assert done.returncode == 1
    line = next(n for n, row in enumerate(bad.splitlines(), 1) if 'telefono: "0292"' in row)
    assert (
        f"mkdocs.yml:{line}:7: error: `extra.servicemap.contatto.telefono` in mkdocs.yml: "
        "«0292» non è un numero valido; scrivi per esempio «02 9236 6364» [bad-contact]"
    ) in done.output
    assert "Traceback" not in done.output
    assert "il sito non è stato costruito" in done.output.lower()
    assert snapshot(site) == before
