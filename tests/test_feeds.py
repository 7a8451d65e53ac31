"""Issue 29 (second part): feeds. `add FEED` adds each entry (its content when the feed carries
the whole article, else its page); `follow` keeps the feeds in the user data folder; `update`
adds what is new, asks a busy server again after a back-off, reports each failure in one line,
and resumes after being killed with nothing half-written. A local server on 127.0.0.1 serves
feeds and pages written for these tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from local_server import Handler, serving
from test_cli import run
from test_corpus_pages import PAGE

from reader.corpus import load_corpus
from reader.corpus.front_matter import split_front_matter

pytestmark = [pytest.mark.unit, pytest.mark.usefixtures("isolated_home")]

LONG = " ".join(["The council met on Monday and the mayor said the budget was sound."] * 14)


def _rss(base: str, items: list[str]) -> bytes:
    body = "".join(items)
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Valley Gazette</title><link>{base}/</link>{body}</channel></rss>"
    ).encode()


def _item(title: str, link: str, content: str | None = None) -> str:
    encoded = f"<content:encoded><![CDATA[<p>{content}</p>]]></content:encoded>" if content else ""
    date = "<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>"
    return f"<item><title>{title}</title><link>{link}</link>{date}{encoded}</item>"


class _Site(Handler):
    busy: dict[str, int] = {}

    def do_GET(self) -> None:
        base = f"http://{self.headers['Host']}"
        path = self.path
        if path == "/rss":
            items = [_item("Budget day", f"{base}/full/1", LONG), _item("Storm hits coast", f"{base}/page/storm")]
            self.send(200, _rss(base, items), "application/rss+xml")
        elif path == "/atom":
            atom = (
                '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour News</title>'
                f'<entry><title>Harbour reopens</title><link href="{base}/page/harbour"/>'
                "<updated>2024-03-06T08:00:00Z</updated></entry></feed>"
            )
            self.send(200, atom.encode(), "application/atom+xml")
        elif path == "/broken":
            self.send(200, b"<?xml version='1.0'?><rss><channel><item><title>oops", "application/rss+xml")
        elif path == "/huge":
            items = [_item(f"Entry {n}", f"{base}/none/{n}", LONG) for n in range(10_000)]
            self.send(200, _rss(base, items), "application/rss+xml")
        elif path == "/busy":
            seen = _Site.busy.get(path, 0)
            _Site.busy[path] = seen + 1
            if seen < 2:
                self.send(503, b"busy", Retry_After="0")
            else:
                items = [_item("Busy day", f"{base}/page/busy")]
                self.send(200, _rss(base, items), "application/rss+xml")
        elif path == "/slow":
            items = [_item(f"Slow {n}", f"{base}/page/slow{n}") for n in range(5)]
            self.send(200, _rss(base, items), "application/rss+xml")
        elif path.startswith("/page/"):
            name = path.rsplit("/", 1)[1]
            if name.startswith("slow"):
                time.sleep(0.6)
            html = PAGE.replace("Storm hits coast", f"Storm hits coast {name}").replace("storm", name)
            self.send(200, html.encode("utf-8"))
        else:
            self.send(404, b"no such page")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving(_Site) as address:
        yield address


def test_adding_a_feed_adds_each_entry(server, tmp_path) -> None:
    corpus = tmp_path / "mine"
    result = run("add", f"{server}/rss", "--corpus", str(corpus))
    assert result.returncode == 0, result.stderr
    assert "feed Valley Gazette: 2 entries read" in result.stdout
    articles = {a.title: a for a in load_corpus(corpus).articles}
    assert set(articles) == {"Budget day", "Storm hits coast storm"}
    budget = articles["Budget day"]  # the feed carried the whole article: no page fetched
    assert budget.outlet == "Valley Gazette" and budget.date == "2024-03-05" and "mayor said" in budget.text
    assert articles["Storm hits coast storm"].outlet == "Daily Ledger"  # its page's metadata
    again = run("add", f"{server}/rss", "--corpus", str(corpus))
    assert again.stdout.count("already in the corpus:") == 2 and len(list(corpus.iterdir())) == 2


def test_a_broken_feed_is_refused_and_a_huge_one_read_to_its_cap(server, tmp_path) -> None:
    broken = run("add", f"{server}/broken", "--corpus", str(tmp_path / "a"))
    assert broken.returncode == 1 and "not an RSS or Atom feed" in broken.stderr
    huge = subprocess.run(
        [sys.executable, "-m", "reader", "add", f"{server}/huge", "--corpus", str(tmp_path / "b")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert "1000 entries read (9000 older entries past the first 1,000 left out)" in huge.stdout
    assert "1 added, 999 already in the corpus" in huge.stdout  # the same text each time: written once


def test_follow_then_update_adds_what_is_new_and_retries_a_busy_server(server, tmp_path, isolated_home) -> None:
    corpus = tmp_path / "mine"
    followed = run("follow", f"{server}/rss", f"{server}/atom", f"{server}/busy", f"{server}/gone", "not-a-feed")
    assert followed.returncode == 1 and "4 feeds added" in followed.stdout
    assert "a feed is followed by its web address" in followed.stderr
    assert run("follow").stdout.splitlines() == [f"{server}/rss", f"{server}/atom", f"{server}/busy", f"{server}/gone"]
    updated = run("update", "--corpus", str(corpus))
    assert "4 feeds: 4 added, 0 already in the corpus, 1 failed" in updated.stdout  # the busy one on the third try
    (failure,) = updated.stderr.splitlines()
    assert failure == f"failed {server}/gone: the server answered 404 Not Found"
    titles = sorted(a.title for a in load_corpus(corpus).articles)
    assert titles == ["Budget day", "Storm hits coast busy", "Storm hits coast harbour", "Storm hits coast storm"]
    again = run("update", "--corpus", str(corpus))
    assert "0 added" in again.stdout


def test_an_update_killed_midway_leaves_whole_articles_and_resumes(server, tmp_path, isolated_home) -> None:
    corpus = tmp_path / "mine"
    run("follow", f"{server}/slow")
    env = dict(os.environ)
    child = subprocess.Popen(
        [sys.executable, "-m", "reader", "update", "--corpus", str(corpus)], env=env, stdout=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (corpus.exists() and any(corpus.glob("*.md"))):
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    written = list(corpus.iterdir())
    assert 1 <= len(written) < 5
    for path in written:  # whole articles only: no temp file, every file with its front matter
        assert path.suffix == ".md"
        assert split_front_matter(path.read_text(encoding="utf-8"))[0].title
    resumed = run("update", "--corpus", str(corpus))
    assert f"{5 - len(written)} added, {len(written)} already in the corpus" in resumed.stdout
    assert len(list(corpus.glob("*.md"))) == 5
