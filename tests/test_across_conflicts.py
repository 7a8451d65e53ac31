"""Claims that disagree (issue 13, item 4): ages, marriages and article dates compared across
articles, with the articles' dates: a true contradiction is told apart from a difference the
dates explain, and an undated article is said to be unchecked. Articles written for these
tests, plus the seeds."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_reader, write

from reader.across.conflicts import CONTRADICTION, EXPLAINED, UNDATED, Conflict, conflicts
from reader.across.facts import facts_of
from reader.analysis import analyze, resolve_across
from reader.corpus import load_corpus
from reader.corpus.model import Article
from reader.corpus.parse import parse_article


def article(article_id: str, body: str, date: str | None) -> Article:
    marker = f"date {date} " if date else ""  # the corpus's date marker, before the headline
    text = f"{marker}News about the Vales ({article_id})\n\n{body}\n"
    return parse_article(text, article_id=article_id, path=Path(f"{article_id}.txt"), content_hash=article_id)


def found(*articles: Article) -> list[Conflict]:
    analyses = {a.id: analyze(a) for a in articles}
    resolve_across(list(analyses.values()))
    return conflicts((f for a in articles for f in facts_of(a, analyses[a.id])), articles)


def test_ages_a_year_apart_in_articles_months_apart_are_explained_not_contradictory() -> None:
    result = found(
        article("march", "Nora Vale, 41, opened the gallery on Friday.", "2024-03-01"),
        article("november", "Nora Vale, 42, closed the gallery on Friday.", "2024-11-20"),
    )
    assert [c.verdict for c in result] == [EXPLAINED]


def test_the_same_age_in_the_same_months_is_not_reported() -> None:
    result = found(
        article("a", "Nora Vale, 41, opened the gallery on Friday.", "2024-03-01"),
        article("b", "Nora Vale, 41, spoke at the opening.", "2024-05-01"),
    )
    assert result == []


def test_ages_that_cannot_both_be_true_are_a_contradiction() -> None:
    result = found(
        article("a", "Nora Vale, 41, opened the gallery on Friday.", "2024-03-01"),
        article("b", "Nora Vale, 45, spoke at the opening.", "2024-06-01"),
    )
    assert [(c.kind, c.subject, c.verdict) for c in result] == [("age", "Nora Vale", CONTRADICTION)]
    assert {c.first.article for c in result} | {c.second.article for c in result} == {"a", "b"}


def test_turning_an_age_this_week_and_an_age_months_later() -> None:
    result = found(
        article("a", "Tim Vale, who turns 67 this week, joked with reporters.", "2025-03-31"),
        article("b", "Tim Vale, 67, stayed in New York.", "2025-10-18"),
        article("c", "Tim Vale, 66, stayed in New York.", "2025-10-18"),
    )
    verdicts = {(c.first.article, c.second.article): c.verdict for c in result}
    assert ("a", "b") not in verdicts  # 67 since that week: the same age, consistent
    assert verdicts[("a", "c")] == CONTRADICTION  # 66 in October after turning 67 in March


def test_an_undated_article_is_said_to_be_unchecked() -> None:
    result = found(
        article("a", "Nora Vale, 41, opened the gallery on Friday.", "2024-03-01"),
        article("b", "Nora Vale, 43, opened the gallery.", None),
    )
    assert [c.verdict for c in result] == [UNDATED]


def test_marriage_lengths_checked_against_the_wedding_date() -> None:
    wedding = article("w", "Nora Vale and Tim Vale tied the knot in July 2012 in Boston.", "2012-08-01")
    too_long = article("x", "Tim Vale defended his 13-year marriage to Nora Vale.", "2025-03-31")
    fits = article("y", "Tim Vale defended his 12-year marriage to Nora Vale.", "2025-03-31")
    result = found(wedding, too_long, fits)
    pairs = {(c.first.article, c.second.article): c.verdict for c in result if c.kind == "marriage"}
    assert pairs.get(("w", "x")) == CONTRADICTION
    assert ("w", "y") not in pairs


def test_an_article_dated_before_an_event_it_names() -> None:
    show = article("show", 'Their reality series "The Vales at Home" premiered in February 2025.', "2025-03-10")
    early = article("early", "Fans of The Vales at Home were stunned by the finale.", "2022-01-18")
    later = article("later", "Fans of The Vales at Home were stunned by the finale.", "2025-06-01")
    result = [c for c in found(show, early, later) if c.kind == "article date"]
    assert [(c.subject, c.verdict) for c in result] == [("early", CONTRADICTION)]


def test_the_seeds_conflicts() -> None:
    corpus = load_corpus(Path(__file__).resolve().parent.parent / "seeds")
    result = found(*corpus.articles)
    seen = {(c.kind, c.subject[:3] if c.kind == "article date" else c.subject, c.verdict) for c in result}
    assert ("article date", "002", CONTRADICTION) in seen  # dated 2022, names a show of 2025
    assert ("age", "Alec Baldwin", UNDATED) in seen  # "her husband, 66" (undated) vs 67
    marriages = {(c.first.article[:3], c.second.article[:3]): c.verdict for c in result if c.kind == "marriage"}
    assert marriages[("000", "001")] == UNDATED  # 13-year vs 12-year marriage
    assert not any(c.subject == "Hilaria Baldwin" and c.verdict == CONTRADICTION for c in result)
    children = {(c.first.article[:3], c.second.article[:3]): c.verdict for c in result if c.kind == "children"}
    assert children == {("000", "004"): EXPLAINED, ("002", "004"): EXPLAINED, ("001", "004"): UNDATED}


def test_conflicts_json_is_one_object_per_conflict(corpus_dir: Path) -> None:
    write(corpus_dir, "a.txt", "date 2024-03-01 Gala Night\n\nNora Vale, 41, opened the gallery on Friday.\n")
    write(corpus_dir, "b.txt", "date 2024-06-01 Other Night\n\nNora Vale, 45, spoke at the opening.\n")
    result = run_reader("conflicts", "--json", "--corpus", str(corpus_dir))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["kind"], r["subject"], r["verdict"]) for r in rows] == [("age", "Nora Vale", "contradiction")]
    assert [set(p) for p in rows[0]["passages"]] == [{"article", "start", "end", "text", "value", "when"}] * 2


def test_counts_of_children_more_later_is_explained_fewer_later_is_a_contradiction() -> None:
    result = found(
        article("a", "Nora Vale and Tim Vale have three children.", "2020-05-01"),
        article("b", "Nora Vale and Tim Vale now have four children.", "2024-05-01"),
        article("c", "The couple, Nora Vale and Tim Vale, share two kids.", "2024-09-01"),
        article("d", "Nora Vale, a mother-of-four, spoke.", "2024-06-01"),
    )
    counts = {(c.first.article, c.second.article): c.verdict for c in result if c.kind == "children"}
    assert counts[("a", "b")] == EXPLAINED  # a fourth child born between 2020 and 2024
    assert counts[("b", "c")] == CONTRADICTION  # two in September after four in May
    assert counts[("a", "c")] == CONTRADICTION
    assert ("b", "d") not in counts  # four and four agree
    assert counts[("c", "d")] == CONTRADICTION


def test_a_count_with_its_own_year_and_an_undated_count() -> None:
    result = found(
        article("a", "By 2019, the couple, Nora Vale and Tim Vale, had four children.", "2025-03-01"),
        article("b", "Nora Vale and Tim Vale have seven children.", "2025-03-02"),
        article("c", "Nora Vale and Tim Vale have six children.", None),
    )
    counts = {(c.first.article, c.second.article): c for c in result if c.kind == "children"}
    assert counts[("a", "b")].verdict == EXPLAINED and "2019" in counts[("a", "b")].reason
    assert counts[("b", "c")].verdict == UNDATED
