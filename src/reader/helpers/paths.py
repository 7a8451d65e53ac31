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

    try:
        found = Path(user_data_dir(APP_NAME, appauthor=False))
    except RuntimeError:  # no HOME and no home directory for this user
        return NO_HOME
    return found if found.is_absolute() else NO_HOME


# Where no user data folder can be found: a path under a file, so nothing can ever be made
# there (not even by root), and every writer reports it instead of writing into the current
# folder.
NO_HOME = Path(os.devnull) / "baldreader-no-home"


def unwritable(folder: Path) -> str | None:
    """Why files cannot be made in `folder` (or in the folder that would hold it, when it does
    not exist yet), or None when they can: a read-only file system, no permission, a file
    where a folder should be."""
    folder = Path(folder)
    if folder == NO_HOME:
        return "no user data folder: HOME is not set and this user has no home directory"
    if not folder.is_absolute():
        return f"{folder} is not an absolute path"
    probe = folder
    while not probe.exists() and probe != probe.parent:
        if probe.is_symlink():
            return f"{probe} is a dangling symbolic link"
        probe = probe.parent
    if not probe.is_dir():
        return f"{probe} is not a folder"
    if not os.access(probe, os.W_OK | os.X_OK):
        import errno

        try:
            read_only = os.statvfs(probe).f_flag & os.ST_RDONLY
        except OSError:
            read_only = False
        return f"{probe} cannot be written ({os.strerror(errno.EROFS if read_only else errno.EACCES)})"
    return None


def scratch_home() -> Path:
    """A folder of this user's in the system's temporary folder, for what must be written
    somewhere (the search index) when the user data folder cannot be: made private (0700) and
    refused unless it is this user's own folder, so no one else can plant an index there."""
    import tempfile

    folder = Path(tempfile.gettempdir()) / f"{APP_NAME}-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = os.lstat(folder)
    except OSError as exc:
        raise OSError(exc.errno, f"no temporary folder for the search index either ({exc.strerror})") from None
    import stat

    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise OSError(f"{folder} is not a private folder of this user's; not used for the search index")
    return folder


def exports_folder(home: Path) -> Path:
    """Where the app's export dialog proposes to write: `exports/` in the user data folder
    (never the current folder, which may be a source checkout). Created when first used."""
    return home / "exports"


def _bundled(name: str) -> Path:
    installed = Path(__file__).resolve().parents[1] / "_data" / name  # reader/_data in a wheel
    if installed.is_dir():
        return installed
    # Source checkout (editable install): src/reader/helpers/paths.py -> repository root.
    checkout = Path(__file__).resolve().parents[3] / name
    return checkout


def bundled_seeds() -> Path:
    """The five default articles."""
    return _bundled("seeds")


def bundled_themes() -> Path:
    """The theme files shipped with baldreader."""
    return _bundled("themes")


def default_corpus(override: str | os.PathLike[str] | None = None, home: Path | None = None) -> Path:
    """The corpus folder: the flag, else `BALDREADER_CORPUS`, else the user's own corpus
    (`own_corpus`) once it holds an article, else the bundled seeds."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(CORPUS_ENV)
    if env:
        return Path(env).expanduser()
    if home is not None:
        own = home / OWN_CORPUS
        if own.is_dir() and any(p.is_file() and not p.name.startswith(".") for p in own.iterdir()):
            return own
    return bundled_seeds()


OWN_CORPUS = "corpus"  # in the user data folder: where `baldreader add` writes by default


def own_corpus(override: str | os.PathLike[str] | None, home: Path) -> Path:
    """Where `baldreader add` writes: the flag, else `BALDREADER_CORPUS`, else the folder
    `corpus` in the user data folder (never the bundled seeds)."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(CORPUS_ENV)
    return Path(env).expanduser() if env else home / OWN_CORPUS
