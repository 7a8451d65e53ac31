"""The analysis is linear in the text (issue 9 item 5, issue 10 item 3): four times the words in
one paragraph cost about four times the work, never the sixteen times of a quadratic path. The
work is counted, not timed (a busy machine makes times differ, never counts): the function calls
an analysis makes, Python's and C's, as `sys.setprofile` sees them, in its second run on the
same text (the first fills the caches). What only time shows (the cycle collector, a scan inside
one call) is measured by `python bench/analysis.py`, which prints ms per 1,000 words for one
paragraph of 1,000 to 1,000,000 words."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader.analysis import analyze
from reader.corpus.parse import parse_article

SENTENCES = [
    "Alec Baldwin said the couple were fine, an insider claimed.",
    '"We are happy," Hilaria told People magazine on Tuesday.',
    "Fans reportedly think the show is over, according to Page Six.",
    "The couple, who married in 2012, have seven children.",
    'She said: "When I am talking, you are not talking."',
    "Sources close to the family say the pair are struggling.",
]


def one_paragraph(words: int):
    parts, count, i = [], 0, 0
    while count < words:
        sentence = SENTENCES[i % len(SENTENCES)]
        parts.append(sentence)
        count += len(sentence.split())
        i += 1
    text = "A Long Story\n\n" + " ".join(parts) + "\n"
    return parse_article(text, article_id="long", path=Path("long.txt"), content_hash="-", problems=[])


def calls(article) -> int:
    """The function calls (Python and C) of an analysis of `article`, its caches filled."""
    analyze(article)
    made = 0

    def count(frame, event, arg) -> None:
        nonlocal made
        if event in ("call", "c_call"):
            made += 1

    sys.setprofile(count)
    try:
        analyze(article)
    finally:
        sys.setprofile(None)
    return made


@pytest.mark.slow
def test_four_times_the_words_cost_about_four_times_the_work() -> None:
    ratio = calls(one_paragraph(20_000)) / calls(one_paragraph(5_000))
    assert ratio < 6, f"4x the words made {ratio:.1f}x the calls"  # 4.1 here; a quadratic path 16


def repeated(words: int, unit: str, end: str):
    text = "A Long Story\n\nAna " + unit * (words // 2) + end + "\n"
    return parse_article(text, article_id="run", path=Path("run.txt"), content_hash="-", problems=[])


@pytest.mark.slow
@pytest.mark.parametrize(
    "unit, end, limit",
    [
        # "to wanted to wanted … said": each verb's subject was asked of the verb before it, down
        # the whole chain (40,000 words: 4.4 s where ordinary text of that length takes 0.2 s,
        # the long paragraph cut into segments keeping it linear but 20 times slower); once now.
        ("to wanted ", "said it.", 5),
        # "said that said that …": each verb read the sentence from its start for a subject of the
        # clause (40,000 words: 4.3 s, 20 times ordinary text); that scan is made once a sentence.
        ("said that ", "", 8),
    ],
)
def test_a_run_of_verbs_costs_a_few_times_ordinary_text(unit: str, end: str, limit: float) -> None:
    ratio = calls(repeated(5_000, unit, end)) / calls(one_paragraph(5_000))
    assert ratio < limit, f"{unit!r} repeated made {ratio:.1f}x the calls of ordinary text"  # 0.8 and 2.8 here


@pytest.mark.slow
def test_a_stop_is_heeded_in_the_passes_over_names_not_only_between_segments() -> None:
    # A huge article dense with names: the passes over its name candidates, after the walks over
    # the segments, took most of the analysis, and `q` waited for them (10 s and more for
    # 400,000 names). A stop that comes true once the segments are walked now ends it at once.
    from reader.analysis import AnalysisCancelled
    from reader.analysis.text import segments

    text = "A Long Story\n\n" + "Ana said that Ben met Cole. " * 20_000 + "\n"
    article = parse_article(text, article_id="names", path=Path("names.txt"), content_hash="-", problems=[])
    walked = 2 * len(segments(article))  # stop() is asked per segment in two walks, then in the name passes
    asked = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) > walked

    with pytest.raises(AnalysisCancelled):
        analyze(article, stop)
    assert len(asked) == walked + 1  # ended at the first stop() that came true, nothing after it


def names_paragraph(sentences: int):
    text = "A Long Story\n\n" + "Ana said that Ben met Cole. " * sentences + "\n"
    return parse_article(text, article_id="names", path=Path("names.txt"), content_hash="-", problems=[])


@pytest.mark.slow
def test_stop_is_asked_often_enough_to_end_the_analysis_soon_wherever_it_is() -> None:
    # `q` waits for the analysis to see the stop. The steps after the passes over name candidates
    # (the mentions made, their endings, who each is, the claims' people) asked no one: the longest
    # stretch without asking was 0.08 of the whole analysis (0.8 s of a 5.6 MB paragraph's 12 s).
    # Measured in the work done (calls, as `calls` counts them), not in time.
    article = names_paragraph(5_000)
    analyze(article)  # the caches filled
    made, asked = 0, [0]

    def count(frame, event, arg) -> None:
        nonlocal made
        if event in ("call", "c_call"):
            made += 1

    def ask() -> bool:
        asked.append(made)
        return False

    sys.setprofile(count)
    try:
        analyze(article, ask)
    finally:
        sys.setprofile(None)
    asked.append(made)
    longest = max(b - a for a, b in zip(asked, asked[1:], strict=False))
    assert longest < 0.04 * made, f"{longest:,} calls without asking, of {made:,}"


@pytest.mark.slow
@pytest.mark.parametrize("at", [0.3, 0.6, 0.9])
def test_a_stopped_analysis_ends_at_once_not_after_a_pass_of_the_collector(at: float) -> None:
    # A long article's analysis pauses the cycle collector; turned on again while the abandoned
    # analysis's millions of objects were still held, its first pass walked them all (0.07 to
    # 0.11 of the whole analysis here, 0.2 to 0.7 s for a 5.6 MB paragraph) with the GIL held.
    # Stopped after a share of the stop() calls a whole analysis makes (not of its time, which
    # varies with the machine's load): it ends there.
    from reader.analysis import AnalysisCancelled

    article = names_paragraph(20_000)
    calls: list[int] = []
    analyze(article, lambda: bool(calls.append(1)))
    asked: list[int] = []
    limit = int(at * len(calls))

    def stop() -> bool:
        asked.append(1)
        return len(asked) > limit

    with pytest.raises(AnalysisCancelled):
        analyze(article, stop)
    assert len(asked) == limit + 1  # nothing asked, so nothing done, after the stop came true
