"""Italian phone numbers: checked with ``phonenumbers`` and normalised for display and ``tel:``.

The number stays as written in ``services.yaml``; the display form ("02 9236 6364") and the E.164
form ("+390292366364", for ``tel:`` links that work from any phone) are derived here once.
"""

from __future__ import annotations

from functools import lru_cache

import phonenumbers

from servicemap.model import Phone


@lru_cache(maxsize=8192)
def parse_phone(raw: str) -> Phone | None:
    """The normalised phone, or None when ``raw`` is not a valid number (Italian by default).

    Cached: validation checks a number and then builds the record with it (and phonenumbers is
    the slowest step per record)."""
    try:
        number = phonenumbers.parse(raw, "IT")
    except phonenumbers.NumberParseException:
        return None
    # Asking for Italy directly skips the region lookup of is_valid_number (half its cost).
    italian = number.country_code == 39
    valid = (
        phonenumbers.is_valid_number_for_region(number, "IT")
        or phonenumbers.is_valid_number_for_region(number, "VA")
        if italian
        else phonenumbers.is_valid_number(number)
    )
    if not valid:
        return None
    if italian:
        display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    else:
        display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    display = display.replace(" ext. ", " int. ")  # Italian for an extension
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return Phone(raw=raw, display=display, e164=e164)
