"""One registry of the problems that loading and validating report: code, severity, message.

Codes are stable kebab-case identifiers (tests, documentation and CI annotations rely on them);
the Italian templates are the only place where the wording lives, so a volunteer reads the same
sentence for the same mistake wherever it is found. ``docs/problemi.md`` documents every code
(a test checks it).
"""

from __future__ import annotations

import re

from servicemap.core.names import INVISIBLE
from servicemap.problems.problem import Problem, Severity

# code -> (severity, template). Templates name the key and say what to write instead.
MESSAGES: dict[str, tuple[Severity, str]] = {
    # Reading the file
    "file-not-found": ("error", "il file {path} non esiste: controlla il nome e la cartella"),
    "file-unreadable": ("error", "impossibile leggere il file ({reason})"),
    "file-too-large": ("error", "il file è troppo grande ({size}, massimo {max}): dividilo"),
    "file-outside-project": (
        "error",
        "il file è un collegamento a «{path}», {where}: {what}; copia il contenuto nel file al "
        "posto del collegamento",
    ),
    "file-in-git": (
        "error",
        "il file è un collegamento a «{path}», dentro la cartella .git (che contiene le "
        "credenziali del repository): {what}; copia il contenuto nel file al posto del "
        "collegamento",
    ),
    "file-special": (
        "error",
        "il file non è un file normale ma {kind}: non viene letto né pubblicato; mettici al suo "
        "posto un file normale",
    ),
    "content-too-large": (
        "error",
        "il file è troppo grande per il sito ({size}, massimo {max}): riducilo, oppure pubblicalo "
        "altrove e mettici un link",
    ),
    "link-loop": (
        "error",
        "il collegamento porta a «{path}», una cartella che lo contiene: il sito si ripeterebbe "
        "all'infinito; togli il collegamento",
    ),
    "not-utf8": (
        "error",
        "carattere non valido (byte {byte}): salva il file con codifica UTF-8",
    ),
    "control-character": ("error", "carattere di controllo {char} nel file: cancellalo"),
    "yaml-syntax": (
        "error",
        "YAML non valido ({detail}): controlla rientri, due punti e virgolette in questa riga",
    ),
    "too-deep": ("error", "troppi livelli annidati (massimo {max}): controlla i rientri"),
    "empty-file": (
        "error",
        "il file è vuoto: deve contenere le sezioni `territorio:` e `servizi:`",
    ),
    "root-not-mapping": (
        "error",
        "il file deve iniziare con le chiavi `territorio:` e `servizi:`, non con un elenco",
    ),
    "multiple-documents": (
        "error",
        "il file contiene più documenti separati da `---`: lasciane uno solo",
    ),
    "alias": ("error", "alias `*{name}` non ammesso: ripeti il valore per esteso"),
    "anchor": ("error", "àncora `&{name}` non ammessa: togli `&{name}` e ripeti i valori"),
    "tag": ("error", "etichetta `{tag}` non ammessa: togli il tag e scrivi solo il valore"),
    "bad-key": ("error", "chiave non valida: una chiave è una parola seguita da due punti"),
    "duplicate-key": (
        "error",
        "la chiave `{key}` è ripetuta (la prima è alla riga {first}): tienine una sola",
    ),
    "merge-conflict": (
        "error",
        "conflitto di merge non risolto (righe {start}-{end}): tieni la versione giusta (o "
        "entrambe, se sono voci diverse) e cancella le righe <<<<<<<, ======= e >>>>>>>",
    ),
    "tab-indent": ("error", "tabulazione nel rientro: usa solo spazi per rientrare le righe"),
    # Structure (JSON Schema)
    "unknown-key": ("error", "chiave sconosciuta `{key}`{hint}"),
    "missing-key": ("error", "manca la chiave obbligatoria `{key}`{where}"),
    "wrong-type": ("error", "`{key}` deve essere {expected}"),
    "empty-value": ("error", "`{key}` è vuoto: scrivi un valore oppure togli la riga"),
    "bad-choice": ("error", "`{key}`: «{value}» non è ammesso{why}; scrivi uno tra: {choices}"),
    "bad-value": ("error", "`{key}`: «{value}» non è valido; {hint}"),
    "duplicate-item": ("error", "`{key}` contiene valori ripetuti: togli i doppioni"),
    "schema": ("error", "`{key}`: {detail}"),
    # Meaning (checks a schema cannot express)
    "bad-id": (
        "error",
        "`id` «{value}» non valido{why}: usa minuscole, cifre e trattini, per esempio «{hint}»",
    ),
    "invisible-in-id": (
        "error",
        "`{key}` «{value}» contiene un carattere invisibile {char} alla colonna {col}: "
        "cancellalo (diventa l'indirizzo di una pagina)",
    ),
    "invisible-character": (
        "warning",
        "`{key}`: «{value}» contiene un carattere invisibile {char} alla colonna {col}: "
        "cancellalo (non si vede, ma il nome non è più lo stesso)",
    ),
    "unusable-name": (
        "error",
        "`{key}`: «{value}» non può diventare l'indirizzo di una pagina ({path}): {reason}",
    ),
    "path-collision": (
        "error",
        "`{key}`: «{value}» e «{other}» ({first}) diventerebbero la stessa pagina {path}: "
        "correggi o cambia uno dei due",
    ),
    "page-collision": (
        "error",
        "la pagina {path} verrebbe scritta due volte, da {first} e da {second}: rinomina uno dei "
        "due (il sito e la copia offline non distinguono maiuscole e minuscole)",
    ),
    "duplicate-id": (
        "error",
        "`id` «{value}» già usato alla riga {first}: ogni id deve essere unico",
    ),
    "bad-phone": (
        "error",
        "`telefoni`: «{value}» non è un numero italiano valido; scrivi per esempio «02 9236 6364»",
    ),
    "bad-email": (
        "error",
        "`{key}`: «{value}» non è un indirizzo e-mail{reason}; scrivi per esempio nome@dominio.it",
    ),
    "bad-contact": ("error", "`{key}` in mkdocs.yml: {detail}"),
    "bad-url": (
        "error",
        "`{key}`: «{value}» non è un indirizzo web{reason}; scrivi un link che inizia con https://",
    ),
    "bad-day": ("error", "`orari`: «{value}» non è un giorno; usa {days}"),
    "bad-hours": (
        "error",
        "`orari.{day}`: «{value}» non è un orario valido ({reason}); scrivi per esempio "
        '"09:00-12:00" oppure "09:00-12:00, 15:00-18:00", tra virgolette',
    ),
    "bad-date": (
        "error",
        '`{key}`: «{value}» non è una data valida; scrivi AAAA-MM-GG, es. "2026-03-14"',
    ),
    "future-date": (
        "error",
        "`{key}`: la data {value} è nel futuro: scrivi la data della verifica (al più tardi "
        "{latest})",
    ),
    "date-too-old": (
        "error",
        "`{key}`: la data {value} è troppo vecchia (la prima ammessa è {earliest}): controlla "
        "l'anno e scrivi la data della verifica",
    ),
    "stale": (
        "warning",
        "`aggiornato`: scheda verificata il {value}, più di 12 mesi fa: ricontrolla i dati e "
        "aggiorna la data",
    ),
    "possible-duplicate": (
        "warning",
        "`nome`: sembra la stessa scheda di «{other}» (riga {first}): stesso comune e nome quasi "
        "uguale; se è lo stesso sportello tieni una sola scheda, altrimenti rendi i nomi "
        "distinguibili (per esempio con il quartiere o la via)",
    ),
    "closure-order": ("error", "`chiusure`: la data `al` ({end}) viene prima di `dal` ({start})"),
    "unknown-comune": (
        "error",
        "`{key}`: «{value}» non è un comune del territorio{hint}; i comuni sono: {choices}",
    ),
    "unknown-term": (
        "error",
        "`{key}`: «{value}» non è nel vocabolario{hint}; valori ammessi: {choices}",
    ),
    "unknown-language": (
        "error",
        "`lingue`: «{value}» non è un codice di lingua conosciuto{hint}; usa i codici di due "
        "lettere (it, en, fr, ar...)",
    ),
    "bad-position": (
        "error",
        "`posizione`: «{value}» non è una coordinata valida; scrivi per esempio "
        "{{lat: 45.4990, lon: 9.3260}}",
    ),
    "swapped-position": (
        "error",
        "`posizione`: latitudine e longitudine sembrano scambiate; scrivi "
        "{{lat: {lat}, lon: {lon}}}",
    ),
    "outside-territory": (
        "error",
        "`posizione`: il punto ({lat}, {lon}) è fuori dal territorio; controlla le coordinate",
    ),
    "vocabulary-invalid": ("error", "vocabolario non valido: {detail}"),
    "vocabulary-untranslated": (
        "warning",
        "`{key}`: manca {what}: le pagine in {where} mostrano il testo italiano; aggiungi {fix}",
    ),
    # Translations (``traduzioni``)
    "unknown-translation-language": (
        "error",
        "`traduzioni.{value}`: {why}; le lingue possibili sono {choices}",
    ),
    "not-translatable": (
        "error",
        "`{key}`: {why}; si traducono solo: {keys}",
    ),
    "translation-without-italian": (
        "warning",
        "`{key}`: in italiano la scheda non ha {italian}, quindi la traduzione non si vede in "
        "nessuna pagina; scrivi prima il testo in italiano (è il testo di riferimento) oppure "
        "togli la traduzione",
    ),
}


def problem(
    file: str, line: int, column: int, code: str, *, key: str = "", **fields: object
) -> Problem:
    """Build the problem for ``code`` with its registered severity and Italian message."""
    severity, template = MESSAGES[code]
    shown = {name: _short(v) if name in _QUOTED else v for name, v in fields.items()}
    message = template.format(key=_short(key), **shown)
    return Problem(file, line, column, severity, code, message[0].upper() + message[1:], key)


# What the volunteer wrote, quoted back.
_QUOTED = frozenset({"value", "name", "tag", "path", "other"})


def _short(value: object, limit: int = 80) -> object:
    """A value quoted in a message stays readable: a 3 MB string is cut, not printed, and an
    invisible character is shown as its code (``Pioltello<U+200B>``), so the message stays on
    one line and the difference from a suggestion can be seen."""
    if isinstance(value, str):
        if len(value) > limit:
            value = value[: limit - 1] + "…"
        return INVISIBLE.sub(_shown, value)
    return value


def _shown(match: re.Match[str]) -> str:
    return f"<U+{ord(match.group()):04X}>"
