"""Notes re-attach to their passage after the article is renamed, moved or edited; detached notes
are kept; exports parse back."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from conftest import write

from reader.corpus import load_corpus
from reader.export import CSV_COLUMNS, export, select_notes
from reader.store import Note, Store
from reader.store.anchor import AnchorError, locate, make_anchor

ARTICLE = """date 2024-05-06 Star Denies Feud With Co-Star
The actor arrived at the premiere alone.
A source told reporters: "They have not spoken in months."
Later, the actor laughed off the rumours and posed for photos.
"""


@pytest.fixture
def corpus(corpus_dir: Path) -> Path:
    write(corpus_dir, "feud.txt", ARTICLE)
    write(corpus_dir, "other.txt", "Another Story Entirely\nNothing to see here.\n")
    return corpus_dir


def article(corpus: Path, article_id: str = "feud"):
    return next(a for a in load_corpus(corpus).articles if a.id == article_id)


def test_anchor_on_passage_paragraph_and_article(corpus: Path) -> None:
    feud = article(corpus)
    passage = make_anchor(feud, quote="They have not spoken in months.")
    assert passage.paragraph == 2 and passage.before.endswith('told reporters: "')
    assert passage.after.startswith('"')
    para = make_anchor(feud, paragraph=3)
    assert para.quote.startswith("Later, the actor") and para.paragraph == 3
    whole = make_anchor(feud)
    assert whole.paragraph is None and whole.article_title == "Star Denies Feud With Co-Star"
    with pytest.raises(AnchorError, match="not in article"):
        make_anchor(feud, quote="words that are not there")
    with pytest.raises(AnchorError, match="out of range"):
        make_anchor(feud, paragraph=9)


@pytest.mark.parametrize(
    "typed",
    [
        "A source told reporters: \u201cThey have not spoken in months.\u201d",  # curly quotes typed
        'a source TOLD reporters:  "they have not spoken in months."',  # case and spacing
    ],
)
def test_a_passage_is_found_when_it_differs_only_in_quote_marks_dashes_or_spacing(corpus: Path, typed: str) -> None:
    """Issue 12, item 11: a passage typed with ’ for ', – for --, or other spacing was refused."""
    passage = make_anchor(article(corpus), quote=typed)
    assert passage.paragraph == 2 and passage.quote.startswith("A source told reporters:")


def test_dashes_and_apostrophes_match_their_typographic_forms(corpus_dir: Path) -> None:
    write(corpus_dir, "dash.txt", "Plain Headline Here\nShe wasn\u2019t there \u2013 or so it seemed.\n")
    dash = next(a for a in load_corpus(corpus_dir).articles if a.id == "dash")
    assert make_anchor(dash, quote="She wasn't there -- or so it seemed.").paragraph == 1
    assert make_anchor(dash, quote="wasn't there-or so").quote == "wasn\u2019t there \u2013 or so"


def test_note_reattaches_after_rename_and_move(corpus: Path) -> None:
    anchor = make_anchor(article(corpus), quote="They have not spoken in months.")
    (corpus / "archive").mkdir()
    shutil.move(corpus / "feud.txt", corpus / "archive" / "2024-feud-story.txt")
    place = locate(anchor, load_corpus(corpus).articles)
    assert not place.detached and place.moved
    assert place.article.id == "2024-feud-story" and place.paragraph == 2
    assert place.article.text[place.start : place.end] == "They have not spoken in months."


def test_note_reattaches_after_edit(corpus: Path) -> None:
    anchor = make_anchor(article(corpus), quote="the actor laughed off the rumours")
    edited = ARTICLE.replace(
        "The actor arrived at the premiere alone.\n",
        "The actor arrived at the premiere alone.\nA New Section Heading\nFans waited outside for hours.\n",
    )
    write(corpus, "feud.txt", edited)
    place = locate(anchor, load_corpus(corpus).articles)
    assert not place.detached and place.paragraph == 5

    # Lightly reworded: found by similarity, in the right paragraph.
    write(corpus, "feud.txt", ARTICLE.replace("laughed off the rumours", "laughed off the rumors"))
    place = locate(anchor, load_corpus(corpus).articles)
    assert not place.detached and place.paragraph == 3


