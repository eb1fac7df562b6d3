"""The trim rules of the page reader (``trim.py``) left out one at a time, on the tune part of corpus-large.

Run: python benchmarks/html_trim_eval.py --collect /tmp/blocks.pickle   (read every tune page once: minutes)
     python benchmarks/html_trim_eval.py --blocks /tmp/blocks.pickle [--kept]
The first keeps each tune page's chosen blocks before the trim (and its standfirst); the second applies
``trim.RULES`` to them, all and each left out, and scores the text as ``html_eval.py`` does: "with"
snippets found, "without" snippets kept, shingle F1. A rule wins a page where it keeps fewer "without"
snippets and finds as many "with" ones, or, neither changing, raises the page's shingle F1 by more than
0.005; it loses a page where it finds fewer "with" snippets, or keeps more "without" ones, or lowers the
F1 as much. ``--kept`` lists the "without" snippets all rules still keep, page by page, to sort by hand.
Aside pages are never read.
"""

from __future__ import annotations

import argparse
import copy
import pickle
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from block_markup import Markup, describe  # noqa: E402
from corpus_pages import corpus_argument, tune_golds  # noqa: E402
from gold import Counts, ShingleScore, mean_shingle_f1, normalise, shingle_score, snippet_counts  # noqa: E402
from html_eval import block_text  # noqa: E402
from isolated import run_isolated, swapped  # noqa: E402
from large_corpus import LargeGold  # noqa: E402

from export.model import Block, Paragraph  # noqa: E402
from export.readers.html import page as page_module  # noqa: E402
from export.readers.html import trim  # noqa: E402

F1_STEP = 0.005


@dataclass
class Saved:
    """A page's blocks before the trim, and what the trim and the scorer need besides."""

    blocks: list[Block]
    address: str | None
    pictures_fetched: bool
    standfirst: str
    markup: list[Markup | None] | None = None  # each block's element in the page (block_markup.py)
    reader: str | None = None  # whose text was chosen: "ours" or "trafilatura"


def read_untrimmed(page: str) -> Saved:
    """Read ``page`` with the trim replaced by one that keeps what it was given, and where its blocks stand
    in the page's markup (the tree as the container finder gets it, before it drops anything)."""
    seen: list[tuple[list[Block], str | None, bool]] = []
    trees: list[tuple[Any, Any]] = []
    readers: list[str] = []

    def keep(
        blocks: list[Block],
        address: str | None,
        pictures_fetched: bool = False,
        rules: Iterable[trim.Rule] | None = None,
    ) -> list[Block]:
        seen.append((blocks, address, pictures_fetched))
        return trim.trim_article(blocks, address, pictures_fetched, rules)

    with swapped(
        page_module,
        trim_article=keep,
        find_container=watch_container(trees),
        choose_body=watch_choice(readers),
    ):
        article = page_module.read_html_page(Path(page))
    standfirst = article.standfirst.text if isinstance(article.standfirst, Paragraph) else ""
    blocks = seen[-1][0]
    root, container = trees[-1]
    markup = describe(root, [" ".join(block_text([block])) for block in blocks], container)
    return Saved(*seen[-1], standfirst, markup, readers[-1] if readers else "ours")


def watch_choice(readers: list[str]) -> Callable[..., Any]:
    """``page.choose_body`` that notes in ``readers`` whose text it chose ("ours" or "trafilatura")."""
    choose_body = page_module.choose_body

    def chooser(ours: Any, named: Any, theirs: Any, strategy: Any, thread: Any, standfirst: Any) -> Any:
        chosen = choose_body(ours, named, theirs, strategy, thread, standfirst)
        readers.append("ours" if chosen is ours else "trafilatura")
        return chosen

    return chooser


def watch_container(trees: list[tuple[Any, Any]]) -> Callable[[Any], Any]:
    """``page.find_container`` that keeps in ``trees`` a copy of the tree it gets (before it drops anything)
    and the copy's element it finds (None where it found none in the tree)."""
    find_container = page_module.find_container

    def finder(root: Any) -> Any:
        elements = list(root.iter())
        kept = copy.deepcopy(root)
        found = find_container(root)
        place = next((i for i, node in enumerate(elements) if node is found.element), None)
        trees.append((kept, None if place is None else list(kept.iter())[place]))
        return found

    return finder


@dataclass
class Score:
    """A page's text as the scorer sees it: snippet counts, shingles, and the "without" snippets kept."""

    counts: Counts
    shingles: ShingleScore | None
    kept: list[str]

    @property
    def f1(self) -> float | None:
        return self.shingles.f1() if self.shingles else None


def score_page(gold: LargeGold, saved: Saved | None, rules: list[trim.Rule]) -> Score:
    """The page's score with ``rules`` trimming its saved blocks (a page not read scores as empty)."""
    if saved is None:
        blocks, lines = [], []
    else:
        blocks = trim.trim_article(list(saved.blocks), saved.address, saved.pictures_fetched, rules)
        lines = [saved.standfirst] if saved.standfirst else []
    return score_text(gold, "\n".join(lines + block_text(blocks)))


