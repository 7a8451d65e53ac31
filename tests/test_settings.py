"""Themes, the config file (key remapping) and remembered state."""

from __future__ import annotations

from pathlib import Path

from conftest import write

from reader.config import load_config
from reader.helpers.paths import bundled_themes
from reader.state import State, load_state, save_state
from reader.ui.themes import load_theme_files


def test_bundled_themes_dark_light_and_high_contrast() -> None:
    loaded = load_theme_files(bundled_themes())
    assert loaded.problems == []
    by_name = {t.name: t for t in loaded.themes}
    assert {"baldreader-dark", "baldreader-light", "baldreader-contrast"} <= set(by_name)
    assert by_name["baldreader-dark"].dark and not by_name["baldreader-light"].dark
    for theme in loaded.themes:
        for var in ("person-1", "claim-quote", "claim-attributed", "claim-hedged", "source-anonymous", "search-hit"):
            assert var in theme.variables


def test_broken_theme_files_are_reported_and_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "themes"
    write(folder, "syntax.yaml", "name: x\nprimary: [unclosed\n")
    write(folder, "nocolour.yaml", "name: y\nprimary: not-a-colour\n")
    write(folder, "noname.yaml", "primary: '#ffffff'\n")
    write(folder, "good.yaml", "name: mine\nprimary: '#ff0000'\ndark: false\n")
    loaded = load_theme_files(bundled_themes(), folder)
    names = {t.name for t in loaded.themes}
    assert "mine" in names and "x" not in names and "y" not in names
    joined = "\n".join(loaded.problems)
    assert "syntax.yaml: not valid YAML (line 3" in joined
    assert "nocolour.yaml: 'primary': 'not-a-colour' is not a colour" in joined
    assert "noname.yaml: 'name' is missing" in joined


def test_config_keymap_and_bad_config(tmp_path: Path) -> None:
    write(tmp_path, "config.yaml", "keys:\n  reader.next_paragraph: 'n, down'\ntheme: baldreader-light\n")
    config = load_config(tmp_path)
    assert config.keymap == {"reader.next_paragraph": "n,down"}
    assert config.theme == "baldreader-light" and config.problems == []
    write(tmp_path, "config.yaml", "keys: [\n")
    bad = load_config(tmp_path)
    assert bad.keymap == {} and "cannot be read" in bad.problems[0]


def test_state_round_trip_and_corrupt_state(tmp_path: Path) -> None:
    state = State(theme="baldreader-light", sort="title")
    state.remember(Path("/corpus"), "004_x", 7)
    save_state(tmp_path, state)
    again = load_state(tmp_path)
    assert again.theme == "baldreader-light" and again.sort == "title"
    assert again.position(Path("/corpus")) == ("004_x", 7)
    (tmp_path / "state.yaml").write_text("{{{{ not yaml")
    assert load_state(tmp_path).position(Path("/corpus")) == (None, 0)
