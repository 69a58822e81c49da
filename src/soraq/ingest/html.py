"""News pages: the article text and its metadata, without menus, ads or comments.

trafilatura does the work (boilerplate removal, title/author/date/site name).
Pages come from the open web, so the input is treated as hostile: scripts are
never run (trafilatura only parses), absurd nesting and size are refused up
front, and any parser failure becomes a clear :class:`ReadError` instead of a
crash in the middle of a batch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from soraq.ingest.encoding import decode_text
from soraq.ingest.errors import ReadError

#: larger pages are not news articles (or are attacks on the parser)
MAX_HTML_CHARS = 10_000_000
#: deeper element nesting than this is refused: real pages stay far below 256
MAX_NESTING = 512
#: article text shorter than this is a stub, an error page or a paywall teaser
MIN_TEXT_CHARS = 40

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


@dataclass(frozen=True)
class Article:
    text: str
    title: str | None
    author: str | None
    date: str | None
    outlet: str | None
    url: str | None
    lang: str | None


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares in its ``<meta>`` (first 4 KB, as browsers do)."""
    found = _META_CHARSET.search(raw[:4096])
    return found.group(1).decode("ascii") if found else None


def _too_deep(html: str) -> bool:
    """A cheap upper bound on nesting: open tags minus close tags seen so far.

    Void elements such as ``<br>`` are not counted; unclosed ``<p>``/``<li>``
    inflate the count, which only makes the guard stricter on pathological pages.
    """
    depth = 0
    for match in re.finditer(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>", html):
        closing, _tag, self_closing = match.groups()
        if closing:
            depth = max(0, depth - 1)
        elif not self_closing and _tag.lower() not in _VOID:
            depth += 1
            if depth > MAX_NESTING * 4:
                return True
    return False


_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr p li td tr option".split()
)


def extract_article(raw: bytes, *, url: str | None = None, charset: str | None = None,
                    lang_hint: str | None = None) -> Article:
    """Article text and metadata from an HTML page, or :class:`ReadError` saying why not."""
    html = decode_text(raw, charset or declared_charset(raw), lang_hint)
    if len(html) > MAX_HTML_CHARS:
        raise ReadError(f"HTML page too large ({len(html):,} characters)")
    if _too_deep(html):
        raise ReadError("HTML nested too deeply to be an article")
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
        )
    except RecursionError:
        raise ReadError("HTML nested too deeply to be an article") from None
    except Exception as exc:  # noqa: BLE001 - a parser failure on hostile input is a bad item, not a crash
        raise ReadError(f"HTML could not be parsed ({type(exc).__name__})") from None
    text = ((getattr(doc, "text", None) or "") if doc is not None else "").strip()
    if len(text) < MIN_TEXT_CHARS:
        raise ReadError("no article text found in the HTML")
    return Article(
        text=text,
        title=getattr(doc, "title", None) or None,
        author=getattr(doc, "author", None) or None,
        date=getattr(doc, "date", None) or None,
        outlet=getattr(doc, "sitename", None) or getattr(doc, "hostname", None) or None,
        url=getattr(doc, "url", None) or url,
        lang=getattr(doc, "language", None) or None,
    )
