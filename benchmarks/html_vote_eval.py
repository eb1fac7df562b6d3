"""A vote of other extractors on the page reader's article text, on tune's halves A and B apart.

Run: python benchmarks/html_vote_eval.py --collect /tmp/votes.pickle   (read every tune page: minutes)
     python benchmarks/html_vote_eval.py --votes /tmp/votes.pickle [--half A|B|all]
The first reads each tune page as the book does (``read_html``: its final text, one line per block as
``html_eval.py`` scores it) and asks each voter of ``VOTERS`` what it keeps of the same decoded markup:
jusText's non-boilerplate paragraphs (all its stoplists together, as trafilatura's fallback does),
readability-lxml's summary, resiliparse's main-content text; each voter timed in the child, in-process.
The second asks, for each of our lines, which voters keep it (matched by text, never by position: at least
half of the line's word 4-shingles are in the voter's text, or, for a line of fewer than four words, its
words stand together in the voter's text) and scores, as ``html_eval.py`` does:
  ours now;
  "drop k/n S": ours without the lines that at least k of the n voters S reject (never all lines);
  "edges k/n S": the same, only before the first and after the last line they keep (the article's span);
  "add S": ours with jusText's paragraphs that every voter of S keeps and ours has not, where they stand
  between the first and the last of our lines in jusText's document order.
A variant wins a page where it keeps fewer "without" snippets and finds as many "with" ones (or, neither
changing, raises the shingle F1 by more than 0.005) and loses it where it finds fewer or keeps more
(``html_trim_eval.page_verdict``). ``--agree F`` drops nothing where the lines kept would hold less than
F of our words (the voters found another part of the page). Develop on half A; count won and lost pages
on half B. Aside pages are never read. readability-lxml and resiliparse vote where they are installed
(``pip install readability-lxml resiliparse``); no extra installs them.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from gold import SHINGLE, WORD  # noqa: E402
from html_eval import article_text  # noqa: E402
from html_trim_eval import Score, page_verdict, score_figures, score_text, tune_arguments, tune_pages  # noqa: E402
from large_corpus import LargeGold, half_of  # noqa: E402

from export.readers.html.page import read_html  # noqa: E402
from export.readers.html.parse import parse_page  # noqa: E402
from export.readers.origin import PageInput  # noqa: E402

KEPT_SHARE = 0.5  # a line is kept by a voter whose text holds at least this share of the line's shingles


@dataclass
class Paragraph:
    """One of jusText's paragraphs, in document order: its text and whether jusText keeps it."""

    text: str
    kept: bool


@dataclass
class Voted:
    """A tune page as the book reads it and what each voter keeps of it."""

    lines: list[str]
    seconds: float  # ours, in-process
    texts: dict[str, str] = field(default_factory=dict)  # each voter's kept text
    voter_seconds: dict[str, float] = field(default_factory=dict)
    paragraphs: list[Paragraph] = field(default_factory=list)  # jusText's, all of them


@cache
def _stoplist() -> frozenset[str]:
    justext = importlib.import_module("justext")
    return frozenset(word for language in justext.get_stoplists() for word in justext.get_stoplist(language))


def _justext(markup: str) -> list[Paragraph]:
    paragraphs = importlib.import_module("justext").justext(markup, _stoplist())
    return [Paragraph(p.text, not p.is_boilerplate) for p in paragraphs]


def _readability(markup: str) -> str:
    import lxml.html

    summary = importlib.import_module("readability").Document(markup).summary(html_partial=True)
    tree = lxml.html.fragment_fromstring(summary, create_parent="div")
    return "\n".join(
        " ".join(node.itertext()) for node in tree.iter("p", "li", "h1", "h2", "h3", "h4", "td", "pre")
    )


def _resiliparse(markup: str) -> str:
    html2text = importlib.import_module("resiliparse.extract.html2text")
    return str(html2text.extract_plain_text(markup, main_content=True))


# Each voter, with the module it needs: one not installed is left out of the vote.
VOTERS: dict[str, tuple[str, Callable[[str], object]]] = {
    "justext": ("justext", _justext),
    "readability": ("readability", _readability),
    "resiliparse": ("resiliparse", _resiliparse),
}


PACKAGES = {"readability": "readability-lxml"}  # the voters whose package is named otherwise


def installed() -> list[str]:
    """The voters whose module is installed."""
    return [name for name, (module, _) in VOTERS.items() if importlib.util.find_spec(module) is not None]


def voters_line(found: list[str]) -> str:
    """The voters that vote, and those left out as not installed with what installs them."""
    missing = [f"{name} (pip install {PACKAGES.get(name, name)})" for name in VOTERS if name not in found]
    return f"voters: {', '.join(found)}" + (
        f"; not installed, left out: {', '.join(missing)}" if missing else ""
    )


def read_voted(page: str) -> Voted:
    """Our final lines of ``page`` and each voter's reading of its decoded markup, each timed."""
    started = time.perf_counter()
    source = PageInput.from_file(Path(page))  # read once: the book's reading and the voters' markup
    article = read_html(source)
    voted = Voted(article_text(article).split("\n"), time.perf_counter() - started)
    markup = parse_page(source.data, source.name, source.charset).markup
    for name in installed():
        voter = VOTERS[name][1]
        started = time.perf_counter()
        try:
            found = voter(markup)
        except Exception:  # a voter that fails on a page keeps nothing of it
            found = ""
        voted.voter_seconds[name] = time.perf_counter() - started
        if isinstance(found, list):
            voted.paragraphs = found
            found = "\n".join(p.text for p in found if p.kept)
        voted.texts[name] = str(found)
    return voted


