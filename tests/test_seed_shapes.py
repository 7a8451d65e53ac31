"""Issue 10 (part): sentence shapes from the seeds that the analysis got wrong, on sentences
written here with the same shape, and on the seeds themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import analyze
from reader.analysis.text import sentences
from reader.corpus.parse import parse_article
from reader.helpers.paths import bundled_seeds


def article(body: str):
    return parse_article(
        "A Story Of Our Own\n\n" + body + "\n", article_id="t", path=Path("t.txt"), content_hash="-", problems=[]
    )


def test_initials_with_dots_do_not_end_a_sentence() -> None:
    text = "Friends said the L.A. Confidential star is happy. The U.S. Senate met. She left."
    spans = [text[s:e] for s, e in sentences(text, 0, len(text))]
    assert spans == ["Friends said the L.A. Confidential star is happy.", "The U.S. Senate met.", "She left."]


def test_two_apostrophes_opening_a_quotation_start_a_sentence() -> None:
    # Some newswires write '' for a double quote mark: a sentence before one ran on into the
    # quotation, so a paragraph was one sentence and its claim credited to one speaker.
    text = "Ana Ruiz spoke. ''We survey advertisers,'' Ruiz said. ''Google ranks first.''"
    spans = [text[s:e] for s, e in sentences(text, 0, len(text))]
    assert spans == ["Ana Ruiz spoke.", "''We survey advertisers,'' Ruiz said.", "''Google ranks first.''"]


@pytest.mark.parametrize(
    "sentence, hedge",
    [
        ("It seems that the pair have patched things up for now.", "it seems"),
        ("Their marriage seems to be holding up despite the rumors.", "seems to be"),
        ("The long trip seems to have created a rift between them.", "seems to have"),
        ("It's safe to assume the couple will appear together again.", "it's safe to assume"),
    ],
)
def test_hedges_of_seeming_and_assuming(sentence: str, hedge: str) -> None:
    claims = analyze(article(sentence)).claims
    assert len(claims) == 1 and claims[0].kind == "hedged"
    assert [h.lower() for h in claims[0].hedges] == [hedge]


def test_plain_narration_with_seem_as_a_noun_is_no_claim() -> None:
    assert analyze(article("The seam of the dress split on the red carpet.")).claims == []


def test_on_the_seeds(tmp_path) -> None:
    from reader.corpus import load_corpus

    texts = {a.id[:3]: (a, analyze(a)) for a in load_corpus(bundled_seeds()).articles}
    art, found = texts["001"]
    at = art.text.index("L.A. Confidential")
    (claim,) = [c for c in found.claims if c.start <= at < c.end]
    assert claim.text.endswith("one of Alec's biggest cheerleaders.")
    for key, words in (("004", "it seems that"), ("004", "safe to assume"), ("003", "seems to have created")):
        art, found = texts[key]
        at = art.text.index(words)
        assert [c for c in found.claims if c.start <= at < c.end and c.hedges], words


@pytest.mark.parametrize(
    "body, source, person",
    [
        (
            "Hilaria Baldwin spoke briefly. She clarified that the ring was at home for the rehearsals.",
            "named",
            "Hilaria Baldwin",
        ),
        (
            "The film drew criticism from reviewers, with many arguing that it was a cynical attempt at a comeback.",
            "public",
            None,
        ),
        ("The spokesman acknowledged that the tour had been cut short.", "anonymous", None),  # unnamed
    ],
)
def test_verbs_that_report_with_that(body: str, source: str, person: str | None) -> None:
    claims = [c for c in analyze(article(body)).claims if "that" in c.text]
    assert len(claims) == 1 and claims[0].kind == "attributed" and claims[0].source == source
    if person is not None:
        assert claims[0].person == person


def test_a_speech_verb_without_that_or_a_quote_is_no_claim() -> None:
    assert analyze(article("Hilaria clarified her schedule with the producers on Monday.")).claims == []


def test_a_question_put_to_someone_is_not_their_words() -> None:
    body = (
        'Alec Baldwin was at the launch. Asked by Variety if it was hard to "stay calm on camera", '
        'Alec confirmed: "It is very hard for me."'
    )
    (claim,) = [c for c in analyze(article(body)).claims if "Asked" in c.text]
    assert claim.kind == "quote" and claim.source == "named" and claim.person == "Alec Baldwin"


def test_the_seed_extratv_sentence_rests_on_alec() -> None:
    from reader.corpus import load_corpus

    (seed,) = [a for a in load_corpus(bundled_seeds()).articles if a.id.startswith("002")]
    at = seed.text.index("Asked by ExtraTV")
    (claim,) = [c for c in analyze(seed).claims if c.start <= at < c.end]
    assert (claim.source, claim.speaker, claim.person) == ("named", "Alec", "Alec Baldwin")


def test_two_speakers_in_one_sentence_make_two_claims() -> None:
    body = (
        "Alec Baldwin and Hilaria Baldwin spoke on the show. Alec admitted he has "
        '"a temper problem", while Hilaria added: "We both shout, and then we laugh about it."'
    )
    claims = [c for c in analyze(article(body)).claims if "temper" in c.text or "laugh" in c.text]
    assert [(c.kind, c.person) for c in claims] == [("quote", "Alec Baldwin"), ("quote", "Hilaria Baldwin")]
    assert claims[0].text.endswith('"a temper problem",') and claims[1].text.startswith("while Hilaria added")


@pytest.mark.parametrize(
    "body, first, second",
    [
        (
            "Senator Ana Ruiz backed the deal, while Governor Ben Cole has threatened to tear it up.",
            ("Senator Ana Ruiz backed the deal,", "Ana Ruiz"),
            ("while Governor Ben Cole has threatened to tear it up.", "Ben Cole"),
        ),
        (
            "The group claimed responsibility for the attack but U.S. officials have said they doubt it.",
            ("The group claimed responsibility for the attack", None),
            ("but U.S. officials have said they doubt it.", None),
        ),
        (
            "Hilaria Baldwin told friends the trip went well; Alec Baldwin insisted it was a disaster.",
            ("Hilaria Baldwin told friends the trip went well;", "Hilaria Baldwin"),
            ("Alec Baldwin insisted it was a disaster.", "Alec Baldwin"),
        ),
    ],
)
def test_two_sources_in_two_clauses_make_two_claims(body, first, second) -> None:
    # Without quotations too: one claim credited the whole sentence to the first source, so the
    # second clause's words were put in the first one's mouth.
    claims = analyze(article(body)).claims
    assert [(c.text, c.person) for c in claims] == [first, second]
    assert all(c.kind == "attributed" for c in claims)


@pytest.mark.parametrize(
    "body",
    [
        "Ana Ruiz said the plan failed, and she said it again on Tuesday.",  # one source twice
        "Ana Ruiz said the plan failed, but the vote went ahead anyway.",  # one attribution
        "Ben Cole sat down, while Ana Ruiz said the plan had failed.",  # the first clause is narration
        # the second clause's "he" is the first clause's speaker, whoever was named before
        "Donald Trump said Barack Obama had founded the group, and he said it again on the radio.",
    ],
)
def test_one_attribution_stays_one_claim(body) -> None:
    assert len(analyze(article(body)).claims) == 1


def test_one_speaker_with_two_quotations_stays_one_claim() -> None:
    body = 'Hilaria Baldwin laughed. "It was fine," she said, adding: "We are good."'
    claims = [c for c in analyze(article(body)).claims if "fine" in c.text]
    assert len(claims) == 1 and claims[0].person == "Hilaria Baldwin"


def test_the_seed_two_speaker_sentences_are_split() -> None:
    from reader.corpus import load_corpus

    seeds = {a.id[:3]: a for a in load_corpus(bundled_seeds()).articles}
    for key, first, second in (("002", "correctile", "The whole point"), ("000", "manterrupting", "correctile")):
        seed = seeds[key]
        claims = analyze(seed).claims
        at_first, at_second = seed.text.index(first), seed.text.index(second, seed.text.index(first))
        (one,) = [c for c in claims if c.start <= at_first < c.end]
        (two,) = [c for c in claims if c.start <= at_second < c.end]
        assert one is not two
        assert {one.person, two.person} == {"Alec Baldwin", "Hilaria Baldwin"}


@pytest.mark.parametrize(
    "body, name",
    [
        ("They have three children, Tomas, Ana and two-year-old Zuzanna, and two dogs.", "Zuzanna"),
        ("Their second child, Bartholomew, was born in 2015. She was in labor with Bart when he called.", "Bart"),
    ],
)
def test_a_child_named_by_age_or_by_a_short_form_is_a_person(body: str, name: str) -> None:
    names = [m.text for m in analyze(article(body)).names]
    assert name in names


@pytest.mark.parametrize(
    "body, source",
    [
        ("Polls show the senator leading in Ohio by four points.", "publication"),
        ("A new survey found that most voters are angry.", "publication"),
        ("The governor leads by 30 points, according to a recent poll of likely voters.", "publication"),
        ("Officials said the vote would be held on Tuesday.", "anonymous"),
        ("The judge said he could not order the payment.", "named"),  # one judge, identified (issue 28)
    ],
)
def test_polls_studies_and_unnamed_officials(body: str, source: str) -> None:
    claims = analyze(article(body)).claims
    assert len(claims) == 1 and claims[0].kind == "attributed" and claims[0].source == source


def test_finding_things_is_not_a_claim_without_a_study() -> None:
    assert analyze(article("Police found the missing car near the river on Sunday.")).claims == []


@pytest.mark.parametrize(
    "body, source",
    [
        ("The billionaire businessman says running for office is tough.", "named"),  # identified, unnamed
        ("A major civil rights group says the plan is unlawful.", "named"),
    ],
)
def test_a_described_speaker_is_a_source(body: str, source: str) -> None:
    claims = analyze(article(body)).claims
    assert len(claims) == 1 and claims[0].source == source


def test_a_headline_with_a_named_speaker_is_a_claim_and_a_label_is_not() -> None:
    named = parse_article(
        "John McCain: Populist Anger Appeals to Bad Angels\n\nJohn McCain spoke in Ohio on Monday.\n",
        article_id="t",
        path=Path("t.txt"),
        content_hash="-",
        problems=[],
    )
    (claim,) = [c for c in analyze(named).claims if c.start == 0]
    assert claim.source == "named" and claim.person == "John McCain"
    label = parse_article(
        "EXCLUSIVE: The Real Reason The Couple Split\n\nThe couple split in May.\n",
        article_id="t",
        path=Path("t.txt"),
        content_hash="-",
        problems=[],
    )
    assert analyze(label).claims == []


def test_a_surname_that_is_also_a_word_can_still_speak() -> None:
    (claim,) = analyze(article("Trump said Tuesday that he would win the state.")).claims
    assert (claim.source, claim.speaker) == ("named", "Trump")


def test_two_apostrophes_quote_as_newswires_write() -> None:
    body = "''Some courses are adapting, others are just not,'' said Paul Chipok, a lawyer in Orlando."
    (claim,) = analyze(article(body)).claims
    assert claim.kind == "quote" and claim.source == "named" and claim.speaker == "Paul Chipok"
    assert analyze(article("He didn't say it, and we can't know it.")).claims == []


@pytest.mark.parametrize(
    "body",
    [
        "The senator announced a new bill on Monday.",
        "Clinton described the plan as reckless.",
        "Trump criticized the deal in a speech.",
    ],
)
def test_announcing_describing_and_criticising_are_on_the_speakers_word(body: str) -> None:
    (claim,) = analyze(article(body)).claims
    assert claim.kind == "attributed" and claim.source in ("named", "anonymous")


def test_a_wish_is_credited_only_to_who_is_named_or_meant_right_before() -> None:
    (claim,) = analyze(article("Alec Baldwin spoke. He wants another season of the show.")).claims
    assert claim.source == "named" and claim.person == "Alec Baldwin"
    body = "It surprised many. The pair may not agree about how many children they want to have."
    assert analyze(article(body)).claims == []
