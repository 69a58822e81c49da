"""The heavy language models, each loaded once and only when first needed.

Keeping them here (and nowhere else) means importing :mod:`soraq.extract`
stays cheap, so ``soraq --help`` and the lexical pre-filter start instantly.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _embedding() -> Any:
    from natasha import NewsEmbedding

    return NewsEmbedding()


@cache
def _natasha() -> tuple[Any, Any]:
    from natasha import NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(_embedding())


@cache
def _natasha_morph() -> tuple[Any, Any]:
    from natasha import MorphVocab, NewsMorphTagger

    return NewsMorphTagger(_embedding()), MorphVocab()


def normalize_person_spans(doc: Any) -> None:
    """Bring natasha's PER spans to the nominative (``span.normal``), reading the context.

    Only the sentences holding a person's name are morph-tagged: that is where
    the case of "Нурлана Абдыкеримова" is decided, and it keeps the cost low.
    """
    from natasha.doc import inject_morph, sent_words

    import re

    def oblique(span: Any) -> bool:  # a word that may be in a case other than the nominative
        return any(re.search(r"[ауеюяыиой]$|ом$|ым$|ем$", t.text.lower()) for t in span.tokens)

    tagger, vocab = _natasha_morph()
    sents = [s for s in doc.sents if any(sp.type == "PER" and oblique(sp) for sp in s.spans)]
    if not sents:
        return
    markups = tagger.map([sent_words(s) for s in sents])
    for sent, markup in zip(sents, markups):
        inject_morph(sent.tokens, markup.tokens)
    tagged = {id(s) for s in sents}
    for sent in doc.sents:
        for span in sent.spans:
            if span.type == "PER" and id(sent) in tagged:
                span.normalize(vocab)


def natasha_ner(text: str) -> Any:
    """A natasha ``Doc`` with tokens and NER spans (PER, LOC, ORG) for a Russian text."""
    from natasha import Doc

    segmenter, tagger = _natasha()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    return doc
