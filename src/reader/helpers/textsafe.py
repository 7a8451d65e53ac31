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

import unicodedata

from rich.cells import cell_len, set_cell_size

_TABLE = {code: 0x2400 + code for code in range(0x20) if code not in (0x0A,)}
_TABLE[0x09] = ord(" ")  # a tab is shown as a space
_TABLE[0x7F] = 0x2421  # DEL
_TABLE.update({code: 0xFFFD for code in range(0x80, 0xA0)})  # C1 controls
# Bidirectional embeddings, overrides and isolates, and the marks: they reorder what follows.
_BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]
_TABLE.update({code: 0x2047 for code in _BIDI})  # ⁇
# Line and paragraph separators would break a line as a newline does.
_TABLE.update({0x2028: 0x2424, 0x2029: 0x2424})  # ␤

# A lone surrogate is how Python keeps a file name's byte that is not UTF-8 (U+DC80-U+DCFF for
# the bytes 0x80-0xFF): it cannot be written to a UTF-8 terminal, file or database at all, and
# written with `surrogateescape` it would reach the terminal as a raw byte (0x9B is CSI).
_TABLE.update({code: 0xFFFD for code in range(0xD800, 0xE000)})
_NAME_BYTES: dict[int, str] = {code: f"\\x{code - 0xDC00:02x}" for code in range(0xDC80, 0xDD00)}
_NAME_BYTES.update({code: f"\\u{code:04x}" for code in range(0xD800, 0xE000) if code not in _NAME_BYTES})

_ONE_LINE: dict[int, int | str] = dict(_TABLE)
_ONE_LINE[0x0A] = 0x2424  # ␤: a newline inside one line of output
_ONE_LINE.update(_NAME_BYTES)


def visible(text: str) -> str:
    """`text` with control characters replaced by printable stand-ins (same length); newlines
    are kept."""
    return text.translate(_TABLE)


def one_line(text: str) -> str:
    """`visible(text)` with newlines shown as ␤ too: for a value printed on one line (a file
    name, a title in a listing, a notification title). A file name's bytes that are not UTF-8
    show as `\\xNN` (as `readable_name` writes them)."""
    return text.translate(_ONE_LINE)


def readable_name(name: str) -> str:
    """A file name or path as text that can be written anywhere: each byte that is not UTF-8
    (a lone surrogate, as `os.fsdecode` keeps it) written `\\xNN`; any other name unchanged.
    Stable (the same bytes give the same text), so it names an article for good."""
    if name.isascii():
        return name
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.translate(_NAME_BYTES)


def clipped(text: str, width: int) -> str:
    """`one_line(text)` cut to `width` terminal cells (a CJK character takes two, a zero-width
    one none), an ellipsis ending what was cut."""
    text = _cells_only(one_line(text))
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(0, width - 1)) + "…"


def clipped_at_word(text: str, width: int) -> str:
    """`clipped`, but cut after a whole word when there is one in the second half of the width
    (a preview cut mid-word, "…the couple's fri…", reads as a typo)."""
    shown = clipped(text, width)
    if not shown.endswith("…") or cell_len(_cells_only(one_line(text))) <= width:
        return shown
    body = shown[:-1]
    cut = body.rfind(" ")
    if cut >= len(body) // 2:
        body = body[:cut]
    return body.rstrip(" ,;:–—-") + "…"


def fitted(text: str, width: int) -> str:
    """`clipped(text, width)` padded with spaces to exactly `width` cells: a column of a list
    that stays a column whatever script or emoji a title holds."""
    return set_cell_size(clipped(text, width), width)


def _cells_only(text: str) -> str:
    """Without the invisible format characters (zero-width space and joiners, soft hyphen,
    word joiner, BOM): terminals disagree on their width (a joined emoji is one glyph in one
    and three in another), so a column holding them would not line up."""
    if text.isascii():
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def is_safe(text: str) -> bool:
    """Whether `text` holds nothing `visible` would change (newlines allowed)."""
    return visible(text) == text


# JSON keeps every character exactly; these few are escaped (\uXXXX) rather than written raw,
# because a terminal showing the JSON would act on them (C1 controls) or reorder the line (bidi).
# A file name's non-UTF-8 byte (a lone surrogate) is written as its JSON escape (\udce9), which
# Python's json reads back to the same name, so the file can still be opened from the output.
_JSON_ESCAPES = {
    code: f"\\u{code:04x}" for code in [*range(0x7F, 0xA0), *_BIDI, 0x2028, 0x2029, *range(0xD800, 0xE000)]
}


def json_line(record: object) -> str:
    """`record` as one line of JSON, UTF-8 text kept readable, every control character escaped."""
    import json

    return json.dumps(record, ensure_ascii=False, default=str).translate(_JSON_ESCAPES)


def json_document(record: object, indent: int = 2) -> str:
    """`record` as indented JSON, with the same escapes as `json_line` (an exported note that
    holds a C1 control or a right-to-left override stays exact and never acts on a terminal)."""
    import json

    return json.dumps(record, ensure_ascii=False, indent=indent, default=str).translate(_JSON_ESCAPES)
