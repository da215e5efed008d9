"""Generate govread/data/t2s.tsv: traditional Chinese characters and the simplified character
a traditional-script report is read with (官網的繁體版, a page saved from a site's 繁體 switch).

    pip install 'opencc-python-reimplemented==0.1.7' && python tools/make_t2s.py > govread/data/t2s.tsv

From OpenCC's character table TSCharacters.txt (Apache License 2.0, https://github.com/BYVoid/OpenCC,
as shipped by opencc-python-reimplemented, https://github.com/yichen0831/opencc-python). One line a
character: `traditional  simplified  also` where `simplified` is OpenCC's first choice and `also`
is `1` when the traditional character is itself one of the simplified choices (於, 乾, 覆: it also
stands in simplified text, so it is no evidence that a text is traditional). Characters only: the
phrase tables can change a text's length, and a report's spans must stay where they are.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    import opencc

    table = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    rows = []
    for line in table.read_text("utf-8").splitlines():
        traditional, _, choices = line.partition("\t")
        simplified = choices.split()
        if len(traditional) != 1 or not simplified or any(len(s) != 1 for s in simplified):
            continue
        if simplified[0] == traditional:
            continue  # read as it is
        rows.append(f"{traditional}\t{simplified[0]}\t{int(traditional in simplified)}")
    sys.stdout.write(
        "# traditional\tsimplified\talso-simplified: by tools/make_t2s.py from OpenCC's\n"
        "# TSCharacters.txt (Apache License 2.0) as shipped by opencc-python-reimplemented 0.1.7\n"
    )
    sys.stdout.write("\n".join(rows) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
