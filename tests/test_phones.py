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


def _slow_valid(number: phonenumbers.PhoneNumber) -> bool:
    return phonenumbers.is_valid_number_for_region(
        number, "IT"
    ) or phonenumbers.is_valid_number_for_region(number, "VA")


@pytest.mark.parametrize(
    "raw", ["02 9236 6364", "333 1234567", "800 123 456", "06 698 12345", "02 12", "899 123 456"]
)
def test_validity_agrees_with_phonenumbers_on_known_shapes(raw: str) -> None:
    number = phonenumbers.parse(raw, "IT")
    assert phones.italian_number_valid(number) == _slow_valid(number)


def test_validity_agrees_with_phonenumbers() -> None:
    """Fixed lines, mobiles, toll-free, premium, Vatican numbers, and numbers of no kind."""
    checked = valid = 0
    for raw in _samples(20_000):
        number = _slow(raw)
        if number is None or number.country_code != 39:
            continue
        expected = _slow_valid(number)
        assert phones.italian_number_valid(number) == expected, raw
        checked += 1
        valid += expected
    assert checked > 10_000 and 0 < valid < checked  # both answers were met, many times


def test_parsed_phones_are_formatted_as_phonenumbers_formats_them() -> None:
    """Display and ``tel:`` forms, worked out from one national number, are phonenumbers' own."""
    for raw in [*_samples(5_000), "+44 20 7946 0958", "+1 212 555 0100", "02 9236 6364 int. 3"]:
        phones.parse_phone.cache_clear()
        phone = phones.parse_phone(raw)
        if phone is None:
            continue
        number = _slow(raw)
        assert number is not None, raw
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        style = (
            phonenumbers.PhoneNumberFormat.NATIONAL
            if number.country_code == 39
            else phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )
        display = phonenumbers.format_number(number, style).replace(" ext. ", " int. ")
        assert (phone.e164, phone.display) == (e164, display), raw
