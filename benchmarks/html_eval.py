"""The page reader on corpus-large beside trafilatura 2.x: the same page bytes, one scorer for both.

Run: python benchmarks/html_eval.py [--set tune|aside|all] [--jobs 2] [--limit N] [--corpus DIR]
     python benchmarks/html_eval.py --small     (the ten pages of the small corpus, per page, as before)
corpus-large is found at --corpus, else $ANNOTATED_EPUB_SHARED/corpus-large, else ROOT.parent/shared.

Sets: corpus-large is split by site (``large_corpus``: a site is *aside* when sha256(site)'s first 8 hex
digits are below 0x55555555, the lowest third) and each part is reported apart. Develop on *tune*;
per-page results (``--details FILE``) are written for tune pages only, never for aside ones.

Each page is converted in a child process of its own, killed after ``--timeout`` seconds (a failure).
Ours: ``read_html_page``; its text is the article's standfirst and section blocks as the model holds
them (paragraphs, headings, lists, quotes, tables, captions, code), not comments, footnotes or archives.
trafilatura: ``bare_extraction(bytes, with_metadata=True)``, its defaults otherwise (main text only).
Scores: share of trafilatura's gold "with" snippets found and "without" snippets kept (whitespace-
normalised substring, as trafilatura's evaluation does; a failed page keeps none and finds none);
4-token (\\w+) shingle precision and recall per document against readability's and scrapinghub's
expected text, F1 of their means as scrapinghub reports it; title right (same \\w+ words, case-folded),
an author right (one name equal to one of the gold's names), date right (same day) where the gold has
one; median seconds per page, timed in the child around the call alone (each system runs once in
the parent first, so imports and first-call set-up are not counted in every child).

``--neutral-markup text|text+comments`` is a stress run: each child rewrites the page's bytes, for every
system alike, with the class and id words the reader's text tables name turned into neutral tokens
(``comment_neutral.neutralise_bytes``), and converts that copy (in a temporary folder, under the page's
own name); the gold is text, so the scorer is unchanged.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from comment_neutral import TEXT_LEVELS, TextLevel, neutralise_bytes  # noqa: E402
from corpus_pages import absent, corpus_argument  # noqa: E402
from gold import Counts, ShingleScore, mean_shingle_f1, shingle_score, snippet_counts  # noqa: E402
from isolated import run_isolated  # noqa: E402
from large_corpus import LargeGold, half_of, load  # noqa: E402

from export.model import Article, Block, ListBlock, Paragraph, Picture, Preformatted, Quote, Table  # noqa: E402
from export.readers.html.choice import MainText  # noqa: E402
from export.readers.html.page import read_html_page  # noqa: E402

WORDS = re.compile(r"\w+")
# A line break ends a byline's name ("By Jo Doe\n March 25, 2015" in Readability's gold).
NAME_SEPARATORS = re.compile(r"\s*(?:[;,&/|\n]|\band\b|\bund\b|\bet\b|\by\b)\s*", re.IGNORECASE)
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—»:·•/~]{1,3}\s+")
BY = re.compile(r"^\s*(?:by|von|par|por|de)\s+", re.IGNORECASE)


@dataclass
class Extraction:
    """What one system made of one page."""

    text: str = ""
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    seconds: float = 0.0


def block_text(blocks: list[Block]) -> list[str]:
    """One line per paragraph, heading, list item's paragraph, table row, caption or code block."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, ListBlock):
            for item in block.items:
                lines += block_text(item.blocks)
        elif isinstance(block, Quote):
            lines += block_text(block.blocks)
        elif isinstance(block, Table):
            lines += [block.caption.text] if block.caption else []
            lines += [" ".join(cell.content.text for cell in row) for row in block.rows]
        elif isinstance(block, Picture):
            lines += [block.caption.text] if block.caption else []
        elif isinstance(block, Preformatted | Paragraph) or hasattr(block, "text"):
            lines.append(block.text)
    return lines


