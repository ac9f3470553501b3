"""A desk's state at an instant, by ``core.hours.day_state``: the golden cases shared with the
browser (``tests/data/hours_cases.json``; the browser's runner is in test_browser_map_search)."""

from __future__ import annotations

import pytest
from hours_cases import case_id, cases, expected, holiday_dates, instant, said, schedule

from servicemap.core.hours import STATES, day_state


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_day_state_matches_the_golden_case(case):
    state = day_state(schedule(case["schedule"]), instant(case), holiday_dates())
    assert said(state) == expected(case), case["why"]


def test_the_cases_cover_every_state_and_schedule():
    """A state or schedule no case reaches would be a rule nobody checks."""
    from hours_cases import golden

    assert {c["state"] for c in cases()} == set(STATES)
    assert {c["schedule"] for c in cases()} == set(golden()["schedules"])
