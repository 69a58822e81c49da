"""Roles and what each may do, as data: one matrix that every view checks.

Why data and not scattered decorators: who may see a family's contacts is a
policy the organisation must be able to read in one place, review, and test.
The data migration creates one Django group per role and gives it the Django
permissions named after the same actions, so the admin shows the same policy.

Roles: ``family`` (may file a tracing request without any account; with an
account, may follow only their own case), ``viewer`` (reads case files
without confidential parts), ``caseworker`` (works cases: contacts, notes,
evidence, hiding false requests, recording the family's consent to publish), ``reviewer`` (decides machine suggestions,
merges and splits persons), ``admin`` (everything, plus the audit log).
"""

from __future__ import annotations

from collections.abc import Iterable

ROLES: tuple[str, ...] = ("family", "viewer", "caseworker", "reviewer", "admin")

#: every action a view may check, with the label shown in the admin
ACTIONS: dict[str, str] = {
    "intake.submit": "File a tracing request",
    "case.view_own": "See the status of one's own tracing request",
    "case.list": "List and search cases",
    "case.view": "Open a case file (without confidential parts)",
    "case.edit": "Change a case's status, region and follow-up settings",
    "case.follow": "Follow a case and receive its alerts",
    "case.hide": "Mark a tracing request as false or malicious (hidden, never deleted)",
    "case.consent": "Record or withdraw a family's consent to publish the person's name and photo",
    "contact.view": "See a family's contacts (confidential, audited)",
    "testimony.view": "Read a family's testimony and the missing person's phone and photo (confidential, audited)",
    "note.add": "Add notes to a case",
    "note.view": "Read a case's notes (confidential, audited)",
    "evidence.add": "Attach evidence files to a case",
    "evidence.view": "Open evidence files (confidential, audited)",
    "alert.view": "See alerts about followed cases",
    "review.view": "See the review queue",
    "review.decide": "Accept, reject or correct machine suggestions",
    "person.merge": "Merge two persons",
    "person.split": "Split mentions off a person",
    "audit.view": "Read the audit log",
}

_VIEWER = {"case.list", "case.view"}
_CASEWORKER = _VIEWER | {
    "case.edit", "case.follow", "case.hide", "case.consent", "contact.view", "testimony.view", "note.add",
    "note.view", "evidence.add", "evidence.view", "alert.view",
}
_REVIEWER = _VIEWER | {"review.view", "review.decide", "person.merge", "person.split", "alert.view",
                       "case.follow"}

#: role -> allowed actions. Anonymous visitors get ANONYMOUS_ACTIONS only.
PERMISSION_MATRIX: dict[str, frozenset[str]] = {
    "family": frozenset({"intake.submit", "case.view_own"}),
    "viewer": frozenset(_VIEWER | {"intake.submit"}),
    "caseworker": frozenset(_CASEWORKER | {"intake.submit"}),
    "reviewer": frozenset(_REVIEWER | {"intake.submit"}),
    "admin": frozenset(ACTIONS),
}
ANONYMOUS_ACTIONS: frozenset[str] = frozenset({"intake.submit"})


def codename(action: str) -> str:
    """The Django permission codename of an action: ``contact.view`` -> ``action_contact_view``."""
    return "action_" + action.replace(".", "_")


def roles_of(user) -> set[str]:
    """The roles a user holds (superusers hold ``admin``)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    cached = getattr(user, "_soraq_roles", None)
    if cached is None:
        cached = remember_roles(user, set(user.groups.filter(name__in=ROLES).values_list("name", flat=True)))
    return cached


def remember_roles(user, groups: set[str]) -> set[str]:
    """Keep the roles of ``user`` (the role groups it is in; superusers also hold ``admin``)."""
    roles = set(groups) & set(ROLES)
    if user.is_superuser:
        roles.add("admin")
    user._soraq_roles = roles
    return roles


def allowed_actions(user) -> frozenset[str]:
    """Everything the matrix lets this user do."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ANONYMOUS_ACTIONS
    actions: set[str] = set()
    for role in roles_of(user):
        actions |= PERMISSION_MATRIX[role]
    return frozenset(actions)


def can(user, action: str) -> bool:
    """May ``user`` perform ``action``? Unknown actions are a programming error."""
    if action not in ACTIONS:
        raise KeyError(f"unknown action {action!r}: add it to ACTIONS and the matrix")
    return action in allowed_actions(user)


def sync_role_groups(group_model, permission_model, content_type) -> None:
    """Create the role groups and give each exactly the permissions of its actions."""
    perms = {}
    for action, label in ACTIONS.items():
        perm, _ = permission_model.objects.get_or_create(
            codename=codename(action), content_type=content_type, defaults={"name": label[:255]}
        )
        perms[action] = perm
    for role in ROLES:
        group, _ = group_model.objects.get_or_create(name=role)
        group.permissions.set([perms[a] for a in sorted(PERMISSION_MATRIX[role])])


def check_matrix(roles: Iterable[str] = ROLES) -> None:
    """Every role names only known actions (run by the tests and at start-up)."""
    for role in roles:
        unknown = PERMISSION_MATRIX[role] - set(ACTIONS)
        if unknown:
            raise ValueError(f"role {role} names unknown actions {sorted(unknown)}")


def ensure_groups(**_kwargs) -> None:
    """Bring the role groups in line with the matrix (run after every migrate and flush)."""
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    content_type, _ = ContentType.objects.get_or_create(app_label="casework", model="auditentry")
    sync_role_groups(Group, Permission, content_type)
