"""Whether a record is clean, told from its plain twin: the usual case, at the cost of a set.

The checks of ``checks`` walk a record's nodes because a problem is reported at the line and
column of its value. Nearly every record has no problem, and its plain twin (built by the loader
with the nodes: mappings, lists, texts, None) tells that at once: one set comparison for its
codes or comuni, one search for invisible characters in all its names. Each function here
answers True ("nothing to report") only when the check, walking the nodes, would report
nothing; otherwise the check walks them and says what and where.
"""

from __future__ import annotations

from collections.abc import Iterable

from servicemap.core.names import fold, nfc


def plain_names(plain: dict, keys: Iterable[str]) -> list[str]:
    """The names ``check_hidden_characters`` looks at (``keys``, the address, ``comuni_serviti``,
    the translated names), from the record's plain twin: maybe more (a translation in a
    language the site does not have), never fewer."""
    found = [plain.get(key) for key in keys]
    address, served = plain.get("indirizzo"), plain.get("comuni_serviti")
    if type(address) is dict:
        found += (address.get("via"), address.get("comune"))
    if type(served) is list:
        found += served
    translated = plain.get("traduzioni")
    if type(translated) is dict:
        found += [words.get("nome") for words in translated.values() if type(words) is dict]
    return [value for value in found if type(value) is str]


def known_comuni(plain: dict, folded: frozenset[str]) -> bool:
    """True when the record's comune and ``comuni_serviti`` (its plain twin) are all among
    ``folded``: the usual case, told in one set comparison when the names are ASCII (whose
    ``fold`` is ``lower``)."""
    address, served = plain.get("indirizzo"), plain.get("comuni_serviti")
    names: list[object] = []
    for given in (address.get("comune") if type(address) is dict else None, served):
        names += given if type(given) is list else [given]  # as ``texts`` reads them
    names = [name for name in names if type(name) is str]
    if "".join(names).isascii():
        return folded >= {name.lower() for name in names}
    return all(fold(name) in folded for name in names)


def all_known(codes: object, known: dict) -> bool:
    """True when every text of ``codes`` (a list, a text or nothing, from a plain twin) is a
    key of ``known`` in NFC: the usual case, told without looking at the nodes."""
    if type(codes) is str:
        codes = [codes]
    elif type(codes) is not list:
        return True  # nothing, or the schema reports it
    try:
        joined = "".join(codes)  # type: ignore[arg-type]
    except TypeError:  # an item that is not a text: the schema reports it
        codes = [code for code in codes if type(code) is str]  # type: ignore[union-attr]
        joined = "".join(codes)
    if joined.isascii():  # ASCII is its own NFC: one set comparison
        return known.keys() >= set(codes)  # type: ignore[arg-type]
    return all(nfc(code) in known for code in codes)  # type: ignore[union-attr]
