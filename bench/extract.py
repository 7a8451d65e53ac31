"""How well saved web pages are read (issue 29): the article text baldreader takes out of each
page against the expected text, by the measure of the public article-extraction benchmark
(precision and recall of the expected text's 4-word shingles, averaged over pages), the title
and date against the expected metadata (a title is right when it is the same headline, with a
site's name after " | ", " - ", "_" or in brackets on either side or not), and pages read per
second.

Pages in either of two layouts, fetched into a git-ignored folder:

- readability's test fixtures (DIR/<page>/source.html, expected.html, expected-metadata.json):
  real articles, but also unit fixtures written for one rule, and expected text that keeps
  image captions and author notes, which baldreader leaves out;
- fundus's parser test data (DIR/<country>/<Publisher>_<date>.html.gz, <Publisher>.json with the
  body each parser version takes out by hand-written rules, meta.info): news pages of ~200
  publishers in ~40 countries, the body without captions (as issue 29 asks).

    python bench/extract.py data-external/readability/test/test-pages [--skip PREFIX ...] [--worst 5]
        [--news | --only NAME ...]
    python bench/extract.py data-external/fundus/tests/resources/parser/test_data [--half odd|even]

Pages whose name starts with a --skip prefix are left out (default: "bbc", as the BBC's pages
are reserved for held-out measurement). --half takes every other fundus publisher, in name order
(one half to look at while changing the extraction, the other to measure it on).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from reader.corpus.load import Skipped, load_file
from reader.corpus.pages import _read, remember_in

_WORD = re.compile(r"\w+")
# Readability's test pages that are real news and magazine articles (the rest are unit fixtures
# written for one rule, encyclopedia and documentation pages, and nytimes-5, an index page).
NEWS = (
    "aclu aktualne ars-1 breitbart buzzfeed-1 citylab-1 cnet cnn engadget folha gmw guardian-1 heise "
    "herald-sun-1 la-nacion lemonde-1 liberation-1 lwn-1 medicalnewstoday medium-1 medium-2 medium-3 msn "
    "nytimes-1 nytimes-2 nytimes-3 nytimes-4 qq quanta-1 salon-1 seattletimes-1 telegraph theverge tmz-1 "
    "wapo-1 wapo-2 yahoo-1 yahoo-2 yahoo-3 yahoo-4"
).split()
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "blockquote", "pre", "section", "article"}


class _Text(HTMLParser):
    """The text of an expected.html, blocks apart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


def shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    """The text's runs of n words, in one Unicode form (NFC: "ä" as one character, as it is
    written, not "a" and a combining mark, where a regular expression's word ends); a soft
    hyphen (an invisible hint where a word may break, which some pages put in every long word)
    joins what it splits."""
    words = _WORD.findall(unicodedata.normalize("NFC", text.replace("\xad", "")).casefold())
    return {tuple(words[i : i + n]) for i in range(max(0, len(words) - n + 1))}


def body_of(article_text: str, title: str, date: str | None) -> str:
    """The article's text without the date and title lines put first."""
    lines = article_text.split("\n")
    if date and lines and lines[0].strip().lower().startswith("date "):
        lines = lines[1:]
    if lines and lines[0].strip() == title:
        lines = lines[1:]
    return "\n".join(lines)


def norm_title(text: str | None) -> str:
    return " ".join(_WORD.findall((text or "").casefold()))


_SITE_PART = re.compile(
    r"\s+[|\-–—:»·]\s+|_|\s+\["
)  # "Headline | Site", "Headline - Site", "标题_网站", "Headline [Site]"


def same_title(expected: str, found: str) -> bool:
    """The same headline, a site's name added to or left off either ("Samantha and The Great Big
    Lie - John C. Welch - Medium" is "Samantha and The Great Big Lie")."""
    if norm_title(expected) == norm_title(found):
        return True
    ours, theirs = _SITE_PART.split(found)[0], _SITE_PART.split(expected)[0]
    return bool(norm_title(ours)) and norm_title(ours) in (norm_title(theirs), norm_title(expected))


@dataclass(frozen=True)
class Case:
    name: str
    source: Path  # the saved page
    expected: str  # the article's text
    title: str | None
    date: str | None  # YYYY-MM-DD


def readability_cases(folder: Path, skip: list[str]) -> list[Case]:
    cases = []
    for page in sorted(d for d in folder.iterdir() if (d / "source.html").is_file()):
        if page.name.startswith(tuple(skip)):
            continue
        meta = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
        expected = html_text((page / "expected.html").read_text(encoding="utf-8"))
        date = str(meta["publishedTime"])[:10] if meta.get("publishedTime") else None
        cases.append(Case(page.name, page / "source.html", expected, meta.get("title") or None, date))
    return cases


def fundus_cases(folder: Path, work: Path, half: str | None) -> list[Case]:
    """Each publisher's pages, sorted by date, matched to its parser versions in order (fundus
    gives each version one page, crawled while that version was current); a publisher whose
    pages and versions do not pair up is left out."""
    cases = []
    publishers = sorted(
        (json_file, json.loads(json_file.read_text(encoding="utf-8")))
        for json_file in folder.glob("*/*.json")
        if json_file.name != "meta.info"
    )
    if half:
        publishers = publishers[half == "even" :: 2]
    for json_file, versions in publishers:
        pages = sorted(json_file.parent.glob(f"{json_file.stem}_*.html.gz"), key=lambda p: re.findall(r"\d+", p.name))
        if len(pages) != len(versions):
            continue
        for page, (_version, expected) in zip(pages, sorted(versions.items(), key=_version_order), strict=True):
            body = expected.get("body") or {}
            parts = list(body.get("summary") or [])
            for section in body.get("sections") or []:
                parts += list(section.get("headline") or []) + list(section.get("paragraphs") or [])
            if not parts:
                continue
            source = work / f"{json_file.parent.name}-{page.name.removesuffix('.gz')}"
            source.write_bytes(gzip.decompress(page.read_bytes()))
            date = str(expected["publishing_date"])[:10] if expected.get("publishing_date") else None
            cases.append(Case(source.stem, source, "\n".join(parts), expected.get("title") or None, date))
    return cases


