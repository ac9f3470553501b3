"""The territory's contact: whom a citizen can reach when a record gives no way to reach it.

Set once per territory in ``mkdocs.yml``::

    extra:
      servicemap:
        contatto:
          nome: Comune di Pioltello
          ruolo: Ufficio stampa del comune capofila della rete
          telefono: "02 92366364"
          email: ufficiostampa@comune.pioltello.mi.it
          nota: non è uno sportello, ma può indirizzarti

``ruolo`` is required: a page must say what the contact *is* (a press office is not a help desk),
never pass it off as the service. The phone and e-mail follow the same rules as a record's
(``phones.parse_phone``, ``checks.EMAIL``), so a mistake is an Italian message at its line in
``mkdocs.yml`` instead of a broken ``tel:`` link on every page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from servicemap.core.phones import parse_phone
from servicemap.load.safefile import display_path
from servicemap.problems.messages import problem
from servicemap.problems.problem import Problem
from servicemap.validate.checks import EMAIL, email_reason

OPTION = "contatto"
KEY = f"extra.servicemap.{OPTION}"
FIELDS = ("nome", "ruolo", "telefono", "email", "nota")


@dataclass(frozen=True)
class Contact:
    """The territory's contact, checked: ``e164``/``display`` come from the phone rules."""

    nome: str
    ruolo: str
    telefono: str = ""  # as written
    e164: str = ""
    display: str = ""
    email: str = ""
    nota: str = ""

    @property
    def reachable(self) -> bool:
        return bool(self.e164 or self.email)


def contact_from_settings(
    path: Path, options: dict[str, object]
) -> tuple[Contact | None, list[Problem]]:
    """The contact of ``extra.servicemap`` (``options``) of the settings file ``path``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        text = ""  # MkDocs has read it already; the problems then point at line 1
    return read_contact(options.get(OPTION), display_path(path), text)


def read_contact(value: object, file: str, text: str = "") -> tuple[Contact | None, list[Problem]]:
    """The contact of ``extra.servicemap.contatto`` (None when unset), and what is wrong with it.

    ``text`` is ``mkdocs.yml`` as written: problems point at the line and column of the key
    (MkDocs gives the values without positions, and its ``!ENV`` tags keep our strict loader
    out of that file).
    """
    if value is None or value == "" or value == {}:
        return None, []
    where = _Positions(text)
    if not isinstance(value, dict):
        return None, [where.problem(file, "", "deve essere un elenco di campi (nome, ruolo, ...)")]
    out: list[Problem] = []
    fields: dict[str, str] = {}
    for key, raw in value.items():
        if key not in FIELDS:
            allowed = ", ".join(FIELDS)
            out.append(where.problem(file, str(key), f"campo sconosciuto; i campi sono: {allowed}"))
        elif not isinstance(raw, str) or not raw.strip():
            out.append(where.problem(file, key, "scrivi un testo tra virgolette"))
        else:
            fields[key] = raw.strip()
    for key in ("nome", "ruolo"):
        if key not in value:
            out.append(where.problem(file, "", f"manca `{key}` (chi è e che cosa fa)"))
    if "telefono" not in value and "email" not in value:
        out.append(where.problem(file, "", "serve almeno `telefono` o `email`"))
    phone = parse_phone(fields["telefono"]) if "telefono" in fields else None
    if "telefono" in fields and phone is None:
        detail = f"«{fields['telefono']}» non è un numero valido; scrivi per esempio «02 9236 6364»"
        out.append(where.problem(file, "telefono", detail))
    email = fields.get("email", "")
    if email and not EMAIL.fullmatch(email):
        line, col = where.of("email")
        reason = email_reason(email)
        key = f"{KEY}.email"
        out.append(problem(file, line, col, "bad-email", key=key, value=email, reason=reason))
    if out:
        return None, out
    return Contact(
        nome=fields["nome"],
        ruolo=fields["ruolo"],
        telefono=fields.get("telefono", ""),
        e164=phone.e164 if phone else "",
        display=phone.display if phone else "",
        email=email,
        nota=fields.get("nota", ""),
    ), []


class _Positions:
    """Line and column of ``contatto:`` and of its keys in the text of ``mkdocs.yml``."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        found = re.compile(rf"^(\s*){OPTION}\s*:")
        self.start = next((n for n, line in enumerate(self.lines) if found.match(line)), -1)

    def of(self, key: str) -> tuple[int, int]:
        if self.start < 0:
            return 1, 1
        if not key:
            return self.start + 1, self.lines[self.start].index(OPTION) + 1
        pattern = re.compile(rf"(?<![\w-]){re.escape(key)}\s*:")
        for n in range(self.start, min(len(self.lines), self.start + len(FIELDS) + 8)):
            after = self.lines[n].index(OPTION) + len(OPTION) if n == self.start else 0
            match = pattern.search(self.lines[n], after)
            if match:
                return n + 1, match.start() + 1
        return self.start + 1, self.lines[self.start].index(OPTION) + 1

    def problem(self, file: str, key: str, detail: str) -> Problem:
        line, col = self.of(key)
        name = f"{KEY}.{key}" if key else KEY
        return problem(file, line, col, "bad-contact", key=name, detail=detail)
