"""Why an item could not be taken in.

Readers raise :class:`ReadError` with a reason a newcomer understands
("encrypted PDF", "scanned PDF without a text layer"); the dispatcher turns it
into an :class:`~soraq.ingest.documents.IngestError` for that item alone, so
one bad file never stops a batch.
"""

from __future__ import annotations


class ReadError(ValueError):
    """One item (file, page, row) cannot be read; the message says why."""
