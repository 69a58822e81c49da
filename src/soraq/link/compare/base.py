"""What a comparison feature returns: a level of agreement and the reason in words."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    """One comparison's verdict on a pair: ``level`` names a level of the model."""

    level: str
    text: str
