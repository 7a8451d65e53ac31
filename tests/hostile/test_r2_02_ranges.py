"""Round two, case 2: a range of words (`[a to]`) reads a bounded part of the term dictionary,
counts no more hits than there are articles, and a search can be stopped; a field glued to the
word before it (`insiderdate:{2019 to}`) is read as the word and the field, not a body range."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest
from conftest import write

from reader.search import SearchIndex
from reader.search import query as Qm

pytestmark = pytest.mark.unit

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _many_words(folder: Path, n: int) -> Path:
    """n articles of made-up words: a dictionary of thousands of words from a to z."""
    rng = random.Random(5)
    for i in range(n):
        words = ["".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 8))) for _ in range(120)]
        title = " ".join(words[:6]).title()
        year = 2017 + i % 5
        write(folder, f"a{i:03d}.txt", f"date {year}-05-01 {title}\n\n{' '.join(words)} insider.\n")
    return folder


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    root = tmp_path_factory.mktemp("ranges")
    corpus = _many_words(root / "corpus", 60)
    ix = SearchIndex(corpus, root / "home")
    ix.sync()
    return ix


def test_a_title_range_counts_no_more_hits_than_articles(index: SearchIndex) -> None:
    result = index.search("title:[a to]", limit=10)
    assert 0 < result.total <= index.doc_count() == 60
    assert len(result.hits) == min(10, result.total)


def test_a_range_reads_a_bounded_part_of_the_dictionary(index: SearchIndex, monkeypatch) -> None:
    monkeypatch.setattr(Qm, "MAX_RANGE_TERMS", 50)
    result = index.search("[a to] [b to] [c to]", limit=5)
    assert any("at most the first 50 words" in m for m in result.messages)
    # Each range over titles and bodies: at most MAX_EXPANSIONS words a field (what is highlighted too).
    assert result.terms and len(result.terms) <= 3 * 2 * Qm.MAX_EXPANSIONS
    assert result.total <= 60


def test_a_range_with_an_end_keeps_to_it(index: SearchIndex) -> None:
    result = index.search("body:[ma to mb]", limit=60)
    assert result.terms and all("ma" <= t <= "mb" for t in result.terms)


def test_a_search_that_is_stopped_says_so_and_answers_nothing(index: SearchIndex) -> None:
    asked = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) > 3  # stops while the range is being read

    result = index.search("[a to] [b to] [c to]", limit=5, stop=stop)
    assert result.hits == [] and "search stopped" in result.messages


def test_close_from_another_thread_stops_a_search_in_hand(index: SearchIndex, tmp_path: Path) -> None:
    other = SearchIndex(index.corpus, index.folder.parent.parent)
    assert other.open_existing()
    started, release = threading.Event(), threading.Event()

    def slow_stop() -> bool:
        started.set()
        release.wait(30)  # the search sits here until close() has been called
        return False

    answers = []
    thread = threading.Thread(target=lambda: answers.append(other.search("[a to]", stop=slow_stop)))
    thread.start()
    assert started.wait(30)
    closer = threading.Thread(target=other.close)
    closer.start()
    release.set()
    closer.join(30)
    thread.join(30)
    assert not closer.is_alive() and not thread.is_alive()
    assert answers and "search stopped" in answers[0].messages


def test_a_field_glued_to_a_word_is_read_apart(index: SearchIndex) -> None:
    result = index.search("insiderdate:{2019 to}", limit=60)
    assert any("read as 'insider date:'" in m for m in result.messages)
    assert result.hits and all(h.date and h.date >= "2020" for h in result.hits)
    assert result.total == 24  # the articles of 2020 and 2021 (12 each), all holding "insider"
