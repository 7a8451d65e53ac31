"""Who a claim is credited to, in the shapes news writes it: the speaker after a quotation with a
description set off by commas, before a colon, as the sentence's subject, or in an attribution
that ends the sentence; and the words that look like speech verbs but are names. Sentences
written for these tests."""

from __future__ import annotations

import pytest
from conftest import claims_in as claims

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "body, source, speaker",
    [
        # after the quotation, a description between commas before the verb
        (
            '"We think the city went too far," Ana Ruiz, legal director for the Oregon branch, said.',
            "named",
            "Ana Ruiz",
        ),
        # after the quotation, a capitalised name that is also a word
        ('"That was one of the hardest moments for me," Ban recalled.', "named", "Ban"),
        # a verb of speech put before its subject
        ('"Is this profiling?" reacted Paul Okafor.', "named", "Paul Okafor"),
        # a colon after the name opens the quotation
        ('Lindqvist: "The mission is to finish the bridge by June."', "named", "Lindqvist"),
        # the sentence's subject does something other than speak, with the quotation
        (
            'On Monday, Eric Dunmore knocked a statement calling the dinner "an obscene waste of money."',
            "named",
            "Eric Dunmore",
        ),
    ],
)
def test_a_quotation_is_credited_to_its_speaker(body: str, source: str, speaker: str) -> None:
    found = claims(body)
    assert [(c.kind, c.source, c.speaker) for c in found] == [("quote", source, speaker)]


def test_a_quotation_with_nobody_named_near_it_keeps_no_speaker() -> None:
    (claim,) = claims("The photo quotes an old verse: “If the river is for us, who can be against us?”")
    assert (claim.source, claim.speaker) == ("none", None)


@pytest.mark.parametrize(
    "body, source, speaker",
    [
        # the attribution that ends a sentence credits all of it, not its first verb
        (
            "In Chicago, organizers added 160 officers along the route, the Sun-Times reported.",
            "publication",
            "the Sun-Times",
        ),
        ("The fund has collected $56.5 million, said David Gilbert, its president.", "named", "David Gilbert"),
        ("The talks went well, Spicer told reporters on Tuesday.", "named", "Spicer"),
        # a description between commas before "says that"
        (
            "Playing Field Promotions, a talent agency, says that Walker charges a fee.",
            "named",
            "Playing Field Promotions",
        ),
        # a passive verb: the one after "by"
        ("The states combined the two categories, a practice criticized by Miller.", "named", "Miller"),
        # unnamed officials and groups, figures and documents
        ("Police said the protesters had left by noon.", "anonymous", "Police"),
        ("His campaign said he ended December with $28 million.", "named", "His campaign"),
        ("Almost half of respondents said the party had changed.", "public", "Almost half of respondents"),
        ("Again, those surveyed said the mayor was best placed.", "public", "those surveyed"),
        (
            "A senior administration official said on Friday that the plan was ready.",
            "anonymous",
            "A senior administration official",
        ),
        (
            "She would win by five points, according to the latest polling average.",
            "publication",
            "the latest polling average",
        ),
    ],
)
def test_a_reported_claim_is_credited_to_its_source(body: str, source: str, speaker: str) -> None:
    found = claims(body)
    assert [(c.source, c.speaker) for c in found] == [(source, speaker)]


@pytest.mark.parametrize(
    "body",
    [
        # "States", "Post" and "State" are names here, not verbs
        "The United States has been lobbying other countries to back the ruling.",
        "The Washington Post will run the series on Sunday.",
        "The Silver State holds its caucuses on Saturday.",
        # a determiner before the word makes it a noun
        "The administration allowed some states to combine those categories.",
    ],
)
def test_names_and_nouns_that_look_like_speech_verbs_make_no_claim(body: str) -> None:
    assert claims(body) == []


def test_a_line_written_in_title_case_still_has_its_verb() -> None:
    found = claims("Ben Carson Says He Never Exaggerated His Life Story. He spoke to reporters in Iowa.")
    assert [(c.source, c.speaker) for c in found][:1] == [("named", "Ben Carson")]


@pytest.mark.parametrize(
    "body, speaker",
    [
        # "to ask": not Clinton's question; the clause's subject answers
        ("Asked whether he would counsel Clinton to ask for help, Reid said he would not.", "Reid"),
        # "before saying": the subject of the clause is the speaker
        ("Mr. McConnell deflected questions about Mr. Trump before saying the race was open.", "McConnell"),
    ],
)
def test_a_verb_with_no_subject_of_its_own_takes_the_clauses(body: str, speaker: str) -> None:
    found = claims(body)
    assert found and found[-1].speaker == speaker


@pytest.mark.parametrize(
    "body, speaker",
    [
        # a capitalised word before the verb, inside the sentence, names the speaker
        ("Moments earlier, in his opening remarks, Trump said he was suited to the job.", "Trump"),
        ('"Compare him to the others," Gorka urged.', "Gorka"),
        ('"Nobody here is a racist, guys," LeVell assured the crowd.', "LeVell"),
    ],
)
def test_a_capitalised_word_before_a_speech_verb_is_its_speaker(body: str, speaker: str) -> None:
    found = claims(body)
    assert [(c.source, c.speaker) for c in found] == [("named", speaker)]


def test_another_described_person_is_a_member_of_the_public() -> None:
    """Like "one shopper said" (docs/analysis.md): someone unnamed, described by what they do."""
    (claim,) = claims('"The odds favour a long delay," said another leading advocate.')
    assert (claim.source, claim.speaker) == ("public", "another leading advocate")


@pytest.mark.parametrize(
    "body, kind, source",
    [
        ("Ana Ruiz, an economist, studied the census. She found that incomes rose.", "attributed", "named"),
        ("Most of the plants will close by 2030, Bloomberg New Energy Finance found.", "attributed", "publication"),
        ("The inquiry found that the office had erred.", "attributed", "publication"),
        ("Sanders seemed to reap the benefits.", "hedged", "none"),
        ("The senator appeared to lose his temper with the crowd.", "hedged", "none"),
        ("Support for the plan appears to be fading among younger voters.", "hedged", "none"),
    ],
)
def test_findings_and_seeming_are_claims(body: str, kind: str, source: str) -> None:
    found = claims(body)
    assert (found[-1].kind, found[-1].source) == (kind, source)


def test_finding_a_thing_is_no_finding() -> None:
    assert claims("She found her keys in the car.") == []


def test_a_source_after_according_to_has_words_not_only_figures() -> None:
    assert [c.speaker for c in claims("The plan failed badly, according to 2021.")] in ([], [None])


def test_an_attribution_ending_the_sentence_names_the_speaker_of_its_quotations() -> None:
    found = claims('"All that Shines is Not Silver" was to be a "cautionary tale," said Susan Crane, then her agent.')
    assert [(c.source, c.speaker) for c in found] == [("named", "Susan Crane")]


def test_a_text_that_reads_a_quotation_is_its_source_and_a_day_is_no_speaker() -> None:
    found = claims('"She should come to Louisiana and act like a leader," the editorial read.')
    assert [(c.source, c.speaker) for c in found] == [("publication", "the editorial")]
    found = claims('During their call Tuesday, the leaders "reaffirmed their commitment to peace," the agency said.')
    assert all(c.speaker != "Tuesday" for c in found)


def test_a_long_description_after_a_final_attribution_keeps_the_speaker() -> None:
    body = "They had no choice but to lead, says Evan Trace, a media consultant with National Media in Alexandria, Va."
    assert [(c.source, c.speaker) for c in claims(body)] == [("named", "Evan Trace")]
