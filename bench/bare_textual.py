"""A bare Textual app shaped like baldreader's first frame (a header titled "baldreader", a list
of five items, the line "5 of 5 articles", a footer): the floor that `bench/startup.py` compares
baldreader's start-up with, since importing and starting Textual itself takes most of it."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Label, ListItem, ListView


class Bare(App[None]):
    TITLE = "baldreader"
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield ListView(*[ListItem(Label(f"article {i}")) for i in range(5)])
        yield Label("5 of 5 articles")
        yield Footer()


if __name__ == "__main__":
    Bare().run()
