"""Round two, case 6 (and the Ctrl+Z of case 12): SIGTERM or SIGHUP to the reader leaves a
working shell (main screen, no mouse tracking, cooked mode) and no child process running; Ctrl+Z
suspends to the shell and `fg` draws the whole screen again without waiting for a key."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from test_e2e_tmux import BALDREADER, end_server, keys, new_server, tmux, wait_for

pytestmark = pytest.mark.e2e
ARTICLES = 2000  # enough that the index child is still at work when the signal comes


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir()
    words = "insider said the couple were seen at the gala with friends and family".split()
    for i in range(n):
        body = " ".join(words[(i + k) % len(words)] for k in range(400))
        (folder / f"a{i:04d}.txt").write_text(f"Story number {i}\n\n{body}.\n")
    return folder


def _pane_flags(name: str) -> tuple[str, str]:
    alternate, mouse = tmux("display", "-p", "-t", name, "#{alternate_on} #{mouse_any_flag}").split()
    return alternate, mouse


def _children_of(home: Path) -> list[str]:
    out = subprocess.run(["ps", "-ww", "-eo", "pid,args"], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if f"--home {home}" in line and "reader index" in line]


def _wait(check, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def shell(tmp_path, isolated_home):
    if shutil.which("tmux") is None or shutil.which("ps") is None:
        pytest.skip("needs tmux and ps")
    name = new_server("signal")
    tmux("new-session", "-d", "-s", name, "-x", "100", "-y", "30", "env -u COLUMNS -u LINES bash --norc --noprofile")
    keys(name, "PS1='ready> '", "Enter")
    wait_for(name, "ready>")
    yield name
    end_server()


def _start(name: str, home: Path, corpus: Path, then: str = "; echo EXITED-$?") -> int:
    keys(name, f"BALDREADER_HOME={home} TERM=xterm-256color {BALDREADER} --corpus {corpus}{then}", "Enter")
    found: list[int] = []

    def started() -> bool:
        out = subprocess.run(["pgrep", "-f", f"{BALDREADER} --corpus {corpus}"], capture_output=True, text=True)
        found.extend(int(p) for p in out.stdout.split())
        return bool(found)

    assert _wait(started)
    return found[0]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_restores_the_terminal_and_ends_the_children(shell, tmp_path, isolated_home, signum) -> None:
    corpus = _corpus(tmp_path / "corpus", ARTICLES)
    pid = _start(shell, isolated_home, corpus)
    assert _wait(lambda: bool(_children_of(isolated_home))), "the index child never started"
    assert _wait(lambda: _pane_flags(shell) == ("1", "1"))  # the reader's own modes, before
    os.kill(pid, signum)
    shown = wait_for(shell, f"EXITED-{128 + signum}", timeout=30)
    assert _pane_flags(shell) == ("0", "0"), shown  # main screen, no mouse tracking: no `reset` needed
    keys(shell, "echo typed-$((6*7))", "Enter")  # echo and line editing work (cooked mode)
    wait_for(shell, "typed-42")
    assert _wait(lambda: not _children_of(isolated_home)), _children_of(isolated_home)


def test_ctrl_z_and_fg_draw_the_screen_again(shell, isolated_home, seeds) -> None:
    _start(shell, isolated_home, seeds, then="")  # alone: a stopped job ends a list of commands
    wait_for(shell, "5 of 5 articles")
    keys(shell, "C-z")
    wait_for(shell, "Stopped")
    assert _pane_flags(shell)[0] == "0"
    keys(shell, "fg", "Enter")
    wait_for(shell, "5 of 5 articles")  # drawn with no key pressed
    keys(shell, "q")
    wait_for(shell, "ready>")
