"""The side panel of the reading pane: the article's people (with mention counts) and its
claims; choosing one posts `Jump` with the place to go to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.corpus.model import Article
from reader.helpers.textsafe import visible
from reader.helpers.wording import count
from reader.ui.highlight import Palette

if TYPE_CHECKING:
    from reader.across.profile import Profile
    from reader.analysis import Analysis

PANEL_LIMIT = 300  # people or claims listed at most (a huge article has tens of thousands)


def sourcing_text(found: Profile) -> Text:
    """An article's sourcing profile in two or three lines, and its headline check."""
    counts = ", ".join(f"{n} {source}" for source, n in found.by_source.items() if n)
    text = Text(count(found.claims, "claim") + (f": {counts}" if counts else ""))
    text.append(
        f"\n{found.anonymous_share:.0%} anonymous · {found.hedges_per_1000_words:.1f} hedges per 1,000 words"
        f" · {count(found.sources, 'source')}",
        style="dim",
    )
    if found.headline.flagged:
        text.append("\nheadline: ", style="bold")
        text.append(visible(found.headline.reason or ""), style="italic")
    return text


class PanelList(OptionList):
    """One of the side panel's lists: `j`/`k` move like the arrows, and a row is highlighted from
    the start, so the first `enter` chooses it (no row was highlighted until an arrow key was
    pressed, and `enter` then did nothing)."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="panel.down", tooltip="The next row of the side panel"),
        Binding("k", "cursor_up", "Up", show=False, id="panel.up", tooltip="The previous row of the side panel"),
    ]

    def highlight_first(self) -> None:
        """The first row that can be chosen, highlighted (none when every row is a remark)."""
        for index in range(self.option_count):
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return


class AnalysisPanel(Vertical):
    class Jump(Message):
        def __init__(self, offset: int) -> None:
            self.offset = offset  # a position in the article text
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._people: list[tuple[str, list[int]]] = []
        self._claims: list[int] = []
        self._next: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield Static("Sourcing", classes="panel-title")
        yield Static("", id="panel-profile")
        yield Static("People", classes="panel-title", id="people-title")
        yield PanelList(id="panel-people")
        yield Static("Claims", classes="panel-title", id="claims-title")
        yield PanelList(id="panel-claims")

    def tab_stops(self) -> list[Widget]:
        """What tab stops at here: the people and the claims lists, while the panel shows."""
        return [self.query_one("#panel-people"), self.query_one("#panel-claims")] if self.display else []

    def show(
        self, article: Article | None, analysis: Analysis | None, profile: Profile | None, palette: Palette
    ) -> None:
        people = self.query_one("#panel-people", PanelList)
        claims = self.query_one("#panel-claims", PanelList)
        people.clear_options()
        claims.clear_options()
        self._people, self._claims, self._next = [], [], {}
        profile_line = self.query_one("#panel-profile", Static)
        profile_line.update(sourcing_text(profile) if profile else Text("analysing…", style="dim italic"))
        if article is None or analysis is None:
            people.add_option(Option(Text("analysing…", style="dim italic"), disabled=True))
            return
        offsets: dict[str, list[int]] = {}
        for mention in analysis.names:
            offsets.setdefault(mention.person, []).append(mention.start)
        ranked = list(analysis.people().items())
        for person, mentions in ranked[:PANEL_LIMIT]:
            self._people.append((person, offsets[person]))
            label = Text()
            label.append("● ", style=Style(color=palette.person(person)))
            label.append(visible(person))
            label.append(f"  {mentions}", style="dim")
            people.add_option(Option(label))
        if len(ranked) > PANEL_LIMIT:
            people.add_option(
                Option(Text(f"… and {len(ranked) - PANEL_LIMIT:,} more", style="dim italic"), disabled=True)
            )
        if not self._people:
            people.add_option(Option(Text("no people named", style="dim italic"), disabled=True))
        counts: dict[str, int] = {}
        for claim in analysis.claims:
            key = "anonymous" if claim.source == "anonymous" else claim.kind
            counts[key] = counts.get(key, 0) + 1
        for claim in analysis.claims[:PANEL_LIMIT]:
            self._claims.append(claim.start)
            label = Text()
            tint = palette.tints["anonymous" if claim.source == "anonymous" else claim.kind]
            label.append(f" {claim.kind} ", style=Style(bgcolor=tint))
            label.append(f" {claim.source}", style="bold" if claim.source == "anonymous" else "")
            if claim.speaker:  # a named source as the person it is ("Hilaria" is "Hilaria Baldwin")
                label.append(f" · {visible(claim.person or claim.speaker)[:30]}", style="italic")
            snippet = visible(claim.text[:70]) + ("…" if len(claim.text) > 70 else "")
            label.append(f"\n  {snippet}", style="dim")
            claims.add_option(Option(label))
        if len(analysis.claims) > PANEL_LIMIT:
            claims.add_option(
                Option(
                    Text(
                        f"… and {len(analysis.claims) - PANEL_LIMIT:,} more (all of them: baldreader analyze)",
                        style="dim italic",
                    ),
                    disabled=True,
                )
            )
        if not self._claims:
            claims.add_option(Option(Text("no claims found", style="dim italic"), disabled=True))
        people.highlight_first()
        claims.highlight_first()
        summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
        people_title, claims_title = self.query_one("#people-title", Static), self.query_one("#claims-title", Static)
        people_title.update(f"People ({len(ranked)})")
        claims_title.update(f"Claims ({len(analysis.claims)}{': ' + summary if summary else ''})")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        if event.option_list.id == "panel-people" and index < len(self._people):
            person, offsets = self._people[index]
            n = self._next.get(person, 0)
            self._next[person] = n + 1
            self.post_message(self.Jump(offsets[n % len(offsets)]))
        elif event.option_list.id == "panel-claims" and index < len(self._claims):
            self.post_message(self.Jump(self._claims[index]))
