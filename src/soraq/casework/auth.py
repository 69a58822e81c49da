"""Loading the logged-in user together with their roles: one query per request instead of two.

Why: every page checks the role matrix (:func:`soraq.casework.permissions.roles_of`), which
otherwise asks the database for the user's groups after the session's user was loaded. On
PostgreSQL each query is a network round trip; this backend loads the user and the names of the role
groups they are in with one statement (a left join on the group tables: portable to SQLite). Roles are read
afresh on every request, so a change of groups takes effect at the next page, as before.
"""

from __future__ import annotations

import functools
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db import connections, router

from .permissions import ROLES, remember_roles


@functools.cache
def _user_with_roles_sql(alias: str) -> tuple[str, tuple[str, ...], tuple[tuple[int, Any, list], ...]]:
    """SQL reading one user's row and, one row per role group they are in, its name.

    Written once from the models' metadata: the ORM's query compiler costs more CPU than the query
    itself takes on the database (a join of two small indexed tables).
    """
    user_model = get_user_model()
    through = user_model.groups.through
    group_model = through._meta.get_field("group").related_model
    connection = connections[alias]
    quote = connection.ops.quote_name
    fields = user_model._meta.concrete_fields
    columns = ", ".join(f"u.{quote(f.column)}" for f in fields)
    roles = ", ".join(["%s"] * len(ROLES))
    sql = (
        f"SELECT {columns}, g.{quote('name')} FROM {quote(user_model._meta.db_table)} u "  # noqa: S608
        f"LEFT JOIN {quote(through._meta.db_table)} ug ON ug.{quote(through._meta.get_field('user').column)} = "
        f"u.{quote(user_model._meta.pk.column)} "
        f"LEFT JOIN {quote(group_model._meta.db_table)} g ON g.{quote(group_model._meta.pk.column)} = "
        f"ug.{quote(through._meta.get_field('group').column)} AND g.{quote('name')} IN ({roles}) "
        f"WHERE u.{quote(user_model._meta.pk.column)} = %s"
    )
    # what the ORM would apply to each value read (e.g. SQLite's text timestamps -> datetime)
    converters = []
    for i, field in enumerate(fields):
        col = field.get_col(user_model._meta.db_table)
        found = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
        if found:
            converters.append((i, col, found))
    return sql, tuple(f.attname for f in fields), tuple(converters)


class RoleLoadingBackend(ModelBackend):
    """Django's model backend; :meth:`get_user` also loads the user's roles (see the module)."""

    def get_user(self, user_id):
        user_model = get_user_model()
        try:
            user_id = user_model._meta.pk.to_python(user_id)
        except Exception:  # noqa: BLE001 - a session holding a malformed id is no user
            return None
        alias = router.db_for_read(user_model)
        connection = connections[alias]
        sql, attnames, converters = _user_with_roles_sql(alias)
        with connection.cursor() as cursor:
            cursor.execute(sql, [*ROLES, user_id])
            rows = cursor.fetchall()
        if not rows:
            return None
        width = len(attnames)
        values = list(rows[0][:width])
        for i, column, found in converters:
            for convert in found:
                values[i] = convert(values[i], column, connection)
        user = user_model.from_db(alias, attnames, values)
        if not self.user_can_authenticate(user):
            return None
        remember_roles(user, {row[width] for row in rows if row[width]})
        return user