def score_text(gold: LargeGold, text: str) -> Score:
    """A page's text scored against its gold as ``html_eval.py`` scores it."""
    counts = snippet_counts(text, gold.with_snippets, gold.without_snippets)
    normalised = normalise(text)
    kept = [snippet for snippet in gold.without_snippets if normalise(snippet) in normalised]
    shingles = shingle_score(text, gold.body) if gold.body is not None else None
    return Score(counts, shingles, kept)


def page_verdict(changed: Score, unchanged: Score) -> int:
    """1 where a change (a rule, a model) wins the page, -1 where it loses it, 0 otherwise."""
    found = changed.counts.tp - unchanged.counts.tp
    kept = unchanged.counts.fp - changed.counts.fp
    if found < 0 or kept < 0:
        return -1
    if found > 0 or kept > 0:
        return 1
    if changed.f1 is not None and unchanged.f1 is not None:
        change = changed.f1 - unchanged.f1
        return 1 if change > F1_STEP else -1 if change < -F1_STEP else 0
    return 0


def tune_arguments(parser: argparse.ArgumentParser, kept: str, flag: str, scored: str) -> None:
    """The options ``tune_pages`` reads: the corpus, ``--collect`` FILE (keeping the pages' ``kept``) or
    ``flag`` FILE (helped as ``scored``; read as ``blocks``), and ``--jobs``."""
    corpus_argument(parser)
    step = parser.add_mutually_exclusive_group(required=True)
    step.add_argument("--collect", help=f"read the tune pages and keep their {kept} in this file")
    step.add_argument(flag, dest="blocks", help=scored)
    parser.add_argument("--jobs", type=int, default=2)


def tune_pages(
    options: argparse.Namespace, read: Callable[[str], Any], seconds: float
) -> tuple[list[LargeGold], dict[str, Any]]:
    """Tune's golds and what ``--blocks``' pickle file keeps of their pages (None where one failed). With
    ``--collect``, each page is read with ``read`` in a child process of at most ``seconds`` and what it
    gives kept by the page's path in that file instead, and the run ends there."""
    golds = tune_golds(options.corpus)
    if not options.collect:
        return golds, pickle.loads(Path(options.blocks).read_bytes())
    kept: dict[str, Any] = {}
    pages = [str(gold.page) for gold in golds]
    for index, status, value in run_isolated(read, pages, options.jobs, seconds):
        kept[pages[index]] = value if status == "ok" else None
    Path(options.collect).write_bytes(pickle.dumps(kept))
    print(f"{sum(value is not None for value in kept.values())} of {len(pages)} tune pages kept")
    sys.exit(0)


def score_figures(scores: list[Score]) -> str:
    """The pages' "with" snippets found, "without" kept (and their number), and mean shingle F1."""
    total = Counts()
    for score in scores:
        total += score.counts
    with_share = total.tp / max(total.tp + total.fn, 1)
    without_share = total.fp / max(total.fp + total.tn, 1)
    shingles = [score.shingles for score in scores if score.shingles is not None]
    return (
        f"with {with_share:.3f}  without {without_share:.3f} ({total.fp})  F1 {mean_shingle_f1(shingles):.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    tune_arguments(parser, "blocks", "--blocks", "score the rules on the blocks kept in this file")
    parser.add_argument("--kept", action="store_true", help="list the 'without' snippets still kept")
    options = parser.parse_args()
    golds, saved = tune_pages(options, read_untrimmed, 20.0)
    rules = list(trim.RULES.items())
    base = [score_page(gold, saved.get(str(gold.page)), [rule for _, rule in rules]) for gold in golds]
    print(f"{'all rules':24} {score_figures(base)}")
    none = [score_page(gold, saved.get(str(gold.page)), []) for gold in golds]
    print(f"{'no rules':24} {score_figures(none)}")
    print(f"\n{'rule left out':24} {'wins':>5} {'loses':>5}  figures without it")
    for name, _ in rules:
        others = [rule for other, rule in rules if other != name]
        scores = [score_page(gold, saved.get(str(gold.page)), others) for gold in golds]
        verdicts = [page_verdict(b, s) for b, s in zip(base, scores, strict=True)]
        wins = sorted({gold.site for gold, v in zip(golds, verdicts, strict=True) if v > 0})
        losses = [gold.site for gold, v in zip(golds, verdicts, strict=True) if v < 0]
        print(f"{name:24} {verdicts.count(1):5} {verdicts.count(-1):5}  {score_figures(scores)}")
        print(f"{'':24} won on {len(wins)} sites; lost: {', '.join(losses) or '-'}")
    if options.kept:
        print()
        for gold, score in zip(golds, base, strict=True):
            for snippet in score.kept:
                print(f"{gold.site}\t{gold.page.name}\t{snippet[:160]!r}")


if __name__ == "__main__":
    main()
