"""Round two, case 4: a user data folder that cannot be written (a read-only file system, a
file where the folder should be, HOME unset) still lets the reader read, list, analyse, search
and see its notes; a write that cannot happen says so, with no traceback."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import wait_loaded

SEED = "000_6942a464acb45268"
READING = [["list"], ["analyze"], ["notes", "list"], ["bookmarks", "list"], ["export"], ["themes"]]


def _blocked_home(tmp_path: Path) -> Path:
    """A home under a regular file: no folder can ever be made there (ENOTDIR, even as root)."""
    (tmp_path / "a-file").write_text("x")
    return tmp_path / "a-file" / "home"


def run(args: list[str], env: dict[str, str], prefix: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [*(prefix or []), sys.executable, "-m", "reader", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env)


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, TMPDIR=str(tmp_path / "tmp"), **extra)
    env.pop("BALDREADER_HOME", None)
    (tmp_path / "tmp").mkdir(exist_ok=True)
    return env


@pytest.mark.unit
@pytest.mark.parametrize("command", READING, ids=" ".join)
def test_reading_commands_work(tmp_path: Path, command: list[str]) -> None:
    out = run(["--home", str(_blocked_home(tmp_path)), *command], _env(tmp_path))
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.unit
def test_search_and_index_use_a_private_temporary_folder(tmp_path: Path) -> None:
    env = _env(tmp_path)
    home = str(_blocked_home(tmp_path))
    search = run(["--home", home, "search", "insider"], env)
    assert search.returncode == 0, search.stderr
    assert " hits" in search.stderr and "Traceback" not in search.stderr
    assert "the user data folder cannot be written" in search.stderr
    assert str(tmp_path / "tmp") in search.stderr  # where the index went instead
    index = run(["--home", home, "index"], env)
    assert index.returncode == 0 and "5 articles indexed" in index.stdout, index.stderr


@pytest.mark.unit
def test_a_write_that_cannot_happen_says_so(tmp_path: Path) -> None:
    env = _env(tmp_path)
    out = run(["--home", str(_blocked_home(tmp_path)), "notes", "add", SEED, "--text", "kept?"], env)
    assert out.returncode != 0
    assert "cannot be written" in out.stderr and "nothing was saved" in out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.unit
def test_home_unset_and_no_user_entry(tmp_path: Path, monkeypatch, capsys) -> None:
    """No HOME and no password entry (a container's bare uid): platformdirs gives a relative
    "~/.local/share/baldreader", which must not be made in the current folder."""
    import pwd

    from reader.cli import main

    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "BALDREADER_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(pwd, "getpwuid", lambda uid: (_ for _ in ()).throw(KeyError(uid)))
    monkeypatch.chdir(tmp_path)
    assert main(["search", "insider"]) == 0
    err = capsys.readouterr().err
    assert "HOME is not set" in err and "3 hits" in err
    assert not (tmp_path / "~").exists()


def _can_mount_read_only() -> bool:
    if shutil.which("unshare") is None or os.geteuid() != 0:
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount -t tmpfs -o ro tmpfs /mnt && ! touch /mnt/x 2>/dev/null"],
        capture_output=True,
        timeout=30,
    )
    return probe.returncode == 0


@pytest.mark.unit
@pytest.mark.skipif(not _can_mount_read_only(), reason="needs root and mount namespaces for a read-only file system")
def test_a_read_only_file_system(tmp_path: Path, seeds: Path) -> None:
    home = tmp_path / "ro-home"
    home.mkdir()
    env = _env(tmp_path)
    script = (
        f'mount -t tmpfs -o ro tmpfs "{home}" && for c in "list" "notes list" "export" "search insider"; do '
        f'"{sys.executable}" -m reader --home "{home}" $c > /dev/null || exit 1; done; '
        f'"{sys.executable}" -m reader --home "{home}" notes add {SEED} --text kept; echo "add:$?"'
    )
    out = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=300, env=env)
    assert "add:2" in out.stdout, out.stdout + out.stderr
    assert "Read-only file system" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.app
async def test_the_app_starts_reads_and_searches(tmp_path: Path, seeds: Path, monkeypatch) -> None:
    from reader.ui.app import ReaderApp
    from reader.ui.screens.main import MainScreen

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    home = _blocked_home(tmp_path)
    app = ReaderApp(corpus=seeds, home=home, store=home / "notes.yaml")

    async def run_app() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_loaded(pilot)
            assert any("user data folder cannot be written" in p for p in app.startup_problems)
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await pilot.press("/", *"insider")
            for _ in range(400):
                if screen.search.result is not None:
                    break
                await pilot.pause(0.05)
            assert screen.search.result is not None and screen.search.result.total == 3
            await pilot.press("escape", "escape", "q")

    await asyncio.wait_for(run_app(), timeout=120)
    assert app.return_code in (0, None)
