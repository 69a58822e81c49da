"""Extraction: a document's text becomes a :class:`~soraq.report.Report`.

Public API::

    extract_text(text, doc_id, published=None, lang=None, url=None) -> Report
    extract_document(doc: SourceDocument) -> Report
    is_relevant_fast(text) -> bool      # cheap lexical pre-filter

Heavy models (natasha, pymorphy3, lingua, dateparser) load lazily on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from soraq.extract.pipeline import extract_document, extract_text
    from soraq.extract.relevance import is_relevant_fast

__all__ = ["extract_document", "extract_text", "is_relevant_fast"]


def __getattr__(name: str) -> Any:
    if name in ("extract_text", "extract_document"):
        from soraq.extract import pipeline

        return getattr(pipeline, name)
    if name == "is_relevant_fast":
        from soraq.extract.relevance import is_relevant_fast

        return is_relevant_fast
    raise AttributeError(name)
