"""End to end: the real `baldreader` in a 120x40 tmux session, driven by keys, read by capture-pane."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

BALDREADER = Path(sys.executable).parent / "baldreader"


SOCKET = f"baldreader-test-{os.getpid()}"


def tmux(*args: str) -> str:
    """tmux on a server of the tests' own, so a user's tmux settings and sessions play no part."""
    return subprocess.run(
        ["tmux", "-L", SOCKET, "-f", "/dev/null", *args], capture_output=True, text=True, check=True
    ).stdout


def screen(session: str) -> str:
    return tmux("capture-pane", "-p", "-t", session)


def wait_for(session: str, text: str, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    shown = ""
    while time.monotonic() < deadline:
        shown = screen(session)
        if text in shown:
            return shown
        time.sleep(0.1)
    raise AssertionError(f"{text!r} not on screen:\n{shown}")


def keys(session: str, *names: str) -> None:
    for name in names:  # one at a time, as a person types
        tmux("send-keys", "-t", session, name)
        time.sleep(0.15)


@pytest.fixture
def session(isolated_home):
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    assert BALDREADER.exists(), "the baldreader script is not installed in this environment"
    name = f"baldreader-test-{uuid.uuid4().hex[:8]}"
    env = f"-u COLUMNS -u LINES BALDREADER_HOME={isolated_home} TERM=xterm-256color"
    tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "40", "sleep 600")
    tmux("set-option", "-t", name, "window-size", "manual")
    tmux("resize-window", "-t", name, "-x", "120", "-y", "40")
    tmux("respawn-pane", "-k", "-t", name, f"env {env} {BALDREADER}; echo BALDREADER-EXITED; sleep 60")
    yield name
    subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)


def test_read_navigate_help_and_quit_in_tmux(session, isolated_home) -> None:
    first = wait_for(session, "5 of 5 articles · by date")
    assert tmux("display-message", "-p", "-t", session, "#{pane_width}x#{pane_height}").strip() == "120x40"
    assert "baldreader" in first.splitlines()[0]
    assert "Site boilerplate" not in first  # 003 opens first: its derived title is shown
    assert "(title derived from the text)" in first
    keys(session, "j")
    shown = wait_for(session, "RadarOnline.com can reveal")
    assert "Alec and Hilaria Baldwin 'Headed for Divorce'" in shown
    keys(session, "j", "Enter")
    wait_for(session, "↓ Next paragraph")
    keys(session, "j")
    shown = wait_for(session, "Site boilerplate hidden (163 words)")
    assert "Alec Baldwin’s wife Hilaria has jokingly responded" in shown
    keys(session, "?")
    wait_for(session, "main.next_pane")
    keys(session, "Escape", "Escape", "s")
    wait_for(session, "5 of 5 articles · by title")
    keys(session, "q")
    wait_for(session, "BALDREADER-EXITED")
    state = (isolated_home / "state.yaml").read_text()
    assert "002_1431a84462aa771a" in state and "block: 1" in state and "sort: title" in state


def relaunch(session: str, isolated_home: Path, cwd: Path) -> None:
    env = f"-u COLUMNS -u LINES BALDREADER_HOME={isolated_home} TERM=xterm-256color"
    tmux("respawn-pane", "-k", "-t", session, f"cd {cwd} && env {env} {BALDREADER}; echo BALDREADER-EXITED; sleep 60")


def test_note_bookmark_relaunch_and_export_in_tmux(session, isolated_home, tmp_path) -> None:
    wait_for(session, "5 of 5 articles · by date")
    keys(session, "j", "Enter")
    wait_for(session, "↓ Next paragraph")  # the reading pane has focus: its keys are in the footer
    keys(session, "j", "j", "b")
    wait_for(session, "Bookmarked ¶3.")
    keys(session, "a")
    wait_for(session, "New note")
    tmux("send-keys", "-t", session, "-l", "Who filmed this? Check the video.")
    time.sleep(0.3)
    keys(session, "C-s")
    wait_for(session, "Note added.")
    keys(session, "q")
    wait_for(session, "BALDREADER-EXITED")

    relaunch(session, isolated_home, tmp_path)
    shown = wait_for(session, "★ ✎1")
    assert "▸ ★Alec and Hilaria" in shown  # the list marks the article too
    keys(session, "o")
    wait_for(session, "Notes and bookmarks: 1 note(s), 1 bookmark(s)")
    shown = wait_for(session, "Who filmed this? Check the video.")  # the list fills after the title
    keys(session, "Escape", "E")
    wait_for(session, "Export 1 note(s)")
    keys(session, "Enter")
    wait_for(session, "Exported 1 note(s) to")
    exported = (tmp_path / "baldreader-notes.md").read_text()
    assert "## Alec and Hilaria Baldwin 'Headed for Divorce'" in exported
    assert "> At the recent Planet Hollywood launch in Times Square" in exported
    assert "Who filmed this? Check the video." in exported
    assert "verdict: **unverified**" in exported
