"""The site's main navigation, contributed by each installed app.

An app adds entries to the menu of every page by giving its ``AppConfig`` a
method ``nav_items(request) -> list[NavItem]`` (checking the user's rights
there), so the shared base template needs no knowledge of the apps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.http import HttpRequest


@dataclass(frozen=True)
class NavItem:
    """One menu entry: its label, where it goes, and the URL names under which it is the current page."""

    label: Any
    url: str
    current_for: tuple[str, ...] = ()

    def is_current(self, request: HttpRequest) -> bool:
        match = getattr(request, "resolver_match", None)
        if match is None:
            return False
        return match.view_name in self.current_for


def nav_items(request: HttpRequest) -> list[tuple[NavItem, bool]]:
    """Every installed app's entries for this request, in INSTALLED_APPS order, with "current" flags."""
    items: list[tuple[NavItem, bool]] = []
    for config in apps.get_app_configs():
        provider = getattr(config, "nav_items", None)
        if provider is None:
            continue
        for item in provider(request) or ():
            items.append((item, item.is_current(request)))
    return items


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Context processor: ``site_nav`` for the base template (empty for anonymous visitors)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"site_nav": []}
    return {"site_nav": nav_items(request)}
