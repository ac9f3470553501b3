"""``servicemap geocode`` against a real HTTP server that speaks Nominatim's API."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from fake_nominatim import FakeNominatim, Reply, result

from servicemap import geocode
from servicemap.commands.geocode import geocode_services
from servicemap.geocache import load_cache
from servicemap.model import Address, Service
from servicemap.place import place_services
from servicemap.territory import load_territory, merge

ROOT = Path(__file__).resolve().parent.parent
COMUNI = ["Pioltello", "Segrate", "Vimodrone", "Rodano", "Melzo"]
MIN_DELAY = 0.2
PIOLTELLO = (45.4990, 9.3260)  # the town centre
SEGRATE = (45.4839, 9.2966)


@pytest.fixture
def nominatim() -> Iterator[FakeNominatim]:
    with FakeNominatim() as fake:
        yield fake


@pytest.fixture
def territory():
    terr, problems = load_territory(ROOT / "territorio.geojson")
    assert problems == []
    return merge(terr, "Distretto Sociale Est Milano", COMUNI)


def svc(
    id: str, via: str, comune: str = "Pioltello", cap: str = "20096", line: int = 10
) -> Service:
    address = Address(comune=comune, via=via, cap=cap, provincia="MI")
    return Service(
        id=id, nome=id, tipo=["sportello"], indirizzo=address, aggiornato="2024-01-01", line=line
    )


def settings(url: str, **overrides) -> geocode.Settings:
    values = dict(
        url=url,
        user_agent="servicemap-test/1 (test@example.org)",
        min_delay=MIN_DELAY,
        timeout=10,  # a loaded machine must not turn a prompt local answer into a "timeout"
        retries=2,
        backoff=0.05,
    )
    values.update(overrides)
    return geocode.Settings(**values)


def cache_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def test_found_address_is_cached_with_provider_answer(nominatim, territory, tmp_path, capsys):
    nominatim.route(
        "Via Roma 1", Reply(body=[result(*PIOLTELLO, "1, Via Roma, Pioltello, Italia")])
    )
    cache_file = tmp_path / "geocache.yaml"
    services = [svc("roma", "Via Roma 1")]

    status = geocode_services(services, territory, cache_file, settings(nominatim.url))

    assert status == 0
    assert cache_yaml(cache_file) == {
        "via roma 1, 20096, pioltello, mi": {
            "date": dt.date.today().isoformat(),
            "display_name": "1, Via Roma, Pioltello, Italia",
            "lat": 45.499,
            "lon": 9.326,
            "precision": "civico",
            "provider": "nominatim",
            "status": "found",
        }
    }
    (request,) = nominatim.requests
    assert request.path == "/search"
    params = request.params
    assert (params["street"], params["postalcode"], params["city"]) == (
        "Via Roma 1",
        "20096",
        "Pioltello",
    )
    assert (params["country"], params["countrycodes"], params["bounded"]) == ("Italia", "it", "1")
    lon1, lat1, lon2, lat2 = map(float, params["viewbox"].split(","))  # Nominatim's order
    assert min(lon1, lon2) < PIOLTELLO[1] < max(lon1, lon2)
    assert min(lat1, lat2) < PIOLTELLO[0] < max(lat1, lat2)
    assert abs(lon2 - lon1) < 0.1  # the comune's box, not all of Lombardy
    assert request.user_agent == "servicemap-test/1 (test@example.org)"
    assert "1 trovati, 0 rifiutati, 0 falliti" in capsys.readouterr().err

    problems = place_services(services, territory, load_cache(cache_file), file="services.yaml")
    assert problems == []
    assert (services[0].position.lat, services[0].position.lon) == PIOLTELLO
    assert services[0].position.precision == "indirizzo"


def test_empty_result_is_refused_and_record_stays_on_its_comune(nominatim, territory, tmp_path):
    cache_file = tmp_path / "geocache.yaml"
    services = [svc("ignota", "Via Inesistente 99")]

    assert geocode_services(services, territory, cache_file, settings(nominatim.url)) == 0

    entry = cache_yaml(cache_file)["via inesistente 99, 20096, pioltello, mi"]
    assert (entry["status"], entry["reason"]) == ("refused", "indirizzo non trovato")
    problems = place_services(services, territory, load_cache(cache_file), file="services.yaml")
    assert [(p.code, p.line) for p in problems] == [("placed-on-comune", 10)]
    assert "non ha trovato l'indirizzo" in problems[0].message
    assert services[0].position.precision == "comune"


def test_result_in_another_comune_is_refused(nominatim, territory, tmp_path, capsys):
    nominatim.route("Via Roma 1", Reply(body=[result(*SEGRATE, "Via Roma, Segrate")]))
    cache_file = tmp_path / "geocache.yaml"
    services = [svc("roma", "Via Roma 1")]

    assert geocode_services(services, territory, cache_file, settings(nominatim.url)) == 0

    entry = cache_yaml(cache_file)["via roma 1, 20096, pioltello, mi"]
    assert entry["status"] == "refused"
    assert entry["reason"] == "il risultato è fuori dal comune di Pioltello"
    assert "0 trovati, 1 rifiutati, 0 falliti" in capsys.readouterr().err
    place_services(services, territory, load_cache(cache_file), file="services.yaml")
    assert services[0].position.precision == "comune"


def test_town_only_result_is_refused_as_too_vague(nominatim, territory, tmp_path):
    town = result(*PIOLTELLO, "Pioltello, Milano", house_number="", road="", kind="town")
    nominatim.route("Via Roma 1", Reply(body=[town]))
    cache_file = tmp_path / "geocache.yaml"

    assert (
        geocode_services(
            [svc("roma", "Via Roma 1")], territory, cache_file, settings(nominatim.url)
        )
        == 0
    )
    assert cache_yaml(cache_file)["via roma 1, 20096, pioltello, mi"]["reason"] == (
        "trovato solo il comune o la zona"
    )


def test_timeout_is_retried_then_fails_without_caching(nominatim, territory, tmp_path, capsys):
    nominatim.route("Via Lenta 1", Reply(delay=1.0))
    cache_file = tmp_path / "geocache.yaml"
    services = [svc("lenta", "Via Lenta 1", line=42)]

    slow = settings(nominatim.url, retries=1, timeout=0.4)  # the answer comes after 1 s
    status = geocode_services(services, territory, cache_file, slow)

    assert status == 1
    assert len(nominatim.requests) == 2  # one try, one retry
    assert cache_yaml(cache_file) == {}
    err = capsys.readouterr().err
    assert "0 trovati, 0 rifiutati, 1 falliti" in err
    assert "fallito: Via Lenta 1, 20096 Pioltello (MI): nessuna risposta" in err
    assert "lenta (riga 42)" in err
    problems = place_services(services, territory, load_cache(cache_file), file="services.yaml")
    assert "non è ancora geocodificato" in problems[0].message
    assert services[0].position.precision == "comune"


def test_429_honours_retry_after_then_succeeds(nominatim, territory, tmp_path):
    nominatim.route(
        "Via Roma 1",
        Reply(status=429, body={"error": "rate limited"}, headers={"Retry-After": "1"}),
        Reply(body=[result(*PIOLTELLO, "Via Roma 1, Pioltello")]),
    )
    cache_file = tmp_path / "geocache.yaml"

    status = geocode_services(
        [svc("roma", "Via Roma 1")], territory, cache_file, settings(nominatim.url)
    )

    assert status == 0
    first, second = nominatim.requests
    assert second.at - first.at >= 1.0 - 0.02
    assert cache_yaml(cache_file)["via roma 1, 20096, pioltello, mi"]["status"] == "found"


def test_server_errors_are_retried_with_backoff(nominatim, territory, tmp_path):
    nominatim.route(
        "Via Una 1",
        Reply(status=500, body="boom"),
        Reply(body=[result(*PIOLTELLO, "Via Una 1, Pioltello", road="Via Una")]),
    )
    nominatim.route("Via Due 2", Reply(status=500, body="boom"))
    cache_file = tmp_path / "geocache.yaml"
    services = [svc("una", "Via Una 1"), svc("due", "Via Due 2")]

    status = geocode_services(services, territory, cache_file, settings(nominatim.url, retries=2))

    assert status == 1
    streets = [r.params["street"] for r in nominatim.requests]
    assert streets == ["Via Una 1", "Via Una 1", "Via Due 2", "Via Due 2", "Via Due 2"]
    assert list(cache_yaml(cache_file)) == ["via una 1, 20096, pioltello, mi"]


def test_malformed_json_fails_that_address_only(nominatim, territory, tmp_path, capsys):
    nominatim.route("Via Rotta 1", Reply(body="{not json"))
    nominatim.route("Via Roma 1", Reply(body=[result(*PIOLTELLO, "Via Roma 1, Pioltello")]))
    cache_file = tmp_path / "geocache.yaml"
    services = [svc("rotta", "Via Rotta 1"), svc("roma", "Via Roma 1")]

    status = geocode_services(services, territory, cache_file, settings(nominatim.url))

    assert status == 1
    assert [r.params["street"] for r in nominatim.requests] == ["Via Rotta 1", "Via Roma 1"]
    assert "risposta non leggibile" in capsys.readouterr().err
    assert list(cache_yaml(cache_file)) == ["via roma 1, 20096, pioltello, mi"]


def test_mixed_run_spaces_requests_and_places_every_record(nominatim, territory, tmp_path):
    nominatim.route("Via Roma 1", Reply(body=[result(*PIOLTELLO, "Via Roma 1, Pioltello")]))
    nominatim.route("Via Sbagliata 1", Reply(body=[result(*SEGRATE, "Segrate")]))
    nominatim.route("Via Errore 1", Reply(status=503, body="busy"))
    nominatim.route("Via Rotta 1", Reply(body="<html>"))
    cache_file = tmp_path / "geocache.yaml"
    services = [
        svc("roma", "Via Roma 1"),
        svc("roma-bis", "Via Roma, 1"),  # same address: asked once
        svc("sbagliata", "Via Sbagliata 1"),
        svc("ignota", "Via Ignota 5"),
        svc("errore", "Via Errore 1"),
        svc("rotta", "Via Rotta 1"),
        svc("senza-via", "", comune="Segrate", cap="20054"),
    ]

    status = geocode_services(services, territory, cache_file, settings(nominatim.url, retries=1))

    assert status == 1
    times = [r.at for r in nominatim.requests]
    assert len(times) == 6  # roma, sbagliata, ignota, errore x2, rotta
    assert min(b - a for a, b in itertools.pairwise(times)) >= MIN_DELAY - 0.02
    statuses = {k: v["status"] for k, v in cache_yaml(cache_file).items()}
    assert statuses == {
        "via roma 1, 20096, pioltello, mi": "found",
        "via sbagliata 1, 20096, pioltello, mi": "refused",
        "via ignota 5, 20096, pioltello, mi": "refused",
    }
    problems = place_services(services, territory, load_cache(cache_file), file="services.yaml")
    assert all(s.position is not None for s in services)
    assert [s.position.precision for s in services] == ["indirizzo", "indirizzo"] + ["comune"] * 5
    assert [p.code for p in problems] == ["placed-on-comune"] * 5


def test_refused_addresses_are_not_asked_again_unless_requested(nominatim, territory, tmp_path):
    cache_file = tmp_path / "geocache.yaml"
    services = [svc("ignota", "Via Ignota 5")]
    assert geocode_services(services, territory, cache_file, settings(nominatim.url)) == 0
    assert geocode_services(services, territory, cache_file, settings(nominatim.url)) == 0
    assert len(nominatim.requests) == 1
    assert (
        geocode_services(
            services, territory, cache_file, settings(nominatim.url), retry_refused=True
        )
        == 0
    )
    assert len(nominatim.requests) == 2


def test_forbidden_stops_asking_but_loses_nothing(nominatim, territory, tmp_path, capsys):
    nominatim.route("Via Una 1", Reply(status=403, body="banned"))
    cache_file = tmp_path / "geocache.yaml"
    services = [svc("una", "Via Una 1"), svc("due", "Via Due 2"), svc("tre", "Via Tre 3")]

    status = geocode_services(services, territory, cache_file, settings(nominatim.url))

    assert status == 1
    assert len(nominatim.requests) == 1
    err = capsys.readouterr().err
    assert "0 trovati, 0 rifiutati, 3 falliti" in err
    assert "il servizio rifiuta le richieste" in err
    place_services(services, territory, load_cache(cache_file), file="services.yaml")
    assert all(s.position.precision == "comune" for s in services)


def test_dry_run_says_what_it_would_ask_and_asks_nothing(nominatim, territory, tmp_path, capsys):
    cache_file = tmp_path / "geocache.yaml"
    services = [svc("roma", "Via Roma 1", line=7), svc("senza-via", "")]

    status = geocode_services(
        services, territory, cache_file, settings(nominatim.url), dry_run=True
    )

    assert status == 0
    assert nominatim.requests == []
    assert not cache_file.exists()
    out = capsys.readouterr().out
    assert "Farei 1 richieste a nominatim (127.0.0.1:" in out
    assert "street=Via Roma 1, postalcode=20096, city=Pioltello, country=Italia" in out
    assert "roma (riga 7)" in out


def test_public_nominatim_never_gets_more_than_one_request_per_second():
    assert geocode.Settings(min_delay=0.1).effective_delay() == 1.0
    local = geocode.Settings(min_delay=0.1, url="http://127.0.0.1:9")
    assert local.effective_delay() == 0.1


def test_damaged_cache_is_never_overwritten(nominatim, territory, tmp_path, capsys):
    cache_file = tmp_path / "geocache.yaml"
    damaged = '<<<<<<< HEAD\n"a":\n  status: "found"\n=======\n'
    cache_file.write_text(damaged, encoding="utf-8")

    status = geocode_services(
        [svc("roma", "Via Roma 1")], territory, cache_file, settings(nominatim.url)
    )

    assert status == 1
    assert cache_file.read_text(encoding="utf-8") == damaged
    assert "geocache-invalid" in capsys.readouterr().err
    assert nominatim.requests == []


SERVICES_YAML = """\
territorio:
  nome: Distretto Sociale Est Milano
  comuni: [Pioltello, Segrate]
