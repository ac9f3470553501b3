"""The search page's generated files: the form, compact escaped data, folded haystacks."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import synthetic

from servicemap.core.model import Comune, Territory
from servicemap.render.clientdata import fold, labels_of
from servicemap.render.search import render_search
from servicemap.validate.project import Project

CDN_HOSTS = ("cdn.jsdelivr", "unpkg", "cdnjs", "code.jquery", "bootstrapcdn", "googleapis")


def render(services, comuni=None, lang: str = "it") -> dict[str, str]:
    names = comuni or list(synthetic.COMUNI)
    terr = Territory("Distretto", [Comune(n, n.lower()) for n in names])
    files = render_search(services, terr, None, Project(Path("services.yaml")), lang=lang)
    return {f.path: f.content for f in files}


def data_of(out: dict[str, str]) -> dict:
    text = out["assets/servicemap/cerca-servizi.js"]
    prefix = "window.SERVICEMAP_SERVICES="
    assert text.startswith(prefix) and text.endswith(";\n")
    return json.loads(text[len(prefix) : -2])


def test_the_form_has_the_agreed_control_names_and_a_live_count():
    page = render(synthetic.services(8))["cerca/index.md"]
    for name in ("q", "area", "tipo", "comune", "lingua", "aperto"):
        assert f'name="{name}"' in page
    assert 'type="checkbox" id="sm-aperto" name="aperto"' in page
    assert re.search(r'<p id="sm-count"[^>]*aria-live="polite"', page)
    for label_for in ("sm-q", "sm-area", "sm-tipo", "sm-comune", "sm-lingua", "sm-aperto"):
        assert f'<label for="{label_for}">' in page  # every control has a visible label
    assert "cerca-servizi.js" in page and "servicemap-search.js" in page
    assert "fetch(" not in page


def test_languages_are_listed_in_italian_and_in_their_own_name():
    """The labels the service page shows (``language_names.label``), in the select and in the
    data the results' "Lingue:" line reads: the page's word first, the language's own after."""
    page = render(synthetic.services(30))["cerca/index.md"]
    assert '<option value="ar">arabo (العربية)</option>' in page
    assert '<option value="zh">cinese (中文)</option>' in page
    assert '<option value="en">inglese (English)</option>' in page
    assert '<option value="it">italiano</option>' in page
    data = data_of(render(synthetic.services(30)))
    assert ["zh", "cinese (中文)", "中文", "cinese"] in data["lingue"]
    arabic = render(synthetic.services(30), lang="ar")["cerca/index.md"]
    assert '<option value="zh">الصينية (中文)</option>' in arabic
    assert '<option value="ar">العربية</option>' in arabic


def test_records_point_into_the_tables_and_are_sorted_by_name():
    services = synthetic.services(50)
    data = data_of(render(services))
    rows = data["s"]
    assert len(rows) == 50 and len({r[0] for r in rows}) == 50
    assert [fold(r[1]) for r in rows] == sorted(fold(r[1]) for r in rows)
    by_id = {s.id: s for s in services}
    for row in rows:
        s = by_id[row[0]]
        assert [data["tipi"][i][0] for i in row[2]] == s.tipo
        assert [data["aree"][i][0] for i in row[3]] == s.aree
        assert data["comuni"][row[4]][1] == s.comune
        assert [data["lingue"][i][0] for i in row[6]] == s.lingue
        served = {data["comuni"][i][1] for i in row[5]} | {s.comune}
        assert served == set(s.served_comuni())


def test_haystack_is_folded_at_build_time_and_data_is_small():
    services = synthetic.services(3)
    services[0].nome = "Città Sociale ÀÉÎ"
    services[0].attivita = ["corsi-italiano"]
    row = next(r for r in data_of(render(services))["s"] if r[0] == services[0].id)
    assert "citta sociale aei" in row[-1]
    assert "corsi di italiano" in row[-1]  # activity labels are searchable
    assert fold("Perché") == "perche" and fold("中文") == "中文"
    text = render(synthetic.services(3000))["assets/servicemap/cerca-servizi.js"]
    assert len(text.encode()) / 3000 < 600  # the search page carries all the details


