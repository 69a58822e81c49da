"""Links that installed apps contribute to shared pages, so those pages know no app.

* ``AppConfig.nav_items(request) -> list[NavItem]``: entries of the main menu on every page;
* ``AppConfig.person_actions(request, person) -> list[NavItem]``: actions offered on a
  person's page (e.g. opening a case file for them);
* ``AppConfig.registry_access(request) -> bool``: False when this user must not read the
  registry's pages (case work says so for family accounts); any app's False wins.

Each app checks the user's rights itself and returns nothing when they lack them.
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


def contributions(hook: str, request: HttpRequest, *args: Any) -> list[NavItem]:
    """What every installed app's ``hook`` method returns, in INSTALLED_APPS order."""
    items: list[NavItem] = []
    for config in apps.get_app_configs():
        provider = getattr(config, hook, None)
        if provider is not None:
            items.extend(provider(request, *args) or ())
    return items


def nav_items(request: HttpRequest) -> list[tuple[NavItem, bool]]:
    """Every installed app's menu entries for this request, with "current" flags."""
    return [(item, item.is_current(request)) for item in contributions("nav_items", request)]


def person_actions(request: HttpRequest, person: Any) -> list[NavItem]:
    """Every installed app's actions for one person's page."""
    return contributions("person_actions", request, person)


def may_read_registry(request: HttpRequest) -> bool:
    """May this (logged-in) user read the registry's pages? No, when any installed app says no."""
    for config in apps.get_app_configs():
        check = getattr(config, "registry_access", None)
        if check is not None and check(request) is False:
            return False
    return True


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Context processor: ``site_nav`` for the base template (empty for anonymous visitors)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"site_nav": []}
    return {"site_nav": nav_items(request)}
