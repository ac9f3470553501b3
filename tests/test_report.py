"""``servicemap report``: which records to verify again, whom to ask, counts by comune and type."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from servicemap.cli import main as cli
from servicemap.core.model import Address, Phone, Service
from servicemap.export import tables as export
from servicemap.tools import report

TODAY = dt.date(2026, 3, 15)


def service(id: str, comune: str, aggiornato: str, tipo=("sportello",), **extra) -> Service:
    return Service(
        id=id,
        nome=f"Sportello {id}",
        tipo=list(tipo),
        indirizzo=Address(comune=comune),
        aggiornato=aggiornato,
        **extra,
    )


SERVICES = [
    service(
        "vecchio",
        "Pioltello",
        "2024-01-10",
        email="info@example.org",
        telefoni=[Phone("0292366364", "02 9236 6364", "+390292366364")],
        verificato_da="Ufficio di Piano",
    ),
    service("un-anno-esatto", "Segrate", "2025-03-15", tipo=("sportello", "hub-digitale")),
    service("un-anno-e-un-giorno", "Segrate", "2025-03-14", ente="Caritas Ambrosiana"),
    service("recente", "Pioltello", "2026-01-02", tipo=("patronato",)),
]


def test_stale_means_older_than_the_same_day_a_year_ago():
    built = report.build_report(SERVICES, TODAY)
    assert [s.service.id for s in built.stale] == ["vecchio", "un-anno-e-un-giorno"]
    assert [s.months for s in built.stale] == [26, 12]


def test_contact_to_ask_prefers_the_desk_then_who_verified_then_the_organisation():
    built = report.build_report(SERVICES, TODAY)
    contacts = {s.service.id: s.contact for s in built.stale}
    assert contacts["vecchio"] == (
        "info@example.org; 02 9236 6364; verificata da: Ufficio di Piano"
    )
    assert contacts["un-anno-e-un-giorno"] == "ente: Caritas Ambrosiana"
    lonely = service("solo", "Rodano", "2020-01-01")
    assert report.contact_for(lonely) == "nessun contatto nella scheda"


def test_counts_by_comune_and_by_type():
    built = report.build_report(SERVICES, TODAY)
    assert [(c.name, c.total, c.stale) for c in built.by_comune] == [
        ("Pioltello", 2, 1),
        ("Segrate", 2, 1),
    ]
    assert [(c.name, c.total, c.stale) for c in built.by_type] == [
        ("hub-digitale", 1, 0),
        ("patronato", 1, 0),
        ("sportello", 3, 2),
    ]


def test_leap_day_and_unreadable_dates():
    assert report.year_before(dt.date(2028, 2, 29)) == dt.date(2027, 2, 28)
    broken = service("data-rotta", "Rodano", "14/03/2024")
    built = report.build_report([broken], TODAY)
    assert [s.months for s in built.stale] == [None]
    assert "data di verifica non valida («14/03/2024»)" in report.format_text(built)


def test_text_output_reads_like_a_call_list():
    text = report.format_text(report.build_report(SERVICES, TODAY))
    assert text.splitlines()[:4] == [
        "Schede non verificate da più di 12 mesi al 2026-03-15: 2 su 4.",
        "",
        "vecchio: Sportello vecchio (Pioltello)",
        "  verificata il 2024-01-10 (26 mesi fa)",
    ]
    assert "  chiedere a: info@example.org; 02 9236 6364; verificata da: Ufficio di Piano" in text
    assert "  Pioltello     2 schede, 1 da verificare" in text


def test_markdown_and_csv_outputs():
    built = report.build_report(SERVICES, TODAY)
    md = report.format_markdown(built)
    assert (
        "| `Sportello vecchio` (`vecchio`) | `Pioltello` | "
        "`verificata il 2024-01-10 (26 mesi fa)` |" in md
    )
    assert "| `Segrate` | 2 | 1 |" in md
    rows = list(csv.DictReader(io.StringIO(report.format_csv(built).decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == ["vecchio", "un-anno-e-un-giorno"]
    assert rows[0]["telefoni"] == "02 9236 6364"
    assert rows[0]["mesi"] == "26"


def test_nothing_stale():
    built = report.build_report([SERVICES[-1]], TODAY)
    assert report.format_text(built).startswith(
        "Schede non verificate da più di 12 mesi al 2026-03-15: 0 su 1."
    )
    assert report.format_csv(built) == ("\ufeff" + ",".join(report.CSV_FIELDS) + "\r\n").encode()


def test_bad_date_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["report", "--today", "15/03/2026"])
    assert exit_info.value.code == 2
    assert "«15/03/2026» non è una data" in capsys.readouterr().err


DATA = """\
territorio:
  nome: Distretto di prova
  comuni: [Pioltello, Segrate]
servizi:
  - id: caritas-pioltello
    nome: Centro di ascolto Caritas Pioltello
    tipo: [centro-ascolto]
    indirizzo: {comune: Pioltello}
    email: info@example.org
    aggiornato: "2024-03-14"
  - id: sportello-segrate
    nome: Sportello sociale Segrate
    tipo: [sportello]
    indirizzo: {comune: Segrate}
    aggiornato: "2026-01-14"
"""


def test_command_on_a_real_file(tmp_path, capsysbinary):
    """The CSV a coordinator opens in Excel: the BOM, commas and CRLF of ``servizi.csv``."""
    path = tmp_path / "services.yaml"
    path.write_text(DATA, encoding="utf-8")
    code = cli.main(["report", str(path), "--today", "2026-03-15", "--format", "csv"])
    out, err = capsysbinary.readouterr()
    assert code == 0, err
    assert out.startswith(b"\xef\xbb\xbfid,nome,comune,") and out.endswith(b"\r\n")
    assert out[:3] == export.to_csv([])[:3] and b"\n" not in out.replace(b"\r\n", b"")
    rows = list(csv.DictReader(io.StringIO(out.decode("utf-8-sig"))))
    assert [(r["id"], r["email"]) for r in rows] == [("caritas-pioltello", "info@example.org")]


def test_command_on_an_unreadable_file(tmp_path, capsys):
    path = tmp_path / "services.yaml"
    path.write_text("servizi: [\n", encoding="utf-8")
    code = cli.main(["report", str(path)])
    err = capsys.readouterr().err
    assert code == 1
    assert "impossibile fare il rapporto" in err
    assert "Traceback" not in err


def test_csv_cells_cannot_run_as_spreadsheet_formulas():
    sneaky = service("formula", "Rodano", "2020-01-01", ente='=HYPERLINK("http://x","clic")')
    rows = list(
        csv.DictReader(
            io.StringIO(report.format_csv(report.build_report([sneaky], TODAY)).decode("utf-8-sig"))
        )
    )
    assert rows[0]["ente"] == '\'=HYPERLINK("http://x","clic")'