def test_hours_closures_and_holidays_flag_are_encoded():
    """The schedule's three fields (render.clientdata.schedule_fields): the week, the flags
    (1 open on holidays, 2 by appointment) and the closures, as every page gets them."""
    services = synthetic.services(3)
    for s in services:
        s.accesso, s.note_orari = ["libero"], ""
    services[0].festivi = "aperto"
    services[2].accesso = ["appuntamento"]
    rows = {r[0]: r for r in data_of(render(services))["s"]}
    row = rows[services[0].id]
    assert row[8].count("|") == 6
    assert [rows[s.id][9] for s in services] == [1, 0, 2]
    services[1].orari = {}
    rows = {r[0]: r for r in data_of(render(services))["s"]}
    assert rows[services[1].id][8] == ""  # unknown hours, not "closed"


def test_hostile_text_is_escaped_in_options_and_data():
    rec = synthetic.hostile_record(synthetic.records(1)[0])
    hostile_comune = synthetic.HOSTILE
    rec["comuni_serviti"] = [hostile_comune]
    out = render([synthetic.to_service(rec)], comuni=[*synthetic.COMUNI, hostile_comune])
    page, data_js = out["cerca/index.md"], out["assets/servicemap/cerca-servizi.js"]
    assert "<img" not in page and "</script><script>" not in page
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in page
    assert "</script" not in data_js.lower() and "<img" not in data_js and "\u2028" not in data_js
    data = data_of(out)
    assert data["s"][0][1] == rec["nome"]  # exactly as written, once decoded
    for text in out.values():
        assert not any(host in text for host in CDN_HOSTS)


def test_labels_come_from_the_vocabulary():
    labels = labels_of(None)
    assert labels.tipo["centro-ascolto"] == "Centro di ascolto"
    assert labels.language("ar") == "arabo (العربية)"
    assert labels.language("it") == "italiano"
    assert labels.language("xx") == "xx"


def test_no_declared_language_is_said_not_offered_as_an_empty_select():
    services = [replace(s, lingue=[]) for s in synthetic.services(8)]
    page = render(services)["cerca/index.md"]
    assert 'id="sm-lingua" name="lingua" value=""' in page and '<select id="sm-lingua"' not in page
    assert "Nessuno sportello ha indicato le lingue parlate" in page
    arabic = render(services, lang="ar")["cerca/index.md"]
    assert "لم يذكر أي مكتب اللغات التي يتحدث بها" in arabic
    with_languages = render(synthetic.services(30))["cerca/index.md"]
    assert '<select id="sm-lingua" name="lingua">' in with_languages
    assert "Nessuno sportello ha indicato" not in with_languages


def test_another_language_searches_its_words_and_the_italian_ones(monkeypatch):
    """What ``Labels.from_vocabulary(vocabulary, "en")`` gives reaches the /en/ search data,
    beside the Italian label and words; a record's translation beside its Italian text."""
    from servicemap.render import labels as page_labels

    italian_labels = page_labels.Labels.from_vocabulary

    def english(vocabulary, lang="it"):
        found = italian_labels(vocabulary, lang)
        if lang == "en":
            found.labels["aree"]["poverta"] = "Money problems"
            found.words.setdefault("aree", {})["poverta"] = ("bills", "food parcel")
        return found

    monkeypatch.setattr(page_labels.Labels, "from_vocabulary", english)
    services = synthetic.services(6)
    services[0].aree = ["poverta"]
    services[0].traduzioni = {"en": {"nome": "Help desk One", "descrizione": "We help."}}
    out = render(services, lang="en")
    data = data_of(out)
    poverta = next(a for a in data["aree"] if a[0] == "poverta")
    assert poverta[1] == "Money problems"
    for word in ("bills", "food parcel", "bollette", "poverta e difficolta economiche"):
        assert word in poverta[2], word
    assert '<option value="poverta">Money problems</option>' in out["cerca/index.md"]
    rows = {r[0]: r for r in data["s"]}
    translated = rows[services[0].id]
    assert translated[1] == "Help desk One" and len(translated) == 13  # no "Italian" flag
    assert "help desk one" in translated[12] and fold(services[0].nome) in translated[12]
    assert all(rows[s.id][13] == 1 for s in services[1:])  # names left in Italian
    assert ["ar", "Arabic (العربية)", "العربية", "Arabic", "arabo"] in data["lingue"]
    italian = data_of(render(services))
    assert {r[0]: r[1] for r in italian["s"]}[services[0].id] == services[0].nome
    assert all(len(r) == 13 for r in italian["s"])
