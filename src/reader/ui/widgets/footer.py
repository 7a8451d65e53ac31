"""The key footer: Textual's `Footer`, drawn in the screen's first frame and composed again only
when what it shows has changed.

Textual's own footer (8.2, pinned) stays empty until the screen first publishes its bindings,
after the first frame, and then unmounts and mounts all its keys again each time they are
published: at every focus change, three times during start-up alone (some 40 ms each here).
This one composes its keys when it is mounted, and on a publication compares what it would
show (key, action, label, enabled, tooltip) with what it shows, recomposing only on a change.
It relies on two names of that Footer: the `_bindings_ready` reactive and `bindings_changed`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen

Shown = tuple[tuple[str, str, str, bool, str], ...]


class ReaderFooter(Footer):
    def __init__(self, *, show_command_palette: bool = True) -> None:
        super().__init__(show_command_palette=show_command_palette)
        self.set_reactive(Footer._bindings_ready, True)  # the keys in the first frame
        self._shown: Shown | None = None

    def compose(self) -> ComposeResult:
        self._shown = self._wanted()
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:  # type: ignore[type-arg]
        if self.is_attached and screen is self.screen and self._wanted() == self._shown:
            return  # the same keys: nothing to redraw
        super().bindings_changed(screen)

    def _wanted(self) -> Shown:
        """What the footer would show now, in order."""
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        )
