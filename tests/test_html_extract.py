"""Finding the article on synthetic pages: container choice, boilerplate names, title, author and date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from export.model import Paragraph
from export.readers.dates import find_date_in
from export.readers.html.body import BOILERPLATE
from export.readers.html.page import read_html_page

SENTENCE = "This sentence belongs to the article and is long enough to count as its text. "
OTHER = "A sidebar teaser that is not the article, repeated to hold some text. "


def page(tmp_path: Path, body: str, head: str = "<title>A test page</title>") -> Path:
    path = tmp_path / "page.html"
    path.write_text(f"<!DOCTYPE html><html lang='en'><head>{head}</head><body>{body}</body></html>")
    return path


def text_of(path: Path) -> str:
    blocks = read_html_page(path).sections[0].blocks
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
    assert text_of(page(tmp_path, body)).count(SENTENCE.strip()) == 10


def test_the_fullest_article_container_wins_over_a_sidebar_entry_content(tmp_path):
    body = (
        f"<div class='widgets'><div class='entry-content'><p>{OTHER * 4}</p></div></div>"
        "<div class='article-content'>" + "".join(f"<p>{SENTENCE * 2}</p>" for _ in range(4)) + "</div>"
    )
    text = text_of(page(tmp_path, body))
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
    assert read_html_page(path).title == expected


def test_the_headline_is_preferred_to_a_title_that_only_names_the_site_or_wraps_it(tmp_path):
    body = "<header><h1><a href='/'>Krimiblog</a></h1></header><h1>The murder on the Orient Express</h1>"
    body += f"<div class='entry-content'><p>{SENTENCE * 5}</p></div>"
    site_only = "<title>Krimiblog-Archiv</title><meta property='og:site_name' content='Krimiblog'>"
    assert read_html_page(page(tmp_path, body, site_only)).title == "The murder on the Orient Express"
    wrapping = "<meta property='og:title' content='Crime: The murder on the Orient Express, reviewed'>"
    wrapping += "<meta property='og:site_name' content='Krimiblog'>"
    assert read_html_page(page(tmp_path, body, wrapping)).title == "The murder on the Orient Express"


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
    text = text_of(page(tmp_path, body))
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
    article = read_html_page(page(tmp_path, body))
    assert [person.name for person in article.authors] == ["Lisa Petrich"]
    assert article.published == dt.date(2020, 4, 21)


def test_a_published_abbreviation_dates_the_article(tmp_path):
    body = "<abbr class='published' title='2019-05-06T08:00:00'>6 May</abbr>"
    body += f"<div class='entry-content'><p>{SENTENCE * 5}</p></div>"
    assert read_html_page(page(tmp_path, body)).published == dt.date(2019, 5, 6)
