"""The author as a link in the article's date line (dated_links.py), on synthetic pages shaped as the
meta lines of common templates, with look-alikes that must stay no author."""

from __future__ import annotations

import pytest
from metadata_pages import body_metadata as metadata

PARAGRAPH = "<p>Text of the article, long enough to be the article's first paragraph.</p>"


def _page(line: str, after: str = PARAGRAPH) -> str:
    return f"<h1>Headline</h1><p class='meta'>{line}</p>{after}"


def _meta_div(link: str) -> str:
    """A page whose date line is a ``div.meta`` of a time element and the ``link``."""
    return f"<h1>Headline</h1><div class='meta'><time>May 3, 2021</time> · {link}</div>{PARAGRAPH}"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        # tofugu.com's header: date, a word count, "written by" and a link to a people page
        (
            "<time datetime='2020-02-04'>February 4, 2020</time> • words written by "
            "<a href='/about/people/kanae-nakamine/'>Kanae Nakamine</a>",
            "Kanae Nakamine",
        ),
        (
            "<time datetime='2020-02-04'>4 Feb 2020</time> · <a href='/profile/jane-doe'>Jane Doe</a>",
            "Jane Doe",
        ),
    ],
)
def test_a_person_link_in_the_date_line_names_the_author(line, name):
    assert metadata(_page(line)).authors_or([]) == [name]


def test_every_person_link_in_the_date_line_is_a_co_author():
    jane, john = "<a href='/people/jane'>Jane Doe</a>", "<a href='/people/john'>John Roe</a>"
    line = f"<time>May 3, 2021</time> by {jane} and {john}"
    assert metadata(_page(line)).authors_or([]) == ["Jane Doe", "John Roe"]


def test_the_date_lines_grandparent_is_read_where_its_parent_holds_the_date_alone():
    jane = "<a href='/people/jane'>Jane Doe</a>"
    line = f"<span class='date'><time>May 3, 2021</time></span> <span>{jane}</span>"
    assert metadata(_page(line)).authors_or([]) == ["Jane Doe"]


@pytest.mark.parametrize(
    "line",
    [
        "<time>May 3, 2021</time> Foto: <a href='/people/jo'>Jo Smith</a>",  # a picture's credit
        "<time>May 3, 2021</time> Photo: <a href='/people/jo'>Jo Smith</a>",
        "<time>May 3, 2021</time> in <a href='/places/new-york'>New York</a>",  # a place
        "<time>May 3, 2021</time> <a href='/category/world-news/'>World News</a>",  # a category
        "<time>May 3, 2021</time> <a href='/tag/angela-merkel/'>Angela Merkel</a>",  # a tag
        "<time>May 3, 2021</time> <a href='#comments'>Leave Comment</a>",
        "<time>May 3, 2021</time> <a href='/people/jo'>jo smith</a>",  # not capitalised
        "<time>May 3, 2021</time> <a href='/people/jo'>Read More About This</a>",  # four words
    ],
)
def test_a_link_in_the_date_line_that_is_no_authors_names_no_author(line):
    assert metadata(_page(line)).authors_or([]) == []


def test_a_quoted_persons_link_in_the_first_paragraph_names_no_author():
    # a paragraph of text that holds a date is no meta line
    said = (
        "<p>On <time>May 3, 2021</time> the chancellor spoke. &#8220;We will do it,&#8221; said "
        "<a href='/people/angela-merkel'>Angela Merkel</a> to the assembled press in Berlin, and the "
        "ministers who had come from all over the country to hear her nodded along as she went on.</p>"
    )
    assert metadata(f"<h1>Headline</h1>{said}").authors_or([]) == []


def test_a_menu_items_link_beside_a_date_names_no_author():
    menu = "<nav><time>May 3, 2021</time> <a href='/about-us/'>About Us</a></nav>"
    assert metadata(f"<h1>Headline</h1>{menu}{PARAGRAPH}").authors_or([]) == []


def test_a_link_beside_a_date_before_the_headline_names_no_author():
    teaser = "<p><time>May 3, 2021</time> <a href='/people/jo'>Jo Smith</a></p>"
    assert metadata(f"{teaser}<h1>Headline</h1>{PARAGRAPH}").authors_or([]) == []


def test_the_markup_names_the_author_first():
    line = "<time>May 3, 2021</time> <a href='/people/jo'>Jo Smith</a>"
    body = f"<h1>Headline</h1><p class='byline'>By <a href='/author/jane-doe/'>Jane Doe</a></p><p>{line}</p>"
    assert metadata(body).authors_or([]) == ["Jane Doe"]


@pytest.mark.parametrize(
    ("href", "text"),
    [
        ("/world/middle-east/", "Middle East"),  # a section
        ("/hamburg/lokales/", "Lokales Hamburg"),
        ("/us-news/", "US News"),
        ("/wirtschaft/regional/", "Wirtschaft Regional"),
        ("/podcasts/daily/", "The Daily"),  # a show
        ("https://www.ksta.de/", "Kölner Stadt-Anzeiger"),  # a site's root
        ("http://www.techinsider.io", "Tech Insider"),  # a provider: another host's root
        ("https://www.ksta.de/", "Jane Doe"),
        ("/berlin/u-bahn-ausbau/", "Berlin Verkehr"),  # "u" is a person's word only as a whole segment
    ],
)
def test_a_date_lines_link_to_no_persons_page_names_no_author(href, text):
    assert metadata(_meta_div(f"<a href='{href}'>{text}</a>")).authors_or([]) == []


@pytest.mark.parametrize(
    "link",
    [
        "<a rel='author' href='/p/jane'>Jane Doe</a>",
        "<a href='https://example.org/staff/jane-doe/'>Jane Doe</a>",
        "<a href='/meet-the-team/us/jane+doe/'>Jane Doe</a>",
        "<a href='http://fandom.example.com/u/CC7567'>Jane Doe</a>",
    ],
)
def test_a_date_lines_link_to_a_persons_page_names_the_author(link):
    assert metadata(_meta_div(link)).authors_or([]) == ["Jane Doe"]
