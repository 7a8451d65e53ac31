"""Issue 12, item 17: every text/background pair the reading pane draws has a WCAG contrast
ratio of at least 4.5:1 in every bundled theme, computed from the theme files."""

from __future__ import annotations

import pytest
from test_cli import run

from reader.helpers.paths import bundled_themes
from reader.ui.contrast import AA, contrast_ratio, drawn_pairs
from reader.ui.themes import load_theme_files

THEMES = load_theme_files(bundled_themes()).themes


def test_the_wcag_formula() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # WCAG's own example grey


@pytest.mark.parametrize("theme", THEMES, ids=[t.name for t in THEMES])
def test_every_pair_the_reading_pane_draws_is_readable(theme) -> None:
    pairs = drawn_pairs(theme)
    # text, hedges and eight person colours on the page, the cursor and four claim tints, and more
    assert len(pairs) >= 10 * 6 + 1
    weak = [f"{p.what}: {p.foreground} on {p.background} = {p.ratio:.2f}" for p in pairs if p.ratio < AA]
    assert weak == []


def test_themes_command_warns_about_a_user_theme_with_weak_contrast(isolated_home) -> None:
    folder = isolated_home / "themes"
    folder.mkdir(parents=True)
    dark = (bundled_themes() / "baldreader-dark.yaml").read_text(encoding="utf-8")
    (folder / "murky.yaml").write_text(
        dark.replace("name: baldreader-dark", "name: murky").replace('person-1: "#87d7ff"', 'person-1: "#303040"'),
        encoding="utf-8",
    )
    result = run("themes")
    assert "murky" in result.stdout and result.returncode == 0
    assert "warning: theme murky: person-1 on page has contrast" in result.stderr
    assert "baldreader-dark" not in result.stderr
