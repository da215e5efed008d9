"""Subcommands of the `govread` command, each a module with ``run(argv) -> int``."""
