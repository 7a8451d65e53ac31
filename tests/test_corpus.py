"""Parsing articles and loading corpora, including every kind of bad file."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from conftest import write

from reader.corpus import CorpusError, load_corpus
from reader.corpus.decode import decode_article_bytes
from reader.corpus.parse import parse_article


def parse(text: str):
    return parse_article(text, article_id="a", path=Path("a.txt"), content_hash="h")


# --- the seeds -------------------------------------------------------------------------------


def test_seeds_load_with_titles_dates_and_no_problems(seeds: Path) -> None:
    corpus = load_corpus(seeds)
    assert len(corpus.articles) == 5 and corpus.skipped == []
    by_id = {a.id[:3]: a for a in corpus.articles}
    assert by_id["000"].date == "2025-03-31"
    assert by_id["000"].title.startswith("Alec and Hilaria Baldwin 'Headed for Divorce'")
    assert not by_id["000"].title_derived
    assert by_id["001"].date is None and by_id["001"].title.startswith("EXCLUSIVE: Real Reason")
    assert by_id["004"].title == "Red Flags In Alec & Hilaria Baldwin's Relationship We Just Can't Ignore"
    # 003's first line is a paragraph, not a headline: its title is derived and says so.
    assert by_id["003"].title_derived
    assert by_id["003"].title.endswith("drifting apart?")
    assert by_id["003"].blocks[0].text.startswith("After more than a decade")
    assert all(not a.problems for a in corpus.articles)


def test_seed_002_donation_appeal_is_boilerplate_not_first_paragraph(seeds: Path) -> None:
    article = next(a for a in load_corpus(seeds).articles if a.id.startswith("002"))
    assert article.date == "2022-01-18"
    assert article.blocks[0].kind == "boilerplate"
    assert "Your support helps us" in article.blocks[0].text
    assert article.paragraphs[0].text.startswith("Alec Baldwin’s wife Hilaria has jokingly responded")
    assert article.title.startswith("Alec Baldwin’s wife Hilaria")
    assert article.title_derived
    # The appeal's words are not counted as the article's.
    assert article.word_count < len(article.text.split()) - 100


def test_seed_subheadings_are_headings(seeds: Path) -> None:
    corpus = load_corpus(seeds)
    headings = {a.id[:3]: [b.text for b in a.blocks if b.kind == "heading"] for a in corpus.articles}
    assert headings["003"] == [
        "From Yoga Mats To The Dance Floor: Hilaria's Hollywood Pivot",
        "Why Is Alec Baldwin Feeling Sidelined At Home?",
        "Is Hilaria's New Image Pushing Alec Away?",
        "Just A Missing Ring, Or A Sign Of Something More?",
    ]
    assert headings["004"][0] == "There's a big age gap"
    assert len(headings["004"]) == 5
    assert headings["000"] == [] and headings["001"] == []


def test_block_offsets_point_into_the_text(seeds: Path) -> None:
    for article in load_corpus(seeds).articles:
        for block in article.blocks:
            assert article.text[block.start : block.end].replace("\n", " ") == block.text


# --- parsing shapes --------------------------------------------------------------------------


def test_date_marker_with_title_on_same_line() -> None:
    article = parse("date 2024-02-29 Star Quits Show After Row\nThe star said it was over.\n")
    assert article.date == "2024-02-29"
    assert article.title == "Star Quits Show After Row"
    assert [b.text for b in article.blocks] == ["The star said it was over."]


def test_invalid_date_marker_is_flagged_not_fatal() -> None:
    article = parse("date 2024-02-30 Star Quits Show\nText here.\n")
    assert article.date is None
    assert any("2024-02-30" in p for p in article.problems)


def test_markdown_heading_title_and_subheadings_and_wrapped_paragraphs() -> None:
    text = "# The Big Story\n\nFirst line of a\nwrapped paragraph.\n\n## What Happened Next\n\nMore text here.\n"
    article = parse(text)
    assert article.title == "The Big Story"
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("paragraph", "First line of a wrapped paragraph."),
        ("heading", "What Happened Next"),
        ("paragraph", "More text here."),
    ]


def test_quoted_short_line_is_not_a_heading() -> None:
    article = parse('A Title Here\n"We are fine," she said\nShort plain line of text.\n')
    kinds = [b.kind for b in article.blocks]
    assert kinds == ["paragraph", "paragraph"]


def test_word_count_and_reading_time() -> None:
    article = parse("Title Line\n" + "word " * 460)
    assert article.word_count == 460
    assert article.reading_minutes == 2


# --- bad files -------------------------------------------------------------------------------


def test_invalid_utf8_is_decoded_with_replacement_and_flagged(corpus_dir: Path) -> None:
    write(corpus_dir, "bad.txt", b"Headline Here\nCaf\xe9 society \xff\xfe talks.\n")
    corpus = load_corpus(corpus_dir)
    (article,) = corpus.articles
    assert "\ufffd" in article.text
    assert article.problems and "invalid UTF-8" in article.problems[0]


def test_binary_and_empty_files_are_skipped_with_a_reason(corpus_dir: Path) -> None:
    write(corpus_dir, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(corpus_dir, "empty.txt", b"")
    write(corpus_dir, "blank.md", b"  \n\n \t\n")
    write(corpus_dir, "good.txt", "A Good Title\nSome text.\n")
    corpus = load_corpus(corpus_dir)
    assert [a.id for a in corpus.articles] == ["good"]
    reasons = {s.path.name: s.reason for s in corpus.skipped}
    assert "binary" in reasons["image.txt"]
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.md"] == "empty file"


def test_bom_and_crlf_are_handled(corpus_dir: Path) -> None:
    write(corpus_dir, "bom.txt", codecs.BOM_UTF8 + b"date 2025-01-02 A Windows Title\r\nLine one.\r\nLine two.\r\n")
    write(corpus_dir, "utf16.txt", "A Sixteen Bit Title\r\nHello there.\r\n".encode("utf-16"))
    write(corpus_dir, "oldmac.txt", b"Old Mac Title\rOnly CR here.\r")
    corpus = load_corpus(corpus_dir)
    by_id = {a.id: a for a in corpus.articles}
    assert by_id["bom"].date == "2025-01-02" and by_id["bom"].title == "A Windows Title"
    assert [b.text for b in by_id["bom"].blocks] == ["Line one.", "Line two."]
    assert "\r" not in by_id["bom"].text and "\ufeff" not in by_id["bom"].text
    assert by_id["utf16"].title == "A Sixteen Bit Title"
    assert [b.text for b in by_id["oldmac"].blocks] == ["Only CR here."]


def test_identical_duplicates_are_shown_once(corpus_dir: Path) -> None:
    write(corpus_dir, "one.txt", "Same Title\nSame text.\n")
    write(corpus_dir, "sub/two.txt", "Same Title\nSame text.\n")
    corpus = load_corpus(corpus_dir)
    assert len(corpus.articles) == 1
    assert "identical to one.txt" in corpus.skipped[0].reason


def test_corpus_is_loaded_recursively_txt_and_md_only(corpus_dir: Path) -> None:
    write(corpus_dir, "a/b/deep.md", "Deep Title\nDeep text.\n")
    write(corpus_dir, "notes.pdf", b"%PDF-1.4")
    write(corpus_dir, ".hidden.txt", "Hidden Title\nx\n")
    write(corpus_dir, "UPPER.TXT", "Upper Title\ny\n")
    assert sorted(a.id for a in load_corpus(corpus_dir).articles) == ["UPPER", "deep"]


def test_same_stem_in_two_folders_gets_distinct_ids(corpus_dir: Path) -> None:
    write(corpus_dir, "x/story.txt", "First Story\nOne.\n")
    write(corpus_dir, "y/story.txt", "Second Story\nTwo.\n")
    assert sorted(a.id for a in load_corpus(corpus_dir).articles) == ["x/story", "y/story"]


def test_unreadable_file_is_skipped(corpus_dir: Path) -> None:
    (corpus_dir / "dangling.txt").symlink_to(corpus_dir / "gone.txt")
    write(corpus_dir, "fine.txt", "Fine Title\nText.\n")
    corpus = load_corpus(corpus_dir)
    assert [a.id for a in corpus.articles] == ["fine"]
    assert corpus.skipped[0].path.name == "dangling.txt"
    assert corpus.skipped[0].reason.startswith("unreadable")


def test_missing_corpus_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="corpus not found"):
        load_corpus(tmp_path / "nope")


def test_markup_and_escapes_survive_parsing_unchanged() -> None:
    text = "[bold]Not Bold[/] Title\nShe said [link=http://x]click[/link] \x1b[31mred\x1b[0m.\n"
    article = parse(text)
    assert article.title == "[bold]Not Bold[/] Title"
    assert "\x1b[31m" in article.blocks[0].text


def test_decode_reports_binary_by_control_bytes() -> None:
    assert decode_article_bytes(bytes(range(1, 9)) * 50).skip_reason.startswith("binary")


def test_titles_sort_by_their_words_not_labels_or_quote_marks() -> None:
    """Issue 12, item 8: "EXCLUSIVE:" and leading quote marks decided the title order."""
    from reader.entries import Entry, sort_entries

    entries = [
        Entry("z", "EXCLUSIVE: Zebra sighting", "2024-01-02", 10),
        Entry("a", "'Apple' season opens", "2024-01-01", 10),
        Entry("m", "“Mango” is back", None, 10),
        Entry("b", "Banana prices", "2024-01-03", 10),
    ]
    assert [e.id for e in sort_entries(entries, "title")] == ["a", "b", "m", "z"]
    assert [e.id for e in sort_entries(entries, "date")] == ["b", "z", "a", "m"]


def test_reading_a_corpus_stops_when_asked(tmp_path) -> None:
    """Quitting while a corpus is read (up to 3,000 files are read in full) is not kept waiting
    for the rest: `stop()` is asked before each file."""
    from reader.corpus.load import LoadStopped
    from reader.opening import open_corpus

    for i in range(30):
        (tmp_path / f"a{i:02d}.txt").write_text(f"Title {i}\n\nBody {i}.\n")
    asked = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) > 5

    with pytest.raises(LoadStopped):
        load_corpus(tmp_path, stop=stop)
    assert len(asked) == 6  # the sixth file was not read
    asked.clear()
    with pytest.raises(LoadStopped):
        list(open_corpus(tmp_path, tmp_path / "home", stop=stop))
    assert len(load_corpus(tmp_path).articles) == 30


def test_opening_ahead_gives_what_open_corpus_gives_and_its_errors(tmp_path, seeds) -> None:
    """The command line starts reading the corpus before the interface loads; the screen takes
    what was read from it exactly as `open_corpus` would have given it, errors included."""
    from reader.opening import Loaded, OpeningAhead, open_corpus

    home = tmp_path / "home"
    ahead = OpeningAhead(seeds, home)
    assert not ahead.take(tmp_path)  # another corpus: the screen opens that one itself
    assert ahead.take(seeds) and not ahead.take(seeds)  # taken once
    assert ahead.wait(10)  # the corpus read before the screen comes to take it
    progress: list[tuple[int, int]] = []
    got = list(ahead.opened(lambda done, total: progress.append((done, total))))
    direct = list(open_corpus(seeds, home))
    assert [type(o) for o in got] == [type(o) for o in direct] == [Loaded]
    assert [e.title for e in got[0].entries] == [e.title for e in direct[0].entries]
    assert progress and progress[-1] == (5, 5)  # told how far the thread got, though late

    missing = OpeningAhead(tmp_path / "nowhere", home)
    with pytest.raises(CorpusError, match="corpus not found"):
        list(missing.opened())


def test_what_was_read_ahead_is_handed_over_once_for_the_first_frame(tmp_path, seeds) -> None:
    """The screen shows the corpus read ahead before its first frame when it is already read
    (never waiting for it); the taker's `opened()` then gives only what follows, not the same
    articles a second time."""
    from reader.opening import Loaded, OpeningAhead

    home = tmp_path / "home"
    ahead = OpeningAhead(seeds, home)
    assert ahead.wait(10)
    assert ahead.ready(tmp_path) is None  # another corpus
    first = ahead.ready(seeds)
    assert isinstance(first, Loaded) and len(first.entries) == 5  # the five seeds
    assert ahead.ready(seeds) is None  # handed over once
    assert ahead.take(seeds) and list(ahead.opened()) == []  # a small corpus: nothing follows

    missing = OpeningAhead(tmp_path / "nowhere", home)
    assert missing.wait(10)
    assert missing.ready(tmp_path / "nowhere") is None  # an error is the taker's to report
    with pytest.raises(CorpusError, match="corpus not found"):
        list(missing.opened())


def test_opening_ahead_stops_reading_when_its_taker_stops(tmp_path, monkeypatch) -> None:
    """`q` while the corpus opened ahead is still read: the thread is told to stop and the
    screen's worker does not wait for the rest of the files."""
    import threading

    from reader.corpus import load
    from reader.corpus.load import LoadStopped
    from reader.opening import OpeningAhead

    for i in range(150):
        (tmp_path / f"a{i:03d}.txt").write_text(f"Title {i}\n\n" + "Body text. " * 40 + "\n")
    taker_came = threading.Event()
    read_file = load.load_file

    def slow_after_three(path, article_id=None):  # the thread is still reading when the taker comes
        if path.name >= "a003.txt":
            taker_came.wait(10)
        return read_file(path, article_id)

    monkeypatch.setattr(load, "load_file", slow_after_three)
    ahead = OpeningAhead(tmp_path, tmp_path / "home")
    seen: list[int] = []
    got = []

    def stop() -> bool:
        taker_came.set()
        return bool(seen)

    with pytest.raises(LoadStopped):  # as open_corpus raises it when stopped while reading
        got += ahead.opened(lambda done, total: seen.append(done), stop=stop)
    assert got == []
    assert ahead.wait(10)
    assert isinstance(ahead.error, LoadStopped)  # the thread stopped reading
    assert seen and seen[-1] < 150


