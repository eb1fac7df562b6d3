"""Time and peak memory of the command line on the big and hostile inputs of the test battery.

Run: python benchmarks/hostile_inputs.py [--only WORDS]. Each case runs in a fresh child process
(`python -m export INPUT -o BOOK --max-input-size 64M`); prints wall and CPU seconds, the child's peak
resident memory, input and book sizes, and the exit status.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_4421cee95cb58524.txt"


CHOSEN = ("billion laughs", "quadratic", "nested 10,000", "attributes of 1 MB", "5,000 comments")


def write_inputs(folder: Path) -> None:
    """Write the cases' inputs into ``folder``, numbered in order (run in a child of its own)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from inputs import Hostile, big_cases, hostile_xml_cases, markup_cases

    hostile = Hostile(canary=folder / "canary.txt", server="http://127.0.0.1:9")
    extra = [
        case for case in hostile_xml_cases(hostile) + markup_cases() if any(w in case.name for w in CHOSEN)
    ]
    for number, case in enumerate(big_cases() + extra):
        (folder / f"{number:02} {case.name}{case.suffix}").write_bytes(case.data)


def measure(source: Path, book: Path) -> str:
    """Convert ``source`` in a fresh child process; one line of figures."""
    book.unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "export", str(source), "-o", str(book), "-q", "--max-input-size", "64M"]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    cpu = usage.ru_utime + usage.ru_stime
    peak = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 2**20
    size = f"{book.stat().st_size / 2**20:7.2f} MB" if book.exists() else "   no book"
    code = os.waitstatus_to_exitcode(status)
    return (
        f"{source.stem[3:]:30} {source.stat().st_size / 2**20:7.2f} MB in  {size} out  "
        f"{wall:7.2f} s wall {cpu:7.2f} s CPU  {peak:6.0f} MB peak  exit {code}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", help="run only the cases whose name contains this")
    parser.add_argument("--write-inputs", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write_inputs:
        write_inputs(args.write_inputs)
        return
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        inputs = scratch / "inputs"
        inputs.mkdir()
        # A child makes the inputs: a peak of this process would count in its children's peaks.
        subprocess.run([sys.executable, __file__, "--write-inputs", str(inputs)], check=True)
        print(measure(SEED, scratch / "book.epub").replace(SEED.stem[3:], "the seed (for scale)"), flush=True)
        for source in sorted(inputs.iterdir()):
            if not args.only or args.only in source.name:
                print(measure(source, scratch / "book.epub"), flush=True)


if __name__ == "__main__":
    main()
