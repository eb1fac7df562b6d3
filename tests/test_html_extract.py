"""Finding the article on synthetic pages: container, boilerplate, trafilatura's text, title, author, date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from lxml import etree

from export.model import CommentThread, ListBlock, Paragraph, Picture, Preformatted, block_paragraphs
from export.readers.date_times import find_date_in
from export.readers.html.blocks import BodyContent
from export.readers.html.body import BOILERPLATE
from export.readers.html.choice import choose_body
from export.readers.html.main_text import to_html
from export.readers.html.page import read_html_page

SENTENCE = "This sentence belongs to the article and is long enough to count as its text. "
OTHER = "A sidebar teaser that is not the article, repeated to hold some text. "


def page(tmp_path: Path, body: str, head: str = "<title>A test page</title>") -> Path:
    path = tmp_path / "page.html"
    path.write_text(f"<!DOCTYPE html><html lang='en'><head>{head}</head><body>{body}</body></html>")
    return path


def text_of(path: Path, main_text: str = "hybrid") -> str:
    blocks = read_html_page(path, main_text).sections[0].blocks  # type: ignore[arg-type]
    return "\n".join(block.text for block in blocks if isinstance(block, Paragraph))


@pytest.mark.parametrize(
    ("token", "boilerplate"),
    [
        ("share", True),
        ("post-share", True),
        ("shareButtons", True),
        ("widget_text", True),
        ("sidebar1", True),
        ("elementor-widget-share-buttons", True),
        ("node-promoted", False),
        ("with-navigation", False),
        ("has-sidebar", False),
        ("elementor-widget", False),
        ("elementor-widget-container", False),
        ("shared", False),
        ("headroom", False),
    ],
)
def test_boilerplate_names_match_whole_words_of_a_token(token, boilerplate):
    assert BOILERPLATE.named(token) is boilerplate


@pytest.mark.parametrize("wrapper", ["node node-promoted", "page with-navigation", "elementor-widget"])
def test_a_wrapper_named_like_boilerplate_by_substring_keeps_the_article(tmp_path, wrapper):
    body = (
        f"<div class='{wrapper}'><div class='field-name-body'>"
        + "".join(f"<p>{SENTENCE * 2}{n}</p>" for n in range(5))
        + "</div></div>"
    )
    assert text_of(page(tmp_path, body), "ours").count(SENTENCE.strip()) == 10


def test_the_fullest_article_container_wins_over_a_sidebar_entry_content(tmp_path):
    body = (
        f"<div class='widgets'><div class='entry-content'><p>{OTHER * 4}</p></div></div>"
        "<div class='article-content'>" + "".join(f"<p>{SENTENCE * 2}</p>" for _ in range(4)) + "</div>"
    )
    text = text_of(page(tmp_path, body), "ours")
    assert SENTENCE.strip() in text and "sidebar teaser" not in text


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Senate passes the bill | TheHill", "", "Senate passes the bill"),
        ("Senate passes the bill - Breitbart", "Breitbart", "Senate passes the bill"),
        ("BBC News – Senate passes the bill", "BBC News", "Senate passes the bill"),
        ("Python: the good parts of it", "", "Python: the good parts of it"),
    ],
)
def test_site_names_are_stripped_from_titles(tmp_path, title, site, expected):
    head = (
        f"<title>{title}</title><meta property='og:title' content='{title}'>"
        f"<meta property='og:site_name' content='{site}'><link rel='canonical' href='https://thehill.com/x'>"
    )
    path = page(tmp_path, "<div class='entry-content'>" + f"<p>{SENTENCE * 5}</p></div>", head)
    assert read_html_page(path, "ours").title == expected


def test_the_headline_is_preferred_to_a_title_that_only_names_the_site_or_wraps_it(tmp_path):
    body = "<header><h1><a href='/'>Krimiblog</a></h1></header><h1>The murder on the Orient Express</h1>"
    body += f"<div class='entry-content'><p>{SENTENCE * 5}</p></div>"
    site_only = "<title>Krimiblog-Archiv</title><meta property='og:site_name' content='Krimiblog'>"
    assert read_html_page(page(tmp_path, body, site_only), "ours").title == "The murder on the Orient Express"
    wrapping = "<meta property='og:title' content='Crime: The murder on the Orient Express, reviewed'>"
    wrapping += "<meta property='og:site_name' content='Krimiblog'>"
    assert read_html_page(page(tmp_path, body, wrapping), "ours").title == "The murder on the Orient Express"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Veröffentlicht am 21. April 2020 um 10:00 Uhr", dt.date(2020, 4, 21)),
        ("Posted on March 3rd, 2019 by Joe", dt.date(2019, 3, 3)),
        ("2020-01-02T10:00:00+01:00", dt.date(2020, 1, 2)),
        ("Updated 12.03.2021", dt.date(2021, 3, 12)),
        ("No date in 2020 here", None),
    ],
)
def test_dates_are_found_inside_short_texts(text, day):
    assert find_date_in(text) == day


def test_share_print_most_read_donation_and_hovercard_boxes_are_left_out(tmp_path):
    junk = {
        "share-print-bar": "Drucken Teilen Mailen",
        "most-read": "Meistgelesen: Another story entirely",
        "more-from-author": "More from this author: An older story",
        "donation-box": "Support our journalism with a donation today",
        "hovercard": "Jane Doe, 1,234 followers",
    }
    body = "<div class='article-body'>" + f"<p>{SENTENCE * 3}</p>"
    body += "".join(f"<div class='{name}'>{text}</div>" for name, text in junk.items())
    body += f"<p>{SENTENCE * 3}</p></div>"
    text = text_of(page(tmp_path, body), "ours")
    assert SENTENCE.strip() in text
    for gone in junk.values():
        assert gone not in text


def test_byline_author_and_date_are_found_and_author_boxes_are_not_coauthors(tmp_path):
    body = (
        "<div class='byline'>Von Lisa Petrich | am 21. April 2020</div>"
        f"<div class='entry-content'><p>{SENTENCE * 5}</p></div>"
        "<div class='author-box'><a rel='author' href='/a/lisa'>Alle Beiträge von Lisa Petrich</a>"
        "<a rel='author' href='/a/team'>Die Redaktion</a></div>"
    )
    article = read_html_page(page(tmp_path, body), "ours")
    assert [person.name for person in article.authors] == ["Lisa Petrich"]
    assert article.published == dt.date(2020, 4, 21)


def test_a_published_abbreviation_dates_the_article(tmp_path):
    body = "<abbr class='published' title='2019-05-06T08:00:00'>6 May</abbr>"
    body += f"<div class='entry-content'><p>{SENTENCE * 5}</p></div>"
    assert read_html_page(page(tmp_path, body), "ours").published == dt.date(2019, 5, 6)


def test_trafilatura_xml_becomes_plain_html_with_only_the_attributes_the_reader_reads():
    body = etree.fromstring(
        "<body><head rend='h3'>Part</head><p onclick='x()'>A <hi rend='#b'>bold</hi> "
        "<ref target='https://example.org/' style='x'>link</ref><lb/>line</p>"
        "<list rend='ol'><item>one</item></list><quote><p>Quoted</p></quote>"
        "<table><row><cell role='head'>H</cell></row><row><cell>C</cell></row></table>"
        "<graphic src='page_files/a.png' alt='A' onerror='x()'/><unknown>kept text</unknown></body>"
    )
    html = etree.tostring(to_html(body), encoding="unicode")
    assert html == (
        '<div><h3>Part</h3><p>A <strong>bold</strong> <a href="https://example.org/">link</a><br/>line</p>'
        "<ol><li>one</li></ol><blockquote><p>Quoted</p></blockquote>"
        "<table><tr><th>H</th></tr><tr><td>C</td></tr></table>"
        '<img src="page_files/a.png" alt="A"/><span>kept text</span></div>'
    )


def test_trafilatura_text_is_taken_where_no_named_container_holds_the_same_text(tmp_path):
    teaser = "<div class='teaser-grid'>" + "".join(f"<a href='/p{n}'>Teaser {n}</a> " for n in range(30))
    body = (
        teaser + "</div><div class='wrap'>" + "".join(f"<p>{SENTENCE} {n}</p>" for n in range(6)) + "</div>"
    )
    article = read_html_page(page(tmp_path, body))
    text = "\n".join(block.text for block in article.sections[0].blocks if isinstance(block, Paragraph))
    assert text.count(SENTENCE.strip()) == 6 and "Teaser 3" not in text


def test_the_book_keeps_our_structure_when_both_readings_hold_the_same_text(tmp_path):
    body = f"<div class='entry-content'><p>{SENTENCE * 4}</p><ol start='3'><li>{SENTENCE}</li></ol>"
    body += f"<pre>{SENTENCE}\n  indented</pre></div>"
    blocks = read_html_page(page(tmp_path, body)).sections[0].blocks
    assert isinstance(blocks[1], ListBlock) and blocks[1].start == 3
    assert isinstance(blocks[2], Preformatted) and "\n  indented" in blocks[2].text


def test_trafilatura_output_keeps_no_active_or_remote_content(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    body = (
        "<div class='wrap'>"
        + "".join(f"<p>{SENTENCE} {n}</p>" for n in range(5))
        + "<p>A <a href='javascript:alert(1)'>scripted</a> link and "
        "<a href='https://example.org/x' onclick='x()'>a real one</a>.</p>"
        "<p><img src='https://cdn.example.org/remote.png' alt='Remote chart' width='600' height='400'></p>"
        "<script>document.write('injected')</script><iframe src='https://example.org/frame'></iframe></div>"
    )
    path = tmp_path / "page.html"
    path.write_text(
        f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]><html lang="en"><head><title>T</title>'
        f"</head><body><p>&x;</p>{body}</body></html>"
    )
    article = read_html_page(path, "trafilatura")
    paragraphs = block_paragraphs(article.sections[0].blocks)
    links = [span.target for paragraph in paragraphs for span in paragraph.spans if span.kind == "link"]
    text = "\n".join(paragraph.text for paragraph in paragraphs)
    assert "SECRET" not in text and "injected" not in text
    assert all(link.startswith(("https://", "#")) for link in links)
    pictures = [block for block in article.sections[0].blocks if isinstance(block, Picture)]
    assert not article.images and all(picture.image is None for picture in pictures)


def test_the_comment_section_stays_out_of_the_article_and_in_the_thread(tmp_path):
    comments = "".join(
        f"<li id='comment-{n}' class='comment depth-1'><article class='comment-body'><footer "
        f"class='comment-meta'><div class='comment-author vcard'><b class='fn'>Reader {n}</b></div>"
        f"<div class='comment-metadata'><time datetime='2020-08-1{n}T09:35'>Aug 1{n}, 2020</time></div>"
        f"</footer><div class='comment-content'><p>{OTHER}Comment number {n}.</p></div></article></li>"
        for n in range(4)
    )
    body = (
        "<article><div class='entry-content'>"
        + "".join(f"<p>{SENTENCE} {n}</p>" for n in range(5))
        + "</div></article><div id='comments'><h2>4 comments</h2><ol class='comment-list'>"
        + comments
        + "</ol></div>"
    )
    for main_text in ("hybrid", "trafilatura"):
        article = read_html_page(page(tmp_path, body), main_text)  # type: ignore[arg-type]
        text = "\n".join(p.text for p in block_paragraphs(article.sections[0].blocks))
        assert "Comment number" not in text and text.count(SENTENCE.strip()) == 5
        assert [comment.author for comment in article.thread.comments] == [f"Reader {n}" for n in range(4)]


def test_choice_keeps_ours_only_for_a_named_container_with_the_same_text():
    ours = BodyContent([Paragraph(SENTENCE * 3)])
    same = BodyContent([Paragraph(SENTENCE * 3)])
    other = BodyContent([Paragraph(SENTENCE * 3), Paragraph(OTHER * 3)])
    assert choose_body(ours, True, same, "hybrid", CommentThread(), None) is ours
    assert choose_body(ours, False, same, "hybrid", CommentThread(), None) is same
    assert choose_body(ours, True, other, "hybrid", CommentThread(), None) is other
    assert choose_body(ours, True, BodyContent([]), "hybrid", CommentThread(), None) is ours


def test_a_caption_trafilatura_writes_after_its_picture_becomes_the_figures_caption_again():
    body = etree.fromstring(
        "<body><p>Text.</p><graphic src='a.png' alt='A'/><p><hi rend='#i'>The caption</hi></p>"
        "<graphic src='b.png' alt='B'/><p>Not its caption</p></body>"
    )
    html = etree.tostring(to_html(body, {"a.png": "The caption", "b.png": "Another"}), encoding="unicode")
    assert html == (
        '<div><p>Text.</p><figure><img src="a.png" alt="A"/><figcaption><em>The caption</em></figcaption>'
        '</figure><img src="b.png" alt="B"/><p>Not its caption</p></div>'
    )


def test_an_address_byline_names_the_author(tmp_path):
    body = "<h1>Title</h1><address>By <a href='/author/t'> Tim Anderson </a></address>"
    body += f"<article><p>{SENTENCE * 5}</p>"
    assert [p.name for p in read_html_page(page(tmp_path, body + "</article>"), "ours").authors] == [
        "Tim Anderson"
    ]
