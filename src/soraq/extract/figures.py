"""Aggregate figures a report states ("20 Azerbaijani citizens", "более 200 кенийцев")."""

from __future__ import annotations

from soraq.extract.context import DocContext
from soraq.report import Figure


def find_figures(ctx: DocContext) -> list[Figure]:
    return []
