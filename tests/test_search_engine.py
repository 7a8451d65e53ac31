"""The search engine's own machinery, checked against plainer truths: the fast word counting
against Whoosh's analyzer, the posting-list evaluator against Whoosh's matchers, phrases
against the word sequences of the texts, and a build in worker processes against one in this
process."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import write

from reader.search import SearchIndex, ranking
from reader.search import build as build_module
from reader.search import commit as commit_module
from reader.search import indexing as indexing_module
from reader.search import query as Qm
from reader.search.pairs import _HEADER, PairsFile, pair_buckets
from reader.search.schema import fold_accents, index_words, text_analyzer, word_sequence

VOCABULARY = (
    "alec hilaria baldwin insider source close said told fans carpet red divorce marriage "
    "couple friend reportedly claims rumours sources representative statement reality show "
    "interview spokesperson tabloid exclusive family children yoga podcast accent spanish"
).split()


def _corpus(folder: Path, n: int, seed: int = 3) -> Path:
    """n articles of random sentences over a small vocabulary, so that words and phrases repeat."""
    rng = random.Random(seed)
    for i in range(n):
        title = " ".join(rng.choice(VOCABULARY) for _ in range(5)).title()
        body = "\n\n".join(
            " ".join(rng.choice(VOCABULARY + ["the", "of", "a"]) for _ in range(40)) + "." for _ in range(4)
        )
        day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        write(folder, f"{i // 100:02d}/article_{i:04d}.txt", f"date {day} {title}\n\n{body}\n")
    return folder


@pytest.fixture
def generated(tmp_path) -> Path:
    return _corpus(tmp_path / "corpus", 240)


def _run_both(index: SearchIndex, text: str):
    searcher = index._current_searcher()
    cleaned, messages = Qm.repair(text)
    q = Qm.expand(Qm.make_parser(index._ix.schema).parse(cleaned), searcher.reader(), messages)
    ours = index._rank(searcher, q, 1000)
    theirs = searcher.search(q, limit=None)
    return ours, theirs


def test_counted_words_equal_whooshs_analyzer(seeds) -> None:
    analyzer = text_analyzer()
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.iterdir())]
    texts.append("I.B.M. U.S. it's A x Hilaria's café 3.5 Ünïcode don't the THE Zoë's co-star")
    for text in texts:
        text = fold_accents(text)
        assert index_words(text) == Counter(t.text for t in analyzer(text))
        assert word_sequence(text) == [t.text for t in analyzer(text)]


def test_evaluator_finds_and_ranks_what_whoosh_does(generated, isolated_home) -> None:
    index = SearchIndex(generated, isolated_home)
    index.sync()
    for text in [
        "insider",
        "insider AND fans",
        "carpet OR yoga",
        "alec -hilaria",
        "+source podcast",
        "title:divorce",
        "date:[2024-02 to 2024-05] couple",
        "sourc*",
        "divorse~",
    ]:
        ours, theirs = _run_both(index, text)
        assert ours.total == len(theirs), text
        expected = [(hit.docnum, round(hit.score, 6)) for hit in theirs]
        got = [(d, round(s, 6)) for d, s in ours.top]
        assert sorted(got, key=lambda x: (-x[1], x[0])) == sorted(expected, key=lambda x: (-x[1], x[0])), text
    # Whoosh scores a NOT part as 1.0 more; the documents are the same.
    ours, theirs = _run_both(index, "insider NOT fans")
    assert {d for d, _ in ours.top} == {hit.docnum for hit in theirs}
    index.close()


def test_frequent_words_laid_out_by_document_rank_as_whoosh_does(generated, isolated_home, in_workers) -> None:
    """A build in workers lays its segments' frequent words out a byte a document (dense.py);
    AND, OR, NOT and single words read them in place and answer as Whoosh's own matchers do,
    also once an article has changed (its old document deleted in a segment laid out so)."""
    from reader.search.dense import DensePostings
    from reader.search.postings import PostingsReader

    for i in range(40):  # a rare word beside the frequent ones
        if i % 3 == 0:
            path = next(generated.rglob(f"article_{i:04d}.txt"))
            path.write_text(path.read_text(encoding="utf-8") + "\nA walrus was seen near the podcast studio.\n")
    index = SearchIndex(generated, isolated_home)
    assert index.sync().added == 240
    assert list((index.folder / "whoosh").glob("*.dense")), "a build in workers lays frequent words out"
    queries = ["said", "walrus AND podcast", "podcast AND walrus AND fans", "walrus OR insider", "walrus -fans", "yoga"]

    def same_as_whoosh() -> None:
        pr = PostingsReader(index._current_searcher(), index.folder / "whoosh")
        assert isinstance(pr.postings("body", "podcast"), DensePostings)
        assert len(pr.postings("body", "podcast")) == len(set(pr.postings("body", "podcast")))
        pr.close()
        for text in queries:
            ours, theirs = _run_both(index, text)
            assert ours.total == len(theirs), text
            expected = sorted((hit.docnum, round(hit.score, 5)) for hit in theirs)
            if "-" in text:  # Whoosh scores a NOT part as 1.0 more; the documents are the same
                assert sorted(d for d, _ in ours.top) == [d for d, _ in expected], text
            else:
                assert (
                    sorted((d, round(s, 5)) for d, s in ours.top) == expected[: len(ours.top)]
                    or sorted((d, round(s, 5)) for d, s in ours.top)
                    == sorted(expected, key=lambda x: (-x[1], x[0]))[: len(ours.top)]
                ), text

    same_as_whoosh()
    changed = next(generated.rglob("article_0003.txt"))
    changed.write_text(changed.read_text(encoding="utf-8").replace("walrus", "seal"))
    assert index.sync().changed == 1
    same_as_whoosh()
    index.close()
    from reader.search.dense import _HEADER as DENSE_HEADER
    from reader.search.dense import DenseFile

    for dense in (index.folder / "whoosh").glob("*.dense"):  # a count of "podcast" garbled: its row is not used
        stat = dense.stat()
        opened = DenseFile(dense, DENSE_HEADER.unpack_from(dense.read_bytes())[1])
        start = opened._rows[("body", "podcast")][0]
        opened.close()
        with open(dense, "r+b") as f:
            f.seek(start + 3)
            byte = f.read(1)
            f.seek(start + 3)
            f.write(bytes([byte[0] ^ 0x5A]))
        os.utime(dense, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    index = SearchIndex(generated, isolated_home)
    assert index.open_existing()
    pr = PostingsReader(index._current_searcher(), index.folder / "whoosh")
    assert not isinstance(pr.postings("body", "podcast"), DensePostings)  # read from its blocks
    assert isinstance(pr.postings("body", "said"), DensePostings)  # the other rows still used
    pr.close()
    for text in queries:
        ours, theirs = _run_both(index, text)
        assert ours.total == len(theirs), text
    index.close()


def _as_whole_format(path: Path, magic: bytes | None = None) -> None:
    """A side file written now (`.pairs` format 5, `.dense` format 2: a checksum a piece) made
    as the formats before wrote it (4 or `magic`, and 1: one checksum of the whole file)."""
    import zlib

    from reader.search.dense import _HEADER as DENSE_HEADER
    from reader.search.pairs import GROUPS

    raw, stat = path.read_bytes(), path.stat()
    if path.suffix == ".pairs":
        found, buckets, count, _ = _HEADER.unpack_from(raw)
        assert found == b"BRPAIRS5"
        offsets = raw[_HEADER.size : _HEADER.size + 4 * (buckets + 1)]
        data = raw[_HEADER.size + 4 * (buckets + 1) + 4 * GROUPS :]
        header = _HEADER.pack(magic or b"BRPAIRS4", buckets, count, zlib.crc32(offsets + data))
        path.write_bytes(header + offsets + data)
    else:
        found, count, length, _ = DENSE_HEADER.unpack_from(raw)
        assert found == b"BRDENSE2"
        directory = json.dumps([e[:3] for e in json.loads(raw[DENSE_HEADER.size : DENSE_HEADER.size + length])])
        rows = raw[DENSE_HEADER.size + length :]
        old = directory.encode("utf-8")
        path.write_bytes(DENSE_HEADER.pack(b"BRDENSE1", count, len(old), zlib.crc32(old + rows)) + old + rows)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    from reader.search.integrity import META

    meta_path = path.parent.parent / META  # the size the sync recorded, as that format's file had it
    meta = json.loads(meta_path.read_text())
    meta["files"][path.name][0] = path.stat().st_size
    meta_path.write_text(json.dumps(meta))


def _garble(path: Path, at: int) -> None:
    """A byte of the file flipped, its modification time kept (as the sync recorded it)."""
    stat = path.stat()
    with open(path, "r+b") as f:
        f.seek(at)
        byte = f.read(1)
        f.seek(at)
        f.write(bytes([byte[0] ^ 0x5A]))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_side_files_are_checked_a_piece_at_a_time_and_a_damaged_piece_is_not_used(
    generated, isolated_home, in_workers, monkeypatch
) -> None:
    """A CLI's first search at 100,000 articles read every side file whole for its checksum
    (~50 ms for the `.dense` files of a word search, ~70 ms more for the `.pairs` of a phrase).
    Now a group of buckets or a row is checked when a search first reads it: opening a file
    checksums its offsets and directory only. A byte garbled in one group of buckets: that
    group is not used (the segment's postings answer), the other groups are, and a phrase
    search still finds exactly what the texts hold."""
    from reader.search import pairs as pairs_module
    from reader.search.pairs import GROUP

    index = SearchIndex(generated, isolated_home)
    assert index.sync().added == 240
    index.close()
    folder = index.folder / "whoosh"
    pairs_path = max(folder.glob("*.pairs"), key=lambda p: p.stat().st_size)
    count = _HEADER.unpack_from(pairs_path.read_bytes())[2]
    summed: list[int] = []
    real_crc = pairs_module.zlib.crc32
    monkeypatch.setattr(pairs_module.zlib, "crc32", lambda data, *a: summed.append(len(data)) or real_crc(data, *a))
    opened = PairsFile(pairs_path, count)
    data = pairs_path.stat().st_size - opened._data
    assert sum(summed) == 4 * len(opened._offsets) + 4 * len(opened._sums)  # not one document read
    phrase = pair_buckets(word_sequence_hashes("red carpet"))
    bucket = next(iter(phrase))
    summed.clear()
    assert opened.docs_of([bucket]) is not None and 0 < sum(summed) < data / 16
    summed.clear()
    assert opened.docs_of([bucket]) is not None and summed == []  # checked once
    offsets = opened._offsets
    group = bucket // GROUP
    first = next(b for b in range(group * GROUP, (group + 1) * GROUP) if offsets[b + 1] > offsets[b])
    other = next(b for b in range(len(offsets) - 1) if b // GROUP != group and offsets[b + 1] > offsets[b])
    opened.close()
    _garble(pairs_path, opened._data + 2 * offsets[first])
    damaged = PairsFile(pairs_path, count)  # opens: the offsets are sound
    assert damaged.docs_of([bucket]) is None and damaged.docs_of([other]) is not None
    damaged.close()
    monkeypatch.setattr(pairs_module.zlib, "crc32", real_crc)
    searched = SearchIndex(generated, isolated_home)
    assert searched.open_existing()
    found = {h.id for h in searched.search('"red carpet"', limit=1000, with_snippets=False).hits}
    assert found == _truth(generated, word_sequence("red carpet")) and found
    searched.close()


def word_sequence_hashes(phrase: str):
    from reader.search.pairs import hashes_of
    from reader.search.schema import sequence_bytes

    return hashes_of(sequence_bytes(phrase))


def test_side_files_of_the_formats_before_are_checked_whole_once_until_they_change(
    generated, isolated_home, in_workers, monkeypatch
) -> None:
    """`.pairs` format 4 and `.dense` format 1 (an index built before) have one checksum for
    the whole file. Every commit makes a new searcher, which opened them again and read them
    whole: a file this process has checked is not read again while its stamp is the same;
    one rewritten since is, and refused when damaged."""
    from reader.search import dense as dense_module
    from reader.search import pairs as pairs_module

    index = SearchIndex(generated, isolated_home)
    assert index.sync().added == 240
    index.close()
    folder = index.folder / "whoosh"
    dense_path, pairs_path = sorted(folder.glob("*.dense"))[0], sorted(folder.glob("*.pairs"))[0]
    for path in (dense_path, pairs_path):
        _as_whole_format(path)
    docs = {}
    for path in (dense_path, pairs_path):
        from whoosh.index import open_dir

        with open_dir(str(folder)).reader() as reader:
            for sub, _ in reader.leaf_readers():
                if path.stem == sub.segment().segment_id():
                    docs[path] = sub.doc_count_all()
    sums: list[int] = []
    real_crc = dense_module.zlib.crc32
    monkeypatch.setattr(dense_module.zlib, "crc32", lambda *a: sums.append(1) or real_crc(*a))
    real_rest = pairs_module._crc_of_rest
    monkeypatch.setattr(pairs_module, "_crc_of_rest", lambda path: sums.append(1) or real_rest(path))
    for path, kind in ((dense_path, dense_module.DenseFile), (pairs_path, pairs_module.PairsFile)):
        first = kind(path, docs[path])
        checked = len(sums)
        second = kind(path, docs[path])
        assert checked > 0 and len(sums) == checked, path.suffix
        first.close()
        second.close()
        _garble(path, path.stat().st_size - 1)  # another stamp: checked again, refused
        with pytest.raises(ValueError):
            kind(path, docs[path])


def test_side_files_of_the_format_before_can_be_checked_before_the_first_phrase_search(
    generated, isolated_home, in_workers, monkeypatch
) -> None:
    """The app checks the side files in a worker once the index is ready: with pairs files of
    format 4 (an index built before) the first phrase search then takes no checksum (it read
    every pairs file whole: ~0.5 s at 100,000)."""
    from reader.search import checked_files
    from reader.search import pairs as pairs_module

    index = SearchIndex(generated, isolated_home)
    assert index.sync().added == 240
    index.close()
    for path in (index.folder / "whoosh").glob("*.pairs"):
        _as_whole_format(path)
    monkeypatch.setattr(checked_files, "_verified", set())  # as in a new process
    sums: list[str] = []
    real_rest = pairs_module._crc_of_rest
    monkeypatch.setattr(pairs_module, "_crc_of_rest", lambda path: sums.append(path) or real_rest(path))
    opened = SearchIndex(generated, isolated_home)
    assert opened.open_existing()
    files = len(list((opened.folder / "whoosh").glob("*.pairs"))) + len(
        list((opened.folder / "whoosh").glob("*.dense"))
    )
    assert opened.prepare(stop=lambda: True) == 0 and sums == []  # stopped: nothing read
    assert opened.prepare() == files > 0
    checked = len(sums)
    assert checked == len(list((opened.folder / "whoosh").glob("*.pairs")))
    assert opened.search('"red carpet"').total > 0 and len(sums) == checked
    opened.close()
    assert opened.prepare() == 0  # closed: nothing opened again


def test_a_prepared_index_reads_nothing_more_for_its_first_search(
    generated, isolated_home, in_workers, monkeypatch
) -> None:
    """The app prepares the index in a worker once it is ready (SearchIndex.prepare): the first
    search then opens no segment's dense file and works out no norms, and answers as an index
    not prepared does."""
    from reader.search import postings as postings_module

    assert SearchIndex(generated, isolated_home).sync().added == 240
    unprepared = SearchIndex(generated, isolated_home)
    expected = [(hit.id, hit.score) for hit in unprepared.search("carpet OR spanish", limit=20).hits]
    unprepared.close()
    index = SearchIndex(generated, isolated_home)
    assert index.open_existing()
    index.prepare()
    reads: list[str] = []
    real_open, real_table = postings_module.open_dense, postings_module.PostingsReader.norm_table
    monkeypatch.setattr(postings_module, "open_dense", lambda *a: reads.append("dense") or real_open(*a))
    monkeypatch.setattr(
        postings_module.PostingsReader, "norm_table", lambda self, f: reads.append(f"norms {f}") or real_table(self, f)
    )
    found = index.search("carpet OR spanish", limit=20)
    assert reads == [] and [(hit.id, hit.score) for hit in found.hits] == expected and len(expected) == 20
    index.close()
    index.prepare()  # closed: nothing opened again
    assert index._searcher is None


def test_preparing_an_index_that_cannot_be_read_leaves_it_to_the_search(generated, isolated_home, monkeypatch) -> None:
    """The app prepares in a worker, where an error would end the app: a segment that cannot be
    read is left for the search that meets it, which opens the index again and answers."""
    from reader.search import postings as postings_module

    assert SearchIndex(generated, isolated_home).sync().added == 240
    index = SearchIndex(generated, isolated_home)
    assert index.open_existing()

    def unreadable(self) -> None:
        raise OSError("segment file truncated")

    monkeypatch.setattr(postings_module.PostingsReader, "prepare", unreadable)
    index.prepare()  # no error
    assert index._searcher is None and index.search("carpet").total > 0
    index.close()


def _holds_typed(text: str, phrase: str) -> bool:
    """The phrase's words as typed side by side in an article's body (after its first line),
    anything but a word between them."""
    from reader.search.phrases import typed_words

    pattern = re.compile(r"\b" + r"\W+".join(map(re.escape, typed_words(phrase))) + r"\b")
    return pattern.search(fold_accents(text.split("\n", 1)[1]).lower()) is not None


def _truth(corpus: Path, words: list[str]) -> set[str]:
    """Ids of the articles whose body's word sequence holds `words` side by side."""
    found = set()
    for path in corpus.rglob("*.txt"):
        body = fold_accents(path.read_text(encoding="utf-8").split("\n", 1)[1])
        sequence = word_sequence(body)
        if any(sequence[i : i + len(words)] == words for i in range(len(sequence))):
            found.add(path.stem)
    return found


@pytest.fixture
def in_workers(monkeypatch):
    """Builds of more than 50 articles go to worker processes (normally 500)."""
    monkeypatch.setattr(indexing_module, "PARALLEL_MIN", 50)
    if not build_module.workers_available():
        monkeypatch.setattr(build_module, "workers_available", lambda: 2)


def test_phrases_match_the_word_sequences_with_and_without_pair_buckets(generated, isolated_home, in_workers) -> None:
    index = SearchIndex(generated, isolated_home)
    report = index.sync()
    assert report.added == 240
    whoosh_dir = index.folder / "whoosh"
    assert list(whoosh_dir.glob("*.pairs")), "a build in workers writes pair buckets"
    phrases = [["insid", "said"], ["red", "carpet"], ["sourc", "close"], ["alec", "baldwin", "said"]]
    with_pairs = {}
    for words in phrases:
        result = index.search('"' + " ".join(words) + '"', limit=1000, with_snippets=False)
        with_pairs[tuple(words)] = [h.id for h in result.hits]
        assert {h.id for h in result.hits} == _truth(generated, words), words
        assert result.total == len(result.hits)
    index.close()
    meta = json.loads((index.folder / "meta.json").read_text())
    for pairs in whoosh_dir.glob("*.pairs"):
        pairs.unlink()
        del meta["files"][pairs.name]  # as if those segments had been written without them
    (index.folder / "meta.json").write_text(json.dumps(meta))
    plain = SearchIndex(generated, isolated_home)
    assert plain.open_existing()
    for words in phrases:
        result = plain.search('"' + " ".join(words) + '"', limit=1000, with_snippets=False)
        assert [h.id for h in result.hits] == with_pairs[tuple(words)]
    plain.close()


def test_phrases_with_stop_words_check_only_the_articles_their_typed_pairs_allow(
    generated, isolated_home, in_workers, monkeypatch
) -> None:
    """A phrase holding stop words is confirmed in each candidate's words as typed, kept beside
    the index (no article file read: that cost ~0.4 ms an article). The pairs of the words as
    typed, kept in the pairs files, leave only the articles that may hold the phrase: the same
    hits from far fewer checked; an index whose pairs files are of the format before (no typed
    pairs) finds the same, checking more."""
    index = SearchIndex(generated, isolated_home)
    assert index.sync().added == 240
    read: list[str] = []  # article files opened while searching
    real_open = os.open

    def spy_open(path, *args, **kwargs):
        if str(path).startswith(str(generated)):
            read.append(str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy_open)
    checked: list[int] = []
    real_check = ranking.TypedPhraseNode._holding

    def holding(node, docs):
        docs = list(docs)
        checked.append(len(docs))
        return real_check(node, docs)

    monkeypatch.setattr(ranking.TypedPhraseNode, "_holding", holding)
    phrases = ["said the", "the red", "of a source", "insider of the", "told the fans", "the red carpet"]
    answers, counts = {}, {}
    for phrase in phrases:
        checked.clear()
        result = index.search(f'"{phrase}"', limit=1000, with_snippets=False)
        truth = {p.stem for p in generated.rglob("*.txt") if _holds_typed(p.read_text(encoding="utf-8"), phrase)}
        assert {h.id for h in result.hits} == truth, phrase
        answers[phrase], counts[phrase] = [h.id for h in result.hits], sum(checked)
    assert read == []  # the search opened no article file
    index.close()
    for pairs in (index.folder / "whoosh").glob("*.pairs"):  # as written before typed pairs were kept
        _as_whole_format(pairs, b"BRPAIRS3")  # the stamps the sync recorded kept
    before = SearchIndex(generated, isolated_home)
    assert before.open_existing()
    for phrase in phrases:
        checked.clear()
        result = before.search(f'"{phrase}"', limit=1000, with_snippets=False)
        assert [h.id for h in result.hits] == answers[phrase]
        assert sum(checked) > 1.5 * counts[phrase], (phrase, sum(checked), counts[phrase])
    before.close()


def test_segments_merged_after_a_people_pass_keep_their_pair_buckets(
    generated, isolated_home, in_workers, monkeypatch
) -> None:
    """The people pass writes a large corpus again in small segments, which are merged: the
    merged ones had no pairs file, so after the pass every phrase was checked in every article
    holding its words. Merged segments get their sources' buckets under the new document
    numbers (a source with a deleted document included), and phrases find what they did."""
    monkeypatch.setattr(indexing_module, "PARALLEL_MIN", 10)  # each batch of the pass in workers
    monkeypatch.setattr(indexing_module, "PARALLEL_MIN_ANALYSED", 10)
    index = SearchIndex(generated, isolated_home, people=lambda article: [])
    index.people_limit = 10
    assert index.sync().added == 240 and index.people_pending() == 240
    done = 0

    def enough() -> bool:
        return done >= 60

    def step(n: int, _total: int) -> None:
        nonlocal done
        done = n

    index.fill_people(step, stop=enough, batch=20)
    pending = set(index._catalog.people_pending(1000))
    gone = next(p for p in sorted(generated.rglob("*.txt")) if str(p) not in pending)
    gone.unlink()  # its document deleted in a segment the pass wrote, which is merged below
    assert index.sync().removed == 1
    assert index.fill_people(batch=20)[1] == 0
    from reader.search.postings import PostingsReader

    pr = PostingsReader(index._current_searcher(), index.folder / "whoosh")
    readers = [sub.reader() for sub, _ in pr.leaves]
    assert any(reader.doc_count_all() > 40 for reader in readers), [(r.doc_count_all(), r.doc_count()) for r in readers]
    for leaf, reader in enumerate(readers):
        pairs = pr.pairs(leaf)
        assert pairs is not None and pairs.typed, (reader.segment().segment_id(), reader.doc_count_all())
    pr.close()
    live = {reader.segment().segment_id() for reader in readers}
    beside = {p.stem for p in (index.folder / "whoosh").iterdir() if p.suffix in (".pairs", ".dense")}
    assert beside and beside <= live  # those of segments gone went with them
    texts = {p.stem: p.read_text(encoding="utf-8") for p in generated.rglob("*.txt")}
    for phrase in ["red carpet", "sources close", "said the", "the red", "told the fans"]:
        found = {h.id for h in index.search(f'"{phrase}"', limit=1000, with_snippets=False).hits}
        if any(w in ("the", "a", "of") for w in phrase.split()):
            truth = {stem for stem, text in texts.items() if _holds_typed(text, phrase)}
        else:
            truth = _truth(generated, word_sequence(phrase))
        assert found == truth, phrase
    index.close()


def test_a_build_in_workers_answers_like_one_in_this_process(generated, tmp_path, in_workers, monkeypatch) -> None:
    shutil.copy(next(generated.rglob("article_0007.txt")), generated / "copy_of_7.txt")
    parallel = SearchIndex(generated, tmp_path / "a")
    report = parallel.sync()
    assert report.added == 240 and any("identical to" in s.reason for s in report.skipped)
    monkeypatch.setattr(build_module, "workers_available", lambda: 0)
    serial = SearchIndex(generated, tmp_path / "b")
    assert serial.sync().added == 240
    for text in ["insider", '"red carpet"', "couple AND yoga", "title:exclusive", "podcast -accent"]:
        a = parallel.search(text, limit=1000, with_snippets=False)
        b = serial.search(text, limit=1000, with_snippets=False)
        assert a.total == b.total and sorted(h.id for h in a.hits) == sorted(h.id for h in b.hits), text
    # Changes after a build in workers go through the ordinary writer and replace the old copy.
    target = next(generated.rglob("article_0003.txt"))
    old_text = target.read_text(encoding="utf-8")
    first_words = " ".join(old_text.split("\n\n")[1].split()[:2])
    target.write_text(old_text + "\nA quokka appeared.\n", encoding="utf-8")
    again = parallel.sync()
    assert again.changed == 1
    assert [h.id for h in parallel.search("quokka").hits] == ["article_0003"]
    assert parallel.search("quokka").total == 1
    # The old copy, deleted from its worker's segment, is not found by a phrase either.
    hits = [h.id for h in parallel.search(f'"{first_words}"', limit=1000).hits]
    assert hits.count("article_0003") == 1, first_words
    parallel.close()
    serial.close()


def test_phrase_of_stop_words_and_a_missing_phrase(generated, isolated_home) -> None:
    index = SearchIndex(generated, isolated_home)
    index.sync()
    assert index.search('"the of a"').hits == []
    assert index.search('"quokka wallaby"').total == 0
    index.close()


def test_pair_buckets_are_those_of_adjacent_words() -> None:
    from array import array

    hashes = array("I", [0x12345678, 0x9ABCDEF0, 0x0F0F0F0F])
    assert pair_buckets(hashes) == {0x5678 ^ 0x9ABC, 0xDEF0 ^ 0x0F0F}
    assert pair_buckets(array("I", [1])) == set()


def test_unsupported_nodes_fall_back_to_whoosh(generated, isolated_home) -> None:
    from whoosh import query as Q

    index = SearchIndex(generated, isolated_home)
    index.sync()
    searcher = index._current_searcher()
    q = Q.DisjunctionMax([Q.Term("body", "insid"), Q.Term("title", "insid")])
    with pytest.raises(ranking.Unsupported):
        ranking.run(q, index._postings or ranking.PostingsReader(searcher), 10)
    ranked = index._rank(searcher, q, 10)
    assert ranked.total > 0 and ranked.engine == "whoosh"  # and `search --json` says so
    index.close()


def test_opening_a_damaged_index_without_the_lock_destroys_nothing(generated, isolated_home) -> None:
    index = SearchIndex(generated, isolated_home)
    index.sync()
    index.close()
    whoosh_dir = index.folder / "whoosh"
    toc = next(whoosh_dir.glob("_MAIN_*.toc"))
    toc.write_bytes(b"half a table of contents")
    files = sorted(p.name for p in whoosh_dir.iterdir())
    reader = SearchIndex(generated, isolated_home)
    assert reader.open_existing() is False
    assert sorted(p.name for p in whoosh_dir.iterdir()) == files  # another process may be writing it
    repaired = reader.sync()  # under the lock: rebuilt
    assert repaired.rebuilt_because and repaired.added == 240
    reader.close()


def test_a_sync_with_nothing_changed_writes_nothing(generated, isolated_home) -> None:
    index = SearchIndex(generated, isolated_home)
    index.sync()
    whoosh_dir = index.folder / "whoosh"
    before = {p.name: p.stat().st_mtime_ns for p in whoosh_dir.iterdir()}
    report = index.sync()
    assert report.unchanged == 240 and not (report.added or report.changed or report.removed)
    assert {p.name: p.stat().st_mtime_ns for p in whoosh_dir.iterdir()} == before
    index.close()


def test_a_failing_worker_fails_the_sync_and_nothing_hangs(generated, isolated_home, in_workers, monkeypatch) -> None:
    def broken(job, people):
        raise ValueError(f"cannot read {job.path.name}")

    monkeypatch.setattr(build_module, "prepare", broken)
    index = SearchIndex(generated, isolated_home)
    with pytest.raises(RuntimeError, match="indexing worker failed"):
        index.sync()
    index.close()  # and the test process exits: no queue left waiting to hand over its jobs


def test_the_app_quitting_does_not_stop_its_index_child(generated, isolated_home) -> None:
    import subprocess
    import sys

    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "reader",
            "index",
            "--progress-json",
            "--corpus",
            str(generated),
            "--home",
            str(isolated_home),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    child.stdout.close()  # the reader of its progress is gone
    assert child.wait(timeout=60) == 0, child.stderr.read().decode()
    index = SearchIndex(generated, isolated_home)
    assert index.open_existing() and index.doc_count() == 240
    index.close()


def test_small_changes_never_merge_the_big_segments(generated, isolated_home, in_workers, monkeypatch) -> None:
    """Whoosh's own merge policy re-wrote every segment once there were ~20 of a size."""
    from whoosh.index import open_dir

    monkeypatch.setattr(commit_module, "SMALL_SEGMENT", 15)
    monkeypatch.setattr(commit_module, "MERGE_AT", 3)
    monkeypatch.setattr(build_module, "CHUNK", 20)  # worker segments of 40 articles
    monkeypatch.setattr(build_module, "chunk_size", lambda total, workers: 20)
    monkeypatch.setattr(build_module, "MAX_DOCS", 40)
    index = SearchIndex(generated, isolated_home)
    index.sync()
    whoosh_dir = str(index.folder / "whoosh")
    big = {s.segment_id() for s in open_dir(whoosh_dir)._segments() if s.doc_count_all() >= 15}
    assert len(big) >= 3
    target = next(generated.rglob("article_0005.txt"))
    for n in range(4):  # four one-file syncs: four one-document segments, then a merge of them
        target.write_text(target.read_text(encoding="utf-8") + f"\nChange {n}.\n", encoding="utf-8")
        assert index.sync().changed == 1
    segments = open_dir(whoosh_dir)._segments()
    assert big <= {s.segment_id() for s in segments}  # untouched
    assert sum(1 for s in segments if s.doc_count_all() < 15) < 3  # the small ones were merged
    assert index.search("change").total == 1
    index.close()


def test_searching_before_any_sync_says_so_and_builds_nothing(generated, isolated_home) -> None:
    index = SearchIndex(generated, isolated_home)
    result = index.search("insider")
    assert result.hits == [] and any("not ready" in m for m in result.messages)
    assert not (index.folder / "whoosh").exists()  # a search never syncs (it may run in an app's thread)
    index.close()


def test_a_damaged_listing_copy_falls_back_to_the_catalog_and_is_written_anew(generated, isolated_home) -> None:
    from reader.search.catalog_db import LISTING, SCHEMA_VERSION, stored_listing

    index = SearchIndex(generated, isolated_home)
    index.sync()
    listing = index.folder / LISTING
    good = stored_listing(index.folder, SCHEMA_VERSION)
    assert len(good) == 240
    listing.write_bytes(listing.read_bytes()[:500])  # truncated
    assert stored_listing(index.folder, SCHEMA_VERSION) == good  # from SQLite
    assert not listing.exists()
    index.sync()  # nothing changed, but the copy is missing: written again
    assert listing.exists() and stored_listing(index.folder, SCHEMA_VERSION) == good
    index.close()


def test_titles_count_double_once(generated, isolated_home) -> None:
    """The title boost lives in one place, the title field (README: titles count double); the
    query does not boost titles a second time."""
    index = SearchIndex(generated, isolated_home)
    index.sync()
    schema = index._ix.schema
    assert schema["title"].format.field_boost == 2.0
    parsed = Qm.make_parser(schema).parse("insider")
    boosts = {leaf.fieldname: leaf.boost for leaf in parsed.leaves()}
    assert boosts == {"title": 1.0, "body": 1.0}
    index.close()


def _resident_kib(folder: Path, suffix: str = "") -> int:
    """Kilobytes of this process's resident pages mapped from files in `folder` (Linux)."""
    total, inside = 0, False
    for line in Path("/proc/self/smaps").read_text().splitlines():
        fields = line.split()
        if fields and "-" in fields[0] and len(fields) >= 5 and ":" in fields[3]:
            inside = len(fields) >= 6 and fields[5].startswith(str(folder)) and fields[5].endswith(suffix)
        elif inside and fields[:1] == ["Rss:"]:
            total += int(fields[1])
    return total


@pytest.mark.skipif(not Path("/proc/self/smaps").exists(), reason="reads Linux's /proc/self/smaps")
def test_the_index_pages_a_search_read_are_let_go_and_searches_answer_the_same(
    generated, isolated_home, in_workers
) -> None:
    """At 100,000 articles the app held every index page its searches had read (300 MiB of its
    resident memory, the pairs files whole from their checksum); `release_pages` lets them go,
    and the next searches answer as before."""
    index = SearchIndex(generated, isolated_home)
    index.sync()
    queries = ['"red carpet"', "insider AND source", "baldwin", "hilaria OR spanish"]
    before = [[(h.id, h.score) for h in index.search(q, limit=1000).hits] for q in queries]
    segments = index.folder / "whoosh"  # the catalog's SQLite shared memory is not the index's
    assert _resident_kib(segments) > 0
    index.release_pages()
    assert _resident_kib(segments) == 0
    for path in segments.glob("*.pairs"):  # opened, a pairs file is not read through its map
        opened = PairsFile(path, _HEADER.unpack_from(path.read_bytes())[2])
        assert _resident_kib(segments, ".pairs") == 0
        opened.close()
    assert _resident_kib(segments) == 0
    assert [[(h.id, h.score) for h in index.search(q, limit=1000).hits] for q in queries] == before
    index.close()


def test_a_sync_reading_people_uses_the_workers_sooner_and_loads_the_analysis_once_before_them(
    generated, isolated_home, monkeypatch
) -> None:
    """A sync that reads each article's people (the analysis, ~10 ms an article) forks its
    workers from 40 articles, not 500 (the people pass's last batch and a sync of a few hundred
    new articles ran on one core); what the analysis loads is loaded once in the parent before
    the fork (`warm`), not in each worker; and the workers share the articles out in chunks
    small enough that neither is left with the tail alone."""
    from reader.search.build import chunk_size

    if not build_module.workers_available():
        monkeypatch.setattr(build_module, "workers_available", lambda: 2)
    calls = isolated_home / "calls"

    def people(article) -> list[str]:
        with open(calls, "a") as f:
            f.write(f"people {os.getpid()}\n")
        return ["Ann Example"]

    def warm() -> None:
        with open(calls, "a") as f:
            f.write(f"warm {os.getpid()}\n")

    few = sorted(generated.rglob("*.txt"))[:60]
    for path in sorted(generated.rglob("*.txt"))[60:]:
        path.unlink()
    index = SearchIndex(generated, isolated_home, people=people, warm=warm)
    assert index.sync().added == len(few) == 60
    lines = [line.split() for line in calls.read_text().splitlines()]
    assert [pid for kind, pid in lines if kind == "warm"] == [str(os.getpid())]
    readers = {pid for kind, pid in lines if kind == "people"}
    assert readers and str(os.getpid()) not in readers, readers  # every article read in a worker
    assert index.search('person:"Ann Example"').total == 60
    index.close()
    assert chunk_size(500, 2) == 25 and chunk_size(100_000, 2) == 100 and chunk_size(60, 2) == 3
    from reader.indexed import IndexedAnalysis

    analysis = IndexedAnalysis(isolated_home)
    analysis.warm()  # the analysis loaded, its cache not opened: an SQLite connection must not cross a fork
    assert analysis._cache is None and not (isolated_home / "analysis.sqlite").exists()


def _quick(q, pr, limit: int):
    """term_top's answer for a query, as ranking.run asks it."""
    from reader.search import term_top

    node = ranking.build(q, pr)
    terms = [node] if isinstance(node, ranking.TermNode) else list(getattr(node, "children", []))
    return term_top.best(node, terms, pr, limit) if all(isinstance(t, ranking.TermNode) for t in terms) else None


def test_one_word_held_by_most_articles_ranks_as_when_every_one_is_scored(
    generated, isolated_home, in_workers, monkeypatch
) -> None:
    """A word in 70,000 of 100,000 articles had every one scored in Python to keep ten (~60
    ms; a search for one word is its title OR its body). Where the word is laid out by
    document, its documents fall into classes of equal score (count, length byte) and only
    the best classes are read (term_top.py). The same hits, in the same order, with the same
    scores and total, as scoring every document, ties included (this corpus's articles are of
    nearly one length, so ties are many), for every word and several limits; again after an
    article changed (its old document deleted in a laid-out segment)."""
    from reader.search import term_top
    from reader.search.ranking import run

    monkeypatch.setattr(term_top, "LEAST", 10)
    index = SearchIndex(generated, isolated_home)
    assert index.sync().added == 240

    def same_answers() -> int:
        searcher = index._current_searcher()
        pr = index._postings_of(searcher)
        quick_answers = 0
        for word in VOCABULARY:
            cleaned, messages = Qm.repair(word)
            q = Qm.expand(Qm.make_parser(index._ix.schema).parse(cleaned), searcher.reader(), messages)
            for limit in (1, 3, 10, 25):
                quick = _quick(q, pr, limit)
                with monkeypatch.context() as patch:
                    patch.setattr(term_top, "best", lambda *args: None)
                    full = run(q, pr, limit)
                if quick is not None:
                    quick_answers += 1
                    assert quick == (full.top, full.total), (word, limit)
        return quick_answers

    assert same_answers() > len(VOCABULARY)  # most words took the quick way
    changed = next(generated.rglob("article_0007.txt"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe insider said so.\n", encoding="utf-8")
    assert index.sync().changed == 1
    assert same_answers() > len(VOCABULARY)
    index.close()

    # Whole classes tied: 300 articles of one length, the word once in most and twice in
    # some; the best are the lowest numbers of the best class, then of the next. Then the
    # first of the best class changed: its old document, deleted, is not among them.
    ties = generated.parent / "ties"
    for i in range(300):
        count = 2 if i % 7 == 3 else 0 if i % 10 == 9 else 1
        body = " ".join(["walrus"] * count + [f"filler{j}" for j in range(29 - count)] + [f"story{i}"])
        write(ties, f"t{i:03d}.txt", f"Plain Story\n\n{body}.\n")
    tied = SearchIndex(ties, isolated_home)
    assert tied.sync().added == 300

    def same_tied_answers() -> None:
        searcher = tied._current_searcher()
        pr = tied._postings_of(searcher)
        q = Qm.expand(Qm.make_parser(tied._ix.schema).parse("walrus"), searcher.reader(), [])
        for limit in (1, 5, 10, 30):
            quick = _quick(q, pr, limit)
            with monkeypatch.context() as patch:
                patch.setattr(term_top, "best", lambda *args: None)
                full = run(q, pr, limit)
            assert quick is not None and quick == (full.top, full.total), limit

    same_tied_answers()
    (ties / "t003.txt").write_text("Plain Story\n\nwalrus and a much longer body " + "word " * 40 + ".\n")
    assert tied.sync().changed == 1
    same_tied_answers()
    tied.close()


def test_a_frequent_words_counts_for_many_documents_at_once_are_what_each_look_up_gives() -> None:
    """An AND of two frequent words reads the second word's counts for the first's documents a
    segment at a time (counts_among, docs_among): the same documents and weights as a look-up
    for each, across segments laid out by document, deleted documents, the segments not laid out
    (the dictionary beside) and documents past every row."""
    import random

    from reader.search.dense import DensePostings

    rng = random.Random(5)
    rows = {0: bytes(rng.choice([0, 0, 1, 3]) for _ in range(300)), 450: bytes(rng.choice([0, 2]) for _ in range(200))}
    parts = [
        (450, memoryview(rows[450]), 0.5, frozenset({1, 7, 8, 150})),
        (0, memoryview(rows[0]), 1.0, frozenset({0, 4, 299})),
    ]
    rest = {d: float(rng.choice([0, 1, 4])) for d in range(300, 450, 3)} | {700: 2.0, 900: 1.0}
    postings = DensePostings(parts, rest)
    asked = set(rng.sample(range(1000), 600)) | {0, 4, 299, 451, 600, 650, 700, 900}
    expected = sorted((d, postings.get(d)) for d in asked if postings.get(d))

    def weights_among(docs: set[int]) -> list[tuple[int, float]]:
        return sorted((d, count * unit) for unit, pairs in postings.counts_among(docs) for d, count in pairs)

    assert weights_among(asked) == expected
    assert postings.docs_among(asked) == {d for d in asked if d in postings}
    assert {d for d, _ in expected} >= {700, 900} and 451 not in postings.docs_among(asked)
    assert weights_among(set()) == [] and postings.docs_among([]) == set()


def test_a_word_laid_out_over_many_documents_is_looked_up_for_fewer_than_its_rows_hold() -> None:
    """Reading a word laid out by document whole steps over every document of its segments'
    rows, however few hold it: a title word in 7,064 of 100,000 articles cost an AND 3.3 ms
    whole, where looking up the other word's 5,000 documents cost 1.1 ms. Which is cheaper
    follows the rows' length, not only how many documents hold the word."""
    from reader.search.dense import DensePostings

    rare_in_long_rows = DensePostings([(0, memoryview(bytes(99_000) + b"\x01" * 1_000), 1.0, frozenset())], {})
    assert len(rare_in_long_rows) == 1_000
    assert rare_in_long_rows.looked_up_sooner(5_000)  # was read whole: 5,000 > 1,000 holding it
    assert not rare_in_long_rows.looked_up_sooner(20_000)
    everywhere = DensePostings([(0, memoryview(b"\x02" * 10_000), 1.0, frozenset())], {})
    assert everywhere.looked_up_sooner(4_000) and not everywhere.looked_up_sooner(5_000)


def test_searches_make_their_query_parser_once_until_the_index_changes(generated, isolated_home, monkeypatch) -> None:
    """Making the parser reads the index's table of contents (~0.4 ms of every search at
    100,000 articles): it is made once, and again when a sync has changed the index, whose new
    article is then found."""
    import reader.search.query as Qm

    made = []
    real = Qm.make_parser
    monkeypatch.setattr(Qm, "make_parser", lambda schema: made.append(schema) or real(schema))
    index = SearchIndex(generated, isolated_home)
    index.sync()
    for text in ("insider", "podcast AND fans", '"the couple"', "insider -fans"):
        assert index.search(text).total > 0, text
    assert len(made) == 1
    assert index.search("walrus").total == 0
    changed = next(generated.rglob("article_0007.txt"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA walrus was seen.\n", encoding="utf-8")
    assert index.sync().changed == 1
    assert index.search("walrus").total == 1 and len(made) == 2
    index.search("insider")
    assert len(made) == 2
    index.close()


def test_the_best_scored_are_those_a_heap_of_every_score_gives_ties_to_the_lower_numbers() -> None:
    """The hits kept of a large candidate set are found from the bare scores first (the
    `limit`-th best), then put in order: the same as a heap over every (score, document), with
    many tied scores and at every limit."""
    import heapq
    import random

    from reader.search.term_top import best_first, best_scored

    rng = random.Random(11)
    for size in (0, 3, 40, 3000):
        acc = {rng.randrange(10**6): float(rng.choice([1, 2, 2.5, 3, 3, 3, 7.25])) for _ in range(size)}
        for limit in (0, 1, 3, 10, 50, 5000):
            assert best_scored(acc, limit) == heapq.nsmallest(limit, acc.items(), key=best_first), (size, limit)
