"""Shell commands on the store: `notes`, `bookmarks` and `export` (no UI here); their arguments
are in cli_store_args, which `baldreader search` can import without the store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reader.corpus import Article, CorpusError, load_corpus
from reader.export import export, select_notes
from reader.helpers.atomic import UnsafeTarget, check_target, write_atomic
from reader.helpers.textsafe import json_line, one_line
from reader.helpers.wording import count
from reader.store import Bookmark, Note, Store, StoreError
from reader.store.anchor import AnchorError, locate, make_anchor
from reader.store.store import STORE_NAME


class CommandError(Exception):
    """A user error: printed as one line, exit status 2."""


def store_path(args: argparse.Namespace, home: Path) -> Path:
    explicit = getattr(args, "store", None)
    return Path(explicit).expanduser() if explicit else home / STORE_NAME


def run(args: argparse.Namespace, corpus_path: Path, home: Path) -> int:
    store = Store(store_path(args, home))
    try:
        store.load()
        for warning in store.warnings:
            print(f"warning: {one_line(warning)}", file=sys.stderr)
        if args.command == "notes":
            code = _notes(args, store, corpus_path)
        elif args.command == "bookmarks":
            code = _bookmarks(args, store, corpus_path)
        else:
            code = _export(args, store, corpus_path)
        store.flush_cache()
        return code
    except (StoreError, CommandError, AnchorError, CorpusError) as exc:
        print(f"baldreader: {one_line(str(exc))}", file=sys.stderr)
        return 2


def find_article(articles: list[Article], wanted: str) -> Article:
    exact = [a for a in articles if a.id == wanted]
    if exact:
        return exact[0]
    matches = [a for a in articles if a.id.startswith(wanted)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise CommandError(f"no article with id or id prefix {wanted!r}")
    raise CommandError(
        f"{wanted!r} matches {len(matches)} articles: "
        + ", ".join(a.id for a in matches[:5])
        + ("…" if len(matches) > 5 else "")
    )


def _notes(args: argparse.Namespace, store: Store, corpus_path: Path) -> int:
    if args.action == "add":
        article = find_article(load_corpus(corpus_path).articles, args.article)
        anchor = make_anchor(article, args.paragraph, args.quote)
        target = "passage" if args.quote else "paragraph" if args.paragraph else "article"
        note = store.add_note(
            Note(id="", anchor=anchor, text=args.text, target=target, tags=args.tag, status=args.status)
        )
        if args.paragraph and anchor.paragraph != args.paragraph:  # the passage was found elsewhere
            there = f"¶{anchor.paragraph}"
            print(
                f"note: the passage is not in ¶{args.paragraph} but in {there}; the note is on {there}", file=sys.stderr
            )
        print(note.id)
    elif args.action == "list":
        articles = load_corpus(corpus_path).articles
        for note in select_notes(store.notes(), args.tag, args.article):
            place = locate(note.anchor, articles)
            if args.json:
                record = note.to_dict() | {"detached": place.detached}
                print(json_line(record))
            else:
                where = f"¶{place.paragraph}" if place.paragraph else "article"
                flag = "  [detached]" if place.detached else ""
                first = note.text.splitlines()[0] if note.text else ""
                tags = " ".join(f"#{t}" for t in note.tags)
                title = _short(note.anchor.article_title or note.anchor.article)
                print(one_line(f"{note.id}  {title} {where}  {note.status}  {first}  {tags}{flag}"))
    elif args.action == "set":
        _set_note(args, store)
    else:
        removed = store.delete_note(args.id)
        print(f"removed note {removed.id}")
    return 0


def _set_note(args: argparse.Namespace, store: Store) -> None:
    """`notes set ID`: the verdict, the tags (replaced, added to, removed from) and the text."""
    changes: dict[str, Any] = {}
    if args.status:
        changes["status"] = args.status
    if args.text is not None:
        changes["text"] = args.text
    retag = args.tag is not None or args.add_tag or args.remove_tag
    if not changes and not retag:
        raise CommandError("nothing to change: give --status, --tag, --add-tag, --remove-tag or --text")

    def tags(note: Note) -> dict[str, Any]:  # from the tags in the file when it is written
        if not retag:
            return {}
        kept = list(note.tags) if args.tag is None else []
        for tag in (args.tag or []) + args.add_tag:
            if tag.casefold() not in (t.casefold() for t in kept):
                kept.append(tag)
        gone = {t.casefold() for t in args.remove_tag}
        return {"tags": [t for t in kept if t.casefold() not in gone]}

    updated = store.update_note(args.id, tags, **changes)
    shown = " ".join(f"#{t}" for t in updated.tags)
    print(one_line(f"{updated.id}  {updated.status}  {shown}"))


def _bookmarks(args: argparse.Namespace, store: Store, corpus_path: Path) -> int:
    if args.action == "add":
        article = find_article(load_corpus(corpus_path).articles, args.article)
        anchor = make_anchor(article, args.paragraph)
        bookmark = store.add_bookmark(Bookmark(id="", anchor=anchor, label=args.label))
        print(bookmark.id)
    elif args.action == "list":
        for bookmark in store.bookmarks():
            if args.json:
                print(json_line(bookmark.to_dict()))
            else:
                where = f"¶{bookmark.anchor.paragraph}" if bookmark.anchor.paragraph else "article"
                title = _short(bookmark.anchor.article_title or bookmark.anchor.article)
                print(one_line(f"{bookmark.id}  {title} {where}  {bookmark.label}"))
    else:
        removed = store.delete_bookmark(args.id)
        print(f"removed bookmark {removed.id}")
    return 0


def _short(title: str, width: int = 50) -> str:
    """An article's title for a one-line listing (the id is in --json)."""
    return title if len(title) <= width else title[: width - 1] + "…"


