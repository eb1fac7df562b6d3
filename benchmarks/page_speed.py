"""How long the page reader takes on each tune page of corpus-large, warm, in one process; beside another.

Run: python benchmarks/page_speed.py [--rounds N] [--against CHECKOUT] [--profile N]. Each round reads
every tune page once with ``read_html_page`` in a fresh process of its own (after one untimed page, for
imports and set-up) and prints the median and total seconds a page, by the clock and in the process's CPU
time (which a machine shared with other work disturbs less). With --against, a process of CHECKOUT's code
reads each page right after this one's (before it, in every other round), so that the machine's load
falls on both alike, and the ratios of medians and totals are printed. --profile N prints cProfile's N
costliest functions of one pass here.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import pstats
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from corpus_pages import corpus_argument, tune_golds

ROOT = Path(__file__).resolve().parent.parent
MEASURES = ("clock", "cpu")


def reader() -> Callable[[Path], tuple[float, float]]:
    """A function that reads a page with the imported checkout's ``read_html_page`` and returns its clock
    and CPU seconds (a page it refuses counts as well, as html_eval counts it)."""
    from export.readers.html.page import read_html_page

    def read(page: Path) -> tuple[float, float]:
        clock, cpu = time.perf_counter(), time.process_time()
        with contextlib.suppress(Exception):  # a page refused is timed too
            read_html_page(page)
        return time.perf_counter() - clock, time.process_time() - cpu

    return read


def serve(checkout: Path, pages: list[Path]) -> None:
    """In a child: read with ``checkout``'s code the page whose number each line of stdin gives, and
    answer each with its seconds."""
    sys.path.insert(0, str(checkout.resolve()))
    read = reader()
    read(pages[0])
    print("ready", flush=True)
    for line in sys.stdin:
        clock, cpu = read(pages[int(line)])
        print(f"{clock} {cpu}", flush=True)


Seconds = tuple[float, float]  # by the clock, in CPU time


def one_round(
    checkouts: dict[str, Path], corpus: Path, pages: list[Path], flip: bool
) -> dict[str, list[Seconds]]:
    """Each checkout's seconds on each page, its process taking each page in turn with the others'."""
    children: dict[str, subprocess.Popen[str]] = {}
    for name, checkout in checkouts.items():
        command = [sys.executable, __file__, "--child", str(checkout), "--corpus", str(corpus)]
        children[name] = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        if _ask(children[name], None) != "ready":
            raise RuntimeError(f"{checkout} did not start")
    order = list(children)[::-1] if flip else list(children)
    found: dict[str, list[Seconds]] = {name: [] for name in children}
    for number in range(len(pages)):
        for name in order:
            clock, cpu = map(float, _ask(children[name], str(number)).split())
            found[name].append((clock, cpu))
    for child in children.values():
        child.communicate()
    return found


def _ask(child: subprocess.Popen[str], line: str | None) -> str:
    """The child's next line of answer, after ``line`` is sent (if any)."""
    if child.stdin is None or child.stdout is None:
        raise RuntimeError("the child's pipes are closed")
    if line is not None:
        child.stdin.write(f"{line}\n")
        child.stdin.flush()
    return child.stdout.readline().strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--against", type=Path, help="another checkout, timed in turn with this one")
    parser.add_argument("--profile", type=int, metavar="N", help="print cProfile's N costliest functions")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    corpus_argument(parser)
    options = parser.parse_args()
    pages = [gold.page for gold in tune_golds(options.corpus)]
    if options.child:
        serve(options.child, pages)
        return
    if options.profile:
        sys.path.insert(0, str(ROOT))
        read = reader()
        profile = cProfile.Profile()
        profile.runcall(lambda: [read(page) for page in pages])
        pstats.Stats(profile).sort_stats("tottime").print_stats(options.profile)
        return
    checkouts = {"this": ROOT} | ({"against": options.against.resolve()} if options.against else {})
    figures: dict[str, list[dict[str, Seconds]]] = {name: [] for name in checkouts}
    print(f"{len(pages)} tune pages of corpus-large, each read once a round, warm; seconds a page")
    for number in range(1, options.rounds + 1):
        found = one_round(checkouts, options.corpus, pages, flip=number % 2 == 0)
        for name, seconds in found.items():
            summary = {
                measure: (statistics.median(values), sum(values))
                for measure, values in zip(MEASURES, zip(*seconds, strict=True), strict=True)
            }
            figures[name].append(summary)
            print(
                f"round {number} {name:8} "
                + "; ".join(_figures(measure, summary[measure]) for measure in MEASURES)
            )
    if options.against:
        for measure in MEASURES:
            for label, index in (("median", 0), ("total", 1)):
                ratios = [
                    ours[measure][index] / theirs[measure][index]
                    for ours, theirs in zip(figures["this"], figures["against"], strict=True)
                ]
                print(f"this / against, {measure} {label}: " + ", ".join(f"{ratio:.3f}" for ratio in ratios))


def _figures(measure: str, figures: tuple[float, float]) -> str:
    return f"{measure} median {figures[0]:.4f}, total {figures[1]:.1f}"


if __name__ == "__main__":
    main()
