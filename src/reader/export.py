"""Exporting notes (and bookmarks) as Markdown, JSON or CSV; no UI here.

The formats are documented in the README and kept stable:
- JSON: {"format": "baldreader-notes", "version": 1, "exported", "notes": [...], "bookmarks": [...]}
- CSV: one row per note, columns `CSV_COLUMNS`.
- Markdown: grouped by article (title, date), each note with its quoted passage, verdict, tags
  and a reference back to the place.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reader.corpus.model import Article
from reader.store.anchor import locate
from reader.store.model import Bookmark, Note, now_iso

FORMATS = ("md", "json", "csv")
EXPORT_VERSION = 1
CSV_COLUMNS = ["created", "updated", "article_id", "article_title", "article_date", "paragraph",
               "quote", "note", "tags", "verdict", "target", "claim_kind", "claim_source",
               "claim_speaker", "detached", "id"]


@dataclass
class ExportRow:
    note: Note
    article_date: str | None
    paragraph: int | None
    detached: bool


def select_notes(notes: Iterable[Note], tag: str | None = None, article: str | None = None) -> list[Note]:
    """Notes with tag `tag` (case-insensitive) on articles whose id starts with `article`."""
    chosen = []
    for note in notes:
        if tag and tag.casefold() not in (t.casefold() for t in note.tags):
            continue
        if article and not note.anchor.article.startswith(article):
            continue
        chosen.append(note)
    return chosen


def _rows(notes: list[Note], articles: list[Article] | None) -> list[ExportRow]:
    rows = []
    for note in sorted(notes, key=lambda n: (n.anchor.article_title.casefold(), n.anchor.paragraph or 0, n.created)):
        if articles is None:
            rows.append(ExportRow(note, None, note.anchor.paragraph, False))
            continue
        place = locate(note.anchor, articles)
        date = place.article.date if place.article else None
        rows.append(ExportRow(note, date, place.paragraph if not place.detached else note.anchor.paragraph,
                              place.detached))
    return rows


def export(notes: list[Note], fmt: str, *, articles: list[Article] | None = None,
           bookmarks: list[Bookmark] | None = None) -> str:
    """`notes` in format `fmt`; with `articles`, each note is located in the corpus now (its
    current paragraph, the article's date, whether it is detached)."""
    rows = _rows(notes, articles)
    if fmt == "json":
        return _json(rows, bookmarks or [])
    if fmt == "csv":
        return _csv(rows)
    if fmt == "md":
        return _markdown(rows)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _note_record(row: ExportRow) -> dict[str, Any]:
    note = row.note
    record = note.to_dict()
    record["article_date"] = row.article_date
    record["paragraph"] = row.paragraph
    record["detached"] = row.detached
    return record


def _json(rows: list[ExportRow], bookmarks: list[Bookmark]) -> str:
    data = {"format": "baldreader-notes", "version": EXPORT_VERSION, "exported": now_iso(),
            "notes": [_note_record(r) for r in rows],
            "bookmarks": [b.to_dict() for b in bookmarks]}
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def _csv(rows: list[ExportRow]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        note, claim = row.note, row.note.claim or {}
        writer.writerow({
            "created": note.created, "updated": note.updated, "article_id": note.anchor.article,
            "article_title": note.anchor.article_title, "article_date": row.article_date or "",
            "paragraph": row.paragraph or "", "quote": note.anchor.quote, "note": note.text,
            "tags": "; ".join(note.tags), "verdict": note.status, "target": note.target,
            "claim_kind": claim.get("kind", ""), "claim_source": claim.get("source", ""),
            "claim_speaker": claim.get("speaker") or "", "detached": "yes" if row.detached else "",
            "id": note.id,
        })
    return out.getvalue()


def _markdown(rows: list[ExportRow]) -> str:
    lines = ["# baldreader notes", ""]
    articles = {r.note.anchor.article for r in rows}
    lines += [f"Exported {now_iso()} · {len(rows)} note(s) on {len(articles)} article(s).", ""]
    current = None
    for row in rows:
        note = row.note
        if note.anchor.article != current:
            current = note.anchor.article
            lines += [f"## {_md_inline(note.anchor.article_title or note.anchor.article)}", ""]
            lines += [f"Article `{note.anchor.article}` · {row.article_date or 'undated'}", ""]
        where = f"¶{row.paragraph}" if row.paragraph else "whole article"
        heading = [where, note.target, f"verdict: **{note.status}**"]
        if row.detached:
            heading.append("⚠ detached: the passage is no longer in the article")
        lines += [f"### {' · '.join(heading)}", ""]
        if note.claim:
            claim = note.claim
            lines += [f"Claim: {claim.get('kind', '?')} · source {claim.get('source', '?')}"
                      + (f" · speaker {claim.get('speaker')}" if claim.get("speaker") else ""), ""]
        if note.anchor.quote:
            lines += [f"> {line}" if line else ">" for line in note.anchor.quote.splitlines()] + [""]
        if note.text:
            lines += [note.text.rstrip("\n"), ""]
        if note.tags:
            lines += ["Tags: " + " ".join(f"`#{t}`" for t in note.tags), ""]
        lines += [f"<sub>note {note.id} · created {note.created} · updated {note.updated} · "
                  f"{note.anchor.article}{'#p' + str(row.paragraph) if row.paragraph else ''}</sub>", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_inline(text: str) -> str:
    return text.replace("\n", " ").replace("#", "\\#")
