"""The WCAG 2 contrast of every text/background pair the reading pane draws under a theme: body
text, headings, names, hedges and the search hits, on the page, on the cursor paragraph and on
each claim tint. `baldreader themes` reports pairs under 4.5:1 (WCAG's AA level for body text)
in a user's theme; a test keeps every bundled theme above it."""

from __future__ import annotations

from typing import NamedTuple

from textual.color import Color
from textual.theme import Theme

from reader.ui.highlight import PERSON_COLOURS, Palette

AA = 4.5  # WCAG 2.x, level AA, normal-size text
SEARCH_TEXT = "#000000"  # the search controller draws hits as black text on the search colour


class Pair(NamedTuple):
    what: str  # e.g. "person-3 on anonymous tint"
    foreground: str
    background: str
    ratio: float


def luminance(colour: str) -> float:
    """WCAG's relative luminance of an sRGB colour."""
    parsed = Color.parse(colour)

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(parsed.r) + 0.7152 * channel(parsed.g) + 0.0722 * channel(parsed.b)


def contrast_ratio(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def css_variables(theme: Theme) -> dict[str, str]:
    """The variables an app running `theme` gives its CSS (as App.get_css_variables does)."""
    return {**theme.to_color_system().generate(), **theme.variables}


def drawn_pairs(theme: Theme) -> list[Pair]:
    """Every text/background pair of the reading pane under `theme`, with its contrast."""
    variables = css_variables(theme)
    palette = Palette.from_variables(variables)
    foreground = variables.get("foreground", "#e0e0e0")
    backgrounds = {"page": palette.background, "cursor": variables.get("cursor", palette.background)}
    backgrounds |= {f"{kind} tint": tint for kind, tint in palette.tints.items()}
    texts = {"text": foreground, "hedge": palette.hedge}
    texts |= {f"person-{i + 1}": palette.people[i] for i in range(PERSON_COLOURS)}
    pairs = [
        Pair(f"{what} on {where}", fg, bg, contrast_ratio(fg, bg))
        for where, bg in backgrounds.items()
        for what, fg in texts.items()
    ]
    accent = variables.get("accent")
    if accent:  # sub-headings; never tinted
        pairs += [
            Pair(f"heading on {w}", accent, backgrounds[w], contrast_ratio(accent, backgrounds[w]))
            for w in ("page", "cursor")
        ]
    pairs.append(Pair("search hit", SEARCH_TEXT, palette.search, contrast_ratio(SEARCH_TEXT, palette.search)))
    return pairs


def weak_pairs(theme: Theme, minimum: float = AA) -> list[Pair]:
    return [pair for pair in drawn_pairs(theme) if pair.ratio < minimum]
