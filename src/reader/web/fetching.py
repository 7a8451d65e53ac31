"""Fetching one web address for `baldreader add` (`fetch`), with httpx and hard limits: http and
https only and no credentials in the address, at most MAX_REDIRECTS redirects, at most MAX_BYTES
read after decompression (a decompression bomb stops there), a timeout between bytes and a
deadline for the whole response (a server that sends a byte a minute is given up on). Every
failure is a `FetchFailed` with one line saying why."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

MAX_BYTES = 20 * 1024 * 1024  # as for article files
MAX_REDIRECTS = 5
TIMEOUT = 15.0  # seconds to connect, and between two pieces of the response
DEADLINE = 60.0  # seconds for the whole response
USER_AGENT = "baldreader (a terminal news reader; +https://github.com/)"


class FetchFailed(Exception):
    """The address could not be fetched; the message says why, in one line. `status`: the
    server's answer when it gave one; `retry_after`: seconds it asked to wait (429, 503)."""

    def __init__(self, message: str, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after

    @property
    def worth_retrying(self) -> bool:
        """A server that is busy or failing for now (429, 5xx) or that did not answer in time."""
        if self.status is None:
            return str(self).startswith("no answer from the server")
        return self.status == 429 or self.status >= 500


@dataclass(frozen=True)
class Fetched:
    url: str  # as given
    final_url: str  # after redirects
    content_type: str
    body: bytes
    fetched_at: str  # ISO 8601, UTC


def check_address(url: str) -> None:
    """Refuse what `fetch` must never request: other schemes than http(s), credentials."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchFailed(f"only http and https addresses are fetched, not {parts.scheme or 'this'}:")
    if parts.username is not None or parts.password is not None:
        raise FetchFailed("an address with a user name or password in it is not fetched")
    if not parts.hostname:
        raise FetchFailed("the address names no host")


def client() -> Any:
    """An HTTP client for many fetches (making one costs some 30 ms: share it, threads too)."""
    import httpx

    return httpx.Client(
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        event_hooks={"request": [lambda request: check_address(str(request.url))]},  # redirects too, before sent
        timeout=httpx.Timeout(TIMEOUT),
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.5"},
        trust_env=False,
    )


def fetch(
    url: str,
    timeout: float = TIMEOUT,
    deadline: float = DEADLINE,
    max_bytes: int = MAX_BYTES,
    using: Any = None,
) -> Fetched:
    """The response to a GET of `url` (FetchFailed for anything but a 2xx within the limits),
    with the client `using` when given (see `client`), else one of its own."""
    import httpx

    check_address(url)
    started = time.monotonic()
    own = using is None
    session = client() if own else using
    try:
        with session.stream("GET", url, timeout=httpx.Timeout(timeout)) as response:
            if response.status_code >= 400:
                raise FetchFailed(
                    f"the server answered {response.status_code} {response.reason_phrase}",
                    response.status_code,
                    _seconds(response.headers.get("retry-after")),
                )
            body = bytearray()
            for piece in response.iter_bytes():
                body += piece
                if len(body) > max_bytes:
                    raise FetchFailed(f"the page is larger than {max_bytes // (1024 * 1024)} MiB; not read")
                if time.monotonic() - started > deadline:
                    raise FetchFailed(f"the server took longer than {deadline:g} s to send the page")
            return Fetched(
                url,
                str(response.url),
                response.headers.get("content-type", ""),
                bytes(body),
                time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            )
    except httpx.TooManyRedirects:
        raise FetchFailed(f"more than {MAX_REDIRECTS} redirects (a redirect loop?)") from None
    except httpx.TimeoutException:
        raise FetchFailed(f"no answer from the server within {timeout:g} s") from None
    except httpx.DecodingError:
        raise FetchFailed("the server's compressed response could not be decoded") from None
    except httpx.HTTPError as exc:
        raise FetchFailed(f"the page could not be fetched ({type(exc).__name__})") from None
    finally:
        if own:
            session.close()


def _seconds(value: str | None) -> float | None:
    """A Retry-After header's delay in seconds (its date form is not used: None)."""
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None
