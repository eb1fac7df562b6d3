"""Generic boilerplate rules tried on top of the page reader's trim, on tune's halves A and B apart.

Run: python benchmarks/html_without_eval.py --collect /tmp/without.pickle   (read every tune page: minutes)
     python benchmarks/html_without_eval.py --blocks /tmp/without.pickle [--half A|B|all] [--pages]
The first keeps each tune page's chosen blocks before the trim, as ``html_trim_eval.py`` does, and beside
them trafilatura's plain text with ``favor_precision`` and with its default options and the page's visible
text. The second drops, for each rule of ``CANDIDATES``, the blocks it names: on top of ``trim.RULES``
("trim": what the rule would add to the reader) and in their place ("raw": what a generic rule finds of
what the site-fitted rules find), and scores the text as ``html_eval.py`` does, with the pages won and
lost (``html_trim_eval``'s verdict). Tune's halves are ``large_corpus.half_of``'s: develop on A, and ask
for B only to check a rule written on A. Aside pages are never read.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from gold import normalise  # noqa: E402
from html_eval import block_text  # noqa: E402
from html_trim_eval import (  # noqa: E402
    Saved,
    Score,
    page_verdict,
    read_untrimmed,
    score_figures,
    score_page,
    tune_arguments,
    tune_pages,
)
from large_corpus import LargeGold, half_of  # noqa: E402

from export.model import Block, Heading, ListBlock, Paragraph, Picture, block_paragraphs  # noqa: E402
from export.readers.html import trim  # noqa: E402
from export.readers.html.parse import parse_page  # noqa: E402
from export.readers.origin import PageInput  # noqa: E402
from export.threads import import_with_signals_blocked  # noqa: E402

WORD = re.compile(r"\w+")
GRAM = 3  # word trigrams tell whether trafilatura's text holds a block's
EDGE = 3  # the first and last blocks (not pictures) that count as the article's edges
LINKED = 0.5
ABSENT = 0.5  # a block trafilatura lacks: fewer of its trigrams than this in trafilatura's text
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.\w")
# A web address alone: a host with a dot inside it, then any path. The lookahead finds the dot and the
# possessive runs never give back, so a match takes linear time (a host split at each of its dots would not).
BARE_ADDRESS = re.compile(
    r"(?:https?://)?(?:www\.)?([^\s/](?=[^\s/]*\.[^\s/])[^\s/]*+(?:/\S*+)?)", re.IGNORECASE
)
SHORT = 150
TEXTUAL = (Paragraph, Heading, ListBlock)


@dataclass
class Page:
    """A tune page's blocks before the trim, and trafilatura's plain texts and the page's visible text."""

    saved: Saved
    precise: str
    default: str
    visible: str


def _read(page: str) -> Page:
    """``page``'s blocks before the trim (``html_trim_eval``), and the texts the rules compare them with."""
    saved = read_untrimmed(page)
    source = PageInput.from_file(Path(page))
    parsed = parse_page(source.data, source.name, source.charset)
    trafilatura = import_with_signals_blocked("trafilatura")
    precise = trafilatura.extract(
        parsed.markup, favor_precision=True, include_comments=False, include_tables=True
    )
    default = trafilatura.extract(parsed.markup, include_comments=False)
    root = parsed.root
    for hidden in root.iter("script", "style", "noscript", "template"):
        hidden.text = None
    body = root.find(".//body")
    visible = " ".join((body if body is not None else root).itertext())
    return Page(saved, precise or "", default or "", visible)


@dataclass
class Facts:
    """What the rules know of one block."""

    block: Block
    index: int
    edge: bool
    text: str
    linked: float
    precise: float  # the share of its word trigrams in trafilatura's favor_precision text
    default: float  # the same in trafilatura's default text
    repeats: int  # how often its text is in the page's visible text (20 characters or more)
    address: str | None  # the block's text where it is one web address alone, without scheme and "www."
    own: str | None  # the page's own address, the same way


def bare_address(text: str | None) -> str | None:
    """``text`` as a web address without its scheme, "www." and a closing "/" where it is one alone."""
    found = BARE_ADDRESS.fullmatch((text or "").strip())
    return found[1].casefold().rstrip("/") if found else None


