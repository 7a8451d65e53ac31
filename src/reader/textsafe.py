"""Article text is data, never markup: make terminal control characters visible.

Rich markup such as `[bold]` is never parsed because the UI builds `Text`/`Content` objects
from plain strings; this module handles what a terminal itself would interpret: ESC and the
other C0/C1 control characters become visible symbols (ESC shows as ␛).
"""

from __future__ import annotations

_TABLE = {code: 0x2400 + code for code in range(0x20) if code not in (0x0A,)}
_TABLE[0x09] = ord(" ")  # a tab is shown as a space
_TABLE[0x7F] = 0x2421  # DEL
_TABLE.update({code: 0xFFFD for code in range(0x80, 0xA0)})  # C1 controls


def visible(text: str) -> str:
    """`text` with control characters replaced by printable stand-ins (same length)."""
    return text.translate(_TABLE)
