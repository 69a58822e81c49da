"""Word documents (families' statements, NGO case notes): paragraphs and tables."""

from __future__ import annotations

import io
import zipfile

from soraq.ingest.errors import ReadError


def docx_text(raw: bytes) -> tuple[str, dict[str, str]]:
    """The text of a .docx (paragraphs, then table rows as tab-separated lines) and its title/author."""
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReadError(f"not a readable .docx file ({type(exc).__name__})") from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells]
            # merged cells repeat their text once per grid column: keep it once
            lines.append("\t".join(dict.fromkeys(c for c in cells if c)))
    text = "\n".join(line for line in lines if line.strip()).strip()
    if not text:
        raise ReadError("the .docx file has no text")
    props = document.core_properties
    meta = {k: v for k, v in (("title", props.title), ("author", props.author)) if v}
    return text, meta