def _grams(text: str) -> set[tuple[str, ...]]:
    words = WORD.findall(text.casefold())
    return {tuple(words[i : i + GRAM]) for i in range(max(len(words) - GRAM + 1, 1))} if words else set()


def link_share(block: Block) -> float:
    """The share of the block's paragraphs' text that is links (a heading has none, a picture's caption
    is passed over)."""
    paragraphs = [] if isinstance(block, Picture) else block_paragraphs([block])
    total = sum(len(p.text.strip()) for p in paragraphs)
    return sum(trim.linked_characters(p.spans) for p in paragraphs) / total if total else 0.0


def facts(blocks: list[Block], page: Page) -> list[Facts]:
    """The facts of each of ``blocks``."""
    precise, default = _grams(page.precise), _grams(page.default)
    visible = normalise(page.visible).casefold()
    shown = [index for index, block in enumerate(blocks) if not isinstance(block, Picture)]
    edges = set(shown[:EDGE] + shown[-EDGE:])
    found = []
    for index, block in enumerate(blocks):
        text = " ".join(block_text([block])).strip()
        grams = _grams(text)
        key = normalise(text).casefold()
        found.append(
            Facts(
                block,
                index,
                index in edges,
                text,
                link_share(block),
                len(grams & precise) / len(grams) if grams else 1.0,
                len(grams & default) / len(grams) if grams else 1.0,
                visible.count(key) if len(key) >= 20 else 0,
                bare_address(text) if isinstance(block, Paragraph) else None,
                bare_address(page.saved.address),
            )
        )
    return found


def _trailing_headings(found: list[Facts], dropped: set[int]) -> set[int]:
    """Headings with nothing after them but what is dropped (a picture after one is its section's)."""
    heads = set()
    for fact in reversed(found):
        if fact.index in dropped:
            continue
        if not isinstance(fact.block, Heading):
            break
        heads.add(fact.index)
    return heads


def _linked_runs(found: list[Facts]) -> set[int]:
    """Two or more paragraphs or lists in a row, each nearly all links (pictures between them passed over)."""
    runs: set[int] = set()
    run: list[int] = []
    for fact in [*found, None]:
        if fact is not None and isinstance(fact.block, Paragraph | ListBlock) and fact.linked >= 0.8:
            run.append(fact.index)
        elif fact is None or not (run and isinstance(fact.block, Picture)):
            runs.update(run if len(run) >= 2 else [])
            run = []
    return runs


def _link_list(fact: Facts) -> bool:
    """A list of two items or more, each nearly all links."""
    block = fact.block
    return (
        isinstance(block, ListBlock)
        and len(block.items) >= 2
        and all(link_share(ListBlock(items=[item])) >= 0.8 for item in block.items)
    )


def _edge_link(fact: Facts) -> bool:
    return fact.edge and isinstance(fact.block, Paragraph | ListBlock) and fact.linked >= LINKED


def _each(test: Callable[[Facts, list[Facts]], bool]) -> Callable[[list[Facts]], set[int]]:
    return lambda found: {fact.index for fact in found if test(fact, found)}


def _textual(fact: Facts) -> bool:
    return isinstance(fact.block, TEXTUAL)


def _duplicate(fact: Facts, found: list[Facts]) -> bool:
    return len(fact.text) >= 20 and any(other.text == fact.text for other in found[: fact.index])


