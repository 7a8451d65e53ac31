"""Names and claims on sentences written for these tests (not lifted from the seeds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import analyze, analyze_corpus
from reader.corpus.parse import parse_article


def article(text: str, article_id: str = "t"):
    return parse_article(text, article_id=article_id, path=Path(f"{article_id}.txt"), content_hash=article_id)


def people(text: str) -> dict[str, str]:
    """mention text -> person, for a body of text under a plain headline."""
    analysis = analyze(article("Plain Headline Here\n" + text))
    return {m.text: m.person for m in analysis.names}


def claims(text: str):
    return analyze(article("Plain Headline Here\n" + text)).claims


def only_claim(text: str):
    found = claims(text)
    assert len(found) == 1, [(c.text, c.kind) for c in found]
    return found[0]


# --- names -----------------------------------------------------------------------------------


def test_full_first_and_surname_mentions_are_one_person() -> None:
    found = people("Marcus Delgado arrived late. Marcus waved at fans. Later Delgado left.\n")
    assert found == {"Marcus Delgado": "Marcus Delgado", "Marcus": "Marcus Delgado", "Delgado": "Marcus Delgado"}


def test_surname_alone_goes_to_the_person_last_named_with_it() -> None:
    analysis = analyze(article("Plain Headline Here\nTom Fenwick and Sarah Fenwick argued. Then Fenwick walked out.\n"))
    last = [m for m in analysis.names if m.text == "Fenwick"][0]
    assert last.person == "Sarah Fenwick"


def test_possessive_titles_hyphens_and_accents() -> None:
    found = people(
        "Mr Okonkwo-Reyes spoke first. Dr. Ingrid Sølvberg's office said nothing. José Álvarez's lawyer declined.\n"
    )
    assert found["Okonkwo-Reyes"] == "Okonkwo-Reyes"
    assert found["Ingrid Sølvberg"] == "Ingrid Sølvberg"
    assert found["José Álvarez"] == "José Álvarez"
    assert "Mr" not in found and "Dr" not in found


def test_children_listed_with_ages_are_people() -> None:
    found = people("The couple share four children: Luna, 9; Teodor, seven; Bex, five; and Maisie, two.\n")
    assert {"Luna", "Teodor", "Bex", "Maisie"} <= set(found)


def test_context_decides_person_or_place() -> None:
    found = people(
        "Their daughter Georgia, now 31, moved to Georgia last year. "
        "They holidayed in Ireland. Ireland, now 12, stayed home.\n"
    )
    texts = [t for t in found]
    assert "Georgia" in texts and "Ireland" in texts
    analysis = analyze(article("Plain Headline Here\nThey holidayed in Ireland and Portugal.\n"))
    assert analysis.names == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Fans watched the finale of Dancing With the Stars on Tuesday.",
        "The premiere of The Departed drew a crowd in Times Square, New York.",
        "She posted the clip on Instagram and TikTok before Page Six ran the story.",
        "According to People, the show was cancelled.",
        "Wow. Still, nobody expected it.",
        'The Hendersons returned to their hit series "Rusty Nails" in May.',
    ],
)
def test_shows_places_outlets_and_sentence_starts_are_not_people(sentence: str) -> None:
    assert people(sentence + "\n") == {}


def test_headline_words_are_not_people_but_known_names_are() -> None:
    analysis = analyze(
        article("Red Flags As Priya Raman Quits Show\nPriya Raman left the show on Friday. Raman thanked fans.\n")
    )
    in_title = [m for m in analysis.names if m.start < len("Red Flags As Priya Raman Quits Show")]
    assert [m.text for m in in_title] == ["Priya Raman"]
    assert all(m.person == "Priya Raman" for m in analysis.names)


def test_all_caps_headline_names() -> None:
    analysis = analyze(article("EXCLUSIVE: PRIYA RAMAN QUITS\nPriya Raman left the show.\n"))
    assert [m.person for m in analysis.names] == ["Priya Raman", "Priya Raman"]


def test_people_resolve_across_the_corpus() -> None:
    one = article("First Story Here\nNadia Petrov signed the deal.\n", "a")
    two = article("Second Story Here\nLater, Nadia said she was thrilled.\n", "b")
    first, second = analyze_corpus([one, two])
    assert [m.person for m in second.names] == ["Nadia Petrov"]


def test_name_spans_round_trip() -> None:
    text = "Plain Headline Here\r\nÉlodie Marchand's agent, Sam O'Neill, said Élodie was fine.\n"
    art = article(text.replace("\r\n", "\n"))
    analysis = analyze(art)
    assert analysis.names
    for mention in analysis.names:
        assert art.text[mention.start : mention.end] == mention.text
    for claim in analysis.claims:
        assert art.text[claim.start : claim.end] == claim.text


# --- claims ----------------------------------------------------------------------------------


def test_direct_quote_with_named_speaker_after() -> None:
    claim = only_claim('"We are not splitting up," Dana Whitlock told reporters on Monday.\n')
    assert (claim.kind, claim.source, claim.speaker) == ("quote", "named", "Dana Whitlock")


def test_direct_quote_with_said_before_the_name() -> None:
    claim = only_claim('"It was a private matter," said Owen Hartley.\n')
    assert (claim.kind, claim.source, claim.speaker) == ("quote", "named", "Owen Hartley")


def test_curly_quotes_and_pronoun_speaker_resolved() -> None:
    found = claims("Imogen Pratt stormed off the set.\n“Leave me alone,” she snapped at the crew.\n")
    assert len(found) == 1
    assert (found[0].kind, found[0].source, found[0].speaker) == ("quote", "named", "Imogen Pratt")


def test_he_resolves_to_the_last_man_named() -> None:
    found = claims('Rhea Corbin and Victor Lang arrived together.\n"I\'m exhausted," he admitted.\n')
    assert found[0].speaker == "Victor Lang"


def test_quotation_across_sentences_and_paragraphs_is_one_speaker() -> None:
    text = (
        'A close friend said: "They have been fighting for months. Nobody is surprised.\n'
        '"Honestly, it was only a matter of time. The kids are the priority now."\n'
        "The couple married in 2010.\n"
    )
    found = claims(text)
    assert len(found) == 4
    assert all((c.kind, c.source, c.speaker) == ("quote", "anonymous", "A close friend") for c in found)


def test_anonymous_sources() -> None:
    for sentence, speaker in [
        ("Sources close to the singer say she is furious about the leak.", "Sources close to the singer"),
        ("One insider revealed that the wedding had been postponed twice.", "One insider"),
        ("A family friend claimed the pair had quietly separated.", "A family friend"),
    ]:
        claim = only_claim(sentence + "\n")
        assert (claim.kind, claim.source, claim.speaker) == ("attributed", "anonymous", speaker), sentence


def test_publication_sources() -> None:
    claim = only_claim("According to Us Weekly, the producers have already cast a replacement.\n")
    assert (claim.kind, claim.source) == ("attributed", "publication")
    assert claim.speaker == "Us Weekly"
    claim = only_claim("The rapper has moved to Miami, TMZ can reveal.\n")
    assert (claim.source, claim.speaker) == ("publication", "TMZ")


def test_according_to_an_outlet_then_a_name_is_not_a_list_of_people() -> None:
    """ "According to Page Six, Aisha Hutchins …": the comma ends the source, it does not list
    Page Six with a person (it was taken for one, and the claim credited to it as a person)."""
    text = "According to Page Six, Aisha Hutchins is upset about the split.\n"
    assert set(people(text)) == {"Aisha Hutchins"}
    claim = only_claim(text)
    assert (claim.source, claim.speaker) == ("publication", "Page Six")
    assert set(people("According to Ana Ruiz, Paul Martin left early.\n")) == {"Ana Ruiz", "Paul Martin"}


def test_public_sources_and_credited_scare_quotes() -> None:
    claim = only_claim("Viewers called her behaviour 'cruel' after the episode aired.\n")
    assert (claim.kind, claim.source) == ("attributed", "public")
    claim = only_claim('"This is the worst season yet," one fan wrote on Reddit.\n')
    assert (claim.kind, claim.source) == ("quote", "public")


def test_hedged_claims_without_a_source() -> None:
    claim = only_claim("The actor is reportedly in talks to join the sequel.\n")
    assert (claim.kind, claim.source, claim.speaker) == ("hedged", "none", None)
    assert claim.hedges == ["reportedly"]
    claim = only_claim("Rumours swirl that the band will reunite next summer.\n")
    assert claim.kind == "hedged" and claim.hedges == ["Rumours swirl"]
    claim = only_claim("Tabloid reports suggest the engagement is off.\n")
    assert (claim.kind, claim.source) == ("hedged", "publication")


@pytest.mark.parametrize(
    "sentence",
    [
        "The couple have five children and two dogs.",
        "The show premiered in February and ran for ten episodes.",
        'Their new series, "Home Truths", airs on Sundays.',
        "She described the dress as 'fine' in passing.",
        "The weather in Lisbon was warm all week.",
    ],
)
def test_plain_narration_titles_and_scare_quotes_are_not_claims(sentence: str) -> None:
    assert claims(sentence + "\n") == [], sentence


def test_questions_and_labels_in_headings_are_not_claims() -> None:
    text = "Is The Marriage Over?\nInside The Feud\nThe pair were seen arguing outside a restaurant.\n"
    assert analyze(article(text)).claims == []


def test_straight_single_quotes_with_apostrophes() -> None:
    claim = only_claim("A spokesperson stated, 'She's doing well and isn't worried.'\n")
    assert claim.kind == "quote"
    assert claim.text.endswith("worried.'")


def test_markup_and_control_characters_are_just_text() -> None:
    art = article('Plain Headline Here\n[bold]Nina Brandt[/bold] said \x1b[31m"we\'re fine" [link=x]\n')
    analysis = analyze(art)
    assert [m.text for m in analysis.names] == ["Nina Brandt"]
    for claim in analysis.claims:
        assert art.text[claim.start : claim.end] == claim.text
