"""Counts said as a reader reads them: "1 claim", never "1 claims"."""

from __future__ import annotations

from reader.helpers.wording import count


def test_counts_take_the_singular_for_one_and_separate_thousands() -> None:
    assert count(1, "claim") == "1 claim"
    assert count(0, "claim") == "0 claims"
    assert count(2, "person", "people") == "2 people"
    assert count(1, "person", "people") == "1 person"
    assert count(1204, "article") == "1,204 articles"


def test_a_preview_is_cut_after_a_whole_word() -> None:
    """Bookmark and note previews in the notes panel were cut mid-word."""
    from reader.helpers.textsafe import clipped_at_word

    text = "At the recent Planet Hollywood launch in Times Square, New York, the two were busy"
    assert clipped_at_word(text, 40) == "At the recent Planet Hollywood launch…"
    assert clipped_at_word("short enough", 40) == "short enough"
    assert clipped_at_word("x" * 60, 20) == "x" * 19 + "…"  # one long word: cut where it must be
