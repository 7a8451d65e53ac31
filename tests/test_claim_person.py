"""Issue 10, item 2 (part): every claim names the resolved person of a named source, so one
speaker is one person ("Hilaria" and "Hilaria Baldwin"); other sources have none."""

from __future__ import annotations

from pathlib import Path

from reader.analysis import analyze
from reader.corpus.parse import parse_article

TEXT = """Party Night Ends In Words

Hilaria Baldwin arrived at the launch in New York on Tuesday.

"Not now, please," Hilaria said to reporters at the door.

Alec Baldwin stayed outside. "It was fine," he said later.

"They are fighting all the time," an insider claimed.
"""


def test_named_sources_carry_their_person_and_others_none() -> None:
    article = parse_article(TEXT, article_id="t", path=Path("t.txt"), content_hash="-", problems=[])
    claims = analyze(article).claims
    by_text = {c.text.split('"')[1] if '"' in c.text else c.text: c for c in claims}
    hilaria = by_text["Not now, please,"]
    assert hilaria.source == "named" and hilaria.person == "Hilaria Baldwin"
    alec = by_text["It was fine,"]
    assert alec.source == "named" and alec.person == "Alec Baldwin"
    insider = by_text["They are fighting all the time,"]
    assert insider.source == "anonymous" and insider.person is None
    record = analyze(article).to_json()["claims"][0]
    assert "person" in record


def test_a_pronoun_outside_a_quotation_passes_over_a_name_inside_it() -> None:
    """Seed 004: '"Alec shushed me while I was in labor with Rafa…" she captioned the photo' is
    Hilaria's, not Rafa's: the child named inside the quotation is not who "she" is."""
    text = (
        "Labor Story\n\nHilaria Baldwin posted a photo on Instagram of the day.\n\n"
        '"Alec shushed me while I was in labor with Rafa, and I will never forget it," she captioned the photo.\n'
    )
    article = parse_article(text, article_id="t", path=Path("t.txt"), content_hash="-", problems=[])
    claim = next(c for c in analyze(article).claims if "shushed" in c.text)
    assert (claim.source, claim.person) == ("named", "Hilaria Baldwin")
    seed = next((Path(__file__).parent.parent / "seeds").glob("004_*.txt"))
    seed_article = parse_article(seed.read_text(), article_id="004", path=seed, content_hash="-", problems=[])
    assert "Rafa" not in {c.person for c in analyze(seed_article).claims}


def test_they_is_the_group_only_when_no_one_was_named_after_it() -> None:
    # "they" went to the last group named within 400 characters even when people were named
    # after it: the couple's words were credited to the fans.
    text = (
        "Arrival\n\nFans were furious about the delay. Alec and Hilaria Baldwin arrived an hour late. "
        "They said the trip went well.\n\nCritics were not convinced. They said the show was a flop.\n"
    )
    article = parse_article(text, article_id="t", path=Path("t.txt"), content_hash="-", problems=[])
    claims = {c.text: c for c in analyze(article).claims}
    assert claims["They said the trip went well."].source == "named"
    flop = claims["They said the show was a flop."]
    assert (flop.source, flop.speaker) == ("public", "Critics")
    # a person named in the group's own sentence does not take "they" from it (seed 000)
    text = (
        "Arrival\n\nAlec Baldwin stayed home. However, a long-time family friend doubts Alec has any interest "
        'in the spotlight.\nThey said: "Alec might be playing the role of a lifetime."\n'
    )
    article = parse_article(text, article_id="t", path=Path("t.txt"), content_hash="-", problems=[])
    friend = next(c for c in analyze(article).claims if c.text.startswith("They said"))
    assert (friend.source, friend.speaker) == ("anonymous", "a long-time family friend")


def test_a_leading_her_is_a_possessive_not_the_woman_named_before() -> None:
    # "Her strategists said" was credited to Hillary Clinton, as if "Her" were "she".
    text = "Race\n\nHillary Clinton spoke in Iowa. Her strategists said the race was close. Trump attacked her.\n"
    article = parse_article(text, article_id="t", path=Path("t.txt"), content_hash="-", problems=[])
    claim = next(c for c in analyze(article).claims if "strategists" in c.text)
    assert (claim.source, claim.speaker, claim.person) == ("anonymous", "Her strategists", None)


def test_a_contracted_pronoun_is_still_the_person() -> None:
    # "He’s" read as "he" and "s": the fix for a leading "Her" dropped every leading pronoun of
    # two words, so "He’s not saying" lost its speaker.
    text = (
        "Race\n\nDonald Trump spoke in Iowa. He’s not saying what techniques he’d support.\n\n"
        "And he’s predicted big wins in the races ahead.\n"
    )
    article = parse_article(text, article_id="t", path=Path("t.txt"), content_hash="-", problems=[])
    claims = [c for c in analyze(article).claims if "saying" in c.text or "predicted" in c.text]
    assert [(c.source, c.person) for c in claims] == [("named", "Donald Trump")] * 2
