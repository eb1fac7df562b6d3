"""A streaming EPUB 3 container: each file goes into the zip as it is added; only manifest records stay."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from lxml import etree

from export.records import Record
from export.xmlchars import remove_xml_illegal

OPF_NS = "http://www.idpf.org/2007/opf"
DC_NS = "http://purl.org/dc/elements/1.1/"
NCX_NS = "http://www.daisy.org/z3986/2005/ncx/"
CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ROOT = "EPUB/"
PACKAGE = "content.opf"
NCX = "toc.ncx"
NCX_ID = "ncx"
IDENTIFIER_ID = "id"
# Pictures that deflate would not shrink: store them.
PRECOMPRESSED = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})
EARLIEST_ZIP_TIME = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
LATEST_ZIP_TIME = dt.datetime(2107, 12, 31, tzinfo=dt.UTC)  # a zip's year field ends there
# Ids the package document gives its own metadata, never given to a manifest item.
RESERVED_ID = re.compile(rf"(?:{IDENTIFIER_ID}|{NCX_ID}|creator\d+|contributor\d+)")
XML_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
NOT_IN_ID = re.compile(r"[^A-Za-z0-9_.-]")  # a file name's characters an id cannot hold ("/" among them)


@dataclass(eq=False, repr=False)
class PackageMetadata(Record):
    """The package document's metadata; ``modified`` is also every zip entry's time."""

    identifier: str
    title: str
    language: str
    modified: dt.datetime
    creators: list[tuple[str, str]] = field(default_factory=list)  # (name, MARC relator role)
    contributors: list[tuple[str, str]] = field(default_factory=list)
    date: str | None = None
    publisher: str | None = None
    source: str | None = None
    description: str | None = None
    subjects: list[str] = field(default_factory=list)
    extra_meta: list[tuple[str, str]] = field(default_factory=list)  # (property, value), in order
    generator: str | None = None


@dataclass(eq=False, repr=False)
class ManifestItem(Record):
    """One file of the package as its manifest lists it."""

    item_id: str
    href: str
    media_type: str
    properties: str | None = None


@dataclass(eq=False, repr=False)
class NavPoint(Record):
    """One entry of the NCX's navigation map, with its sub-entries."""

    title: str
    href: str
    children: list[NavPoint] = field(default_factory=list)


def zip_time(when: dt.datetime) -> dt.datetime:
    """``when`` in UTC (naive taken as UTC), clamped into the years a zip entry can carry."""
    when = when.astimezone(dt.UTC) if when.tzinfo else when.replace(tzinfo=dt.UTC)
    return min(max(when, EARLIEST_ZIP_TIME), LATEST_ZIP_TIME)


