"""The command line: `baldreader` opens the reader; subcommands work on the corpus from the shell.

Textual is imported only when the app is launched, so shell commands start fast.
"""

from __future__ import annotations

import argparse
import atexit
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

from reader import __version__
from reader.cli.shellout import guard_terminal_streams
from reader.helpers.paths import CORPUS_ENV, HOME_ENV, default_corpus, own_corpus, user_home
from reader.helpers.textsafe import json_line, one_line, visible


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=f"folder (or file) of articles; default ${CORPUS_ENV} or the bundled seeds",
    )
    parser.add_argument(
        "--home",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"user data folder; default ${HOME_ENV} or the platform's user data folder",
    )


_READER_OPTIONS = ("--corpus", "--home", "--theme", "--store")


def opens_the_reader(argv: list[str]) -> bool:
    """Whether the command line only opens the reader (no command, no help): its parser then
    needs none of the commands' (building them imports their modules: a few hundredths of a
    second of every launch)."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in _READER_OPTIONS:
            i += 2
        elif arg.split("=", 1)[0] in _READER_OPTIONS and "=" in arg:
            i += 1
        else:
            return False  # a command, --help, --version or a mistake: the full parser reads it
    return True


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose messages (which echo what was typed: "unrecognized arguments:
    …") reach the terminal with control characters shown as symbols, never acted on."""

    def _print_message(self, message: str, file: Any = None) -> None:
        super()._print_message(visible(message), file)


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="baldreader",
        description="A terminal reader for celebrity and tabloid news. With no command, opens the reader.",
    )
    parser.add_argument("--version", action="version", version=f"baldreader {__version__}")
    _common(parser)
    parser.add_argument("--theme", metavar="NAME", help="theme to start with (remembered)")
    if not commands:
        parser.add_argument("--store", metavar="FILE", default=argparse.SUPPRESS)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    read = sub.add_parser("read", help="open the reader (the default)")
    _common(read)
    read.add_argument("--theme", metavar="NAME", help="theme to start with (remembered)")

    listing = sub.add_parser("list", help="list the corpus's articles and any file problems")
    _common(listing)
    listing.add_argument("--json", action="store_true", help="one JSON object per article (JSON Lines)")

    themes = sub.add_parser("themes", help="list the available themes and any broken theme files")
    _common(themes)

    from reader.cli import across as cli_across
    from reader.cli import add as cli_add
    from reader.cli import analyze as cli_analyze
    from reader.cli import search as cli_search
    from reader.cli import store_args as cli_store_args

    cli_add.add_parsers(sub, _common)
    cli_analyze.add_parser(sub, _common)
    cli_across.add_parsers(sub, _common)
    cli_search.add_parsers(sub, _common)
    cli_store_args.add_parsers(sub, _common)
    cli_store_args.add_store_option(parser)
    cli_store_args.add_store_option(read)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; Ctrl+C exits quietly with status 130, a closed pipe (`| head`) with 0."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        _quiet_exit()
        return 130
    except BrokenPipeError:
        _quiet_exit()
        return 0


