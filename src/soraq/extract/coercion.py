"""Coercion methods: how a subject was forced or tricked into the war (lexicon ``[coercion]``)."""

from __future__ import annotations

from soraq.extract.context import DocContext


def find_coercion(ctx: DocContext, sentence_ids: list[int]) -> list[tuple[str, int]]:
    """(method, sentence index) for each method named in the subject's sentences, first mention."""
    out: dict[str, int] = {}
    wanted = set(sentence_ids)
    for method, found in ctx.hits("coercion").by_key.items():
        ks = sorted(k for (k, _, _) in found if k in wanted)
        if ks:
            out[method] = ks[0]
    return sorted(out.items(), key=lambda kv: kv[1])
