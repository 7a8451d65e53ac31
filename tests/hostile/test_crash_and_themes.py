"""Issue 9, items 14 and 15: a crash exits non-zero and leaves its traceback in a log file the
user is told about; a theme whose numbers are not numbers is refused, not chosen."""

from __future__ import annotations

import pytest
from conftest import quiet, wait_loaded

from reader.cli import finished
from reader.ui.app import ReaderApp
from reader.ui.themes import theme_from_mapping


async def test_an_unexpected_error_exits_1_with_a_log(seeds, isolated_home, capsys) -> None:
    app = ReaderApp(corpus=seeds, home=isolated_home)

    def broken() -> None:
        raise ZeroDivisionError("a bug")

    with pytest.raises(ZeroDivisionError):
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_loaded(pilot)
            app.call_later(broken)
            await quiet(pilot)
    assert app.return_code == 1
    assert app.crash_log is not None and app.crash_log.parent == isolated_home / "logs"
    log = app.crash_log.read_text()
    assert "ZeroDivisionError: a bug" in log and "Traceback" in log
    assert finished(app) == 1
    assert str(app.crash_log) in capsys.readouterr().err


async def test_a_normal_quit_exits_0(seeds, isolated_home) -> None:
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("q")
    assert finished(app) == 0 and app.crash_log is None


@pytest.mark.parametrize("spread", [float("nan"), float("inf"), -1, 2, True, "0.2"])
def test_luminosity_spread_must_be_a_number_from_0_to_1(spread) -> None:
    with pytest.raises(ValueError, match="luminosity_spread"):
        theme_from_mapping({"name": "x", "primary": "#ffffff", "luminosity_spread": spread}, "x.yaml")


@pytest.mark.parametrize("name", ["[/]", "[bold]x", "a\x1b]52;c;eA==\x07", "x" * 41, "two words"])
def test_theme_names_are_plain(name) -> None:
    with pytest.raises(ValueError, match="not a theme name"):
        theme_from_mapping({"name": name, "primary": "#ffffff"}, "x.yaml")
