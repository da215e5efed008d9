"""Subcommands of the `govread` command, one module each, each with `run(argv) -> int`."""
