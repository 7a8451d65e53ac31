"""People across the corpus (issue 13, item 2): one entry per person merged by full name across
articles, with article and mention counts, first and last dates, what they are quoted saying and
what is said about them, and by whom."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_reader, write

from reader.across.people import Person, people
from reader.analysis import analyze, resolve_across
from reader.corpus.model import Article
from reader.corpus.parse import parse_article


def article(article_id: str, body: str, date: str | None) -> Article:
    marker = f"date {date} " if date else ""
    text = f"{marker}Gallery news ({article_id})\n\n{body}\n"
    return parse_article(text, article_id=article_id, path=Path(f"{article_id}.txt"), content_hash=article_id)


def by_name(*articles: Article) -> dict[str, Person]:
    analyses = [analyze(a) for a in articles]
    resolve_across(analyses)
    return {p.name: p for p in people(zip(articles, analyses, strict=True))}


def test_a_person_named_in_full_in_one_article_and_by_first_name_in_another_is_one_person() -> None:
    found = by_name(
        article("a", 'Nora Vale opened the gallery. "We waited ten years for this," Nora Vale said.', "2024-03-01"),
        article("b", 'Nora was there again. "It is a dream come true," Nora said on Sunday.', "2024-05-09"),
        article("c", 'One insider said Nora Vale "is exhausted and wants to sell the whole place".', "2023-12-24"),
    )
    nora = found["Nora Vale"]
    assert "Nora" not in found
    assert nora.articles == ["a", "b", "c"] and nora.mentions >= 5
    assert (nora.first, nora.last) == ("2023-12-24", "2024-05-09")
    assert {p.article for p in nora.says} == {"a", "b"}  # her own words, in both articles
    about = [p for p in nora.said_about if p.article == "c"]
    assert about and about[0].source == "anonymous" and about[0].speaker == "One insider"


def test_people_json_one_object_per_person_most_named_first(corpus_dir: Path) -> None:
    write(corpus_dir, "a.txt", 'date 2024-03-01 Gallery news\n\n"We waited years," Nora Vale said. Tim Vale agreed.\n')
    write(corpus_dir, "b.txt", 'date 2024-05-09 More news\n\n"It is a dream," Nora Vale said.\n')
    result = run_reader("people", "--json", "--corpus", str(corpus_dir))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["person"] for r in rows][:2] == ["Nora Vale", "Tim Vale"]
    assert rows[0]["articles"] == 2 and rows[0]["first"] == "2024-03-01" and rows[0]["last"] == "2024-05-09"
    assert set(rows[0]) == {"person", "articles", "mentions", "first", "last", "article_ids", "says", "said_about"}
    assert len({p["article"] for p in rows[0]["says"]}) == 2  # quoted in both articles


def test_a_persons_first_place_is_what_they_say_first_else_what_is_said_of_them() -> None:
    """The across view's people rows go there; it is found without making the person's lists."""
    from reader.corpus import load_corpus

    seeds = load_corpus(Path(__file__).resolve().parent.parent / "seeds").articles
    for person in by_name(*seeds).values():
        passages = person.says or person.said_about
        expected = (passages[0].article, passages[0].start) if passages else (person.articles[0], 0)
        assert person.first_place() == expected, person.name
