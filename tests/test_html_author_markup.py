"""Authors on synthetic pages shaped as widely used templates write bylines (stop 18's generic author
rules); each test names the template its markup follows."""

from __future__ import annotations

import pytest

from export.readers.html.metadata import PageMetadata, author_sources, read_metadata
from export.readers.html.parse import parse_html

TEXT = "<div class='entry-content'>" + "<p>This sentence belongs to the article and is long enough.</p>" * 5
TEXT += "</div>"


def metadata(body: str, head: str = "") -> PageMetadata:
    html = f"<!DOCTYPE html><html lang='en'><head>{head}</head><body>{body}{TEXT}</body></html>"
    return read_metadata(parse_html(html.encode(), "page.html"))


def test_a_copyright_line_in_capitals_names_the_author_where_nothing_else_does():
    footer = "<footer><p>DATENSCHUTZ | COPYRIGHT ANDRÉ LOIBL | A SMALL PROJECT</p></footer>"
    assert metadata(footer).authors_or([]) == ["André Loibl"]
    assert metadata("<footer><p>COPYRIGHT 2020 MUSTER VERLAG GMBH.</p></footer>").authors_or([]) == []


def underscores_byline(name: str) -> str:
    """The byline of the _s starter theme (Automattic/_s, inc/template-tags.php, _s_posted_by; GPL-2.0+)."""
    return (
        "<span class='byline'> by <span class='author vcard'>"
        f"<a class='url fn n' href='https://example.org/author/x/'>{name}</a></span></span>"
    )


def test_a_byline_that_names_the_site_first_makes_the_site_the_author_not_the_sidebars_names():
    head = "<meta property='og:site_name' content='Attac France'>"
    teasers = f"<li><a href='/a'>Another story</a> {underscores_byline('Jo Doe')}</li>"  # a sidebar's
    body = f"<h1>Les privatisations</h1>{underscores_byline('Attac France')}<aside><ul>{teasers}</ul></aside>"
    assert metadata(body, head).authors_or([]) == ["Attac France"]
    person = f"<h1>Les privatisations</h1>{underscores_byline('Ann Smith')}<aside><ul>{teasers}</ul></aside>"
    assert metadata(person, head).authors_or([])[0] == "Ann Smith"


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        # _s (Automattic/_s, inc/template-tags.php: "Posted on %s", "by %s"; GPL-2.0+) and WordPress.com
        # themes write the date, then "by", then the name and the category in one meta element
        ("Posted on March 3, 2020 by Jane Doe in News", "Jane Doe"),
        ("Dezember 10, 2019 · von Jane Doe · in Allgemein", "Jane Doe"),
        # Drupal 7's node (drupal/drupal 7.x, modules/node/node.module: "Submitted by !username on !datetime";
        # GPL-2.0+) and its German translation ("Gespeichert von !username am !datetime")
        ("Submitted by Jane Doe on Fri, 06/12/2020 - 10:00", "Jane Doe"),
        ("Gespeichert von Jane Doe am Mo., 12.03.2018 - 10:00", "Jane Doe"),
        # an author label in the byline's own text
        ("Autor: Jane Doe", "Jane Doe"),
        ("Author - Jane Doe", "Jane Doe"),
        ("Jane Doe Published 3:00 PM", "Jane Doe"),
        ("Mary Magdalene by Titian", "Mary Magdalene by Titian"),  # no lead before "by": not a byline
    ],
)
def test_a_byline_texts_name_without_its_date_category_or_label(byline: str, expected: str) -> None:
    assert metadata(f"<h1>A headline</h1><p class='byline'>{byline}</p>").authors == [expected]


def test_each_author_source_is_read_alone_for_the_benchmark():
    html = (
        "<html><head><meta name='author' content='Site Editor'></head><body><h1>A headline</h1>"
        "<p>By <a rel='author' href='/author/jd/'>Jane Doe</a></p></body></html>"
    )
    sources = dict(author_sources(parse_html(html.encode(), "page.html"), ["Jo Roe"]))
    assert sources["json-ld"] == [] and sources["label"] == []
    assert sources["line 2"] == ["Site Editor"]  # the meta tag
    assert sources["line 5"] == ["Jane Doe"]  # rel=author
    assert sources["byline line"] == ["Jane Doe"]
    assert sources["trafilatura"] == ["Jo Roe"]
