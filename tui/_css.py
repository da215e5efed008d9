"""Widgets keep their styles in a .tcss file beside their module (installed as package data)."""

from __future__ import annotations

from pathlib import Path


def css_beside(module_file: str) -> str:
    """The text of the .tcss file named like ``module_file`` (outline.py → outline.tcss)."""
    return Path(module_file).with_suffix(".tcss").read_text("utf-8")
