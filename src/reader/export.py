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
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reader.corpus.model import Article
from reader.helpers.textsafe import json_document
from reader.helpers.wording import count
from reader.store.anchor import locate
from reader.store.model import Bookmark, Note, now_iso

FORMATS = ("md", "json", "csv")
EXPORT_VERSION = 1
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = [
    "created",
    "updated",
    "article_id",
    "article_title",
    "article_date",
    "paragraph",
    "quote",
    "note",
    "tags",
    "verdict",
    "target",
    "claim_kind",
    "claim_source",
    "claim_speaker",
    "detached",
    "id",
]


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
        rows.append(
            ExportRow(note, date, place.paragraph if not place.detached else note.anchor.paragraph, place.detached)
        )
    return rows


def export(
    notes: list[Note], fmt: str, *, articles: list[Article] | None = None, bookmarks: list[Bookmark] | None = None
) -> str:
    """`notes` in format `fmt`; with `articles`, each note is located in the corpus now (its
    current paragraph, the article's date, whether it is detached)."""
    rows = _rows(notes, articles)
    if fmt == "json":
        return _json(rows, bookmarks or [])
    if fmt == "csv":
        return _csv(rows)
    if fmt == "md":
        return _markdown(rows, bookmarks or [], articles)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _note_record(row: ExportRow) -> dict[str, Any]:
    note = row.note
    record = note.to_dict()
    record["article_date"] = row.article_date
    record["paragraph"] = row.paragraph
    record["detached"] = row.detached
    return record


def _json(rows: list[ExportRow], bookmarks: list[Bookmark]) -> str:
    data = {
        "format": "baldreader-notes",
        "version": EXPORT_VERSION,
        "exported": now_iso(),
        "notes": [_note_record(r) for r in rows],
        "bookmarks": [b.to_dict() for b in bookmarks],
    }
    return json_document(data) + "\n"


