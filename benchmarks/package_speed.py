"""How long write_epub takes to package one book, its cover made beforehand so only packaging is timed.

Run: python benchmarks/package_speed.py [--runs N] [INPUT...] (default: the seed). Prints the best of
N in-process runs and the book's size for each input.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from pathlib import Path

from timing import run_times

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_4421cee95cb58524.txt"


def best_seconds(job: Callable[[], object], runs: int) -> float:
    """The shortest of ``runs`` timed calls of ``job``, after one untimed call."""
    return min(run_times(job, runs, warm=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("inputs", nargs="*", type=Path, default=[SEED])
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from export.annotate import annotate_article
    from export.epub.cover import generated_cover
    from export.epub.package import BookOptions, write_epub
    from export.pipeline import load_stylesheet
    from export.readers import read_article

    for source in args.inputs:
        article = read_article(source)
        annotate_article(article, "default", False)
        options = BookOptions(stylesheet=load_stylesheet("book"), cover=generated_cover(article))
        seconds = best_seconds(functools.partial(write_epub, article, options), args.runs)
        size = len(write_epub(article, options))
        print(f"{source.name}: {seconds * 1000:.1f} ms per book, {size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
