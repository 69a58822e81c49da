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
    hedged = ctx.hits("status").sentences("uncertain")
    wanted = set(sentence_ids)
    # status phrases are matched once per document (shared by all its subjects), then filtered
    for status, matches in ctx.hits("status").by_key.items():
        if status == "uncertain":
            continue
        etype = _STATUS_EVENT.get(status, "")
        exclusion = ctx.lexicon.pattern("event_exclusions", etype)
        for k, start, end in matches:
            if k not in wanted or (status == "killed" and k in hedged):
                continue
            s = ctx.sentences[k]
            if exclusion is not None and any(s.start + x.start() <= end and s.start + x.end() >= start
                                             for x in exclusion.finditer(s.text)):
                continue
            if scope.asserted(ctx, k, start, end, etype, subject):
                if found.get(status) is None:
                    found[status] = k
                break
    for status in PRECEDENCE:
        if status in found:
            return status, found[status]
    return "unknown", None
