"""How the reader ends when it is told to by a signal (SIGTERM from `kill`, SIGHUP from a closed
terminal) and comes back from Ctrl+Z: the terminal as it was before the reader started (main
screen, no mouse tracking, cooked mode) and no child process left running.

A signal asks the app to exit as `q` does, after ending the index and people children (with
the workers they forked). Should the app not have closed within GRACE seconds (its loop stuck
in a long step, or a terminal that no longer answers), the terminal is restored here, by hand,
and the process ends.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading
from typing import Any

GRACE = 3.0  # seconds the app has to close by itself after a signal
# Leave the alternate screen; mouse tracking (every mode Textual turns on), bracketed paste and
# focus events off; the cursor shown; the keypad back to normal.
RESTORE = (
    "\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?1015l\x1b[?1016l\x1b[?2004l\x1b[?1004l\x1b[?25h\x1b[?1049l\x1b>"
)
SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class TerminalGuard:
    """The terminal's settings before the app starts, and the signal handlers that end the app
    cleanly. Made before `App.run()` (which puts the terminal in raw mode); `install` is
    called from the app's loop once it runs."""

    def __init__(self) -> None:
        self.signalled: int | None = None
        self._attrs: Any = None
        self._fd: int | None = None
        try:
            import termios

            fd = sys.__stdin__.fileno() if sys.__stdin__ is not None else -1
            if fd >= 0 and os.isatty(fd):
                self._attrs, self._fd = termios.tcgetattr(fd), fd
        except (ImportError, OSError, ValueError):
            pass

    def install(self, app: Any) -> None:
        loop = asyncio.get_running_loop()
        for signum in SIGNALS:
            try:
                loop.add_signal_handler(signum, self._ended_by, app, signum)
            except (NotImplementedError, RuntimeError, ValueError):
                pass  # not the main thread (tests under Pilot), or not a Unix loop

    def _ended_by(self, app: Any, signum: int) -> None:
        if self.signalled is not None:
            return
        self.signalled = signum
        from reader.search.background import end_children

        end_children()
        watchdog = threading.Thread(target=self._last_resort, args=(signum,), daemon=True)
        watchdog.start()
        app.exit(return_code=128 + signum)

    def _last_resort(self, signum: int) -> None:
        threading.Event().wait(GRACE)
        self.restore()
        os._exit(128 + signum)

    def restore(self) -> None:
        """The terminal back as it was: escape sequences that undo the app's modes, then the
        saved settings (cooked mode, echo). Errors ignored: the terminal may be gone (SIGHUP)."""
        try:
            out = sys.__stdout__
            if out is not None:
                os.write(out.fileno(), RESTORE.encode())
        except (OSError, ValueError):
            pass
        if self._attrs is not None and self._fd is not None:
            try:
                import termios

                termios.tcsetattr(self._fd, termios.TCSANOW, self._attrs)
            except (OSError, ValueError):
                pass


def repaint_on_resume(app: Any) -> None:
    """After Ctrl+Z and `fg`, Textual puts the terminal back in application mode but draws
    nothing until the next key: the whole screen is drawn again once it resumes."""

    def resumed(_: Any) -> None:
        app.call_later(app.refresh, layout=True, repaint=True)
        app.call_later(app.screen.refresh, layout=True, repaint=True)

    app.app_resume_signal.subscribe(app, resumed)
