"""Each author source of the page reader read alone on corpus-large's tune part, per half: on how many
pages with a gold author it names a person, and on how many of them the right one (html_eval.py's scorer).

Run: python benchmarks/html_author_sources.py [--corpus DIR] [--cache FILE]
A source that is right on most pages it names someone in both halves is generic; one right on a half
alone fits that half's sites. trafilatura's names come from html_meta_eval.py's cache (--cache), read
now where absent. Tune pages only: aside is not read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from corpus_pages import absent, corpus_argument  # noqa: E402
from html_eval import author_right  # noqa: E402
from html_meta_eval import theirs  # noqa: E402
from large_corpus import LargeGold, half_of, load  # noqa: E402

from export.readers.html.metadata import RULES, author_sources  # noqa: E402
from export.readers.html.parse import parse_page  # noqa: E402

HALVES = ("A", "B")


def tally(golds: list[LargeGold], cache: dict) -> dict[str, dict[str, list[int]]]:
    """Per source and half: [pages it names a person on, pages it names the right one on]."""
    counts: dict[str, dict[str, list[int]]] = {}
    for gold in golds:
        root = parse_page(gold.page.read_bytes(), gold.page.name).root
        for source, names in author_sources(root, theirs(gold, cache)["authors"]):
            figures = counts.setdefault(source, {half: [0, 0] for half in HALVES})[half_of(gold.site)]
            if names:
                figures[0] += 1
                figures[1] += author_right(names, gold.author or "")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_argument(parser)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/html_meta_eval_trafilatura.json"))
    options = parser.parse_args()
    if not (options.corpus / "README.md").is_file():
        absent(options.corpus)
    cache = json.loads(options.cache.read_text(encoding="utf-8")) if options.cache.is_file() else {}
    golds = [gold for gold in load(options.corpus) if gold.part == "tune" and gold.author]
    counts = tally(golds, cache)
    options.cache.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")
    lines = [xpath.path for name, xpath in RULES if name == "author"]
    print(f"tune pages with a gold author: {len(golds)}; per half: right / pages the source names someone")
    for source, halves in counts.items():
        figures = "  ".join(f"{half} {right:3}/{named:<3}" for half, (named, right) in halves.items())
        detail = lines[int(source.split()[1]) - 1][:70] if source.startswith("line ") else ""
        print(f"  {source:12} {figures}  {detail}")


if __name__ == "__main__":
    main()
