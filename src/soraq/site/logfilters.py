"""Logging filters that keep personal data out of the logs.

A search for a person puts the name in the query string (``/persons/?q=...``),
and the web server logs every request line: the filter below cuts query strings
out of log messages and arguments before any handler sees them.
"""

from __future__ import annotations

import logging
import re

_QUERY = re.compile(r"\?[^\s\"']*")


def redact(text: str) -> str:
    """The text with every URL query string replaced by ``?…``."""
    return _QUERY.sub("?…", text)


class RedactQueryStrings(logging.Filter):
    """Drop the query string from every URL in a log record (the record is kept)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: redact(v) if isinstance(v, str) else v for k, v in record.args.items()}
        # The request object travels in record.request: handlers here never format it.
        return True
