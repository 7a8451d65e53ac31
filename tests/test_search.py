"""The search index on the seeds and on small corpora written here: ranking, fields, the query
language, malformed queries, incremental sync, and recovery from a damaged index."""

from __future__ import annotations

import json
import shutil
import threading

import pytest
from conftest import write

from reader.search import SearchIndex
from reader.search.query import hit_spans


@pytest.fixture
def seeds_index(seeds, isolated_home):
    index = SearchIndex(seeds, isolated_home, people=_people)
    index.sync()
    yield index
    index.close()


def _people(article):
    from reader.analysis import analyze

    return [m.person for m in analyze(article).names]


def ids(result) -> list[str]:
    return [h.id[:3] for h in result.hits]


def test_phrase_in_three_articles_returns_those_three(seeds_index) -> None:
    result = seeds_index.search('"red carpet"')
    assert sorted(ids(result)) == ["000", "001", "002"]
    assert all(
        "**red** **carpet**" in h.snippet.lower()
        or "**red-carpet**" in h.snippet.lower()
        or "**red**" in h.snippet.lower()
        for h in result.hits
    )


def test_title_is_boosted_and_fields_work(seeds_index) -> None:
    assert ids(seeds_index.search("title:divorce")) == ["000"]
    assert ids(seeds_index.search("flags"))[0] == "004"  # in the title of 004 only
    assert sorted(ids(seeds_index.search('person:"Kim Basinger"'))) == ["001", "002", "004"]


def test_prefix_fuzzy_and_boolean(seeds_index) -> None:
    assert sorted(ids(seeds_index.search("insid*"))) == ["000", "001", "003"]
    assert len(seeds_index.search("hilria~").hits) == 5  # every seed names Hilaria
    assert sorted(ids(seeds_index.search("insider AND -enquirer"))) == ["000", "001"]
    assert sorted(ids(seeds_index.search("enquirer OR tiktok"))) == ["002", "003"]
    assert sorted(ids(seeds_index.search("insider NOT enquirer"))) == ["000", "001"]


def test_dates(seeds_index) -> None:
    assert ids(seeds_index.search("date:2025-03")) == ["000"]
    assert sorted(ids(seeds_index.search("date:[2025-01 to 2025-06]"))) == ["000"]
    assert sorted(ids(seeds_index.search("date:[2022-01 to 2025-12]"))) == ["000", "002", "003"]
    assert ids(seeds_index.search("date:2022")) == ["002"]


def test_case_accents_and_possessives_do_not_matter(seeds_index) -> None:
    plain = sorted(ids(seeds_index.search("hilaria")))
    assert sorted(ids(seeds_index.search("HILÁRIA"))) == plain
    assert sorted(ids(seeds_index.search("Hilaria's"))) == plain


@pytest.mark.parametrize(
    "query, message",
    [
        ('"red carpet', "unbalanced quote ignored"),
        ("(insider OR fans", "unbalanced () repaired"),
        ("date:[2025-01 to 2025-06", "unbalanced [] repaired"),
        ("colour:red insider", "unknown field 'colour:' ignored"),
        ("date:notadate insider", "date:notadate is not a date"),
        ("* insider", "on its own matches nothing"),
        ("i* insider", "a prefix needs at least 2 letters"),
    ],
)
def test_malformed_queries_give_results_and_a_message(seeds_index, query, message) -> None:
    result = seeds_index.search(query)
    assert any(message in m for m in result.messages), result.messages
    assert result.hits  # what could be read still finds something


def test_did_you_mean_from_the_index_vocabulary(seeds_index) -> None:
    result = seeds_index.search("insidr")
    assert result.hits == [] and result.suggestion == "insider"
    # A misspelt last word of a phrase keeps the phrase's closing quote.
    assert seeds_index.search('"red carpit"').suggestion == '"red carpet"'


