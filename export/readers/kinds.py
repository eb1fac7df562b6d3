"""The kinds of input, each telling itself from a file's first bytes, in the order they are tried."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Literal, NamedTuple

from export.errors import InputError
from export.model import Article
from export.readers.feed_sniff import looks_like_feed
from export.readers.origin import Origin, PageInput
from export.readers.prologue import PROLOGUE_BYTES, as_utf8, root_tag
from export.readers.wxr.sniff import ZIP_MAGIC, looks_like_wxr

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# What one input of a kind makes: an article's book, a blog's (export.blog), a feed's (export.readers.feed).
Makes = Literal["article", "blog", "feed"]


class InputKind(NamedTuple):
    """One kind of input: what it is called, how its first bytes (and origin) show it, and how it is read.

    ``read`` is None for a whole blog, which ``export.blog`` converts post by post, and for a feed, read
    as a collection of its items; ``label`` is None for a kind that is only recognised to be refused.
    """

    name: str
    label: str | None
    sniff: Callable[[bytes, Origin], bool]
    read: Callable[[PageInput], Article] | None
    makes: Makes = "article"


@cache
def _html_root() -> re.Pattern[bytes]:
    """The first tag of an HTML page, after whatever prologue (comments, an XML declaration) comes before
    it; compiled only for an input that starts with a tag (not a text page)."""
    return re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title)[\s>/]", re.IGNORECASE)


def looks_like_html(start: bytes, suffix: str = "") -> bool:
    """True when the first bytes of a file (or, when they say nothing, its suffix) show an HTML page."""
    start = as_utf8(start[:PROLOGUE_BYTES])
    position = root_tag(start)
    if position is not None and _html_root().match(start, position):
        return True
    return suffix.lower() in HTML_SUFFIXES and b"<" in start


def _sniff_wxr(start: bytes, origin: Origin) -> bool:
    if start.startswith(ZIP_MAGIC):
        from export.readers.wxr.parts import is_zipped_export

        return origin.path is not None and is_zipped_export(origin.path)
    return looks_like_wxr(start)


def _refuse_zip(page: PageInput) -> Article:
    from export.readers.wxr.parts import zip_problem

    if page.origin.path is None:
        raise InputError(page.name, "is a zip archive, not a page")
    raise zip_problem(page.origin.path)


def _read_html(page: PageInput) -> Article:
    from export.readers.html.page import read_html

    return read_html(page)


def _read_text(page: PageInput) -> Article:
    from export.readers.text import read_text

    return read_text(page)


WORDPRESS_EXPORT = InputKind(
    "wordpress-export", "WordPress export(s) (XML or zip)", _sniff_wxr, None, makes="blog"
)
ZIP_ARCHIVE = InputKind("zip", None, lambda start, _origin: start.startswith(ZIP_MAGIC), _refuse_zip)
HTML_PAGE = InputKind(
    "html", "saved HTML page(s)", lambda start, origin: looks_like_html(start, origin.suffix), _read_html
)
TEXT_PAGE = InputKind("text", "plain-text page(s)", lambda _start, _origin: True, _read_text)
# After the WordPress export, which is RSS too: an export goes to the blog's path, never here.
FEED = InputKind(
    "feed", "RSS or Atom feed(s)", lambda start, _origin: looks_like_feed(start), None, makes="feed"
)

# In priority order; text is the fallback.
INPUT_KINDS = (WORDPRESS_EXPORT, ZIP_ARCHIVE, FEED, HTML_PAGE, TEXT_PAGE)


def input_makes(path: Path) -> Makes:
    """What the regular file at ``path`` makes, by the first kind whose sniff takes its first bytes; an
    article for anything else (a pipe is never read here: its reader reports it)."""
    if not path.is_file():
        return "article"
    return sniffed_kind(first_bytes(path), Origin.file(path)).makes


def sniffed_kind(start: bytes, origin: Origin) -> InputKind:
    """The first kind whose sniff takes an input's first bytes (``start``) from ``origin``."""
    return next(kind for kind in INPUT_KINDS if kind.sniff(start[:PROLOGUE_BYTES], origin))


def first_bytes(path: Path) -> bytes:
    """The bytes a kind is told by (none when the file cannot be read: its reader names the problem)."""
    try:
        with path.open("rb") as stream:
            return stream.read(PROLOGUE_BYTES)
    except OSError:
        return b""


def inputs_help(pages_only: bool = False) -> str:
    """The kinds of input a command reads (only those ``read_article`` reads), for its help: 'a, b or c'."""
    labels = [kind.label for kind in INPUT_KINDS if kind.label and (kind.read or not pages_only)]
    return ", ".join(labels[:-1]) + " or " + labels[-1]
