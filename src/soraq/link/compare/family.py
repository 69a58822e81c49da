"""Relatives named alongside the person: the same mother or wife is strong evidence."""

from __future__ import annotations

from soraq.link.compare.base import Outcome
from soraq.link.compare.prepare import Prepared
from soraq.names.compare import PHONETIC, compare_words

#: relations a person has only one of: a different name here is a contradiction
UNIQUE = ("mother", "father", "wife", "husband")


def relatives(a: Prepared, b: Prepared) -> Outcome | None:
    """The same mother, father or spouse is strong evidence (stronger named in full); a different one tells two people apart."""
    if not a.relatives or not b.relatives:
        return None
    agree: list[str] = []
    full = False
    clash: list[str] = []
    loose = False
    for ra, wa in a.relatives:
        for rb, wb in b.relatives:
            ag = compare_words(wa, wb)
            same_name = ag.matched >= 1 and ag.matched == ag.shorter and ag.weakest >= PHONETIC
            if ra == rb and ra in UNIQUE:
                if same_name:
                    agree.append(f"{ra} {' '.join(wa)!r} ~ {' '.join(wb)!r}")
                    full = full or ag.matched >= 2
                elif ag.matched == 0:
                    clash.append(f"{ra} {' '.join(wa)!r} vs {' '.join(wb)!r}")
            elif same_name and ag.shorter >= 1:
                loose = True
    if agree and not clash:
        return Outcome("same" if full else "same_given", "same relative named: " + "; ".join(agree))
    if clash and not agree:
        return Outcome("different", "different relative in the same role: " + "; ".join(clash))
    if loose:
        return Outcome("related", "a relative's name recurs (other role)")
    return None
