"""Taking documents in: files, URLs, feeds and lists become :class:`SourceDocument`.

The rest of Soraq (extraction, the registry) reads documents only through
:func:`iter_documents`, so a new kind of source is added here and nowhere else.

Modules, one job each: ``documents`` (the dispatcher), ``encoding``, ``html``,
``pdf``, ``docx``, ``tables`` (CSV/XLSX lists, :func:`row_to_report`),
``fetch`` (HTTP), ``feeds`` (``soraq watch``), ``dedupe`` (near-duplicates),
``progress`` (bars and summaries), ``spark`` (archives at scale).
"""

from soraq.ingest.documents import IngestError, SourceDocument, iter_documents
from soraq.ingest.tables import LIST_ROW, parse_column_map, row_to_report

__all__ = ["LIST_ROW", "IngestError", "SourceDocument", "iter_documents", "parse_column_map", "row_to_report"]
