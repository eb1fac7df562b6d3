"""Body extraction on the small corpus's ten saved pages: our reader against trafilatura, by the gold files.

Run: python benchmarks/html_eval.py --small
(trafilatura is one of the tool's own dependencies)
Body score per page: trafilatura's snippet F1 for pages with trafilatura gold, scrapinghub's 4-token
shingle F1 against the readability and scrapinghub gold bodies. Comment columns: gold comment-snippet
recall, comments found/present and depth found/present, "present" counted from the page's markup
without the reader (``html_comments_eval.present``; "?" where the markup has no countable classes).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import lxml.html  # noqa: E402
from gold import (  # noqa: E402
    Counts,
    ShingleScore,
    chapter_text,
    corpus_pages,
    depth,
    load_gold,
    mean_shingle_f1,
    shingle_score,
    snippet_counts,
    snippet_recall,
)
from html_comments_eval import present  # noqa: E402

from export.model import Article, block_texts  # noqa: E402
from export.readers.html.page import read_html_page  # noqa: E402


def trafilatura_text(page: Path) -> str | None:
    """trafilatura's main text as its own benchmark runs it (comments off, tables on); None if missing."""
    try:
        import trafilatura
    except ImportError:
        return None
    return trafilatura.extract(page.read_bytes(), include_comments=False, include_tables=True) or ""


def comment_text(article: Article) -> str:
    return "\n".join(
        text for comment in article.thread.all_comments() for text in block_texts(comment.blocks)
    )


def main() -> None:
    ours_counts, theirs_counts = Counts(), Counts()
    ours_shingles: list[ShingleScore] = []
    theirs_shingles: list[ShingleScore] = []
    reading = extracting = 0.0
    header = f"{'page':46} {'gold':5} {'ours':>6} {'traf.':>6} {'c.recall':>8} {'comments':>9} {'depth':>5}"
    found_total = present_total = depth_right = countable = 0
    print(header)
    print("-" * len(header))
    for page in corpus_pages():
        gold = load_gold(page)
        started = time.perf_counter()
        article = read_html_page(page)
        reading += time.perf_counter() - started
        ours = chapter_text(article)
        started = time.perf_counter()
        theirs = trafilatura_text(page)
        extracting += time.perf_counter() - started
        if gold.body is None:
            mine = snippet_counts(ours, gold.with_snippets, gold.without_snippets)
            ours_counts += mine
            score, kind = mine.f1(), "snip"
            other = None
            if theirs is not None:
                counts = snippet_counts(theirs, gold.with_snippets, gold.without_snippets)
                theirs_counts += counts
                other = counts.f1()
        else:
            our_score = shingle_score(ours, gold.body)
            ours_shingles.append(our_score)
            score, kind = our_score.f1(), "shng"
            other = None
            if theirs is not None:
                their_score = shingle_score(theirs, gold.body)
                theirs_shingles.append(their_score)
                other = their_score.f1()
        recall = (
            snippet_recall(comment_text(article), gold.comment_snippets) if gold.comment_snippets else None
        )
        found, found_depth = len(article.thread.all_comments()), depth(article.thread.comments)
        raw = page.read_bytes()
        counted = present(lxml.html.document_fromstring(raw), raw)
        if counted:
            found_total, present_total = found_total + found, present_total + counted[0]
            depth_right, countable = depth_right + (found_depth == counted[1]), countable + 1
        count, deepest = counted or ("?", "?")
        print(
            f"{page.name[:46]:46} {kind:5} {score:6.3f} {_figure(other):>6} {_figure(recall):>8} "
            f"{f'{found}/{count}':>9} {f'{found_depth}/{deepest}':>5}"
        )
    print("-" * len(header))
    print(f"snippet F1, trafilatura pages: ours {ours_counts.f1():.3f}   trafilatura {_total(theirs_counts)}")
    print(
        f"shingle F1, other pages:       ours {mean_shingle_f1(ours_shingles):.3f}   "
        f"trafilatura {mean_shingle_f1(theirs_shingles):.3f}"
        if theirs_shingles
        else ""
    )
    for name, counts in (("ours", ours_counts), ("trafilatura", theirs_counts)):
        print(f"snippet counts, {name}: tp {counts.tp} fp {counts.fp} fn {counts.fn} tn {counts.tn}")
    print(
        f"comments: {found_total}/{present_total} found on the {countable} pages with countable markup, "
        f"depth right on {depth_right}/{countable}"
    )
    pages = len(corpus_pages())
    print(
        f"time per page: ours {1000 * reading / pages:.0f} ms (whole article), "
        f"trafilatura {1000 * extracting / pages:.0f} ms (main text)"
    )


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _total(counts: Counts) -> str:
    return f"{counts.f1():.3f}" if counts.tp + counts.fn else "-"


if __name__ == "__main__":
    main()
