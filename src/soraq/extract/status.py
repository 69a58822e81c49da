"""A subject's status as of publication, by the spec's precedence.

Evidence is the subject's events plus the status phrases of the lexicon in the
subject's sentences (hedged sentences such as "feared dead" do not count).
Precedence, strongest first: killed; returned (a later return beats capture);
captured; missing (sent to war and contact lost is missing, not at the front);
wounded; at_front; in_unit; detained; else unknown.
"""

from __future__ import annotations

from soraq.extract import scope
from soraq.extract.context import DocContext

PRECEDENCE = ("killed", "returned", "captured", "missing", "wounded", "at_front", "in_unit", "detained")

EVENT_STATUS = {
    "death": "killed", "return": "returned", "captured": "captured", "disappearance": "missing",
    "wounded": "wounded", "deployment": "at_front", "training": "in_unit",
    "detention": "detained",
}


_STATUS_EVENT = {v: k for k, v in EVENT_STATUS.items() if k not in ("contract",)}


def decide(ctx: DocContext, event_types: list[str], sentence_ids: list[int],
           subject: int | None = None) -> tuple[str, int | None]:
    """(status, sentence index of the evidence or None); a status phrase counts only when its
    clause asserts it of the subject (:func:`scope.asserted`)."""
    found: dict[str, int | None] = {}
    for t in event_types:
        if t in EVENT_STATUS:
            found.setdefault(EVENT_STATUS[t], None)
    hedge = ctx.lexicon.pattern("status", "uncertain")
    for k in sentence_ids:
        text = ctx.sentences[k].text
        hedged = hedge is not None and hedge.search(text) is not None
        for status, pattern in ctx.lexicon.patterns("status").items():
            if status == "uncertain" or pattern is None:
                continue
            if hedged and status == "killed":
                continue
            exclusion = ctx.lexicon.pattern("event_exclusions", _STATUS_EVENT.get(status, ""))
            etype = _STATUS_EVENT.get(status, "")
            s0 = ctx.sentences[k].start
            hit = next((m for m in pattern.finditer(text) if (exclusion is None or not any(
                x.start() <= m.end() and x.end() >= m.start() for x in exclusion.finditer(text)))
                and scope.asserted(ctx, k, s0 + m.start(), s0 + m.end(), etype, subject)), None)
            if hit:
                if found.get(status) is None:
                    found[status] = k
    for status in PRECEDENCE:
        if status in found:
            return status, found[status]
    return "unknown", None
