"""Linking: which mentions in which reports are the same person.

API: :class:`Mention`, :func:`mention_from_person`, :func:`score_pair`, :func:`match`,
:func:`link_mentions`, :class:`LinkResult`, :class:`PairScore`, :class:`Reason`,
:class:`HumanDecision`. The model (Fellegi-Sunter, as data) is in :mod:`soraq.link.model`;
see docs/linking.md.
"""

from soraq.link.api import ENGINES, link_mentions, match
from soraq.link.mention import Mention, mention_from_person, mentions_from_report
from soraq.link.results import HumanDecision, LinkResult, PairScore, Reason
from soraq.link.score import score_pair

__all__ = [
    "ENGINES",
    "HumanDecision",
    "LinkResult",
    "Mention",
    "PairScore",
    "Reason",
    "link_mentions",
    "match",
    "mention_from_person",
    "mentions_from_report",
    "score_pair",
]
