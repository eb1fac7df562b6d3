"""Where the benchmarks find the shared corpora (``corpus-large``, ``corpus``) and corpus-large's pages.

The shared folder is $ANNOTATED_EPUB_SHARED, else ``shared`` beside the checkout (as in CI); --corpus
overrides.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from large_corpus import LargeGold, load

ROOT = Path(__file__).resolve().parent.parent
PAGE_PATTERNS = ("trafilatura/html/*.html", "readability/*/source.html", "scrapinghub/html/*.html")


def shared_folder() -> Path:
    """The shared material: $ANNOTATED_EPUB_SHARED, else ROOT.parent/shared."""
    return Path(os.environ.get("ANNOTATED_EPUB_SHARED") or ROOT.parent / "shared")


def corpus_argument(parser: argparse.ArgumentParser, name: str = "corpus-large") -> None:
    """Add the --corpus option (default: the shared folder's ``name``)."""
    default = shared_folder() / name
    parser.add_argument("--corpus", type=Path, default=default, help=f"{name} folder (default {default})")


def absent(corpus: Path, what: str = "corpus-large") -> None:
    """Say in one line that ``corpus`` is missing, and exit 0."""
    print(f"{what} not found at {corpus} (give its folder or set $ANNOTATED_EPUB_SHARED): nothing measured")
    sys.exit(0)


def corpus_pages(corpus: Path) -> list[Path]:
    """Every saved page of the corpus, in a fixed order; exits 0 with a line when the corpus is absent."""
    pages = sorted(path for pattern in PAGE_PATTERNS for path in corpus.glob(pattern))
    if not pages:
        absent(corpus)
    return pages


def tune_golds(corpus: Path) -> list[LargeGold]:
    """corpus-large's tune golds in their fixed order; exits 0 with a line when the corpus is absent."""
    if not (corpus / "README.md").is_file():
        absent(corpus)
    return [gold for gold in load(corpus) if gold.part == "tune"]


def page_name(corpus: Path, page: Path) -> str:
    """The page's path inside the corpus, for reports."""
    return str(page.relative_to(corpus))


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Raise TimeoutError inside the block once it has run ``seconds`` (SIGALRM: main thread, Unix)."""

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def read_page(page: Path, limit: int = 20):
    """The page read by our HTML reader in this process (an Article), or the one-line reason it gave none."""
    from export.errors import InputError
    from export.readers.html.page import read_html_page

    try:
        with time_limit(limit):
            return read_html_page(page)
    except InputError as error:
        return str(error)
    except TimeoutError:
        return f"over {limit} s"
    except RecursionError:
        return "too deep"


def article_text(article) -> str:
    """The title and body text of an Article, one paragraph a line."""
    return "\n".join([article.title, *(paragraph.text for paragraph in article.body_paragraphs())])
