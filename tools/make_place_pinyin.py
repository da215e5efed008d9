"""Generate govread/data/place_pinyin.tsv: the pinyin a government site's domain names a
city or province by, for the parents of the places that have namesakes (龙华区 in 深圳 and
in 海口: www.szlhq.gov.cn names 深圳 by its initials).

    pip install 'pypinyin==0.55.0' && python tools/make_place_pinyin.py > govread/data/place_pinyin.tsv

One line per name: the name as texts write it short (深圳, 广东, 内蒙古), its full pinyin
without tones (shenzhen) and its initials (sz). The names are read from
govread/data/gazetteer.tsv; pypinyin (MIT licence, https://github.com/mozillazg/python-pinyin)
is needed only to run this, not to use govread.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

GAZETTEER = Path(__file__).parents[1] / "govread" / "data" / "gazetteer.tsv"
# Official spellings that plain pinyin does not give (陕西 is Shaanxi, apart from 山西 Shanxi).
SPELLED = {"陕西": "shaanxi"}


def main() -> int:
    from pypinyin import Style, lazy_pinyin

    from govread.parsers.gazetteer import short_name

    rows = [line.split("\t") for line in GAZETTEER.read_text("utf-8").splitlines()]
    rows = [row for row in rows if len(row) == 5]
    counts = Counter(row[1] for row in rows)
    parents: set[str] = set()
    for _, name, _, province, city in rows:
        if counts[name] > 1:
            parents.add(short_name(province))
            if city:
                parents.add(short_name(city))
    sys.stdout.write(
        "# name\tpinyin\tinitials: the cities and provinces of places with namesakes, by\n"
        "# tools/make_place_pinyin.py from govread/data/gazetteer.tsv with pypinyin 0.55.0\n"
        "# (MIT licence, https://github.com/mozillazg/python-pinyin)\n"
    )
    for name in sorted(parents):
        full = SPELLED.get(name) or "".join(lazy_pinyin(name)).replace("ü", "v")
        initials = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER))
        sys.stdout.write(f"{name}\t{full}\t{initials}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
