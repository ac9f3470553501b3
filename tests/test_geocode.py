"""``servicemap geocode`` against a real HTTP server that speaks Nominatim's API."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from fake_nominatim import OMIT, FakeNominatim, Reply, result
from geopy import exc as gexc

from servicemap.cli.geocode import geocode_services
from servicemap.core.model import Address, Service
from servicemap.place import geocode
from servicemap.place.geocache import GeoCache, load_cache
from servicemap.place.placement import place_services
from servicemap.place.territory import Boundaries, load_territory, merge

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
    assert (services[0].placed_position.lat, services[0].placed_position.lon) == PIOLTELLO
    assert services[0].placed_position.precision == "indirizzo"


def test_empty_result_is_refused_and_record_stays_on_its_comune(nominatim, territory, tmp_path):
    cache_file = tmp_path / "geocache.yaml"
    services = [svc("ignota", "Via Inesistente 99")]

    assert geocode_services(services, territory, cache_file, settings(nominatim.url)) == 0

    entry = cache_yaml(cache_file)["via inesistente 99, 20096, pioltello, mi"]
    assert (entry["status"], entry["reason"]) == ("refused", "indirizzo non trovato")
    problems = place_services(services, territory, load_cache(cache_file), file="services.yaml")
    assert [(p.code, p.line) for p in problems] == [("placed-on-comune", 10)]
    assert "non ha trovato l'indirizzo" in problems[0].message
    assert services[0].placed_position.precision == "comune"


def test_result_in_another_comune_is_refused(nominatim, territory, tmp_path, capsys):
    nominatim.route("Via Roma 1", Reply(body=[result(*SEGRATE, "Via Roma, Segrate")]))
    cache_file = tmp_path / "geocache.yaml"
    services = [svc("roma", "Via Roma 1")]

    assert geocode_services(services, territory, cache_file, settings(nominatim.url)) == 0

    entry = cache_yaml(cache_file)["via roma 1, 20096, pioltello, mi"]
    assert entry["status"] == "refused"
    assert (
        entry["reason"] == "il risultato è fuori dal comune di Pioltello: è nel comune di Segrate"
    )
    err = capsys.readouterr().err
    assert "0 trovati, 1 rifiutati, 0 falliti" in err
    assert (
        "rifiutato: Via Roma 1, 20096 Pioltello (MI): il risultato è fuori dal comune di "
        "Pioltello: è nel comune di Segrate — roma (riga 10)"
    ) in err
    place_services(services, territory, load_cache(cache_file), file="services.yaml")
    assert services[0].placed_position.precision == "comune"


@pytest.mark.parametrize("kind", ["city", "house"])
def test_result_far_away_is_outside_the_comune_before_any_precision(
    nominatim, territory, tmp_path, kind
):
    palermo = result(38.1157, 13.3615, "Via Roma 1, Palermo, Sicilia", kind=kind, city="Palermo")
    nominatim.route("Via Roma 1", Reply(body=[palermo]))
    cache_file = tmp_path / "geocache.yaml"

    status = geocode_services(
        [svc("roma", "Via Roma 1")], territory, cache_file, settings(nominatim.url)
    )

    assert status == 0
    entry = cache_yaml(cache_file)["via roma 1, 20096, pioltello, mi"]
    assert (entry["status"], entry["reason"]) == (
        "refused",
        "il risultato è fuori dal comune di Pioltello: è fuori dal territorio della mappa, "
        "«Via Roma 1, Palermo, Sicilia»",
    )


TOWN = "trovato solo il comune, non la via"
ZONE = "trovata solo una zona del comune (frazione, quartiere o località), non la via"
WIDER = "trovata solo un'area più ampia del comune, non la via"
VAGUE = "trovato solo il comune o la zona"
NO_KIND = {"osm_class": OMIT, "osm_type": OMIT, "addresstype": OMIT, "place_rank": OMIT}


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"kind": "house"}, ("found", "civico")),
        ({"kind": "building", "house_number": ""}, ("found", "civico")),
        ({"kind": "amenity", "house_number": ""}, ("found", "civico")),
        ({"kind": "road", "house_number": ""}, ("found", "via")),
        (
            {"kind": "suburb", "osm_type": "square", "addresstype": "square", "place_rank": 25},
            ("found", "via"),  # Piazza Garibaldi: the square itself
        ),
        ({**NO_KIND, "place_rank": 28, "house_number": ""}, ("found", "civico")),
        ({**NO_KIND, "place_rank": 27, "house_number": ""}, ("found", "via")),
        ({"kind": "town", "house_number": "", "road": ""}, ("refused", TOWN)),
        ({"kind": "city"}, ("refused", TOWN)),  # what it matched wins over the address details
        ({"kind": "village", "house_number": ""}, ("refused", TOWN)),
        ({"kind": "municipality", "house_number": ""}, ("refused", TOWN)),
        ({**NO_KIND, "place_rank": 16, "house_number": ""}, ("refused", TOWN)),
        ({"kind": "suburb", "house_number": ""}, ("refused", ZONE)),
        ({"kind": "state", "house_number": "", "road": ""}, ("refused", WIDER)),
        ({**NO_KIND, "place_rank": 20, "house_number": ""}, ("refused", VAGUE)),
        ({**NO_KIND}, ("found", "civico")),  # no type fields at all: the address details decide
        ({**NO_KIND, "house_number": ""}, ("found", "via")),
        ({**NO_KIND, "house_number": "", "road": ""}, ("refused", VAGUE)),
    ],
    ids=lambda v: (
        "-".join(f"{k}={v}" for k, v in v.items() if v is not OMIT) if isinstance(v, dict) else v[1]
    ),
)
def test_precision_is_judged_from_type_rank_and_address(
    nominatim, territory, tmp_path, fields, expected
):
    nominatim.route("Via Roma 1", Reply(body=[result(*PIOLTELLO, "Pioltello", **fields)]))
    cache_file = tmp_path / "geocache.yaml"

    status = geocode_services(
        [svc("roma", "Via Roma 1")], territory, cache_file, settings(nominatim.url)
    )

    assert status == 0
    entry = cache_yaml(cache_file)["via roma 1, 20096, pioltello, mi"]
    judged = entry["precision"] if entry["status"] == "found" else entry["reason"]
    assert (entry["status"], judged) == expected


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
    assert services[0].placed_position.precision == "comune"


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


def hostile(**changes) -> list[dict]:
    place = result(*PIOLTELLO, "Via Ostile 1, Pioltello", road="Via Ostile")
    for name, value in changes.items():
        if value is OMIT:
            del place[name]
        else:
            place[name] = value
    return [place]


LAT = "la latitudine (`lat`)"
HOSTILE = {
    "nan-literal": (hostile(lat=float("nan")), f"{LAT} «nan» non è un numero finito"),
    "nan-text": (hostile(lat="NaN"), f"{LAT} «NaN» non è un numero"),
    "infinity": (hostile(lon=float("inf")), "la longitudine (`lon`) «inf» non è un numero finito"),
    "lat-out-of-range": (hostile(lat="91"), f"{LAT} 91 è fuori dall'intervallo tra -90 e 90"),
    "lon-out-of-range": (
        hostile(lon="200.5"),  # geopy would wrap it silently to -159.5
        "la longitudine (`lon`) 200.5 è fuori dall'intervallo tra -180 e 180",
    ),
    "missing-lat": (hostile(lat=OMIT), f"manca {LAT}"),  # geopy would place it at (0, 0)
    "lat-list": (hostile(lat=[45.5]), f"{LAT} non è un numero"),
    "lat-bool": (hostile(lat=True), f"{LAT} non è un numero"),
    "name-object": (hostile(display_name={"x": 1}), "`display_name` non è un testo"),
    "address-list": (
        hostile(address=["Via Ostile"]),
        "`address` non è un elenco di campi di testo",
    ),
    "rank-text": (hostile(place_rank="alto"), "`place_rank` non è un numero intero"),
    "json-string": ('"Via Ostile"', "non è un elenco di risultati"),
    "list-of-numbers": ([1, 2], "un risultato non è un oggetto JSON"),
    "not-json": ("{not json", "la risposta non è JSON"),
    "html": ("<html><body>Bad gateway</body></html>", "la risposta non è JSON"),
    "deep-nesting": ("[" * 100_000 + "]" * 100_000, "JSON annidato troppo in profondità"),
    "huge-body": ('["' + "x" * (3 * 1024 * 1024) + '"]', "risposta più grande di 1024 KB"),
}


@pytest.mark.parametrize(("body", "detail"), HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_reply_fails_that_address_only(
    nominatim, territory, tmp_path, capsys, body, detail
):
    cache_file = tmp_path / "geocache.yaml"
    before = load_cache(cache_file)
    found_before = geocode.CacheEntry("found", "nominatim", "2024-01-01", 45.5, 9.32, "Vecchia")
    refused_before = geocode.CacheEntry("refused", "nominatim", "2024-01-01", reason="non trovato")
    before.put("via vecchia 1, 20096, pioltello, mi", found_before)
    before.put("via ostile 1, 20096, pioltello, mi", refused_before)
    before.save()
    nominatim.route("Via Ostile 1", Reply(body=body))
    nominatim.route("Via Roma 1", Reply(body=[result(*PIOLTELLO, "Via Roma 1, Pioltello")]))
    services = [svc("ostile", "Via Ostile 1", line=3), svc("roma", "Via Roma 1")]

    status = geocode_services(
        services, territory, cache_file, settings(nominatim.url), retry_refused=True
    )

    assert status == 1
    assert [r.params["street"] for r in nominatim.requests] == ["Via Ostile 1", "Via Roma 1"]
    err = capsys.readouterr().err
    assert "1 trovati, 0 rifiutati, 1 falliti" in err
    assert (
        f"fallito: Via Ostile 1, 20096 Pioltello (MI): risposta del servizio non valida: {detail} "
        "— ostile (riga 3)"
    ) in err
    assert "Traceback" not in err
    after = load_cache(cache_file)
    assert after.problems == []
    assert after.entries["via vecchia 1, 20096, pioltello, mi"] == found_before
    assert after.entries["via ostile 1, 20096, pioltello, mi"] == refused_before
    assert after.entries["via roma 1, 20096, pioltello, mi"].status == "found"


def test_a_body_sent_byte_by_byte_times_out_and_the_run_goes_on(
    nominatim, territory, tmp_path, capsys
):
    body = [result(*PIOLTELLO, "Via Lenta 1, Pioltello " + "x" * 200, road="Via Lenta")]
    nominatim.route("Via Lenta 1", Reply(body=body, drip=0.02))  # each byte well within timeout
    nominatim.route("Via Roma 1", Reply(body=[result(*PIOLTELLO, "Via Roma 1, Pioltello")]))
    cache_file = tmp_path / "geocache.yaml"
    services = [svc("lenta", "Via Lenta 1"), svc("roma", "Via Roma 1")]
    drip = settings(nominatim.url, retries=0, timeout=0.4)  # the whole body takes about 6 s

    status = geocode_services(services, territory, cache_file, drip)

    assert status == 1
    err = capsys.readouterr().err
    assert "fallito: Via Lenta 1, 20096 Pioltello (MI): nessuna risposta entro 0.4 secondi" in err
    assert list(cache_yaml(cache_file)) == ["via roma 1, 20096, pioltello, mi"]


def test_a_reply_cut_short_is_retried_then_fails_and_the_run_goes_on(
    nominatim, territory, tmp_path, capsys
):
    body = [result(*PIOLTELLO, "Via Corta 1, Pioltello", road="Via Corta")]
    nominatim.route("Via Corta 1", Reply(body=body, missing=100))
    nominatim.route("Via Roma 1", Reply(body=[result(*PIOLTELLO, "Via Roma 1, Pioltello")]))
    cache_file = tmp_path / "geocache.yaml"
    services = [svc("corta", "Via Corta 1"), svc("roma", "Via Roma 1")]

    status = geocode_services(services, territory, cache_file, settings(nominatim.url, retries=1))

    assert status == 1
    streets = [r.params["street"] for r in nominatim.requests]
    assert streets == ["Via Corta 1", "Via Corta 1", "Via Roma 1"]
    err = capsys.readouterr().err
    assert (
        "fallito: Via Corta 1, 20096 Pioltello (MI): servizio non raggiungibile (127.0.0.1:" in err
    )
    assert "dopo 2 tentativi" in err
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
    streets = [r.params["street"] for r in nominatim.requests]  # the spacing: fake-clock test
    assert streets == ["Via Roma 1", "Via Sbagliata 1", "Via Ignota 5"] + ["Via Errore 1"] * 2 + [
        "Via Rotta 1"
    ]
    statuses = {k: v["status"] for k, v in cache_yaml(cache_file).items()}
    assert statuses == {
        "via roma 1, 20096, pioltello, mi": "found",
        "via sbagliata 1, 20096, pioltello, mi": "refused",
        "via ignota 5, 20096, pioltello, mi": "refused",
    }
    problems = place_services(services, territory, load_cache(cache_file), file="services.yaml")
    assert all(s.placed_position is not None for s in services)
    assert [s.placed_position.precision for s in services] == ["indirizzo", "indirizzo"] + [
        "comune"
    ] * 5
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
    assert all(s.placed_position.precision == "comune" for s in services)


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


PUBLIC_SPELLINGS = [
    "",  # the default
    "nominatim.openstreetmap.org",  # no scheme
    "NOMINATIM.OpenStreetMap.ORG",
    "https://nominatim.openstreetmap.org:443",
    "nominatim.openstreetmap.org:443",  # urlsplit alone reads "nominatim...org" as the scheme
    "https://nominatim.openstreetmap.org.",  # the root's trailing dot
    "https://user@nominatim.openstreetmap.org",
    "https://user:secret@NOMINATIM.openstreetmap.org.:443/",
    "https://nominatim.openstreetmap.org/search",  # a path (geopy adds /search itself)
    "https://nominatim.openstreetmap.org/search?q=x",
    "http://nominatim.openstreetmap.org",
    "http://nominatim.openstreetmap.org:80/",
    "  https://nominatim.openstreetmap.org  ",
    "https://nominatim%2Eopenstreetmap.org",  # percent-encoded dot
    "https://nominatim\u3002openstreetmap\u3002org",  # ideographic full stops (IDNA: dots)
    "https://\uff4e\uff4f\uff4d\uff49\uff4e\uff41\uff54\uff49\uff4d.openstreetmap.org",  # fullwidth
]


@pytest.mark.parametrize("url", PUBLIC_SPELLINGS)
def test_public_nominatim_gets_one_second_however_it_is_spelt(url):
    settings = geocode.Settings(url=url, min_delay=0.1)
    assert settings.effective_delay() == 1.0
    assert settings.host() == "nominatim.openstreetmap.org"
    geocoder = geocode.make_geocoder(settings)  # the same parse decides where requests go
    assert urlsplit(geocoder.api).hostname == "nominatim.openstreetmap.org"
    assert urlsplit(geocoder.api).path == "/search"


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("http://127.0.0.1:9", "127.0.0.1:9"),
        (
            "https://nominatim.openstreetmap.org.example.net",
            "nominatim.openstreetmap.org.example.net",
        ),
        ("https://nominatim.example.org/geo/", "nominatim.example.org"),
        ("http://[::1]:8080", "[::1]:8080"),
    ],
)
def test_other_services_keep_the_configured_delay(url, host):
    settings = geocode.Settings(url=url, min_delay=0.1)
    assert (settings.effective_delay(), settings.host()) == (0.1, host)


def test_photon_defaults_to_its_own_public_host():
    settings = geocode.Settings(provider="photon", min_delay=0.1)
    assert (settings.effective_delay(), settings.host()) == (0.1, "photon.komoot.io")
    assert geocode.make_geocoder(settings).api == "https://photon.komoot.io/api"


class FakeClock:
    """Time that moves only when the rate limit sleeps (or a request takes a little)."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        self.asked_at: list[float] = []
        self.timed_out: set[str] = set()

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds

    def geocode(self, query, **kwargs):  # "not found" in 10 ms; Via B times out the first time
        self.asked_at.append(self.now)
        self.now += 0.01
        if query["street"] == "Via B 2" and query["street"] not in self.timed_out:
            self.timed_out.add(query["street"])
            raise gexc.GeocoderTimedOut("Service timed out")
        return None


