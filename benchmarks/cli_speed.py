"""How long the command line takes on the seed, next to pandoc on the same text; and in-process time.

Run: python benchmarks/cli_speed.py [--runs N]. Prints medians of N runs measured in this one run.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_4421cee95cb58524.txt"


def median_seconds(command: list[str], runs: int, env: dict[str, str]) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def in_process_seconds(runs: int) -> tuple[float, float]:
    sys.path.insert(0, str(ROOT))
    from export.pipeline import ConvertOptions, build_book

    started = time.perf_counter()
    build_book(SEED, ConvertOptions())
    first = time.perf_counter() - started
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        build_book(SEED, ConvertOptions())
        timings.append(time.perf_counter() - started)
    return first, statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    # Installed packages carry bytecode: give the checkout the same, whatever PYTHONDONTWRITEBYTECODE says.
    compileall.compile_dir(ROOT / "export", quiet=1)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8"}
    with tempfile.TemporaryDirectory() as scratch:
        ours = median_seconds(
            [sys.executable, "-m", "export", str(SEED), "-q", "-o", f"{scratch}/ours.epub"], runs, env
        )
        print(f"annotated-epub CLI on the seed:     {ours * 1000:7.1f} ms (median of {runs})")
        pandoc = shutil.which("pandoc")
        if pandoc:
            theirs = median_seconds(
                [
                    pandoc,
                    "-f",
                    "markdown",
                    "-t",
                    "epub3",
                    str(SEED),
                    "-o",
                    f"{scratch}/pandoc.epub",
                    "--metadata",
                    "title=seed",
                    "--metadata",
                    "lang=en",
                ],
                runs,
                env,
            )
            print(f"pandoc -t epub3 on the same text:   {theirs * 1000:7.1f} ms (median of {runs})")
            print(f"ratio annotated-epub / pandoc:      {ours / theirs:7.2f}")
        else:
            print("pandoc is not installed: no comparison (apt-get install pandoc)")
    first, warm = in_process_seconds(runs)
    print(f"in-process build_book, first call:  {first * 1000:7.1f} ms")
    print(f"in-process build_book, warm median: {warm * 1000:7.1f} ms per article")


if __name__ == "__main__":
    main()