def _csv(rows: list[ExportRow]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    # Python's writer does not quote a bare CR when rows end in LF, and a spreadsheet splits the
    # row there: a row holding one is written with every cell quoted.
    quoting_all = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writeheader()
    for row in rows:
        note, claim = row.note, row.note.claim or {}
        cells = {
            "created": note.created,
            "updated": note.updated,
            "article_id": note.anchor.article,
            "article_title": note.anchor.article_title,
            "article_date": row.article_date or "",
            "paragraph": row.paragraph or "",
            "quote": note.anchor.quote,
            "note": note.text,
            "tags": "; ".join(note.tags),
            "verdict": note.status,
            "target": note.target,
            "claim_kind": claim.get("kind", ""),
            "claim_source": claim.get("source", ""),
            "claim_speaker": claim.get("speaker") or "",
            "detached": "yes" if row.detached else "",
            "id": note.id,
        }
        cells = {key: _csv_cell(value) for key, value in cells.items()}
        (quoting_all if any("\r" in v for v in cells.values()) else writer).writerow(cells)
    return out.getvalue()


def _csv_cell(value: object) -> str:
    """A cell a spreadsheet shows as text: one beginning with = + - @ TAB or CR would run as a
    formula, so it gets a leading apostrophe (OWASP's rule for CSV injection)."""
    text = str(value)
    return "'" + text if text[:1] in FORMULA_STARTS else text


def _markdown(rows: list[ExportRow], bookmarks: list[Bookmark], corpus: list[Article] | None) -> str:
    lines = ["# baldreader notes", ""]
    articles = {r.note.anchor.article for r in rows}
    summary = f"Exported {now_iso()} · {count(len(rows), 'note')} on {count(len(articles), 'article')}"
    lines += [summary + (f" · {count(len(bookmarks), 'bookmark')}." if bookmarks else "."), ""]
    current = None
    for row in rows:
        note = row.note
        if note.anchor.article != current:
            current = note.anchor.article
            lines += [f"## {md_text(note.anchor.article_title or note.anchor.article)}", ""]
            lines += [f"Article {md_code(note.anchor.article)} · {md_text(row.article_date or 'undated')}", ""]
        where = f"¶{row.paragraph}" if row.paragraph else "whole article"
        heading = [where, md_text(note.target), f"verdict: **{md_text(note.status)}**"]
        if row.detached:
            heading.append("⚠ detached: the passage is no longer in the article")
        lines += [f"### {' · '.join(heading)}", ""]
        if note.claim:
            claim = note.claim
            lines += [
                md_text(
                    f"Claim: {claim.get('kind', '?')} · source {claim.get('source', '?')}"
                    + (f" · speaker {claim.get('speaker')}" if claim.get("speaker") else "")
                ),
                "",
            ]
        if note.anchor.quote:
            lines += [f"> {md_text(line)}" if line.strip() else ">" for line in note.anchor.quote.splitlines()]
            lines += [""]
        if note.text:
            lines += md_lines(note.text.rstrip("\n")) + [""]
        if note.tags:
            lines += ["Tags: " + " ".join(md_code(f"#{t}") for t in note.tags), ""]
        place = f"{note.anchor.article}{'#p' + str(row.paragraph) if row.paragraph else ''}"
        lines += [
            f"<sub>{md_text(f'note {note.id} · created {note.created} · updated {note.updated} · {place}')}</sub>",
            "",
        ]
    lines += _markdown_bookmarks(bookmarks, corpus)
    return "\n".join(lines).rstrip("\n") + "\n"


def _markdown_bookmarks(bookmarks: list[Bookmark], corpus: list[Article] | None) -> list[str]:
    """The bookmarks as one list, each with its article, paragraph, label and passage."""
    if not bookmarks:
        return []
    lines = ["## Bookmarks", ""]
    for mark in sorted(bookmarks, key=lambda b: (b.anchor.article_title.casefold(), b.anchor.paragraph or 0)):
        paragraph = mark.anchor.paragraph
        if corpus is not None:
            place = locate(mark.anchor, corpus)
            paragraph = place.paragraph if not place.detached else paragraph
        title = mark.anchor.article_title or mark.anchor.article
        where = f"¶{paragraph}" if paragraph else "whole article"
        item = f"- {md_text(title)} · {where} · {md_code(mark.anchor.article)}"
        if mark.label:
            item += f" · {md_text(mark.label)}"
        lines.append(item)
        if mark.anchor.quote:
            lines.append(f"  > {md_text(mark.anchor.quote)}")
    return lines + [""]


# Characters that make Markdown structure anywhere in a line (emphasis, code, links, HTML,
# tables, strike-through, headings) and, at a line's start, lists, quotes and rules.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=#]|\d+[.)])")
# What GitHub's renderer turns into a link on its own (extended autolinks): addresses with a
# scheme or "www.", and e-mail addresses. Written as inline code, they stay text.
_AUTOLINKED = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)


def md_text(text: str) -> str:
    """`text` as one line of literal Markdown: every character that could make structure is
    backslash-escaped, newlines become spaces, a bare address or e-mail address is inline code
    (never turned into a link), and leading spaces are kept as no-break spaces (four of them
    would make a code block)."""
    line = " ".join(str(text).splitlines())
    stripped = line.lstrip(" \t")
    lead = line[: len(line) - len(stripped)]
    parts, last = [], 0
    for match in _AUTOLINKED.finditer(stripped):
        parts.append(_MD_SPECIAL.sub(r"\\\1", stripped[last : match.start()]))
        parts.append(md_code(match.group()))
        last = match.end()
    parts.append(_MD_SPECIAL.sub(r"\\\1", stripped[last:]))
    body = _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), "".join(parts))
    return lead.replace("\t", "    ").replace(" ", "&nbsp;") + body


def md_lines(text: str) -> list[str]:
    """Multi-line text as literal Markdown lines, its line breaks kept (a trailing backslash is a
    hard line break; blank lines stay paragraph breaks)."""
    lines = text.splitlines()
    out = []
    for i, line in enumerate(lines):
        escaped = md_text(line) if line.strip() else ""
        following = i + 1 < len(lines) and lines[i + 1].strip()
        out.append(escaped + ("\\" if escaped and following else ""))
    return out


def md_code(text: str) -> str:
    """`text` as inline code, fenced with more backticks than it holds."""
    text = " ".join(str(text).splitlines())
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
