"""Comment threads on the corpus pages: comments found against present, depth, gold-snippet recall,
and the related-posts links found.

Run: python benchmarks/html_comments_eval.py [CORPUS_DIR]   (default corpus in the shared folder)

"Present" is counted from the page's own markup without the reader: WordPress ``depth-N`` classes on
comment, pingback and trackback items, Epoch's ``epoch-single-comment`` blocks and ``epoch-child``
nesting, Drupal's ``comment-by-`` blocks and ``indented`` nesting; pages with none of these (a custom
CMS) are shown with "?". Recall is trafilatura's gold ``comments`` chunks found, whitespace-normalised,
in the comment text the reader returns. "ms" is the CPU time of reading the thread.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus_pages import absent, shared_folder  # noqa: E402
from gold import depth, normalise  # noqa: E402

from export.model import block_texts  # noqa: E402
from export.readers.html.comments import read_comment_thread  # noqa: E402
from export.readers.html.related import read_related_links  # noqa: E402

WP_DEPTH = re.compile(
    rb"<li\b[^>]*\bclass=[\"'][^\"']*\b(?:comment|pingback|trackback)\b[^\"']*\bdepth-(\d+)"
)


def present(root, raw: bytes) -> tuple[int, int] | None:
    """Comments on the page and their deepest level, counted from the markup alone."""
    if depths := [int(found) for found in WP_DEPTH.findall(raw)]:
        return len(depths), max(depths)
    for item, nest in (
        ("//article[contains(@class, 'epoch-single-comment')]", "epoch-child"),
        ("//div[contains(@class, 'comment-by-')]", "indented"),
    ):
        if items := root.xpath(item):
            levels = [len(node.xpath(f"ancestor::div[contains(@class, '{nest}')]")) + 1 for node in items]
            return len(items), max(levels)
    return None


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else shared_folder() / "corpus"
    if not (corpus / "html").is_dir():
        absent(corpus, "corpus")
    header = f"{'page':<48} {'found':>5} {'present':>7} {'depth':>5} {'expected':>8}"
    print(f"{header} {'recall':>7} {'ms':>6} {'related':>7}")
    found_total = present_total = hits_total = snippets_total = 0
    depth_right = pages = related_total = 0
    for path in sorted((corpus / "html").glob("*.html")):
        raw = path.read_bytes()
        root = lxml.html.document_fromstring(raw)
        start = time.process_time()
        thread = read_comment_thread(root)
        elapsed = (time.process_time() - start) * 1000
        related = len(read_related_links(root))
        related_total += related
        found, found_depth = len(thread.all_comments()), depth(thread.comments)
        counted = present(lxml.html.document_fromstring(raw), raw)
        recall = "-"
        gold = corpus / "gold" / f"{path.name}.evaldata.json"
        if gold.is_file():
            snippets = json.loads(gold.read_text(encoding="utf-8"))["comments"]
            text = " ".join(normalise(text) for c in thread.all_comments() for text in block_texts(c.blocks))
            hits = sum(normalise(snippet) in text for snippet in snippets)
            hits_total, snippets_total = hits_total + hits, snippets_total + len(snippets)
            recall = f"{hits}/{len(snippets)}"
        if counted:
            found_total, present_total = found_total + found, present_total + counted[0]
            depth_right, pages = depth_right + (found_depth == counted[1]), pages + 1
        count, deepest = counted or ("?", "?")
        row = f"{path.name[:48]:<48} {found:>5} {count:>7} {found_depth:>5} {deepest:>8}"
        print(f"{row} {recall:>7} {elapsed:>6.1f} {related:>7}")
    print(
        f"total: {found_total}/{present_total} comments found on the {pages} pages with countable markup, "
        f"depth right on {depth_right}/{pages}, "
        f"comment-snippet recall {hits_total}/{snippets_total} = {hits_total / max(snippets_total, 1):.3f}, "
        f"{related_total} related links"
    )


if __name__ == "__main__":
    main()
