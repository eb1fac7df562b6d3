"""Speed and memory of WordPress exports end to end: the anthology, and --split --jobs 2.

Generates a synthetic export (10,000 posts with 20 nested comments each by default), runs the command line
on it with claims on, and prints posts per second (per core) and the peak memory of the process tree,
sampled from /proc. Aim: 300 posts/s per core, under 300 MB whatever the export's size.

    python benchmarks/wxr_bench.py [--posts 10000] [--comments 20] [--keep DIR] [--against CHECKOUT]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import checkout_command
from wxr_synthetic import write_synthetic_export

PAGE = os.sysconf("SC_PAGE_SIZE")


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/statm") as stream:
                total += int(stream.read().split()[1]) * PAGE
            with open(f"/proc/{current}/task/{current}/children") as stream:
                pending += [int(child) for child in stream.read().split()]
        except (OSError, ValueError):
            continue
    return total


def run(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of the whole tree, and the peak resident bytes of the tree."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, errors = process.communicate()
    sampler.join()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}\n{errors}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, peak


def row(label: str, *figures: str) -> None:
    print(f"{label:<28}" + "".join(f"{figure:>10}" for figure in figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--comments", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="write the export and books here and keep them")
    parser.add_argument("--against", type=Path, help="another checkout (e.g. main's): its anthology run too")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="wxr-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    export = folder / f"synthetic-{args.posts}x{args.comments}.xml"
    if not export.exists():
        started = time.perf_counter()
        write_synthetic_export(export, args.posts, args.comments)
        size = export.stat().st_size / 2**20
        print(f"generated {export.name}: {size:.0f} MB in {time.perf_counter() - started:.1f} s")
    tool = [sys.executable, "-m", "export", str(export), "-q"]
    print(f"{args.posts:,} posts, {args.posts * args.comments:,} comments, claims on (default level)")
    # On a shared machine wall time counts the other users' load too: posts per CPU second is per core.
    row("run", "wall s", "CPU s", "posts/s", "per core", "per CPU s", "peak MB")
    runs = [
        ("anthology", 1, ["-o", str(folder / "anthology.epub")]),
        ("anthology --jobs 2", 2, ["-o", str(folder / "anthology-2.epub"), "--jobs", "2"]),
        ("--split --jobs 2", 2, ["--split", "--jobs", "2", "-o", str(folder / "split")]),
    ]
    if args.against:
        other = [*checkout_command(args.against), *tool[3:]]
        runs.insert(1, (f"anthology, {args.against.name}", 1, ["-o", str(folder / "other.epub")]))
    for label, cores, options in runs:
        shutil.rmtree(folder / "split", ignore_errors=True)
        command = [*(other if label.startswith("anthology, ") else tool), *options]
        wall, cpu, peak = run(command)
        rate = args.posts / wall
        per_cpu, megabytes = args.posts / cpu, peak / 2**20
        row(
            label,
            f"{wall:.1f}",
            f"{cpu:.1f}",
            f"{rate:.0f}",
            f"{rate / cores:.0f}",
            f"{per_cpu:.0f}",
            f"{megabytes:.0f}",
        )
    wall, cpu, peak = run([*tool, "--split", "--jobs", "2", "-o", str(folder / "split")])
    row("--split again (all kept)", f"{wall:.1f}", f"{cpu:.1f}", "", "", "", f"{peak / 2**20:.0f}")
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
