"""Counts said as a reader reads them: "1 claim", never "1 claims"."""

from __future__ import annotations

from reader.helpers.wording import count


def test_counts_take_the_singular_for_one_and_separate_thousands() -> None:
    assert count(1, "claim") == "1 claim"
    assert count(0, "claim") == "0 claims"
    assert count(2, "person", "people") == "2 people"
    assert count(1, "person", "people") == "1 person"
    assert count(1204, "article") == "1,204 articles"
