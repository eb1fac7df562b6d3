"""The "with" side of the page reader's text on tune's halves: the choice between the two readings, the trim
rules and candidate recoveries, each scored per half with pages won and lost.

Run: python benchmarks/html_with_eval.py --collect /tmp/readings.pickle   (read every tune page once: minutes)
     python benchmarks/html_with_eval.py --readings /tmp/readings.pickle [--half A|B] [--pages]
The first keeps, for each tune page, both readings before the choice (our container's and trafilatura's),
what the choice needs besides, and trafilatura's ``favor_recall`` reading; the second scores the reader as
it is, each trim rule left out, each choice rule changed and each candidate in ``CANDIDATES``, as
``html_trim_eval.py`` does (its page verdict: "with" snippets found, "without" kept, shingle F1). Aside
pages are never read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from gold import normalise  # noqa: E402
from html_eval import block_text  # noqa: E402
from html_trim_eval import Saved, Score, page_verdict, score_figures, score_page, tune_arguments, tune_pages  # noqa: E402
from isolated import swapped  # noqa: E402
from large_corpus import LargeGold, half_of  # noqa: E402

from export.model import Block, CommentThread, Heading, ListBlock, Paragraph, Quote, Table  # noqa: E402
from export.readers.html import choice as choice_module  # noqa: E402
from export.readers.html import page as page_module  # noqa: E402
from export.readers.html import trim  # noqa: E402
from export.readers.html.blocks import BodyContent  # noqa: E402
from export.readers.html.choice import MainText, choose_body  # noqa: E402
from export.readers.html.main_text import TEXT_OPTIONS, to_html  # noqa: E402
from export.threads import import_with_signals_blocked  # noqa: E402


@dataclass
class Readings:
    """A page's two readings before the choice, what the choice and the trim need, and a recall reading."""

    ours: BodyContent
    named: bool
    theirs: BodyContent | None
    thread: CommentThread
    standfirst: Paragraph | None
    address: str | None
    pictures_fetched: bool
    recall: BodyContent | None


def read_readings(page: str) -> Readings:
    """Read ``page`` as the reader does, keeping what ``Readings`` holds."""
    calls: dict[str, Any] = {}
    real_read_body, real_choose, real_trim, real_reading = (
        page_module.read_body,
        page_module.choose_body,
        page_module.trim_article,
        page_module.read_with_trafilatura,
    )

    def read_body(container: Any, base: Any, images: Any, title: Any = None) -> BodyContent:
        calls.setdefault("body", (base, images, title))
        return real_read_body(container, base, images, title)

    def choose(
        ours: Any, named: bool, theirs: Any, strategy: Any, thread: Any, standfirst: Any
    ) -> BodyContent:
        calls["choice"] = (ours, named, theirs, thread, standfirst)
        return real_choose(ours, named, theirs, strategy, thread, standfirst)

    def keep(
        blocks: list[Block], address: Any, pictures_fetched: bool = False, rules: Any = None
    ) -> list[Block]:
        calls["trim"] = (address, pictures_fetched)
        return real_trim(blocks, address, pictures_fetched, rules)

    def reading(markup: str, root: Any) -> Any:
        calls["recall"] = _recall_body(markup, root)
        return real_reading(markup, root)

    with swapped(
        page_module, read_body=read_body, choose_body=choose, trim_article=keep, read_with_trafilatura=reading
    ):
        page_module.read_html_page(Path(page))
    base, images, title = calls["body"]
    recall = calls.get("recall")
    recall_content = real_read_body(recall, base, images.fork(), title) if recall is not None else None
    address, fetched = calls["trim"]
    if "choice" in calls:
        ours, named, theirs, thread, standfirst = calls["choice"]
    else:  # trafilatura found nothing: the container alone
        ours, named, theirs, thread, standfirst = None, False, None, CommentThread(), None
    if ours is None:
        raise ValueError("no choice made")
    return Readings(ours, named, theirs, thread, standfirst, address, fetched, recall_content)


def _recall_body(markup: str, root: Any) -> Any:
    """trafilatura's ``favor_recall`` main text as our HTML, with the reader's other options."""
    from export.readers.html.main_text import _captions

    trafilatura = import_with_signals_blocked("trafilatura")
    document = trafilatura.bare_extraction(markup, **TEXT_OPTIONS, favor_recall=True)
    if document is None or isinstance(document, dict) or document.body is None:
        return None
    return to_html(document.body, _captions(root))


Variant = Callable[[Readings], list[Block]]


