"""Template text repeated on the page: would leaving out the chosen text's blocks whose text the page shows
again elsewhere (a teaser list, a footer, an author box shown twice) help, on the tune part of corpus-large?

Run: python benchmarks/html_repeat_eval.py --collect /tmp/repeat.pickle   (read every tune page once)
     python benchmarks/html_repeat_eval.py --blocks /tmp/repeat.pickle --half A [--list]
The first keeps each tune page's trimmed blocks, standfirst, and an index of the page's visible lines (the
tree as our container finder gets it: comments, the standfirst and the page's head already out): each
line's text, whether it stands inside our container, and the texts of links to other pages. The second
scores variants (which blocks are looked at, where the repeat must be, how long a line must be) as
``html_trim_eval.py`` scores its rules, pages won and lost against the shipped text, on one half of tune;
``--ceiling`` counts the kept "without" and found "with" snippets the page shows twice or more; ``--list``
(the blocks each variant leaves out, page by page) only on one's development half.
Aside pages are never read.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from gold import normalise  # noqa: E402
from html_eval import block_text  # noqa: E402
from html_trim_eval import (  # noqa: E402
    Score,
    page_verdict,
    score_figures,
    score_text,
    tune_arguments,
    tune_pages,
    watch_choice,
    watch_container,
)
from isolated import swapped  # noqa: E402
from large_corpus import half_of  # noqa: E402
from lxml import etree  # noqa: E402

from export.model import Block, Heading, ListBlock, Paragraph  # noqa: E402
from export.readers.html import page as page_module  # noqa: E402

# Elements that start and end a line of the page's text (the rest are inline: their text joins the line).
LINE_TAG_NAMES = (
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header"
    " hr li main nav ol p pre section table td th tr ul"
)
LINE_TAGS = frozenset(LINE_TAG_NAMES.split())
SPACES = re.compile(r"\s+")
WORDS = re.compile(r"[^\W_]+")


@dataclass
class Saved:
    """A page's trimmed blocks, standfirst, and its visible lines indexed."""

    blocks: list[Block]
    standfirst: str
    lines: list[tuple[str, bool]] = field(default_factory=list)  # (text, inside our container)
    links: list[str] = field(default_factory=list)  # texts of links to another page
    reader: str = "ours"


def page_lines(root: Any, container: Any) -> tuple[list[tuple[str, bool]], list[str]]:
    """The page's text split at block elements, each line with whether it is inside ``container``; and the
    texts of links whose target is another page (one pass)."""
    lines: list[tuple[str, bool]] = []
    links: list[str] = []
    parts: list[str] = []
    depth_inside = 0

    def flush() -> None:
        text = SPACES.sub(" ", "".join(parts)).strip()
        if text:
            lines.append((text, depth_inside > 0))
        parts.clear()

    body = next(root.iter("body"), root)
    for event, node in etree.iterwalk(body, events=("start", "end")):
        if not isinstance(node.tag, str):
            if event == "end" and node.tail:
                parts.append(node.tail)
            continue
        tag = node.tag.lower()
        if event == "start":
            if tag in LINE_TAGS:
                flush()
            if node is container:
                flush()
                depth_inside += 1
            if tag == "a":
                target = (node.get("href") or "").strip()
                if target and not target.startswith(("#", "javascript:", "mailto:")):
                    text = SPACES.sub(" ", "".join(node.itertext())).strip()
                    if text:
                        links.append(text)
            if node.text:
                parts.append(node.text)
        else:
            if tag in LINE_TAGS:
                flush()
            if node is container:
                flush()
                depth_inside -= 1
            if node.tail:
                parts.append(node.tail)
    flush()
    return lines, links


def read_page(page: str) -> Saved:
    """Read ``page``, keeping its trimmed blocks and the page tree's lines as the container finder gets it."""
    trees: list[tuple[Any, Any]] = []
    readers: list[str] = []
    with swapped(page_module, find_container=watch_container(trees), choose_body=watch_choice(readers)):
        article = page_module.read_html_page(Path(page))
    standfirst = article.standfirst.text if isinstance(article.standfirst, Paragraph) else ""
    lines, links = page_lines(*trees[-1])
    return Saved(article.sections[0].blocks, standfirst, lines, links, readers[-1] if readers else "ours")


def exact(text: str) -> str:
    """Whitespace collapsed."""
    return SPACES.sub(" ", text).strip()


def loose(text: str) -> str:
    """Letters and digits only, case folded."""
    return " ".join(WORDS.findall(text.casefold()))


@dataclass(frozen=True)
class Variant:
    """Which repeated lines count, and which blocks may go."""

    where: str  # "twice": the line twice or more anywhere; "outside": once outside the container; "link"
    edges: bool  # only runs at the text's start or end
    key: str  # "exact" or "loose"
    min_chars: int
    cap: float = 0.5  # a page that repeats more than this share of its blocks is left alone

    def name(self) -> str:
        return f"{self.where:8} {'edges' if self.edges else 'any':5} {self.key:5} >={self.min_chars:3}"


