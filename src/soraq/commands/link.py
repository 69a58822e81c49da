"""``soraq link``: who is who across reports."""

from __future__ import annotations

import argparse

HELP = "group the persons of many reports into real people (clusters of mentions)"
DESCRIPTION = """\
Reads reports (one JSON object a line, the shape `soraq extract` writes) and decides which
persons mentioned in them are the same real person, across scripts and spellings
("Kamran Mirzayev" = "Камран Мирзоев"). Writes {"clusters": [["DOC#0", "DOC2#1"], ...]}
to stdout: every mention ("DOC_ID#N", the N-th person of a report) in exactly one cluster.
Pairs the model is unsure about are kept apart; --review lists them for a human.

Examples:
  soraq link reports.jsonl > clusters.json
  soraq link reports.jsonl --engine python --pairs pairs.jsonl --review review.jsonl
  soraq link reports.jsonl --decisions decisions.jsonl   # human verdicts always win

A decisions file holds one {"a": "DOC#0", "b": "DOC2#1", "same": true|false} a line.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("reports", help="JSON-lines file of reports ('-' for stdin)")
    parser.add_argument(
        "--engine",
        choices=("duckdb", "spark", "python"),
        default="duckdb",
        help="where candidate pairs are scored: duckdb (Splink, default), spark (Splink on PySpark), python",
    )
    parser.add_argument("--pairs", metavar="FILE", help="write every scored candidate pair with its reasons (JSONL)")
    parser.add_argument("--review", metavar="FILE", help="write the pairs in the uncertain band, for a human (JSONL)")
    parser.add_argument("--decisions", metavar="FILE", help="human decisions to apply (JSONL: a, b, same)")


def run(args: argparse.Namespace) -> int:
    import json
    import sys

    from soraq.link import HumanDecision, link_mentions
    from soraq.link.io import read_mentions

    try:
        mentions = list(read_mentions(args.reports))
    except OSError as exc:
        print(f"soraq link: cannot read {args.reports}: {exc}", file=sys.stderr)
        return 2
    decisions = []
    if args.decisions:
        with open(args.decisions, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    d = json.loads(line)
                    decisions.append(HumanDecision(str(d["a"]), str(d["b"]), bool(d["same"])))
                except (json.JSONDecodeError, KeyError, TypeError) as exc:
                    print(f"{args.decisions}:{n}: skipped, not a decision: {exc}", file=sys.stderr)
    result = link_mentions(mentions, engine=args.engine, decisions=decisions)
    json.dump({"clusters": result.clusters}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    if args.pairs:
        with open(args.pairs, "w", encoding="utf-8") as fh:
            for p in sorted(result.pairs, key=lambda p: -p.match_weight):
                fh.write(json.dumps(p.to_dict(), ensure_ascii=False) + "\n")
    if args.review:
        with open(args.review, "w", encoding="utf-8") as fh:
            for p in sorted(result.pairs, key=lambda p: -p.match_weight):
                if p.decision == "review":
                    fh.write(json.dumps(p.to_dict(), ensure_ascii=False) + "\n")
    n_review = sum(1 for p in result.pairs if p.decision == "review")
    print(
        f"soraq link: {len(mentions)} mentions -> {len(result.clusters)} persons; "
        f"{len(result.pairs)} candidate pairs, {n_review} for review",
        file=sys.stderr,
    )
    return 0
