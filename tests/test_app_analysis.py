"""Highlighting in the reading pane: names, claims and hedges, the layer keys, the claim line,
the people and claims panel, and notes on a claim."""

from __future__ import annotations

from conftest import quiet, wait_loaded
from textual.widgets import OptionList, Static

from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.note_editor import NoteEditor
from reader.ui.widgets.analysis_panel import AnalysisPanel
from reader.ui.widgets.reading_pane import BlockView, ReadingPane


def styled_words(view: BlockView) -> dict[str, str]:
    """Highlighted text in a block -> a short description of its style."""
    out = {}
    for start, end, style in view.styles_:
        out[view.block.text[start:end]] = ("bg" if style.bgcolor else "") + ("fg" if style.color else "")
    return out


async def open_000_at(pilot, block: int):
    await wait_loaded(pilot)
    await pilot.press("j", "enter", *["j"] * block)
    await pilot.pause()
    return pilot.app.screen.query_one(ReadingPane)


async def test_names_claims_and_hedges_are_highlighted_and_toggle(seeds, isolated_home) -> None:
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(150, 45)) as pilot:
        reader = await open_000_at(pilot, 9)  # 'One insider said: "Hilaria and Alec were warned...'
        view = reader.query(BlockView)[9]
        words = styled_words(view)
        assert words["Hilaria"] == "fg" and words["Alec"] == "fg"
        assert any(text.startswith("One insider said:") and kind == "bg" for text, kind in words.items())
        hedged = reader.query(BlockView)[8]  # "...some are saying the damage..."
        assert styled_words(hedged).get("some are saying") == "fg"
        info = str(app.screen.query_one("#claim-info", Static).render())
        assert "¶10: quote · anonymous · “One insider”" in info
        legend = str(app.screen.query_one("#legend", Static).render())
        assert "people 1" in legend and "anonymous 2" in legend and "hedge 3" in legend
        await pilot.press("1")
        assert "Hilaria" not in styled_words(view)
        assert "people 1 off" in str(app.screen.query_one("#legend", Static).render())
        await pilot.press("2", "3")
        assert view.styles_ == []
        await pilot.press("1", "2", "3")
        assert styled_words(view)["Hilaria"] == "fg"


async def test_same_person_same_colour_across_articles(seeds, isolated_home) -> None:
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(150, 45)) as pilot:
        reader = await open_000_at(pilot, 0)

        def colour_of(name: str):
            for view in reader.query(BlockView):
                for start, end, style in view.styles_:
                    if view.block.text[start:end] == name and style.color:
                        return style.color
            return None

        first = colour_of("Hilaria")
        assert first is not None and colour_of("Alec") != first
        await pilot.press("escape", "j", "enter")  # 002
        await quiet(pilot)
        assert reader.article.id.startswith("002")
        assert colour_of("Hilaria") == first


async def test_panel_lists_people_and_claims_and_jumps(seeds, isolated_home) -> None:
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(160, 45)) as pilot:
        reader = await open_000_at(pilot, 0)
        panel = app.screen.query_one(AnalysisPanel)
        assert panel.display
        people = panel.query_one("#panel-people", OptionList)
        labels = [str(people.get_option_at_index(i).prompt) for i in range(people.option_count)]
        assert labels[0].startswith("● Alec Baldwin") or labels[0].startswith("● Hilaria Baldwin")
        assert any("Halyna Hutchins  1" in label for label in labels)
        claims = panel.query_one("#panel-claims", OptionList)
        assert (
            claims.option_count == 26
        )  # two from "… “manterrupting,” as Alec also joked …"; "The viewing figures revealed …"
        claims.focus()
        claims.highlighted = 7  # the first "One insider" quote
        await pilot.press("enter")
        await pilot.pause()
        assert reader.cursor == 9
        await pilot.press("i")
        assert not panel.display


async def test_note_on_the_claim_under_the_cursor(seeds, isolated_home) -> None:
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(150, 45)) as pilot:
        await open_000_at(pilot, 9)
        await pilot.press("c")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor) and "claim: quote (anonymous)" in editor.heading
        editor.query_one("#note-status").value = "disputed"
        await pilot.press(*"Who is this insider?", "ctrl+s")
        await pilot.pause()
    note = Store(isolated_home / "notes.yaml").load().notes()[0]
    assert note.target == "claim" and note.status == "disputed"
    assert note.claim == {"kind": "quote", "source": "anonymous", "speaker": "One insider"}
    assert note.anchor.quote.startswith('One insider said: "Hilaria and Alec were warned')


async def test_claims_are_tinted_under_the_cursor_and_marked_in_the_gutter_elsewhere(seeds, isolated_home) -> None:
    """Issue 12, item 17: every claim paragraph sat on a strong tint. Now only the paragraph
    under the cursor is tinted; the others carry a gutter mark in their claims' colour, and an
    anonymous claim stays underlined. Key 4 tints every claim, and is remembered."""
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(150, 45)) as pilot:
        reader = await open_000_at(pilot, 9)  # 'One insider said: "Hilaria and Alec were warned...'
        views = reader.query(BlockView)
        anonymous, other = views[9], views[10]
        assert anonymous.has_class("-mark-anonymous")
        assert any(style.bgcolor for _, _, style in anonymous.styles_)  # under the cursor: tinted
        await pilot.press("j")
        assert not any(style.bgcolor for _, _, style in anonymous.styles_)  # left: no tint
        assert any(style.underline for _, _, style in anonymous.styles_)  # still marked anonymous
        assert anonymous.has_class("-mark-anonymous") and anonymous.styles.border_left[0] == "outer"
        assert any(style.bgcolor for _, _, style in other.styles_)
        plain = [
            v
            for v in views
            if v.block.kind == "paragraph"
            and not any(v.has_class(f"-mark-{k}") for k in ("quote", "attributed", "hedged", "anonymous"))
        ]
        assert all(v.styles.border_left[0] in ("", "none", "hidden") for v in plain if v is not other)
        legend = app.screen.query_one("#legend", Static)
        assert "tints: cursor 4" in str(legend.render())
        await pilot.press("4")
        assert any(style.bgcolor for _, _, style in anonymous.styles_)
        assert "tints: all 4" in str(legend.render())
    again = ReaderApp(corpus=seeds, home=isolated_home)
    async with again.run_test(size=(150, 45)) as pilot:
        await wait_loaded(pilot)
        assert "tints: all 4" in str(again.screen.query_one("#legend", Static).render())


async def test_the_legend_keeps_every_layer_key_at_140_and_80_columns(seeds, isolated_home) -> None:
    """Issue 12, item 3: at 140 columns the legend lost `hedge 3` (one line, cut); it now wraps."""
    for size in [(140, 40), (80, 24)]:
        app = ReaderApp(corpus=seeds, home=isolated_home)
        async with app.run_test(size=size) as pilot:
            await open_000_at(pilot, 1)
            legend = app.screen.query_one("#legend", Static)
            text = legend.render()
            assert "hedge 3" in str(text) and "tints: cursor 4" in str(text)
            lines = text.wrap(legend.content_region.width)
            assert len(lines) <= legend.content_region.height, (size, [str(line) for line in lines])
