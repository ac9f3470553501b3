"""A volunteer's pull request, as the check sees it: geocode what it changed, annotate its records.

A real git repository (base commit on ``origin/main``, the proposal at HEAD) and the fake
Nominatim (a real HTTP server): ``servicemap geocode --only-changed-since`` asks only for the
addresses of added or changed records and writes the Markdown with the point on
openstreetmap.org; ``servicemap validate --changed-since`` shows every error first, the warnings
of the touched records, and one summary line for the warnings of the others.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from fake_nominatim import FakeNominatim, Reply, result
from gitrepo import git, init_repo

from servicemap.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date.today().isoformat()
OLD = (dt.date.today() - dt.timedelta(days=800)).isoformat()
PIOLTELLO = (45.4990, 9.3260)
SEGRATE = (45.4839, 9.2966)

BASE = f"""\
territorio:
  nome: Distretto Sociale Est Milano
  comuni: [Pioltello, Segrate]
servizi:
  - id: vecchia-segrate
    nome: Sportello di quartiere
    tipo: [sportello]
    indirizzo:
      via: Via Vecchia 3
      comune: Segrate
    aggiornato: "{OLD}"
  - id: sportello-segrate
    nome: Sportello lavoro
    tipo: [sportello]
    indirizzo:
      comune: Segrate
    aggiornato: "{TODAY}"
