"""A corpus an attacker would send: escape and control sequences in titles, bodies and file
names, names that look like Textual markup, a FIFO, links to a device and in a loop, and a huge
single-line article. Shared by the hostile tests."""

from __future__ import annotations

import os
from pathlib import Path

OSC52 = "\x1b]52;c;aGFja2Vk\x1b\\"  # sets the terminal's clipboard
OSC8 = "\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\"
CLEAR = "\x1b[2J"
BEL = "\x07"
RLO = "\u202e"

TITLE = f"Clipboard {OSC52} and {CLEAR} clear {BEL} story"


def build(folder: Path, huge_bytes: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)

    def put(name: str, text: str) -> None:
        (folder / name).write_text(text, encoding="utf-8")

    put(
        "osc.txt",
        f"{TITLE}\n\nBody with {OSC8}, a {BEL} bell and [bold]markup[/bold] and "
        f"[@click=app.quit]a link[/]. \x1b[31mRed\x1b[0m text, {RLO}reversed.\n\n"
        f'She said: "{CLEAR}I never {OSC52} said that", an insider claimed.\n',
    )
    (folder / "[a=b=c].txt").write_text("")  # empty, and markup that crashed every start
    (folder / "[bold italic on red].txt").write_text("")
    put("[@click=app.quit]x.txt", "Markup Named File\n\nA harmless story in a file with a markup name.\n")
    put("two\nlines.txt", "Newline Named File\n\nThe file name holds a newline.\n")
    put(f"\x1b]52;c;bmFtZQ==\x07esc{BEL}.txt", "Escape Named File\n\nThe file name holds escapes.\n")
    put("rtl.txt", f"{RLO}Reversed Title Here\n\nA title with a right-to-left override.\n")
    os.mkfifo(folder / "fifo.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    os.symlink("loop.txt", folder / "loop.txt")
    os.symlink(".", folder / "loopdir")
    if huge_bytes:
        sentence = "The insider reportedly said that Alec Baldwin told friends it seems over. "
        put("huge.txt", "Huge One Line Story\n\n" + sentence * (huge_bytes // len(sentence)) + "\n")
    return folder


CORPUS_CONTROLS = ("\x1b]", "\x1b[2J", "\x1b[31m", "\x07", RLO)


def terminal_problems(output: str) -> list[str]:
    """What in `output` (bytes a program wrote to a terminal) came from the corpus: an OSC
    sequence, a bell, the clear-screen or colour sequences the articles hold, an RLO."""
    return [repr(c) for c in CORPUS_CONTROLS if c in output]
