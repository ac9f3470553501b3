"""The fast path of ``phones.parse_phone`` gives exactly what ``phonenumbers.parse`` gives."""

from __future__ import annotations

import random

import phonenumbers
import pytest

from servicemap.core import phones


def _slow(raw: str) -> phonenumbers.PhoneNumber | None:
    try:
        return phonenumbers.parse(raw, "IT")
    except phonenumbers.NumberParseException:
        return None


def _samples(count: int) -> list[str]:
    rng = random.Random(7)
    prefixes = ["02", "06", "011", "089", "3", "33", "39", "80", "0", "1", "0039", ""]
    found = []
    for _ in range(count):
        digits = rng.choice(prefixes) + "".join(
            rng.choice("0123456789") for _ in range(rng.randint(2, 12))
        )
        spaced = "".join(c + (" " if rng.random() < 0.25 else "") for c in digits).strip()
        found.append(rng.choice(["", "+39", "+39 "]) + spaced)
    return found


@pytest.mark.parametrize(
    "raw", ["02 9236 6364", "+39 333 1234567", "0292366364", "800 123 456", "06 1234 5678"]
)
def test_plain_numbers_take_the_fast_path(raw: str) -> None:
    assert phones._plain_italian(raw) == _slow(raw)


@pytest.mark.parametrize("raw", ["393 123 4567", "0039 02 1234567", "02-9236-6364", "02 1 int. 3"])
def test_ambiguous_shapes_go_through_phonenumbers(raw: str) -> None:
    assert phones._plain_italian(raw) is None


def test_fast_path_agrees_with_phonenumbers() -> None:
    for raw in _samples(20_000):
        fast = phones._plain_italian(raw)
        if fast is not None:
            assert fast == _slow(raw), raw
