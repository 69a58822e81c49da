"""The heavy language models, each loaded once and only when first needed.

Keeping them here (and nowhere else) means importing :mod:`soraq.extract`
stays cheap, so ``soraq --help`` and the lexical pre-filter start instantly.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _natasha() -> tuple[Any, Any]:
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


def natasha_ner(text: str) -> Any:
    """A natasha ``Doc`` with tokens and NER spans (PER, LOC, ORG) for a Russian text."""
    from natasha import Doc

    segmenter, tagger = _natasha()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    return doc
