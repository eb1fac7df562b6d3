"""The seed's book, end to end: validity, reproducibility, metadata, navigation, notes and appendices."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from books import EPUB_TYPE, NS, build, entry
from conftest import SEED
from lxml import etree

from export.model import CLAIM_KINDS


def test_seed_book_passes_epubcheck_without_errors_or_warnings(seed_book, epubcheck):
    report = epubcheck(seed_book)
    assert report.errors == [] and report.warnings == []


def test_book_without_claims_passes_epubcheck(no_claims_book, epubcheck):
    report = epubcheck(no_claims_book)
    assert report.errors == [] and report.warnings == []
    assert (
        entry(no_claims_book, "EPUB/article.xhtml").xpath("//h:span[@class='speculative']", namespaces=NS)
        == []
    )


def test_two_builds_are_byte_identical(tmp_path, seed_book, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    again = build(tmp_path, name="again.epub")
    assert again.read_bytes() == seed_book.read_bytes()


def test_mimetype_is_the_first_entry_and_stored(seed_book):
    with zipfile.ZipFile(seed_book) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == b"application/epub+zip"
        assert {info.date_time for info in archive.infolist()} == {(2016, 4, 1, 0, 0, 0)}


def test_package_metadata(seed_book):
    opf = entry(seed_book, "EPUB/content.opf")

    def meta(prop: str) -> list[str]:
        return opf.xpath(f"//opf:meta[@property='{prop}']/text()", namespaces=NS)

    assert opf.xpath("//dc:title/text()", namespaces=NS) == [
        "How Putin’s Leverage Shaped the Syrian Ceasefire"
    ]
    assert opf.xpath("//dc:creator/text()", namespaces=NS) == ["Gareth Porter"]
    assert opf.xpath("//opf:meta[@refines='#creator1'][@property='role']/text()", namespaces=NS) == ["aut"]
    assert opf.xpath("//dc:contributor/text()", namespaces=NS) == ["Larry Wilkerson"]
    assert opf.xpath("//dc:date/text()", namespaces=NS) == ["2016-03-28"]
    assert opf.xpath("//dc:language/text()", namespaces=NS) == ["en"]
    assert opf.xpath("//dc:publisher/text()", namespaces=NS) == ["Dandelion Salad"]
    assert opf.xpath("//dc:source/text()", namespaces=NS) == [SEED.name]
    identifier = opf.xpath("//dc:identifier/text()", namespaces=NS)[0]
    assert identifier.startswith("urn:uuid:")
    assert meta("dcterms:modified") == ["2016-04-01T00:00:00Z"]
    assert meta("schema:accessMode") == ["textual", "visual"]  # the cover is a picture, described in its alt
    assert meta("schema:accessModeSufficient") == ["textual"]
    assert "tableOfContents" in meta("schema:accessibilityFeature")
    assert meta("schema:accessibilityHazard") == ["none"]
    assert len(meta("schema:accessibilitySummary")[0]) > 40


def test_identifier_follows_the_content(tmp_path, seed_text, seed_book, no_claims_book):
    changed = tmp_path / "changed.txt"
    changed.write_text(seed_text.replace("extremely rare departure", "rare departure"), encoding="utf-8")

    def identifier(book: Path) -> str:
        return entry(book, "EPUB/content.opf").xpath("//dc:identifier/text()", namespaces=NS)[0]

    edited = build(tmp_path, source=changed, name="edited.epub")
    assert identifier(seed_book) != identifier(edited)
    assert identifier(seed_book) == identifier(no_claims_book)


def test_navigation_has_toc_landmarks_and_ncx(seed_book):
    nav = entry(seed_book, "EPUB/nav.xhtml")
    toc = nav.xpath("//h:nav[@epub:type='toc']//h:a/text()", namespaces=NS)
    assert toc[:3] == ["Title page", "How Putin’s Leverage Shaped the Syrian Ceasefire", "Video reports"]
    assert "Will the Syrian Ceasefire End the US-Russia Proxy War?" in toc
    assert "Appendix A: From the archives" in toc and "Appendix B: Comments" in toc
    landmarks = {
        a.get(EPUB_TYPE): a.get("href")
        for a in nav.xpath("//h:nav[@epub:type='landmarks']//h:a", namespaces=NS)
    }
    assert landmarks["toc"] == "nav.xhtml#toc"
    assert landmarks["bodymatter"] == "article.xhtml"
    assert landmarks["backmatter"] == "archive.xhtml"
    ncx = entry(seed_book, "EPUB/toc.ncx")
    assert "Appendix B: Comments" in ncx.xpath("//ncx:text/text()", namespaces=NS)


def test_article_chapter_keeps_header_caption_standfirst_and_bio(seed_book):
    article = entry(seed_book, "EPUB/article.xhtml")
    text = "".join(article.itertext())
    assert (
        article.xpath("string(//h:h1)", namespaces=NS) == "How Putin’s Leverage Shaped the Syrian Ceasefire"
    )
    assert (
        article.xpath("string(//h:p[@class='byline'])", namespaces=NS)
        == "by Gareth PorterWriter, Dandelion Salad"
    )
    assert article.xpath("//h:time/@datetime", namespaces=NS)[0] == "2016-03-28"
    assert "Crossposted at Middle East Eye" in text
    caption = article.xpath("string(//h:figcaption)", namespaces=NS)
    assert (
        caption.startswith("No war on Syria protest in San Francisco") and "Image by Steve Rhodes" in caption
    )
    assert article.xpath("string(//h:p[@class='standfirst'])", namespaces=NS).startswith(
        "By his military withdrawal"
    )
    assert "He can be contacted at" in article.xpath("string(//h:section[@class='bio'])", namespaces=NS)
    assert "Comments are closed" not in text and "from the archives" not in text


def test_video_chapter_keeps_channel_date_editor_note_and_update(seed_book):
    videos = entry(seed_book, "EPUB/videos.xhtml")
    assert (
        videos.xpath("string(//h:p[@class='editor-note'])", namespaces=NS)
        == "Editor’s note: DS added the video reports"
    )
    titles = videos.xpath("//h:section[@class='video']/h:h2/text()", namespaces=NS)
    assert titles == [
        "Will the Syrian Ceasefire End the US-Russia Proxy War?",
        "Syrian ceasefire 90 percent effective – investigative journalist",
    ]
    metas = [" ".join(p.itertext()) for p in videos.xpath("//h:p[@class='video-meta']", namespaces=NS)]
    assert metas[0].startswith("TheRealNews") and "March 28, 2016" in metas[0]
    assert metas[1].startswith("RT America") and "March 31, 2016" in metas[1]
    update = videos.xpath("//h:p[@class='update-note']", namespaces=NS)
    assert len(update) == 1 and update[0].xpath("string(h:time/@datetime)", namespaces=NS) == "2016-04-01"
    following = update[0].getnext()
    assert following.xpath("string(h:h2)", namespaces=NS).startswith("Syrian ceasefire 90 percent")


def test_archive_appendix_lists_titles_and_authors(seed_book):
    archive = entry(seed_book, "EPUB/archive.xhtml")
    entries = ["".join(li.itertext()) for li in archive.xpath("//h:ol[@class='archive']/h:li", namespaces=NS)]
    assert len(entries) == 5
    assert (
        entries[1]
        == "How Would Knowing the Truth Change U.S. Policy on ISIS? by David Swanson and War Is A Total Lie!"
    )
    assert entries[4].endswith("by William Blum")


def test_comments_appendix_groups_pingbacks_nests_replies_and_states_counts(seed_book):
    comments = entry(seed_book, "EPUB/comments.xhtml")
    count = comments.xpath("string(//h:p[@class='comment-count'])", namespaces=NS)
    assert count == "The page announced 11; this copy holds 6 entries (4 pingbacks, 1 comment and 1 reply)."
    pingbacks = comments.xpath("//h:ol[@class='pingbacks']/h:li", namespaces=NS)
    assert [li.get("value") for li in pingbacks] == ["1", "2", "3", "4"]
    assert (
        "".join(pingbacks[3].itertext())
        == "Pingback: Putin: The Spy Who Came in Out of the Cold (Dandelion Salad)"
    )
    readers = comments.xpath("//h:ol[@class='comments']/h:li", namespaces=NS)
    assert [li.get("value") for li in readers] == ["5"]
    replies = readers[0].xpath(".//h:ul[@class='replies']/h:li", namespaces=NS)
    assert len(replies) == 1
    assert replies[0].xpath("string(.//h:p[2])", namespaces=NS).startswith("David,How are you.")
    assert replies[0].xpath(".//h:p[2]/h:br", namespaces=NS)
    assert comments.xpath("string(//h:p[@class='comments-closed'])", namespaces=NS) == "Comments are closed."


def claim_spans(book: Path, name: str = "EPUB/article.xhtml") -> list[etree._Element]:
    return entry(book, name).xpath(
        "//h:span[contains(concat(' ', @class, ' '), ' speculative ')]", namespaces=NS
    )


def test_footnote_markup_follows_the_contract(seed_book):
    for name in ("EPUB/article.xhtml", "EPUB/videos.xhtml"):
        document = entry(seed_book, name)
        ids = {element.get("id"): element for element in document.iter() if element.get("id")}
        spans = claim_spans(seed_book, name)
        assert spans, f"no claims marked in {name}"
        for span in spans:
            assert span.get("data-claim") in CLAIM_KINDS
            assert span.xpath(".//h:span[@class='cue']", namespaces=NS), "a claim shows its cue words"
            mark = span.getnext()  # the sup that raises the reference, outside the link (Apple Books)
            assert mark.tag == f"{{{NS['h']}}}sup" and not (span.tail or "").strip(" ")[:1].isalnum()
            assert len(mark) == 1 and not (mark.text or "").strip() and not (mark[0].tail or "").strip()
            ref = mark[0]
            assert ref.tag == f"{{{NS['h']}}}a"
            assert ref.get(EPUB_TYPE) == "noteref" and ref.get("role") == "doc-noteref"
            assert ref.get("class") == "noteref" and len(ref) == 0 and ref.text.isdigit()
            note = ids[ref.get("href").removeprefix("#")]
            assert note.get(EPUB_TYPE) == "footnote" and note.get("role") == "doc-footnote"
            assert note.get("class") == "note"
            assert note.getparent().get(EPUB_TYPE) == "footnotes"
            backlink = note[0][0]
            assert backlink.get("role") == "doc-backlink" and backlink.get("href") == f"#{ref.get('id')}"
            assert backlink.text == f"{ref.text}."
            assert 9 <= len("".join(note.itertext()).strip()) <= 5000
        assert document.xpath("//h:a//h:sup", namespaces=NS) == []  # never a sup inside a link
        assert not document.xpath(
            "//h:span[@class='cue'][not(ancestor::h:span[@class='speculative'])]", namespaces=NS
        )


def test_plain_hedges_are_marked_and_ability_and_purpose_are_not(seed_book):
    marked = [" ".join("".join(span.itertext()).split()) for span in claim_spans(seed_book)]
    joined = "\n".join(marked)
    for cue in (
        "evidently",
        "apparently",
        "believed",
        "sources told him",
        "can be expected",
        "could still fail",
    ):
        assert cue in joined, cue
    assert "He can be contacted at" not in joined
    assert "so he could have some" not in joined
    video_claims = " ".join("".join(span.itertext()) for span in claim_spans(seed_book, "EPUB/videos.xhtml"))
    assert "could be key to lasting peace" in video_claims


def test_custom_stylesheet_is_shipped(tmp_path):
    css = tmp_path / "mine.css"
    css.write_text("body { font-family: sans-serif; }\n", encoding="utf-8")
    book = build(tmp_path, "--style", str(css))
    with zipfile.ZipFile(book) as archive:
        assert archive.read("EPUB/style.css") == css.read_bytes()


THREADED_PAGE = """\
Why the Harbour Tunnel Was Delayed by Ana Ruiz

