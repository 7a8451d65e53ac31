"""Text from articles, file names and notes is data, never markup or terminal control: the one
sanitiser every such string passes through before it reaches a widget, a title, a notification,
a tooltip, a log or the shell's text output.

Rich/Textual markup such as `[bold]` is never parsed because the UI builds `Text`/`Content`
objects from plain strings (and notifications are sent with markup off); this module handles
what a terminal itself would interpret: ESC and the other C0/C1 control characters become
visible symbols (ESC shows as ␛), and the invisible bidirectional controls (right-to-left
override and its kin), which would reorder the text around them, are shown as ⁇.
"""

from __future__ import annotations

_TABLE = {code: 0x2400 + code for code in range(0x20) if code not in (0x0A,)}
_TABLE[0x09] = ord(" ")  # a tab is shown as a space
_TABLE[0x7F] = 0x2421  # DEL
_TABLE.update({code: 0xFFFD for code in range(0x80, 0xA0)})  # C1 controls
# Bidirectional embeddings, overrides and isolates, and the marks: they reorder what follows.
_BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]
_TABLE.update({code: 0x2047 for code in _BIDI})  # ⁇
# Line and paragraph separators would break a line as a newline does.
_TABLE.update({0x2028: 0x2424, 0x2029: 0x2424})  # ␤

_ONE_LINE = dict(_TABLE)
_ONE_LINE[0x0A] = 0x2424  # ␤: a newline inside one line of output


def visible(text: str) -> str:
    """`text` with control characters replaced by printable stand-ins (same length); newlines
    are kept."""
    return text.translate(_TABLE)


def one_line(text: str) -> str:
    """`visible(text)` with newlines shown as ␤ too: for a value printed on one line (a file
    name, a title in a listing, a notification title)."""
    return text.translate(_ONE_LINE)


def clipped(text: str, width: int) -> str:
    """`one_line(text)` cut to `width` characters, an ellipsis ending what was cut."""
    text = one_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def is_safe(text: str) -> bool:
    """Whether `text` holds nothing `visible` would change (newlines allowed)."""
    return visible(text) == text


# JSON keeps every character exactly; these few are escaped (\uXXXX) rather than written raw,
# because a terminal showing the JSON would act on them (C1 controls) or reorder the line (bidi).
_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in [*range(0x7F, 0xA0), *_BIDI, 0x2028, 0x2029]}


def json_line(record: object) -> str:
    """`record` as one line of JSON, UTF-8 text kept readable, every control character escaped."""
    import json

    return json.dumps(record, ensure_ascii=False, default=str).translate(_JSON_ESCAPES)