def test_note_on_removed_passage_is_kept_and_marked_detached(corpus: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "notes.yaml").load()
    anchor = make_anchor(article(corpus), quote="They have not spoken in months.")
    note = store.add_note(Note(id="", anchor=anchor, text="Who is the source?", target="passage"))
    write(corpus, "feud.txt", ARTICLE.replace('A source told reporters: "They have not spoken in months."\n', ""))
    articles = load_corpus(corpus).articles
    assert locate(store.note(note.id).anchor, articles).detached
    assert [n.id for n in Store(store.path).load().notes()] == [note.id]  # never dropped
    rows = list(csv.DictReader(io.StringIO(export(store.notes(), "csv", articles=articles))))
    assert rows[0]["detached"] == "yes" and rows[0]["quote"] == "They have not spoken in months."
    assert "detached" in export(store.notes(), "md", articles=articles)


def _sample_store(corpus: Path, tmp_path: Path) -> Store:
    store = Store(tmp_path / "notes.yaml").load()
    feud = article(corpus)
    store.add_note(
        Note(
            id="",
            anchor=make_anchor(feud, quote="They have not spoken in months."),
            text='Anonymous.\nNeeds a second source: "who"?',
            target="passage",
            tags=["sourcing", "yes"],
            status="disputed",
            claim={"kind": "quote", "source": "anonymous", "speaker": "A source"},
        )
    )
    store.add_note(Note(id="", anchor=make_anchor(feud, paragraph=1), text="Plain, with, commas", tags=["timeline"]))
    store.add_note(Note(id="", anchor=make_anchor(article(corpus, "other")), text="Whole article note"))
    return store


def test_export_json_parses_back_with_every_field(corpus: Path, tmp_path: Path) -> None:
    store = _sample_store(corpus, tmp_path)
    data = json.loads(export(store.notes(), "json", articles=load_corpus(corpus).articles, bookmarks=store.bookmarks()))
    assert data["format"] == "baldreader-notes" and data["version"] == 1
    by_text = {n["text"]: n for n in data["notes"]}
    first = by_text['Anonymous.\nNeeds a second source: "who"?']
    assert first["quote"] == "They have not spoken in months." and first["status"] == "disputed"
    assert first["tags"] == ["sourcing", "yes"] and first["claim"]["source"] == "anonymous"
    assert first["article_date"] == "2024-05-06" and first["paragraph"] == 2
    assert set(first) >= {"id", "created", "updated", "before", "after", "article_title", "detached"}


def test_export_csv_parses_back_one_row_per_note(corpus: Path, tmp_path: Path) -> None:
    store = _sample_store(corpus, tmp_path)
    text = export(store.notes(), "csv", articles=load_corpus(corpus).articles)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == CSV_COLUMNS and len(rows) == 3
    row = next(r for r in rows if r["verdict"] == "disputed")
    assert row["note"] == 'Anonymous.\nNeeds a second source: "who"?'
    assert row["tags"] == "sourcing; yes" and row["paragraph"] == "2"
    assert row["claim_source"] == "anonymous" and row["article_title"] == "Star Denies Feud With Co-Star"


def test_export_markdown_groups_by_article(corpus: Path, tmp_path: Path) -> None:
    store = _sample_store(corpus, tmp_path)
    md = export(store.notes(), "md", articles=load_corpus(corpus).articles)
    assert md.count("\n## ") == 2
    feud = md.index("## Star Denies Feud With Co-Star")
    other = md.index("## Another Story Entirely")
    section = md[feud:other] if feud < other else md[feud:]
    assert "Article `feud` · 2024-05-06" in section
    assert "> They have not spoken in months." in section
    assert "verdict: **disputed**" in section and "`#sourcing`" in section
    assert "Claim: quote · source anonymous · speaker A source" in section
    assert "feud#p2" in section


def test_select_by_tag_and_article(corpus: Path, tmp_path: Path) -> None:
    notes = _sample_store(corpus, tmp_path).notes()
    assert [n.text for n in select_notes(notes, tag="TIMELINE")] == ["Plain, with, commas"]
    assert len(select_notes(notes, article="fe")) == 2
