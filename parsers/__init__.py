"""Text in, plain data out: readers, normalisation and the report parser.

Nothing here imports Textual; everything here is pure and safe on any input.
"""

from govread.parsers.model import Item, Report, Section
from govread.parsers.normalize import normalize
from govread.parsers.outline import PARSER_VERSION, parse_text

__all__ = ["PARSER_VERSION", "Item", "Report", "Section", "normalize", "parse_text"]
