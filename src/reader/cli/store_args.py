"""The arguments of `notes`, `bookmarks` and `export` (their work is in cli_store). Imports
nothing of the store, the corpus or the export, so building the command line stays fast; the
three names below are those modules' own, kept equal by a test."""

from __future__ import annotations

import argparse
from typing import Any

STORE_NAME = "notes.yaml"  # reader.store.store.STORE_NAME
FORMATS = ("md", "json", "csv")  # reader.export.FORMATS
STATUSES = ("unverified", "supported", "disputed", "false")  # reader.store.STATUSES


def add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help=f"the notes file; default {STORE_NAME} in the user data folder",
    )


def _place(parser: argparse.ArgumentParser) -> None:
    """The article (and paragraph) a note or bookmark is on."""
    parser.add_argument("article", help="article id or a unique prefix of it")
    parser.add_argument("--paragraph", type=int, metavar="N", help="paragraph number (from 1)")


def add_parsers(sub: Any, common: Any) -> None:
    notes = sub.add_parser("notes", help="add, list and remove notes")
    notes_sub = notes.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = notes_sub.add_parser("add", help="add a note to an article, a paragraph or a passage")
    _place(add)
    add.add_argument("--quote", metavar="TEXT", help="the exact passage the note is on")
    add.add_argument("--text", required=True, help="the note (use $'...' for several lines)")
    add.add_argument("--tag", action="append", default=[], help="a tag (repeat for more)")
    add.add_argument("--status", choices=STATUSES, default="unverified", help="verdict on the claim")
    listing = notes_sub.add_parser("list", help="list notes")
    listing.add_argument("--json", action="store_true", help="JSON Lines, one note a line")
    listing.add_argument("--tag", help="only notes with this tag")
    listing.add_argument("--article", metavar="ID", help="only notes on articles with this id prefix")
    remove = notes_sub.add_parser("rm", help="remove a note")
    remove.add_argument("id")
    change = notes_sub.add_parser("set", help="change a note's verdict, tags or text")
    change.add_argument("id")
    change.add_argument("--status", choices=STATUSES, help="the new verdict")
    change.add_argument("--tag", action="append", help="replace the tags with these (repeat for more)")
    change.add_argument("--add-tag", action="append", default=[], metavar="TAG", help="add a tag")
    change.add_argument("--remove-tag", action="append", default=[], metavar="TAG", help="remove a tag")
    change.add_argument("--text", help="replace the note's text")

    bookmarks = sub.add_parser("bookmarks", help="add, list and remove bookmarks")
    bm_sub = bookmarks.add_subparsers(dest="action", metavar="ACTION", required=True)
    bm_add = bm_sub.add_parser("add", help="bookmark an article or a paragraph")
    _place(bm_add)
    bm_add.add_argument("--label", default="", help="a label")
    bm_list = bm_sub.add_parser("list", help="list bookmarks")
    bm_list.add_argument("--json", action="store_true", help="JSON Lines, one bookmark a line")
    bm_rm = bm_sub.add_parser("rm", help="remove a bookmark")
    bm_rm.add_argument("id")

    exporter = sub.add_parser("export", help="export notes as Markdown, JSON or CSV")
    exporter.add_argument(
        "--format",
        choices=FORMATS,
        help="md (Markdown), json or csv; default: from the output file's extension (.json, .csv), else md",
    )
    exporter.add_argument("-o", "--output", metavar="FILE", default="-", help="file, or - for stdout")
    exporter.add_argument("--force", action="store_true", help="overwrite an existing file")
    exporter.add_argument("--tag", help="only notes with this tag")
    exporter.add_argument("--article", metavar="ID", help="only notes on articles with this id prefix")

    for parser in (add, listing, remove, change, bm_add, bm_list, bm_rm, exporter):
        common(parser)
        add_store_option(parser)
