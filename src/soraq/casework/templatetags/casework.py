"""Template hooks for other apps' pages.

On the registry's person page: ``{% load casework %}{% person_cases person %}`` shows the
cases about the person (to users allowed to see cases) and an "open a case" button (to
caseworkers); it renders nothing for anyone else.
"""

from __future__ import annotations

from django import template

from ..models import Case
from ..permissions import can

register = template.Library()


@register.inclusion_tag("casework/_person_cases.html", takes_context=True)
def person_cases(context, person):
    request = context.get("request")
    user = getattr(request, "user", None)
    if person is None or not can(user, "case.view"):
        return {"show": False}
    cases = list(Case.objects.filter(mention__person=person, hidden=False).order_by("-created_at"))
    return {"show": True, "cases": cases, "person": person, "can_open": can(user, "case.edit"),
            "can_split": can(user, "person.split"), "csrf_token": context.get("csrf_token")}
