"""One module per ``soraq`` subcommand; see :mod:`soraq.cli` for the protocol."""
