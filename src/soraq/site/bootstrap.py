"""Starting Django from a ``soraq`` command: settings, set-up, pending migrations.

Commands that touch the registry (ingest, serve, demo-account) call
:func:`setup` and then :func:`migrate`, so a fresh checkout needs no separate
``manage.py migrate`` step.
"""

from __future__ import annotations

import os
from typing import TextIO


def setup() -> None:
    """Configure Django with Soraq's settings (unless another settings module is chosen)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soraq.site.settings")
    import django

    django.setup()


def pending_migrations(database: str = "default") -> list[str]:
    """The migrations not yet applied to the database, as ``app.name``."""
    from django.db import connections
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[database])
    targets = executor.loader.graph.leaf_nodes()
    return [f"{m.app_label}.{m.name}" for m, _backwards in executor.migration_plan(targets)]


def migrate(out: TextIO | None = None, database: str = "default") -> int:
    """Apply pending migrations; say how many on ``out``; return how many were applied."""
    from django.core.management import call_command

    pending = pending_migrations(database)
    if pending:
        if out is not None:
            print(f"database: applying {len(pending)} pending migration(s)", file=out)
        call_command("migrate", database=database, interactive=False, verbosity=0)
    return len(pending)