def test_opening_ahead_leaves_the_rest_of_a_large_corpus_to_its_taker(tmp_path) -> None:
    """More files than the early listing: the thread stops at the list of file names (a first
    launch); reading the files is the taker's, in its own thread, and stops when it asks."""
    from reader.corpus.load import LoadStopped
    from reader.opening import Listed, Loaded, OpeningAhead

    for i in range(260):
        (tmp_path / f"a{i:03d}.txt").write_text(f"Title {i}\n\nBody {i}.\n")
    ahead = OpeningAhead(tmp_path, tmp_path / "home")
    assert ahead.wait(10)
    opened = ahead.opened()
    first = next(opened)
    assert isinstance(first, Listed) and len(first.entries) == 260
    rest = list(opened)
    assert [type(o) for o in rest] == [Loaded] and len(rest[0].corpus.articles) == 260

    again = OpeningAhead(tmp_path, tmp_path / "home")
    seen: list[int] = []
    opened = again.opened(lambda done, total: seen.append(done), stop=lambda: len(seen) > 3)
    assert isinstance(next(opened), Listed)
    with pytest.raises(LoadStopped):
        list(opened)
    assert seen[-1] < 260


def test_a_transcript_question_is_a_paragraph_not_a_heading() -> None:
    article = parse("Interview\n\nHOST: Do you think the plan can pass?\n\nA Short Heading Here\n\nText follows.\n")
    kinds = {b.text: b.kind for b in article.blocks}
    assert kinds["HOST: Do you think the plan can pass?"] == "paragraph"
    assert kinds["A Short Heading Here"] == "heading"


def test_ids_of_names_with_odd_dots_are_the_name_before_its_suffix() -> None:
    """The stems are cut with the string's own methods now (os.path took 0.25 s a 100,000
    files); an id stays what it was: the name up to its last dot, unless only dots lead it."""
    from reader.corpus.files import plain_ids

    root = Path("/corpus")
    names = ["a..txt", "..txt", ".c.txt", "d.e.md", "noext", "f.", "x\udcff.txt", "deep/g.html"]
    ids = plain_ids(root, [str(root / name) for name in names])
    assert list(ids.values()) == ["a.", "..txt", ".c", "d.e", "noext", "f", "x\\xff", "g"]
    assert plain_ids(root, [root / name for name in names]) == {
        root / n: i for n, i in zip(names, ids.values(), strict=True)
    }
