"""Streaming a WordPress export: the blog from its channel, then every item, in bounded memory."""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from export.errors import InputError
from export.model import Blog, Person
from export.readers.wxr.items import ItemQuirks, WxrItem, field_name, read_fields, read_item
from export.readers.wxr.sniff import WXR_NAMESPACE
from export.readers.wxr.stream import RepairingStream

NOT_WXR = "is not a WordPress export (no <rss> with a wordpress.org/export namespace)"
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
DEFAULT_LANGUAGE = "en"
AUTHOR_TAGS = ("author", "wp_author")  # the latter in some WordPress.com exports
WHERE = re.compile(r",? line \d+, column \d+$")


class ExportReader:
    """One WXR document read as a stream: its channel first, then its items (a zip's part is one)."""

    def __init__(self, path: Path, raw: BinaryIO, warn: Callable[[str], None], member: str = "") -> None:
        self.path = path
        self.member = member  # the part of a zip archive being read, named in errors
        self.raw = raw
        self.warn = warn
        self.stream = RepairingStream(raw)
        self.events = etree.iterparse(
            self.stream,
            events=("start", "end"),
            tag=("{*}rss", "{*}channel", "{*}item"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        )
        self.authors: dict[str, str] = {}
        self.quirks = ItemQuirks()
        self.warned: set[str] = set()
        self.first: etree._Element | None = None  # the first item, met while reading the blog
        self.position = 0

    def read_blog(self) -> Blog:
        """Read up to the first item (or the channel's end) and return the blog the channel describes."""
        for event, element in self._events():
            name = field_name(element.tag)
            if name == "rss" and element.getparent() is None:
                continue
            if not _is_export_root(element.getroottree().getroot()):
                raise self._error(NOT_WXR)
            if (name == "item" and _in_channel(element)) or (event == "end" and name == "channel"):
                if name == "item":
                    self.first = element
                return self._blog(element.getparent() if name == "item" else element)
        raise self._error(NOT_WXR)

    def follow(self, earlier: ExportReader) -> None:
        """Go on from an earlier part of the same export: its authors, place and warnings given carry over."""
        self.authors, self.quirks, self.warned = earlier.authors, earlier.quirks, earlier.warned
        self.position = earlier.position

    def items(self) -> Generator[WxrItem, None, None]:
        """Every item of the channel, in file order, each cleared from memory once read."""
        try:
            if self.first is not None:
                yield from self._finish_items(self.first)
            for event, element in self._events():
                if event == "start" and field_name(element.tag) == "item" and _in_channel(element):
                    yield from self._finish_items(element)
        finally:
            self.raw.close()

    def _finish_items(self, start: etree._Element) -> Iterator[WxrItem]:
        """The item that ``start`` opened, once its end is read."""
        for event, element in self._events():
            if event == "end" and element is start:
                self.position += 1
                item = read_item(element, self.position, self.authors, self.quirks)
                _forget(element)
                self._report_quirks()
                yield item
                return

    def _events(self) -> Iterator[tuple[str, etree._Element]]:
        """The parser's events; a parse error becomes the one-line ``InputError``."""
        try:
            yield from self.events
        except etree.XMLSyntaxError as error:
            raise self._error(_syntax_problem(error)) from None
        except OSError as error:
            raise self._error(f"cannot read: {error.strerror}") from None
        finally:
            self._report_quirks()

    def _error(self, problem: str) -> InputError:
        return InputError(self.path, f"{self.member}: {problem}" if self.member else problem)

    def _blog(self, channel: etree._Element) -> Blog:
        fields = read_fields(channel, self.quirks)
        owners: list[Person] = []
        for child in channel:
            if isinstance(child.tag, str) and field_name(child.tag) in AUTHOR_TAGS and len(child):
                author = read_fields(child, self.quirks)
                login = author.get("author_login", "")
                name = author.get("author_display_name") or login
                if login:
                    self.authors[login] = name
                if name and name not in [owner.name for owner in owners]:
                    owners.append(Person(name))
        language = fields.get("language", "")
        self._report_quirks()
        return Blog(
            title=fields.get("title") or Path(self.member or self.path).stem,
            description=fields.get("description") or None,
            url=fields.get("link") or fields.get("base_blog_url") or None,
            language=language if LANGUAGE_TAG.match(language) else DEFAULT_LANGUAGE,
            owners=owners,
        )

    def _report_quirks(self) -> None:
        """Warn, once each, of the exporter faults met so far."""
        faults = {
            f"prefix {prefix}": f"uses the {prefix}: prefix without declaring its namespace (declared it)"
            for prefix in self.stream.undeclared_used
        }
        if self.stream.controls_removed:
            faults["controls"] = "holds control characters that XML forbids (left them out)"
        if self.quirks.padded_field:
            faults["padded"] = (
                f"has line breaks around field values (first in {self.quirks.padded_field}; stripped them)"
            )
        if self.quirks.untyped:
            first = _item_named(self.quirks.untyped[0])
            faults["untyped"] = f"has items without wp:post_type (read as posts; first: {first})"
        for key, message in faults.items():
            if key not in self.warned:
                self.warned.add(key)
                self.warn(message)


def _is_export_root(root: etree._Element) -> bool:
    """True for an ``<rss>`` root that declares a wordpress.org/export namespace."""
    namespaces = root.nsmap.values()
    return field_name(root.tag) == "rss" and any(WXR_NAMESPACE.match(uri or "") for uri in namespaces)


def _in_channel(item: etree._Element) -> bool:
    parent = item.getparent()
    return parent is not None and field_name(parent.tag) == "channel"


def _forget(item: etree._Element) -> None:
    """Free the item and everything before it in the channel: the tree stays as small as one item."""
    item.clear(keep_tail=False)
    parent = item.getparent()
    if parent is not None:
        while item.getprevious() is not None:
            del parent[0]


def _syntax_problem(error: etree.XMLSyntaxError) -> str:
    message = WHERE.sub("", str(error.msg or "").strip())
    if "huge" in message.lower():
        return f"has a field longer than the reader takes (line {error.lineno}: {message})"
    if error.lineno == 1 and ("Document is empty" in message or "Start tag expected" in message):
        return NOT_WXR
    return f"is not well-formed XML (line {error.lineno}: {message})"


def _item_named(post_id: str) -> str:
    """An item in a warning: by its id, or by its place ("#2") when it has none."""
    return f"item {post_id}" if post_id.startswith("#") else f"the item with post id {post_id}"
