"""Attribution in political news, on sentences written for these tests in the shapes PolNeAR
marks: positions credited to someone, refusals to comment, poll figures, transcripts."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import analyze
from reader.corpus.parse import parse_article


def claims(body: str):
    text = "Plain Headline Here\n" + body
    return analyze(parse_article(text, article_id="t", path=Path("t.txt"), content_hash="t")).claims


@pytest.mark.parametrize(
    "body, source, person",
    [
        ("Marco Ruiz spoke in Ohio. Ruiz has endorsed the governor for a second term.", "named", "Marco Ruiz"),
        ("Ana Berg spoke last. She strongly opposed the new tax on fuel.", "named", "Ana Berg"),
        ("Senator Paul Okafor declined to comment on the report.", "named", "Paul Okafor"),
        ("In the survey, 46 percent of voters said the economy was their first concern.", "public", None),
        ("Nine in 10 Democrats say the party should unite.", "public", None),
    ],
)
def test_positions_refusals_and_figures_are_credited(body: str, source: str, person: str | None) -> None:
    found = claims(body)
    assert found, body
    assert (found[-1].source, found[-1].person) == (source, person)


def test_an_expected_outcome_is_hedged() -> None:
    (claim,) = claims("The measure is widely expected to pass on Friday.")
    assert (claim.kind, claim.source) == ("hedged", "none")


def test_a_transcript_line_is_credited_to_its_speaker() -> None:
    found = claims("Chris Matthews hosted the show.\n\nMatthews: Here is the irony of our time.\n")
    assert [(c.source, c.person) for c in found] == [("named", "Chris Matthews")]


@pytest.mark.parametrize(
    "body",
    [
        "Lena Ortiz answered Sam Reyes’ attacks on her record with a new advert.",
        "The attacks on the campaign continued through the summer.",
        "A: No, nobody helped us at all.",
    ],
)
def test_nouns_and_unnamed_labels_are_not_claims(body: str) -> None:
    assert claims(body) == []
