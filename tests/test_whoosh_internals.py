"""Whoosh's private internals are used in one package; these tests fail when an index would not
take one of its fast paths (a different Whoosh build, a changed layout), and show the search
still answering, and saying so once, when it falls back to Whoosh's public paths."""

from __future__ import annotations

import pytest
from test_search_engine import _corpus, in_workers  # noqa: F401 - in_workers is a fixture

from reader.search import SearchIndex
from reader.search import whoosh_internals as internals


@pytest.fixture
def index(tmp_path, isolated_home, in_workers):  # noqa: F811 - the fixture imported above
    corpus = _corpus(tmp_path / "corpus", 120)
    built = SearchIndex(corpus, isolated_home)
    built.sync()
    yield built
    built.close()


def test_every_fast_path_is_taken(index) -> None:
    assert internals.self_check(index._current_searcher()) == []
    result = index.search("insider")
    assert result.hits and not any("compatibility mode" in m for m in result.messages)
    assert index.slow_paths == []


def test_a_fast_path_not_taken_is_said_once_and_search_still_answers(index, monkeypatch) -> None:
    expected = {hit.id for hit in index.search("insider", limit=200).hits}
    index.slow_paths = None
    index._drop_searcher()
    # As if another Whoosh build read its postings with a matcher of another class.
    from reader.search.whoosh_internals import reading

    monkeypatch.setattr(reading, "W3LeafMatcher", type("OtherLeafMatcher", (), {}))
    monkeypatch.setattr(reading, "_segment_postings", lambda reader: None)  # no map: matchers read
    first = index.search("insider", limit=200)
    assert any("compatibility mode" in m and "block at a time" in m and "memory map" in m for m in first.messages)
    assert {hit.id for hit in first.hits} == expected  # the public path finds the same
    assert not any("compatibility mode" in m for m in index.search("insider", limit=200).messages)


def test_the_compound_file_patch_is_in_place() -> None:
    from whoosh.filedb import compound

    assert compound.BufferFile is internals.ViewBufferFile


def test_no_other_module_touches_whoosh_privates() -> None:
    import re
    from pathlib import Path

    folder = Path(internals.__file__).parent.parent  # search/; the package is a folder in it
    private = re.compile(
        r"(?<!self)\.(_read_ids|_read_weights|_next_block|_perdoc|_cached_reader|_dbfile|_basepos|"
        r"_finalize_segment|_close_segment|_merge_segments|_flush_segment|_commit_toc|"
        r"_segment\b|_offsets|_lengths|_postfile|_tindex|_fieldid|_blocklimit|_compression|"
        r"_inlinelimit|_check_state|_doc_boost|_field_boost|_check_fields|_assemble_segment)"
    )
    offenders = [p.name for p in folder.glob("*.py") if private.search(p.read_text(encoding="utf-8"))]
    assert offenders == [] and (folder / "whoosh_internals" / "writing.py").exists()