def _quiet_exit() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _main(argv: list[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(commands=not opens_the_reader(argv)).parse_args(argv)
    home = user_home(getattr(args, "home", None))
    command = getattr(args, "command", None) or "read"
    from reader.corpus import kept_ids, pages

    pages.remember_in(home)  # saved pages read once, kept in the user data folder
    kept_ids.remember_in(home)  # an id given to a file is kept: it never moves under notes
    if command in ("add", "follow", "update"):
        from reader.cli import add as cli_add

        return cli_add.run(args, own_corpus(getattr(args, "corpus", None), home).resolve(), home)
    corpus = default_corpus(getattr(args, "corpus", None), home).resolve()
    if command != "read":
        guard_terminal_streams()
    if command == "read":
        return _read(corpus, home, args.theme, getattr(args, "store", None))
    if command in ("search", "index"):
        from reader.cli import search as cli_search

        return (cli_search.run_search if command == "search" else cli_search.run_index)(args, corpus, home)
    if command == "analyze":
        from reader.cli import analyze as cli_analyze

        return cli_analyze.run(args, corpus, home)
    if command in ("people", "quotes", "profile", "conflicts"):
        from reader.cli import across as cli_across

        return cli_across.run(args, corpus, home)
    if command in ("notes", "bookmarks", "export"):
        from reader.cli import store as cli_store

        return cli_store.run(args, corpus, home)
    if command == "list":
        return _list(corpus, args.json)
    if command == "themes":
        return _themes(home)
    raise AssertionError(command)


def _read(corpus: Path, home: Path, theme: str | None, store: str | None) -> int:
    if not corpus.exists():
        print(f"baldreader: corpus not found: {one_line(str(corpus))}", file=sys.stderr)
        return 2
    from reader.opening import OpeningAhead

    ahead = OpeningAhead(corpus, home)  # the corpus is read while the interface loads
    from reader.store.store import STORE_NAME
    from reader.ui.app import ReaderApp

    store_path = Path(store).expanduser() if store else home / STORE_NAME
    app = ReaderApp(corpus=corpus, home=home, theme=theme, store=store_path, opening_ahead=ahead)
    app.run()
    leave_now(finished(app))
    return 0  # not reached


def leave_now(code: int) -> NoReturn:
    """End the process at once once the reader has closed: everything the reader writes is
    written and closed by then (notes and state atomically, the caches committed), so Python's
    own teardown, which frees every article and analysis one by one (0.5 to 1 s for a corpus of
    2,000 articles on this machine), is skipped; the exit handlers still run and the output is
    flushed."""
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def finished(app: Any) -> int:
    """The exit status of a finished app: non-zero after a crash, whose log is named."""
    code = app.return_code or 0
    if code and app.crash_log is not None:
        print(f"baldreader: an unexpected error ended the reader; the details are in {app.crash_log}", file=sys.stderr)
    return code


def _list(corpus_path: Path, as_json: bool) -> int:
    from reader.corpus import CorpusError, load_corpus

    try:
        corpus = load_corpus(corpus_path)
    except CorpusError as exc:
        print(f"baldreader: {one_line(str(exc))}", file=sys.stderr)
        return 2
    out = sys.stdout
    for a in corpus.articles:
        if as_json:
            record = {
                "id": a.id,
                "path": str(a.path),
                "title": a.title,
                "title_derived": a.title_derived,
                "date": a.date,
                "outlet": a.outlet,
                "author": a.author,
                "url": a.url,
                "words": a.word_count,
                "reading_minutes": a.reading_minutes,
                "problems": a.problems,
            }
            out.write(json_line(record) + "\n")
        else:
            flag = " !" if a.problems else ""
            out.write(f"{a.date or 'undated':10}  {a.word_count:>6}w  {one_line(a.id)}  {one_line(a.title)}{flag}\n")
    for skipped in corpus.skipped:
        print(f"skipped {one_line(str(skipped.path))}: {one_line(skipped.reason)}", file=sys.stderr)
    for a in corpus.flagged:
        for problem in a.problems:
            print(f"warning {one_line(str(a.path))}: {one_line(problem)}", file=sys.stderr)
    return 0


def _themes(home: Path) -> int:
    from reader.helpers.paths import bundled_themes
    from reader.ui.contrast import AA, weak_pairs
    from reader.ui.themes import load_theme_files

    loaded = load_theme_files(bundled_themes(), home / "themes")
    for theme in loaded.themes:
        print(f"{theme.name}  ({'dark' if theme.dark else 'light'})")
        for pair in weak_pairs(theme):  # a warning: the theme still works
            print(
                one_line(f"warning: theme {theme.name}: {pair.what} has contrast {pair.ratio:.1f}:1 (under {AA}:1)"),
                file=sys.stderr,
            )
    for problem in loaded.problems:
        print(one_line(problem), file=sys.stderr)
    return 1 if loaded.problems else 0
