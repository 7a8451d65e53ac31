"""Round two, case 11: `q` and another key in one burst of input (`q` then `a`, `o`, `x` or `E`,
as a fast typist or a paste sends them) quits cleanly: the second key is dropped, not run
against screens being taken down (it crashed with NoMatches, rc 1)."""

from __future__ import annotations

import shutil

import pytest
from test_e2e_tmux import BALDREADER, end_server, keys, new_server, tmux, wait_for

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("second", ["a", "o", "x", "E"])
def test_q_and_a_key_in_one_burst_quits_cleanly(isolated_home, seeds, second) -> None:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    name = new_server("burst")
    command = (
        f"env -u COLUMNS -u LINES BALDREADER_HOME={isolated_home} TERM=xterm-256color "
        f"{BALDREADER} --corpus {seeds}; echo BALDREADER-EXITED $?; sleep 60"
    )
    tmux("new-session", "-d", "-s", name, "-x", "100", "-y", "30", command)
    try:
        wait_for(name, "5 of 5 articles", timeout=60)
        keys(name, "q", second)  # one write: the app reads both keys at once
        shown = wait_for(name, "BALDREADER-EXITED", timeout=60)
        assert "BALDREADER-EXITED 0" in shown and "NoMatches" not in shown, shown
    finally:
        end_server()