def article_text(article: Article) -> str:
    """The article's own text as the model holds it: standfirst and section blocks."""
    lines = [article.standfirst.text] if isinstance(article.standfirst, Paragraph) else []
    for section in article.sections:
        lines += block_text(section.blocks)
    return "\n".join(lines)


def ours(page: Path, main_text: MainText = "hybrid") -> Extraction:
    started = time.perf_counter()
    article = read_html_page(page, main_text)
    seconds = time.perf_counter() - started
    return Extraction(
        article_text(article),
        article.title,
        [person.name for person in article.authors],
        article.published.isoformat() if article.published else None,
        seconds,
    )


def trafilatura_extraction(page: Path) -> Extraction:
    import trafilatura

    data = page.read_bytes()
    started = time.perf_counter()
    document = trafilatura.bare_extraction(data, with_metadata=True)
    seconds = time.perf_counter() - started
    if document is None:
        return Extraction(seconds=seconds)
    assert not isinstance(document, dict), "bare_extraction gives a dict only with as_dict=True"
    authors = [name.strip() for name in (document.author or "").split(";") if name.strip()]
    return Extraction(document.text or "", document.title, authors, document.date, seconds)


EXTRACTORS: dict[str, Callable[[Path], Extraction]] = {
    "ours": ours,
    "trafilatura": trafilatura_extraction,
    "ours-own": lambda page: ours(page, "ours"),  # our container finder alone
    "ours-traf": lambda page: ours(page, "trafilatura"),  # trafilatura's text in our model
}
BASELINE = "before"  # the column of --baseline: another build's "ours" on the same pages


def _task(argument: tuple[str, str, TextLevel | None]) -> Extraction:
    system, page, level = argument
    if level is None:
        return EXTRACTORS[system](Path(page))
    with tempfile.TemporaryDirectory(prefix="html_eval_") as folder:
        copy = Path(folder) / Path(page).name
        copy.write_bytes(neutralise_bytes(Path(page).read_bytes(), level)[0])
        return EXTRACTORS[system](copy)


def words(text: str | None) -> tuple[str, ...]:
    return tuple(WORDS.findall((text or "").casefold()))


def title_right(found: str | None, gold: str, site: str | None = None, byline: str | None = None) -> bool:
    """The same words as the gold's title, or as the gold's title without the parts at its end that name the
    site or the author the gold itself states, or without a leading part naming the site (Readability's gold
    keeps "| IAB" after a title and names the site "IAB"; it keeps "| Eleanor Ainge Roy" and "- John C.
    Welch - Medium" and names those the byline and the site)."""
    if not words(gold):
        return False
    expected = {words(gold)}
    names = {words(site)} | (_names(byline) if byline else set())
    parts = TITLE_SEPARATORS.split(gold)
    while len(parts) > 1 and words(parts[-1]) in names - {()}:
        parts = parts[:-1]
        expected.add(words(" ".join(parts)))
    parts = TITLE_SEPARATORS.split(gold)
    if site and words(site) and len(parts) > 1 and words(parts[0]) == words(site):
        expected.add(words(" ".join(parts[1:])))
    return words(found) in expected


def _names(text: str) -> set[tuple[str, ...]]:
    return {words(BY.sub("", part)) for part in NAME_SEPARATORS.split(text) if words(part)}


def author_right(found: list[str], gold: str) -> bool:
    """One found name equals one of the gold's names (or all found names together equal the gold)."""
    expected = _names(gold) | {words(BY.sub("", gold))}
    names = {words(BY.sub("", name)) for name in found} | {words(" ".join(found))}
    return bool(expected & (names - {()}))