"""
# The proposal: sportello-segrate gets a street, and a new desk in Pioltello (with an old date).
HEAD = BASE.replace(
    f'      comune: Segrate\n    aggiornato: "{TODAY}"',
    f'      via: Via Cassanese 10\n      comune: Segrate\n    aggiornato: "{TODAY}"',
) + (
    "  - id: nuovo-pioltello\n"
    "    nome: Centro di ascolto Caritas Pioltello\n"
    "    tipo: [centro-ascolto]\n"
    "    indirizzo:\n"
    "      via: Via Milano 5\n"
    '      cap: "20096"\n'
    "      comune: Pioltello\n"
    f'    aggiornato: "{OLD}"\n'
)


# An error in a record the pull request did not touch (the base had it too).
PHONE = (
    '      comune: Segrate\n    aggiornato: "' + OLD,
    '      comune: Segrate\n    telefoni: ["12"]\n    aggiornato: "' + OLD,
)


def make_pull_request(repo: Path, base: str, head: str) -> Path:
    """A checkout as actions/checkout leaves it: the proposal at HEAD, the base at origin/main."""
    repo.mkdir()
    init_repo(repo, base)
    (repo / "territorio.geojson").write_bytes((ROOT / "territorio.geojson").read_bytes())
    git(repo, "add", "territorio.geojson")
    git(repo, "commit", "-q", "-m", "territorio")
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    (repo / "services.yaml").write_text(head, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "proposta")
    return repo


@pytest.fixture
def pull_request(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(make_pull_request(tmp_path / "repo", BASE, HEAD))
    return tmp_path / "repo"


@pytest.fixture
def with_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    head = HEAD.replace(*PHONE)
    monkeypatch.chdir(make_pull_request(tmp_path / "repo", BASE.replace(*PHONE), head))
    return head


@pytest.fixture
def nominatim():
    with FakeNominatim() as fake:
        yield fake


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def geocode(nominatim: FakeNominatim, summary: Path) -> int:
    return main(
        [
            *("geocode", "services.yaml", "--only-changed-since", "origin/main"),
            *("--summary-markdown", str(summary), "--provider-url", nominatim.url),
            *("--min-delay-seconds", "0.2", "--user-agent", "servicemap-test/1"),
        ]
    )


def test_geocode_asks_only_for_the_changed_addresses_and_writes_the_osm_link(
    pull_request, nominatim, capsys
):
    nominatim.route("Via Milano 5", Reply(body=[result(*PIOLTELLO, "Via Milano 5, Pioltello")]))
    segrate = result(*SEGRATE, "Via Cassanese 10, Segrate", road="Via Cassanese", city="Segrate")
    nominatim.route("Via Cassanese 10", Reply(body=[segrate]))
    summary = pull_request / "geocode.md"

    assert geocode(nominatim, summary) == 0

    # Via Vecchia 3 (untouched, not in the cache either) is not asked: it is not this PR's.
    assert [r.params["street"] for r in nominatim.requests] == ["Via Cassanese 10", "Via Milano 5"]
    cache = yaml.safe_load((pull_request / "geocache.yaml").read_text(encoding="utf-8"))
    assert sorted(cache) == ["via cassanese 10, , segrate, ", "via milano 5, 20096, pioltello, "]
    text = summary.read_text(encoding="utf-8")
    lat, lon = "45.499000", "9.326000"
    link = f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"
    assert f"- ✅ `Via Milano 5, 20096 Pioltello`: [{lat}, {lon} sulla mappa]({link})" in text
    assert f"`nuovo-pioltello (riga {line_of(HEAD, 'id: nuovo-pioltello')})`" in text
    # The exact lines a maintainer pastes for a fork, as the file holds them.
    block = re.search(r"```yaml\n(.*?)\n```", text, re.S).group(1)
    assert '"via milano 5, 20096, pioltello, ":\n  date: ' in block
    assert (pull_request / "geocache.yaml").read_text(encoding="utf-8").count(block[:40]) == 1
    assert yaml.safe_load(block) == cache


def test_geocode_of_a_pull_request_that_changes_no_address_asks_nothing(
    pull_request, nominatim, capsys
):
    git(pull_request, "update-ref", "refs/remotes/origin/main", "HEAD")  # nothing changed since
    summary = pull_request / "geocode.md"
    assert geocode(nominatim, summary) == 0
    assert nominatim.requests == []
    assert summary.read_text(encoding="utf-8") == ""


def test_validate_annotates_errors_anywhere_and_warnings_of_the_changed_records_only(
    with_error, capsys
):
    status = main(
        ["validate", "services.yaml", "--format", "github", "--changed-since", "origin/main"]
    )

    out = capsys.readouterr().out.splitlines()
    assert status == 1  # the error in the untouched record still blocks the merge
    levels = [line.split(" ", 1)[0] for line in out]
    phone = line_of(with_error, 'telefoni: ["12"]')
    # Errors first, wherever they are; then the touched records' warnings; then the summary.
    assert out[0].startswith(f"::error file=services.yaml,line={phone},")
    assert levels == sorted(levels, key=["::error", "::warning", "::notice"].index)
    stale_new = len(with_error.splitlines())  # the new record's `aggiornato`, the file's last line
    warnings = [line for line in out if line.startswith("::warning")]
    assert any(f"line={stale_new}," in w and "title=stale::" in w for w in warnings)
    touched_from = line_of(with_error, "id: sportello-segrate")
    assert all(int(re.search(r"line=(\d+),", w).group(1)) >= touched_from for w in warnings)
    assert (
        "::notice title=stale::1 scheda non toccata da questa pull request ha l'avviso stale: "
        "vedi servicemap validate services.yaml"
    ) in out


def test_validate_without_a_base_shows_everything_errors_first(with_error, capsys):
    assert main(["validate", "services.yaml"]) == 1
    out = capsys.readouterr().out.splitlines()
    severities = [line.split(": ")[1] for line in out]
    assert severities == sorted(severities)  # "error" < "warning"
    assert sum("[stale]" in line for line in out) == 2
    assert not any("non toccat" in line for line in out)


def test_validate_with_an_unknown_base_says_so(pull_request, capsys):
    assert main(["validate", "--changed-since", "nessun-ramo"]) == 2
    assert "«nessun-ramo» non è né un file né una revisione git" in capsys.readouterr().err


def test_mkdocs_build_logs_errors_before_warnings(caplog):
    import logging

    from servicemap.adapters import console
    from servicemap.problems.messages import problem

    stale = problem("services.yaml", 3, 17, "stale", value="2024-01-01")
    phone = problem("services.yaml", 40, 16, "bad-phone", key="telefoni", value="12")
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        console.log_problems(logging.getLogger("mkdocs.plugins.servicemap"), [stale, phone])
    logged = [r for r in caplog.records if r.name == "mkdocs.plugins.servicemap"]
    assert [r.levelno for r in logged] == [logging.ERROR, logging.WARNING]
    assert logged[0].getMessage().startswith("services.yaml:40:16: error: `telefoni`")


def test_geocode_of_a_changed_address_only(tmp_path, monkeypatch, nominatim):
    moved = BASE.replace("via: Via Vecchia 3", "via: Via Nuova 8")  # an untouched id, new street
    monkeypatch.chdir(make_pull_request(tmp_path / "repo", BASE, moved))
    segrate = result(*SEGRATE, "Via Nuova 8, Segrate", road="Via Nuova", city="Segrate")
    nominatim.route("Via Nuova 8", Reply(body=[segrate]))
    summary = tmp_path / "geocode.md"

    assert geocode(nominatim, summary) == 0

    assert [r.params["street"] for r in nominatim.requests] == ["Via Nuova 8"]
    text = summary.read_text(encoding="utf-8")
    assert "`vecchia-segrate (riga 5)`" in text
    assert "mlat=45.483900&mlon=9.296600#map=18/45.483900/9.296600" in text


def test_an_answer_outside_the_comune_is_refused_and_said_without_a_map_link(
    pull_request, nominatim
):
    far = result(*SEGRATE, "Via Milano 5, Segrate", road="Via Milano", city="Segrate")
    nominatim.route("Via Milano 5", Reply(body=[far]))  # Pioltello's address found in Segrate
    summary = pull_request / "geocode.md"

    assert geocode(nominatim, summary) == 0

    lines = summary.read_text(encoding="utf-8").splitlines()
    [milano] = [line for line in lines if "Via Milano 5" in line and line.startswith("- ")]
    assert milano.startswith("- ⚠️ `Via Milano 5, 20096 Pioltello`: rifiutato: ")
    assert "openstreetmap.org" not in milano
    assert "controlla la via e il numero civico" in lines[-1]
