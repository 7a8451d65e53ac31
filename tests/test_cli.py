"""The command line, run as a user would: the installed `baldreader` script and `python -m reader`."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import write


def run(*args: str, **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=60, **kw)


def test_version_and_help() -> None:
    from reader import __version__

    assert run("--version").stdout.strip() == f"baldreader {__version__}"
    out = run("--help").stdout
    assert "--corpus PATH" in out and "--home DIR" in out and "list" in out


def test_list_json_on_seeds() -> None:
    result = run("list", "--json")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 5
    assert {r["id"][:3] for r in rows} == {"000", "001", "002", "003", "004"}
    assert all(set(r) >= {"id", "path", "title", "date", "words", "problems"} for r in rows)


def test_list_reports_bad_files_on_stderr(corpus_dir) -> None:
    write(corpus_dir, "ok.txt", "Fine Title\nText.\n")
    write(corpus_dir, "empty.txt", "")
    result = run("list", "--corpus", str(corpus_dir))
    assert result.returncode == 0
    assert "Fine Title" in result.stdout
    assert "empty.txt: empty file" in result.stderr


def test_corpus_env_and_missing_corpus(corpus_dir, monkeypatch) -> None:
    write(corpus_dir, "only.txt", "Only One Here\nText.\n")
    import os

    env = dict(os.environ, BALDREADER_CORPUS=str(corpus_dir))
    assert "Only One Here" in run("list", env=env).stdout
    missing = run("list", "--corpus", str(corpus_dir / "nope"))
    assert missing.returncode == 2 and "corpus not found" in missing.stderr
    app_missing = run("--corpus", str(corpus_dir / "nope"))
    assert app_missing.returncode == 2 and "corpus not found" in app_missing.stderr


def test_themes_command() -> None:
    out = run("themes").stdout
    assert "baldreader-dark  (dark)" in out and "baldreader-light  (light)" in out


def test_output_cut_short_by_a_closed_pipe_exits_quietly(corpus_dir, isolated_home) -> None:
    """Issue 12, item 14: `baldreader list --json | head -1` printed a BrokenPipeError traceback.
    The output (~100 KB) is larger than a pipe holds, so the writer meets the closed pipe."""
    for i in range(700):
        write(corpus_dir, f"story-{i:04}.txt", f"Story number {i} about a walrus\n\nThe walrus sang {i} times.\n")
    for args in (["list", "--json"], ["search", "--json", "--limit", "700", "walrus"], ["list"]):
        process = subprocess.Popen(
            [sys.executable, "-m", "reader", "--corpus", str(corpus_dir), "--home", str(isolated_home), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # what `head -1` does after one line
        errors = process.stderr.read().decode()
        assert process.wait(timeout=120) == 0, errors
        assert first and "Traceback" not in errors and "BrokenPipe" not in errors
