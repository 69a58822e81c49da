"""``soraq ingest``: documents into the registry - stored, extracted, linked to persons."""

from __future__ import annotations

import argparse
import sys

HELP = "store documents in the registry, extract their reports and link the people in them"
DESCRIPTION = """\
Take documents into the registry: each document is stored (with its original
bytes and their SHA-256), its report is extracted, and every person it is about
is linked to a person already in the registry - or becomes a new person. Links
the matcher is unsure of go to the review queue; a person's ruling on a pair of
reports is never overridden.

Ingesting is idempotent: a document whose text is already stored is reported
"unchanged" and nothing changes, so a folder can be ingested again after new
files were added. A document that cannot be read or extracted is reported with
its reason and skipped; the others go on. Pending database migrations are
applied first.

Input: files (.txt, .md, .html, .pdf, .docx; .jsonl with one document per line:
{"doc_id": "...", "text": "...", "published": "2026-01-26"}; .csv/.xlsx lists),
folders (read recursively) and http(s) addresses of articles. The database is
$DATABASE_URL, by default SQLite in $SORAQ_VAR_DIR (./var).

Exit status: 0 when every item was stored or already there, 3 when some failed
(the rest were stored), 1 when none could be stored.

Examples:
  soraq ingest examples/                 a folder, recursively
  soraq ingest new-reports.jsonl         documents as JSON lines
  soraq ingest https://example.org/news/article-1
  soraq ingest --dry-run articles/       what would happen, changing nothing
  soraq ingest --no-link articles/       store and extract only
  soraq ingest --relink                  re-cluster every stored mention
  soraq ingest --map name=ФИО,birth_year=Год,status=Статус list.xlsx
                                         a published list: one report per row
  soraq ingest --engine spark --out var/archive news-archive.jsonl
                                         a large archive: pre-filter and extraction on
                                         PySpark (reports to Parquet), then the relevant
                                         reports are loaded into the registry
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files, folders holding them, or http(s) addresses")
    parser.add_argument("--no-link", action="store_true",
                        help="store and extract, but do not link people to persons")
    parser.add_argument("--dry-run", action="store_true",
                        help="do everything, then roll each document back: report what would change "
                             "(each document is judged without the others of the batch)")
    parser.add_argument("--relink", action="store_true",
                        help="afterwards, re-cluster all stored mentions (human rulings still win)")
    parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    parser.add_argument("--map", metavar="FIELD=COLUMN,...", dest="column_map",
                        help="for CSV/XLSX lists: which column holds which field, e.g. "
                             "name=ФИО,birth_year=Год,home=Район (fields: name, given_name, family_name, "
                             "patronymic, birth_year, citizenship, home, status, date, note)")
    parser.add_argument("--engine", choices=("local", "spark"), default="local",
                        help="spark: run the pre-filter and extraction of a large JSONL/WARC archive "
                             "on PySpark (local mode unless --master says otherwise), writing Parquet "
                             "to --out, then load the relevant reports (default: local)")
    parser.add_argument("--out", metavar="DIR", help="with --engine spark: where the Parquet goes")
    parser.add_argument("--master", default="local[2]", help="with --engine spark: the Spark master")
    parser.add_argument("--no-load", action="store_true",
                        help="with --engine spark: write the Parquet only, do not load the registry")


def _summary_lines(summary, *, dry_run: bool) -> list[str]:  # type: ignore[no-untyped-def]
    head = "would ingest (dry run, nothing stored)" if dry_run else "ingested"
    return [
        f"{head}: {summary.new} new, {summary.unchanged} unchanged, {summary.failed} failed",
        f"mentions: {summary.mentions} stored, {summary.mentions_linked} linked to known persons, "
        f"{summary.persons_created} new persons, {summary.sent_to_review} sent to review",
    ]


def run(args: argparse.Namespace) -> int:
    if not args.paths and not args.relink:
        print("soraq ingest: give at least one PATH (or --relink)", file=sys.stderr)
        return 2
    column_map = None
    if args.column_map:
        from soraq.ingest import parse_column_map

        try:
            column_map = parse_column_map(args.column_map)
        except ValueError as exc:
            print(f"soraq ingest: --map: {exc}", file=sys.stderr)
            return 2
    from soraq.site import bootstrap

    bootstrap.setup()
    bootstrap.migrate(out=sys.stderr)  # also on a dry run: the schema is not data

    from soraq.ingest import iter_documents
    from soraq.registry.services.ingest import FAILED, IngestSummary, ingest

    if args.engine == "spark":
        return _run_spark(args)

    summary = IngestSummary()
    if args.paths:
        bar = None
        if not args.no_progress and sys.stderr.isatty():
            from tqdm import tqdm

            bar = tqdm(unit="doc", file=sys.stderr, leave=False, desc="ingesting")

        def on_item(item) -> None:  # type: ignore[no-untyped-def]
            if item.outcome == FAILED:
                line = f"failed: {item.origin}: {item.reason}"
                if bar is not None:
                    bar.write(line, file=sys.stderr)
                else:
                    print(line, file=sys.stderr)
            if bar is not None:
                counts[item.outcome] = counts.get(item.outcome, 0) + 1
                bar.set_postfix(counts, refresh=False)
                bar.update(1)

        counts: dict[str, int] = {}
        try:
            summary = ingest(iter_documents(args.paths, column_map=column_map), link=not args.no_link,
                             dry_run=args.dry_run, on_item=on_item)
        finally:
            if bar is not None:
                bar.close()
        for line in _summary_lines(summary, dry_run=args.dry_run):
            print(line)

    if args.relink and not args.dry_run:
        from soraq.registry.services.linking import relink_all

        result = relink_all()
        print(f"re-linked {result.mentions} mentions: {result.persons_before} persons before, "
              f"{result.persons_after} after, {result.moved} mentions moved")

    if summary.failed and not (summary.new or summary.unchanged):
        return 1
    return 3 if summary.failed else 0


def _run_spark(args: argparse.Namespace) -> int:
    """Extraction of an archive on PySpark, then a bulk load of its relevant reports."""
    if not args.out or len(args.paths) != 1:
        print("soraq ingest --engine spark: give one ARCHIVE and --out DIR", file=sys.stderr)
        return 2
    from soraq.ingest.spark import run_archive

    archive = args.paths[0]
    stats = run_archive(archive, args.out, master=args.master)
    print(f"archive: {stats.documents} articles, {stats.filtered_out} filtered out, "
          f"{stats.extracted} extracted ({stats.relevant} relevant, {stats.persons} persons), "
          f"{stats.failed} failed, in {stats.seconds:.1f} s; Parquet in {args.out}")
    if args.no_load:
        return 0
    from soraq.registry.services.bulk import load_archive_reports

    summary = load_archive_reports(archive, args.out, link=not args.no_link)
    for line in _summary_lines(summary, dry_run=False):
        print(line)
    return 3 if summary.failed else 0