def _version_order(item: tuple[str, object]) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", item[0])]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--skip", nargs="*", default=["bbc"])
    parser.add_argument("--only", nargs="*", help="these pages alone (by folder name); --news: the news pages")
    parser.add_argument("--news", action="store_true", help=f"the {len(NEWS)} news and magazine pages of NEWS")
    parser.add_argument("--worst", type=int, default=5)
    parser.add_argument("--misses", action="store_true", help="print each title and date not read right")
    parser.add_argument("--half", choices=["odd", "even"], help="every other fundus publisher")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp())
    if any(args.folder.glob("*/meta.info")):
        cases = fundus_cases(args.folder, work, args.half)
    else:
        cases = readability_cases(args.folder, args.skip)
    only = set(args.only or []) | (set(NEWS) if args.news else set())
    if only:
        cases = [case for case in cases if case.name in only]
    scores, titles, dates, refused = [], [0, 0], [0, 0], []
    home = Path(tempfile.mkdtemp())
    remember_in(home)  # as baldreader does: pages kept in the user data folder's page cache
    started = time.perf_counter()
    results = []
    for case in cases:
        results.append((case, load_file(case.source)))
    elapsed = time.perf_counter() - started
    _read.clear()  # a second start: nothing in memory, the page cache on disk
    started = time.perf_counter()
    for case in cases:
        load_file(case.source)
    again = time.perf_counter() - started
    shutil.rmtree(home)
    for case, article in results:
        expected = shingles(case.expected)
        if isinstance(article, Skipped):
            refused.append((case.name, article.reason))
            scores.append((0.0, 0.0, 0.0, case.name) if expected else (1.0, 1.0, 1.0, case.name))
            continue
        found = shingles(body_of(article.text, article.title, article.date))
        shared = len(found & expected)
        precision = shared / len(found) if found else (1.0 if not expected else 0.0)
        recall = shared / len(expected) if expected else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores.append((precision, recall, f1, case.name))
        if case.title:
            titles[1] += 1
            titles[0] += same_title(case.title, article.title)
            if args.misses and not same_title(case.title, article.title):
                print(f"  title {case.name}: expected {case.title!r}, read {article.title!r}")
        if case.date:
            dates[1] += 1
            dates[0] += case.date == (article.date or "")
            if args.misses and case.date != (article.date or ""):
                print(f"  date {case.name}: expected {case.date}, read {article.date}")
    n = len(scores)
    mean = [sum(s[i] for s in scores) / n for i in range(3)]
    chosen = (
        f"the {args.half} half of the publishers" if args.half else f"left out: names starting {', '.join(args.skip)}"
    )
    print(f"{n} pages in {args.folder} ({chosen})")
    print(f"body: precision {mean[0]:.3f}  recall {mean[1]:.3f}  F1 {mean[2]:.3f} (4-word shingles, mean over pages)")
    print(f"title right on {titles[0]} of {titles[1]} pages that carry one ({titles[0] / max(1, titles[1]):.3f})")
    print(f"date right on {dates[0]} of {dates[1]} pages that carry one ({dates[0] / max(1, dates[1]):.3f})")
    print(f"read {n} pages in {elapsed:.2f} s: {n / elapsed:.1f} pages/s (first read, one process)")
    print(f"again from the page cache: {again:.2f} s, {n / again:.1f} pages/s (a second start)")
    if refused:
        print(f"refused {len(refused)}: " + "; ".join(f"{name} ({reason})" for name, reason in refused[:8]))
    for precision, recall, f1, name in sorted(scores, key=lambda s: s[2])[: args.worst]:
        print(f"  worst: {name}: precision {precision:.2f} recall {recall:.2f} F1 {f1:.2f}")
    _read.clear()
    corpus_figures([case.source for case in cases])
    shutil.rmtree(work)
    return 0


def corpus_figures(pages: list[Path]) -> None:
    """The pages read into a corpus as baldreader reads one (load_corpus: new pages extracted
    ahead in worker processes, one a core), first with nothing cached, then a second start."""
    from reader.corpus import load_corpus
    from reader.corpus.page_pool import worker_count

    folder, home = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    for n, page in enumerate(pages):
        shutil.copyfile(page, folder / f"{n:04d}-{page.parent.name}.html")
    remember_in(home)
    _read.clear()
    started = time.perf_counter()
    corpus = load_corpus(folder)
    first = time.perf_counter() - started
    _read.clear()
    started = time.perf_counter()
    load_corpus(folder)
    again = time.perf_counter() - started
    n = len(pages)
    print(
        f"read into a corpus ({worker_count() or 'no'} worker processes): {n / first:.1f} pages/s first "
        f"({first:.2f} s, {len(corpus.articles)} articles), {n / again:.1f} pages/s on a second start"
    )
    shutil.rmtree(folder)
    shutil.rmtree(home)


if __name__ == "__main__":
    sys.exit(main())
