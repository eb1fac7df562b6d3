"""The article's date on corpus-large's tune pages: ours beside trafilatura's and htmldate's, and policies
that combine them, each counted in pages won and lost against ours (tune only, never aside).

Run: python benchmarks/html_dates.py [--corpus DIR] [--pages]
A page is right when its day equals the gold's (pages whose gold states a date). htmldate is called on
the markup ``parse_page`` decodes, with a fixed latest date (as the reader does); "extensive" is its
text search, which may hand text to dateparser. Times are htmldate's own, per call, in this process
(dateparser's first load falls on the first page that needs it). On pages where ours finds no date,
the extensive search's answers are counted apart: a 1st of the month is what it gives for a year or a
month alone (a copyright line), which is no day of publication.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from corpus_pages import absent, corpus_argument  # noqa: E402
from large_corpus import LargeGold, load  # noqa: E402

from export.readers.html.metadata import read_metadata  # noqa: E402
from export.readers.html.page import read_html  # noqa: E402
from export.readers.html.parse import parse_page  # noqa: E402
from export.readers.origin import PageInput  # noqa: E402

# htmldate's options: (original_date, extensive_search)
HTMLDATE = {
    "fast": (True, False),
    "extensive": (True, True),
    "fast, any date": (False, False),
    "extensive, any date": (False, True),
}


@dataclass
class Dates:
    """One page's dates as each reader gives them (ISO days, None where none)."""

    gold: str | None
    ours: str | None
    trafilatura: str | None
    stated: str | None  # our metadata's published date (JSON-LD, meta, itemprop)
    modified: str | None  # our metadata's modified date
    written: str | None  # our date from the lines around the headline or the address
    htmldate: dict[str, str | None] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def _htmldate(d: Dates, name: str) -> str | None:
    return d.htmldate[name]


def _not_modified(d: Dates) -> str | None:
    """htmldate's date, unless it is the page's stated modified date and the page states another one."""
    fast, other = d.htmldate["fast"], d.stated or d.written
    return other if fast and fast == d.modified and other and other != fast else fast


POLICIES: dict[str, Callable[[Dates], str | None]] = {
    "trafilatura (htmldate extensive)": lambda d: d.trafilatura,
    **{f"htmldate {name}": partial(_htmldate, name=name) for name in HTMLDATE},
    "stated published, else ours": lambda d: d.stated or d.ours,
    "htmldate extensive, else ours": lambda d: d.htmldate["extensive"] or d.stated or d.written,
    "ours, else htmldate extensive": lambda d: d.ours or d.htmldate["extensive"],
    "ours, htmldate's modified date giving way": lambda d: _not_modified(d) or d.stated or d.written,
    "the last, else htmldate extensive": lambda d: (
        _not_modified(d) or d.stated or d.written or d.htmldate["extensive"]
    ),
}


def _iso(day: object) -> str | None:
    return day.isoformat()[:10] if hasattr(day, "isoformat") else (str(day)[:10] if day else None)


def dates_of(gold: LargeGold) -> Dates:
    """Every reader's date for one page."""
    import htmldate
    import trafilatura

    page = PageInput.from_file(gold.page)
    parsed = parse_page(page.data, page.name, page.charset)
    metadata = read_metadata(parsed.root)
    extracted = trafilatura.bare_extraction(page.data, with_metadata=True)
    found = Dates(
        gold.date,
        _iso(read_html(page).published),
        _iso(getattr(extracted, "date", None)),
        _iso(metadata.published),
        _iso(metadata.updated),
        _iso(metadata.dated),
    )
    for name, (original, extensive) in HTMLDATE.items():
        started = time.perf_counter()
        found.htmldate[name] = htmldate.find_date(
            parsed.markup,
            outputformat="%Y-%m-%d",
            max_date="2100-12-31",
            original_date=original,
            extensive_search=extensive,
        )
        found.seconds[name] = time.perf_counter() - started
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_argument(parser)
    parser.add_argument("--pages", action="store_true", help="list the pages ours gets wrong")
    options = parser.parse_args()
    if not (options.corpus / "README.md").is_file():
        absent(options.corpus)
    tune = [gold for gold in load(options.corpus) if gold.part == "tune"]
    pages = [(gold, dates_of(gold)) for gold in tune]
    dated = [(gold, d) for gold, d in pages if d.gold]
    right = sum(d.ours == d.gold for _, d in dated)
    print(f"tune: {len(tune)} pages, {len(dated)} with a gold date; ours right on {right}")
    print(f"{'policy':45} {'right':>6} {'won':>4} {'lost':>4}  sites won / lost")
    for name, policy in POLICIES.items():
        answers = [(gold, policy(d), d) for gold, d in dated]
        won = [gold.site for gold, answer, d in answers if answer == d.gold != d.ours]
        lost = [gold.site for gold, answer, d in answers if answer != d.gold == d.ours]
        hits = sum(answer == d.gold for _, answer, d in answers)
        sites = f"{sorted(set(won))} / {sorted(set(lost))}"
        print(f"{name:45} {hits:>6} {len(won):>4} {len(lost):>4}  {sites}")
    for name in HTMLDATE:
        times = [d.seconds[name] * 1000 for _, d in pages]
        print(f"htmldate {name}: median {statistics.median(times):.1f} ms, max {max(times):.0f} ms per page")
    undated = [d for _, d in pages if not d.ours]
    extensive = [d.htmldate["extensive"] for d in undated if d.htmldate["extensive"]]
    first = sum(day.endswith("-01") for day in extensive)
    checked = [d for d in undated if d.gold]
    right_there = sum(d.htmldate["extensive"] == d.gold for d in checked)
    print(f"pages where ours finds no date: {len(undated)}; htmldate extensive dates {len(extensive)},")
    print(
        f"  {first} of them on the 1st of a month, right on {right_there} of {len(checked)} with a gold date"
    )
    if options.pages:
        for gold, d in dated:
            if d.ours != d.gold:
                print(
                    f"  {gold.site}: gold {d.gold} ours {d.ours} stated {d.stated} modified {d.modified}"
                    f" written {d.written} htmldate {d.htmldate['fast']}/{d.htmldate['extensive']}"
                )


if __name__ == "__main__":
    main()
