"""What the app offers the parts of its screens (`ReaderServices`): the corpus's path, the user
data folder, the notes store, the saved state to read, and the corpus opened ahead. A typed
view of the app that does not import it, so no screen, controller or widget depends on the
module of the app that composes them. The saved state is only read through it: a part that
changes it posts `ui.messages.StateChanged`, and the app applies and saves it, in one place."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from textual.app import App

    from reader.opening import OpeningAhead
    from reader.state import State
    from reader.store import Store


class ReaderServices(Protocol):
    corpus_path: Path
    home: Path
    store: Store
    opening_ahead: OpeningAhead | None

    @property
    def state(self) -> State: ...


def services(app: App[None]) -> ReaderServices:
    """The running app, seen through what its parts may use."""
    return cast("ReaderServices", app)
