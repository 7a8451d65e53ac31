"""Keys typed in a burst, sent on to the widget that took the focus while they were queued."""

from __future__ import annotations

from textual import events
from textual.widget import Widget


def refocused(widget: Widget, event: events.Key) -> bool:
    """Keys typed in a burst were all queued to the widget focused when they arrived; once a key
    moves the focus (enter opens an article, / the search bar), the ones after it belong to the
    newly focused widget. Forward such a key there, in order, and say so (True)."""
    focused = widget.screen.focused if widget.is_attached else None
    if focused is None or focused is widget or not widget.is_attached:
        return False
    event.stop()
    event.prevent_default()
    focused.post_message(events.Key(event.key, event.character))
    return True
