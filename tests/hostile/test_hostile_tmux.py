"""Issue 9 end to end: the real baldreader on the hostile corpus in tmux. tmux acts on whatever
the program writes, so an OSC 52 from an article would land in tmux's paste buffers (the
clipboard is on for this server) and a clear-screen would wipe the pane."""

from __future__ import annotations

import shutil

import pytest
from hostile_corpus import build
from test_e2e_tmux import BALDREADER, end_server, keys, new_server, screen, tmux, wait_for

pytestmark = pytest.mark.e2e


@pytest.fixture
def hostile_session(tmp_path, isolated_home):
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    corpus = build(tmp_path / "corpus")
    name = new_server("hostile")
    env = f"-u COLUMNS -u LINES BALDREADER_HOME={isolated_home} TERM=xterm-256color"
    tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "40", "sleep 600")
    tmux("set-option", "-g", "set-clipboard", "on")
    tmux("set-option", "-t", name, "window-size", "manual")
    tmux("resize-window", "-t", name, "-x", "120", "-y", "40")
    tmux(
        "respawn-pane",
        "-k",
        "-t",
        name,
        f"env {env} {BALDREADER} --corpus '{corpus}'; echo BALDREADER-EXITED $?; sleep 60",
    )
    yield name
    end_server()


def test_hostile_corpus_in_tmux_nothing_reaches_the_terminal(hostile_session) -> None:
    name = hostile_session
    wait_for(name, "5 of 5 articles")
    for _ in range(5):
        shown = tmux("capture-pane", "-p", "-e", "-t", name)  # with the escape sequences tmux keeps
        assert "\x07" not in shown and "\x1b]" not in shown
        keys(name, "j")
    keys(name, "g")  # back to the first article: its title in the header, as text
    wait_for(name, "baldreader — Clipboard ␛]52;c;aGFja2Vk␛\\ and ␛[2J clear ␇ story")
    plain = screen(name)
    assert "baldreader" in plain.splitlines()[0]  # no clear-screen wiped the header
    assert tmux("list-buffers").strip() == "", "an OSC 52 from an article reached tmux's clipboard"
    keys(name, "q")
    assert "BALDREADER-EXITED 0" in wait_for(name, "BALDREADER-EXITED")
