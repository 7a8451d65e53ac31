"""End to end: the real `baldreader` in a tmux session, driven by keys, read by capture-pane.

No fixed sleeps: after each key (or burst of keys, which must apply in order: issue 12, item 2)
a test waits for what the screen shows next. Issue 12 asks for 10 runs in a row:
`for i in $(seq 10); do pytest -q -m e2e || break; done`."""

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


SOCKET = f"baldreader-test-{os.getpid()}"  # replaced by each test's own server: `new_server`


def new_server(kind: str) -> str:
    """Point `tmux` at a server of this test's own and return a name for its session. Every
    fixture starts one: a server shutting down after the previous test's kill-server (or its
    last session's end) refused the next test's new-session ("server exited unexpectedly")."""
    global SOCKET
    name = f"baldreader-{kind}-{uuid.uuid4().hex[:8]}"
    SOCKET = f"{name}-{os.getpid()}"
    return name


def end_server() -> None:
    subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)


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


def wait_gone(session: str, text: str, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    shown = screen(session)
    while text in shown and time.monotonic() < deadline:
        time.sleep(0.05)
        shown = screen(session)
    assert text not in shown, f"{text!r} still on screen:\n{shown}"
    return shown


def keys(session: str, *names: str) -> None:
    """Send keys at once, as a fast typist would; the caller then waits for the screen. Escape
    ends a burst: a terminal reads escape and the key right after it as one alt+key."""
    tmux("send-keys", "-t", session, *names)


@pytest.fixture
def session(isolated_home, request):
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    assert BALDREADER.exists(), "the baldreader script is not installed in this environment"
    name = new_server("test")
    env = f"-u COLUMNS -u LINES BALDREADER_HOME={isolated_home} TERM=xterm-256color"
    width, height = getattr(request, "param", (120, 40))
    tmux("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), "sleep 600")
    tmux("set-option", "-t", name, "window-size", "manual")
    tmux("resize-window", "-t", name, "-x", str(width), "-y", str(height))
    tmux("respawn-pane", "-k", "-t", name, f"env {env} {BALDREADER}; echo BALDREADER-EXITED; sleep 60")
    yield name
    end_server()


def test_read_navigate_help_and_quit_in_tmux(session, isolated_home) -> None:
    first = wait_for(session, "5 of 5 articles · by date")
    assert tmux("display-message", "-p", "-t", session, "#{pane_width}x#{pane_height}").strip() == "120x40"
    assert "baldreader" in first.splitlines()[0]
    assert "Site boilerplate" not in first  # 003 opens first: its derived title is shown
    assert "(title derived from the text)" in first
    keys(session, "j")
    shown = wait_for(session, "RadarOnline.com can reveal")
    assert "Alec and Hilaria Baldwin 'Headed for Divorce'" in shown
    keys(session, "j", "Enter", "j")  # a burst: down, open, next paragraph
    shown = wait_for(session, "¶2: ")
    assert "Site boilerplate hidden (163 words)" in shown
    assert "Alec Baldwin’s wife Hilaria has jokingly responded" in shown
    keys(session, "?")
    wait_for(session, "main.next_pane")
    keys(session, "Escape")
    wait_gone(session, "main.next_pane")  # help closed
    keys(session, "s")  # the screen's key, whichever pane has the focus
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
    keys(session, "j", "Enter", "j", "j", "b")  # the burst of issue 12, item 2
    wait_for(session, "Bookmarked ¶3.")
    keys(session, "a")
    wait_for(session, "New note")
    tmux("send-keys", "-t", session, "-l", "Who filmed this? Check the video.")
    wait_for(session, "Check the video.")
    keys(session, "C-s")
    wait_for(session, "Note added.")
    keys(session, "q")
    wait_for(session, "BALDREADER-EXITED")

    started_in = tmp_path / "checkout"
    started_in.mkdir()
    relaunch(session, isolated_home, started_in)
    shown = wait_for(session, "★ ✎1")
    assert "▸ ★Alec and Hilaria" in shown  # the list marks the article too
    keys(session, "o")
    wait_for(session, "Notes and bookmarks: 1 note, 1 bookmark")
    wait_for(session, "Who filmed this? Check the video.")  # the list fills after the title
    keys(session, "Escape")
    wait_gone(session, "Notes and bookmarks:")
    keys(session, "E")
    wait_for(session, "Export 1 note and 1 bookmark")
    keys(session, "Enter")
    wait_for(session, "Exported 1 note and 1 bookmark to")
    assert list(started_in.iterdir()) == []  # not into the folder it was started from
    exported = (isolated_home / "exports" / "baldreader-notes.md").read_text()
    assert "## Alec and Hilaria Baldwin 'Headed for Divorce'" in exported
    assert "> At the recent Planet Hollywood launch in Times Square" in exported
    assert "Who filmed this? Check the video." in exported
    assert "verdict: **unverified**" in exported
    assert "## Bookmarks" in exported and "¶3" in exported


@pytest.mark.parametrize("session", [(80, 24)], indirect=True)
def test_at_80x24_the_panel_takes_the_lists_place_and_the_footer_fits(session, isolated_home) -> None:
    shown = wait_for(session, "of 5 articles")
    assert "? Help" in shown and "q Quit" in shown  # the footer is not cut
    keys(session, "Enter", "j")
    wait_for(session, "¶2: ")
    keys(session, "i")
    shown = wait_for(session, "People (")
    assert "of 5 articles" not in shown  # the panel replaced the list; the text keeps its width
    keys(session, "i")
    wait_for(session, "of 5 articles")
    keys(session, "q")
    wait_for(session, "BALDREADER-EXITED")


def test_q_quits_at_once_while_a_5_mb_paragraph_is_analysed_in_tmux(session, isolated_home, tmp_path) -> None:
    # Issue 10: `q` exits within 0.5 s whatever is being analysed. Measured here from the key to
    # the shell's next line, polled every 0.1 s: 0.23 to 0.44 s (the seeds: 0.22 to 0.24 s);
    # before, 0.45 to 1.79 s. The margin is for a loaded CI machine.
    corpus = tmp_path / "huge"
    corpus.mkdir()
    sentence = "Ana Ruiz said that Ben Cole met Dana Lee. "
    (corpus / "huge.txt").write_text("Huge Paragraph\n\n" + sentence * (5_000_000 // len(sentence)) + "\n")
    env = f"-u COLUMNS -u LINES BALDREADER_HOME={isolated_home} TERM=xterm-256color"
    command = f"env {env} {BALDREADER} --corpus {corpus}; echo BALDREADER-EXITED; sleep 60"
    tmux("respawn-pane", "-k", "-t", session, command)
    wait_for(session, "Ana Ruiz said that Ben Cole")  # the text is shown; its analysis takes seconds more
    assert "○" not in screen(session)  # the list's sourcing mark comes with the analysis
    keys(session, "q")
    # A hang bound (the analysis would run for seconds more); speed is for bench/.
    wait_for(session, "BALDREADER-EXITED", timeout=30)