CANDIDATES: dict[str, Callable[[list[Facts]], set[int]]] = {
    "not in traf. precision": _each(lambda f, _: _textual(f) and f.precise < ABSENT),
    "not in traf. default": _each(lambda f, _: _textual(f) and f.default < ABSENT),
    "not in either": _each(lambda f, _: _textual(f) and f.precise < ABSENT and f.default < ABSENT),
    "not in precision, linked": _each(lambda f, _: _textual(f) and f.precise < ABSENT and f.linked >= LINKED),
    "not in precision, short": _each(
        lambda f, _: _textual(f) and f.precise < ABSENT and len(f.text) <= SHORT
    ),
    "not in precision, at an edge": _each(lambda f, _: _textual(f) and f.precise < ABSENT and f.edge),
    "not in precision, a list": _each(lambda f, _: isinstance(f.block, ListBlock) and f.precise < ABSENT),
    "not in precision, a heading": _each(lambda f, _: isinstance(f.block, Heading) and f.precise < ABSENT),
    "a list of links": _each(lambda f, _: _link_list(f)),
    "a list of links after a heading": _each(
        lambda f, found: _link_list(f) and f.index > 0 and isinstance(found[f.index - 1].block, Heading)
    ),
    "linked at an edge": _each(lambda f, _: _edge_link(f)),
    "linked at an edge, not in precision": _each(lambda f, _: _edge_link(f) and f.precise < ABSENT),
    "linked at an edge, not in default": _each(lambda f, _: _edge_link(f) and f.default < ABSENT),
    "trailing headings": lambda found: _trailing_headings(found, set()),
    "a run of linked blocks": lambda found: _linked_runs(found),
    "linked at an edge + trailing headings": lambda found: (
        (edges := {f.index for f in found if _edge_link(f)}) | _trailing_headings(found, edges)
    ),
    "short and linked anywhere": _each(
        lambda f, _: isinstance(f.block, Paragraph | ListBlock) and f.linked >= 0.8 and len(f.text) <= 200
    ),
    "repeated on the page": _each(lambda f, _: _textual(f) and f.repeats >= 2),
    "repeated on the page, linked": _each(lambda f, _: _textual(f) and f.repeats >= 2 and f.linked >= LINKED),
    "a later duplicate": _each(_duplicate),
    "the page's own address": _each(lambda f, _: f.address is not None and f.address == f.own),
    "an address alone": _each(lambda f, _: f.address is not None and "/" in f.address),
    "an e-mail address, short, at an edge": _each(
        lambda f, _: (
            isinstance(f.block, Paragraph) and f.edge and len(f.text) <= SHORT and bool(EMAIL.search(f.text))
        )
    ),
    "one or two words, no stop": _each(
        lambda f, _: (
            isinstance(f.block, Paragraph)
            and len(f.text.split()) <= 2
            and not f.text.rstrip().endswith((".", "!", "?", ":"))
        )
    ),
}


def _run(
    golds: list[LargeGold], pages: dict[str, Page | None], name: str, trimmed: bool, listing: bool
) -> tuple[str, str, int, int]:
    """Figures before and after the candidate ``name``, and the pages won and lost."""
    before: list[Score] = []
    after: list[Score] = []
    won = lost = 0
    for gold in golds:
        page = pages.get(str(gold.page))
        if page is None:
            before.append(score_page(gold, None, []))
            after.append(before[-1])
            continue
        saved = page.saved
        rules = list(trim.RULES.values()) if trimmed else []
        blocks = trim.trim_article(list(saved.blocks), saved.address, saved.pictures_fetched, rules)
        dropped = CANDIDATES[name](facts(blocks, page))
        kept = [block for index, block in enumerate(blocks) if index not in dropped] or blocks
        before.append(score_page(gold, Saved(blocks, None, False, saved.standfirst), []))
        after.append(score_page(gold, Saved(kept, None, False, saved.standfirst), []))
        verdict = page_verdict(after[-1], before[-1])
        won += verdict > 0
        lost += verdict < 0
        if verdict and listing:
            texts = [" ".join(block_text([blocks[index]]))[:60] for index in sorted(dropped)]
            print(f"    {'won' if verdict > 0 else 'lost'} {gold.site}: {', '.join(texts[:4])}")
    return score_figures(before), score_figures(after), won, lost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    tune_arguments(
        parser, "blocks and texts", "--blocks", "score the candidate rules on the pages kept in this file"
    )
    parser.add_argument("--half", choices=("A", "B", "all"), default="A", help="tune's half to score")
    parser.add_argument("--only", help="score only the candidates whose names hold this text")
    parser.add_argument("--pages", action="store_true", help="name the sites each candidate wins and loses")
    options = parser.parse_args()
    golds, pages = tune_pages(options, _read, 40.0)
    chosen = [gold for gold in golds if options.half == "all" or half_of(gold.site) == options.half]
    print(f"tune half {options.half}: {len(chosen)} pages")
    for name in [name for name in CANDIDATES if options.only is None or options.only in name]:
        for trimmed in (True, False):
            before, after, won, lost = _run(chosen, pages, name, trimmed, options.pages)
            where = "trim" if trimmed else "raw"
            print(f"{name:40} {where:4} {before}  ->  {after}  won {won} lost {lost}")


if __name__ == "__main__":
    main()
