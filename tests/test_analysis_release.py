"""What a huge analysis built is freed in the background, a piece at a time (`let_go`), and
the analysis cache analyses a text once when two threads ask for it at the same time."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from reader.analysis import AnalysisCancelled, release
from reader.analysis.cache import AnalysisCache
from reader.corpus.parse import parse_article


def wait_until_emptied(timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while release.waiting() and time.monotonic() < deadline:
        time.sleep(0.01)


def test_large_containers_let_go_are_emptied_in_the_background_and_shared_items_live_on() -> None:
    kept = ["still needed"]
    big_list = [kept] + [[i] for i in range(50_000)]
    big_dict = {i: (i,) for i in range(50_000)}
    small = [1, 2, 3]
    release.let_go(big_list, big_dict, small)
    wait_until_emptied()
    assert big_list == [] and big_dict == {}
    assert small == [1, 2, 3]  # a small one is left to be freed as usual
    assert kept == ["still needed"]  # only the containers are emptied, not what they held


def article(text: str):
    return parse_article(text, article_id="a", path=Path("a.txt"), content_hash="-", problems=[])


def test_two_threads_asking_for_one_text_get_one_analysis() -> None:
    # The open article and the corpus pass asked for the same huge text at once: it was analysed
    # twice, side by side, each at half speed.
    cache = AnalysisCache(None)
    text = "A Story\n\n" + "Ana Ruiz said that Ben Cole met Dana Lee. " * 3_000 + "\n"
    results = []
    threads = [threading.Thread(target=lambda: results.append(cache.get(article(text)))) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert cache.misses == 1 and cache.hits == 1
    assert results[0] is results[1] and results[0].names


def test_a_thread_waiting_for_another_s_analysis_can_be_stopped() -> None:
    cache = AnalysisCache(None)
    text = "A Story\n\n" + "Ana Ruiz said that Ben Cole met Dana Lee. " * 20_000 + "\n"
    first = threading.Thread(target=cache.get, args=(article(text),))
    first.start()
    while not cache._underway:
        time.sleep(0.001)
    started = time.perf_counter()
    with pytest.raises(AnalysisCancelled):
        cache.get(article(text), stop=lambda: time.perf_counter() - started > 0.1)
    assert first.is_alive()  # stopped while the first analysis, seconds long, was still running
    first.join()


def test_the_collector_stays_off_until_all_is_emptied_and_a_freeze_by_others_stays() -> None:
    # The screen freezes a large corpus's objects out of the collector's passes; emptying an
    # analysis's containers used to end with gc.unfreeze(), which undid that freeze.
    import gc

    wait_until_emptied()  # what an earlier test's analysis let go of
    assert gc.isenabled()
    gc.freeze()
    frozen = gc.get_freeze_count()
    try:
        with release.collector_paused():
            release.let_go([[i] for i in range(200_000)])
        assert not gc.isenabled() or release.waiting() == 0  # off while the emptying is under way
        wait_until_emptied()
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen // 2  # (frozen objects can still be freed one by one)
    finally:
        gc.unfreeze()
