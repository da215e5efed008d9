"""govread: a keyboard-driven terminal browser for Chinese rule-of-law government reports."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("govread")
except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
    __version__ = "0.0.0"