def _words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


class Voter:
    """What one voter keeps of a page, to ask of a line."""

    def __init__(self, text: str) -> None:
        self.words = _words(text)
        self.shingles = _shingles(self.words)
        self.joined = f" {' '.join(self.words)} "

    def keeps(self, line: str) -> bool:
        words = _words(line)
        if not words:
            return True
        if len(words) < SHINGLE:
            return f" {' '.join(words)} " in self.joined
        shingles = _shingles(words)
        return len(shingles & self.shingles) >= KEPT_SHARE * len(shingles)


def dropped(voted: Voted, voters: tuple[str, ...], at_least: int, edges: bool, agree: float) -> list[str]:
    """Our lines without those at least ``at_least`` of ``voters`` reject: anywhere, or at the ``edges`` only
    (before the first and after the last line kept); all of them where less than ``agree`` of our words or
    nothing would be left."""
    asked = [Voter(voted.texts[name]) for name in voters]
    keep = [sum(not v.keeps(line) for v in asked) < at_least for line in voted.lines]
    if not any(keep):
        return voted.lines
    if edges:
        first, last = keep.index(True), len(keep) - 1 - keep[::-1].index(True)
        keep = [first <= index <= last for index in range(len(keep))]
    words = [len(_words(line)) for line in voted.lines]
    if sum(n for n, kept in zip(words, keep, strict=True) if kept) < agree * sum(words):
        return voted.lines
    return [line for line, kept in zip(voted.lines, keep, strict=True) if kept]


def added(voted: Voted, voters: tuple[str, ...]) -> list[str]:
    """Our lines with jusText's paragraphs that every voter of ``voters`` keeps and ours lacks, where they
    stand between the first and last of our lines in jusText's order, each after the line before it."""
    ours = Voter("\n".join(voted.lines))
    asked = [Voter(voted.texts[name]) for name in voters]
    place = [ours.keeps(p.text) and bool(_words(p.text)) for p in voted.paragraphs]
    if not any(place):
        return voted.lines
    first, last = place.index(True), len(place) - 1 - place[::-1].index(True)
    lines = list(voted.lines)
    cursor: int | None = None  # where the last paragraph placed stands among the lines
    for index in range(first, last):
        text = voted.paragraphs[index].text
        if place[index]:
            placed = Voter(text)
            cursor = next((n for n, line in enumerate(lines) if placed.keeps(line) and _words(line)), cursor)
        elif len(_words(text)) >= SHINGLE and all(v.keeps(text) for v in asked):
            cursor = len(lines) if cursor is None else cursor + 1
            lines.insert(cursor, text)
    return lines


def score(gold: LargeGold, lines: list[str] | None) -> Score:
    """The page's text scored as ``html_eval.py`` scores it (a page not read scores as empty)."""
    return score_text(gold, "\n".join(lines or []))


def variants(names: tuple[str, ...], agree: float) -> dict[str, Callable[[Voted], list[str]]]:
    """Every drop, edges and add variant over every non-empty set of the voters ``names``."""
    found: dict[str, Callable[[Voted], list[str]]] = {}
    for size in range(1, len(names) + 1):
        for voters in itertools.combinations(names, size):
            label = "+".join(voters)
            for k in range(1, size + 1):
                for kind in ("drop", "edges"):
                    found[f"{kind} {k}/{size} {label}"] = partial(
                        dropped, voters=voters, at_least=k, edges=kind == "edges", agree=agree
                    )
            if "justext" in voters:
                found[f"add {label}"] = partial(added, voters=voters)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    tune_arguments(parser, "votes", "--votes", "score the variants on the votes kept in this file")
    parser.add_argument("--half", choices=("A", "B", "all"), default="A")
    parser.add_argument("--agree", type=float, default=0.0, help="drop nothing where less of ours is kept")
    options = parser.parse_args()
    if options.collect:
        print(voters_line(installed()))
        _warm()
    golds, saved = tune_pages(options, read_voted, 30.0)
    golds = [gold for gold in golds if options.half == "all" or half_of(gold.site) == options.half]
    pages: list[Voted | None] = [saved.get(str(gold.page)) for gold in golds]
    print(f"tune half {options.half}: {len(golds)} pages, {sum(p is not None for p in pages)} read")
    read = [page for page in pages if page is not None]
    names = tuple(read[0].texts) if read else ()
    print("median s/page in-process: ours " + f"{statistics.median(p.seconds for p in read):.3f}", end="")
    for name in names:
        print(f", {name} {statistics.median(p.voter_seconds[name] for p in read):.3f}", end="")
    print()
    base = [score(gold, page.lines if page else None) for gold, page in zip(golds, pages, strict=True)]
    print(f"{'ours now':42} {'':>11}  {score_figures(base)}")
    for label, variant in variants(names, options.agree).items():
        scores = [
            score(gold, variant(page) if page else None) for gold, page in zip(golds, pages, strict=True)
        ]
        verdicts = [page_verdict(s, b) for s, b in zip(scores, base, strict=True)]
        print(f"{label:42} +{verdicts.count(1):3} -{verdicts.count(-1):3}  {score_figures(scores)}")


def _warm() -> None:
    """Read the small corpus's first page once here, so children forked from this process time warm calls."""
    from gold import corpus_pages

    read_voted(str(corpus_pages()[0]))


if __name__ == "__main__":
    main()