@dataclass
class Tally:
    """One system's figures over one set of pages."""

    pages: int = 0
    errors: int = 0
    timeouts: int = 0
    snippets: Counts = field(default_factory=Counts)
    shingles: list[ShingleScore] = field(default_factory=list)
    titles: list[bool] = field(default_factory=list)
    authors: list[bool] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)

    def add(self, gold: LargeGold, status: str, extraction: Extraction | None) -> dict[str, Any]:
        """Score one page; the page's figures, for --details."""
        self.pages += 1
        self.errors += status == "error"
        self.timeouts += status == "timeout"
        found = extraction if isinstance(extraction, Extraction) else Extraction()
        row: dict[str, Any] = {"status": status}
        if extraction is not None:
            self.seconds.append(found.seconds)
        if gold.with_snippets or gold.without_snippets:
            counts = snippet_counts(found.text, gold.with_snippets, gold.without_snippets)
            self.snippets += counts
            row["with"] = f"{counts.tp}/{counts.tp + counts.fn}"
            row["without"] = f"{counts.fp}/{counts.fp + counts.tn}"
        if gold.body is not None:
            score = shingle_score(found.text, gold.body)
            self.shingles.append(score)
            row["shingle"] = [round(score.precision, 3), round(score.recall, 3)]
        for name, expected, check, target in (
            (
                "title",
                gold.title,
                lambda: title_right(found.title, gold.title or "", gold.site_name, gold.author),
                self.titles,
            ),
            ("author", gold.author, lambda: author_right(found.authors, gold.author or ""), self.authors),
            ("date", gold.date, lambda: found.date == gold.date, self.dates),
        ):
            if expected:
                right = check()
                target.append(right)
                row[name] = right
        return row


def _share(values: list[bool]) -> str:
    return f"{sum(values) / len(values):.3f} ({len(values)})" if values else "-"


def report(name: str, tallies: dict[str, Tally]) -> None:
    """The table of one set: a row per metric, a column per system."""
    first = next(iter(tallies.values()))
    print(f"\n== {name}: {first.pages} pages ==")
    rows = [
        ("failures (errors+timeouts)", lambda t: f"{t.errors + t.timeouts} ({t.timeouts} t/o)"),
        ("with-snippets found", lambda t: _ratio(t.snippets.tp, t.snippets.tp + t.snippets.fn)),
        ("without-snippets kept", lambda t: _ratio(t.snippets.fp, t.snippets.fp + t.snippets.tn)),
        ("shingle precision (mean)", lambda t: _mean([s.precision for s in t.shingles])),
        ("shingle recall (mean)", lambda t: _mean([s.recall for s in t.shingles])),
        (f"shingle F1 ({len(first.shingles)} pages)", lambda t: f"{mean_shingle_f1(t.shingles):.3f}"),
        ("shingle F1 per page (mean)", lambda t: _mean([s.f1() for s in t.shingles])),
        ("title right", lambda t: _share(t.titles)),
        ("an author right", lambda t: _share(t.authors)),
        ("date right", lambda t: _share(t.dates)),
        ("median s/page (in-process)", lambda t: f"{statistics.median(t.seconds):.3f}" if t.seconds else "-"),
    ]
    print(f"{'':30}" + "".join(f" {name:>14}" for name in tallies))
    for label, figure in rows:
        print(f"{label:30}" + "".join(f" {figure(tally):>14}" for tally in tallies.values()))


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


