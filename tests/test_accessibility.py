"""EPUB Accessibility 1.1 as far as markup shows it: the claim, language, headings, alt text, roles.

DAISY Ace, which also checks the rendered pages, is run outside the suite: docs/check_accessibility.py.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from books import EPUB_TYPE, NS, build, documents
from conftest import CORPUS, SEED
from lxml import etree
from test_book import THREADED_PAGE

from export.cli import main

THREADED_ARTICLE = CORPUS / "html" / "trafilatura__thenervousbreakdown.com.loneliest.html"

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HEADINGS = [f"{{{NS['h']}}}h{level}" for level in range(1, 7)]


@pytest.fixture(scope="module", params=["seed", "seed-kepub", "threaded-en-gb", "collection"])
def book(request, tmp_path_factory) -> Path:
    if request.param == "seed":
        return request.getfixturevalue("seed_book")
    if request.param == "seed-kepub":
        return request.getfixturevalue("seed_kepub")
    folder = tmp_path_factory.mktemp(request.param)
    if request.param == "collection":  # two English articles as one book
        out = folder / "collection.epub"
        assert main([str(SEED), str(THREADED_ARTICLE), "-o", str(out), "-q"]) == 0
        return out
    source = folder / "threaded.txt"
    source.write_text(THREADED_PAGE, encoding="utf-8")
    return build(folder, "--language", "en-GB", source=source)


def contents(book: Path) -> dict[str, etree._Element]:
    return documents(book, (".xhtml", ".opf"))


def test_package_claims_epub_accessibility_1_1_with_its_metadata(book):
    opf = contents(book)["EPUB/content.opf"]

    def meta(prop: str) -> list[str]:
        return opf.xpath(f"//opf:meta[@property='{prop}']/text()", namespaces=NS)

    assert meta("dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.1 Level AA"]
    assert set(meta("schema:accessMode")) == {"textual", "visual"}
    assert meta("schema:accessModeSufficient") == ["textual"]
    assert {"alternativeText", "structuralNavigation", "tableOfContents"} <= set(
        meta("schema:accessibilityFeature")
    )
    assert meta("schema:accessibilityHazard") == ["none"] and meta("schema:accessibilitySummary")


def test_every_document_and_the_package_say_their_language(book):
    documents = contents(book)
    language = documents["EPUB/content.opf"].xpath("string(//dc:language)", namespaces=NS)
    assert documents["EPUB/content.opf"].get(XML_LANG) == language
    for name, root in documents.items():
        if name.endswith(".xhtml"):
            assert root.get("lang") == language and root.get(XML_LANG) == language, name


def test_headings_start_at_one_and_never_skip_a_level(book):
    for name, root in contents(book).items():
        if not name.endswith(".xhtml") or name.endswith("cover.xhtml"):
            continue
        levels = [HEADINGS.index(element.tag) + 1 for element in root.iter(*HEADINGS)]
        assert levels and levels[0] == 1, name
        for before, after in pairwise(levels):
            assert after <= before + 1, f"{name}: h{before} followed by h{after}"


def test_images_have_alternative_text_and_labels_point_at_headings(book):
    for name, root in contents(book).items():
        if not name.endswith(".xhtml"):
            continue
        for image in root.iter(f"{{{NS['h']}}}img"):
            assert (image.get("alt") or "").strip(), f"{name}: image without alt text"
        ids = {element.get("id") for element in root.iter() if element.get("id")}
        for element in root.xpath("//*[@aria-labelledby]"):
            assert element.get("aria-labelledby") in ids, name


def test_notes_carry_their_roles_both_ways(book):
    documents = contents(book)
    references = 0
    for name, root in documents.items():
        for link in root.xpath("//h:a[@epub:type='noteref']", namespaces=NS):
            references += 1
            assert link.get("role") == "doc-noteref"
            note = root.xpath(f"//*[@id='{link.get('href')[1:]}']")[0]
            assert note.get(EPUB_TYPE) == "footnote" and note.get("role") == "doc-footnote", name
            assert note.getparent().get(EPUB_TYPE) == "footnotes"
            backlink = note.xpath(".//h:a", namespaces=NS)[0]
            assert backlink.get("role") == "doc-backlink" and backlink.get("href") == f"#{link.get('id')}"
    assert references >= 2
