"""Subcommands of the `govread` CLI, one module each with `run(argv) -> int`."""