def test_a_run_against_the_public_nominatim_waits_one_second_between_requests(tmp_path):
    clock = FakeClock()
    cache = GeoCache(tmp_path / "geocache.yaml")
    services = [svc("a", "Via A 1"), svc("b", "Via B 2"), svc("c", "Via C 3")]
    queries = geocode.pending(services, cache)
    url = "user@NOMINATIM.openstreetmap.org.:443"
    settings = geocode.Settings(url=url, min_delay=0.0, backoff=0.0, retries=1)

    geocode.run(
        queries, clock, Boundaries({}), cache, settings, sleep=clock.sleep, clock=clock.time
    )

    # a; b (times out); b again after a backoff of 0 s, still a full second later; c
    assert clock.sleeps == [0.99, 0.0, 0.99, 0.99]
    assert [round(b - a, 6) for a, b in itertools.pairwise(clock.asked_at)] == [1.0] * 3


def test_cli_dry_run_names_the_normalised_host_and_refuses_a_bad_url(tmp_path, capsys):
    from servicemap.cli.main import main

    data = tmp_path / "services.yaml"
    data.write_text(SERVICES_YAML.format(today=dt.date.today().isoformat()), encoding="utf-8")
    (tmp_path / "territorio.geojson").write_bytes((ROOT / "territorio.geojson").read_bytes())
    url = "user@NOMINATIM.OpenStreetMap.org.:443"

    assert main(["geocode", str(data), "--provider-url", url, "--dry-run"]) == 0
    assert "Farei 2 richieste a nominatim (nominatim.openstreetmap.org):" in capsys.readouterr().out

    with pytest.raises(SystemExit) as stop:
        main(["geocode", str(data), "--provider-url", "ftp://nominatim.example.org"])
    assert stop.value.code == 2
    assert "«ftp://nominatim.example.org» non è un indirizzo di servizio valido" in (
        capsys.readouterr().err
    )


