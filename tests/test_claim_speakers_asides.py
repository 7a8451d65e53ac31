"""Who a claim is credited to when something stands between the speaker and the verb, or when
the sentence's nouns look like verbs: a title after "said", an aside between commas or dashes,
a relative clause, auxiliaries and adverbs, "according to" records, a short ending after a
quotation with any verb. Sentences written for these tests, in the shapes of political news."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import claims_in as claims

from reader.analysis import analyze
from reader.corpus.parse import parse_article

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "body, kind, source, speaker",
    [
        # a title with its dot after the verb
        ('"The race is wide open," said former Gov. Dana Holt of Nevada, a Democrat.', "quote", "named", "Dana Holt"),
        # auxiliaries and adverbs between the subject and the verb stay out of the speaker
        (
            "Ruiz's advisers have long insisted they expected a tight race.",
            "attributed",
            "anonymous",
            "Ruiz's advisers",
        ),
        # "according to" records: "state" there is no verb, the records are the source
        (
            "The firm registered the company in Nevada in 2010, according to state corporate records.",
            "attributed",
            "publication",
            "state corporate records",
        ),
        # "reports" after "according to its" is no tail attribution of its own
        (
            "Through March, the campaign had spent little on mail, according to its FEC reports.",
            "attributed",
            "publication",
            "its FEC reports",
        ),
        # a relative clause: the voters who said it
        (
            "Among them were independent voters who said they would vote in the primary.",
            "attributed",
            "public",
            "independent voters",
        ),
        # "soon", "in turn", "in particular" between the subject and its verb stay out of it
        (
            "Fact-checkers soon noted that the senator may have meant a hypothetical case.",
            "attributed",
            "public",
            "Fact-checkers",
        ),
        ("Critics in turn argued that the plan had failed.", "attributed", "public", "Critics"),
        # a group's stance across an aside: was credited to the one named after the verb
        (
            "Several fact checkers, including The Washington Post, have pointed out that Comey said little.",
            "attributed",
            "public",
            "Several fact checkers",
        ),
        # a time of day after a day, an irregular past, "speaking to" after the speaker
        (
            "RNC spokesman Sean Spicer on Thursday evening said the party was not in a crisis.",
            "attributed",
            "named",
            "Sean Spicer",
        ),
        ("Forbes shot back in an article stating that New York led.", "attributed", "publication", "Forbes"),
        (
            "Another intelligence source speaking to Fox News said the agents are busy.",
            "attributed",
            "anonymous",
            "Another intelligence source",
        ),
        # a preposition before a verb-like word makes it a noun: no subject before it
        (
            "The school declined to comment Tuesday on reports that the coach had left.",
            "attributed",
            "named",
            "The school",
        ),
        # a participle's phrase after a comma is no speaker: the clause's subject is
        (
            "Donald Trump pressed on, referencing a Breitbart News report that eight refugees were held.",
            "attributed",
            "named",
            "Donald Trump",
        ),
        (
            'Sen. Susan Collins joined them, publishing an op-ed in The Post hammering his "unsuitability for office."',
            "quote",
            "named",
            "Susan Collins",
        ),
        # an adverb after the sentence's opening subject, its verb after a comma further on
        (
            "The State Department repeatedly obfuscated facts, admitted it withheld emails, and delayed findings.",
            "attributed",
            "named",
            "The State Department",
        ),
        # a reduced relative clause or "that" after the source's noun is not part of it
        (
            "A Suffolk University poll released this week found most voters distrust both candidates.",
            "attributed",
            "publication",
            "A Suffolk University poll",
        ),
        (
            "The exception was a 2014 university paper that found the rise harmed jobs.",
            "attributed",
            "publication",
            "a 2014 university paper",
        ),
        # a verb right after a name and its description is the name's, not an inverted tail
        (
            "Roffman, a securities analyst for the firm Janney Montgomery Scott, recalled numerous calls with Trump.",
            "attributed",
            "named",
            "Roffman",
        ),
        # an aside between commas
        (
            "The official, who spoke on the condition of anonymity, said that investigators were busy.",
            "attributed",
            "anonymous",
            "The official",
        ),
        # an aside between dashes, with commas inside it
        (
            "Many speakers at the vigil — including teachers, nurses, farmers — said the loss was painful.",
            "attributed",
            "public",
            "Many speakers at the vigil",
        ),
        # an aside of two parts, and a said-clause that names someone else
        (
            "Sen. Dana Holt, facing a hard race in Ohio, a swing state, said she would welcome Cruz.",
            "attributed",
            "named",
            "Dana Holt",
        ),
        # a relative clause inside the subject
        (
            "One Democratic aide who relayed the exchange said the leader calmed the room.",
            "attributed",
            "anonymous",
            "One Democratic aide",
        ),
        # people in the know are unnamed sources, not the magazine People
        (
            "People familiar with the talks said it was close.",
            "attributed",
            "anonymous",
            "People familiar with the talks",
        ),
        # a short ending after a quotation, whatever its verb
        ('"You want to be a tough guy tonight," Okafor shot back.', "quote", "named", "Okafor"),
        # a name described ("an angry Hollande") is that person
        ('"France will always be France," an angry Hollande retaliated.', "quote", "named", "Hollande"),
        # the verb first, a text that reads the words
        (
            '"There are worms with more spine than this senator," reads an editorial in the Daily Register.',
            "quote",
            "publication",
            "an editorial in the Daily Register",
        ),
        # a relative clause after a comma is no attribution that ends the sentence
        (
            "Okafor also mocked Ruiz’s story about the storm, an event that Ruiz says changed her life.",
            "attributed",
            "named",
            "Okafor",
        ),
        # "they" with no group before it: the sentence's subject
        (
            "Wyoming Republicans have once again decided they want a new leader.",
            "attributed",
            "named",
            "Wyoming Republicans",
        ),
        ("Dana Ruiz lambasted the plan on Monday.", "attributed", "named", "Dana Ruiz"),
        # an aside holding a title's dot ("Mr.")
        (
            "Exit polls from the Ohio primary, which Mr. Ruiz won easily, showed that most voters agreed.",
            "attributed",
            "publication",
            "Exit polls from the Ohio primary",
        ),
        # a description, then the name, then the verb
        (
            "One pastor supporting Mr. Ruiz, Darran Whitby of Grace Church in Marion, said he had made calls.",
            "attributed",
            "named",
            "Darran Whitby",
        ),
        # an adverb in -ly between the subject and the verb
        ("Mrs. Ruiz has always forcefully denied the charge.", "attributed", "named", "Ruiz"),
        # an aside that opens with "like", and a said-clause that is what was said
        (
            "Yet Democratic economists, like their Republican counterparts, say taxing consumption helps savings.",
            "attributed",
            "public",  # unnamed experts as a group (docs/analysis.md)
            "Democratic economists",
        ),
        ("The race is open, said former Gov. Dana Holt.", "attributed", "named", "Dana Holt"),
        # a participle after a comma: the sentence's opening phrase said it, not the name inside
        (
            "Both parents stiffened their denunciation of Mr. Okafor, saying that he lacked the character.",
            "attributed",
            "public",
            "Both parents",
        ),
        # a person who "suggests", set off by an aside, is the source (a group's suggestion stays a hedge)
        (
            "Dana Ruiz, in her campaigning, suggested she will turn to her husband for advice.",
            "attributed",
            "named",
            "Dana Ruiz",
        ),
        # the verb put first
        (
            'Said Okafor, "The thought that an error of ours is connected to this is painful."',
            "quote",
            "named",
            "Okafor",
        ),
        # a speaker with a comma before the name, far into the sentence after the quotation
        (
            '"If there had not been that help" by the United States, NATO and others, Dana Ruiz said, "we would '
            'be lost."',
            "quote",
            "named",
            "Dana Ruiz",
        ),
        # a weekday after the verb is no one
        ("Dana Ruiz said Sunday that she would stay.", "attributed", "named", "Dana Ruiz"),
        # a stance or intention credited to a subject described, or set off by an aside
        (
            "The senator who made enemies in the chamber now wants to play nice.",
            "attributed",
            "named",  # one person identified by the article's words, though never named (issue 28)
            "The senator",
        ),
        (
            "Sanders, who had not endorsed anyone during the primaries, decided to back Obama in June.",
            "attributed",
            "named",
            "Sanders",
        ),
    ],
)
def test_the_speaker_is_found_past_what_stands_between(body: str, kind: str, source: str, speaker: str) -> None:
    found = claims(body)
    assert [(c.kind, c.source, c.speaker) for c in found] == [(kind, source, speaker)]


@pytest.mark.parametrize(
    "body",
    [
        "Clinton spent heavily on advertising in battleground states this summer.",
        "Ruiz's attacks on her record grew sharper.",  # a stance word used as a noun
        "Ohio's plan would raise the minimum wage.",
    ],
)
def test_a_noun_that_looks_like_a_verb_makes_no_claim(body: str) -> None:
    assert claims(body) == []


def test_a_headline_that_credits_its_words_is_a_claim() -> None:
    text = "Ruiz Says Rivals Hacked The Party's Email\n\nDana Ruiz spoke on Sunday in Reno.\n"
    found = analyze(parse_article(text, article_id="t", path=Path("t.txt"), content_hash="t")).claims
    assert [(c.kind, c.source, c.speaker, c.person) for c in found] == [("attributed", "named", "Ruiz", "Dana Ruiz")]


def test_a_member_of_the_public_is_public() -> None:
    (claim,) = claims("However, one ticket holder claimed staff had offered refunds at the door.")
    assert (claim.kind, claim.source, claim.speaker) == ("attributed", "public", "one ticket holder")


@pytest.mark.parametrize(
    "body, source, speaker",
    [
        # a clause before a participle: its subject, not the clause ("His campaign", not "campaign sued …")
        (
            "Dana Ruiz spoke on Friday. Her campaign sued the party in federal court on Friday, seeking an "
            "injunction, claiming the ruling was unlawful.",
            "named",
            "Her campaign",
        ),
        # a share of a group with a capitalised word in it is the public, not someone named
        ("Seventy-four percent of Democratic registered voters say they like the plan.", "public", None),
        ("About 52 percent of Ruiz backers say the debate changed nothing.", "public", None),
        # a time after the speaker is not part of it
        (
            "The city's new mayor on Tuesday rejected the offer, calling it a stunt.",
            "named",  # the one mayor of the city: identified (issue 28)
            "The city's new mayor",
        ),
        # an -ed word before a noun is the phrase's adjective, not its verb
        # (one person identified by the article's words, though never named, is named: issue 28)
        ("The embattled senator said she would stay in the race.", "named", "The embattled senator"),
        # (and "released Thursday" after a noun is a reduced relative clause, no part of the source)
        ("A poll released Thursday found Ruiz ahead by four points.", "publication", "A poll"),
        # a long unnamed official, a head of something, a share of those polled
        (
            "A law enforcement official familiar with the case said it would be difficult.",
            "anonymous",
            "A law enforcement official familiar with the case",
        ),
        ("The deputy head of the city's delegation said the plan would fail.", "anonymous", None),
        ("On crime: 47% say the city should hire more officers.", "public", "47%"),
        ("Just over a quarter, 26 percent, say they will vote for someone else.", "public", "Just over a quarter"),
        # an aside in dashes that adds to the subject; a phrase joined by "and"
        ("Democrats — and some Republicans — say that the plan is failing.", "public", "Democrats"),
        (
            "But former officials in the agency and at the Justice Department have said the inquiry goes on.",
            "anonymous",
            None,
        ),
    ],
)
def test_the_speaker_is_the_subject_not_a_clause(body: str, source: str, speaker: str | None) -> None:
    found = claims(body)
    assert found, body
    claim = found[-1]
    assert claim.source == source
    if speaker is not None:
        assert claim.speaker == speaker


def test_a_description_keeps_its_words_and_names_whom_it_means() -> None:
    body = '"We will win Ohio," Dana Ruiz said on Monday.\n\nThe senator said she had spoken to every county chair.'
    *_, claim = claims(body)
    assert (claim.source, claim.speaker, claim.person) == ("named", "The senator", "Dana Ruiz")


def test_a_call_that_is_a_name_is_no_demand() -> None:
    assert claims("The show, called for its host, ran late into the night.") == []


def test_a_transcript_turn_is_its_speakers() -> None:
    body = (
        "The network spoke to Governor Dana Fallon on Sunday.\n\n"
        "FALLON: Well, the whole state needs to work together. We all agree on that.\n\n"
        "HOST: Do you think the plan can pass this year?\n\n"
        "HOST: And if it does not?\n\n"
        "UPDATE: The interview was shortened for length."
    )
    found = [(c.speaker, c.person, c.text) for c in claims(body)]
    assert found == [
        ("FALLON", "Dana Fallon", "FALLON: Well, the whole state needs to work together. We all agree on that."),
        ("HOST", None, "HOST: Do you think the plan can pass this year?"),
        ("HOST", None, "HOST: And if it does not?"),
    ]


def test_markup_in_a_headline_does_not_make_a_name() -> None:
    text = "Ruiz Says [bold]Rivals[/bold] Hacked The Party's Email\n\nDana Ruiz spoke on Sunday in Reno.\n"
    found = analyze(parse_article(text, article_id="t", path=Path("t.txt"), content_hash="t"))
    assert [m.text for m in found.names] == ["Ruiz", "Dana Ruiz"]
    assert [(c.speaker, c.person) for c in found.claims] == [("Ruiz", "Dana Ruiz")]


@pytest.mark.parametrize(
    "body, person",
    [
        # the one named with the title before: "Sen. X" is "the senator", whoever came after
        (
            "Sen. Dana Ruiz spoke first. Mayor Tom Hale and Ana Vega answered. The senator said the bill would pass.",
            "Dana Ruiz",
        ),
        # the only one named of the role's gender
        ("Tom Hale and Ana Vega arrived late. The actress said she had been held up in traffic.", "Ana Vega"),
        # several named as often: no one, rather than a guess
        ("Tom Hale met Bill Ross in Ohio. The candidate said the race was close.", None),
        # a qualified description: the one named with that qualifier, else no one
        (
            "Dana Ruiz of Florida and Tom Hale spoke. Bill Ross answered. Hale laughed, and Ross left."
            " The Florida senator said she was staying in the race.",
            "Dana Ruiz",
        ),
        ("Tom Hale and Bill Ross spoke. Hale laughed. The Ohio governor said the race was close.", None),
        # "his wife" is not the man named before
        ("Tom Hale spoke on Monday. His wife said the family was doing fine.", None),
    ],
)
def test_a_description_names_whom_it_means_only_when_plain(body: str, person: str | None) -> None:
    *_, claim = claims(body)
    assert claim.person == person


def test_a_clause_subject_is_written_as_the_article_writes_it() -> None:
    body = "Dana Ruiz spoke first. Later that day Ruiz, who leads the race, sent a letter saying the plan was dead."
    *_, claim = claims(body)
    assert (claim.speaker, claim.person) == ("Ruiz", "Dana Ruiz")


def test_a_participle_that_is_no_stance_makes_no_claim() -> None:
    assert claims("The bill passed the House on Monday, prompting loud cheers in the gallery.") == []


def test_a_quarrel_opening_the_sentence_is_no_stance() -> None:
    assert claims("Arguing with the referee, the coach was sent off in the second half.") == []


@pytest.mark.parametrize(
    "body, speaker",
    [
        # a demand: "call for", "called on"
        ("Ruiz has called for a special prosecutor to look into the donations.", "Ruiz"),
        ("Senator Dana Holt on Wednesday also called upon the state to release the files.", "Dana Holt"),
        # refusals, hopes and plans in the -ing form, what someone sees
        ("Ruiz is hoping to win back the voters she lost in March.", "Ruiz"),
        ("Ruiz refused to rule out a run for governor.", "Ruiz"),
        ("Dana Ruiz sees the vote as a test of her plan.", "Dana Ruiz"),
        # a long description after the speaker at the end; an organisation that does, "and says"
        (
            "Many factors raise the cost of college, said Mark Holt, a national student loan expert who has "
            "published several books, papers, studies and editorials on the topic over many years.",
            "Mark Holt",
        ),
        (
            "The State Department has deemed the pages personal and says it does not plan to release them.",
            "The State Department",
        ),
        # a finding quoted; a speaker with a long title at the end; a name given to someone
        ('In 2014, the Hale Center found that "twice as many voters want tighter rules."', "the Hale Center"),
        (
            "The race is tight in Ohio, said former deputy campaign manager Dana Ruiz of the Ohio Democratic Party.",
            "Dana Ruiz",
        ),
        ("Dana Ruiz referred to her rival as a fine man with bad ideas.", "Dana Ruiz"),
        # the words are the possessor's: "X's answer was that '…'"
        ('Dana Ruiz spoke last. Ruiz’s answer was that "the family is what matters most to all of us."', "Ruiz"),
        # "it" is the organisation or outlet named just before
        ("The Post reported the story on Monday. It also said the mayor knew.", "The Post"),
        # AP's "The Latest:" is a label, not an unnamed official
        ("The Latest: Mourners say the death is a loss for the whole country.", "Mourners"),
        # after a quotation, ", said X" names the one after the verb, not the words before it
        (
            'Add a "candidate who is a lightning rod" and the city frets, said Christine Hale, head of the union.',
            "Christine Hale",
        ),
        # "sometimes" between a subject and its verb
        ("The numbers changed over the summer, as Dana Ruiz has sometimes acknowledged.", "Dana Ruiz"),
        # a past tense without -ed ends the subject; adverbs and auxiliaries left at its end are dropped
        ("His office put out a statement saying the plan would fail.", "His office"),
        ("The Washington Post recently ran a piece that noted the plan would help the rich.", "The Washington Post"),
        ("U.S. officials have, in fact, praised the Saudis for their help.", "U.S. officials"),
        # what follows ", said" is the speaker only when it is not a clause ("said the plan failed")
        ("The official, who spoke on the condition of anonymity, said the plan failed.", "The official"),
        ("The plan failed, said an official involved in the talks.", "an official involved in the talks"),
        ("It will pass, said one aide who asked not to be named.", "one aide"),
        ("The plan will fail, said a retired general.", "a retired general"),
        ("The plan will fail, said an elected official in Ohio.", "an elected official in Ohio"),
        # a stance in a participle after a comma is the clause subject's
        ("Dana Ruiz spoke. By Sunday afternoon she had canceled the rally, citing the attack.", "Dana Ruiz"),
        ("Sen. Dana Ruiz voted no, calling for a new plan.", "Dana Ruiz"),
        ("Dana Ruiz spoke. Noting that the plan had failed twice, Ruiz reminded voters of her own.", "Ruiz"),
        ("Dana Ruiz spoke. Citing the attack, she canceled the rally.", "Dana Ruiz"),
        # an aside holding a place's name set off by commas goes on to its opening word
        (
            "Sandy Hale, who lost her daughter in the shooting in Aurora, Colorado, in July 2012, said the bill"
            " would help.",
            "Sandy Hale",
        ),
        # a description, then a name of something, between commas
        (
            "Gianni Vian, the editor of the official newspaper, L'Osservatore Romano, said every pope was both.",
            "Gianni Vian",
        ),
        # a day after the verb names no one
        ('"We will not send troops," Ben Rhodes, the deputy adviser, said Sunday.', "Ben Rhodes"),
        # orders, declarations and announcements in any form
        ("Last May, a federal judge ordered the department to release the emails monthly.", "a federal judge"),
        ("Dana Ruiz won the primary on Tuesday, declaring that the race was over.", "Dana Ruiz"),
        # a stance in a relative clause is the one it is about
        ("Dana Ruiz, who thinks the plan will fail, spoke on Monday.", "Dana Ruiz"),
        ("Two officials who think the plan will fail spoke on Monday.", "Two officials"),
        # an aside between commas, then an auxiliary or a verb in -s
        ("Dana Ruiz, who won Ohio and her home state of Iowa, is calling for her rivals to drop out.", "Dana Ruiz"),
        ("Tom Hale, the president of the Ohio Venture Association, thinks the plan will pass.", "Tom Hale"),
        # positions taken in a phrase: "took aim at", "came out against", "railed against"
        ("Dana Ruiz took aim at the governor over the budget.", "Dana Ruiz"),
        ("Tom Hale came out against the new tax on Monday.", "Tom Hale"),
        # evidence given: "pointed to", "points out"
        ("As an example, Dana Ruiz pointed to a recent stop in Concord.", "Dana Ruiz"),
        # speech acts credited like stances: lamenting, boasting, reiterating, contending, recounting
        ("Dana Ruiz lamented the loss of the factory jobs in her district.", "Dana Ruiz"),
        ("Dana Ruiz reiterated her opposition to the new tax on Monday.", "Dana Ruiz"),
        # a noun after a possessive is no verb; a floating "both" stands between subject and verb
        ("Contrary to Ruiz's claims, authorities say she never saw the file.", "authorities"),
        ("Tom Hale and Senator Dana Ruiz have both argued that the plan failed.", "Dana Ruiz"),
    ],
)
def test_the_last_claim_is_credited_to(body: str, speaker: str) -> None:
    *_, claim = claims(body)
    assert claim.speaker == speaker
