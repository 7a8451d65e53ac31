"""Where things live: the user's data folder and the files bundled with the package.

The user data folder is platformdirs' user data folder for "baldreader", overridden by the
`BALDREADER_HOME` environment variable or the `--home` flag. Bundled data (the seed corpus and
the theme files) is read from the installed wheel, or from the source checkout when running
from an editable install.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "baldreader"
HOME_ENV = "BALDREADER_HOME"
CORPUS_ENV = "BALDREADER_CORPUS"


def user_home(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder for user data and state; created on first use by the writers, not here."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def exports_folder(home: Path) -> Path:
    """Where the app's export dialog proposes to write: `exports/` in the user data folder
    (never the current folder, which may be a source checkout). Created when first used."""
    return home / "exports"


def _bundled(name: str) -> Path:
    installed = Path(__file__).resolve().parent / "_data" / name
    if installed.is_dir():
        return installed
    # Source checkout (editable install): src/reader/paths.py -> repository root.
    checkout = Path(__file__).resolve().parents[2] / name
    return checkout


def bundled_seeds() -> Path:
    """The five default articles."""
    return _bundled("seeds")


def bundled_themes() -> Path:
    """The theme files shipped with baldreader."""
    return _bundled("themes")


def default_corpus(override: str | os.PathLike[str] | None = None) -> Path:
    """The corpus folder: the flag, else `BALDREADER_CORPUS`, else the bundled seeds."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(CORPUS_ENV)
    if env:
        return Path(env).expanduser()
    return bundled_seeds()
