"""``soraq extract``: documents in, one report JSON per line out."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

HELP = "extract reports (who, what happened, when) from documents as JSON lines"
DESCRIPTION = """\
Read news reports or statements and write one report per document as a line of
JSON (the shape of shared/spec/report-format.md): whether the document is
relevant, the people it is about, their birth year, citizenship, home, what
happened to them and when, relatives, and aggregate figures.

Input: .txt files (the file name without .txt is the document id), .html pages
(the article text is taken out), or .jsonl files with one document per line:
  {"doc_id": "...", "text": "...", "published": "2026-01-26", "url": "..."}
Folders are read recursively. Languages: Azerbaijani, Russian, English
(detected per document).

A document that cannot be read is reported on stderr with the reason and the
batch goes on. The exit code is non-zero only when nothing could be read.

Examples:
  soraq extract report.txt                    one report on stdout
  soraq extract articles/ -o reports.jsonl    every file in a folder, into a file
  soraq extract feed.jsonl | jq .persons      documents given as JSON lines
"""

PROGRESS_THRESHOLD = 20  # show a progress bar from this many documents on


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help=".txt, .html or .jsonl files, or folders holding them")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write the reports to FILE instead of standard output")
    parser.add_argument("--lang", choices=("az", "ru", "en"),
                        help="the language of every document (default: detected per document)")
    parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")


def _progress(total: int | None, enabled: bool):  # type: ignore[no-untyped-def]
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr, leave=False)


def _count_documents(paths: list[str]) -> int:
    """A quick count for the progress bar: files, plus lines of JSONL files."""
    from pathlib import Path

    total = 0
    for raw in paths:
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            suffix = f.suffix.lower()
            if suffix == ".jsonl":
                try:
                    with f.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    pass
            elif suffix in (".txt", ".html", ".htm"):
                total += 1
    return total


def run(args: argparse.Namespace) -> int:
    from soraq.extract import extract_document
    from soraq.ingest import IngestError, iter_documents

    out: TextIO
    if args.output:
        try:
            out = open(args.output, "w", encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            print(f"cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return 2
    else:
        out = sys.stdout
    bar = None
    if not args.no_progress and sys.stderr.isatty():
        total = _count_documents(args.paths)
        bar = _progress(total, total >= PROGRESS_THRESHOLD)
    done = failed = 0
    try:
        for item in iter_documents(args.paths):
            if isinstance(item, IngestError):
                failed += 1
                print(f"skipped {item.origin}: {item.reason}", file=sys.stderr)
            else:
                if args.lang and not item.lang:
                    from dataclasses import replace

                    item = replace(item, lang=args.lang)
                try:
                    report = extract_document(item)
                except Exception as exc:  # one bad document must not stop the batch
                    failed += 1
                    print(f"skipped {item.origin or item.doc_id}: extraction failed "
                          f"({type(exc).__name__}: {exc})", file=sys.stderr)
                else:
                    out.write(report.to_json() + "\n")
                    done += 1
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()
    if failed:
        print(f"{done} document(s) extracted, {failed} skipped", file=sys.stderr)
    return 0 if done else 1
