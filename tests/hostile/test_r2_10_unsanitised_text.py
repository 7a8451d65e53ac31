"""Round two, case 10: text that still reached the terminal raw. The store-problem dialog's path
and message, a key name from the config, argparse's echo of what was typed, "corpus not found",
and JSON export, which now escapes C1 controls and bidirectional overrides as JSON does."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_corpus import CLEAR, OSC52

from reader.config import load_config

SEED = "000_6942a464acb45268"
ESC = "\x1b"


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, BALDREADER_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=120, env=env)


@pytest.mark.app
async def test_the_store_problem_dialog_shows_its_path_and_message_as_text(tmp_path: Path, seeds: Path) -> None:
    from reader.ui.app import ReaderApp
    from reader.ui.screens.store_problem import StoreProblemScreen

    folder = tmp_path / f"notes{OSC52}{CLEAR}"
    folder.mkdir()
    store = folder / "notes.yaml"
    store.write_text("version: [unclosed\n")  # cannot be parsed: the dialog comes up
    app = ReaderApp(corpus=seeds, home=tmp_path / "home", store=store)

    async def run_app() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            while not isinstance(app.screen, StoreProblemScreen):
                await pilot.pause(0.05)
            await pilot.pause(0)
            shown = app.export_screenshot()
            assert ESC not in shown and "␛]52;c;aGFja2Vk␛\\" in shown.replace("&#160;", " ")
            await pilot.press("escape")

    await asyncio.wait_for(run_app(), timeout=120)


@pytest.mark.unit
def test_a_config_key_with_an_escape_is_refused(isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True, exist_ok=True)
    (isolated_home / "config.yaml").write_text(
        json.dumps({"keys": {"app.quit": f"q,{CLEAR}x", f"app.help{OSC52}": "h"}}), encoding="utf-8"
    )
    config = load_config(isolated_home)
    assert "app.quit" not in config.keymap  # never shown in the footer
    assert len(config.problems) == 1 and all(ESC not in p for p in config.problems)


@pytest.mark.unit
@pytest.mark.parametrize(
    "args",
    [
        ["list", f"--x{CLEAR}"],
        ["--corpus", f"/nope{OSC52}"],
        ["search", "--corpus", f"/nope{OSC52}", "x"],
        ["index", "--corpus", f"/nope{OSC52}"],
    ],
    ids=["argparse", "read", "search", "index"],
)
def test_shell_messages_echo_nothing_raw(isolated_home: Path, args: list[str]) -> None:
    out = run(isolated_home, *args)
    assert out.returncode == 2
    assert ESC not in out.stderr and "\x07" not in out.stderr
    assert "␛" in out.stderr  # shown, as a symbol


@pytest.mark.unit
def test_json_export_escapes_what_a_terminal_would_act_on(isolated_home: Path) -> None:
    text = "c1 \u009b csi, \u0085 next line, \u202e reversed"
    assert run(isolated_home, "notes", "add", SEED, "--text", text).returncode == 0
    out = run(isolated_home, "export", "--format", "json")
    assert out.returncode == 0, out.stderr
    for raw, escaped in (("\u009b", "\\u009b"), ("\u0085", "\\u0085"), ("\u202e", "\\u202e")):
        assert raw not in out.stdout and escaped in out.stdout
    notes = json.loads(out.stdout)["notes"]
    assert [n["text"] for n in notes] == [text]  # exact once parsed
