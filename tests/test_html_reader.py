"""The HTML reader's parts on small pages: encodings, cleaning, blocks, notes, pictures, videos, errors."""

from __future__ import annotations

import base64
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from test_html_rendering import png

from export.cli import main
from export.errors import InputError
from export.model import ListBlock, Paragraph, Picture, Preformatted, Quote, Table
from export.readers import looks_like_html
from export.readers.html.page import read_html_page
from export.readers.html.parse import clean_tree, decode_html, parse_html

BODY = "<p>" + "This is the article's text, long enough to be found as the body of the page. " * 5 + "</p>"


def page(
    tmp_path: Path, body: str, head: str = "<title>A test page</title>", name: str = "page.html"
) -> Path:
    path = tmp_path / name
    path.write_text(f"<!DOCTYPE html><html lang='en'><head>{head}</head><body>{body}</body></html>")
    return path


def blocks(path: Path):
    return read_html_page(path).sections[0].blocks


def test_encoding_from_bom_then_meta_then_utf8_then_cp1252():
    assert decode_html(b"\xef\xbb\xbf<p>caf\xc3\xa9</p>") == "<p>café</p>"
    assert decode_html("<p>café</p>".encode("utf-16")) == "<p>café</p>"
    latin = (
        b'<meta http-equiv="content-type" content="text/html; charset=iso-8859-1"><p>caf\xe9 \x93q\x94</p>'
    )
    assert decode_html(latin).endswith("<p>café “q”</p>")  # latin-1 labels mean windows-1252
    assert decode_html(b"<p>caf\xc3\xa9</p>") == "<p>café</p>"
    assert decode_html(b"<p>caf\xe9</p>") == "<p>café</p>"


def test_cleaning_drops_active_content(tmp_path):
    markup = (
        b"<html><body onload='x()'><script>alert(1)</script><style>p{}</style>"
        b"<p onclick='x()'>Text <a href='javascript:alert(1)'>link</a> <a href=' JaVa\nScript:x'>two</a></p>"
        b"<iframe src='https://example.org/'></iframe><form><input name='q'></form></body></html>"
    )
    root = parse_html(markup, "page.html")
    clean_tree(root)
    serialized = etree.tostring(root, encoding="unicode").lower()
    for gone in ("script", "<style", "onclick", "onload", "iframe", "<form", "<input", "javascript"):
        assert gone not in serialized


def test_entities_are_not_resolved_from_outside(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    markup = f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]><html><body><p>a &x; b</p></body></html>'
    root = parse_html(markup.encode(), "page.html")
    assert "SECRET" not in "".join(root.itertext())


def test_rich_blocks_are_read(tmp_path):
    path = page(
        tmp_path,
        "<article class='post'><div class='entry-content'>"
        + BODY
        + "<h2>Part two</h2><ol start='4'><li>four</li><li>five<ul><li>inner</li></ul></li></ol>"
        "<blockquote><p>Quoted.</p></blockquote><pre>a  b\n  c</pre>"
        "<table><caption>Scores</caption><tr><th>Name</th><th>Score</th></tr>"
        "<tr><td colspan='2'>Both</td></tr></table>"
        "</div></article>",
    )
    found = blocks(path)
    kinds = [type(block).__name__ for block in found]
    assert kinds == ["Paragraph", "Heading", "ListBlock", "Quote", "Preformatted", "Table"]
    listing: ListBlock = found[2]
    assert listing.ordered and listing.start == 4
    assert isinstance(listing.items[1].blocks[1], ListBlock)
    assert isinstance(found[3], Quote) and found[3].blocks[0].text == "Quoted."
    assert isinstance(found[4], Preformatted) and found[4].text == "a  b\n  c"
    table: Table = found[5]
    assert table.caption.text == "Scores" and table.rows[0][0].header and table.rows[1][0].colspan == 2


def test_boilerplate_inside_the_container_is_dropped(tmp_path):
    path = page(
        tmp_path,
        "<div class='entry-content'>" + BODY + "<div class='sharedaddy'>Share this: Twitter</div>"
        "<div id='jp-relatedposts'>Related: Another post</div><nav>Previous post</nav>"
        "<div class='author-bio'>The author writes.</div></div>"
        "<div id='comments'><ol class='commentlist'><li>A comment</li></ol></div>",
    )
    text = " ".join(block.text for block in blocks(path) if isinstance(block, Paragraph))
    for gone in ("Share this", "Related:", "Previous post", "The author writes", "A comment"):
        assert gone not in text


def test_the_articles_own_footnotes_become_notes(tmp_path):
    path = page(
        tmp_path,
        "<div class='entry-content'>" + BODY + "<p>A claim.<sup><a href='#fn1' id='r1'>1</a></sup></p>"
        "<ol class='footnotes'><li id='fn1'>The source. <a href='#r1'>↩</a></li></ol></div>",
    )
    article = read_html_page(path)
    assert [note.key for note in article.footnotes] == ["fn1"]
    assert article.footnotes[0].paragraphs[0].text == "The source."
    claim = article.sections[0].blocks[1]
    assert [(claim.text[s.start : s.end], s.kind, s.target) for s in claim.spans if s.kind == "noteref"] == [
        ("1", "noteref", "fn1")
    ]


