"""Does an address give the same book as the saved page? Corpus-large's pages served from 127.0.0.1.

Each page is converted twice in this process, from its file and from its address. Where the books differ,
the book of the address is compared with the book of the page's copy saved with the browser's "saved from
url" mark (for a page that states no address, whose source is then the address), then with the book of
its copy whose relative canonical link is made absolute (the address resolves it; a file cannot).
Prints how many books are byte-identical and the time fetching adds.

Run: python benchmarks/web_same_book.py [--every N] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import functools
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urljoin

from corpus_pages import ROOT, corpus_argument, corpus_pages, page_name

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from webserver import WebServer, page

from export.errors import InputError
from export.pipeline import ConvertOptions, build_book

CANONICAL = re.compile(rb'<link rel="canonical" href="([^"]*)"')


def _absolute(link: re.Match[bytes], url: str) -> bytes:
    """The canonical link, its address resolved against ``url``."""
    return (
        b'<link rel="canonical" href="'
        + urljoin(url, link.group(1).decode("utf-8", "replace")).encode()
        + b'"'
    )


def book_or_error(source: Path | str, options: ConvertOptions) -> tuple[bytes | str, float]:
    """The book's bytes (or its one-line error) and the seconds it took."""
    started = time.perf_counter()
    try:
        result: bytes | str = build_book(source, options)[1]
    except (InputError, RecursionError) as error:
        result = str(error).split(": ", 1)[-1]
    return result, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_argument(parser)
    parser.add_argument("--every", type=int, default=10, help="take every Nth page (default 10)")
    args = parser.parse_args()
    pages = corpus_pages(args.corpus)[:: args.every]
    # No pictures: an address's would be fetched from their own hosts, on the internet, and a file's are not.
    options = ConvertOptions(claims=False, images=False)
    server = WebServer().start()
    counts = dict.fromkeys(
        (
            "identical",
            "identical to the copy saved from the address",
            "identical to the copy whose relative canonical link is made absolute",
            "different",
        ),
        0,
    )
    failed_alike, extra = 0, []
    with tempfile.TemporaryDirectory() as scratch:
        for number, path in enumerate(pages):
            data = path.read_bytes()
            url = server.add(f"/{number}/page.html", page(data, "text/html"))
            from_file, file_seconds = book_or_error(path, options)
            from_url, url_seconds = book_or_error(url, options)
            if isinstance(from_file, str) or isinstance(from_url, str):
                failed_alike += from_file == from_url
                if from_file != from_url:
                    print(f"{page_name(args.corpus, path)}: file {from_file!r:.60}, address {from_url!r:.60}")
                continue
            extra.append(url_seconds - file_seconds)
            if from_file == from_url:
                counts["identical"] += 1
                continue
            saved = Path(scratch) / f"{number}.html"
            saved.write_bytes(f"<!-- saved from url=({len(url):04d}){url} -->\n".encode() + data)
            absolute = Path(scratch) / f"{number}-absolute.html"
            absolute.write_bytes(CANONICAL.sub(functools.partial(_absolute, url=url), data, count=1))
            if book_or_error(saved, options)[0] == from_url:
                counts["identical to the copy saved from the address"] += 1
            elif book_or_error(absolute, options)[0] == from_url:
                counts["identical to the copy whose relative canonical link is made absolute"] += 1
            else:
                counts["different"] += 1
                print(f"{page_name(args.corpus, path)}: the books differ")
    server.stop()
    print(f"{len(pages)} pages of {args.corpus} (every {args.every}th):")
    for what, count in counts.items():
        print(f"  {count:4} {what}")
    print(f"  {failed_alike:4} refused alike from the file and the address")
    if extra:
        print(f"time fetching adds per page: median {statistics.median(extra) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