def _export(args: argparse.Namespace, store: Store, corpus_path: Path) -> int:
    try:
        articles = load_corpus(corpus_path).articles
    except CorpusError as exc:
        print(f"warning: {exc}; exporting without locating notes in the corpus", file=sys.stderr)
        articles = None
    if args.article and articles is not None and not any(a.id.startswith(args.article) for a in articles):
        raise CommandError(f"no article with id or id prefix {args.article!r}")
    notes = select_notes(store.notes(), args.tag, args.article)
    # Bookmarks carry no tags: a --tag export leaves them out; --article keeps that article's.
    marks = [] if args.tag else [b for b in store.bookmarks() if b.anchor.article.startswith(args.article or "")]
    text = export(notes, args.format or format_of(args.output), articles=articles, bookmarks=marks)
    write_export(text, args.output, args.force)
    if args.output != "-":
        print(f"exported {count(len(notes), 'note')} to {args.output}", file=sys.stderr)
    return 0


def format_of(output: str) -> str:
    """The export format an output file's name asks for: .json, .csv, else Markdown."""
    suffix = Path(output).suffix.lower().lstrip(".") if output != "-" else ""
    return suffix if suffix in ("json", "csv") else "md"


def write_export(text: str, output: str, force: bool) -> None:
    if output == "-":
        sys.stdout.write(text)
        return
    path = Path(output).expanduser()
    try:
        exists = check_target(path)  # a link, FIFO, device or folder is refused, even with --force
    except UnsafeTarget as exc:
        raise CommandError(f"{one_line(str(path))} {exc.strerror}") from None
    if exists and not force:
        raise CommandError(f"{one_line(str(path))} exists; add --force to overwrite it")
    if not path.parent.is_dir():
        raise CommandError(f"folder {one_line(str(path.parent))} does not exist")
    try:
        write_atomic(path, text)
    except OSError as exc:
        raise CommandError(f"cannot write {one_line(str(path))}: {exc.strerror or exc}") from None