by Ana Ruiz
Reporter, Harbour Weekly
2 February 2021

The tunnel opened six months late.

Engineers said the delay came from flooding in the eastern shaft. Officials said privately that the \
budget may grow again next year. The council will likely raise the budget again in March.

from the archives:

Bridges We Lost by Tom Lee

3 responses to “Why the Harbour Tunnel Was Delayed

  1. Trackback: Tunnels of the North | Civic Notes

  2. It could have been worse.

    • I doubt it.

      • It certainly could.

  3. Thanks for the report.

Comments are closed.
"""


def variant_pages(seed_text: str) -> dict[str, str]:
    """Pages that differ from the seed in structure, to show the writer does not depend on it."""
    return {
        "minimal": "A Title Alone\n\nOne paragraph and nothing else.\n",
        "article-only": seed_text[: seed_text.index("[DS added the video reports]")],
        "no-comments": seed_text[: seed_text.index("11 thoughts on")],
        "threaded": THREADED_PAGE,
    }


@pytest.mark.parametrize("variant", ["minimal", "article-only", "no-comments", "threaded"])
def test_books_of_other_shapes_pass_epubcheck(tmp_path, seed_text, epubcheck, variant):
    source = tmp_path / f"{variant}.txt"
    source.write_text(variant_pages(seed_text)[variant], encoding="utf-8")
    book = build(tmp_path, source=source)
    report = epubcheck(book)
    assert report.errors == [] and report.warnings == []
    with zipfile.ZipFile(book) as archive:
        names = set(archive.namelist())
    assert ("EPUB/comments.xhtml" in names) == (variant == "threaded")
    assert ("EPUB/videos.xhtml" in names) == (variant == "no-comments")


def test_threaded_comments_nest_and_keep_their_numbers(tmp_path):
    source = tmp_path / "threaded.txt"
    source.write_text(THREADED_PAGE, encoding="utf-8")
    book = build(tmp_path, source=source)
    comments = entry(book, "EPUB/comments.xhtml")
    assert comments.xpath("string(//h:h2[@id='pingbacks'])", namespaces=NS) == "Trackbacks"
    readers = comments.xpath("//h:ol[@class='comments']/h:li", namespaces=NS)
    assert [li.get("value") for li in readers] == ["2", "3"]
    deepest = readers[0].xpath(".//h:ul[@class='replies']//h:ul[@class='replies']/h:li", namespaces=NS)
    assert "".join(deepest[0].itertext()).endswith("It certainly could.")
    count = comments.xpath("string(//h:p[@class='comment-count'])", namespaces=NS)
    assert count == "The page announced 3; this copy holds 5 entries (1 trackback, 2 comments and 2 replies)."
    archive = entry(book, "EPUB/archive.xhtml")
    assert "".join(archive.xpath("//h:li", namespaces=NS)[0].itertext()) == "Bridges We Lost by Tom Lee"
    chapter = entry(book, "EPUB/article.xhtml")
    kinds = chapter.xpath("//h:span[@class='speculative']/@data-claim", namespaces=NS)
    assert kinds == ["sourcing", "prediction"]
