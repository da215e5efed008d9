"""A table row as a reader shows it: one line when each cell holds one line, shared by the
.docx and web page readers so that a table reads alike in both.

A data table (执法类别 | 案件数（件） | 同比; 行政处罚 | 356 | 增长5%) keeps a row's cells on one
line, so a figure stays beside its label; a layout table (a whole article in one cell, a cell
of several paragraphs) keeps each cell's lines, as the paragraphs they are.
"""

from __future__ import annotations

# Between two cells of a row: the ideographic space a Chinese text sets between the columns of
# a list (read as a space once the text is normalised). Cells carry their own colons (发布机构：).
CELL_SEPARATOR = "\u3000"


def row_lines(cells: list[list[str]]) -> list[str]:
    """The lines of a row whose cells have these lines (empty cells left out)."""
    filled = [cell for cell in cells if cell]
    if len(filled) > 1 and all(len(cell) == 1 for cell in filled):
        return [CELL_SEPARATOR.join(cell[0] for cell in filled)]
    return [line for cell in filled for line in cell]
