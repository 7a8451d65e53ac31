"""Issue 28: on whose word, on general (UK, sports, entertainment) news. Each shape the issue
names, in sentences written for these tests: descriptions that point back to someone named,
organisations on record (and the `organisation` they speak for), a long role before a name,
the right person for a pronoun, British forms of address, and the titles of works and awards
that are no people."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import Analysis, analyze
from reader.corpus.parse import parse_article

pytestmark = pytest.mark.unit


def _analysis(body: str) -> Analysis:
    return analyze(parse_article("Title\n\n" + body + "\n", article_id="t", path=Path("t.txt"), content_hash="-"))


def _last_claim(body: str) -> tuple[str, str | None, str | None]:
    last = _analysis(body).claims[-1]
    return last.source, last.person, last.organisation


@pytest.mark.parametrize(
    "body, person",
    [
        ("Striker Tom Baines scored twice. The 36-year-old said he felt fitter than ever.", "Tom Baines"),
        ("Irish rider Sean Kelly won the stage. The Irishman said the climb was brutal.", "Sean Kelly"),
        ("Manchester United defender Luke Shaw was injured. The defender said he would be back soon.", "Luke Shaw"),
        ("Man Utd boss Jose Mourinho praised the team. The Man Utd boss said they had been brave.", "Jose Mourinho"),
        ("Home Office minister Jane Roe said the scheme would grow. The minister said it had worked.", "Jane Roe"),
        ("Prime Minister Theresa May met the king. The prime minister said the talks were warm.", "Theresa May"),
        (
            "Committee chairman Hilary Benn wrote to ministers. The committee chairman said answers were due.",
            "Hilary Benn",
        ),
        (
            "Liam Neeson was honoured on Monday. The actor, whose films include Schindler's List, Michael Collins "
            'and Star Wars, said: "I am grateful."',
            "Liam Neeson",
        ),
    ],
)
def test_a_description_points_back_to_the_person_named(body: str, person: str) -> None:
    assert _last_claim(body) == ("named", person, None)


@pytest.mark.parametrize(
    "body, organisation",
    [
        ("The Tories have promised to cut the levy on small firms.", "Tories"),
        ("The BPI said sales of vinyl records rose for a fifth year.", "BPI"),
        ("Storm damage claims rose sharply, the insurer said.", "insurer"),
        ("A Treasury spokesperson said the figures were under review.", "Treasury"),
        ("An Ajax spokesman said the club would appeal.", "Ajax"),
        ("The bank said it would cut 500 jobs.", "bank"),
    ],
)
def test_an_organisation_on_record_is_named_with_its_organisation(body: str, organisation: str) -> None:
    assert _last_claim(body) == ("named", None, organisation)


def test_a_spokesman_of_no_one_named_stays_anonymous() -> None:
    assert _last_claim("A spokesman said the talks would resume.") == ("anonymous", None, None)


@pytest.mark.parametrize(
    "body, person",
    [
        ('Liberal Democrat spokeswoman for women Jane Doe said: "This is a scandal."', "Jane Doe"),
        (
            "Singer Ana Ruiz met her former fiancé Tom Baines in 2019. "
            '"I fell in love with him the moment we met," she said of her former fiancé.',
            "Ana Ruiz",
        ),
        (
            'Gwyneth Paltrow spoke about her co-star. On the subject of Johnny Depp, she said: "He is a gentleman."',
            "Gwyneth Paltrow",
        ),
        (
            "Labour MP Tom Baines attacked the plan.\n\nShadow minister Jane Roe spoke next. "
            "She said the Conservatives would fail.",
            "Jane Roe",
        ),
        (
            "Prime Minister David Cameron backed the plan.\n\nImmigration minister James Brokenshire defended "
            "the figures. Speaking later, he told a Parliamentary lunch that the numbers would fall.",
            "James Brokenshire",
        ),
        (
            "Hillary Clinton spoke in Ohio and said 9/11 plotter Osama bin Laden had been found. "
            "She denied that she had mishandled classified information.",
            "Hillary Clinton",
        ),
        ("Another critic, Laurence H. Tribe, likened the rules to burning the Constitution.", "Laurence H Tribe"),
        (
            "Clinton’s campaign manager Robby Mook said as much in an interview, arguing that Trump "
            "“lashed out at our generals.”",
            "Robby Mook",
        ),
    ],
)
def test_the_right_person(body: str, person: str) -> None:
    """(A surname after an initial stays the name's, even an ordinary word: "Laurence H. Tribe".)"""
    assert _last_claim(body)[:2] == ("named", person)


@pytest.mark.parametrize(
    "body, person",
    [
        ("Theresa May said the deal was the best available.", "Theresa May"),
        ("Theresa May spoke first. Mrs May told MPs there would be no second vote.", "Theresa May"),
        ("Dr Liam Fox said exports had grown. Dr Fox added that talks would start soon.", "Liam Fox"),
        ("Ana Smith chairs the board. Ms Smith said the vote was close.", "Ana Smith"),
        ('"It is good," said Charlie King. "It is about enthusiasm," Mr. King added.', "Charlie King"),
        ("Howard Dean spoke first. Dean, a former chairman, said the vote was close.", "Howard Dean"),
    ],
)
def test_british_forms_of_address_and_surnames_that_are_words(body: str, person: str) -> None:
    assert _last_claim(body)[:2] == ("named", person)


def test_the_office_alone_is_not_the_person() -> None:
    people = _analysis("Charlie King spoke. The King said nothing.").people()
    assert list(people) == ["Charlie King"]


def test_titles_of_works_and_awards_are_no_people() -> None:
    body = (
        "Mike Leigh's film Vera Drake, which has 11 nominations, leads the field for the best film Oscar. "
        "The Golden Globe went to A Very Long Engagement.\n\nThe novel Harry Potter sold well. Author Andrea "
        "Levy won. London-based Levy said she was stunned. The Booker judges praised her.\n\n"
        "The prize is named after Hans Christian Andersen. "
        "His films include Stoker (2013), Belle (2013) and others."
    )
    analysis = _analysis(body)
    assert set(analysis.people()) == {"Mike Leigh", "Andrea Levy", "Hans Christian Andersen"}
    assert [(m.text, m.person) for m in analysis.names if m.text == "Levy"] == [("Levy", "Andrea Levy")]


def test_a_quotation_over_paragraphs_is_closed_where_it_closes() -> None:
    """A quotation continued over paragraphs (each opening with a quotation mark) is the
    speaker's where it closes; the narration after it, and a paragraph after a quotation left
    open that does not open with a mark, are no quotation."""
    body = (
        "“This is a long quote that goes on and on about the budget.\n\n"
        "“It runs into a second paragraph and closes here,” the mayor said. Then the council voted.\n\n"
        "Nobody spoke after that. The meeting ended at nine.\n\n"
        "The treasurer spoke. “We will cut the budget by a tenth, and nobody will lose a job.\n\n"
        "The council then voted on the budget. Nobody objected to the plan."
    )
    claims = _analysis(body).claims
    quoted = [(c.kind, c.speaker) for c in claims if c.kind == "quote"]
    assert quoted[:2] == [("quote", "the mayor"), ("quote", "the mayor")]
    assert not any("Nobody" in c.text or "council then voted" in c.text for c in claims if c.kind == "quote")


def test_a_pronoun_is_the_subject_of_the_sentence_before_not_its_object() -> None:
    """The pronoun that opens a sentence means the one the sentence before was about (its first
    person), not a person named later in it as an object."""
    body = (
        "Writing in a blog post, Matthew Ingram of The Globe and Mail dubbed the conflict involving "
        'Tom Cruise a war. He characterized the conflict as "a long game".'
    )
    assert _last_claim(body)[:2] == ("named", "Matthew Ingram")


def test_a_pronoun_goes_on_with_the_speaker_of_the_claim_before() -> None:
    body = (
        "At the hearing, Maria Lopez listened as Ana Ruiz said the plan had failed. "
        "She added that the council would vote."
    )
    assert _last_claim(body)[:2] == ("named", "Ana Ruiz")
