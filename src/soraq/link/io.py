"""Reading mentions from a JSON-lines file of reports (the spec's shape)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from soraq.link.mention import Mention, mentions_from_report


def read_mentions(path: str | Path, errors: TextIO | None | bool = True) -> Iterator[Mention]:
    """Mentions of every report in a JSONL file; a bad line is reported (with its number) and skipped.

    ``errors``: where to report bad lines (True: standard error, None/False: nowhere).
    """
    if errors is True:
        errors = sys.stderr
    from pydantic import ValidationError

    from soraq.report import Report

    opener = sys.stdin if str(path) == "-" else open(path, encoding="utf-8")
    with opener as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                report = Report.model_validate(json.loads(line))
            except (json.JSONDecodeError, ValidationError, TypeError) as exc:
                if errors:
                    first = str(exc).splitlines()[0][:200]
                    print(f"{path}:{n}: skipped, not a valid report: {first}", file=errors)
                continue
            yield from mentions_from_report(report)