def flagged_keys(saved: Saved, variant: Variant) -> set[str]:
    """The keys of lines the page shows in the way ``variant`` asks."""
    norm = exact if variant.key == "exact" else loose
    if variant.where == "twice":
        counts = Counter(norm(text) for text, _ in saved.lines)
        return {key for key, count in counts.items() if count >= 2}
    if variant.where == "outside":
        return {norm(text) for text, inside in saved.lines if not inside}
    return {norm(text) for text in saved.links}


def repeated(block: Block, keys: set[str], variant: Variant) -> bool:
    """A paragraph or heading whose text is one of ``keys``, or a list all of whose items' lines are."""
    norm = exact if variant.key == "exact" else loose
    if isinstance(block, Paragraph | Heading):
        text = block.text
        return len(text.strip()) >= variant.min_chars and norm(text) in keys and bool(norm(text))
    if isinstance(block, ListBlock):
        lines = block_text([block])
        return bool(lines) and all(len(line) >= variant.min_chars and norm(line) in keys for line in lines)
    return False


def without_repeats(saved: Saved, variant: Variant) -> list[Block]:
    """The saved blocks without the repeated ones the variant leaves out."""
    blocks = saved.blocks
    keys = flagged_keys(saved, variant)
    marks = [repeated(block, keys, variant) for block in blocks]
    if variant.edges:
        marks = _edge_runs(marks)
    if not blocks or sum(marks) > variant.cap * len(blocks):
        return blocks
    return [block for block, mark in zip(blocks, marks, strict=True) if not mark]


def _edge_runs(marks: list[bool]) -> list[bool]:
    """Only the marks in the runs that start or end the text."""
    kept = [False] * len(marks)
    for order in (range(len(marks)), range(len(marks) - 1, -1, -1)):
        for index in order:
            if not marks[index]:
                break
            kept[index] = True
    return kept


def page_score(gold: Any, saved: Saved | None, blocks: list[Block] | None) -> Score:
    """The page's text scored (empty where the page was not read)."""
    if saved is None or blocks is None:
        return score_text(gold, "")
    lines = [saved.standfirst] if saved.standfirst else []
    return score_text(gold, "\n".join(lines + block_text(blocks)))


def ceiling(golds: list[Any], pages: list[Saved | None], base: list[Score]) -> str:
    """How many "without" snippets the text keeps, and "with" snippets it finds, stand in two lines of the
    page or more (the page shows them again: all a repeat rule could take, at any place in a block)."""
    tally: Counter[str] = Counter()
    for gold, page, score in zip(golds, pages, base, strict=True):
        if page is None:
            continue
        lines = [normalise(text) for text, _ in page.lines]
        text = normalise("\n".join(block_text(page.blocks)))
        found = [snippet for snippet in gold.with_snippets if normalise(snippet) in text]
        for side, snippets in (("without kept", score.kept), ("with found", found)):
            for snippet in snippets:
                shown = sum(normalise(snippet) in line for line in lines)
                tally[f"{side}, shown {'twice or more' if shown >= 2 else 'once'}"] += 1
    return "  ".join(f"{key}: {count}" for key, count in sorted(tally.items()))


VARIANTS = [
    Variant(where, edges, key, min_chars)
    for where in ("twice", "outside", "link")
    for edges in (True, False)
    for key in ("exact", "loose")
    for min_chars in (1, 20, 40)
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    tune_arguments(parser, "blocks and lines", "--blocks", "score the variants on the pages it keeps")
    parser.add_argument("--half", choices=("A", "B"), required=False)
    parser.add_argument("--list", action="store_true", help="list the blocks each variant leaves out")
    parser.add_argument("--only", help="score only the variants whose name holds this")
    parser.add_argument("--ceiling", action="store_true", help="how often the page shows its snippets again")
    options = parser.parse_args()
    golds, saved = tune_pages(options, read_page, 30.0)
    golds = [gold for gold in golds if options.half is None or half_of(gold.site) == options.half]
    pages = [saved.get(str(gold.page)) for gold in golds]
    base = [
        page_score(gold, page, page.blocks if page else None) for gold, page in zip(golds, pages, strict=True)
    ]
    print(f"{'shipped':28} {score_figures(base)}  (half {options.half or 'both'}, {len(golds)} pages)")
    if options.ceiling:
        print(ceiling(golds, pages, base))
    for variant in VARIANTS:
        if options.only and options.only not in variant.name():
            continue
        scores, dropped = [], []
        for gold in golds:
            page = saved.get(str(gold.page))
            blocks = without_repeats(page, variant) if page is not None else None
            scores.append(page_score(gold, page, blocks))
            if page is not None and blocks is not None:
                dropped.append([block for block in page.blocks if all(block is not kept for kept in blocks)])
            else:
                dropped.append([])
        verdicts = [page_verdict(s, b) for s, b in zip(scores, base, strict=True)]
        gone = sum(len(d) for d in dropped)
        print(
            f"{variant.name():28} {score_figures(scores)}  won {verdicts.count(1):3}"
            f" lost {verdicts.count(-1):3}  blocks out {gone}"
        )
        if options.list:
            for gold, verdict, blocks in zip(golds, verdicts, dropped, strict=True):
                for block in blocks:
                    print(f"    {verdict:+d} {gold.site:24} {' | '.join(block_text([block]))[:140]!r}")


if __name__ == "__main__":
    main()
