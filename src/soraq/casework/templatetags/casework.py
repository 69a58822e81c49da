"""Template hooks for other apps' pages.

On the registry's person page: ``{% load casework %}{% person_cases person %}`` shows the
cases about the person (to users allowed to see cases) and an "open a case" button (to
caseworkers); it renders nothing for anyone else.
"""

from __future__ import annotations

from django import template

from soraq.registry import dataversion

from ..models import Case
from ..permissions import can

register = template.Library()


@register.inclusion_tag("casework/_person_cases.html", takes_context=True)
def person_cases(context, person):
    request = context.get("request")
    user = getattr(request, "user", None)
    if person is None or not can(user, "case.view"):
        return {"show": False}
    cases = dataversion.cached(f"casework.person_cases.{person.pk}", lambda: _cases_about(person.pk))
    return {"show": True, "cases": cases, "person": person, "can_open": can(user, "case.edit"),
            "can_split": can(user, "person.split"), "csrf_token": context.get("csrf_token")}


def _cases_about(person_pk: int) -> list[Case]:
    """The visible cases about a person, newest first: what the list shows, no confidential field.

    The same for every role that may see cases, so kept per data version (no query when kept).
    """
    return list(Case.objects.filter(mention__person_id=person_pk, hidden=False)
                .only("pk", "reference", "status", "has_new_reports", "created_at").order_by("-created_at"))
