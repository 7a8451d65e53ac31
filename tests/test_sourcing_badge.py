"""The sourcing badge: the share of an article's claims resting on anonymous sources, in the
article list."""

from __future__ import annotations

from conftest import wait_loaded

from reader.analysis import Analysis
from reader.analysis.source_types import Claim
from reader.analysis.sourcing import sourcing_badge
from reader.ui.app import ReaderApp
from reader.ui.widgets.article_list import ArticleList


def _claims(*sources: str) -> Analysis:
    return Analysis(claims=[Claim(0, 1, "x", "quote", s, None) for s in sources])


def test_badge_follows_the_anonymous_share() -> None:
    assert sourcing_badge(_claims()) == "·"
    assert sourcing_badge(_claims("named", "publication")) == "○"
    assert sourcing_badge(_claims("anonymous", "named", "named")) == "◔"
    assert sourcing_badge(_claims("anonymous", "named")) == "◑"
    assert sourcing_badge(_claims("anonymous", "anonymous", "anonymous", "named")) == "◕"
    assert sourcing_badge(_claims("anonymous", "anonymous")) == "●"


async def test_list_shows_each_articles_badge(seeds, isolated_home) -> None:
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_loaded(pilot)
        screen = app.screen
        articles = app.screen.query_one(ArticleList)
        for row, entry in enumerate(articles.entries):
            expected = sourcing_badge(screen.analysis.analyses[entry.id])
            line = "".join(seg.text for seg in articles.render_line(row))
            assert f" {expected} " in line, (entry.id, line)
        # Seed 000 rests mostly on insiders (two thirds of its claims or more).
        seed_000 = next(e.id for e in articles.entries if e.id.startswith("000"))
        assert sourcing_badge(screen.analysis.analyses[seed_000]) in "◑◕"
