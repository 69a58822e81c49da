"""Attribute every change made while serving a request to the logged-in user in the audit log.

Add ``"soraq.casework.middleware.AuditActorMiddleware"`` to ``MIDDLEWARE`` after
``AuthenticationMiddleware``. Without it, changes made by other apps' views are
logged as ``system`` (case-work views set the actor themselves).
"""

from __future__ import annotations

from . import audit


class AuditActorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        with audit.acting_as(user if user is not None else audit.ANONYMOUS):
            return self.get_response(request)
