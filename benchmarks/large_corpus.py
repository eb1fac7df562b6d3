"""The pages of corpus-large with their gold, and its split by site into a tune and an aside part.

Split rule: a page's site is its address's host without "www." (of the archived address for a
web.archive.org copy); the address is trafilatura's evaldata key (where the key is no address, the
site is the file name up to its first "-"), scrapinghub's ground-truth url; for readability the site
is the test folder's name without a trailing "-N". A site is *aside* when the first 8 hex
digits of sha256(site) read as a number fall in the lowest third (< 0x55555555), else *tune*.

Tune is halved by site for rules that need a half they were not written on (``half_of``): a site is in
half *A* when sha256("half:" + site) read as a number is even, else *B*. The salt matters: corpus-large
was drawn from its benchmarks by the parity of sha256(site) itself, so that parity is nearly constant.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import lxml.html

Part = Literal["tune", "aside"]
Half = Literal["A", "B"]
ASIDE_BELOW = 0x55555555
NUMBERED = re.compile(r"-\d+$")
ARCHIVED = re.compile(r"https?://web\.archive\.org/web/[^/]+/(.+)")


@dataclass
class LargeGold:
    """One page of corpus-large and what its benchmark expects of it (None or empty where it says nothing)."""

    page: Path
    source: str  # "trafilatura", "readability" or "scrapinghub"
    site: str
    with_snippets: list[str] = field(default_factory=list)
    without_snippets: list[str] = field(default_factory=list)
    body: str | None = None
    title: str | None = None
    author: str | None = None
    date: str | None = None  # YYYY-MM-DD
    site_name: str | None = None  # the site's name where the gold states it (Readability's siteName)

    @property
    def part(self) -> Part:
        return part_of(self.site)


def part_of(site: str) -> Part:
    """The part a site belongs to, by the rule in this module's docstring."""
    value = int(hashlib.sha256(site.encode("utf-8")).hexdigest()[:8], 16)
    return "aside" if value < ASIDE_BELOW else "tune"


def half_of(site: str) -> Half:
    """The half of the tune part a site belongs to, by the rule in this module's docstring."""
    value = int(hashlib.sha256(f"half:{site}".encode()).hexdigest(), 16)
    return "A" if value % 2 == 0 else "B"


def load(corpus: Path) -> list[LargeGold]:
    """Every page of the three benchmarks, in a fixed order."""
    return (
        _trafilatura(corpus / "trafilatura")
        + _readability(corpus / "readability")
        + _scrapinghub(corpus / "scrapinghub")
    )


def _host(url: str) -> str:
    """The address's host without "www."; for a web.archive.org copy, the archived address's host."""
    archived = ARCHIVED.match(url)
    host = (urlsplit(archived[1] if archived else url).hostname or "").lower()
    return host.removeprefix("www.")


def _joined(value: str | list[str] | None) -> str | None:
    """A byline as one string; some gold files give a list of names."""
    return "; ".join(value) if isinstance(value, list) else value or None


def _day(text: str | None) -> str | None:
    match = re.match(r"\d{4}-\d{2}-\d{2}", (text or "").strip())
    return match[0] if match else None


def _trafilatura(folder: Path) -> list[LargeGold]:
    data = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for key, entry in sorted(data.items()):
        page = folder / "html" / entry["file"]
        if not page.is_file():
            continue
        site = _host(key) if key.startswith("http") else entry["file"].removesuffix(".html").split("-")[0]
        pages.append(
            LargeGold(
                page,
                "trafilatura",
                site.removeprefix("www."),
                with_snippets=entry.get("with", []),
                without_snippets=entry.get("without", []),
                title=_joined(entry.get("title")),
                author=_joined(entry.get("author")),
                date=_day(entry.get("date")),
            )
        )
    return pages


def _readability(folder: Path) -> list[LargeGold]:
    pages = []
    for test in sorted(path for path in folder.iterdir() if (path / "source.html").is_file()):
        metadata = json.loads((test / "expected-metadata.json").read_text(encoding="utf-8"))
        # UTF-8, as Readability's tests read it: the file declares no charset (bytes were read as Latin-1)
        expected = lxml.html.document_fromstring((test / "expected.html").read_text(encoding="utf-8"))
        pages.append(
            LargeGold(
                test / "source.html",
                "readability",
                NUMBERED.sub("", test.name),
                body=expected.text_content(),
                title=metadata.get("title") or None,
                author=_joined(metadata.get("byline")),
                date=_day(metadata.get("publishedTime")),
                site_name=metadata.get("siteName") or None,
            )
        )
    return pages


def _scrapinghub(folder: Path) -> list[LargeGold]:
    data = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key, entry in sorted(data.items()):
        page = folder / "html" / f"{key}.html"
        if page.is_file():
            pages.append(LargeGold(page, "scrapinghub", _host(entry["url"]), body=entry["articleBody"]))
    return pages
