"""``soraq match``: who in the reports could this person be?"""

from __future__ import annotations

import argparse

HELP = "rank the persons of a reports file by how likely they are a given person"
DESCRIPTION = """\
Looks one person up: give a name in any script or order, and whatever else you know.
Candidates are found by name keys (so "Мирзоев Камран", "Kamran Mirzayev" and
"Mirzəyev Kamran" find each other) and ranked by the linking model's probability,
with the reasons for and against each.

Examples:
  soraq match "Мирзоев Камран" --birth-year 1980 --against reports.jsonl
  soraq match "Kamran Mirzayev" --citizenship AZ --home Lankaran --against reports.jsonl --json
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help="the person's name, any script, any order")
    parser.add_argument("--against", metavar="REPORTS", required=True, help="JSON-lines file of reports to search")
    parser.add_argument("--birth-year", type=int)
    parser.add_argument("--age", type=int)
    parser.add_argument("--citizenship", help="ISO 3166-1 alpha-2 code, e.g. AZ")
    parser.add_argument("--home", help="home village, district or region")
    parser.add_argument("--abroad", help="where the person was in Russia (city)")
    parser.add_argument("--patronymic", help="father's given name")
    parser.add_argument("--sex", choices=("male", "female"))
    parser.add_argument("--mother", help="mother's name")
    parser.add_argument("--limit", type=int, default=10)
    parser.add_argument("--all", action="store_true", help="also list candidates the model thinks are someone else")
    parser.add_argument("--json", action="store_true", help="JSON output")


def run(args: argparse.Namespace) -> int:
    import json
    import sys

    from soraq.link import Mention
    from soraq.link.io import read_mentions
    from soraq.link.search import CandidateIndex, match_from

    query = Mention(
        mention_id="query",
        name=args.name,
        patronymic=args.patronymic,
        sex=args.sex,
        birth_year=args.birth_year,
        age=args.age,
        citizenship=args.citizenship.upper() if args.citizenship else None,
        home=args.home,
        location_abroad=args.abroad,
        relatives=[("mother", args.mother)] if args.mother else [],
    )
    try:
        index = CandidateIndex(read_mentions(args.against))  # any CandidateSource would do
    except OSError as exc:
        print(f"soraq match: cannot read {args.against}: {exc}", file=sys.stderr)
        return 2
    results = match_from(index, query, limit=args.limit)
    if not args.all:
        results = [r for r in results if r.decision != "apart"] or results[:3]
    if args.json:
        json.dump([r.to_dict() for r in results], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    if not results:
        print("no candidates share a name key with the query")
        return 0
    for r in results:
        m = index.by_id[r.b_id]
        print(f"{r.probability:6.1%}  {r.decision:6s}  {r.b_id}  {m.name}  (weight {r.match_weight:+.1f})")
        for reason in r.reasons[1:]:
            print(f"          {reason.weight:+5.1f}  {reason.text}")
    return 0