servizi:
  - id: caritas-pioltello
    nome: Centro di ascolto
    tipo: [centro-ascolto]
    indirizzo:
      via: Via Roma 1
      cap: "20096"
      comune: Pioltello
      provincia: MI
    aggiornato: "{today}"
  - id: sportello-segrate
    nome: Sportello
    tipo: [sportello]
    indirizzo:
      via: Via Lenta 1
      comune: Segrate
    aggiornato: "{today}"
  - id: senza-via
    nome: Sportello senza via
    tipo: [sportello]
    indirizzo:
      comune: Segrate
    aggiornato: "{today}"
"""


def test_cli_geocodes_a_services_file_and_the_build_places_every_record(
    nominatim, tmp_path, capsys
):
    pytest.importorskip("servicemap.validate")
    from servicemap import pipeline
    from servicemap.cli import main
    from servicemap.project import Project

    data = tmp_path / "services.yaml"
    data.write_text(SERVICES_YAML.format(today=dt.date.today().isoformat()), encoding="utf-8")
    (tmp_path / "territorio.geojson").write_bytes((ROOT / "territorio.geojson").read_bytes())
    nominatim.route("Via Roma 1", Reply(body=[result(*PIOLTELLO, "Via Roma 1, Pioltello")]))
    nominatim.route("Via Lenta 1", Reply(status=504, body="gateway timeout"))

    status = main(
        [
            "geocode",
            str(data),
            "--provider-url",
            nominatim.url,
            "--min-delay-seconds",
            str(MIN_DELAY),
            "--retries",
            "1",
            "--backoff-seconds",
            "0.05",
            "--user-agent",
            "servicemap-test/1",
        ]
    )

    assert status == 1
    assert "1 trovati, 0 rifiutati, 1 falliti" in capsys.readouterr().err
    assert [r.params["street"] for r in nominatim.requests] == ["Via Roma 1"] + ["Via Lenta 1"] * 2
    assert list(cache_yaml(tmp_path / "geocache.yaml")) == ["via roma 1, 20096, pioltello, mi"]

    result_ = pipeline.run(Project(data_file=data))
    positions = {s.id: s.position.precision for s in result_.services}
    assert positions == {
        "caritas-pioltello": "indirizzo",
        "sportello-segrate": "comune",
        "senza-via": "comune",
    }
    assert main(["geocode", str(data), "--dry-run"]) == 0
    assert "street=Via Lenta 1, city=Segrate, country=Italia" in capsys.readouterr().out


def test_photon_provider_uses_free_text_and_the_same_checks(nominatim, territory, tmp_path):
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [PIOLTELLO[1], PIOLTELLO[0]]},
        "properties": {
            "housenumber": "1",
            "street": "Via Roma",
            "city": "Pioltello",
            "postcode": "20096",
            "country": "Italia",
        },
    }
    nominatim.route(
        "Via Roma 1, 20096 Pioltello, Italia",
        Reply(body={"type": "FeatureCollection", "features": [feature]}),
    )
    cache_file = tmp_path / "geocache.yaml"

    status = geocode_services(
        [svc("roma", "Via Roma 1")],
        territory,
        cache_file,
        settings(nominatim.url, provider="photon"),
    )

    assert status == 0
    (request,) = nominatim.requests
    assert request.path == "/api"
    entry = cache_yaml(cache_file)["via roma 1, 20096, pioltello, mi"]
    assert (entry["status"], entry["provider"], entry["precision"]) == ("found", "photon", "civico")
