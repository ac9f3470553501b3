"""The top of a service page: what a person needs at a glance, on the first screen of a phone.

Today's status (filled by ``servicemap-service.js`` with the rule of ``servicemap-hours.js``), then
the actions as buttons: call, write, directions, share. Only the actions the record can back: no
"Chiama" without a phone, no directions without a position. A record with no phone and no e-mail
shows the territory's contact (``validate.contact``), labelled for what it is (a press office
is not a help desk), so the page never leaves a person with nobody to ask.

The advice the page gives follows the same facts: "telefona prima di andare" only with a phone
(``reach``), "scrivi" only with an e-mail.
"""

from __future__ import annotations

from servicemap.core.escape import mailto_uri, tel_uri
from servicemap.core.model import Service
from servicemap.render import i18n
from servicemap.render.html import esc
from servicemap.validate.contact import Contact


def reach(s: Service) -> str:
    """How a person can reach the desk from afar: ``telefono``, ``email`` or ``nessuno``."""
    if s.telefoni:
        return "telefono"
    return "email" if s.email else "nessuno"


def actions(s: Service, directions_href: str, lang: str = "it") -> str:
    """The record's own actions as buttons (call first: the one a person on a phone wants)."""
    buttons = []
    if s.telefoni:
        phone = s.telefoni[0]
        href = tel_uri(phone.e164)
        buttons.append(
            _button(href, "scheda.chiama", phone.display, "sm-chiama", lang, primary=True)
        )
    if s.email:
        buttons.append(_button(mailto_uri(s.email), "scheda.scrivi", "", "sm-scrivi", lang))
    if directions_href:
        buttons.append(_button(directions_href, "scheda.indicazioni-breve", "", "sm-vai", lang))
    attrs = 'type="button" class="md-button sm-azione sm-condividi" hidden'
    share = element("button", i18n.text("scheda.condividi", lang), attrs)
    return (
        '<div class="sm-azioni sm-solo-schermo">'
        f'{"".join(buttons)}{share}<span class="sm-condividi-esito" role="status"></span></div>'
    )


def territory_contact(
    contact: Contact | None, *, heading: str = "scheda.senza-recapiti", lang: str = "it"
) -> str:
    """The territory's contact, said for what it is; "" when the territory has none.

    ``heading``: the interface text above it ("" for none). The contact's name and role are
    the territory's words, in Italian (``lang="it"``) on every page.
    """
    if contact is None:
        return ""
    note = f" {esc(contact.nota)}" if contact.nota else ""
    buttons = []
    if contact.e164:
        href = tel_uri(contact.e164)
        buttons.append(_button(href, "scheda.chiama", contact.display, "sm-chiama-rete", lang))
    if contact.email:
        href = mailto_uri(contact.email)
        buttons.append(_button(href, "scheda.scrivi", contact.email, "sm-scrivi-rete", lang))
    title = ""
    if heading:
        title = element("p", i18n.text(heading, lang), 'class="sm-contatto-titolo"')
    label = element("p", i18n.text("scheda.contatto-rete", lang), 'class="sm-contatto-etichetta"')
    return (
        f'<div class="sm-contatto-rete">{title}{label}'
        f'<p lang="it" dir="auto"><strong>{esc(contact.nome)}</strong>, {esc(contact.ruolo)}.'
        f"{note}</p>"
        f'<div class="sm-azioni">{"".join(buttons)}</div></div>'
    )


def element(tag: str, text: str, attrs: str = "") -> str:
    """``<tag attrs>text</tag>`` with ``text`` escaped (an interface text, already in the
    page's language)."""
    space = " " if attrs else ""
    return f"<{tag}{space}{attrs}>{esc(text)}</{tag}>"


def _button(href: str, key: str, after: str, cls: str, lang: str, *, primary: bool = False) -> str:
    kind = " md-button--primary" if primary else ""
    extra = f' <bdi class="sm-azione-dato" dir="ltr">{esc(after)}</bdi>' if after else ""
    rel = ' rel="noopener"' if href.startswith("http") else ""
    return (
        f'<a class="md-button sm-azione {cls}{kind}" href="{esc(href)}"{rel}>'
        f"{element('span', i18n.text(key, lang))}{extra}</a>"
    )
