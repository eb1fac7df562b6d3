"""How long the command line takes on the seed, next to pandoc on the same text; and in-process time.

Beside them, two floors: python importing lxml, and python importing lxml and the standard library's modules
a warm run of the command imports (found by running it): pandoc's time less the second is what is left for
the tool's own code.

Run: python benchmarks/cli_speed.py [--runs N] [--against CHECKOUT]. Prints medians of N runs measured
in this one run, taken in turn; --against times another checkout's command line beside this one's.
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

from timing import checkout_command, run_times

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_4421cee95cb58524.txt"


def medians(commands: dict[str, list[str]], runs: int, env: dict[str, str], cold: str) -> dict[str, float]:
    """The median wall seconds of each command, run in turn (so that the machine's load falls on all alike).

    The command named ``cold`` starts each run with an empty cache directory; the others share a warm one.
    """
    timings: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory() as caches:
        for number in range(runs + 1):  # the first round fills the warm cache and is not counted
            for name, command in commands.items():
                cache = f"{caches}/cold-{number}" if name == cold else f"{caches}/warm"
                started = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True, env={**env, "XDG_CACHE_HOME": cache})
                if number:
                    timings[name].append(time.perf_counter() - started)
    return {name: statistics.median(found) for name, found in timings.items()}


def many_inputs(runs: int, env: dict[str, str]) -> None:
    """Pages per second of one command on many pages (the seed and tests/corpus/html), against one command
    per page, all with a warm cache; and of the one command with an empty cache (every cover drawn)."""
    pages = [str(SEED), *sorted(str(path) for path in (ROOT / "tests/corpus/html").iterdir())]
    with tempfile.TemporaryDirectory() as scratch:
        tool = [sys.executable, "-m", "export", "-q"]
        commands = {"one run": [*tool, *pages, "-o", f"{scratch}/books/"], "cold": []}
        commands["cold"] = commands["one run"]
        found = medians(commands, runs, env, cold="cold")
        separate = [[*tool, page, "-o", f"{scratch}/one/"] for page in pages]
        each = sum(medians({"page": command}, runs, env, cold="")["page"] for command in separate)
    print(f"{len(pages)} pages (the seed, tests/corpus/html), median of {runs}:")
    for label, seconds in (("in one run", found["one run"]), ("in one run, empty cache", found["cold"])):
        print(f"  {label + ':':28}{seconds:6.2f} s  {len(pages) / seconds:5.1f} pages/s")
    print(f"  {'a run per page:':28}{each:6.2f} s  {len(pages) / each:5.1f} pages/s")


def in_process_seconds(runs: int) -> tuple[float, float]:
    sys.path.insert(0, str(ROOT))
    from export.pipeline import ConvertOptions, build_book

    def job() -> object:
        return build_book(SEED, ConvertOptions())

    first = run_times(job, 1)[0]
    return first, statistics.median(run_times(job, runs))


# Run as ``python -c``: the command's run through runpy (which ``python -m`` imports too, so it counts), then
# the public standard library modules imported since lxml, by their full names (``import urllib`` alone
# would not import ``urllib.parse``).
STDLIB_OF_A_RUN = """
import sys
import lxml.etree
loaded = set(sys.modules)
import runpy
sys.argv = ["export", *sys.argv[1:]]
try:
    runpy.run_module("export", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
names = (name for name in set(sys.modules) - loaded if name.split(".")[0] in sys.stdlib_module_names)
print(" ".join(sorted(n for n in names if not any(part.startswith("_") for part in n.split(".")))))
"""


def stdlib_of_a_run(arguments: list[str], env: dict[str, str]) -> list[str]:
    """The public standard library modules a warm run of the command imports beyond lxml's."""
    with tempfile.TemporaryDirectory() as cache:
        env = {**env, "XDG_CACHE_HOME": cache}
        warming = [sys.executable, "-m", "export", *arguments]
        subprocess.run(warming, capture_output=True, env=env, check=True)
        listing = [sys.executable, "-c", STDLIB_OF_A_RUN, *arguments]
        return subprocess.run(listing, capture_output=True, text=True, env=env, check=True).stdout.split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--many-runs", type=int, default=3, help="runs of the many-pages timing (0: none)")
    parser.add_argument("--against", type=Path, help="another checkout (e.g. main's) to time in the same run")
    args = parser.parse_args()
    runs = args.runs
    # Installed packages carry bytecode: give the checkout the same, whatever PYTHONDONTWRITEBYTECODE says.
    compileall.compile_dir(ROOT / "export", quiet=1)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8"}
    pandoc = shutil.which("pandoc")
    with tempfile.TemporaryDirectory() as scratch:
        ours = [sys.executable, "-m", "export", str(SEED), "-q", "-o", f"{scratch}/ours.epub"]
        stdlib = stdlib_of_a_run(ours[3:], env)
        commands = {
            "ours": ours,
            "ours, cold cache": ours,
            "floor": [sys.executable, "-c", "import lxml.etree"],
            "floor and stdlib": [sys.executable, "-c", f"import {', '.join(['lxml.etree', *stdlib])}"],
        }
        if args.against:
            compileall.compile_dir(args.against / "export", quiet=1)
            commands["against"] = [*checkout_command(args.against), *ours[3:]]
        if pandoc:
            commands["pandoc"] = [
                pandoc,
                "-f",
                "markdown",
                "-t",
                "epub3",
                str(SEED),
                "-o",
                f"{scratch}/pandoc.epub",
            ]
            commands["pandoc"] += ["--metadata", "title=seed", "--metadata", "lang=en"]
        found = medians(commands, runs, env, cold="ours, cold cache")
    print(f"wall time, median of {runs} runs taken in turn:")
    print(f"annotated-epub CLI on the seed:          {found['ours'] * 1000:7.1f} ms")
    print(f"  the same, empty cache (cover drawn):   {found['ours, cold cache'] * 1000:7.1f} ms")
    print(f"python -c 'import lxml.etree' (floor):   {found['floor'] * 1000:7.1f} ms")
    print(f"  and the {len(stdlib)} stdlib modules a run imports: {found['floor and stdlib'] * 1000:7.1f} ms")
    print(f"    ({' '.join(stdlib)})")
    if pandoc:
        print(f"pandoc -t epub3 on the same text:        {found['pandoc'] * 1000:7.1f} ms")
        print(f"ratio annotated-epub / pandoc:           {found['ours'] / found['pandoc']:7.2f}")
        print(f"  empty cache / pandoc:                  {found['ours, cold cache'] / found['pandoc']:7.2f}")
        room = found["pandoc"] - found["floor and stdlib"]
        print(f"pandoc's time less floor and stdlib:     {room * 1000:7.1f} ms (what is left for our code)")
    else:
        print("pandoc is not installed: no comparison (apt-get install pandoc)")
    print(f"ratio annotated-epub / floor:            {found['ours'] / found['floor']:7.2f}")
    if args.against:
        print(f"the checkout {args.against}:   {found['against'] * 1000:7.1f} ms")
        print(f"ratio this checkout / that one:          {found['ours'] / found['against']:7.2f}")
    if args.many_runs:
        many_inputs(args.many_runs, env)
    first, warm = in_process_seconds(runs)
    print(f"in-process build_book, first call:  {first * 1000:7.1f} ms")
    print(f"in-process build_book, warm median: {warm * 1000:7.1f} ms per article")


if __name__ == "__main__":
    main()
