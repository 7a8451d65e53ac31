"""The source reader's rule table (analysis/source_rules.RULES): every rule, by its name, with
sentences written for it that it decides, the kind it gives, and what a reader then sees on
the claim (source, person, organisation). A rule added without sentences fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

import reader.analysis.claim_sources as claim_sources
from reader.analysis import analyze
from reader.analysis.source_rules import RULES
from reader.analysis.source_types import Source
from reader.corpus.parse import parse_article

pytestmark = pytest.mark.unit

# rule, text, the phrase the rule reads, its kind, the last claim's (source, person, organisation)
# or None when the claim rests on another phrase of the sentence
EXAMPLES: list[tuple[str, str, str, str, tuple[str, str | None, str | None] | None]] = [
    ("no words", "While 80 percent of members backed the plan, 43 said the same for the budget.", "43", "none", None),
    ("a day", "The week began badly.\n\nWednesday added one more twist to the race.", "Wednesday", "none", None),
    (
        "pronoun",
        "Ana Ruiz spoke at the rally. She said the vote was rigged.",
        "She",
        "named",
        ("named", "Ana Ruiz", None),
    ),
    (
        "the same again",
        "Some fans said the show was too long. Others said it was too short.",
        "Others",
        "public",
        ("public", None, None),
    ),
    (
        "name ends the head",
        "Royal commentator Gillian Shaw said the couple were happy.",
        "Royal commentator Gillian Shaw",
        "named",
        ("named", "Gillian Shaw", None),
    ),
    (
        "a share",
        "Seventy-four percent of Democratic voters say the economy is weak.",
        "Seventy-four percent of Democratic voters",
        "public",
        ("public", None, None),
    ),
    (
        "someone present",
        "The mayor took questions. Then someone asked whether the budget was final.",
        "someone",
        "public",
        ("public", None, None),
    ),
    (
        "unnamed circle",
        "Advisers to the mayor say she is furious about the vote.",
        "Advisers to the mayor",
        "anonymous",
        ("anonymous", None, None),
    ),
    (
        "titled name",
        'Liberal Democrat spokeswoman for women Jane Doe said: "This is a scandal."',
        "Liberal Democrat spokeswoman for women Jane Doe",
        "named",
        ("named", "Jane Doe", None),
    ),
    (
        "spokesperson of a body",
        "A Treasury spokesperson said the figures were under review.",
        "A Treasury spokesperson",
        "named",
        ("named", None, "Treasury"),
    ),
    (
        "spokesperson of a body",
        "An Ajax spokesman said the club would appeal.",
        "An Ajax spokesman",
        "named",
        ("named", None, "Ajax"),
    ),
    (
        "spokesperson of a body",
        "A spokeswoman for the ministry said the rules were clear.",
        "A spokeswoman for the ministry",
        "named",
        ("named", None, "ministry"),
    ),
    ("anonymous word", "One insider said the couple had split.", "One insider", "anonymous", ("anonymous", None, None)),
    (
        "own words",
        "Ana Ruiz spoke. Her post said the vote was rigged.",
        "Her post",
        "named",
        ("named", "Ana Ruiz", None),
    ),
    (
        "own words",
        "Ana Ruiz spoke. Ruiz's tweet said the vote was rigged.",
        "Ruiz's tweet",
        "named",
        ("named", "Ana Ruiz", None),
    ),
    (
        "outlet or document",
        "The New York Post reports that the team avoided the hospital.",
        "The New York Post",
        "publication",
        ("publication", None, None),
    ),
    (
        "outlet or document",
        "Ivana Trump's brief said the files should stay sealed.",
        "Ivana Trump's brief",
        "publication",
        ("publication", None, None),
    ),
    ("public group", "Many voters say the race is too close.", "Many voters", "public", ("public", None, None)),
    (
        "official of someone named",
        "President Barack Obama spoke. A senior Obama administration official said the talks had stalled.",
        "A senior Obama administration official",
        "anonymous",
        ("anonymous", None, None),
    ),
    (
        "someone named",
        "Ana Ruiz ran for mayor. The Ruiz campaign said the count was wrong.",
        "The Ruiz campaign",
        "named",
        ("named", None, "Ruiz campaign"),
    ),
    (
        "outlet word",
        "Clyde Valley Public Radio reported that the mayor would resign.",
        "Clyde Valley Public Radio",
        "publication",
        ("publication", None, None),
    ),
    ("institution", "The bank said it would cut 500 jobs.", "The bank", "named", ("named", None, "bank")),
    (
        "institution",
        "Storm damage claims rose sharply, the insurer said.",
        "the insurer",
        "named",
        ("named", None, "insurer"),
    ),
    (
        "role described",
        "Striker Tom Baines scored twice. The 36-year-old said he felt fitter than ever.",
        "The 36-year-old",
        "named",
        ("named", "Tom Baines", None),
    ),
    (
        "role described",
        "Irish rider Sean Kelly won the stage. The Irishman said the climb was brutal.",
        "The Irishman",
        "named",
        ("named", "Sean Kelly", None),
    ),
    (
        "pronoun in phrase",
        "Ana Ruiz spoke to reporters. She’s said that the vote was rigged.",
        "She’s",
        "named",
        ("named", "Ana Ruiz", None),
    ),
    (
        "one described",
        "Democratic nominee Hillary Clinton spoke in Ohio. The Democratic nominee said trade deals had failed.",
        "The Democratic nominee",
        "named",
        ("named", "Hillary Clinton", None),
    ),
    (
        "party group",
        "Democratic leaders say turnout is a worry.",
        "Democratic leaders",
        "public",
        ("public", None, None),
    ),
    (
        "officials somewhere",
        "Former officials in the agency said the program was flawed.",
        "Former officials in the agency",
        "anonymous",
        ("anonymous", None, None),
    ),
    ("proper words", "Zentrix said the trial had failed.", "Zentrix", "named", ("named", None, None)),
    (
        "proper words",
        "Westbury Growers Union said prices would rise.",
        "Westbury Growers Union",
        "named",
        ("named", None, "Westbury Growers Union"),
    ),
    ("known name word", '"We are ready," Trump said.', "Trump", "named", ("named", None, None)),
    (
        "capitalised name",
        "Golden State Holdings said the deal was off.",
        "Golden State Holdings",
        "named",
        ("named", None, "Golden State Holdings"),
    ),
    (
        "officials",
        "Senior White House officials said the plan was dead.",
        "Senior White House officials",
        "anonymous",
        ("anonymous", None, None),
    ),
    (
        "quantity",
        "Nearly three in four said the plan was too costly.",
        "Nearly three in four",
        "public",
        ("public", None, None),
    ),
    ("plural people", "Mourners said the service was moving.", "Mourners", "public", ("public", None, None)),
    (
        "someone described",
        "A major civil rights group says the law is unfair.",
        "A major civil rights group",
        "named",
        ("named", None, "major civil rights group"),
    ),
    (
        "someone described",
        "A local shopkeeper says the street is safer.",
        "A local shopkeeper",
        "public",
        ("public", None, None),
    ),
    (
        "someone described",
        "The landlord says the rent will rise.",
        "The landlord",
        "anonymous",
        ("anonymous", None, None),
    ),
]


def test_every_rule_has_sentences_and_every_sentence_a_rule() -> None:
    names = [name for name, _ in RULES]
    assert len(names) == len(set(names)), "two rules share a name"
    assert set(names) == {rule for rule, *_ in EXAMPLES}


@pytest.mark.parametrize("rule, text, phrase, kind, claim", EXAMPLES, ids=[f"{e[0]}: {e[1][:40]}" for e in EXAMPLES])
def test_the_rule_decides_its_sentences(
    monkeypatch: pytest.MonkeyPatch,
    rule: str,
    text: str,
    phrase: str,
    kind: str,
    claim: tuple[str, str | None, str | None] | None,
) -> None:
    decided: list[tuple[str, Source]] = []
    read = claim_sources.phrase_source

    def recording(sources: claim_sources.Sources, start: int, end: int) -> Source:
        found = read(sources, start, end)
        decided.append((sources.text[start:end].strip(" ,"), found))
        return found

    monkeypatch.setattr(claim_sources, "phrase_source", recording)
    article = parse_article("Title\n\n" + text + "\n", article_id="t", path=Path("t.txt"), content_hash="-")
    claims = analyze(article).claims
    assert (phrase, rule, kind) in [(p, found.rule, found.source) for p, found in decided]
    if claim is not None:
        last = claims[-1]
        assert (last.source, last.person, last.organisation) == claim


def test_the_organisation_field_is_in_the_json() -> None:
    article = parse_article(
        "Title\n\nA Treasury spokesperson said the figures were under review. Ana Ruiz said they were not.\n",
        article_id="t",
        path=Path("t.txt"),
        content_hash="-",
    )
    claims = analyze(article).to_json()["claims"]
    assert [(c["source"], c["person"], c["organisation"]) for c in claims] == [
        ("named", None, "Treasury"),
        ("named", "Ana Ruiz", None),
    ]
