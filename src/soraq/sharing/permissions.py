"""Who may use each exit of the registry: UI pages, API, exports, statistics.

Roles and their holders come from case work's matrix
(:mod:`soraq.casework.permissions`): the same groups, the same ``roles_of``.
Sharing adds its own actions below, in one table, so that the UI, the API and
the ``export`` command all ask :func:`can` the same question. Reading persons
and documents maps onto case work's ``case.list``/``case.view`` so that a role
that cannot list cases in the UI cannot list them through the API either.

The public dataset and public statistics are open to anonymous visitors only
when the deployment says so (``SORAQ_PUBLISH_PUBLIC = True``): by default
nothing is published.
"""

from __future__ import annotations

from django.conf import settings

from soraq.casework import permissions as casework

#: sharing action -> casework action it is the same as (checked through casework's matrix)
SAME_AS_CASEWORK: dict[str, str] = {
    "persons.read": "case.list",
    "documents.read": "case.view",
    "match.run": "case.list",
}

#: sharing actions of their own: action -> (label, roles allowed)
SHARING_ACTIONS: dict[str, tuple[str, frozenset[str]]] = {
    "reports.submit": ("Submit extraction reports through the API",
                       frozenset({"caseworker", "reviewer", "admin"})),
    "persons.import": ("Import lists of persons (CSV, XLSX, PFIF)",
                       frozenset({"caseworker", "admin"})),
    "export.full": ("Export the full registry (names, relatives, sources)", frozenset({"admin"})),
    "export.public": ("Download the public dataset (disclosure-controlled)",
                      frozenset({"viewer", "caseworker", "reviewer", "admin"})),
    "statistics.public": ("See public statistics (small cells suppressed)",
                          frozenset({"viewer", "caseworker", "reviewer", "admin"})),
    "statistics.full": ("See exact statistics without suppression",
                        frozenset({"caseworker", "reviewer", "admin"})),
    "token.create": ("Create API tokens for oneself",
                     frozenset({"viewer", "caseworker", "reviewer", "admin"})),
}
#: actions anyone may take when the deployment publishes its public dataset
PUBLIC_WHEN_PUBLISHING = frozenset({"export.public", "statistics.public"})

ACTIONS: tuple[str, ...] = tuple(SAME_AS_CASEWORK) + tuple(SHARING_ACTIONS)


def publishes_public_dataset() -> bool:
    return bool(getattr(settings, "SORAQ_PUBLISH_PUBLIC", False))


def can(user, action: str) -> bool:
    """May ``user`` (possibly anonymous) take this sharing action?"""
    if action in SAME_AS_CASEWORK:
        return casework.can(user, SAME_AS_CASEWORK[action])
    if action not in SHARING_ACTIONS:
        raise KeyError(f"unknown sharing action {action!r}")
    if action in PUBLIC_WHEN_PUBLISHING and publishes_public_dataset():
        return True
    _, roles = SHARING_ACTIONS[action]
    return bool(casework.roles_of(user) & roles)


def matrix() -> dict[str, dict[str, bool]]:
    """role -> action -> allowed, for documentation and the tests (anonymous included)."""
    table: dict[str, dict[str, bool]] = {}
    for role in ("anonymous", *casework.ROLES):
        row = {}
        for action in ACTIONS:
            if action in SAME_AS_CASEWORK:
                allowed_set = (casework.ANONYMOUS_ACTIONS if role == "anonymous"
                               else casework.PERMISSION_MATRIX[role])
                row[action] = SAME_AS_CASEWORK[action] in allowed_set
            else:
                row[action] = role in SHARING_ACTIONS[action][1]
        table[role] = row
    return table
