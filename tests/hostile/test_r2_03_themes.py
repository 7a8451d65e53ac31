"""Round two, case 3: a theme is checked by parsing its variables as Textual's CSS parser will,
so one that `baldreader themes` accepts never crashes the app when chosen, and a saved choice
of a theme that cannot be used falls back to the default with a word, start after start."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import wait_loaded

from reader.state import load_state
from reader.ui.themes import DEFAULT_THEME, load_theme_files

BAD = 'name: bad\nprimary: "#ff0000"\nvariables:\n  block-cursor-text-style: "red"\n'
STYLED = 'name: styled\nprimary: "#ff0000"\nvariables:\n  block-cursor-text-style: "bold underline"\n'


def _themes(home: Path) -> Path:
    folder = home / "themes"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bad.yaml").write_text(BAD)
    (folder / "styled.yaml").write_text(STYLED)
    return folder


@pytest.mark.unit
def test_themes_command_refuses_what_textual_would_not_parse(isolated_home: Path) -> None:
    _themes(isolated_home)
    env = dict(os.environ, BALDREADER_HOME=str(isolated_home))
    out = subprocess.run(
        [sys.executable, "-m", "reader", "themes"], capture_output=True, text=True, timeout=60, env=env
    )
    assert out.returncode == 1
    assert "bad.yaml: 'variables.block-cursor-text-style': 'red' is not a valid text-style value" in out.stderr
    names = [line.split()[0] for line in out.stdout.splitlines()]
    assert "bad" not in names and "styled" in names


@pytest.mark.unit
def test_a_colour_variable_must_still_be_a_colour(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text('name: t\nprimary: "#ff0000"\nvariables:\n  person-1: "bold"\n')
    loaded = load_theme_files(tmp_path)
    assert loaded.themes == [] and "'variables.person-1': 'bold' is not a valid color value" in loaded.problems[0]


@pytest.mark.app
@pytest.mark.parametrize("wanted", ["bad", "styled"])
async def test_the_app_starts_with_a_saved_theme_it_cannot_use(isolated_home: Path, seeds: Path, wanted: str) -> None:
    from reader.state import save_state
    from reader.ui.app import ReaderApp

    _themes(isolated_home)
    state = load_state(isolated_home)
    state.theme = wanted  # chosen in an earlier run
    save_state(isolated_home, state)
    app = ReaderApp(corpus=seeds, home=isolated_home)

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_loaded(pilot)
            expected = DEFAULT_THEME if wanted == "bad" else "styled"
            assert app.theme == expected
            if wanted == "bad":
                told = app.startup_problems  # each notified at mount
                assert any("theme 'bad' not found" in m for m in told)
                assert any("'red' is not a valid text-style value" in m for m in told)
            await pilot.press("q")

    await asyncio.wait_for(run(), timeout=120)
    assert app.return_code in (0, None)
