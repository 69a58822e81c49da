"""The ``soraq`` command line.

Each subcommand lives in its own module under :mod:`soraq.commands` and
exposes ``HELP`` (one line), ``DESCRIPTION`` (a paragraph for ``--help``),
``add_arguments(parser)`` and ``run(args) -> int``. Modules are imported only
when their command runs, so ``soraq --help`` stays instant; ``add_arguments``
must therefore import nothing heavy.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from soraq import __version__

#: command name -> module under soraq.commands, in the order --help lists them
COMMANDS: dict[str, str] = {
    "extract": "extract",
    "link": "link",
    "match": "match",
    "ingest": "ingest",
    "serve": "serve",
    "export": "export",
    "audit": "audit",
    "watch": "watch",
    "demo-account": "demo_account",
}

EPILOG = """\
Data flows one way: ingest -> extract -> link -> registry.
Run `soraq COMMAND --help` for the details of one command.
Examples:
  soraq extract examples/*.txt               reports as JSON lines on stdout
  soraq link reports.jsonl                   who is who across the reports
  soraq match "Мирзоев Камран" --birth-year 1988
  soraq ingest examples/                     store, extract and link into the registry
  soraq serve                                the web registry on http://127.0.0.1:8000
"""


def _available_commands() -> dict[str, object]:
    """Import each command module that exists (a command still being built is skipped)."""
    found = {}
    for name, module in COMMANDS.items():
        try:
            found[name] = importlib.import_module(f"soraq.commands.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"soraq.commands.{module}":
                raise
    return found


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="soraq",
        description="Soraq traces and documents people coerced or tricked into the Russian army: "
        "it reads reports, extracts who they are about and what happened to them, links the "
        "same person across reports and scripts, and keeps case files in a web registry.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"soraq {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, module in _available_commands().items():
        p = sub.add_parser(
            name,
            help=module.HELP,
            description=getattr(module, "DESCRIPTION", module.HELP),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args._run(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
