"""govread: a keyboard-driven terminal browser for Chinese rule-of-law government reports."""

from importlib.util import find_spec
from pathlib import Path


def __getattr__(name: str) -> str:
    """``__version__``, read from the installed metadata when first asked for (importing
    importlib.metadata costs every command a few tens of milliseconds)."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("govread")
    except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
        found = "0.0.0"
    globals()["__version__"] = found
    return found


# The build maps the card's top-level folders (parsers/, tui/, themes/, sample_reports/)
# into this package (pyproject.toml, [tool.setuptools] package-dir). When Python imports
# this folder straight from a source checkout instead (`python -c …` run in the repo),
# the same subpackages are found by looking beside it too.
# (An installed or editable govread finds them already and is left as it is.)
_checkout = Path(__file__).resolve().parent.parent
if (
    (_checkout / "pyproject.toml").is_file()
    and (_checkout / "parsers" / "outline.py").is_file()
    and find_spec(f"{__name__}.parsers") is None
):
    __path__.append(str(_checkout))
