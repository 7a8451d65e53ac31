"""Issue 28 (first part): on whose word, on ordinary news. A description that points to one
person is that person's word (`named`, the person when the article makes it plain); a body
named with "the" speaks on record; a party's members as a group are the public; "Rep." before
a name is a title; offices held by people left unnamed stay anonymous. A one-word name that
starts one full name and ends another stands for neither; a person's gender comes from how
common the first name is for each sex. Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import analyze
from reader.analysis.name_resolution import gender
from reader.corpus.parse import parse_article
from reader.helpers.naming import across_name, by_first_and_last

pytestmark = pytest.mark.unit

TEXT = """Campaign Notes

Democratic nominee Hillary Clinton spoke in Ohio on Monday. The Democratic nominee attacked her rival's record on trade.

Judge Frank Nervo heard the case. The judge agreed with the newspaper's lawyers.

On Friday, the White House announced a new trade mission.

Democratic leaders say turnout is a worry.

"It is a good day," said Rep. Ana Ruiz (D-Md.) in a phone interview.

Officials said the plan would be delayed. The official said it was not final.

The New York businessman said he would win the state.

The Charlotte Observer found that arrests had doubled.

Former first lady Hillary Clinton toured a plant. The former first lady and U.S. senator said jobs would return.

President Barack Obama spoke on Monday. One of Mr. Obama's climate advisers pointed out that the rules were final.

Advisers to Mr. Obama say he is angry about the vote.

Governor Terry McAuliffe is popular. Those close to him say he wants a cabinet post.
"""


@pytest.fixture(scope="module")
def claims() -> dict[str, tuple[str, str | None]]:
    article = parse_article(TEXT, article_id="t", path=Path("t.txt"), content_hash="-", problems=[])
    return {c.text[:24]: (c.source, c.person) for c in analyze(article).claims}


@pytest.mark.parametrize(
    "opening, source, person",
    [
        ("The Democratic nominee a", "named", "Hillary Clinton"),  # a description, resolved
        ("The judge agreed with th", "named", "Frank Nervo"),
        ("On Friday, the White Hou", "named", None),  # a body on record
        ("Democratic leaders say t", "public", None),  # a party's members as a group
        ('"It is a good day," said', "named", "Ana Ruiz"),  # "Rep." is a title, not a rep
        ("Officials said the plan ", "anonymous", None),  # identified only by office
        ("The official said it was", "anonymous", None),
        ("The New York businessman", "named", None),  # one person, identified, never named
        ("The Charlotte Observer f", "publication", None),  # an outlet, not observers
        ("The former first lady an", "named", "Hillary Clinton"),  # one description, joined by "and"
        ("One of Mr. Obama's clima", "anonymous", None),  # an unnamed circle around someone named
        ("Advisers to Mr. Obama sa", "anonymous", None),
        ("Those close to him say h", "anonymous", None),
    ],
)
def test_source_kinds_by_the_contract(claims, opening: str, source: str, person: str | None) -> None:
    assert claims[opening] == (source, person)


def test_a_word_that_starts_one_name_and_ends_another_stands_for_neither() -> None:
    by_first, by_last = by_first_and_last(["Barack Obama", "Obama Speech", "Hilaria Baldwin"])
    assert across_name("Obama", by_first, by_last) is None  # not the caption's "Obama Speech"
    assert across_name("Hilaria", by_first, by_last) == "Hilaria Baldwin"
    assert across_name("Baldwin", by_first, by_last) == "Hilaria Baldwin"


@pytest.mark.parametrize(
    "name, expected",
    [("Donald Trump", "m"), ("John Kerry", "m"), ("Mary Smith", "f"), ("Hillary Clinton", "f"), ("Jordan Lee", "u")],
)
def test_gender_from_how_common_a_first_name_is_for_each_sex(name: str, expected: str) -> None:
    assert gender(name) == expected


def test_a_quoted_nickname_is_the_same_person() -> None:
    text = (
        'Scott Story\n\nFor 40 years, Rep. Robert C. "Bobby" Scott threw open his family home. '
        '"We won," Scott said. Later Bobby Scott told reporters he was pleased.\n'
    )
    article = parse_article(text, article_id="s", path=Path("s.txt"), content_hash="-", problems=[])
    analysis = analyze(article)
    assert {m.person for m in analysis.names} == {"Robert C Scott"}
    assert [c.person for c in analysis.claims] == ["Robert C Scott", "Robert C Scott"]


def test_mrs_before_a_surname_is_the_woman_of_that_name() -> None:
    text = (
        "Clinton Story\n\nHillary Clinton and Bill Clinton arrived together. "
        "Mrs. Clinton said the plan would pass. Mr. Clinton said nothing.\n"
    )
    article = parse_article(text, article_id="c", path=Path("c.txt"), content_hash="-", problems=[])
    people = [m.person for m in analyze(article).names if m.text in ("Clinton",)]
    assert people[-2:] == ["Hillary Clinton", "Bill Clinton"]  # "Mrs. Clinton", "Mr. Clinton"


def test_a_judge_described_first_is_the_justice_named_after() -> None:
    text = (
        "Court Story\n\nA New York judge has rejected a request to unseal the file, saying courts "
        "should not decide what voters need.\n\nManhattan Supreme Court Justice Frank Nervo "
        "rejected that argument in a ruling released Thursday.\n"
    )
    article = parse_article(text, article_id="j", path=Path("j.txt"), content_hash="-", problems=[])
    first = analyze(article).claims[0]
    assert (first.source, first.person) == ("named", "Frank Nervo")
