"""The small things a reader notices: title page breaks, picture credits, the notes' rule in popups, and
posts that are only a picture."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from books import NS, build, documents
from rendering import render_six_inch

from export.cli import main
from export.epub.package import BookOptions, write_epub
from export.model import Article, Paragraph, Person, Section
from export.pipeline import load_stylesheet

H = f"{{{NS['h']}}}"


def title_page_article(venues: int) -> Article:
    """An article whose title page lists ``venues`` places it was crossposted at."""
    return Article(
        title="How Putin’s Leverage Shaped the Syrian Ceasefire",
        authors=[Person("Gareth Porter")],
        published=dt.date(2016, 3, 28),
        site="Dandelion Salad",
        source="https://dandelionsalad.wordpress.com/2016/03/28/how-putins-leverage-shaped-the-ceasefire/",
        crossposted_at=["Middle East Eye"] * venues,
        sections=[Section([Paragraph("Text.")])],
    )


def test_every_title_page_term_is_grouped_with_its_value(seed_book, tmp_path):
    export = tmp_path / "blog.xml"
    export.write_text(image_posts(""), encoding="utf-8")
    assert main([str(export), "-o", str(tmp_path / "blog.epub"), "-q"]) == 0
    for book in (seed_book, tmp_path / "blog.epub"):
        page = documents(book)["EPUB/titlepage.xhtml"]
        (facts,) = page.xpath("//h:dl[@class='provenance']", namespaces=NS)
        assert len(facts) >= 2
        for group in facts:
            assert group.tag == f"{H}div" and group.get("class") == "fact"
            assert [child.tag for child in group] == [f"{H}dt", f"{H}dd"]


@pytest.mark.parametrize("venues", [10, 11, 12])
def test_speculative_claims_and_its_value_share_a_page(tmp_path, venues):
    # with 11 venues, calibre's 6-inch page used to end between the two
    book = tmp_path / "book.epub"
    book.write_bytes(write_epub(title_page_article(venues), BookOptions(load_stylesheet("book"))))
    lines = render_six_inch(book, tmp_path / "book.pdf")
    at = next(index for index, line in enumerate(lines) if line.text == "Speculative claims")
    term, value = lines[at], lines[at + 1]
    assert value.text == "none found"
    assert value.page == term.page, f"{value.text!r} is on the next page"


def test_the_picture_credit_has_a_line_of_its_own_in_the_plain_style(tmp_path):
    book = build(tmp_path, "--style", "plain")
    (caption,) = documents(book)["EPUB/article.xhtml"].xpath("//h:figure/h:figcaption", namespaces=NS)
    credit = caption.xpath("h:span[@class='credit']", namespaces=NS)[0]
    assert credit.getprevious().tag == f"{H}br"
    lines = [line.text for line in render_six_inch(book, tmp_path / "book.pdf")]
    assert any(line.startswith("Image by Steve Rhodes") for line in lines)
    assert not [line for line in lines if "August 29" in line and "Image" in line]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.skip("Chromium (the engine of calibre's viewer) is not installed")
    return found


PROBE = """<script>//<![CDATA[
document.addEventListener("DOMContentLoaded", function () {
  var found = [];
  var notes = "section.notes, section.article-notes";
  document.querySelectorAll(notes + ", " + notes.replace(/,/, " > h2,") + " > h2").forEach(
    function (element) {
      var style = getComputedStyle(element);
      var box = [style.borderTopStyle, style.marginTop, style.paddingTop];
      found.push(element.localName + " " + box.join(" "));
    });
  document.body.setAttribute("data-probe", found.join(";"));
});
//]]></script>"""


@pytest.mark.parametrize("style", ["book", "plain"])
def test_a_notes_section_has_no_rule_or_space_of_its_own_for_a_popup_to_show(tmp_path, style):
    """calibre's popup shows a note inside its section: the rule and space must be on the heading."""
    browser = chromium()
    book = build(tmp_path, "--style", style)
    folder = tmp_path / "book"
    with zipfile.ZipFile(book) as archive:
        archive.extractall(folder)
    page = folder / "EPUB" / "probe.xhtml"
    markup = (folder / "EPUB" / "article.xhtml").read_text(encoding="utf-8")
    page.write_text(markup.replace("</head>", PROBE + "</head>"), encoding="utf-8")
    dump = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    probe = re.search(r'data-probe="([^"]*)"', dump)
    assert probe, "Chromium did not run the probe"
    found = [entry.split() for entry in probe.group(1).split(";")]
    sections = [entry for entry in found if entry[0] == "section"]
    headings = [entry for entry in found if entry[0] == "h2"]
    assert sections and len(headings) == len(sections)
    assert all(entry[1:] == ["none", "0px", "0px"] for entry in sections)
    assert all(entry[1] != "none" and entry[2] != "0px" for entry in headings)


def image_posts(language: str) -> str:
    """A blog export of four posts: a captioned picture, a bare picture, text with a picture, nothing."""
    channel_language = f"<language>{language}</language>" if language else ""
    posts = [
        '[caption id="a1" width="640"]<a href="https://blog.example/1.jpg"><img src="https://blog.example/1.jpg"'
        ' alt="Bell on Wharf" /></a> Bell on wharf in San Francisco[/caption]',
        '<img src="https://blog.example/2.jpg" />',
        'Words first.\n\n<img src="https://blog.example/3.jpg" alt="A third picture" />',
        "",
    ]
    items = "".join(
        f"<item><title>Post {number}</title><content:encoded><![CDATA[{content}]]></content:encoded>"
        f"<wp:post_id>{number}</wp:post_id><wp:post_date>2019-04-0{number} 10:00:00</wp:post_date>"
        "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>"
        for number, content in enumerate(posts, start=1)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Pictures</title>{channel_language}
<wp:wxr_version>1.2</wp:wxr_version>{items}</channel></rss>"""


def chapter_texts(book: Path) -> dict[str, str]:
    """Each post's chapter's words after its header, by the post's title."""
    found = {}
    for name, root in documents(book).items():
        chapter = root.xpath("//h:section[@epub:type='chapter']", namespaces=NS)
        if name.startswith("EPUB/post-") and chapter:
            after = [element for element in chapter[0] if element.tag != f"{H}header"]
            title = "".join(chapter[0].find(f"{H}header/{H}h1").itertext())
            found[title] = " ".join(" ".join("".join(part.itertext()) for part in after).split())
    return found


@pytest.mark.parametrize(
    ("language", "captioned", "bare"),
    [
        (
            "",
            "This post holds only a picture, which is not part of this copy: Bell on Wharf",
            "This post holds only a picture, which is not part of this copy.",
        ),
        (
            "de-DE",
            "Dieser Beitrag besteht nur aus einem Bild, das nicht Teil dieser Kopie ist: Bell on Wharf",
            "Dieser Beitrag besteht nur aus einem Bild, das nicht Teil dieser Kopie ist.",
        ),
    ],
)
def test_a_post_of_only_a_picture_says_so(tmp_path, epubcheck, language, captioned, bare):
    export = tmp_path / "blog.xml"
    export.write_text(image_posts(language), encoding="utf-8")
    book = tmp_path / "blog.epub"
    assert main([str(export), "-o", str(book), "-q"]) == 0
    texts = chapter_texts(book)
    assert texts["Post 1"] == captioned
    assert texts["Post 2"] == bare
    assert texts["Post 3"] == "Words first."  # a picture beside text is left out without a word, as before
    assert texts["Post 4"] == ""  # no content at all is not a picture
    report = epubcheck(book)
    assert report.errors == [] and report.warnings == []
