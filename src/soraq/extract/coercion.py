"""Coercion methods: how a subject was forced or tricked into the war (lexicon ``[coercion]``)."""

from __future__ import annotations

from soraq.extract.context import DocContext


def find_coercion(ctx: DocContext, sentence_ids: list[int]) -> list[tuple[str, int]]:
    """(method, sentence index) for each method named in the subject's sentences, first mention."""
    out: dict[str, int] = {}
    for k in sentence_ids:
        text = ctx.sentences[k].text
        for method, pattern in ctx.lexicon.patterns("coercion").items():
            if pattern is not None and method not in out and pattern.search(text):
                out[method] = k
    return sorted(out.items(), key=lambda kv: kv[1])
