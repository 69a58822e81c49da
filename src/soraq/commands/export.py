"""``soraq export``: the registry as CSV, JSON, PFIF 1.4 or FollowTheMoney."""

from __future__ import annotations

import argparse

HELP = "export the registry as CSV, JSON, PFIF or FollowTheMoney (full, or the public dataset)"
DESCRIPTION = """\
Write the registry's persons in one of four formats:

  csv   one row per person, fixed column order (docs/sharing.md lists the columns)
  json  one document: metadata, persons (and, in the full export, documents)
  pfif  PFIF 1.4 XML, the People Finder Interchange Format, for person-finder tools
  ftm   FollowTheMoney entities as JSON lines, for Aleph, yente and the `ftm` tools

Without --public this is the operator's full export: names, relatives, sources.
Keep it on protected machines. With --public it is the public dataset: names and
photos only where the family consented, birth years as 5-year bands, home as
region only, no relatives or free text, and no group smaller than 5 people.

Examples:
  soraq export --format csv -o registry.csv
  soraq export --format pfif --public -o public.pfif.xml
  soraq export --format ftm | ftm validate
"""

FORMATS = ("csv", "json", "pfif", "ftm")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", "-f", choices=FORMATS, required=True, help="output format")
    parser.add_argument("--public", action="store_true",
                        help="the public, disclosure-controlled dataset instead of the full export")
    parser.add_argument("-o", "--output", metavar="FILE", default="-",
                        help="write to FILE instead of standard output")


def run(args: argparse.Namespace) -> int:
    import os
    import sys

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soraq.site.settings")
    import django

    django.setup()
    from soraq.site import bootstrap

    bootstrap.migrate(out=sys.stderr)  # a fresh database exports as empty, not as an error
    import getpass

    from soraq.sharing.exporting import audit_export, build_dataset, pfif_domain
    from soraq.sharing.exports import render

    dataset = build_dataset(public=args.public)
    audit_export(f"cli:{getpass.getuser()}", dataset, args.format, "cli")
    if args.output == "-":
        render(dataset, args.format, sys.stdout, pfif_domain=pfif_domain())
        sys.stdout.flush()
    else:
        tmp = f"{args.output}.part"
        with open(tmp, "w", encoding="utf-8", newline="") as out:
            render(dataset, args.format, out, pfif_domain=pfif_domain())
        os.replace(tmp, args.output)
    count = len(dataset.persons)
    what = "public records" if args.public else "persons"
    extra = f", {dataset.result.suppressed} held back by small-cell suppression" if args.public else ""
    print(f"exported {count} {what} as {args.format}{extra}", file=sys.stderr)
    return 0
