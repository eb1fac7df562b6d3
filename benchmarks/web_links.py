"""What the reader notes for the web step on corpus-large's pages, read as if fetched from their address:
pictures with an address (and how it was chosen), and links to other pages of a comment thread.

Run: python benchmarks/web_links.py [--corpus DIR] [--list]
(default corpus-large in $ANNOTATED_EPUB_SHARED, else in ../shared beside the checkout). Nothing is
fetched. A page's address is the one it states (canonical, og:url, "saved from"), else a made-up one.
Figures are given apart for the "tune" and "aside" sites of benchmarks/large_corpus.py.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus_pages import absent, corpus_argument, time_limit  # noqa: E402
from large_corpus import load  # noqa: E402

from export.errors import InputError  # noqa: E402
from export.readers.html.page import read_html  # noqa: E402
from export.readers.html.page_address import page_address, saved_from  # noqa: E402
from export.readers.html.picture_sources import SRCSET_ATTRIBUTES, best_source  # noqa: E402
from export.readers.origin import Origin, PageInput  # noqa: E402

LIMIT = 30  # seconds a page


def address_of(data: bytes, name: str) -> str:
    """The address the page states, else a made-up one on example.org."""
    try:
        root = lxml.html.document_fromstring(data)
        stated = page_address(root)
    except (ValueError, lxml.etree.ParserError):
        stated = None
    return stated or saved_from(data) or f"https://example.org/{name}/"


def how_chosen(data: bytes) -> Counter[str]:
    """How each picture's address on the page would be chosen: srcset, a lazy loader, or src."""
    found: Counter[str] = Counter()
    try:
        root = lxml.html.document_fromstring(data)
    except (ValueError, lxml.etree.ParserError):
        return found
    for image in root.iter("img"):
        best = best_source(image)
        if best is None:
            found["none"] += 1
        elif any(image.get(name) for name in SRCSET_ATTRIBUTES) or _in_picture(image):
            found["srcset" if best != (image.get("src") or "").strip() else "srcset, its src"] += 1
        elif best != (image.get("src") or "").strip():
            found["lazy"] += 1
        else:
            found["src"] += 1
    return found


def _in_picture(image) -> bool:
    parent = image.getparent()
    return parent is not None and parent.tag in ("picture", "source")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_argument(parser)
    parser.add_argument("--list", action="store_true", help="list each comment-page link found")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        absent(args.corpus)
    figures: dict[str, Counter[str]] = {"tune": Counter(), "aside": Counter()}
    for gold in load(args.corpus):
        counts = figures[gold.part]
        data = gold.page.read_bytes()
        address = address_of(data, gold.page.stem)
        try:
            with time_limit(LIMIT):
                article = read_html(PageInput(data, Origin(str(gold.page), address=address)))
        except (InputError, TimeoutError, RecursionError):
            counts["pages unread"] += 1
            continue
        counts["pages"] += 1
        pictures = article.pictures()
        counts["pictures in the text"] += len(pictures)
        counts["of them with an address"] += sum(1 for picture in pictures if picture.address)
        counts["of them saved with the page"] += sum(1 for picture in pictures if picture.image)
        counts["pages with pictures"] += bool(pictures)
        for way, number in how_chosen(data).items():
            counts[f"img on the page, address from {way}"] += number
        links = article.thread.pages
        counts["pages with comment-page links"] += bool(links)
        counts["comment-page links"] += len(links)
        counts["of them numbered"] += sum(1 for link in links if link.number is not None)
        counts["of them older/newer"] += sum(1 for link in links if link.relation)
        if args.list and links:
            print(f"{gold.page.relative_to(args.corpus)}  ({len(article.thread.comments)} comments here)")
            for link in links:
                print(f"    {link.number}  {link.relation}  {link.url}")
    names = sorted({name for counts in figures.values() for name in counts})
    print(f"{'':46} {'tune':>8} {'aside':>8}")
    for name in names:
        print(f"{name:46} {figures['tune'][name]:>8} {figures['aside'][name]:>8}")


if __name__ == "__main__":
    main()
