"""Issue 9, items 3 and 4: the shell's text output never writes the corpus's control characters
to a terminal; a FIFO, a device link or a link loop never hangs a command; --json stays exact."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_corpus import BEL, OSC52, RLO, TITLE, build, terminal_problems

ARTICLES = 5  # the readable files of the hostile corpus


@pytest.fixture
def hostile(tmp_path) -> Path:
    return build(tmp_path / "corpus")


def run(*args: str, home: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    env = dict(os.environ, BALDREADER_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=timeout, env=env
    )


def test_list_one_line_per_article_nothing_raw(hostile, isolated_home) -> None:
    out = run("list", "--corpus", str(hostile), home=isolated_home, timeout=20)
    assert out.returncode == 0
    assert terminal_problems(out.stdout) == [] and terminal_problems(out.stderr) == []
    assert len(out.stdout.splitlines()) == ARTICLES  # a newline in a file name does not split a row
    assert "␛]52;c;aGFja2Vk␛\\" in out.stdout  # shown, as symbols
    assert "FIFO" in out.stderr and "device" in out.stderr and "symbolic links" in out.stderr


def test_list_json_is_exact(hostile, isolated_home) -> None:
    out = run("list", "--json", "--corpus", str(hostile), home=isolated_home, timeout=20)
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(records) == ARTICLES
    assert TITLE in [r["title"] for r in records]
    assert f"{RLO}Reversed Title Here" in [r["title"] for r in records]
    assert RLO not in out.stdout and "\x1b" not in out.stdout  # escaped as \u202e, \u001b


def test_search_and_analyze_text_output(hostile, isolated_home) -> None:
    search = run("search", "--corpus", str(hostile), "clipboard", home=isolated_home)
    assert search.returncode == 0, search.stderr
    assert "osc" in search.stdout and terminal_problems(search.stdout + search.stderr) == []
    analyze = run("analyze", "--corpus", str(hostile), home=isolated_home)
    assert terminal_problems(analyze.stdout + analyze.stderr) == []
    assert "Clipboard" in analyze.stdout
    as_json = run("analyze", "--json", "--corpus", str(hostile), home=isolated_home)
    texts = [json.loads(line).get("text", "") for line in as_json.stdout.splitlines()]
    assert any(OSC52 in t and BEL in t for t in texts)


def test_index_and_search_finish_with_a_fifo_and_device_links(hostile, isolated_home) -> None:
    out = run("index", "--corpus", str(hostile), home=isolated_home, timeout=30)
    assert out.returncode == 0 and f"{ARTICLES} articles indexed" in out.stdout


def test_notes_and_export_to_a_terminal_show_symbols(hostile, isolated_home, tmp_path) -> None:
    added = run(
        "notes",
        "add",
        "osc",
        "--text",
        f"note {OSC52} {BEL}",
        "--tag",
        f"t{BEL}",
        "--corpus",
        str(hostile),
        home=isolated_home,
    )
    assert added.returncode == 0, added.stderr
    listing = run("notes", "list", "--corpus", str(hostile), home=isolated_home)
    assert terminal_problems(listing.stdout) == [] and "␛]52" in listing.stdout
    # Export to a file (not a terminal) keeps the note exactly.
    target = tmp_path / "out.json"
    run("export", "--format", "json", "-o", str(target), "--corpus", str(hostile), home=isolated_home)
    assert json.loads(target.read_text())["notes"][0]["text"] == f"note {OSC52} {BEL}"


def test_export_to_a_terminal_is_made_visible(hostile, isolated_home) -> None:
    """stdout a real terminal (a pseudo-terminal): control characters shown as symbols."""
    import pty

    run("notes", "add", "osc", "--text", f"note {OSC52}", "--corpus", str(hostile), home=isolated_home)
    env = dict(os.environ, BALDREADER_HOME=str(isolated_home))
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(sys.executable, [sys.executable, "-m", "reader", "export", "--corpus", str(hostile)], env)
    output = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.waitpid(pid, 0)
    text = output.decode("utf-8", "replace")
    assert "note ␛" in text and terminal_problems(text) == []
