"""A desk's state at an instant, by ``core.hours.day_state``: the golden cases shared with the
browser (``tests/data/hours_cases.json``; the browser's runner is in test_browser_map_search)."""

from __future__ import annotations

import pytest
from hours_cases import case_id, cases, expected, holiday_dates, instant, said, schedule

from servicemap.core.hours import BY_APPOINTMENT, STATES, Schedule, day_state
from servicemap.core.model import Address, Service, localized
from servicemap.render.clientdata import schedule_fields


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_day_state_matches_the_golden_case(case):
    state = day_state(schedule(case["schedule"]), instant(case), holiday_dates())
    assert said(state) == expected(case), case["why"]


def test_the_cases_cover_every_state_and_schedule():
    """A state or schedule no case reaches would be a rule nobody checks."""
    from hours_cases import golden

    assert {c["state"] for c in cases()} == set(STATES)
    assert {c["schedule"] for c in cases()} == set(golden()["schedules"])


def test_by_appointment_reads_the_note_as_written_on_every_language_page():
    """The English page of a desk whose Italian note says "su appuntamento" says "by
    appointment" too: the rule reads the note as the volunteers wrote it, not its translation
    (before, the service page read the translation and La mia lista the Italian)."""
    service = Service(
        id="x",
        nome="Sportello",
        tipo=[],
        indirizzo=Address("Segrate"),
        aggiornato="2026-01-01",
        note_orari="Solo su appuntamento",
        traduzioni={"en": {"note_orari": "Only if you book first"}},
    )
    english = localized(service, "en").service
    assert english.note_orari == "Only if you book first"
    assert Schedule.of(english).appointment and Schedule.of(service).appointment
    assert schedule_fields(english) == ["", BY_APPOINTMENT, []]
