"""The lists of the across-the-corpus screen: people, quotes that travel, conflicting facts, outlets. Each
is an option list that owns its rows and posts `Go` with the place (article id, offset in its
text) of the row chosen. Article text, names and quotations are shown as data, never markup."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.across.conflicts import CONTRADICTION, Conflict
from reader.across.outlets import OutletProfile, bar
from reader.across.people import Person
from reader.across.quotes import QuoteGroup
from reader.helpers.textsafe import clipped, fitted, one_line
from reader.helpers.wording import count

SHOWN = 2000  # rows at most in a list (a huge corpus has hundreds of thousands of people)
SNIPPET = 110  # characters of a quotation or passage shown on its row


class AcrossList(OptionList):
    class Go(Message):
        def __init__(self, article_id: str, offset: int) -> None:
            super().__init__()
            self.article_id, self.offset = article_id, offset

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._places: dict[int, tuple[str, int]] = {}

    def _add(self, label: Text, place: tuple[str, int] | None) -> None:
        if place is not None:
            self._places[self.option_count] = place
        self.add_option(Option(label, disabled=place is None))

    def _reset(self, empty: str, rows: int) -> bool:
        self.clear_options()
        self._places = {}
        if rows == 0:
            self.add_option(Option(Text(empty, style="dim italic"), disabled=True))
        return rows > 0

    def _more(self, rows: int) -> None:
        if rows > SHOWN:
            self.add_option(Option(Text(f"… and {rows - SHOWN:,} more", style="dim italic"), disabled=True))
        if self._places:
            self.highlighted = min(self._places)  # the first row that goes somewhere

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        place = self._places.get(event.option_index)
        if place is not None:
            self.post_message(self.Go(*place))


class PeopleList(AcrossList):
    """A row per person; choosing one goes to what they say first, else to where they are said
    to have said or done something, else to their first article."""

    def show(self, people: list[Person], places: list[tuple[str, int]]) -> None:
        """`places[i]`: where choosing `people[i]` goes (`Person.first_place`, found by the
        worker: the lists of a person named in thousands of articles are long to make)."""
        if not self._reset("No people named in this corpus.", len(people)):
            return
        for person, place in zip(people[:SHOWN], places, strict=False):
            label = Text(one_line(person.name), style="bold")
            label.append(f"  {count(person.article_count, 'article')} · {count(person.mentions, 'mention')}", style="")
            label.append(f" · quoted {person.quoted} · said about {person.spoken_of}", style="dim")
            if person.first:
                label.append(f" · {person.first} → {person.last}", style="dim")
            self._add(label, place)
        self._more(len(people))


class QuotesList(AcrossList):
    """A heading per quotation, then a row per article that has it, earliest first."""

    def show(self, groups: list[QuoteGroup]) -> None:
        if not self._reset("No quotation was found in more than one article.", len(groups)):
            return
        for group in groups[:SHOWN]:
            heading = Text(f"“{clipped(group.quote, SNIPPET)}”", style="bold")
            heading.append(f"  {count(len(group.occurrences), 'article')}", style="dim")
            self._add(heading, None)
            for item in group.occurrences:
                row = Text("  earliest " if item.earliest else "           ", style="bold" if item.earliest else "")
                row.append(f"{item.date or 'undated':10}  {one_line(item.title)[:60]}")
                if item.speaker:
                    row.append(f"  ({one_line(item.speaker)})", style="dim")
                for before, after in item.changes[:3]:
                    row.append(f"  “{one_line(before) or '…'}” → “{one_line(after) or '…'}”", style="italic")
                self._add(row, (item.article, item.start))
        self._more(len(groups))


class ConflictsList(AcrossList):
    """A heading per conflict (its verdict and reason), then the two passages side by side in
    turn; choosing one goes there; `n` asks for a note on the conflict under the cursor."""

    BINDINGS = [
        Binding("n", "note", "Note it", id="across.note_conflict", tooltip="Note this conflict, with your verdict"),
    ]

    class NoteConflict(Message):
        def __init__(self, conflict: Conflict) -> None:
            super().__init__()
            self.conflict = conflict

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._conflicts: dict[int, Conflict] = {}  # row -> the conflict it belongs to

    def action_note(self) -> None:
        conflict = self._conflicts.get(self.highlighted if self.highlighted is not None else -1)
        if conflict is not None:
            self.post_message(self.NoteConflict(conflict))

    def show(self, conflicts: list[Conflict], titles: dict[str, str] | None = None) -> None:
        """`titles`: article id -> title, so each passage says which article it is from as the
        quotes tab does (it showed the id)."""
        titles = titles or {}
        self._conflicts = {}
        if not self._reset("No conflicting facts found.", len(conflicts)):
            return
        for conflict in conflicts[:SHOWN]:
            first_row = self.option_count
            strong = conflict.verdict == CONTRADICTION
            heading = Text(conflict.verdict.upper(), style="bold reverse" if strong else "bold")
            heading.append(f"  {conflict.kind}: {one_line(conflict.subject)}  ", style="bold")
            heading.append(one_line(conflict.reason), style="dim")
            self._add(heading, None)
            for fact in (conflict.first, conflict.second):
                row = Text(f"  {fitted(titles.get(fact.article) or fact.article, 30)}  ", style="dim")
                row.append(clipped(fact.text, SNIPPET))
                self._add(row, (fact.article, fact.start))
            self._conflicts.update(dict.fromkeys(range(first_row, self.option_count), conflict))
        self._more(len(conflicts))


class OutletsList(AcrossList):
    """A row per outlet: its articles and claims, the share of its claims on anonymous sources
    and its hedges per 1,000 words as bars and numbers, its headlines flagged; choosing one goes
    to its first article."""

    def show(self, outlets: list[OutletProfile], firsts: dict[str, str]) -> None:
        """`firsts`: each outlet's first article's id."""
        if not self._reset("No articles.", len(outlets)):
            return
        most_hedged = max((o.hedges_per_1000_words for o in outlets), default=0.0) or 1.0
        for outlet in outlets[:SHOWN]:
            label = Text(f"{one_line(outlet.outlet)[:16]:16}", style="bold")  # a row fits 80 columns
            label.append(f"{outlet.articles:4} art{outlet.claims:5} cl  anon ")
            label.append(bar(outlet.anonymous_share, 6), style="bold")
            label.append(f"{outlet.anonymous_share:4.0%}  hedge ")
            label.append(bar(outlet.hedges_per_1000_words / most_hedged, 6), style="bold")
            label.append(f"{outlet.hedges_per_1000_words:5.1f}", style="")
            if outlet.flagged:
                label.append(f"  {count(outlet.flagged, 'headline')} flagged", style="dim")
            first = firsts.get(outlet.outlet)
            self._add(label, (first, 0) if first is not None else None)
        self._more(len(outlets))
