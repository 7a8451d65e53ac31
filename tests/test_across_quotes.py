"""Quotes that travel (issue 13, item 3): the same quotation in several articles, grouped,
ordered by article date with the earliest marked and wording changes shown; short stock
phrases never make a group. Articles written for these tests, plus the seeds."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_reader, write

from reader.across.quotes import QuoteGroup, article_quotes, travelling_quotes
from reader.analysis import analyze
from reader.corpus import load_corpus
from reader.corpus.parse import parse_article


def article(article_id: str, body: str, date: str | None) -> object:
    marker = f"date {date} " if date else ""  # the corpus's date marker, before the headline
    text = f"{marker}Headline for {article_id}\n\n{body}\n"
    return parse_article(text, article_id=article_id, path=Path(f"{article_id}.txt"), content_hash=article_id)


def groups_of(*articles: object) -> list[QuoteGroup]:
    return travelling_quotes(q for a in articles for q in article_quotes(a, analyze(a)))  # type: ignore[arg-type]


def test_one_quotation_in_three_articles_is_one_group_earliest_first() -> None:
    found = groups_of(
        article("a-late", "“We will never sell the farm, not for any price,” Mara Quinn said on Friday.", "2024-05-02"),
        article("b-early", 'Mara Quinn told us: "We will never sell the farm, not for any price."', "2023-11-20"),
        article("0-undated", "As Quinn put it: 'WE WILL NEVER SELL THE FARM, not for any price'.", None),
    )
    assert len(found) == 1
    order = [o.article for o in found[0].occurrences]
    assert order == ["b-early", "a-late", "0-undated"]  # by date, undated last (not by id)
    assert [o.earliest for o in found[0].occurrences] == [True, False, False]
    assert all(o.changes == [] for o in found[0].occurrences)
    assert found[0].occurrences[1].speaker == "Mara Quinn"


def test_a_reworded_quotation_joins_its_group_and_shows_what_changed() -> None:
    found = groups_of(
        article(
            "a", '"The council has ignored every warning we gave them about the bridge," Ivo Brandt said.', "2024-01-01"
        ),
        article(
            "b",
            '"The council ignored every single warning we gave them about the bridge," Ivo Brandt said.',
            "2024-02-01",
        ),
    )
    assert len(found) == 1
    later = found[0].occurrences[1]
    assert ("has ignored every", "ignored every single") in later.changes or later.changes == [
        ("has", ""),
        ("", "single"),
    ]


def test_short_stock_phrases_and_different_quotations_make_no_group() -> None:
    found = groups_of(
        article(
            "a", '"I don\'t know," Lena Park said. "We are thrilled about the new season of the show."', "2024-01-01"
        ),
        article(
            "b", '"I don\'t know," Tom Reyes said. "We are worried about the old roof of the stadium."', "2024-01-02"
        ),
        article("c", '"I don\'t know what to say," Ana Ruiz said.', "2024-01-03"),
        article("d", '"I don\'t know what to say," Paul Martin said.', "2024-01-04"),
    )
    assert found == []


def test_one_article_repeating_a_quotation_is_no_group() -> None:
    one = article(
        "a",
        '"When I am talking, you are not talking," she said. Later: "When I am talking, you are not talking."',
        None,
    )
    assert groups_of(one) == []


def test_the_seeds_quotation_that_travels_through_three_articles() -> None:
    corpus = load_corpus(Path(__file__).resolve().parent.parent / "seeds")
    groups = travelling_quotes(q for a in corpus.articles for q in article_quotes(a, analyze(a)))
    talking = [g for g in groups if "you’re not talking" in g.quote.replace("'", "’")]
    assert len(talking) == 1
    assert sorted(o.article[:3] for o in talking[0].occurrences) == ["000", "001", "002"]


def test_quotes_json_is_one_object_per_group(corpus_dir: Path) -> None:
    write(
        corpus_dir,
        "a.txt",
        'date 2024-03-01 First Headline\n\n"We will rebuild the old mill by next summer," Ada Voss said.\n',
    )
    write(
        corpus_dir,
        "b.txt",
        'date 2024-03-09 Second Headline\n\nAda Voss said: "We will rebuild the old mill by next summer."\n',
    )
    result = run_reader("quotes", "--json", "--corpus", str(corpus_dir))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 1
    assert rows[0]["articles"] == 2
    assert [o["earliest"] for o in rows[0]["occurrences"]] == [True, False]
    assert set(rows[0]["occurrences"][0]) == {
        "article",
        "title",
        "date",
        "start",
        "end",
        "text",
        "speaker",
        "earliest",
        "changes",
    }