def _mean(values: list[float]) -> str:
    return f"{sum(values) / len(values):.3f}" if values else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("tune", "aside", "all"), default="all")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, help="only the first N pages of each set")
    parser.add_argument("--timeout", type=float, default=20.0)
    corpus_argument(parser)
    parser.add_argument("--details", help="write per-page results of tune pages to this JSON file")
    parser.add_argument("--systems", default="ours,trafilatura", help=f"some of {','.join(EXTRACTORS)}")
    parser.add_argument("--small", action="store_true", help="the small corpus's ten pages instead")
    parser.add_argument("--save", help="keep the raw results in this JSON file")
    parser.add_argument("--load", help="raw results of systems not run now, from a --save file")
    parser.add_argument("--baseline", help=f"a --save file whose 'ours' is shown as '{BASELINE}'")
    parser.add_argument("--halves", action="store_true", help="also report tune's halves A and B apart")
    parser.add_argument(
        "--neutral-markup",
        choices=TEXT_LEVELS,
        help="stress: the text tables' class and id words rewritten, for all systems (comment_neutral)",
    )
    options = parser.parse_args()
    if options.small:
        import html_small_eval

        html_small_eval.main()
        return
    corpus = options.corpus
    if not (corpus / "README.md").is_file():
        absent(corpus)
    parts = ("tune", "aside") if options.set == "all" else (options.set,)
    golds = [gold for part in parts for gold in _limited(load(corpus), part, options.limit)]
    systems = [name for name in options.systems.split(",") if name in EXTRACTORS]
    for system in systems:  # imports and first-call set-up once here, not in each page's child
        _warm(EXTRACTORS[system], golds[0].page if golds else None)

    tasks = [(system, str(gold.page)) for gold in golds for system in systems]
    results: dict[tuple[str, str], tuple[str, Extraction | None]] = {}
    if options.load:
        for system, page, status, value in json.loads(Path(options.load).read_text(encoding="utf-8")):
            if system not in systems:
                results[(system, page)] = (status, Extraction(**value) if value else None)
    started = time.monotonic()
    arguments = [(system, page, options.neutral_markup) for system, page in tasks]
    for index, status, value in run_isolated(_task, arguments, options.jobs, options.timeout):
        results[tasks[index]] = (status, value if status == "ok" else None)
        if status != "ok" and golds[index // len(systems)].part == "tune":
            print(f"{tasks[index][0]}: {status} on {tasks[index][1]}: {value}", file=sys.stderr)
    if options.save:
        saved = [[*key, status, asdict(value) if value else None] for key, (status, value) in results.items()]
        Path(options.save).write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
    if options.baseline:  # another build's "ours", shown as a column of its own
        for system, page, status, value in json.loads(Path(options.baseline).read_text(encoding="utf-8")):
            if system == "ours":
                results[(BASELINE, page)] = (status, Extraction(**value) if value else None)
    details = []
    present = {system for system, _ in results}
    columns = [system for system in (BASELINE, *EXTRACTORS) if system in present]
    for part in parts:
        tallies = {system: Tally() for system in columns}
        for gold in golds:
            if gold.part != part:
                continue
            row: dict[str, Any] = {"page": str(gold.page.relative_to(corpus)), "site": gold.site}
            for system in tallies:
                status, extraction = results[(system, str(gold.page))]
                row[system] = tallies[system].add(gold, status, extraction)
                if part == "tune" and extraction is not None:
                    row[system]["extraction"] = asdict(extraction)
            if part == "tune":
                details.append(row)
        report(part, tallies)
        if part == "tune" and options.halves:
            for half in ("A", "B"):
                halves = {system: Tally() for system in columns}
                for gold in golds:
                    if gold.part == part and half_of(gold.site) == half:
                        for system in halves:
                            halves[system].add(gold, *results[(system, str(gold.page))])
                report(f"tune half {half}", halves)
    if options.neutral_markup:
        print(f"\nstress: class and id words of the text tables neutral ({options.neutral_markup})")
    print(f"\n{len(tasks)} conversions in {time.monotonic() - started:.0f} s on {options.jobs} jobs")
    if options.details:
        Path(options.details).write_text(json.dumps(details, ensure_ascii=False, indent=1), encoding="utf-8")


def _warm(extractor: Callable[[Path], Extraction], page: Path | None) -> None:
    """Run ``extractor`` once in this process, so children forked from it time warm conversions."""
    if page is None:
        return
    try:
        extractor(page)
    except Exception:  # a page that fails is counted in the run itself
        return


def _limited(golds: list[LargeGold], part: str, limit: int | None) -> list[LargeGold]:
    chosen = [gold for gold in golds if gold.part == part]
    return chosen[:limit] if limit else chosen


if __name__ == "__main__":
    main()