class EpubContainer:
    """Writes an EPUB to ``stream`` file by file: ``add`` each file, then ``finish`` once."""

    def __init__(self, stream: BinaryIO, modified: dt.datetime, compresslevel: int = 6) -> None:
        self._zip = zipfile.ZipFile(stream, "w", compresslevel=compresslevel)
        self._date_time = zip_time(modified).timetuple()[:6]
        self._compresslevel = compresslevel
        self._items: dict[str, ManifestItem] = {}  # by href, in the order added
        self._ids: set[str] = set()
        self._write("mimetype", b"application/epub+zip", compress=False)
        self._write("META-INF/container.xml", _container_xml())

    def add(
        self,
        file_name: str,
        media_type: str,
        content: bytes,
        *,
        properties: str | None = None,
        item_id: str | None = None,
        compress: bool = True,
    ) -> str:
        """Write ``EPUB/<file_name>`` into the zip now and list it in the manifest; returns its id."""
        item_id = self._free_id(file_name, item_id)
        self._write(ROOT + file_name, content, compress=compress)
        self._list(file_name, item_id, media_type, properties)
        return item_id

    def finish(
        self,
        metadata: PackageMetadata,
        spine: list[str],
        toc: list[NavPoint],
        guide: Sequence[tuple[str, str, str]] = (),
        cover_image: str | None = None,
        non_linear: frozenset[str] = frozenset(),
    ) -> None:
        """Write the NCX and the package document, then close the zip (not the stream).

        ``spine`` and ``cover_image`` are file names already added; ``guide`` is (type, title, href).
        """
        self.write_xml(NCX, lambda xml: _write_ncx(xml, metadata, toc))
        self._list(NCX, NCX_ID, "application/x-dtbncx+xml", None)
        cover_id = None
        if cover_image is not None:
            cover = self._items[cover_image]
            cover_id = cover.item_id
            cover.properties = " ".join(filter(None, [cover.properties, "cover-image"]))
        idrefs = [self._items[name].item_id for name in spine]
        skipped = {self._items[name].item_id for name in non_linear}
        self.write_xml(
            PACKAGE,
            lambda xml: _write_package(xml, metadata, cover_id, self._items.values(), idrefs, skipped, guide),
        )
        self._zip.close()

    def add_xml(
        self,
        file_name: str,
        media_type: str,
        write: Callable[[etree.xmlfile], None],
        *,
        doctype: str | None = None,
        properties: str | None = None,
    ) -> str:
        """Like ``add``, for a document that ``write`` writes element by element into the zip (a long one)."""
        item_id = self._free_id(file_name, None)
        self.write_xml(file_name, write, doctype)
        self._list(file_name, item_id, media_type, properties)
        return item_id

    def write_xml(
        self, file_name: str, write: Callable[[etree.xmlfile], None], doctype: str | None = None
    ) -> None:
        """Stream an XML document into the zip entry ``file_name``: declaration, doctype, then ``write``."""
        if file_name in self._items:
            raise ValueError(f"{file_name} is in the book already")
        info = self._info(ROOT + file_name, compress=True)
        with self._zip.open(info, "w") as entry, etree.xmlfile(entry, encoding="utf-8") as xml:
            xml.write_declaration()
            if doctype:
                xml.write_doctype(doctype)
            write(xml)

    def abandon(self) -> None:
        """Stop without a package document: for a book whose writing failed and will be thrown away."""
        self._zip.close()

    def _free_id(self, file_name: str, item_id: str | None) -> str:
        """The manifest id for a new file: ``item_id`` if it is a free XML id, else one made from the name."""
        if file_name in self._items or file_name in (PACKAGE, NCX):
            raise ValueError(f"{file_name} is already in the book")
        if item_id is None:
            return self._new_id(file_name)
        if not XML_ID.fullmatch(item_id) or item_id in self._ids or RESERVED_ID.fullmatch(item_id):
            raise ValueError(f"{item_id!r} is not a free XML id")
        return item_id

    def _list(self, file_name: str, item_id: str, media_type: str, properties: str | None) -> None:
        self._ids.add(item_id)
        self._items[file_name] = ManifestItem(item_id, file_name, media_type, properties)

    def _new_id(self, file_name: str) -> str:
        """An XML id from the file name without its extension, unique in the package document."""
        stem = NOT_IN_ID.sub("-", file_name.rsplit(".", 1)[0])
        base = stem if XML_ID.fullmatch(stem) else f"item-{stem}"
        item_id, number = base, 1
        while item_id in self._ids or RESERVED_ID.fullmatch(item_id):
            number += 1
            item_id = f"{base}-{number}"
        return item_id

    def _write(self, name: str, content: bytes, *, compress: bool = True) -> None:
        self._zip.writestr(self._info(name, compress), content, compresslevel=self._compresslevel)

    def _info(self, name: str, compress: bool) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=self._date_time)
        info.create_system = 3
        info.external_attr = 0o100644 << 16
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        return info


def _container_xml() -> bytes:
    root = etree.Element(f"{{{CONTAINER_NS}}}container", version="1.0", nsmap={None: CONTAINER_NS})
    rootfiles = etree.SubElement(root, f"{{{CONTAINER_NS}}}rootfiles")
    etree.SubElement(
        rootfiles,
        f"{{{CONTAINER_NS}}}rootfile",
        {"full-path": ROOT + PACKAGE, "media-type": "application/oebps-package+xml"},
    )
    return _serialize(root)


def _write_package(
    xml: etree.xmlfile,
    metadata: PackageMetadata,
    cover_id: str | None,
    items: Iterable[ManifestItem],
    idrefs: list[str],
    non_linear: set[str],
    guide: Sequence[tuple[str, str, str]],
) -> None:
    """The package document: metadata, then manifest, spine and guide written item by item."""
    # The incremental writer would bind the xml namespace to a new prefix: the attribute is named as written.
    attributes = {"version": "3.0", "unique-identifier": IDENTIFIER_ID, "xml:lang": _clean(metadata.language)}
    with xml.element(f"{{{OPF_NS}}}package", attributes, nsmap={None: OPF_NS}):
        xml.write(_metadata(metadata, cover_id))
        with xml.element(f"{{{OPF_NS}}}manifest"):
            for item in items:
                attributes = {"id": item.item_id, "href": item.href, "media-type": item.media_type}
                if item.properties:
                    attributes["properties"] = item.properties
                _leaf(xml, f"{{{OPF_NS}}}item", attributes)
        with xml.element(f"{{{OPF_NS}}}spine", toc=NCX_ID):
            for idref in idrefs:
                attributes = {"idref": idref, **({"linear": "no"} if idref in non_linear else {})}
                _leaf(xml, f"{{{OPF_NS}}}itemref", attributes)
        if guide:
            with xml.element(f"{{{OPF_NS}}}guide"):
                for kind, title, href in guide:
                    _leaf(xml, f"{{{OPF_NS}}}reference", {"type": kind, "title": _clean(title), "href": href})


