"""PDF statements and reports: the text layer, page by page.

Only PDFs with a text layer can be read here: a scan is an image and would need
OCR, which Soraq does not do silently (a misread name is worse than none), so it
is refused with a reason saying so. Encrypted PDFs are refused too, even when
the empty user password would open them, because the owner meant to restrict them.
"""

from __future__ import annotations

import io
import re
from typing import Any

from soraq.ingest.errors import ReadError

#: fewer letters than this per page on average means the text layer is missing or junk
MIN_LETTERS_PER_PAGE = 20
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def pdf_text(raw: bytes) -> tuple[str, dict[str, str]]:
    """The text of a PDF (pages separated by blank lines) and its info (title, author)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise ReadError("encrypted PDF: ask the sender for an unprotected copy")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        info: Any = reader.metadata or {}
    except ReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ReadError(f"broken PDF ({type(exc).__name__}: {exc})") from None
    text = "\n\n".join(p for p in pages if p)
    if len(_LETTER.findall(text)) < MIN_LETTERS_PER_PAGE * max(1, len(pages)) / 4 or not text:
        raise ReadError("scanned PDF without a text layer (needs OCR, not done automatically)")
    meta = {
        key: str(info.get(f"/{key.title()}")).strip()
        for key in ("title", "author")
        if info.get(f"/{key.title()}")
    }
    return text, meta