def test_did_you_mean_reads_its_words_form_without_ranking_every_article_holding_it(seeds_index, monkeypatch) -> None:
    """The suggestion's form as articles write it ("insider" for the stem "insid") came from a
    ranked search for the stem with Whoosh's matchers, scoring every article holding it: ~0.2 s
    on every search with no hits at 100,000 articles when the suggestion is a common word. It
    is read in the first articles holding the stem now, with no ranked search."""
    from whoosh.searching import Searcher

    def no_ranked_search(*args, **kwargs):
        raise AssertionError("a ranked search for the suggestion")

    monkeypatch.setattr(Searcher, "search", no_ranked_search)
    result = seeds_index.search("insidr")
    assert result.hits == [] and result.suggestion == "insider"
    assert seeds_index.search('"red carpit"').suggestion == '"red carpet"'


def test_hit_spans_follow_stems_and_case(seeds_index) -> None:
    terms = seeds_index.search("insiders").terms
    text = "An Insider said the insiders' claims were odd."
    assert [text[s:e] for s, e in hit_spans(text, terms)] == ["Insider", "insiders"]


def test_incremental_sync_counts_only_touched_files(corpus_dir, isolated_home) -> None:
    for i in range(5):
        write(corpus_dir, f"a{i}.txt", f"Story Number {i}\nWord{i} alpha beta gamma.\n")
    index = SearchIndex(corpus_dir, isolated_home)
    first = index.sync()
    assert (first.added, first.rebuilt_because) == (5, "no index yet")
    assert index.sync().unchanged == 5
    write(corpus_dir, "new.txt", "Fresh Story\nzebra crossing\n")
    write(corpus_dir, "a1.txt", "Story Number 1\nchanged text with walrus.\n")
    (corpus_dir / "a2.txt").unlink()
    (corpus_dir / "a3.txt").rename(corpus_dir / "renamed.txt")
    report = index.sync()
    assert (report.added, report.changed, report.removed, report.unchanged) == (2, 1, 2, 2)
    assert ids(index.search("zebra")) == ["new"]
    assert ids(index.search("walrus")) == ["a1"] and index.search("word1").hits == []
    assert index.search("word2").hits == [] and [h.id for h in index.search("word3").hits] == ["renamed"]
    import os

    os.utime(corpus_dir / "a4.txt", None)  # touched, not changed
    touched = index.sync()
    assert (touched.touched, touched.added, touched.changed) == (1, 0, 0)
    index.close()


def _build(corpus_dir, home) -> SearchIndex:
    write(corpus_dir, "one.txt", "First Story\nThe walrus sang.\n")
    index = SearchIndex(corpus_dir, home)
    index.sync()
    index.close()
    return SearchIndex(corpus_dir, home)


def test_recovers_from_deleted_index(corpus_dir, isolated_home) -> None:
    index = _build(corpus_dir, isolated_home)
    shutil.rmtree(index.folder / "whoosh")
    report = index.sync()
    assert report.rebuilt_because and ids(index.search("walrus")) == ["one"]


def test_recovers_from_truncated_index_files(corpus_dir, isolated_home) -> None:
    index = _build(corpus_dir, isolated_home)
    for path in (index.folder / "whoosh").iterdir():
        if path.suffix in (".toc", ".seg") or path.name.endswith(".trm"):
            path.write_bytes(path.read_bytes()[:7])
    report = index.sync()
    assert report.rebuilt_because is not None
    assert ids(index.search("walrus")) == ["one"]


def test_recovers_from_schema_mismatch(corpus_dir, isolated_home) -> None:
    index = _build(corpus_dir, isolated_home)
    meta = index.folder / "meta.json"
    meta.write_text(json.dumps({"schema": -1}))
    report = index.sync()
    assert "schema -1" in report.rebuilt_because
    assert ids(index.search("walrus")) == ["one"]


def test_stale_lock_from_a_dead_process_is_not_fatal(corpus_dir, isolated_home) -> None:
    index = _build(corpus_dir, isolated_home)
    (index.folder / "whoosh" / "MAIN_WRITELOCK").write_text("stale")
    (index.folder / "sync.lock").write_text("stale")
    write(corpus_dir, "two.txt", "Second Story\nThe narwhal slept.\n")
    assert index.sync().added == 1
    assert ids(index.search("narwhal")) == ["two"]


