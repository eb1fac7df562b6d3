"""Mojibake in the text we extract from corpus-large: UTF-8 read as windows-1252 ("Ã¼", "â€™").

Run: python benchmarks/mojibake_count.py [--corpus DIR] [--pages]. Reads every page with our HTML reader
in this process; prints, per benchmark folder, the pages read, the pages with mojibake and the markers
found (and with --pages, each page that has any).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus_pages import article_text, corpus_argument, corpus_pages, page_name, read_page

from export.readers.decode import decode_cp1252

# UTF-8 read as windows-1252: a Latin-1 letter (lead byte C2 or C3: "Ã¼", "Â ") or a General Punctuation
# mark (E2 80: "â€™", "â€“") followed by what its continuation bytes look like in windows-1252.
CONTINUATION = "".join(sorted(decode_cp1252(bytes(range(0x80, 0xC0)))))
MOJIBAKE = re.compile(f"[\u00c2\u00c3][{re.escape(CONTINUATION)}]|\u00e2\u20ac[{re.escape(CONTINUATION)}]")


def markers(text: str) -> list[str]:
    """The mojibake sequences in ``text``."""
    return MOJIBAKE.findall(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    corpus_argument(parser)
    parser.add_argument("--pages", action="store_true", help="list each page with mojibake")
    args = parser.parse_args()
    pages = corpus_pages(args.corpus)
    read: Counter[str] = Counter()
    spoilt: Counter[str] = Counter()
    found: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    commonest: Counter[str] = Counter()
    for page in pages:
        folder = page_name(args.corpus, page).split("/")[0]
        article = read_page(page)
        if isinstance(article, str):
            failed[folder] += 1
            continue
        read[folder] += 1
        hits = markers(article_text(article))
        if hits:
            spoilt[folder] += 1
            found[folder] += len(hits)
            commonest.update(hits)
            if args.pages:
                print(f"  {len(hits):5} {page_name(args.corpus, page)}  e.g. {' '.join(hits[:5])}")
    print(f"{'folder':14} {'read':>5} {'failed':>6} {'with mojibake':>13} {'markers':>8}")
    for folder in sorted(read | failed):
        print(f"{folder:14} {read[folder]:5} {failed[folder]:6} {spoilt[folder]:13} {found[folder]:8}")
    total = sum(read.values()), sum(failed.values()), sum(spoilt.values()), sum(found.values())
    print(f"{'all':14} {total[0]:5} {total[1]:6} {total[2]:13} {total[3]:8}")
    print("commonest:", " ".join(f"{marker}×{count}" for marker, count in commonest.most_common(12)))


if __name__ == "__main__":
    main()
