"""The shell's output streams: what baldreader prints to a terminal never controls it.

Printed text comes from articles, file names and notes. Each command makes its own lines safe
(one line per entry: `textsafe.one_line`; JSON: `textsafe.json_line`), and, as a second line of
defence, `guard_terminal_streams` wraps stdout and stderr when they are terminals so that any
control character still in a write is shown as a symbol. Output piped to a file or another
program is left exact (an exported note keeps its text byte for byte).
"""

from __future__ import annotations

import io
import sys
from typing import TextIO

from reader.helpers.textsafe import visible


class _VisibleWriter(io.TextIOBase):
    """A text stream that writes `visible(text)` to the stream it wraps."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(visible(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._stream.encoding

    def writable(self) -> bool:
        return True


def guard_terminal_streams() -> None:
    """Wrap stdout and stderr in a control-character filter where they are terminals. On every
    stream, a character the stream's encoding cannot write (a file name's non-UTF-8 byte that
    a line let through) is written as a backslash escape, never raised as an error halfway
    through a listing."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass
        try:
            tty = stream is not None and stream.isatty()
        except (AttributeError, ValueError):
            tty = False
        if tty and not isinstance(stream, _VisibleWriter):
            setattr(sys, name, _VisibleWriter(stream))