def chosen(readings: Readings, strategy: MainText = "hybrid", named: bool | None = None) -> list[Block]:
    """The reader's choice (``strategy``, our container counted as ``named`` where given) as it is."""
    if readings.theirs is None:
        return readings.ours.blocks
    named = readings.named if named is None else named
    return choose_body(
        readings.ours, named, readings.theirs, strategy, readings.thread, readings.standfirst
    ).blocks


def _text(blocks: list[Block]) -> str:
    return normalise(" ".join(block_text(blocks)))


def theirs_always(readings: Readings) -> list[Block]:
    """trafilatura's reading wherever it has one (the choice's "same text" rule left out)."""
    return chosen(readings, "trafilatura")


def same_text(share: float) -> Variant:
    """The choice with another "same text" share."""

    def variant(readings: Readings) -> list[Block]:
        with swapped(choice_module, SAME_TEXT=share):
            return chosen(readings)

    return variant


def ours_unnamed(readings: Readings) -> list[Block]:
    """The choice with an unnamed container counted as named."""
    return chosen(readings, named=True)


def recall_inside(
    test: Callable[[Block], bool], container: str = "named", position: str = "anywhere"
) -> Variant:
    """The choice, with the blocks trafilatura's recall reading adds to its default reading where ``test``
    holds for them and (``container``: "named", "any", "none") our container's text holds them, put after
    the block they follow in the recall reading; ``position`` "edges" takes only those before the first or
    after the last shared block."""

    def variant(readings: Readings) -> list[Block]:
        picked = chosen(readings)
        if readings.recall is None or readings.theirs is None or picked is readings.ours.blocks:
            return picked
        if container == "named" and not readings.named:
            return picked
        own = _text(readings.ours.blocks) if container != "none" else ""
        have = {_text([block]): index for index, block in enumerate(picked)}
        added: dict[int, list[Block]] = {}
        anchor = -1
        matched = [_text([block]) in have for block in readings.recall.blocks]
        first = matched.index(True) if True in matched else len(matched)
        last = len(matched) - 1 - matched[::-1].index(True) if True in matched else -1
        for index, block in enumerate(readings.recall.blocks):
            text = _text([block])
            if text in have:
                anchor = have[text]
                continue
            if not text or not test(block) or (container != "none" and text not in own):
                continue
            if any(text in other for other in have):  # part of a block already there
                continue
            if position == "edges" and first <= index <= last:
                continue
            if position == "inside" and not first <= index <= last:
                continue
            added.setdefault(anchor, []).append(block)
        if not added:
            return picked
        result = list(added.get(-1, []))
        for index, block in enumerate(picked):
            result.append(block)
            result += added.get(index, [])
        return result

    return variant


def container_gaps(position: str, test: Callable[[Block], bool] = lambda block: True) -> Variant:
    """The choice, with the blocks of our container that trafilatura's chosen reading lacks, where ``test``
    holds for them and they lie (``position``) "inside": between two blocks both readings hold; "lead": right
    before the first block both hold; "both"; each put after the block of trafilatura's it follows."""

    def variant(readings: Readings) -> list[Block]:
        picked = chosen(readings)
        if readings.theirs is None or picked is readings.ours.blocks:
            return picked
        theirs_text = _text(picked)
        texts = [_text([block]) for block in readings.ours.blocks]
        shared = [bool(text) and text in theirs_text for text in texts]
        if shared.count(True) < 2:
            return picked
        first, last = shared.index(True), len(shared) - 1 - shared[::-1].index(True)
        wanted: list[int] = []
        if (
            position in ("lead", "both")
            and first > 0
            and texts[first - 1]
            and test(readings.ours.blocks[first - 1])
        ):
            wanted.append(first - 1)
        after_last = readings.ours.blocks[last + 1] if last + 1 < len(texts) else None
        if position == "tail" and after_last is not None and texts[last + 1] and test(after_last):
            wanted.append(last + 1)
        if position in ("inside", "both"):
            wanted += [
                index
                for index in range(first + 1, last)
                if not shared[index] and texts[index] and test(readings.ours.blocks[index])
            ]
        if not wanted:
            return picked
        result = list(picked)
        for index in sorted(wanted, reverse=True):
            after = next((texts[j] for j in range(index - 1, -1, -1) if shared[j]), None)
            at = 0
            if after is not None:
                at = next((k + 1 for k, block in enumerate(picked) if after in _text([block])), len(picked))
            else:
                following = texts[index + 1] if index + 1 < len(texts) else ""
                at = next(
                    (k for k, block in enumerate(picked) if following and following in _text([block])), 0
                )
            result.insert(at, readings.ours.blocks[index])
        return result

    return variant


def _sentence(block: Block) -> bool:
    return isinstance(block, Paragraph) and len(block.text) >= 80 and block.text.rstrip()[-1:] in '.!?“”"»'


