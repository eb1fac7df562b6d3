"""How long one book of the seed takes in each format, and how much of it the generated cover takes.

Run: python benchmarks/formats_speed.py [--runs N]. Prints the median of N in-process runs; AZW3 is
skipped when calibre is not installed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

from timing import run_times

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_4421cee95cb58524.txt"


def median_seconds(job: Callable[[], object], runs: int) -> float:
    """The median of ``runs`` timed calls of ``job``, after one untimed call (imports, fonts)."""
    return statistics.median(run_times(job, runs, warm=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    sys.path.insert(0, str(ROOT))
    from export.epub.cover import generated_cover
    from export.model import BookFormat
    from export.pipeline import ConvertOptions, build_book
    from export.readers import read_article

    def one_book(fmt: BookFormat) -> Callable[[], object]:
        """A call that makes the seed's book in ``fmt``."""
        return lambda: build_book(SEED, ConvertOptions(format=fmt))

    article = read_article(SEED)
    print(f"generated cover: {median_seconds(lambda: generated_cover(article), runs):.3f} s")
    formats: list[BookFormat] = ["epub", "kepub"]
    if shutil.which("ebook-convert"):
        formats.append("azw3")
    for fmt in formats:
        seconds = median_seconds(one_book(fmt), runs)
        size = len(build_book(SEED, ConvertOptions(format=fmt))[1])
        print(f"{fmt:>5}: {seconds:.3f} s per book, {size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
