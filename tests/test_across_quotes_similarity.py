"""Issue 28, item 4: the travelling-quotes view pairs two quotations only when they are
near-identical over their whole length (`near_identical`: at least 80% of the shorter one's
words found in the longer one, in order, running from its first fifth to its last), not when
they share an opening. Pairs written for this test: the same quotation cut or reworded a
little, and different quotations that share words at one end or in the middle."""

from __future__ import annotations

import pytest

from reader.across.quotes import near_identical, quote_words

pytestmark = pytest.mark.unit

SAME = [
    ("I was shocked and saddened by the news this morning", "I was shocked and saddened by the news this morning."),
    (
        "I was shocked and saddened by the news this morning",
        "I was shocked and deeply saddened by the news this morning",
    ),
    (
        "Oh my God. When I'm talking to him about the kids he just walks away",
        "When I'm talking to him about the kids he just walks away",
    ),
    ("We are not getting divorced and we never were going to", "We're not getting divorced and we never were going to"),
    ("This is a big change in our policy on housing and on schools", "This is a big change in our policy on housing"),
    ("She has been a wonderful mother to our seven children", "She has been a wonderful mother to our children"),
    (
        "Alec feels he has been a good sport but it is very clear to him",
        "Alec feels he's been a good sport, but it's very clear to him",
    ),
    (
        "The couple have been living separate lives for months now",
        "The couple have been living separate lives for months",
    ),
    (
        "Nobody is buying it, the way she talked to him was cold",
        "No one is buying it, the way she talked to him was cold",
    ),
    ("We will appeal this ruling with every means we have", "we will appeal this ruling with every means that we have"),
    (
        "He won't walk away from this marriage whatever it costs him",
        "He will not walk away from this marriage, whatever it costs him",
    ),
    (
        "It was a private family matter and it should have stayed that way",
        "It was a private family matter and should have stayed that way",
    ),
]
DIFFERENT = [  # the shorter one shares an opening, an ending or a phrase with the longer one
    ("This is a big change in our policy on housing and on schools", "This is a big messy argument"),
    ("I was shocked and saddened by the news this morning", "I was shocked and angry, frankly"),
    ("We are not getting divorced and we never were going to", "We are not getting any younger"),
    ("She has been a wonderful mother to our seven children", "She has been a wonderful friend"),
    ("The couple have been living separate lives for months now", "The couple have been seen together"),
    ("It was a private family matter and it should have stayed that way", "It was a private joke, nothing more"),
    ("We will appeal this ruling with every means we have", "We will not comment on this ruling"),
    ("He told me the whole story over dinner last night", "She told me the whole story was a lie"),
    ("I don't think anyone saw this coming at all, not even us", "I don't think anyone saw the video"),
    ("The show must go on whatever happens to the cast", "The show must go to a vote tonight"),
    ("They are both devoted to the kids and to each other", "They are both devoted fans of the team"),
    ("What happened on that set was a terrible accident", "Everyone knows it was a terrible accident of timing"),
]


@pytest.mark.parametrize("first, second", SAME)
def test_the_same_quotation_cut_or_reworded_a_little_is_paired(first: str, second: str) -> None:
    assert near_identical(quote_words(first), quote_words(second))
    assert near_identical(quote_words(second), quote_words(first))


@pytest.mark.parametrize("first, second", DIFFERENT)
def test_quotations_sharing_only_an_opening_or_a_phrase_are_not(first: str, second: str) -> None:
    assert not near_identical(quote_words(first), quote_words(second))
    assert not near_identical(quote_words(second), quote_words(first))


def test_every_quotation_here_is_long_enough_to_be_compared() -> None:
    from reader.across.quotes import worth_comparing

    assert all(worth_comparing(quote_words(text)) for pair in SAME + DIFFERENT for text in pair)