ENTRY = '"a":\n  lat: 45.5\n  lon: 9.3\n  status: "found"\n'


@pytest.mark.parametrize(
    ("damaged", "message"),
    [
        (
            f"<<<<<<< HEAD\n{ENTRY}=======\n",
            "geocache.yaml:1:1: error: Conflitto di merge non risolto (righe 1-6): tieni la "
            "versione giusta (o entrambe, se sono voci diverse) e cancella le righe <<<<<<<, "
            "======= e >>>>>>> [merge-conflict]",
        ),
        (
            f"# cache\n{ENTRY}\n{ENTRY}",  # what a "keep both" merge leaves
            "geocache.yaml:7:1: error: La chiave `a` è ripetuta (la prima è alla riga 2): "
            "tienine una sola [duplicate-key]",
        ),
    ],
    ids=["conflict-markers", "duplicate-key"],
)
def test_damaged_cache_is_never_overwritten(
    nominatim, territory, tmp_path, capsys, damaged, message
):
    cache_file = tmp_path / "geocache.yaml"
    cache_file.write_text(damaged, encoding="utf-8")

    status = geocode_services(
        [svc("roma", "Via Roma 1")], territory, cache_file, settings(nominatim.url)
    )

    assert status == 1
    assert cache_file.read_text(encoding="utf-8") == damaged
    err = capsys.readouterr().err
    assert message in err
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
    from servicemap import pipeline
    from servicemap.cli.main import main
    from servicemap.validate.project import Project

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
    positions = {s.id: s.placed_position.precision for s in result_.services}
    assert positions == {
        "caritas-pioltello": "indirizzo",
        "sportello-segrate": "comune",
        "senza-via": "comune",
    }
    assert main(["geocode", str(data), "--dry-run"]) == 0
    assert "street=Via Lenta 1, city=Segrate, country=Italia" in capsys.readouterr().out


