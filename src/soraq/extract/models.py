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


MORPH_WINDOW = 6  # tokens either side of a name given to the morph tagger


def normalize_person_spans(doc: Any) -> None:
    """Bring natasha's PER spans to the nominative (``span.normal``), reading the context.

    Only the sentences holding a person's name are morph-tagged: that is where
    the case of "Нурлана Абдыкеримова" is decided, and it keeps the cost low.
    """
    from natasha.doc import inject_morph

    import re

    def oblique(span: Any) -> bool:  # a word that may be in a case other than the nominative
        return any(re.search(r"[ауеюяыиой]$|ом$|ым$|ем$", t.text.lower()) for t in span.tokens)

    tagger, vocab = _natasha_morph()
    sents = [s for s in doc.sents if any(sp.type == "PER" and oblique(sp) for sp in s.spans)]
    if not sents:
        return
    # only a window of tokens around each name is tagged: the case of a name is decided by its
    # neighbours (a preposition, a verb, an agreeing word), and the tagger's cost grows with tokens
    windows: list[list] = []  # type: ignore[type-arg]
    for sent in sents:
        index = {id(t): i for i, t in enumerate(sent.tokens)}
        ranges: list[list[int]] = []
        for sp in sent.spans:
            if sp.type != "PER" or not sp.tokens:
                continue
            a = max(0, index[id(sp.tokens[0])] - MORPH_WINDOW)
            b = min(len(sent.tokens), index[id(sp.tokens[-1])] + 1 + MORPH_WINDOW)
            if ranges and a <= ranges[-1][1]:
                ranges[-1][1] = max(ranges[-1][1], b)
            else:
                ranges.append([a, b])
        windows += [sent.tokens[a:b] for a, b in ranges]
    markups = tagger.map([[t.text for t in w] for w in windows])
    for tokens, markup in zip(windows, markups):
        inject_morph(tokens, markup.tokens)
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
