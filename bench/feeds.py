"""`baldreader update` against local feeds (issue 29): 20 feeds of 50 entries each, every feed on
a host of its own (127.0.0.1 to 127.0.0.20), every request answered after 50 ms; the entries
carry no content, so each article's page is fetched. Prints the time taken, the requests made,
and the most requests one host had at once (one at a time per host is the rule).

    python bench/feeds.py [--feeds 20] [--entries 50] [--latency 0.05]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from reader.web.adding import Adder
from reader.web.updating import update

PAGE = (
    "<html><head><title>{title}</title><meta property='og:site_name' content='Host {host}'></head><body>"
    "<article><h1>{title}</h1><p>{text}</p><p>{text}</p></article></body></html>"
)
TEXT = "The council met on Monday and the mayor said the budget for the coming year was sound."


def serve(host: str, entries: int, latency: float, counters: dict[str, list[int]]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            now = counters[host]
            now[0] += 1
            now[1] = max(now[1], now[0])
            now[2] += 1
            try:
                time.sleep(latency)
                base = f"http://{self.headers['Host']}"
                if self.path == "/feed":
                    items = "".join(
                        f"<item><title>Story {n} on {host}</title><link>{base}/page/{n}</link></item>"
                        for n in range(entries)
                    )
                    body = (
                        f"<?xml version='1.0'?><rss version='2.0'><channel><title>{host}</title>{items}</channel></rss>"
                    )
                    kind = "application/rss+xml"
                else:
                    n = self.path.rsplit("/", 1)[-1]
                    body = PAGE.format(title=f"Story {n} on {host}", host=host, text=f"{TEXT} ({host} {n})")
                    kind = "text/html; charset=utf-8"
                data = body.encode()
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            finally:
                now[0] -= 1

    server = ThreadingHTTPServer((host, 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--latency", type=float, default=0.05)
    args = parser.parse_args()
    hosts = [f"127.0.0.{n + 1}" for n in range(args.feeds)]
    counters = {host: [0, 0, 0] for host in hosts}  # now, most at once, requests
    servers = [serve(host, args.entries, args.latency, counters) for host in hosts]
    feeds = [f"http://{s.server_address[0]}:{s.server_address[1]}/feed" for s in servers]
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        report = update(Adder(Path(folder) / "corpus"), feeds)
        elapsed = time.perf_counter() - started
    for server in servers:
        server.shutdown()
    requests = sum(c[2] for c in counters.values())
    print(f"{args.feeds} feeds x {args.entries} entries, {args.latency * 1000:.0f} ms a request, one host each")
    print(f"update: {elapsed:.2f} s; {report.added} added, {report.already} already there, {len(report.failed)} failed")
    print(f"{requests} requests; at most {max(c[1] for c in counters.values())} at once on one host")
    return 0


if __name__ == "__main__":
    sys.exit(main())