def test_saved_pictures_are_embedded_and_remote_ones_keep_their_text(tmp_path):
    folder = tmp_path / "page_files"
    folder.mkdir()
    (folder / "dot.png").write_bytes(png())
    (tmp_path / "outside.png").write_bytes(png(3, 3))
    (folder / "fake.png").write_bytes(b"<svg onload='x()'/>")
    path = page(
        tmp_path,
        "<div class='entry-content'>" + BODY + "<figure><img src='page_files/dot.png' alt='A dot'>"
        "<figcaption>The dot</figcaption></figure>"
        "<p><img src='https://cdn.example.org/chart.png' alt='A chart' width='600' height='400'></p>"
        "<picture><source srcset='page_files/dot.webp'>"
        "<img src='page_files/../../outside.png' alt='Outside'></picture>"
        "<p><img src='page_files/fake.png' alt='Fake'></p>"
        f"<p><img src='data:image/png;base64,{base64.b64encode(png(40, 30)).decode()}' alt='Inline'></p>"
        f"<p><img src='data:image/png;base64,{base64.b64encode(png(1, 1)).decode()}'></p></div>",
    )
    article = read_html_page(path)
    pictures = [block for block in article.sections[0].blocks if isinstance(block, Picture)]
    assert [(bool(p.image), p.alt) for p in pictures] == [
        (True, "A dot"),
        (False, "A chart"),
        (False, "Outside"),
        (False, "Fake"),
        (True, "Inline"),
    ]
    assert sorted(image.data for image in article.images) == sorted([png(), png(40, 30)])
    assert {image.media_type for image in article.images} == {"image/png"}
    assert pictures[0].caption.text == "The dot"


def test_embedded_videos_become_reports_with_their_page(tmp_path):
    path = page(
        tmp_path,
        "<div class='entry-content'>"
        + BODY
        + "<p><iframe src='https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0' title='The report'></iframe></p>"
        "<iframe src='https://ads.example.org/frame'></iframe></div>",
    )
    article = read_html_page(path)
    assert [(video.title, video.url) for video in article.videos] == [
        ("The report", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    ]


def test_metadata_from_json_ld_and_meta_tags(tmp_path):
    head = (
        "<title>Ignored | Site</title><meta property='og:site_name' content='The Site'>"
        "<link rel='canonical' href='https://example.org/post'>"
        '<script type="application/ld+json">{"@type": "BlogPosting", "headline": "The &amp; headline",'
        ' "author": [{"name": "Ann Author"}, {"name": "Bo Writer"}], "datePublished": "2020-02-03T10:00"}'
        "</script>"
    )
    article = read_html_page(page(tmp_path, "<article>" + BODY + "</article>", head=head))
    assert article.title == "The & headline"
    assert [person.name for person in article.authors] == ["Ann Author", "Bo Writer"]
    assert article.published.isoformat() == "2020-02-03"
    assert (article.site, article.source, article.language) == ("The Site", "https://example.org/post", "en")


def test_sniffing_tells_html_from_text():
    assert looks_like_html(b"  <!doctype html><html>")
    assert looks_like_html(b"\xef\xbb\xbf<html lang='en'>")
    assert looks_like_html(b"<!-- saved from url=(0014)about:internet -->\n<html>")
    assert not looks_like_html(b"How Putin's Leverage Shaped the Syrian Ceasefire\n\nBy Gareth Porter")
    assert looks_like_html(b"<div>fragment</div>", ".htm")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "is empty"),
        (b"<html><head><title>x</title></head><body>   </body></html>", "holds no"),
        (bytes(range(256)) * 40, "binary"),
    ],
)
def test_bad_pages_fail_with_one_line_naming_the_file(tmp_path, capsys, content, problem):
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    with pytest.raises(InputError, match=problem):
        read_html_page(path)
    out = tmp_path / "bad.epub"
    assert main([str(path), "-o", str(out)]) == 1
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and "bad.html" in error
    assert not out.exists()


def test_book_of_a_page_with_a_saved_picture_carries_it(tmp_path):
    """The picture reaches the book; test_html_rendering checks such a book with EPUBCheck."""
    folder = tmp_path / "page_files"
    folder.mkdir()
    (folder / "dot.png").write_bytes(png())
    path = page(
        tmp_path,
        "<div class='entry-content'>" + BODY + "<figure><img src='page_files/dot.png' alt='A dot'>"
        "<figcaption>The dot</figcaption></figure></div>",
    )
    book = tmp_path / "book.epub"
    assert main([str(path), "-o", str(book), "-q"]) == 0
    with zipfile.ZipFile(book) as archive:
        images = [name for name in archive.namelist() if name.startswith("EPUB/images/")]
        assert len(images) == 1 and archive.read(images[0]) == png()
        chapter = etree.fromstring(archive.read("EPUB/article.xhtml"))
    sources = chapter.xpath("//*[local-name()='img']/@src")
    assert sources == [images[0].removeprefix("EPUB/")]


def test_title_element_loses_the_site_name_the_heading_does_not_have(tmp_path):
    path = page(
        tmp_path,
        "<h1>Short title</h1><article>" + BODY + "</article>",
        head="<title>Short title - A Site</title>",
    )
    assert read_html_page(path).title == "Short title"


def test_furniture_lines_are_left_out_but_sentences_about_them_stay(tmp_path):
    path = page(
        tmp_path,
        "<div class='entry-content'>" + BODY + "<p>Advertisement</p><h3>Share this:</h3>"
        "<p>The advertisement ran for a week.</p></div>",
    )
    assert [block.text for block in blocks(path)][1:] == ["The advertisement ran for a week."]


def test_classic_captioned_picture_is_a_figure(tmp_path):
    path = page(
        tmp_path,
        "<div class='entry-content'>" + BODY + "<div class='wp-caption aligncenter'>"
        "<a href='https://example.org/big.jpg'><img src='https://example.org/small.jpg' alt='Alt'></a>"
        "<p class='wp-caption-text'>A caption</p></div></div>",
    )
    picture = blocks(path)[1]
    assert isinstance(picture, Picture) and picture.alt == "Alt" and picture.caption.text == "A caption"
