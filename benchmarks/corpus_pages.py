"""Where the benchmarks find ``corpus-large`` (real saved pages) and its page files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus-large"
PAGE_PATTERNS = ("trafilatura/html/*.html", "readability/*/source.html", "scrapinghub/html/*.html")


def corpus_argument(parser: argparse.ArgumentParser) -> None:
    """Add the --corpus option (default: ../shared/corpus-large beside the checkout)."""
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT, help=f"corpus-large folder (default {DEFAULT})"
    )


def corpus_pages(corpus: Path) -> list[Path]:
    """Every saved page of the corpus, in a fixed order; exits 0 with a line when the corpus is absent."""
    pages = sorted(path for pattern in PAGE_PATTERNS for path in corpus.glob(pattern))
    if not pages:
        print(f"corpus-large not found at {corpus} (give --corpus DIR): nothing measured")
        sys.exit(0)
    return pages


def page_name(corpus: Path, page: Path) -> str:
    """The page's path inside the corpus, for reports."""
    return str(page.relative_to(corpus))


class PageTimeout(Exception):
    """A page took longer than its time limit."""


def read_page(page: Path, limit: int = 20):
    """The page read by our HTML reader in this process (an Article), or the one-line reason it gave none."""
    import signal

    from export.errors import InputError
    from export.readers.html.page import read_html_page

    def stop(signum, frame):
        raise PageTimeout

    signal.signal(signal.SIGALRM, stop)
    signal.alarm(limit)
    try:
        return read_html_page(page)
    except InputError as error:
        return str(error)
    except PageTimeout:
        return f"over {limit} s"
    except RecursionError:
        return "too deep"
    finally:
        signal.alarm(0)


def article_text(article) -> str:
    """The title and body text of an Article, one paragraph a line."""
    return "\n".join([article.title, *(paragraph.text for paragraph in article.body_paragraphs())])
