"""REST endpoints that bring lists of persons into the registry (CSV/XLSX with a column map, PFIF).

Mounted on the main API under ``/api/imports`` (see the end of ``soraq.sharing.api``).
"""

from __future__ import annotations

from ninja import Router

router = Router(tags=["imports"])
