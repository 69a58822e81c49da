"""The command line: every command is there and explains itself to a newcomer."""

from __future__ import annotations

import subprocess
import sys

import pytest

from soraq.cli import COMMANDS, build_parser

# The commands the evaluation and the README depend on.
CONTRACT_COMMANDS = ("extract", "link", "match", "ingest", "serve", "export")


def test_the_contract_commands_are_registered() -> None:
    parser = build_parser()
    names = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    assert set(CONTRACT_COMMANDS) <= names


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help_with_a_description(command: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: soraq " + command)
    assert len(out.splitlines()) > 3


def test_top_level_help_is_fast_and_lists_commands() -> None:
    """`soraq --help` must not import the heavy models (natasha, Django, Splink)."""
    code = (
        "import sys; from soraq.cli import build_parser; build_parser();"
        "heavy = [m for m in ('natasha', 'splink', 'pyspark', 'torch') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
