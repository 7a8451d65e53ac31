"""What the app remembers between runs (`state.yaml`): last article and paragraph per corpus,
the theme, the sort order, the highlighting layers shown, whether the side panel is open and
which pane had the focus. Machine-written, but written atomically like user data."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

import yaml

from reader.entries import SORTS
from reader.helpers import safeyaml
from reader.helpers.atomic import write_atomic
from reader.helpers.safefile import read_regular

STATE_NAME = "state.yaml"
STATE_VERSION = 1


@dataclass
class State:
    theme: str | None = None
    sort: str = "date"
    positions: dict[str, dict[str, object]] = field(default_factory=dict)
    search_history: list[str] = field(default_factory=list)
    layers: dict[str, bool] = field(default_factory=dict)  # names, claims, hedges, tints: shown or not
    panel: bool | None = None  # the side panel open; None: by the terminal's width
    focus: str = "list"  # "list" or "reader"

    def position(self, corpus: Path) -> tuple[str | None, int]:
        entry = self.positions.get(str(corpus), {})
        article = entry.get("article")
        block = entry.get("block", 0)
        return (article if isinstance(article, str) else None, block if isinstance(block, int) and block >= 0 else 0)

    def remember(self, corpus: Path, article: str, block: int) -> None:
        self.positions[str(corpus)] = {"article": article, "block": block}


class StateChanges(TypedDict, total=False):
    """What a part of the app may change in the saved state, in one typed message
    (ui.messages.StateChanged); the app applies it and saves once."""

    theme: str
    sort: str
    search_history: list[str]
    layer: tuple[str, bool]  # one highlighting layer shown or hidden
    panel: bool
    focus: str
    position: tuple[Path, str, int]  # corpus, article id, paragraph


def apply_changes(state: State, changes: StateChanges) -> bool:
    """Apply `changes` to `state`; True when anything differs (and so is worth saving)."""
    before = (state.theme, state.sort, list(state.search_history), dict(state.layers), state.panel, state.focus)
    positions_before = dict(state.positions)
    if "theme" in changes:
        state.theme = changes["theme"]
    if "sort" in changes and changes["sort"] in SORTS:
        state.sort = changes["sort"]
    if "search_history" in changes:
        state.search_history = list(changes["search_history"])[-50:]
    if "layer" in changes:
        name, shown = changes["layer"]
        state.layers[name] = shown
    if "panel" in changes:
        state.panel = changes["panel"]
    if "focus" in changes and changes["focus"] in ("list", "reader"):
        state.focus = changes["focus"]
    if "position" in changes:
        state.remember(*changes["position"])
    after = (state.theme, state.sort, state.search_history, state.layers, state.panel, state.focus)
    return after != before or state.positions != positions_before


def load_state(home: Path) -> State:
    """The saved state; a missing or unreadable file gives a fresh state (it holds no user work)."""
    path = home / STATE_NAME
    try:
        data = safeyaml.load(read_regular(path, 1024 * 1024))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return State()
    if not isinstance(data, dict):
        return State()
    state = State()
    if isinstance(data.get("theme"), str):
        state.theme = data["theme"]
    if data.get("sort") in SORTS:
        state.sort = data["sort"]
    history = data.get("search_history")
    if isinstance(history, list):
        state.search_history = [h for h in history if isinstance(h, str)][-50:]
    layers = data.get("layers")
    if isinstance(layers, dict):
        known = ("names", "claims", "hedges", "tints")
        state.layers = {k: v for k, v in layers.items() if k in known and isinstance(v, bool)}
    if isinstance(data.get("panel"), bool):
        state.panel = data["panel"]
    if data.get("focus") in ("list", "reader"):
        state.focus = data["focus"]
    positions = data.get("positions")
    if isinstance(positions, dict):
        state.positions = {str(k): v for k, v in positions.items() if isinstance(v, dict)}
    return state


def save_state(home: Path, state: State) -> None:
    data = {
        "version": STATE_VERSION,
        "theme": state.theme,
        "sort": state.sort,
        "positions": state.positions,
        "search_history": state.search_history,
        "layers": state.layers,
        "panel": state.panel,
        "focus": state.focus,
    }
    write_atomic(home / STATE_NAME, yaml.safe_dump(data, allow_unicode=True, sort_keys=True))
