"""govread: a keyboard-driven terminal browser for Chinese rule-of-law government reports."""

from importlib.metadata import PackageNotFoundError, version
from importlib.util import find_spec
from pathlib import Path

try:
    __version__ = version("govread")
except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
    __version__ = "0.0.0"

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
