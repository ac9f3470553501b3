"""Italian phone numbers: checked with ``phonenumbers`` and normalised for display and ``tel:``.

The number stays as written in ``services.yaml``; the display form ("02 9236 6364") and the E.164
form ("+390292366364", for ``tel:`` links that work from any phone) are derived here once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumber, PhoneNumberFormat

from servicemap.core.model import Phone

# phonenumbers compiles each pattern of its metadata again at every use (a lookup in ``re``'s
# cache, a sixth of the time of a number) unless asked to keep them.
phonenumbers.enable_pattern_cache()

# How phonenumbers groups the digits of a number depends on its country, first digits and
# length; formatting is its slowest step (half the validation time of 10,000 records), so the
# grouping is learnt once per (country, first six digits, length) and reused. A format that is
# not just the digits in groups (extensions, national prefixes) is never cached.
_GROUPS: dict[tuple[int, str, int], tuple[int, ...]] = {}


@lru_cache(maxsize=65536)
def parse_phone(raw: str) -> Phone | None:
    """The normalised phone, or None when ``raw`` is not a valid number (Italian by default).

    Cached: validation checks a number and then builds the record with it. Digits are ASCII
    only, as everywhere in the contract (phonenumbers would also read "٠٢" and "０２"); other
    characters (a non-breaking space pasted between the groups) are left to phonenumbers."""
    if not raw.isascii() and any(ch.isdigit() and not ch.isascii() for ch in raw):
        return None
    number = _plain_italian(raw)
    if number is None:
        try:
            number = phonenumbers.parse(raw, "IT")
        except phonenumbers.NumberParseException:
            return None
    # Asking for Italy directly skips the region lookup of is_valid_number (half its cost).
    italian = number.country_code == 39
    nsn = phonenumbers.national_significant_number(number)  # worked out once for all below
    valid = italian_number_valid(number, nsn) if italian else phonenumbers.is_valid_number(number)
    if not valid:
        return None
    style = PhoneNumberFormat.NATIONAL if italian else PhoneNumberFormat.INTERNATIONAL
    display = _display(number, style, nsn).replace(" ext. ", " int. ")  # Italian: extension
    return Phone(raw=raw, display=display, e164=_e164(number, nsn))


def _e164(number: PhoneNumber, nsn: str) -> str:
    """``format_number(number, E164)``: "+", the country code and the national number (which
    is all phonenumbers writes there, but for a number of all zeros)."""
    if number.national_number == 0:
        return phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return f"+{number.country_code}{nsn}"


def italian_number_valid(number: PhoneNumber, nsn: str | None = None) -> bool:
    """``is_valid_number_for_region(number, "IT") or ... "VA")`` for a number of country 39.

    phonenumbers tries the kinds of number in a fixed order (premium, toll-free, shared cost,
    VoIP... fixed line, mobile) and a number is valid when one of them matches; asked only
    whether one does, this tries the two kinds nearly every desk has first, with the patterns
    compiled once. ``tests/test_phones.py`` checks that both agree. ``nsn``: the number's
    national significant number, when already at hand."""
    if nsn is None:
        nsn = phonenumbers.national_significant_number(number)
    length = len(nsn)
    for general, kinds in (_kinds("IT"), _kinds("VA")):
        if general(nsn, length) and any(kind(nsn, length) for kind in kinds):
            return True
    return False


Matcher = Callable[[str, int], bool]


@cache
def _kinds(region: str) -> tuple[Matcher, tuple[Matcher, ...]]:
    """The region's general description and its kinds of number, fixed line and mobile first,
    each as a test of (national significant number, its length)."""
    metadata = PhoneMetadata.metadata_for_region(region)
    kinds = (
        metadata.fixed_line, metadata.mobile, metadata.premium_rate, metadata.toll_free,
        metadata.shared_cost, metadata.voip, metadata.personal_number, metadata.pager,
        metadata.uan, metadata.voicemail,
    )  # fmt: skip
    return _matcher(metadata.general_desc), tuple(_matcher(desc) for desc in kinds)


def _matcher(desc) -> Matcher:
    """phonenumbers' ``_is_number_matching_desc``: the possible lengths, then the pattern."""
    if desc is None or not desc.national_number_pattern:
        return lambda nsn, length: False
    lengths = frozenset(desc.possible_length)
    fullmatch = re.compile(desc.national_number_pattern).fullmatch
    if not lengths:
        return lambda nsn, length: fullmatch(nsn) is not None
    return lambda nsn, length: length in lengths and fullmatch(nsn) is not None


# "02 9236 6364", "+39 333 1234567": digits in groups, optionally after +39, nothing else.
_PLAIN = re.compile(r"(\+39 ?)?([0-9][0-9 ]{4,14}[0-9])")


def _plain_italian(raw: str) -> PhoneNumber | None:
    """What ``phonenumbers.parse(raw, "IT")`` returns, for the common plain shapes only.

    ``parse`` runs a dozen regular expressions per number (the slowest step of validating
    10,000 records); for digits and spaces, optionally after ``+39``, its result is simply the
    digits as the national number with Italy's leading-zero flags, so it is built here. Every
    other shape (an extension, "00" or another "+" prefix, a number starting with 39 that
    ``parse`` may read as a country code, letters) returns None and goes through ``parse``.
    ``tests/test_phones.py`` checks that both ways agree.
    """
    match = _PLAIN.fullmatch(raw)
    if match is None:
        return None
    nsn = match[2].replace(" ", "")
    if not 6 <= len(nsn) <= 12 or nsn.startswith("00") or (not match[1] and nsn[:2] == "39"):
        return None
    number = PhoneNumber(country_code=39, national_number=int(nsn))
    if nsn[0] == "0":  # phonenumbers' _set_italian_leading_zeros_for_phone_number
        number.italian_leading_zero = True
    return number


def _display(number: phonenumbers.PhoneNumber, style: int, nsn: str) -> str:
    """``format_number`` with the digit grouping remembered per country, prefix and length."""
    if number.extension:
        return phonenumbers.format_number(number, style)
    prefix = f"+{number.country_code} " if style == PhoneNumberFormat.INTERNATIONAL else ""
    key = (number.country_code, nsn[:6], len(nsn))
    groups = _GROUPS.get(key)
    if groups is None:
        text = phonenumbers.format_number(number, style)
        body = text.removeprefix(prefix)
        if not text.startswith(prefix) or body.replace(" ", "") != nsn:
            return text
        groups = tuple(len(part) for part in body.split(" "))
        if len(_GROUPS) < 100_000:  # bounded, for long-running processes (mkdocs serve)
            _GROUPS[key] = groups
    parts, start = [], 0
    for size in groups:
        parts.append(nsn[start : start + size])
        start += size
    return prefix + " ".join(parts)