def _kind(*kinds: type) -> Callable[[Block], bool]:
    return lambda block: isinstance(block, kinds)


CANDIDATES: dict[str, Variant] = {
    "choice: trafilatura's always": theirs_always,
    "choice: unnamed containers too": ours_unnamed,
    "choice: same text 0.95": same_text(0.95),
    "choice: same text 0.90": same_text(0.90),
    "choice: same text 0.99": same_text(0.99),
    "recall, in named container": recall_inside(lambda block: True),
    "recall, in any container": recall_inside(lambda block: True, "any"),
    "recall, anywhere": recall_inside(lambda block: True, "none"),
    "recall paragraphs, named": recall_inside(_kind(Paragraph)),
    "recall headings, named": recall_inside(_kind(Heading)),
    "recall lists, named": recall_inside(_kind(ListBlock)),
    "recall tables, named": recall_inside(_kind(Table)),
    "recall quotes, named": recall_inside(_kind(Quote)),
    "gaps: lead, any": container_gaps("lead"),
    "gaps: lead sentence paragraph": container_gaps("lead", _sentence),
    "gaps: inside, any": container_gaps("inside"),
    "gaps: tail sentence paragraph": container_gaps("tail", _sentence),
    "gaps: tail paragraph": container_gaps("tail", _kind(Paragraph)),
    "gaps: inside, paragraphs": container_gaps("inside", _kind(Paragraph)),
    "gaps: inside, sentence paragraphs": container_gaps("inside", _sentence),
    "gaps: inside, headings": container_gaps("inside", _kind(Heading)),
    "gaps: inside, lists or tables": container_gaps("inside", _kind(ListBlock, Table)),
    "recall at the edges, named": recall_inside(lambda block: True, position="edges"),
    "recall inside, named": recall_inside(lambda block: True, position="inside"),
}


def score(gold: LargeGold, readings: Readings | None, blocks: list[Block], rules: list[trim.Rule]) -> Score:
    """``blocks`` trimmed by ``rules`` and scored against the page's gold."""
    if readings is None:
        return score_page(gold, None, rules)
    standfirst = readings.standfirst.text if readings.standfirst else ""
    saved = Saved(blocks, readings.address, readings.pictures_fetched, standfirst)
    return score_page(gold, saved, rules)


def report(
    name: str, golds: list[LargeGold], base: list[Score], scores: list[Score], pages: bool
) -> tuple[int, int]:
    """One line: the figures with a change, and the pages it wins and loses (with their sites)."""
    verdicts = [page_verdict(changed, before) for changed, before in zip(scores, base, strict=True)]
    won = [gold.site for gold, v in zip(golds, verdicts, strict=True) if v > 0]
    lost = [gold.site for gold, v in zip(golds, verdicts, strict=True) if v < 0]
    print(f"{name:34} {len(won):4} {len(lost):4}  {score_figures(scores)}")
    if pages and (won or lost):
        print(f"{'':34} won: {', '.join(won) or '-'}; lost: {', '.join(lost) or '-'}")
    return len(won), len(lost)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    tune_arguments(parser, "readings", "--readings", "score on the readings kept in this file")
    parser.add_argument("--half", choices=("A", "B"), help="tune's half A or B alone (default: each apart)")
    parser.add_argument("--pages", action="store_true", help="name the sites of pages won and lost")
    parser.add_argument("--only", help="only the candidates whose name holds this")
    options = parser.parse_args()
    golds, saved = tune_pages(options, read_readings, 40.0)
    rules = list(trim.RULES.items())
    for half in [options.half] if options.half else ["A", "B"]:
        members = [gold for gold in golds if half_of(gold.site) == half]
        kept = [saved.get(str(gold.page)) for gold in members]
        blocks = [chosen(r) if r is not None else [] for r in kept]
        all_rules = [rule for _, rule in rules]
        base = [score(g, r, b, all_rules) for g, r, b in zip(members, kept, blocks, strict=True)]
        print(f"\ntune half {half} ({len(members)} pages)     {'won':>4} {'lost':>4}")
        print(f"{'the reader as it is':34} {'':9}  {score_figures(base)}")
        if not options.only:
            for name, _ in rules:
                others = [rule for other, rule in rules if other != name]
                scores = [score(g, r, b, others) for g, r, b in zip(members, kept, blocks, strict=True)]
                report(f"trim without {name!r}", members, base, scores, options.pages)
        for name, variant in CANDIDATES.items():
            if options.only and options.only not in name:
                continue
            changed = [variant(r) if r is not None else [] for r in kept]
            scores = [score(g, r, b, all_rules) for g, r, b in zip(members, kept, changed, strict=True)]
            report(name, members, base, scores, options.pages)


if __name__ == "__main__":
    main()
