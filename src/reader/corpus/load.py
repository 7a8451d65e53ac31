"""Loading a corpus folder: finding article files, decoding them, skipping bad ones with a reason,
and showing identical duplicates once."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from reader.corpus.decode import decode_article_bytes
from reader.corpus.model import Article
from reader.corpus.parse import parse_article
from reader.safefile import FileTooLarge, NotRegularFile, read_regular

_P = TypeVar("_P", str, Path)

ARTICLE_SUFFIXES = {".txt", ".md"}
MAX_FILE_BYTES = 20 * 1024 * 1024


class CorpusError(Exception):
    """The corpus as a whole cannot be opened (missing folder, not a folder or article file)."""


@dataclass(frozen=True)
class Skipped:
    path: Path
    reason: str


@dataclass
class Corpus:
    complete = True  # every article is in memory
    root: Path
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def by_id(self, article_id: str) -> Article | None:
        for article in self.articles:
            if article.id == article_id:
                return article
        return None

    @property
    def flagged(self) -> list[Article]:
        return [a for a in self.articles if a.problems]


def find_article_files(root: Path) -> list[Path]:
    """Article files under `root`, recursively, in a stable order; hidden entries are ignored."""
    return [Path(path) for path in find_article_paths(root)]


def find_article_paths(root: Path) -> list[str]:
    """The same as strings: a sync that compares 100,000 files with its catalog spends less on
    them than on Path objects (which made a third of an unchanged sync's time)."""
    if root.is_file():
        return [str(root)]
    found: list[str] = []
    join = os.path.join
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            dot = name.rfind(".")
            if not name.startswith(".") and dot > 0 and name[dot:].lower() in ARTICLE_SUFFIXES:
                found.append(join(folder, name))
    return found


def load_file(path: Path, article_id: str | None = None) -> Article | Skipped:
    """One article file, or the reason it cannot be shown."""
    try:
        raw = read_regular(path, MAX_FILE_BYTES)
    except (NotRegularFile, FileTooLarge) as exc:
        return Skipped(path, str(exc.strerror))
    except OSError as exc:
        return Skipped(path, f"unreadable: {exc.strerror or exc}")
    decoded = decode_article_bytes(raw)
    if decoded.text is None:
        return Skipped(path, decoded.skip_reason or "not an article")
    return parse_article(
        decoded.text,
        article_id=article_id or path.stem,
        path=path,
        content_hash=hashlib.sha256(raw).hexdigest(),
        problems=decoded.problems,
    )


def load_corpus(root: Path, progress: Callable[[int, int], None] | None = None) -> Corpus:
    """Load every article under `root`. Bad files are skipped with a reason, never raised."""
    root = Path(root)
    if not root.exists():
        raise CorpusError(f"corpus not found: {root}")
    if root.is_file() and root.suffix.lower() not in ARTICLE_SUFFIXES:
        raise CorpusError(f"not a folder or an article file (.txt, .md): {root}")
    files = find_article_files(root)
    ids = article_ids(root, files)
    corpus = Corpus(root=root)
    seen: dict[str, Path] = {}
    for i, path in enumerate(files):
        result = load_file(path, ids[path])
        if isinstance(result, Skipped):
            corpus.skipped.append(result)
        elif result.content_hash in seen:
            corpus.skipped.append(Skipped(path, f"identical to {seen[result.content_hash].name}; shown once"))
        else:
            seen[result.content_hash] = path
            corpus.articles.append(result)
        if progress is not None:
            progress(i + 1, len(files))
    return corpus


def article_ids(root: Path, files: Sequence[_P]) -> dict[_P, str]:
    """The file stem, or the path below the root when two files share a stem."""
    names = [os.path.splitext(os.path.basename(path))[0] for path in files]  # 3x faster than Path.stem
    stems = Counter(names)
    single = root.is_file()
    ids = {}
    for path, stem in zip(files, names, strict=True):
        if single or stems[stem] == 1:
            ids[path] = stem
        else:
            ids[path] = Path(path).relative_to(root).with_suffix("").as_posix()
    return ids
