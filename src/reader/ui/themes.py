"""Theme files (`themes/*.yaml`, bundled and in the user's data folder) turned into Textual themes.

A theme file names Textual's base colours and baldreader's own variables (person colours,
claim kinds, hedges, search hits). A file that cannot be used is reported and skipped; the
bundled dark theme is the fallback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from textual.color import Color, ColorParseError
from textual.theme import Theme

from reader import safeyaml
from reader.safefile import read_regular
from reader.textsafe import one_line

DEFAULT_THEME = "baldreader-dark"
THEME_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,39}")
BASE_COLOURS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
    "warning",
    "error",
    "success",
)
# baldreader's own variables, with the fallback used when a theme (e.g. a built-in Textual
# theme) does not define them.
VARIABLE_DEFAULTS = {
    **{
        f"person-{i}": c
        for i, c in enumerate(
            ["#87d7ff", "#ffafd7", "#afff87", "#ffd787", "#d7afff", "#87ffd7", "#ff8787", "#d7d787"], 1
        )
    },
    "claim-quote": "#5fafd7",
    "claim-attributed": "#af87d7",
    "claim-hedged": "#d7af5f",
    "source-anonymous": "#ff5f87",
    "hedge": "#ffd75f",
    "search-hit": "#ffff5f",
    "cursor": "#3a3a5a",
}


@dataclass
class LoadedThemes:
    themes: list[Theme] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def theme_from_mapping(data: object, source: str) -> Theme:
    """Build a Textual `Theme` from a parsed theme file; raises ValueError with a clear reason."""
    if not isinstance(data, dict):
        raise ValueError("expected a mapping of theme fields")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("'name' is missing")
    if not THEME_NAME.fullmatch(name.strip()):
        raise ValueError(
            f"'name' {one_line(name)[:40]!r} is not a theme name (letters, digits, '-', '_' and '.', at most 40)"
        )
    if "primary" not in data:
        raise ValueError("'primary' colour is missing")
    kwargs: dict[str, object] = {"name": name.strip()}
    for key in BASE_COLOURS:
        if key in data:
            kwargs[key] = _colour(data[key], key)
    if "dark" in data:
        if not isinstance(data["dark"], bool):
            raise ValueError("'dark' must be true or false")
        kwargs["dark"] = data["dark"]
    if "luminosity_spread" in data:
        spread = data["luminosity_spread"]
        if isinstance(spread, bool) or not isinstance(spread, (int, float)) or not 0.0 <= spread <= 1.0:
            raise ValueError("'luminosity_spread' must be a number from 0 to 1")
        kwargs["luminosity_spread"] = float(data["luminosity_spread"])
    variables = data.get("variables") or {}
    if not isinstance(variables, dict):
        raise ValueError("'variables' must be a mapping")
    kwargs["variables"] = {str(k): _colour(v, f"variables.{k}") for k, v in variables.items()}
    unknown = set(data) - set(BASE_COLOURS) - {"name", "dark", "luminosity_spread", "variables"}
    if unknown:
        raise ValueError(f"unknown field(s): {', '.join(sorted(map(str, unknown)))}")
    return Theme(**kwargs)  # type: ignore[arg-type]


def _colour(value: object, key: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"'{key}' must be a colour like \"#1c1c1c\"")
    try:
        Color.parse(value)
    except ColorParseError:
        raise ValueError(f"'{key}': {value!r} is not a colour") from None
    return value


def load_theme_files(*folders: Path) -> LoadedThemes:
    """Every `*.yaml` theme in `folders`; later folders override earlier ones by name."""
    loaded = LoadedThemes()
    by_name: dict[str, Theme] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.y*ml")):
            try:
                data = safeyaml.load(read_regular(path, 1024 * 1024))
                theme = theme_from_mapping(data, str(path))
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
                loaded.problems.append(f"theme {one_line(path.name)}: not valid YAML{where}; skipped")
                continue
            except (OSError, UnicodeDecodeError, ValueError) as exc:
                loaded.problems.append(f"theme {one_line(path.name)}: {exc}; skipped")
                continue
            by_name[theme.name] = theme
    loaded.themes = list(by_name.values())
    return loaded
