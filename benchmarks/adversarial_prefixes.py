"""Seconds per adversarial input (10^5 spaces, comment bytes, tags, entities, brackets before and inside each
kind of input; markup nested thousands deep; pages shaped to make a tree walk quadratic; real-looking pages
scaled up, `tests/big_pages.py`), each converted by the command line in a fresh child process.

Run: python benchmarks/adversarial_prefixes.py [--only WORDS|WORDS] [--code DIR] [--against DIR]
[--limit SECONDS]. Prints, per case, wall and CPU seconds of the child and how it ended, and flags each over
3 CPU seconds (the limit a page may take; CPU time, as wall time counts the other work on a shared machine);
a case still running after --limit seconds (default 60) is stopped. The seed page is measured first, for
scale. --code runs another checkout's code on the same inputs; --against DIR runs DIR's code too and prints
its figures beside (before and after a change, each case by both in turn).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_4421cee95cb58524.txt"
SLOW = 3.0


def write_inputs(folder: Path) -> None:
    """Write the cases' inputs into ``folder``, numbered in order."""
    sys.path.insert(0, str(ROOT / "tests"))
    from big_pages import big_page_cases
    from inputs import adversarial_cases, deep_cases, stress_cases

    for number, case in enumerate(adversarial_cases() + deep_cases() + stress_cases() + big_page_cases()):
        (folder / f"{number:03} {case.name}{case.suffix}").write_bytes(case.data)


def measure(source: Path, book: Path, code: Path, limit: float) -> tuple[float, float, str]:
    """Convert ``source`` in a fresh child process: wall and CPU seconds, and how it ended."""
    book.unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(code)}
    command = [sys.executable, "-m", "export", str(source), "-o", str(book), "-q", "--max-input-size", "64M"]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors, cwd=code)
        stopper = threading.Timer(limit, process.kill)
        stopper.start()
        _, status, usage = os.wait4(process.pid, 0)
        stopper.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        lines = errors.read().decode("utf-8", "replace").strip().splitlines()
    wall, cpu = time.perf_counter() - started, usage.ru_utime + usage.ru_stime
    if process.returncode == 0:
        return wall, cpu, "book"
    if process.returncode < 0:
        return wall, cpu, f"stopped after {limit:.0f} s"
    return wall, cpu, f"exit {process.returncode}: {lines[-1].rpartition(': ')[2][:60] if lines else ''}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", help="run only the cases whose name contains this (or one of A|B|...)")
    parser.add_argument(
        "--code", type=Path, default=ROOT, help="the checkout whose code converts (default: this)"
    )
    parser.add_argument("--against", type=Path, help="another checkout, measured beside --code")
    parser.add_argument("--limit", type=float, default=60.0, help="stop a case after this many seconds")
    args = parser.parse_args()
    codes = [args.code.resolve()] + ([args.against.resolve()] if args.against else [])
    slow = 0
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        inputs = scratch / "inputs"
        inputs.mkdir()
        write_inputs(inputs)
        heads = "".join(f" {'wall':>8} {'CPU':>8}  {'outcome':30}" for _ in codes)
        print(f"{'case':50} {'input':>9}{heads}")
        if args.against:
            print(f"{'':61}{str(codes[0])[-40:]:50}{str(codes[1])[-40:]}")
        words = args.only.split("|") if args.only else [""]
        chosen = [path for path in sorted(inputs.iterdir()) if any(word in path.name[4:] for word in words)]
        for source in [SEED, *chosen]:
            figures = ""
            for code in codes:
                wall, cpu, outcome = measure(source, scratch / "book.epub", code, args.limit)
                flag = "SLOW " if cpu > SLOW or outcome.startswith("stopped") else ""
                slow += bool(flag) and code == codes[0]
                figures += f" {wall:6.2f} s {cpu:6.2f} s  {(flag + outcome)[:30]:30}"
            name = "the seed (for scale)" if source == SEED else source.stem[4:]
            size = source.stat().st_size / 2**20
            print(f"{name:50} {size:6.2f} MB{figures}", flush=True)
    print(f"{slow} case(s) over {SLOW:.0f} CPU seconds (by --code)")


if __name__ == "__main__":
    main()