def _metadata(metadata: PackageMetadata, cover_id: str | None) -> etree._Element:
    """The package's metadata element, a small tree."""
    meta = etree.Element(f"{{{OPF_NS}}}metadata", nsmap={None: OPF_NS, "dc": DC_NS})
    _dc(meta, "identifier", metadata.identifier, id=IDENTIFIER_ID)
    _dc(meta, "title", metadata.title)
    _dc(meta, "language", metadata.language)
    refinements = []
    for element, people in (("creator", metadata.creators), ("contributor", metadata.contributors)):
        for index, (name, role) in enumerate(people, start=1):
            _dc(meta, element, name, id=f"{element}{index}")
            if role:
                refinements.append((f"#{element}{index}", role))
    for element in ("date", "publisher", "source", "description"):
        if getattr(metadata, element):
            _dc(meta, element, getattr(metadata, element))
    for subject in metadata.subjects:
        _dc(meta, "subject", subject)
    modified = zip_time(metadata.modified).strftime("%Y-%m-%dT%H:%M:%SZ")
    _meta(meta, modified, property="dcterms:modified")
    for target, role in refinements:
        _meta(meta, role, refines=target, property="role", scheme="marc:relators")
    for prop, value in metadata.extra_meta:
        _meta(meta, value, property=prop)
    if metadata.generator:
        _meta(meta, None, name="generator", content=_clean(metadata.generator))
    if cover_id:
        _meta(meta, None, name="cover", content=cover_id)
    return meta


def _dc(parent: etree._Element, element: str, text: str, **attrs: str) -> None:
    etree.SubElement(parent, f"{{{DC_NS}}}{element}", attrs).text = _clean(text)


def _meta(parent: etree._Element, text: str | None, **attrs: str) -> None:
    element = etree.SubElement(parent, f"{{{OPF_NS}}}meta", attrs)
    if text is not None:
        element.text = _clean(text)


def _write_ncx(xml: etree.xmlfile, metadata: PackageMetadata, toc: list[NavPoint]) -> None:
    """The EPUB 2 table of contents: one navPoint per entry, one playOrder per distinct target."""
    with xml.element(f"{{{NCX_NS}}}ncx", version="2005-1", nsmap={None: NCX_NS}):
        with xml.element(f"{{{NCX_NS}}}head"):
            for name, content in (
                ("dtb:uid", _clean(metadata.identifier)),
                ("dtb:depth", str(_depth(toc))),
                ("dtb:totalPageCount", "0"),
                ("dtb:maxPageNumber", "0"),
            ):
                _leaf(xml, f"{{{NCX_NS}}}meta", {"name": name, "content": content})
        with xml.element(f"{{{NCX_NS}}}docTitle"):
            _leaf(xml, f"{{{NCX_NS}}}text", {}, _clean(metadata.title))
        with xml.element(f"{{{NCX_NS}}}navMap"):
            _write_nav_points(xml, toc, itertools.count(1), {})


def _write_nav_points(
    xml: etree.xmlfile, points: list[NavPoint], numbers: Iterator[int], orders: dict[str, int]
) -> None:
    """NavPoints numbered through the whole map; ``orders`` maps each target seen to its playOrder."""
    for point in points:
        order = orders.setdefault(point.href, len(orders) + 1)
        attributes = {"id": f"navpoint-{next(numbers)}", "playOrder": str(order)}
        with xml.element(f"{{{NCX_NS}}}navPoint", attributes):
            with xml.element(f"{{{NCX_NS}}}navLabel"):
                _leaf(xml, f"{{{NCX_NS}}}text", {}, _clean(point.title))
            _leaf(xml, f"{{{NCX_NS}}}content", {"src": point.href})
            _write_nav_points(xml, point.children, numbers, orders)


def _leaf(xml: etree.xmlfile, tag: str, attributes: dict[str, str], text: str | None = None) -> None:
    """An element with no children, written whole."""
    with xml.element(tag, attributes):
        if text:
            xml.write(text)


def _depth(points: list[NavPoint]) -> int:
    return max((1 + _depth(point.children) for point in points), default=0)


def _clean(text: str) -> str:
    return remove_xml_illegal(text)


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, encoding="utf-8", xml_declaration=True, pretty_print=True)
