"""The "Claims at a glance" appendix: every claim in reading order, linked to its place and back."""

from __future__ import annotations

from pathlib import Path

import pytest
from books import NS, build
from books import documents as parts

from export.epub.glance import short_quote

CHAPTERS = ("EPUB/article.xhtml", "EPUB/videos.xhtml", "EPUB/comments.xhtml")


@pytest.fixture(scope="module")
def book_with_comments(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("glance"), "--claims-in-comments")


def test_glance_lists_every_claim_in_reading_order_and_links_both_ways(book_with_comments):
    documents = parts(book_with_comments)
    glance = documents["EPUB/glance.xhtml"]
    in_text = [
        (name.removeprefix("EPUB/"), span)
        for name in CHAPTERS
        for span in documents[name].xpath("//h:span[@class='speculative']", namespaces=NS)
    ]
    entries = glance.xpath("//h:li[@class='glance-entry']", namespaces=NS)
    assert len(entries) == len(in_text) > 0
    assert any(name == "comments.xhtml" for name, _ in in_text)
    assert all(span.xpath(".//h:span[@class='cue']", namespaces=NS) for _, span in in_text)
    for entry, (name, span) in zip(entries, in_text, strict=True):
        link = entry.xpath("h:a", namespaces=NS)[0]
        assert link.get("href") == f"{name}#{span.get('id')}"
        assert entry.xpath("h:span/@data-claim", namespaces=NS) == [span.get("data-claim")]
        assert link.text == f"“{short_quote(''.join(span.itertext()))}”"
        note_id = span.getnext()[0].get("href").removeprefix("#")  # the link in the sup after the claim
        back = documents[f"EPUB/{name}"].xpath(
            f"//*[@id='{note_id}']//h:a[@class='glance-link']", namespaces=NS
        )
        assert [a.get("href") for a in back] == [f"glance.xhtml#{entry.get('id')}"]


def test_glance_is_in_the_contents_and_the_book_passes_epubcheck(book_with_comments, epubcheck):
    nav = parts(book_with_comments)["EPUB/nav.xhtml"]
    assert "glance.xhtml" in nav.xpath("//h:nav[@epub:type='toc']//h:a/@href", namespaces=NS)
    report = epubcheck(book_with_comments)
    assert report.errors == [] and report.warnings == []


def test_no_glance_without_claims(no_claims_book):
    documents = parts(no_claims_book)
    assert "EPUB/glance.xhtml" not in documents
    assert not documents["EPUB/article.xhtml"].xpath("//h:a[@class='glance-link']", namespaces=NS)


def test_short_quote_cuts_at_a_word():
    assert short_quote("They fear\n something similar.") == "They fear something similar."
    long = "word " * 40
    quoted = short_quote(long, 23)
    assert quoted == "word word word word…" and len(quoted) <= 24
