"""How long the page reader takes on each tune page of corpus-large, warm, in one process; beside another checkout.

Run: python benchmarks/page_speed.py [--rounds N] [--against CHECKOUT] [--profile N]. Each round times
``read_html_page`` once on every tune page in a fresh process of its own (after one untimed page, for
imports and set-up), and prints the median and total seconds a page. With --against, the rounds of this
checkout and of CHECKOUT take turns (so that the machine's load falls on both alike) and the ratio of
their medians and totals is printed. --profile N prints cProfile's N costliest functions of one pass here.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import subprocess
import sys
import time
from pathlib import Path

from corpus_pages import absent, corpus_argument
from large_corpus import load

ROOT = Path(__file__).resolve().parent.parent


def tune_pages(corpus: Path) -> list[Path]:
    """The tune pages of corpus-large, in its fixed order; exits 0 with a line when it is absent."""
    if not (corpus / "README.md").is_file():
        absent(corpus)
    return [gold.page for gold in load(corpus) if gold.part == "tune"]


def time_pages(pages: list[Path]) -> list[float]:
    """The seconds ``read_html_page`` took on each page (a page it refuses counts as well), after a warm-up."""
    from export.readers.html.page import read_html_page

    def read(page: Path) -> None:
        try:
            read_html_page(page)
        except Exception:  # noqa: BLE001 - a page refused is timed too, as html_eval counts it
            pass

    read(pages[0])
    found = []
    for page in pages:
        started = time.perf_counter()
        read(page)
        found.append(time.perf_counter() - started)
    return found


def one_round(checkout: Path, corpus: Path) -> list[float]:
    """Each page's seconds, timed in a new process that reads with ``checkout``'s code."""
    command = [sys.executable, __file__, "--child", str(checkout), "--corpus", str(corpus)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--against", type=Path, help="another checkout, timed in turn with this one")
    parser.add_argument("--profile", type=int, metavar="N", help="print cProfile's N costliest functions")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    corpus_argument(parser)
    options = parser.parse_args()
    pages = tune_pages(options.corpus)
    if options.child:
        sys.path.insert(0, str(options.child.resolve()))
        print(json.dumps(time_pages(pages)))
        return
    if options.profile:
        sys.path.insert(0, str(ROOT))
        profile = cProfile.Profile()
        profile.runcall(time_pages, pages)
        pstats.Stats(profile).sort_stats("tottime").print_stats(options.profile)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(options.profile)
        return
    checkouts = {"this": ROOT} | ({"against": options.against.resolve()} if options.against else {})
    totals: dict[str, list[tuple[float, float]]] = {name: [] for name in checkouts}
    print(f"{len(pages)} tune pages of corpus-large, each read once a round, warm, in one process")
    for number in range(1, options.rounds + 1):
        for name, checkout in checkouts.items():
            seconds = one_round(checkout, options.corpus)
            totals[name].append((statistics.median(seconds), sum(seconds)))
            print(f"round {number} {name:8} median {seconds_text(totals[name][-1])}")
    for name, found in totals.items():
        medians, sums = zip(*found, strict=True)
        print(f"{name:8} median of rounds: median {statistics.median(medians):.4f} s, total {statistics.median(sums):.1f} s")
    if options.against:
        for label, index in (("median", 0), ("total", 1)):
            ratios = [ours[index] / theirs[index] for ours, theirs in zip(totals["this"], totals["against"], strict=True)]
            print(f"this / against, {label}: " + ", ".join(f"{ratio:.3f}" for ratio in ratios))


def seconds_text(figures: tuple[float, float]) -> str:
    return f"{figures[0]:.4f} s, total {figures[1]:.1f} s"


if __name__ == "__main__":
    main()
