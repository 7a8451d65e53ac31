"""The Textual application: themes, key remapping, remembered state; the main screen does the rest."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer

from reader.config import CONFIG_NAME, load_config
from reader.crashlog import write_crash_log
from reader.helpers.paths import OWN_CORPUS, bundled_themes, unwritable
from reader.helpers.textsafe import one_line, visible
from reader.opening import OpeningAhead
from reader.state import StateChanges, apply_changes, load_state, save_state
from reader.store import Store
from reader.store.store import STORE_NAME
from reader.ui.ending import TerminalGuard, repaint_on_resume
from reader.ui.keys import BindingRow, rows_of, unknown_binding_ids
from reader.ui.messages import StateChanged
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.main import MainScreen
from reader.ui.screens.messages_log import KEPT, MessagesScreen, Notice
from reader.ui.themes import DEFAULT_THEME, VARIABLE_DEFAULTS, load_theme_files


def binding_rows(keymap: dict[str, str]) -> list[BindingRow]:
    """Every key binding of the app, by where it works, with the user's remapping applied: for
    help, for checking config.yaml's ids, and for docs/keys.md (tools/keys_doc.py)."""
    from reader.ui.screens.export_dialog import ExportDialog
    from reader.ui.screens.note_editor import NoteEditor
    from reader.ui.screens.notes_panel import NotesPanel
    from reader.ui.widgets.analysis_panel import PanelList
    from reader.ui.widgets.article_list import ArticleList
    from reader.ui.widgets.reading_pane import ReadingPane
    from reader.ui.widgets.search_input import SearchInput

    owners: list[tuple[str, type]] = [
        ("Everywhere", ReaderApp),
        ("Main screen", MainScreen),
        ("Article list", ArticleList),
        ("Reading pane", ReadingPane),
        ("Side panel", PanelList),
        ("Search bar", SearchInput),
        ("Notes panel", NotesPanel),
        ("Note editor", NoteEditor),
        ("Export dialog", ExportDialog),
        ("Help", HelpScreen),
        ("Messages", MessagesScreen),
    ]
    return rows_of(owners, keymap)


