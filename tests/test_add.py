"""Issue 29 (second part): `baldreader add` against a local server on 127.0.0.1 the tests start
themselves (no test needs the internet): a page written as one Markdown file with front matter,
an article already there not added twice, and every bad answer refused in one line with nothing
written: 4xx and 5xx, a redirect loop, a script-only page, binary content sent as HTML, a page
over the size cap, a decompression bomb, a server that sends a byte at a time for ever,
addresses with credentials or another scheme, and the bundled seeds as the target."""

from __future__ import annotations

import gzip
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from local_server import Handler, serving
from test_cli import run
from test_corpus_pages import PAGE

from reader.corpus.front_matter import split_front_matter
from reader.helpers.paths import bundled_seeds

pytestmark = [pytest.mark.unit, pytest.mark.usefixtures("isolated_home")]


class _Pages(Handler):
    credentials_seen: list[str] = []  # Authorization headers received: a refused address sends none

    def do_GET(self) -> None:
        if self.headers.get("Authorization"):
            _Pages.credentials_seen.append(self.headers["Authorization"])
        page = PAGE.encode("utf-8")
        routes = {
            "/storm": lambda: self.send(200, page),
            "/moved": lambda: self.send(302, b"", Location="/storm"),
            "/loop": lambda: self.send(302, b"", Location="/loop"),
            "/to-credentials": lambda: self.send(302, b"", Location=f"http://user:secret@{self.headers['Host']}/storm"),
            "/to-ftp": lambda: self.send(302, b"", Location="ftp://127.0.0.1/storm"),
            "/gone": lambda: self.send(404, b"not here"),
            "/broken": lambda: self.send(500, b"oops"),
            "/app": lambda: self.send(200, b"<html><body><script>start()</script></body></html>"),
            "/binary": lambda: self.send(200, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40),
            "/big": lambda: self.send(
                200, b"<html><body><p>" + b"word " * (21 * 1024 * 1024 // 5) + b"</p></body></html>"
            ),
            "/bomb": lambda: self.send(200, gzip.compress(b"<p>" + b"a" * (40 * 1024 * 1024)), Content_Encoding="gzip"),
            "/drip": self._drip,
        }
        routes.get(self.path, lambda: self.send(404, b"no such page"))()

    def _drip(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(300):  # a byte every 0.1 s, for 30 s at most
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(0.1)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving(_Pages) as address:
        yield address


def _articles(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir()) if folder.exists() else []


def test_a_page_is_added_as_markdown_with_its_provenance(server, tmp_path, isolated_home) -> None:
    corpus = tmp_path / "mine"
    added = run("add", f"{server}/moved", "--corpus", str(corpus))
    assert added.returncode == 0 and "added storm-hits-coast-" in added.stdout
    (path,) = _articles(corpus)
    provenance, body = split_front_matter(path.read_text(encoding="utf-8"))
    assert (provenance.title, provenance.date, provenance.author, provenance.outlet) == (
        "Storm hits coast",
        "2024-03-05",
        "Jane Roe",
        "Daily Ledger",
    )
    assert provenance.url == "https://example.org/news/storm"  # the page's canonical address
    front = path.read_text(encoding="utf-8").split("---")[1]
    assert f"requested_url: {server}/moved" in front and f"final_url: {server}/storm" in front
    assert "fetched: '" in front and "fetched_sha256: " in front
    assert body.lstrip().startswith("A storm hit the coast on Tuesday") and "cookies" not in body
    again = run("add", f"{server}/storm", "--corpus", str(corpus))
    assert "already in the corpus" in again.stdout and len(_articles(corpus)) == 1
    listed = run("list", "--json", "--corpus", str(corpus))
    assert '"outlet": "Daily Ledger"' in listed.stdout


@pytest.mark.parametrize(
    "route, reason",
    [
        ("/gone", "the server answered 404"),
        ("/broken", "the server answered 500"),
        ("/loop", "redirects (a redirect loop?)"),
        ("/to-credentials", "an address with a user name or password in it is not fetched"),  # before it is sent
        ("/to-ftp", "only http and https addresses are fetched"),
        ("/app", "no article text in the page"),
        ("/binary", "no article text in the page"),
        ("/big", "larger than 20 MiB"),
        ("/bomb", "larger than 20 MiB"),
    ],
)
def test_a_bad_answer_is_refused_in_one_line_and_nothing_is_written(server, tmp_path, route, reason) -> None:
    corpus = tmp_path / "mine"
    result = run("add", f"{server}{route}", "--corpus", str(corpus))
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"failed {server}{route}: ") and reason in line
    assert _articles(corpus) == [] and _Pages.credentials_seen == []


def test_a_server_that_drips_is_given_up_on(server, tmp_path) -> None:
    corpus = tmp_path / "mine"
    result = run("add", f"{server}/drip", "--corpus", str(corpus), "--timeout", "0.5")
    assert result.returncode == 1 and "took longer than 2 s" in result.stderr
    assert _articles(corpus) == []


@pytest.mark.parametrize(
    "address, reason",
    [
        ("ftp://127.0.0.1/page.html", "only http and https addresses are fetched"),
        ("file:///etc/passwd", "only http and https addresses are fetched"),
        ("http://user:secret@127.0.0.1/page", "a user name or password"),
    ],
)
def test_addresses_with_credentials_or_other_schemes_are_refused(tmp_path, address, reason) -> None:
    result = run("add", address, "--corpus", str(tmp_path / "mine"))
    assert result.returncode == 1 and reason in result.stderr


def test_the_bundled_seeds_are_never_written_to(server) -> None:
    before = sorted(p.name for p in bundled_seeds().iterdir())
    result = run("add", f"{server}/storm", "--corpus", str(bundled_seeds()))
    assert result.returncode == 2 and "never written to" in result.stderr
    assert sorted(p.name for p in bundled_seeds().iterdir()) == before


def test_the_own_corpus_is_opened_once_it_holds_an_article(server, isolated_home) -> None:
    assert len(run("list").stdout.splitlines()) == 5  # the seeds, until then
    assert run("add", f"{server}/storm").returncode == 0  # into the user data folder's corpus
    listed = run("list").stdout.splitlines()
    assert len(listed) == 1 and "Storm hits coast" in listed[0]


def test_a_fifo_in_the_corpus_does_not_hold_adding_up(server, tmp_path) -> None:
    """What is already in the corpus is read without waiting on a FIFO named like an article."""
    import os

    corpus = tmp_path / "mine"
    corpus.mkdir()
    os.mkfifo(corpus / "pipe.md")
    added = run("add", f"{server}/storm", "--corpus", str(corpus))  # run() gives up after 60 s
    assert added.returncode == 0 and "added storm-hits-coast-" in added.stdout


def test_an_added_page_is_searchable_at_once_where_the_corpus_has_an_index(server, tmp_path, isolated_home) -> None:
    """Issue 31, item 2: `add` indexes what it wrote on its own (no walk of the corpus, no sync):
    the index opened as it is, without a sync, finds it and lists it."""
    from reader.search import SearchIndex
    from reader.search.catalog_db import SCHEMA_VERSION, stored_listing

    corpus = tmp_path / "mine"
    corpus.mkdir()
    (corpus / "older.txt").write_text("date 2024-01-02\nAn older story\n\nThe council met about the budget.\n")
    assert run("index", "--corpus", str(corpus)).returncode == 0
    assert run("add", f"{server}/storm", "--corpus", str(corpus)).returncode == 0
    index = SearchIndex(corpus, isolated_home)
    assert index.open_existing()  # as it is: no sync
    hits = index.search("storm coast").hits
    assert [hit.title for hit in hits] == ["Storm hits coast"]
    assert stored_listing(index.folder, SCHEMA_VERSION).titles == ["Storm hits coast", "An older story"]
    index.close()


def test_text_and_markdown_files_are_added_as_the_corpus_reads_them(tmp_path, seeds) -> None:
    """`add FILE` with a plain-text article or clipped Markdown (not a saved page) adds it as
    the corpus would read the file itself: the same title, date, words and claims, its front
    matter's outlet kept (it was refused as "no article text in the page", and the seeds'
    one-paragraph-a-line text came out as one paragraph)."""
    import json

    corpus = tmp_path / "mine"
    clipped = tmp_path / "clipped.md"
    clipped.write_text(
        "---\ntitle: Harbour wall approved\ndate: 2024-05-02\nsite: Morning Star\nauthor: Ann Lee\n---\n\n"
        "The council approved the harbour wall on Thursday, officials said.\n\n"
        '"It will hold," the mayor, Nora Vale, told reporters.\n',
        encoding="utf-8",
    )
    sources = [str(clipped), *map(str, sorted(seeds.glob("*.txt")))]
    added = run("add", *sources, "--corpus", str(corpus))
    assert added.returncode == 0 and "6 added" in added.stdout

    def lines(*args: str) -> list[dict]:
        return [json.loads(line) for line in run(*args, "--json").stdout.splitlines()]

    mine, theirs = lines("list", "--corpus", str(corpus)), lines("list", "--corpus", str(seeds))
    assert sorted((a["title"], a["date"], a["words"]) for a in theirs) == sorted(
        (a["title"], a["date"], a["words"]) for a in mine if a["title"] != "Harbour wall approved"
    )
    (harbour,) = [a for a in mine if a["title"] == "Harbour wall approved"]
    assert (harbour["date"], harbour["outlet"], harbour["author"]) == ("2024-05-02", "Morning Star", "Ann Lee")

    def claims(folder: Path) -> list[int]:
        return sorted(len(a["claims"]) for a in lines("analyze", "--corpus", str(folder)))

    seeds_only = tmp_path / "seeds-only"
    assert run("add", *sources[1:], "--corpus", str(seeds_only)).returncode == 0
    assert claims(seeds_only) == claims(seeds)
    again = run("add", str(clipped), "--corpus", str(corpus))
    assert "already in the corpus" in again.stdout and len(_articles(corpus)) == 6


def test_adding_markdown_whose_front_matter_is_not_yaml_says_so(tmp_path) -> None:
    """A clipped `.md` whose front matter is broken is added as the corpus reads it (as text),
    and `add` says why, as `list` would: it was added without a word."""
    broken = tmp_path / "broken.md"
    broken.write_text("---\ntitle: [unclosed\n---\n\nThe council approved the wall on Thursday.\n", encoding="utf-8")
    added = run("add", str(broken), "--corpus", str(tmp_path / "mine"))
    assert added.returncode == 0 and "1 added" in added.stdout
    assert "warning" in added.stderr and "front matter is not valid YAML" in added.stderr


def test_add_while_another_baldreader_indexes_says_it_waits_then_indexes(tmp_path, isolated_home) -> None:
    """`add` while another baldreader holds the index (a people pass's batch, a sync) says it
    waits, on stderr, rather than hanging silently, and indexes the article once let in."""
    import fcntl
    import os
    import subprocess
    import sys

    from reader.search import SearchIndex

    corpus = tmp_path / "mine"
    corpus.mkdir()
    (corpus / "older.txt").write_text("date 2024-01-02\nAn older story\n\nThe council met about the budget.\n")
    assert run("index", "--corpus", str(corpus)).returncode == 0
    clip = tmp_path / "walrus.md"
    clip.write_text(
        "---\ntitle: Walrus seen in the harbour\n---\n\n"
        "A walrus was seen in the harbour on Monday, the harbour master said.\n"
    )
    index = SearchIndex(corpus, isolated_home)
    lock = os.open(index.folder / "sync.lock", os.O_RDWR)
    fcntl.flock(lock, fcntl.LOCK_EX)  # as another baldreader's batch in hand
    adding = subprocess.Popen(
        [sys.executable, "-m", "reader", "add", str(clip), "--corpus", str(corpus)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert adding.stderr is not None
        said = adding.stderr.readline()
        assert "waiting for another baldreader's indexing" in said and adding.poll() is None
    finally:
        os.close(lock)  # the batch done: the lock let go
    out, _ = adding.communicate(timeout=60)
    assert adding.returncode == 0 and "1 added" in out and "not searchable yet" not in out
    assert index.open_existing() and [h.title for h in index.search("walrus").hits] == ["Walrus seen in the harbour"]
    index.close()
