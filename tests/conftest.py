"""Shared test fixtures: where the shared development material lives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SORAQ_SHARED_DIR", ROOT.parent / "shared"))
SPEC_SCHEMA = SHARED / "spec" / "report.schema.json"
DEV_DIR = SHARED / "data" / "dev"
LINKING_DEV_DIR = SHARED / "data" / "linking-dev"


@pytest.fixture(scope="session")
def spec_schema() -> dict:
    """The shared report schema; tests that need it skip when ../shared is absent."""
    import json

    if not SPEC_SCHEMA.exists():
        pytest.skip(f"shared report schema not found at {SPEC_SCHEMA} (set SORAQ_SHARED_DIR)")
    return json.loads(SPEC_SCHEMA.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    if not DEV_DIR.is_dir():
        pytest.skip(f"development set not found at {DEV_DIR} (set SORAQ_SHARED_DIR)")
    return DEV_DIR
