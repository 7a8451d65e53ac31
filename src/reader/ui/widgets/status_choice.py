"""A note's status as a row of choices all in sight (`StatusChoice`): a drop-down list opened
under the note editor's buttons, where at 140 and 160 columns only one status showed."""

from __future__ import annotations

from textual.widgets import RadioButton, RadioSet

from reader.store import STATUSES


class StatusChoice(RadioSet):
    DEFAULT_CSS = """
    StatusChoice { layout: horizontal; width: auto; height: auto; border: none; padding: 0; }
    StatusChoice > RadioButton { margin-right: 2; }
    """

    def __init__(self, status: str, *, id: str | None = None) -> None:
        chosen = status if status in STATUSES else STATUSES[0]
        super().__init__(*[RadioButton(s, value=s == chosen, name=s) for s in STATUSES], id=id)

    @property
    def value(self) -> str:
        """The status chosen."""
        pressed = self.pressed_button
        return pressed.name if pressed is not None and pressed.name else STATUSES[0]

    @value.setter
    def value(self, status: str) -> None:
        for button in self.query(RadioButton):
            if button.name == status:
                button.value = True