def test_cli_refuses_to_geocode_with_a_conflicted_cache(nominatim, tmp_path, capsys):
    from servicemap.cli.main import main

    data = tmp_path / "services.yaml"
    data.write_text(SERVICES_YAML.format(today=dt.date.today().isoformat()), encoding="utf-8")
    (tmp_path / "territorio.geojson").write_bytes((ROOT / "territorio.geojson").read_bytes())
    damaged = f"# cache\n<<<<<<< HEAD\n{ENTRY}=======\n>>>>>>> altro-ramo\n"
    (tmp_path / "geocache.yaml").write_text(damaged, encoding="utf-8")

    assert main(["geocode", str(data), "--provider-url", nominatim.url]) == 1

    err = capsys.readouterr().err
    assert (
        f"{tmp_path / 'geocache.yaml'}:2:1: error: Conflitto di merge non risolto (righe 2-8)"
        in err
    )
    assert nominatim.requests == []
    assert (tmp_path / "geocache.yaml").read_text(encoding="utf-8") == damaged


def photon(coordinates: list, **props) -> dict:
    properties = {
        "housenumber": "1",
        "street": "Via Roma",
        "city": "Pioltello",
        "postcode": "20096",
        "country": "Italia",
        **props,
    }
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": coordinates},
        "properties": {k: v for k, v in properties.items() if v is not OMIT},
    }
    return {"type": "FeatureCollection", "features": [feature]}


