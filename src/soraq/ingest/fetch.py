"""Fetching pages and feeds over HTTP, politely and defensively.

Every request names Soraq in its User-Agent (site owners can see who reads
them and how to reach the project), has connect/read timeouts and an overall
deadline, follows a bounded number of redirects, accepts only http/https, and
streams the body so that an endless or huge response is cut off at
``max_bytes`` instead of filling memory. Conditional requests (ETag /
Last-Modified) let feeds be polled often without downloading them again.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from soraq import __version__
from soraq.ingest.errors import ReadError

#: the contact is a placeholder the deployment replaces (SORAQ_CONTACT); never a person's address
DEFAULT_CONTACT = "https://soraq.example/contact"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 5
ALLOWED_SCHEMES = ("http", "https")


def user_agent(contact: str | None = None) -> str:
    """A polite User-Agent: who we are, our version, and how to reach us."""
    return f"Soraq/{__version__} (+{contact or DEFAULT_CONTACT}; documentation of coerced recruitment)"


class FetchError(ReadError):
    """A URL could not be fetched; the message says why (timeout, status, size...)."""


@dataclass(frozen=True)
class FetchResult:
    url: str  # as asked
    final_url: str  # after redirects
    status: int  # 200, or 304 when a conditional request found nothing new
    content: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def content_type(self) -> str:
        """The media type without parameters: ``text/html``."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def check_url(url: str) -> str:
    """Refuse anything but an absolute http(s) URL (no file:, ftp:, data:, javascript:)."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise FetchError(f"only http and https URLs can be fetched, not {parts.scheme or 'a bare path'!r}")
    if not parts.netloc:
        raise FetchError("URL has no host")
    return url.strip()


class Fetcher:
    """An HTTP client with Soraq's limits; one instance reuses connections across requests.

    ``transport`` lets tests and offline runs plug in an :mod:`httpx` mock transport.
    """

    def __init__(
        self,
        *,
        connect_timeout: float = 10.0,
        read_timeout: float = 20.0,
        total_timeout: float = 60.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = DEFAULT_MAX_REDIRECTS,
        contact: str | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.max_bytes = max_bytes
        self.total_timeout = total_timeout
        self._client = httpx.Client(
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
            follow_redirects=True,
            max_redirects=max_redirects,
            headers={"User-Agent": user_agent(contact), "Accept-Encoding": "gzip, deflate"},
            transport=transport,
            trust_env=False,  # no proxies or netrc credentials picked up from the environment
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: str | None = None) -> FetchResult:
        """GET ``url`` within the limits; 304 answers come back with empty content."""
        url = check_url(url)
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        if accept:
            headers["Accept"] = accept
        deadline = time.monotonic() + self.total_timeout
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                final_url = str(response.url)
                check_url(final_url)  # a redirect may not lead off http(s)
                if response.status_code == 304:
                    return FetchResult(url, final_url, 304, b"", _headers(response))
                if response.status_code >= 400:
                    raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(f"response too large ({int(declared):,} bytes, limit {self.max_bytes:,})")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise FetchError(f"response too large (over {self.max_bytes:,} bytes)")
                    if time.monotonic() > deadline:
                        raise FetchError(f"download took longer than {self.total_timeout:g} s")
                return FetchResult(url, final_url, response.status_code, bytes(body), _headers(response))
        except FetchError:
            raise
        except httpx.TooManyRedirects:
            raise FetchError("too many redirects") from None
        except httpx.UnsupportedProtocol:
            raise FetchError("redirected to a URL that is not http or https") from None
        except httpx.ConnectTimeout:
            raise FetchError("timed out connecting") from None
        except httpx.TimeoutException:
            raise FetchError("timed out waiting for the server") from None
        except httpx.ConnectError as exc:
            raise FetchError(f"cannot connect ({exc})") from None
        except (httpx.RemoteProtocolError, httpx.DecodingError) as exc:
            raise FetchError(f"broken response ({exc})") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"request failed ({type(exc).__name__}: {exc})") from None


def _headers(response: httpx.Response) -> dict[str, str]:
    return {k.lower(): v for k, v in response.headers.items()}
