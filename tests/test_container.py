"""The streaming EPUB container on its own: zip layout, package document, NCX, ids, reproducibility."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from books import NS
from lxml import etree
from PIL import Image

from export.epub.container import EpubContainer, NavPoint, PackageMetadata
from export.epub.xhtml import add, new_document, serialize

WHEN = dt.datetime(2024, 5, 6, 7, 8, 10, tzinfo=dt.UTC)
XML_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")


def _document(title: str, nav: list[tuple[str, str]] | None = None) -> bytes:
    html, body = new_document(title, "en", "style.css")
    if nav is None:
        add(body, "h1", title)
        add(add(body, "section", id="part"), "p", "Some text.")
    else:
        ol = add(add(body, "nav", epub_type="toc", id="toc"), "ol")
        for href, text in nav:
            add(add(ol, "li"), "a", text, href=href)
    return serialize(html)


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "navy").save(out, "PNG")
    return out.getvalue()


def _metadata(title: str = "A book") -> PackageMetadata:
    return PackageMetadata(
        identifier="urn:uuid:12345678-1234-5234-9234-123456789abc",
        title=title,
        language="en",
        modified=WHEN,
        creators=[("Ann Author", "aut"), ("Bob Writer", "aut")],
        contributors=[("Cy Helper", "ctb")],
        date="2024-05-01",
        publisher="A Press",
        source="https://example.org/post",
        description="About things.",
        subjects=["Things"],
        extra_meta=[("schema:accessMode", "textual"), ("schema:accessibilityHazard", "none")],
        generator="annotated-epub test",
    )


def _book(title: str = "A book") -> bytes:
    """A two-document book (contents and one chapter) with a stylesheet and a cover picture."""
    out = io.BytesIO()
    book = EpubContainer(out, WHEN)
    book.add("style.css", "text/css", b"p { margin: 0 }")
    book.add("images/cover.png", "image/png", _png(), compress=False)
    contents = [("chapter.xhtml", "Chapter one"), ("chapter.xhtml#part", "Part")]
    book.add("nav.xhtml", "application/xhtml+xml", _document("Contents", contents), properties="nav")
    book.add("chapter.xhtml", "application/xhtml+xml", _document("Chapter one"))
    book.finish(
        _metadata(title),
        spine=["nav.xhtml", "chapter.xhtml"],
        toc=[NavPoint("Chapter one", "chapter.xhtml", [NavPoint("Part", "chapter.xhtml#part")])],
        guide=[("toc", "Contents", "nav.xhtml"), ("text", title, "chapter.xhtml")],
        cover_image="images/cover.png",
        non_linear=frozenset({"chapter.xhtml"}),
    )
    return out.getvalue()


def _part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def test_mimetype_first_and_stored_then_container_xml():
    with zipfile.ZipFile(io.BytesIO(_book())) as archive:
        infos = archive.infolist()
        assert [info.filename for info in infos[:2]] == ["mimetype", "META-INF/container.xml"]
        assert infos[0].compress_type == zipfile.ZIP_STORED and infos[0].extra == b""
        assert archive.read("mimetype") == b"application/epub+zip"
        assert {info.date_time for info in infos} == {(2024, 5, 6, 7, 8, 10)}
        assert {info.external_attr for info in infos} == {0o100644 << 16}
        assert archive.getinfo("EPUB/images/cover.png").compress_type == zipfile.ZIP_STORED
        assert archive.getinfo("EPUB/chapter.xhtml").compress_type == zipfile.ZIP_DEFLATED
    container = _part(_book(), "META-INF/container.xml")
    ns = {"c": "urn:oasis:names:tc:opendocument:xmlns:container"}
    assert container.xpath("//c:rootfile/@full-path", namespaces=ns) == ["EPUB/content.opf"]


def test_package_document_lists_metadata_manifest_spine_and_guide():
    opf = _part(_book(), "EPUB/content.opf")
    assert opf.get("unique-identifier") == "id" and opf.get("version") == "3.0"
    assert opf.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert opf.xpath("//dc:identifier[@id='id']/text()", namespaces=NS) == [_metadata().identifier]
    assert opf.xpath("//dc:creator/text()", namespaces=NS) == ["Ann Author", "Bob Writer"]
    assert opf.xpath("//opf:meta[@refines='#creator2'][@property='role']/text()", namespaces=NS) == ["aut"]
    assert opf.xpath("//opf:meta[@refines='#contributor1']/@scheme", namespaces=NS) == ["marc:relators"]
    for element, value in [("date", "2024-05-01"), ("publisher", "A Press"), ("subject", "Things")]:
        assert opf.xpath(f"//dc:{element}/text()", namespaces=NS) == [value]
    meta = opf.xpath("//opf:meta[@property]/@property", namespaces=NS)
    assert meta[0] == "dcterms:modified" and meta[-2:] == ["schema:accessMode", "schema:accessibilityHazard"]
    assert opf.xpath("//opf:meta[@property='dcterms:modified']/text()", namespaces=NS) == [
        "2024-05-06T07:08:10Z"
    ]
    assert opf.xpath("//opf:meta[@name='generator']/@content", namespaces=NS) == ["annotated-epub test"]
    items = opf.xpath("//opf:item", namespaces=NS)
    assert [item.get("href") for item in items] == [
        "style.css",
        "images/cover.png",
        "nav.xhtml",
        "chapter.xhtml",
        "toc.ncx",
    ]
    ids = {item.get("href"): item.get("id") for item in items}
    assert opf.xpath("//opf:meta[@name='cover']/@content", namespaces=NS) == [ids["images/cover.png"]]
    assert opf.xpath("//opf:item[@properties='cover-image']/@href", namespaces=NS) == ["images/cover.png"]
    assert opf.xpath("//opf:item[@properties='nav']/@href", namespaces=NS) == ["nav.xhtml"]
    spine = opf.find("opf:spine", NS)
    assert spine.get("toc") == ids["toc.ncx"]
    assert [(ref.get("idref"), ref.get("linear")) for ref in spine] == [
        (ids["nav.xhtml"], None),
        (ids["chapter.xhtml"], "no"),
    ]
    guide = [(ref.get("type"), ref.get("title"), ref.get("href")) for ref in opf.find("opf:guide", NS)]
    assert guide == [("toc", "Contents", "nav.xhtml"), ("text", "A book", "chapter.xhtml")]


def test_ncx_holds_the_toc_in_play_order():
    ncx = _part(_book(), "EPUB/toc.ncx")
    assert ncx.xpath("//ncx:meta[@name='dtb:uid']/@content", namespaces=NS) == [_metadata().identifier]
    assert ncx.xpath("//ncx:meta[@name='dtb:depth']/@content", namespaces=NS) == ["2"]
    assert ncx.xpath("//ncx:docTitle/ncx:text/text()", namespaces=NS) == ["A book"]
    points = ncx.xpath("//ncx:navPoint", namespaces=NS)
    assert [p.xpath("string(ncx:navLabel/ncx:text)", namespaces=NS) for p in points] == [
        "Chapter one",
        "Part",
    ]
    assert [p.get("playOrder") for p in points] == ["1", "2"]
    assert points[1].getparent() is points[0]
    assert points[1].find("ncx:content", NS).get("src") == "chapter.xhtml#part"


def test_same_inputs_give_the_same_bytes():
    assert _book() == _book()


def test_ids_are_unique_valid_xml_ids():
    book = EpubContainer(io.BytesIO(), WHEN)
    names = ["a.xhtml", "a.css", "a/b.xhtml", "a-b.xhtml", "1.xhtml", "ncx.xhtml", "id.png", "été.xhtml"]
    ids = [book.add(name, "application/octet-stream", b"") for name in names]
    assert ids[0] == "a" and len(set(ids)) == len(ids)
    assert all(XML_ID.fullmatch(item_id) for item_id in ids)
    assert not {"ncx", "id"} & set(ids)
    with pytest.raises(ValueError):
        book.add("a.xhtml", "application/xhtml+xml", b"")
    with pytest.raises(ValueError):
        book.add("other.xhtml", "application/xhtml+xml", b"", item_id="a")


def test_illegal_xml_characters_in_titles_are_removed():
    title = "A\x00 bo\x0bok\ufffe"
    opf = _part(_book(title), "EPUB/content.opf")
    assert opf.xpath("//dc:title/text()", namespaces=NS) == ["A book"]
    assert opf.xpath("//opf:reference[@type='text']/@title", namespaces=NS) == ["A book"]
    ncx = _part(_book(title), "EPUB/toc.ncx")
    assert ncx.xpath("//ncx:docTitle/ncx:text/text()", namespaces=NS) == ["A book"]


def test_book_made_by_the_container_passes_epubcheck(tmp_path, epubcheck):
    path = tmp_path / "container.epub"
    path.write_bytes(_book())
    report = epubcheck(path)
    assert report.errors == [] and report.warnings == []
