"""Where the page reader loses corpus-large's "with" snippets: one step named for each lost snippet.

Run: python benchmarks/html_with_losses.py [--half A|B] [--limit N] [--pages] [--corpus DIR]   (tune only)

For each tune page with gold "with" snippets, a snippet the book's text lacks is put in the first class
that holds (whitespace-normalised substring, as html_eval.py scores):
- not in the page's text (the gold's words are not the page's);
- only in scripts or styles (text a script draws: no reader sees it);
- taken out with the comments or related posts (read as a thread or as related links);
- the title (the book shows it as the title; the scorer reads the text alone);
- chosen against: the reading not chosen holds it (our container's, or trafilatura's in our model);
- neither reading holds it; "trafilatura alone has it" when trafilatura's default text does.
The sites where trafilatura's default text finds a snippet the book lacks are counted apart: the most
general signal of what a page reader can find.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from corpus_pages import absent, corpus_argument  # noqa: E402
from gold import normalise  # noqa: E402
from html_eval import article_text  # noqa: E402
from large_corpus import LargeGold, half_of, load  # noqa: E402

from export.errors import InputError  # noqa: E402
from export.readers.html.choice import MainText  # noqa: E402
from export.readers.html.page import read_html  # noqa: E402
from export.readers.html.parse import clean_tree, parse_page  # noqa: E402
from export.readers.html.sections import consumed_elements  # noqa: E402
from export.readers.origin import PageInput  # noqa: E402


@dataclass
class Texts:
    """The texts of one page that a snippet is looked for in, whitespace-normalised."""

    book: str
    page: str
    cleaned: str
    consumed: str
    title: str
    own: str  # our container's reading alone
    theirs: str  # trafilatura's reading in our model alone
    trafilatura: str  # trafilatura's default text
    chose_own: bool = False  # the book took our container's reading, not trafilatura's


def page_texts(path: Path) -> Texts:
    """Every text ``classify`` needs, from the page at ``path``."""
    import trafilatura

    page = PageInput.from_file(path)
    article = read_html(page)
    own, theirs = _reading(page, "ours"), _reading(page, "trafilatura")
    book = article_text(article)
    root = parse_page(page.data, page.name, page.charset).root
    text = normalise(" ".join(root.itertext()))
    clean_tree(root)
    cleaned = normalise(" ".join(root.itertext()))
    consumed = " ".join(normalise(" ".join(element.itertext())) for element in consumed_elements(root))
    document = trafilatura.bare_extraction(page.data, with_metadata=True)
    default = (document.text or "") if document is not None and not isinstance(document, dict) else ""
    book, own, theirs = normalise(book), normalise(own), normalise(theirs)
    return Texts(
        book,
        text,
        cleaned,
        consumed,
        normalise(article.title or ""),
        own,
        theirs,
        normalise(default),
        chose_own=book == own != theirs,
    )


def _reading(page: PageInput, main_text: MainText) -> str:
    """The article's text as one reader alone finds it; none where that reader finds none."""
    try:
        return article_text(read_html(page, main_text))
    except InputError:
        return ""


def classify(snippet: str, texts: Texts) -> str | None:
    """The step that loses ``snippet`` (None when the book's text holds it)."""
    wanted = normalise(snippet)
    if wanted in texts.book:
        return None
    if wanted not in texts.page:
        return "not in the page's text"
    if wanted not in texts.cleaned:
        return "only in scripts or styles"
    if wanted in texts.consumed:
        return "taken out with comments or related posts"
    if wanted in texts.title:
        return "the title"
    if wanted in (texts.theirs if texts.chose_own else texts.own):
        return "chosen against: the other reading holds it"
    if wanted in texts.trafilatura:
        return "neither reading holds it; trafilatura alone has it"
    return "neither reading holds it"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N tune pages with snippets")
    parser.add_argument("--pages", action="store_true", help="list each page's lost snippets")
    parser.add_argument("--half", choices=("A", "B"), help="tune's half A or B alone (large_corpus.half_of)")
    corpus_argument(parser)
    options = parser.parse_args()
    if not (options.corpus / "README.md").is_file():
        absent(options.corpus)
    golds = [gold for gold in load(options.corpus) if gold.part == "tune" and gold.with_snippets]
    golds = [gold for gold in golds if options.half in (None, half_of(gold.site))]
    golds = golds[: options.limit] if options.limit else golds
    snippets: Counter[str] = Counter()
    pages: dict[str, set[str]] = {}
    sites: dict[str, set[str]] = {}
    theirs_only: set[str] = set()
    total = 0
    for gold in golds:
        total += len(gold.with_snippets)
        lost = _lost(gold)
        if options.pages and lost:
            print(f"{gold.page.relative_to(options.corpus)}")
        for snippet, (kind, trafilatura_has) in lost.items():
            snippets[kind] += 1
            pages.setdefault(kind, set()).add(str(gold.page))
            sites.setdefault(kind, set()).add(gold.site)
            if trafilatura_has:
                theirs_only.add(gold.site)
            if options.pages:
                print(f"    {kind}{' (trafilatura has it)' if trafilatura_has else ''}: {snippet[:80]}")
    where = f"tune half {options.half}" if options.half else "tune"
    print(f"\n{where}: {len(golds)} pages, {total} 'with' snippets, {sum(snippets.values())} lost")
    print(f"{'step':55} {'snippets':>8} {'pages':>6} {'sites':>6}")
    for kind, count in snippets.most_common():
        print(f"{kind:55} {count:8} {len(pages[kind]):6} {len(sites[kind]):6}")
    print(f"sites where trafilatura's default text finds a snippet the book lacks: {len(theirs_only)}")


def _lost(gold: LargeGold) -> dict[str, tuple[str, bool]]:
    """Each "with" snippet the book lacks: the step that lost it, and whether trafilatura's default has it."""
    try:
        texts = page_texts(gold.page)
    except Exception as error:  # a failed page loses every snippet; html_eval.py counts failures
        return {snippet: (f"page failed: {type(error).__name__}", False) for snippet in gold.with_snippets}
    found = {snippet: classify(snippet, texts) for snippet in gold.with_snippets}
    return {
        snippet: (kind, normalise(snippet) in texts.trafilatura)
        for snippet, kind in found.items()
        if kind is not None
    }


if __name__ == "__main__":
    main()