LON_LAT = [PIOLTELLO[1], PIOLTELLO[0]]


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (photon(LON_LAT), ("found", "civico")),
        (photon(LON_LAT, type="house"), ("found", "civico")),
        (photon(LON_LAT, type="street", housenumber=OMIT), ("found", "via")),
        (photon(LON_LAT, type="city"), ("refused", TOWN)),
        (photon(LON_LAT, type="district", housenumber=OMIT), ("refused", ZONE)),
        (
            photon([13.3615, 38.1157], city="Palermo"),
            (
                "refused",
                "il risultato è fuori dal comune di Pioltello: è fuori dal territorio della mappa, "
                "«1, Via Roma, 20096, Via Roma, Palermo, Italia»",  # geopy's name for Photon
            ),
        ),
        (photon([200.0, 45.5]), ("failed", "la longitudine 200 è fuori dall'intervallo")),
        (photon([9.3, float("nan")]), ("failed", "la latitudine «nan» non è un numero finito")),
        (photon([9.3, "nan"]), ("failed", "la latitudine «nan» non è un numero")),
        (photon([9.3]), ("failed", "un risultato non ha `geometry.coordinates` [lon, lat]")),
        ({"features": "none"}, ("failed", "non è una FeatureCollection GeoJSON")),
    ],
    ids=[
        "details",
        "house",
        "street",
        "city",
        "district",
        "palermo",
        "lon-200",
        "nan",
        "nan-text",
        "one",
        "no-features",
    ],
)
def test_photon_provider_uses_free_text_and_the_same_checks(
    nominatim, territory, tmp_path, capsys, reply, expected
):
    nominatim.route("Via Roma 1, 20096 Pioltello, Italia", Reply(body=reply))
    cache_file = tmp_path / "geocache.yaml"

    status = geocode_services(
        [svc("roma", "Via Roma 1")],
        territory,
        cache_file,
        settings(nominatim.url, provider="photon"),
    )

    (request,) = nominatim.requests
    assert request.path == "/api"
    if expected[0] == "failed":
        assert status == 1
        assert cache_yaml(cache_file) == {}
        assert f"risposta del servizio non valida: {expected[1]}" in capsys.readouterr().err
        return
    assert status == 0
    entry = cache_yaml(cache_file)["via roma 1, 20096, pioltello, mi"]
    assert entry["provider"] == "photon"
    judged = entry["precision"] if entry["status"] == "found" else entry["reason"]
    assert (entry["status"], judged) == expected
