"""What a comparison feature returns: a level of agreement and the reason in words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Outcome:
    """One comparison's verdict on a pair: ``level`` names a level of the model.

    The reason text is formatted only when asked for (``text``): batch linking scores
    millions of pairs and reads the reasons of a few.
    """

    level: str
    template: str = ""
    args: tuple[Any, ...] = ()

    @property
    def text(self) -> str:
        return self.template.format(*self.args) if self.args else self.template
