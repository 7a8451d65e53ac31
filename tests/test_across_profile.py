"""Sourcing profile and headline check (issue 13, item 1): claims counted by source, hedges per
1,000 words, distinct sources; a headline that states as fact what the body only has from
anonymous sources or hedges is flagged, one that the body backs on the record is not."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from conftest import run_reader, write

from reader.across.profile import Profile, profile
from reader.analysis import analyze
from reader.corpus import load_corpus
from reader.corpus.parse import parse_article


def profiled(title: str, body: str) -> Profile:
    text = f"date 2024-06-01 {title}\n\n{body}\n"
    article = parse_article(text, article_id="t", path=Path("t.txt"), content_hash="t")
    return profile(article, analyze(article))


ANONYMOUS_ONLY = (
    "The couple were seen at a gala on Friday night.\n\n"
    'One insider said: "Their marriage is over and the divorce papers are being drawn up."\n\n'
    "Another source claimed the divorce papers would be filed within weeks."
)


def test_a_headline_stating_what_only_insiders_say_is_flagged() -> None:
    found = profiled("Nora and Tim Vale Are Filing Divorce Papers", ANONYMOUS_ONLY)
    assert found.headline.flagged
    assert "anonymous" in (found.headline.reason or "")
    assert found.headline.support and all(s.source == "anonymous" for s in found.headline.support)


def test_the_same_headline_backed_on_the_record_is_not_flagged() -> None:
    body = ANONYMOUS_ONLY + '\n\nNora Vale told reporters: "We are filing the divorce papers next week."'
    found = profiled("Nora and Tim Vale Are Filing Divorce Papers", body)
    assert not found.headline.flagged
    assert any(s.source == "named" for s in found.headline.support)


def test_a_headline_that_attributes_or_asks_is_not_flagged() -> None:
    assert not profiled("Nora and Tim Vale Reportedly Filing Divorce Papers", ANONYMOUS_ONLY).headline.flagged
    assert not profiled("Are Nora and Tim Vale Filing Divorce Papers?", ANONYMOUS_ONLY).headline.flagged


def test_a_phrase_the_headline_quotes_that_the_body_never_says_is_flagged() -> None:
    found = profiled("Tim Vale 'Furious and Heartbroken' After Gala", "The couple were seen at a gala on Friday night.")
    assert found.headline.flagged
    assert "“Furious and Heartbroken”" in (found.headline.reason or "")  # as the headline writes it


def test_claims_counted_by_source_with_hedges_and_distinct_sources() -> None:
    found = profiled(
        "Gala Night",
        'Nora Vale said: "It was a lovely evening for everyone."\n\n'
        'One insider said: "They argued all night long about the house."\n\n'
        "The pair reportedly left early, and the evening was apparently cut short.",
    )
    assert found.by_source["named"] == 1 and found.by_source["anonymous"] == 1
    assert found.claims == sum(found.by_source.values()) >= 3
    assert found.hedges == 2
    assert found.sources == 2  # Nora Vale and the insider
    assert round(found.hedges_per_1000_words) == round(2000 / found.words)


def test_the_seeds_headline_that_quotes_what_the_body_never_says() -> None:
    corpus = load_corpus(Path(__file__).resolve().parent.parent / "seeds")
    flagged = {a.id[:3] for a in corpus.articles if profile(a, analyze(a)).headline.flagged}
    assert "000" in flagged  # 'Headed for Divorce': nowhere in the body
    assert "004" not in flagged


def test_profile_json_one_object_per_article_and_one_by_id(corpus_dir: Path) -> None:
    write(corpus_dir, "a.txt", "date 2024-06-01 Gala Night\n\nNora Vale said the evening was lovely.\n")
    write(corpus_dir, "b.txt", "date 2024-06-02 Other Night\n\nThe pair reportedly left early.\n")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return run_reader("profile", *args, "--corpus", str(corpus_dir))

    rows = [json.loads(line) for line in run("--json").stdout.splitlines()]
    assert len(rows) == 2
    assert set(rows[0]) == {
        "article", "title", "date", "words", "claims", "by_source", "anonymous_share", "hedges",
        "hedges_per_1000_words", "distinct_sources", "headline",
    }  # fmt: skip
    one = [json.loads(line) for line in run(rows[1]["article"], "--json").stdout.splitlines()]
    assert [r["article"] for r in one] == [rows[1]["article"]]
    missing = run("no-such-id")
    assert missing.returncode == 2 and "no article with the id" in missing.stderr


def test_entries_sorted_and_filtered_by_their_sourcing_measures() -> None:
    from reader.entries import Entry, filter_entries, sort_entries

    entries = [
        Entry("a", "Alpha", "2024-01-03", 100),
        Entry("b", "Beta", "2024-01-02", 100),
        Entry("c", "Gamma", "2024-01-01", 100),
        Entry("d", "Delta", None, 100),  # not analysed yet
    ]
    measures: dict[str, dict[str, float]] = {
        "a": {"anon": 10, "hedges": 12.5, "sources": 1, "named": 0},
        "b": {"anon": 80, "hedges": 2.0, "sources": 4, "named": 3},
        "c": {"anon": 55, "hedges": 6.0, "sources": 2, "named": 1},
    }
    assert [e.id for e in sort_entries(entries, "anonymous", measures)] == ["b", "c", "a", "d"]
    assert [e.id for e in sort_entries(entries, "hedges", measures)] == ["a", "c", "b", "d"]
    assert [e.id for e in filter_entries(entries, "anon>50", measures)] == ["b", "c"]
    assert [e.id for e in filter_entries(entries, "anon<20", measures)] == ["a"]
    assert [e.id for e in filter_entries(entries, "anonymous>50% gam", measures)] == ["c"]
    assert [e.id for e in filter_entries(entries, "hedges>5 sources<3", measures)] == ["a", "c"]
    assert [e.id for e in filter_entries(entries, "named<1", measures)] == ["a"]
    assert [e.id for e in filter_entries(entries, "hedges>5.5 anon>50", measures)] == ["c"]


async def test_the_list_sorts_by_anonymous_sourcing_and_filters_by_share(seeds, isolated_home) -> None:
    from conftest import wait_loaded

    from reader.ui.app import ReaderApp
    from reader.ui.widgets.article_list import ArticleList

    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("s", "s")  # date -> title -> anonymous sourcing
        await pilot.pause()
        articles = app.screen.query_one(ArticleList)
        assert [e.id[:3] for e in articles.entries][:2] == ["001", "000"]  # 70% and 62% anonymous
        assert "by anonymous sourcing" in str(app.screen.query_one("#list-status").render())
        await pilot.press("f", *"anon>50")
        await pilot.pause()
        assert sorted(e.id[:3] for e in articles.entries) == ["000", "001"]
        await pilot.press(*" hedges>10")  # 000: 12.2 hedges per 1,000 words, 001: 5.6
        await pilot.pause()
        assert [e.id[:3] for e in articles.entries] == ["000"]


async def test_the_list_sorts_by_hedging(seeds, isolated_home) -> None:
    from conftest import wait_loaded, wait_until

    from reader.ui.app import ReaderApp
    from reader.ui.widgets.article_list import ArticleList

    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("s", "s", "s")  # date -> title -> anonymous sourcing -> hedging
        articles = app.screen.query_one(ArticleList)
        # 003: 14.6 hedges per 1,000 words, 000: 12.2, 001: 5.6, 004: 3.5, 002: 1.8
        order = ["003", "000", "001", "004", "002"]
        await wait_until(pilot, lambda: [e.id[:3] for e in articles.entries] == order, "sorted by hedging")
        assert "by hedging" in str(app.screen.query_one("#list-status").render())
