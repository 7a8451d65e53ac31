"""Test set-up: every test gets its own user data folder; the real home is never touched."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reader.helpers.paths import bundled_seeds


def isolate(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user data folder and the XDG folders in `folder`; no corpus from the environment."""
    home = folder / "home"
    monkeypatch.setenv("BALDREADER_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(folder / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / "xdg-config"))
    monkeypatch.delenv("BALDREADER_CORPUS", raising=False)
    return home


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return isolate(tmp_path, monkeypatch)


@pytest.fixture
def seeds() -> Path:
    return bundled_seeds()


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    return folder


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


async def wait_loaded(pilot, timeout: float = 10.0) -> None:
    """Wait until the main screen has loaded its corpus, analysed it, read the notes store and
    opened the search index, and shows an article (or gave up)."""
    import asyncio

    from reader.ui.screens.main import MainScreen
    from reader.ui.widgets.reading_pane import ReadingPane

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        screen = next((s for s in pilot.app.screen_stack if isinstance(s, MainScreen)), None)
        if screen is not None and screen.corpus is not None:
            articles = screen.corpus.articles
            analysed = all(a.id in screen.analysis.analyses for a in articles)
            shown = (
                screen.query_one(ReadingPane).article is not None
                and analysed
                and screen.notes.loaded
                and screen.search.ready  # its progress line gone: the panes have their final heights
            )
            if not articles or shown:
                await settled(pilot)
                return
        await pilot.pause(0.05)
    raise AssertionError("corpus did not load in time")


async def settled(pilot, checks: int = 3) -> None:
    """Wait until the layout stops moving: every scrollable part's size and scroll position,
    on every screen of the stack, the same over `checks` looks (a snapshot taken while the
    reading pane was still settling showed its scrollbar one row off)."""
    last, same = None, 0
    for _ in range(100):
        await pilot.pause(0.05)
        now = [
            (w.virtual_size, w.scroll_offset, w.size)
            for s in pilot.app.screen_stack
            for w in s.query("*")
            if w.is_scrollable
        ]
        same = same + 1 if now == last else 0
        if same >= checks:
            return
        last = now


async def quiet(pilot, timeout: float = 20.0) -> None:
    """Wait until the app has handled what it was sent, no worker is running, and the layout has
    stopped moving (`settled`): what a fixed pause used to guess at, and on a busy machine
    sometimes guessed too short."""
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    await pilot.pause()
    # The corpus folder's watch runs for as long as the corpus is open: not work to wait for.
    while any(not worker.is_finished and worker.group != "watch" for worker in pilot.app.workers):
        if loop.time() > deadline:
            raise AssertionError("workers still running: " + ", ".join(w.name for w in pilot.app.workers))
        await pilot.pause(0.02)  # polled: the loop ends as soon as the last worker does
    await pilot.pause()
    await settled(pilot)


async def background_home(pilot) -> None:
    """Scroll every part of the screen shown to its top, then let it settle: a modal's snapshot
    shows the main screen behind it, whose reading pane ends where the cursor's last move left
    it, which depends on when the analysis and the notes arrived."""
    for widget in pilot.app.screen.query("*"):
        if widget.is_scrollable:
            widget.scroll_home(animate=False)
    await settled(pilot)


def analysed(body: str) -> tuple[str, Any]:
    """An article of a plain headline and `body`, and its analysis: for the tests that write the
    sentences a name or claim rule is about."""
    from reader.analysis import analyze
    from reader.corpus.parse import parse_article

    text = "Plain Headline Here\n\n" + body
    return text, analyze(parse_article(text, article_id="t", path=Path("t.txt"), content_hash="t"))


def names_in(body: str) -> list[str]:
    """The person names found in `body`, as written."""
    text, found = analysed(body)
    return [text[m.start : m.end] for m in found.names]


def claims_in(body: str) -> list[Any]:
    """The claims found in `body`."""
    return list(analysed(body)[1].claims)


def run_reader(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`python -m reader ARGS` as a user runs it, output captured (the test's home from the
    environment the `isolated_home` fixture set)."""
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=timeout)


def keep_env() -> dict[str, str]:
    return dict(os.environ)


async def wait_until(pilot, ready, what: str = "the app", timeout: float = 20.0) -> None:
    """Let the app run until `ready()` is true (workers finish off the screen's thread)."""
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        if ready():
            await pilot.pause()
            return
        await pilot.pause(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test gets one of three markers, so the inner loop can run `pytest -m unit` (the core,
    in seconds): `e2e` (the installed baldreader in tmux, marked in its module), `app` (Pilot
    tests and SVG snapshots: async tests and the snapshot module), else `unit`."""
    import inspect

    for item in items:
        if item.get_closest_marker("e2e"):
            continue
        function = getattr(item, "function", None)
        is_app = item.path.name.startswith(("test_snapshots", "test_app", "test_hostile_app")) or (
            function is not None and inspect.iscoroutinefunction(function)
        )
        item.add_marker(pytest.mark.app if is_app else pytest.mark.unit)