class ReaderApp(App[None]):
    TITLE = "baldreader"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit baldreader"),
        Binding("question_mark,f1", "help", "Help", id="app.help", tooltip="Show every key binding"),
        Binding(
            "t", "next_theme", "Theme", show=False, id="app.next_theme", tooltip="Switch to the next baldreader theme"
        ),
        Binding(
            "ctrl+z",
            "suspend_process",
            "Suspend",
            show=False,
            id="app.suspend",
            tooltip="Suspend baldreader to the shell (fg brings it back)",
        ),
        Binding(
            "M", "messages", "Messages", show=False, id="app.messages", tooltip="Read again the notifications shown"
        ),
        Binding(
            "ctrl+p", "command_palette", "Commands", show=False, id="app.palette", tooltip="Open the command palette"
        ),
    ]

    def __init__(
        self,
        corpus: Path,
        home: Path,
        theme: str | None = None,
        store: Path | None = None,
        opening_ahead: OpeningAhead | None = None,
    ) -> None:
        super().__init__()
        self.corpus_path = corpus
        self.opening_ahead = opening_ahead
        self.home = home
        self.store = Store(store or home / STORE_NAME)
        self._save_timer: Timer | None = None
        self.notices: deque[Notice] = deque(maxlen=KEPT)  # what notify() showed, for the messages screen
        self.crash_log: Path | None = None
        self.quitting = False
        self.terminal_guard = TerminalGuard()  # before run(): the terminal as it was
        self.state = load_state(home)
        self.config = load_config(home)
        loaded = load_theme_files(bundled_themes(), home / "themes")
        self.startup_problems = self.config.problems + loaded.problems
        self._home_unwritable = (reason := unwritable(home)) is not None
        if reason is not None:
            self.startup_problems.append(
                f"The user data folder cannot be written ({reason}): reading and searching work; "
                "notes, bookmarks, the reading position and the analysis cache are not saved."
            )
        self._state_unsaved: str | None = None  # why the state could not be saved (said once)
        self.reader_themes = [t.name for t in loaded.themes]
        for t in loaded.themes:
            self.register_theme(t)
        wanted = theme or self.state.theme or self.config.theme or DEFAULT_THEME
        if wanted not in self.available_themes:
            self.startup_problems.append(f"theme {wanted!r} not found; using {DEFAULT_THEME}")
            wanted = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else "textual-dark"
        self.theme = wanted
        if self.config.keymap:
            self.set_keymap(self.config.keymap)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is plain text: messages carry file names, titles and notes, which
        are data (a `[bold]` stays text, control characters are shown as symbols). Each is kept for
        the messages screen, for one that vanished before it was read."""
        message, title = visible(message), one_line(title)
        self.notices.append(Notice(datetime.now(), title, message, severity))
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's title and sub-title (an article's title) as plain, visible text."""
        return super().format_title(one_line(title), one_line(sub_title))

    def _handle_exception(self, error: Exception) -> None:
        """An unhandled error ends the app (Textual's own handling, which sets a non-zero
        return code); first its traceback goes to a log file in the user data folder, whose
        path the command line prints after the screen is restored."""
        if self.crash_log is None:
            self.crash_log = write_crash_log(self.home, error)
        super()._handle_exception(error)

    def exit(self, result: None = None, return_code: int = 0, message: Any = None) -> None:
        """Quit; keys and clicks that were already on their way (`q` then `a` in one burst of
        input) are dropped from then on, not run against screens being taken down."""
        self.quitting = True
        super().exit(result, return_code, message)

    async def on_event(self, event: events.Event) -> None:
        if self.quitting and isinstance(event, events.InputEvent):
            return
        await super().on_event(event)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(VARIABLE_DEFAULTS)

    def get_default_screen(self) -> Screen[Any]:
        """The main screen is the app's first screen (not pushed over an empty one from
        `on_mount`): it is composed with the app, and its first frame is the first drawn."""
        return MainScreen(self.corpus_path)

    def on_mount(self) -> None:
        self.terminal_guard.install(self)  # SIGTERM, SIGHUP: the terminal restored, children ended
        repaint_on_resume(self)

        for problem in self.startup_problems + unknown_binding_ids(self.config.keymap, binding_rows({})):
            self.notify(problem, title="Settings", severity="warning", timeout=10)
        if self.corpus_path.resolve() == (self.home / OWN_CORPUS).resolve():
            # opened by default once it holds an article (paths.default_corpus): say so
            self.notify(f"Your own corpus: {one_line(str(self.corpus_path))}", title="Corpus", timeout=6)

    def watch_theme(self, theme: str) -> None:
        self._change_state({"theme": theme})

    def on_state_changed(self, message: StateChanged) -> None:
        """The one place the saved state changes: what a part posted, applied and saved."""
        self._change_state(message.changes)

    def _change_state(self, changes: StateChanges) -> None:
        if apply_changes(self.state, changes) and self.is_running:
            self.save_state_soon()

    def save_state_soon(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(0.4, self.save_state_now)

    def save_state_now(self) -> None:
        self._save_timer = None
        try:
            save_state(self.home, self.state)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            if reason != self._state_unsaved and not self._home_unwritable:  # said once (at start, if so)
                self._state_unsaved = reason
                self.notify(f"Could not save the reading position ({reason}).", severity="warning")
        else:
            self._state_unsaved = None

    def on_unmount(self) -> None:
        self.save_state_now()
        self.store.flush_cache()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(binding_rows(self.config.keymap), str(self.home / CONFIG_NAME)))

    def action_messages(self) -> None:
        if not isinstance(self.screen, MessagesScreen):
            self.push_screen(MessagesScreen(self.notices))

    def action_next_theme(self) -> None:
        names = self.reader_themes or [self.theme]
        index = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(index + 1) % len(names)]
        self.notify(f"Theme: {self.theme}", timeout=2)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every action that has a key, and the reader's own themes. Textual's theme picker is
        left out: its themes lack the reader's highlight colours (claims would vanish)."""
        for command in super().get_system_commands(screen):
            if command.title != "Theme":
                yield command
        yield SystemCommand("Help: key bindings", "Show every key binding and its id", self.action_help)
        yield SystemCommand("Messages", "Read again the notifications shown since the start", self.action_messages)
        yield SystemCommand("Next theme", "Switch to the next baldreader theme", self.action_next_theme)
        for name in self.reader_themes:
            yield SystemCommand(
                f"Theme: {name}", f"Switch to the {name} theme", lambda name=name: setattr(self, "theme", name)
            )
        if isinstance(screen, MainScreen):
            yield from main_screen_commands(screen)


def main_screen_commands(screen: MainScreen) -> Iterable[SystemCommand]:
    """The main screen's keyed actions, for the command palette."""
    for title, help_text, action in (
        ("Search the corpus", "Focus the search bar (/)", screen.action_focus_search),
        ("Filter articles", "Type to filter the list by title (f)", screen.action_focus_filter),
        ("Sort articles by date or title", "Toggle the list's order (s)", screen.action_toggle_sort),
        ("Bookmark this paragraph", "Or remove its bookmark (b)", screen.action_toggle_bookmark),
        ("Bookmark this article", "Or remove its bookmark (B)", screen.action_toggle_article_bookmark),
        ("Add a note", "On the paragraph under the cursor (a)", screen.action_new_note),
        ("Note on the claim", "With a verdict, on the claim under the cursor (c)", screen.action_note_on_claim),
        ("Notes and bookmarks", "List, filter, jump to, edit or delete them (o)", screen.action_notes_panel),
        ("Export notes", "As Markdown, JSON or CSV (E)", screen.action_export_notes),
        ("Add a web page or feed", "An address or a saved file, into your corpus (+)", screen.action_add_article),
        ("Update feeds", "Add what is new in every feed you follow (U)", screen.action_update_feeds),
        ("People and claims panel", "Show or hide the side panel (i)", screen.action_toggle_panel),
        ("Across the corpus", "People, quotes that travel, conflicting facts (x)", screen.action_across),
        ("Layer: names", "Show or hide the people highlighted (1)", lambda: screen.action_toggle_layer("names")),
        ("Layer: claims", "Show or hide the claims (2)", lambda: screen.action_toggle_layer("claims")),
        ("Layer: hedges", "Show or hide the hedging words (3)", lambda: screen.action_toggle_layer("hedges")),
        (
            "Layer: tints",
            "Tint every claim, or only those under the cursor (4)",
            lambda: screen.action_toggle_layer("tints"),
        ),
    ):
        yield SystemCommand(title, help_text, action)
