"""Property-based run of the API against its own OpenAPI document (schemathesis, in-process).

Every operation is called with generated valid and invalid inputs as an admin
(who may do everything, so the requests reach the handlers); no input may
cause a server error, and every response must match the documented schema.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import response_schema_conformance  # noqa: E402


@pytest.fixture
def admin_token(db, django_user_model):
    from django.contrib.auth.models import Group

    from soraq.sharing.models import ApiToken

    user = django_user_model.objects.create_user(username="fuzz-admin")
    user.groups.add(Group.objects.get_or_create(name="admin")[0])
    return ApiToken.issue(user, "fuzz")[1]


@pytest.fixture
def keep_test_connection():
    """As Django's test client does: no closing of the (transactional) test connection per request."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.slow
def test_api_has_no_server_errors(admin_token, registry, keep_test_connection):
    from django.core.wsgi import get_wsgi_application
    from hypothesis import given

    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    headers = {"Authorization": f"Bearer {admin_token}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8

    for operation in operations:

        @given(operation.as_strategy())
        @settings(max_examples=12, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def run(case):
            response = case.call(headers=headers)
            case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])

        run()