def test_two_instances_syncing_at_once_do_not_corrupt(corpus_dir, isolated_home) -> None:
    for i in range(60):
        write(corpus_dir, f"s{i:02d}.txt", f"Story {i}\nText about item{i} and the otter.\n")
    a, b = SearchIndex(corpus_dir, isolated_home), SearchIndex(corpus_dir, isolated_home)
    reports = []
    threads = [threading.Thread(target=lambda ix=ix: reports.append(ix.sync())) for ix in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(r.added for r in reports) == 60
    for ix in (a, b):
        assert len(ix.search("otter", limit=100).hits) == 60
        ix.close()


def test_accented_articles_are_found_without_accents_and_shown_with_them(corpus_dir, isolated_home) -> None:
    write(corpus_dir, "fr.txt", "Élodie Marchand Quitte Paris\nÉlodie Marchand said she had quitté la capitale.\n")
    index = SearchIndex(corpus_dir, isolated_home, people=_people)
    index.sync()
    for query in ("elodie", "ÉLODIE", "title:quitte", 'person:"elodie marchand"'):
        result = index.search(query)
        assert [h.id for h in result.hits] == ["fr"], query
    hit = index.search("elodie").hits[0]
    assert hit.title == "Élodie Marchand Quitte Paris"
    text = "Élodie Marchand said she had quitté la capitale."
    assert [text[s:e] for s, e in hit_spans(text, index.search("elodie").terms)] == ["Élodie"]
    assert "**Élodie** Marchand said" in hit.snippet
    # Letters the fold leaves alone (ß) beside folded ones: positions stay those of the text.
    write(corpus_dir, "de.txt", "Straßenfest\n\nÉlodie sah das Straßenfest in der naïve Stadt.\n")
    index.sync()
    snippets = {h.id: h.snippet for h in index.search("elodie").hits}
    assert "**Élodie** sah das Straßenfest" in snippets["de"] and "**Élodie** Marchand" in snippets["fr"]
    assert "der **naïve** Stadt" in index.search("naive").hits[0].snippet
    index.close()


def test_excluded_words_alone_and_phrases_with_slop(seeds_index) -> None:
    # Whoosh reads a query of only excluded words as nothing; it means NOT.
    assert sorted(ids(seeds_index.search('-"red carpet"'))) == ["003", "004"]
    assert sorted(ids(seeds_index.search("-insider"))) == sorted(ids(seeds_index.search("NOT insider")))
    # "Hilaria and Alec Baldwin" holds hilaria … baldwin two words apart (stop words do not count).
    exact = set(ids(seeds_index.search('"hilaria baldwin"')))
    near = set(ids(seeds_index.search('"hilaria baldwin"~2')))
    assert exact < near and "002" in near - exact


def test_a_phrase_shortened_by_stop_words_still_needs_its_words_side_by_side(corpus_dir, isolated_home) -> None:
    """Issue 12, item 16: `"when I'm talking"` is the one stem `talk` once stop words go, and it
    returned an article that only says "talked"."""
    write(corpus_dir, "a.md", "# Spat\n\nShe said: “When I’m talking, you’re not talking.”\n")
    write(corpus_dir, "b.md", "# Talk\n\nThe way she talked to him was rude.\n")
    write(corpus_dir, "c.md", "# Other\n\nWhen the talking stopped, I'm told, they left.\n")
    index = _build(corpus_dir, isolated_home)
    try:
        assert [h.id for h in index.search('"when I\'m talking"').hits] == ["a"]
        assert sorted(h.id for h in index.search('"talking"').hits) == ["a", "b", "c"]  # one word: stems
        assert sorted(h.id for h in index.search('talk -"when I’m talking"').hits) == ["b", "c"]
        assert sorted(h.id for h in index.search('"when I\'m talking" OR rude').hits) == ["a", "b"]
        assert [h.id for h in index.search('"you\'re not talking"').hits] == ["a"]
    finally:
        index.close()


def test_a_phrase_that_keeps_two_words_after_its_stop_words_still_needs_them_all(corpus_dir, isolated_home) -> None:
    """`"the red carpet"` keeps two stems, `red carpet`: it found every article saying "red
    carpet" ("a red carpet", "red carpets"), as Whoosh's normalising made a new phrase without
    the words as typed."""
    write(corpus_dir, "a.md", "# Gala\n\nShe walked the red carpet in Madrid.\n")
    write(corpus_dir, "b.md", "# Premiere\n\nA red carpet was rolled out for him.\n")
    write(corpus_dir, "c.md", "# Spat\n\nThe state of the union was discussed.\n")
    index = _build(corpus_dir, isolated_home)
    try:
        assert [h.id for h in index.search('"the red carpet"').hits] == ["a"]
        assert sorted(h.id for h in index.search('"red carpet"').hits) == ["a", "b"]
        assert [h.id for h in index.search('"state of the union"').hits] == ["c"]
        assert [h.id for h in index.search('"the union"').hits] == ["c"]
    finally:
        index.close()


def test_a_shortened_phrase_with_many_candidates_is_counted_from_a_sample(
    corpus_dir, isolated_home, monkeypatch
) -> None:
    """Past ranking.LARGE candidates the text check reads a sample and the shortest articles,
    and says the count is an estimate (as for a common phrase)."""
    from reader.search import ranking

    for i in range(6):
        body = "When I'm talking, stop." if i % 2 else "Talking, I'm when."
        write(corpus_dir, f"t{i}.md", f"# Story {i}\n\n{body}\n")
    monkeypatch.setattr(ranking, "LARGE", 3)
    monkeypatch.setattr(ranking, "SAMPLE", 4)
    index = _build(corpus_dir, isolated_home)
    try:
        result = index.search('"when I\'m talking"')
        assert sorted(h.id for h in result.hits) == ["t1", "t3", "t5"]
        assert not result.exact and any("sample" in m for m in result.messages)
    finally:
        index.close()


def test_unchanged_duplicates_are_not_read_again_and_a_changed_one_is(corpus_dir, isolated_home, monkeypatch) -> None:
    """Issue 12, item 15: every sync read, hashed and parsed every duplicate file again."""
    from reader.search import build

    write(corpus_dir, "a.md", "# Original\n\nThe walrus sang.\n")
    write(corpus_dir, "b.md", "# Original\n\nThe walrus sang.\n")
    write(corpus_dir, "c.md", "# Other\n\nThe seal danced.\n")
    index = SearchIndex(corpus_dir, isolated_home)
    first = index.sync()
    assert [s.reason for s in first.skipped] == ["identical to a.md; shown once"]
    read: list[str] = []
    real = build.prepare
    monkeypatch.setattr(build, "prepare", lambda job, people: read.append(job.path.name) or real(job, people))
    again = index.sync()
    assert read == [] and [s.reason for s in again.skipped] == ["identical to a.md; shown once"]
    write(corpus_dir, "b.md", "# Changed\n\nThe walrus sang twice.\n")
    third = index.sync()
    assert read == ["b.md"] and third.added == 1 and third.skipped == []
    assert sorted(h.id for h in index.search("walrus").hits) == ["a", "b"]
    write(corpus_dir, "b.md", "# Original\n\nThe walrus sang.\n")  # a duplicate again
    index.sync()
    write(corpus_dir, "a.md", "# Moved on\n\nThe walrus left.\n")  # its twin changes: b is shown
    read.clear()
    index.sync()
    assert sorted(read) == ["a.md", "b.md"]
    assert sorted(h.id for h in index.search("walrus").hits) == ["a", "b"]
    index.close()


def test_person_finds_the_person_as_the_whole_corpus_names_them(corpus_dir, isolated_home) -> None:
    """An article that names "Nora" alone is found by person:"Nora Vale" when she is the only
    Nora in the corpus (resolved across articles, not within each); a second Nora makes the
    one word stand for nobody in particular; one word finds every full name it starts or ends."""
    write(corpus_dir, "full.txt", "Gallery Opens\n\nNora Vale opened the gallery on Friday.\n")
    write(corpus_dir, "short.txt", "Gallery Closes\n\nNora said the gallery would close.\n")
    index = SearchIndex(corpus_dir, isolated_home, people=lambda a: [m for m in _people(a) if m != "Gallery"])
    index.sync()
    assert sorted(h.id for h in index.search('person:"Nora Vale"').hits) == ["full", "short"]
    assert sorted(h.id for h in index.search("person:vale").hits) == ["full"]
    assert sorted(h.id for h in index.search("person:nora").hits) == ["full", "short"]
    write(corpus_dir, "other.txt", "Another Nora\n\nNora Quill, a neighbour, said nothing.\n")
    index.sync()
    assert sorted(h.id for h in index.search('person:"Nora Vale"').hits) == ["full"]
    assert sorted(h.id for h in index.search("person:nora").hits) == ["full", "other", "short"]
    index.close()


def test_people_left_by_a_large_sync_are_indexed_by_the_people_pass(corpus_dir, isolated_home) -> None:
    """Issue 13: a sync indexing more articles than the people limit leaves their people for
    later (person: finds none of them yet and the search says so); the people pass reads them,
    a batch at a time, and then person: finds every article. A file changed since is left to
    the next sync, a file gone since leaves the index."""
    for i in range(7):
        write(corpus_dir, f"a{i}.txt", f"Story {i}\n\nNora Vale said on day {i} that the gallery was open.\n")
    index = SearchIndex(corpus_dir, isolated_home, people=_people)
    index.people_limit = 3
    index.sync()
    assert index.people_pending() == 7
    result = index.search('person:"Nora Vale"')
    assert result.hits == [] and any("7 of 7 articles" in m for m in result.messages)
    seen: list[tuple[int, int]] = []
    (corpus_dir / "a6.txt").unlink()
    first = index.fill_people(lambda d, t: seen.append((d, t)), stop=lambda: any(d >= 3 for d, _ in seen), batch=3)
    assert first == (3, 4) and seen[0] == (0, 7) and seen[-1] == (3, 7)
    assert sorted(h.id for h in index.search('person:"Nora Vale"').hits) == ["a0", "a1", "a2"]
    assert index.fill_people(batch=3) == (4, 0)
    result = index.search('person:"Nora Vale"')
    assert sorted(h.id for h in result.hits) == [f"a{i}" for i in range(6)]
    assert not any("of 7 articles" in m for m in result.messages)
    assert index.damaged() is None  # the pass stamps what it commits: no rebuild next time
    index.close()
    again = SearchIndex(corpus_dir, isolated_home, people=_people)
    report = again.sync()
    assert report.rebuilt_because is None and report.removed == 1 and again.people_pending() == 0
    again.close()


def test_segments_the_people_pass_emptied_leave_the_index(corpus_dir, isolated_home) -> None:
    """The people pass writes every article of a large sync again: the sync's segments, all
    their documents deleted, leave the index at the pass's commits (they were kept and read by
    every search for nothing), and what a search finds is the same."""
    for i in range(12):
        write(corpus_dir, f"a{i}.txt", f"Story {i}\n\nNora Vale said on day {i} that the gallery was open.\n")
    index = SearchIndex(corpus_dir, isolated_home, people=_people)
    index.people_limit = 3
    index.sync()
    before = sorted(h.id for h in index.search("gallery", limit=20).hits)
    assert index.fill_people(batch=4) == (12, 0)
    searcher = index._current_searcher()
    live = [sub.reader().doc_count() for sub, _ in searcher.leaf_searchers()]
    assert live and all(live) and sum(live) == 12
    assert sorted(h.id for h in index.search("gallery", limit=20).hits) == before
    assert sorted(h.id for h in index.search('person:"Nora Vale"', limit=20).hits) == before
    index.close()


def test_sourcing_measures_are_kept_in_the_catalog_with_the_people(corpus_dir, isolated_home) -> None:
    """The catalog keeps each article's sourcing measures when the sync reads its people (up
    to the people limit) or when the people pass does; a removed file takes them along."""
    for i in range(4):
        write(corpus_dir, f"a{i}.txt", f"Story {i}\n\nNora Vale said on day {i} that the gallery was open.\n")
    index = SearchIndex(
        corpus_dir, isolated_home, people=_people, measures=lambda a: {"words": float(a.word_count), "named": 1.0}
    )
    index.people_limit = 2
    index.sync()
    assert index.measures_by_id() == {}  # left for the people pass with the people
    assert index.fill_people() == (4, 0)
    assert sorted(index.measures_by_id()) == ["a0", "a1", "a2", "a3"]
    assert index.measures_by_id()["a0"]["named"] == 1.0
    (corpus_dir / "a3.txt").unlink()
    write(corpus_dir, "b.txt", "Another\n\nOmar Haddad said nothing.\n")
    index.sync()  # two files: read with their people and measures at once
    assert sorted(index.measures_by_id()) == ["a0", "a1", "a2", "b"]
    for i in range(3):  # more changed files than the limit: left pending, old measures dropped
        write(corpus_dir, f"a{i}.txt", f"Story {i}\n\nSources said on day {i} that it was shut.\n")
    index.sync()
    assert sorted(index.measures_by_id()) == ["b"] and index.people_pending() == 3
    assert index.fill_people() == (3, 0) and sorted(index.measures_by_id()) == ["a0", "a1", "a2", "b"]
    index.close()


def test_a_catalog_from_before_the_measures_has_its_files_read_again_by_the_people_pass(
    corpus_dir, isolated_home
) -> None:
    import sqlite3

    for i in range(3):
        write(corpus_dir, f"a{i}.txt", f"Story {i}\n\nNora Vale said it on day {i}.\n")
    index = SearchIndex(corpus_dir, isolated_home, people=_people, measures=lambda a: {"claims": 1.0})
    index.sync()
    index.close()
    db = sqlite3.connect(index.folder / "catalog.sqlite")
    db.execute("DROP TABLE measures")  # as an index built before measures were kept
    db.commit()
    db.close()
    again = SearchIndex(corpus_dir, isolated_home, people=_people, measures=lambda a: {"claims": 1.0})
    assert again.sync().rebuilt_because is None and again.people_pending() == 3
    assert again.fill_people() == (3, 0) and sorted(again.measures_by_id()) == ["a0", "a1", "a2"]
    again.close()


def test_an_article_added_during_the_people_pass_is_searchable_after_the_batch_in_hand(
    corpus_dir, isolated_home
) -> None:
    """An article added (shell or app) while another baldreader runs the people pass waits
    its turn and is indexed once the pass's batch in hand is committed, not left unindexed
    until the whole pass ends (or until the next launch); the pass then goes on to the end."""
    import fcntl
    import os

    from reader.search.sync_lock import TURN

    for i in range(6):
        write(corpus_dir, f"a{i}.txt", f"Story {i}\n\nNora Vale said on day {i} that the gallery was open.\n")
    in_batch, go_on = threading.Event(), threading.Event()

    def held_people(article):
        if not in_batch.is_set():
            in_batch.set()
            assert go_on.wait(60)
        return _people(article)

    index = SearchIndex(corpus_dir, isolated_home, people=held_people)
    index.people_limit = 3
    index.sync()
    passed: list[object] = []
    people_pass = threading.Thread(target=lambda: passed.append(index.fill_people(batch=3)))
    people_pass.start()
    assert in_batch.wait(60)
    write(corpus_dir, "fresh.txt", "Harbour reopens\n\nMira Holt said the harbour reopened on Monday.\n")
    adder = SearchIndex(corpus_dir, isolated_home, people=_people)
    added: list[object] = []
    adding = threading.Thread(target=lambda: added.append(adder.index_files([corpus_dir / "fresh.txt"])))
    adding.start()
    turn = os.open(index.folder / TURN, os.O_RDWR | os.O_CREAT)
    try:  # the adder is waiting once it holds the turn
        while adding.is_alive():
            try:
                fcntl.flock(turn, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                break
            fcntl.flock(turn, fcntl.LOCK_UN)
            threading.Event().wait(0.01)
    finally:
        os.close(turn)
    assert added == []  # the batch in hand holds the lock: the adder waits rather than giving up
    go_on.set()
    adding.join(60)
    people_pass.join(60)
    assert added and added[0] is not None and added[0].added == 1
    assert [h.id for h in adder.search("harbour").hits] == ["fresh"]
    assert [h.id for h in adder.search('person:"Mira Holt"').hits] == ["fresh"]
    assert passed == [(6, 0)]
    assert sorted(h.id for h in index.search('person:"Nora Vale"').hits) == [f"a{i}" for i in range(6)]
    assert index.damaged() is None and adder.sync().added == 0
    adder.close()
    index.close()


def test_snippets_of_saved_pages_and_clipped_markdown_show_their_article_not_markup(corpus_dir, isolated_home) -> None:
    """A hit's snippet is the article's text as the reader shows it: not a saved page's markup
    (`class="story-link" href=…`) nor a Markdown file's front matter (`text_sha256: …`)."""
    from test_corpus_pages import PAGE

    write(corpus_dir, "storm.html", PAGE.replace("Thousands of homes", "Thousands of homes in Krux county"))
    write(
        corpus_dir,
        "clip.md",
        "---\ntitle: Harbour wall approved\ndate: 2024-05-02\ntext_sha256: 0123abcd\n---\n\n"
        "The council approved the harbour wall in Krux on Thursday, officials said.\n",
    )
    index = SearchIndex(corpus_dir, isolated_home)
    index.sync()
    snippets = {h.id: h.snippet for h in index.search("krux").hits}
    assert sorted(snippets) == ["clip", "storm"]
    assert "Thousands of homes in **Krux** county" in snippets["storm"]
    assert "approved the harbour wall in **Krux**" in snippets["clip"]
    assert not any(mark in text for text in snippets.values() for mark in ("<", "AdSlot", "text_sha256", "---"))
    index.close()


def test_a_snippet_never_shows_the_same_words_twice(seeds_index) -> None:
    """Found in tmux: a hit in the title and another just after it gave two stretches that
    overlapped, so the snippet read "… with Hilaria Baldwin has piqued … relationship with
    Hilaria Baldwin has piqued the interest …"; "…" now stands only where text is left out."""
    for query in ("hilaria", "carpet", "insider", "alec", "baldwin"):
        for hit in seeds_index.search(query, limit=10).hits:
            words = hit.snippet.replace("**", "").replace(" … ", " ").split()
            runs = [tuple(words[i : i + 6]) for i in range(len(words) - 5)]
            assert len(runs) == len(set(runs)), (query, hit.id, hit.snippet)


def test_snippets_mark_the_words_a_stem_starts_whole_in_any_case_and_accent(tmp_path) -> None:
    """Hits are found by their stem's letters in the lower-cased, accent-folded text: the whole
    word is marked, in the case and accents the article writes it, a dotted word whole, a word
    the stem only appears inside of is not marked; where lower-casing changes the text's length
    the pattern of the stems finds the same words."""
    from reader.search.snippets import _plain_pattern, _words_starting, snippet

    text = (
        "Title\n\nThe envoy met officials in Hilária's office and in İstanbul; ComingSoon.net reported "
        "that the HILARIA fan club and the unhilarious critics disagreed. Hilaria spoke last.\n"
    )
    path = write(tmp_path, "a.txt", text)
    shown = snippet(path, {"hilaria", "istanbul", "comingsoon.net"})
    assert "**Hilária**'s office" in shown and "**İstanbul**;" in shown and "**ComingSoon.net** reported" in shown
    assert "the **HILARIA** fan" in shown and "unhilarious" in shown and "**unhilarious**" not in shown
    assert "**Hilaria** spoke" in shown
    odd = "Ankara İstanbul hilaria İzmir Hilaria's"  # "İ".lower() is two letters
    assert (
        list(_words_starting(odd, ("hilaria",)))
        == [(m.start(), m.end()) for m in _plain_pattern(("hilaria",)).finditer(odd)]
        == [(16, 23), (30, 37)]
    )