def test_whoosh_is_imported_without_its_unused_modules_and_they_still_work() -> None:
    """search/whoosh_import.py: the stand-ins used while Whoosh is first imported are gone
    afterwards, and what Whoosh took from them imports the real module when called."""
    import subprocess
    import sys

    probe = (
        "import sys; from reader.search import SearchIndex;"
        "print('urllib.request' in sys.modules, 'whoosh.lang.morph_en' in sys.modules);"
        "from whoosh.query.terms import variations; print(sorted(variations('rendering'))[:2]);"
        "import whoosh.lang.morph_en as m; print(m.__file__.endswith('morph_en.py'));"
        "import urllib.request as u; print(hasattr(u, 'Request'))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[:4] == ["False False", "['render', 'rendering']", "True", "True"], out


def test_a_segment_written_through_the_term_pool_is_byte_for_byte_whooshs_own(tmp_path) -> None:
    """The build's workers gather postings per term (TermPool) and write them a block at a time:
    the segment's files are the very bytes Whoosh's own pool and postings writer give for the
    same documents (terms in many blocks, in one, weighted and boosted fields, keywords, ids,
    numbers, columns, accents, an empty field)."""
    from whoosh import index
    from whoosh.filedb.filestore import FileStorage
    from whoosh.writing import SegmentWriter

    from reader.search.schema import fold_accents, make_schema, sequence_bytes, writer_codec

    words = ["harbour", "council", "mayor", "budget", "storm", "Hilária", "naïve", "said", "wall", "river"]
    docs = []
    for n in range(300):  # "harbour" in every document: three blocks of 128
        body = fold_accents(" ".join(words[(n * k) % len(words)] for k in range(1, 3 + n % 40)) + " harbour")
        title = fold_accents(f"Story {n} of {words[n % len(words)]}")
        docs.append(
            dict(
                path=f"/corpus/{n:03d}.txt",
                id=f"{n:03d}",
                title=title,
                title_text=title,
                date=f"2024-01-{1 + n % 28:02d}",
                title_seq=sequence_bytes(title),
                body_seq=sequence_bytes(body),
                body=body,
                person=fold_accents(",".join(["Nora Vale", "José Ruiz"][: n % 3])),
                site="Daily Ledger" if n % 2 else "",
                author="",
                words=len(body.split()),
            )
        )

    def written(pooled: bool) -> dict[str, bytes]:
        folder = tmp_path / ("pooled" if pooled else "whoosh")
        folder.mkdir()
        ix = index.create_in(str(folder), make_schema())
        if pooled:
            writer = internals.pooled_writer(ix, 16, writer_codec())
            assert isinstance(writer.pool, internals.TermPool)
            for fields in docs:
                internals.pooled_add(writer, fields)
            segment = internals.finish_pooled(writer)
        else:
            writer = SegmentWriter(ix, _lk=False, limitmb=16, codec=writer_codec())
            for fields in docs:
                writer.add_document(**fields)
            segment = internals.finish_segment(writer)
        files = segment.open_compound_file(FileStorage(str(folder)))
        return {name.replace(segment.segid, ""): files.open_file(name).read() for name in files.list()}

    theirs, ours = written(False), written(True)
    assert sorted(ours) == sorted(theirs) and any(name.endswith(".pst") for name in ours)
    assert [name for name in theirs if ours[name] != theirs[name]] == []


def _merged_answers(tmp_path, home, monkeypatch, fast: bool) -> tuple[list, int, int]:
    """A corpus indexed in small pieces (a sync, then nine `index_files` of ten articles, one
    file changed between: a deleted document in a small segment), so that small segments are
    merged; what a set of queries answers afterwards, with the merges taken fast or not."""
    import shutil

    from reader.indexed import open_index
    from reader.search import commit, indexing

    calls: list[int] = []
    real = internals.merged_segment

    def merging(writer, segments, copied=None, finished=None):
        calls.append(len(segments))
        return real(writer, segments, copied, finished) if fast else None

    monkeypatch.setattr(commit.internals, "merged_segment", merging)
    # The first sync in this process: forked workers share its 40 articles as they come free, and
    # a layout that differs between the two runs merges other segments (a deleted document kept
    # in one and not the other changes the document count, so every score: CI failed on it once).
    monkeypatch.setattr(indexing, "PARALLEL_MIN_ANALYSED", 10**9)
    source = _corpus(tmp_path / f"all-{fast}", 130)
    corpus = tmp_path / f"corpus-{fast}"
    files = sorted(source.rglob("*.txt"))
    for path in files[:40]:
        (corpus / path.relative_to(source)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, corpus / path.relative_to(source))
    index = open_index(corpus, home / str(fast))
    index.sync()
    for start in range(40, 130, 10):
        added = []
        for path in files[start : start + 10]:
            target = corpus / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
            added.append(target)
        if start == 70:  # an article of an earlier small segment rewritten: its old document deleted
            changed = corpus / files[45].relative_to(source)
            changed.write_text(changed.read_text() + "\nA walrus was seen.\n")
            added.append(changed)
        assert index.index_files(added) is not None
    queries = [
        "insider",
        "red carpet",
        '"source close"',
        "alec AND hilaria",
        "walrus",
        "title:baldwin",
        "claims OR yoga",
    ]
    # Hits of equal score come in the order of the documents, which the two merges lay out differently.
    answers = [sorted((h.id, h.score, h.title, h.date) for h in index.search(q, limit=200).hits) for q in queries]
    segments = len(index._current_searcher().leaf_searchers())
    count = index.doc_count()
    index.close()
    assert calls, "no merge happened"
    return answers, segments, count


def test_small_segments_merged_block_by_block_answer_as_whooshs_merge(tmp_path, isolated_home, monkeypatch) -> None:
    fast = _merged_answers(tmp_path, isolated_home, monkeypatch, fast=True)
    whoosh = _merged_answers(tmp_path, isolated_home, monkeypatch, fast=False)
    # (Whoosh's merge adds the small segments to the writer's own; the fast one writes one beside it)
    assert fast[2] == whoosh[2] == 130 and fast[1] <= whoosh[1] + 1
    assert fast[0] == whoosh[0] and all(fast[0])


def test_stored_fields_offsets_summed_at_c_speed_read_what_whooshs_own_reads(index, monkeypatch) -> None:
    """The first search of a process read each segment's stored-field offsets one by one (20 ms
    at 100,000 articles); summed at C speed they give every article's stored fields as before,
    and a Whoosh whose reader is not patched is named by the self-check."""
    from whoosh.columns import VarBytesColumn

    from reader.search.whoosh_internals import reading

    def stored(searcher) -> list[dict]:
        return [searcher.stored_fields(n) for n in range(searcher.doc_count_all())]

    assert reading.offsets_patched()
    patched = stored(index._current_searcher())
    monkeypatch.setattr(VarBytesColumn.Reader, "_read_offsets_and_lengths", reading._WHOOSH_OFFSETS)
    index._drop_searcher()
    assert stored(index._current_searcher()) == patched and len(patched) == 120
    assert {fields["id"] for fields in patched} == {f"article_{i:04d}" for i in range(120)}
    assert "stored fields' offsets summed at C speed" in internals.self_check(index._current_searcher())
