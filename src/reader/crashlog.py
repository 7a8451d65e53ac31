"""Where a crash is written down: a log file in the user data folder with the traceback, so the
screen can be restored and the user told where to look (and what to send with a report)."""

from __future__ import annotations

import datetime as _dt
import os
import platform
import sys
import traceback
from pathlib import Path

from reader import __version__

LOG_FOLDER = "logs"


def write_crash_log(home: Path, error: BaseException) -> Path | None:
    """Write `error`'s traceback to `<home>/logs/crash-<time>.log`; the path, or None if even
    that failed (a full disk: the traceback still reaches the terminal)."""
    stamp = _dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    folder = Path(home) / LOG_FOLDER
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{stamp}-{os.getpid()}.log"
        lines = [
            f"baldreader {__version__} crashed at {stamp}\n",
            f"Python {sys.version.split()[0]} on {platform.platform()}\n\n",
            *traceback.format_exception(type(error), error, error.__traceback__),
        ]
        with open(path, "w", encoding="utf-8", errors="backslashreplace") as handle:
            handle.writelines(lines)
    except OSError:
        return None
    return path
