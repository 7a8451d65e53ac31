"""Loading a corpus folder: decoding its article files (found by files.py), skipping bad ones
with a reason, and showing identical duplicates once."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader.corpus.decode import decode_article_bytes

# Finding files and naming them is files.py's (no parsing there); these names stay here too.
from reader.corpus.files import (
    ARTICLE_SUFFIXES,
    MAX_FILE_BYTES,
    Skipped,
    article_ids,
    find_article_files,
    find_article_paths,
)
from reader.corpus.front_matter import Provenance, split_front_matter
from reader.corpus.model import Article
from reader.corpus.page_pool import CHUNK, WORTH_A_POOL, PagesAhead, Stopped, worker_count
from reader.corpus.pages import PAGE_SUFFIXES, NoArticle, read_page
from reader.corpus.parse import parse_article
from reader.helpers.safefile import FileTooLarge, NotRegularFile, read_regular

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_FILE_BYTES",
    "Corpus",
    "CorpusError",
    "Skipped",
    "article_ids",
    "find_article_files",
    "find_article_paths",
    "load_corpus",
    "load_file",
]


class CorpusError(Exception):
    """The corpus as a whole cannot be opened (missing folder, not a folder or article file)."""


class LoadStopped(Exception):
    """Reading the corpus was abandoned (`load_corpus`'s `stop()` became true)."""


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


def load_file(path: Path, article_id: str | None = None) -> Article | Skipped:
    """One article file, or the reason it cannot be shown."""
    try:
        raw = read_regular(path, MAX_FILE_BYTES)
    except (NotRegularFile, FileTooLarge) as exc:
        return Skipped(path, str(exc.strerror))
    except OSError as exc:
        return Skipped(path, f"unreadable: {exc.strerror or exc}")
    return article_from_bytes(path, raw, article_id)


def article_from_bytes(path: Path, raw: bytes, article_id: str | None = None) -> Article | Skipped:
    """The article in a file's bytes, read already (the file's name says what kind it is)."""
    decoded = decode_article_bytes(raw)
    if decoded.text is None:
        return Skipped(path, decoded.skip_reason or "not an article")
    read = _article_text(path, raw, decoded.text)
    if isinstance(read, str):
        return Skipped(path, read)
    text, provenance = read
    article = parse_article(
        text,
        article_id=article_id or path.stem,
        path=path,
        content_hash=hashlib.sha256(raw).hexdigest(),
        problems=decoded.problems + provenance.problems,
        title_given=bool(provenance.title),
    )
    article.outlet, article.author, article.url = provenance.outlet, provenance.author, provenance.url
    return article


def _article_text(path: Path, raw: bytes, decoded: str) -> tuple[str, Provenance] | str:
    """A file's article text as a plain article writes it (a saved page's article, a Markdown
    file's body after its front matter, headed by their title and date) and where it comes
    from; or why there is none."""
    suffix = path.suffix.lower()
    if suffix in PAGE_SUFFIXES:
        try:
            page = read_page(raw)
        except NoArticle as exc:
            return str(exc)
        return headed(page.provenance, page.body), page.provenance
    if suffix in MARKDOWN_SUFFIXES:
        provenance, body = split_front_matter(decoded)
        return (headed(provenance, body) if provenance.title or provenance.date else body), provenance
    return decoded, Provenance()


def article_text(path: Path) -> str:
    """The text of an article file as the reader shows it, without parsing it into blocks:
    no markup of a saved page, no front matter ("" when it cannot be read)."""
    try:
        raw = read_regular(path, MAX_FILE_BYTES)
    except OSError:
        return ""
    decoded = decode_article_bytes(raw).text
    read = _article_text(path, raw, decoded) if decoded is not None else None
    return read[0] if isinstance(read, tuple) else ""


def headed(provenance: Provenance, body: str) -> str:
    """An article's text with its date and title first, as a plain article writes them ("date
    YYYY-MM-DD", then the title line), when its page or front matter gives them; a body that
    opens with the title already does not get it twice."""
    lines = []
    if provenance.date:
        lines.append(f"date {provenance.date}")
    first = body.lstrip().partition("\n")[0].lstrip("# ").strip()
    if provenance.title and first != provenance.title:
        lines += [provenance.title, ""]
    return "\n".join(lines) + ("\n" if lines else "") + body.lstrip("\n")


def load_corpus(
    root: Path,
    progress: Callable[[int, int], None] | None = None,
    files: list[Path] | None = None,
    stop: Callable[[], bool] | None = None,
    others: list[Skipped] | None = None,
) -> Corpus:
    """Load every article under `root` (`files`: its article files, and `others` the files that
    are no articles, when the caller has already walked the folder). Bad files are skipped with a
    reason, never raised. `stop()`, asked before each file, abandons the reading once true
    (LoadStopped): a reader who quits is not kept waiting."""
    root = Path(root)
    if not root.exists():
        raise CorpusError(f"corpus not found: {root}")
    if root.is_file() and root.suffix.lower() not in ARTICLE_SUFFIXES:
        raise CorpusError(f"not a folder or an article file ({', '.join(sorted(ARTICLE_SUFFIXES))}): {root}")
    if files is None:
        others = []
        files = [Path(path) for path in find_article_paths(root, others)]  # one walk for both
    ids = article_ids(root, files)
    corpus = Corpus(root=root, skipped=list(others or []))
    seen: dict[str, Path] = {}
    ahead = _pages_ahead(files)
    try:
        for i, path in enumerate(files):
            if stop is not None and stop():
                raise LoadStopped
            if ahead is not None and i % CHUNK == 0:
                try:
                    ahead.prepare(files[i : i + CHUNK], stop)
                except Stopped:
                    raise LoadStopped from None
            _add(corpus, seen, path, load_file(path, ids[path]))
            if progress is not None:
                progress(i + 1, len(files))
    finally:
        if ahead is not None:
            ahead.close()
    return corpus


def _pages_ahead(files: list[Path]) -> PagesAhead | None:
    """Workers to extract pages ahead of the loop, when enough of the files are pages."""
    if sum(1 for path in files if path.suffix.lower() in PAGE_SUFFIXES) < WORTH_A_POOL:
        return None
    workers = worker_count()
    return PagesAhead(workers) if workers > 1 else None


def _add(corpus: Corpus, seen: dict[str, Path], path: Path, result: Article | Skipped) -> None:
    """One file's article into the corpus (a file identical to one read is shown once), or why not."""
    if isinstance(result, Skipped):
        corpus.skipped.append(result)
    elif result.content_hash in seen:
        corpus.skipped.append(Skipped(path, f"identical to {seen[result.content_hash].name}; shown once"))
    else:
        seen[result.content_hash] = path
        corpus.articles.append(result)
