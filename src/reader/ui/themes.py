"""Theme files (`themes/*.yaml`, bundled and in the user's data folder) turned into Textual themes.

A theme file names Textual's base colours and baldreader's own variables (person colours,
claim kinds, hedges, search hits). A file that cannot be used is reported and skipped; the
bundled dark theme is the fallback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import yaml
from textual.color import Color, ColorParseError
from textual.css.stylesheet import Stylesheet, StylesheetParseError
from textual.theme import Theme

from reader.helpers import safeyaml
from reader.helpers.safefile import read_regular
from reader.helpers.textsafe import one_line

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
    kwargs["variables"] = {str(k): _variable(v, f"variables.{k}") for k, v in variables.items()}
    unknown = set(data) - set(BASE_COLOURS) - {"name", "dark", "luminosity_spread", "variables"}
    if unknown:
        raise ValueError(
            f"unknown {'field' if len(unknown) == 1 else 'fields'}: {', '.join(sorted(map(str, unknown)))}"
        )
    theme = Theme(**kwargs)  # type: ignore[arg-type]
    _check_as_textual_reads(theme)
    return theme


_PROPERTIES = ("color", "text-style", "background")  # where Textual's variables are used


def _parses(prop: str, value: str) -> bool:
    """Whether Textual's CSS parser accepts `value` as the value of `prop`, given through a
    variable, as the app's stylesheet gives it."""
    sheet = Stylesheet(variables={"v": value})
    sheet.add_source(f"Widget {{ {prop}: $v; }}", read_from=("theme", ""))
    try:
        sheet.parse()
    except StylesheetParseError:
        return False
    return True


@cache
def _textual_defaults() -> dict[str, str]:
    return dict(Theme(name="probe", primary="#000000").to_color_system().generate()) | VARIABLE_DEFAULTS


@lru_cache(maxsize=512)
def _property_of(name: str) -> str | None:
    """The property a variable of Textual's (or ours) stands in: the first where its own
    default value parses (`block-cursor-text-style` is a text style, `text` a colour)."""
    default = _textual_defaults().get(name)
    if default is None:
        return None
    return next((prop for prop in _PROPERTIES if _parses(prop, default)), None)


def _check_as_textual_reads(theme: Theme) -> None:
    """Every variable the theme sets, parsed by Textual's own CSS parser in the property the
    variable stands in: a theme that `baldreader themes` accepts never fails when chosen
    (`block-cursor-text-style: "red"` is a colour where Textual wants a text style, and every
    later start crashed on it once it was saved as the reader's choice)."""
    for name, value in theme.variables.items():
        prop = _property_of(name)
        if prop is not None and not _parses(prop, value):
            raise ValueError(f"'variables.{one_line(name)[:40]}': {one_line(value)[:40]!r} is not a valid {prop} value")


def _variable(value: object, key: str) -> str:
    """A variable's value: a colour, or (for Textual's style variables) words such as "bold"."""
    if not isinstance(value, str) or not value.strip() or len(value) > 80:
        raise ValueError(f'\'{key}\' must be a colour like "#1c1c1c" (or a text style such as "bold")')
    return value


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
