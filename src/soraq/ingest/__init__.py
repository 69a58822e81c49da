"""Taking documents in: files, URLs, feeds and lists become :class:`SourceDocument`.

The rest of Soraq (extraction, the registry) reads documents only through
:func:`iter_documents`, so a new kind of source is added here and nowhere else.
"""

from soraq.ingest.documents import IngestError, SourceDocument, iter_documents

__all__ = ["IngestError", "SourceDocument", "iter_documents"]
