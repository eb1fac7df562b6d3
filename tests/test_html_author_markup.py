"""Authors on synthetic pages shaped as widely used templates write bylines (stop 18's generic author
rules); each test names the template its markup follows."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from corpus_pages import time_limit
from metadata_pages import body_metadata as metadata

from export.readers.html.metadata import author_sources
from export.readers.html.parse import parse_html


def sources_of(html: str, others: list[str] | None = None) -> dict[str, list[str]]:
    """Each author source's persons on the page ``html`` read alone (``author_sources``)."""
    return dict(author_sources(parse_html(html.encode(), "page.html"), others or []))


def test_a_copyright_line_in_capitals_names_the_author_where_nothing_else_does():
    footer = "<footer><p>DATENSCHUTZ | COPYRIGHT ANDRÉ LOIBL | A SMALL PROJECT</p></footer>"
    assert metadata(footer).authors_or([]) == ["André Loibl"]
    assert metadata("<footer><p>COPYRIGHT 2020 MUSTER VERLAG GMBH.</p></footer>").authors_or([]) == []


@pytest.mark.parametrize("notice", ["©" * 100_000, "© " * 50_000, "Copyright" * 20_000, "© " + "A" * 200_000])
def test_a_copyright_notice_of_one_long_run_is_read_in_linear_time(notice):
    # a hang guard, not a speed goal: unbounded runs took seconds at a tenth of this length
    with time_limit(60):
        assert metadata(f"<footer><p>{notice}</p></footer>").authors_or([]) == []


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
        # a post footer's time after the name (OpenACS lars-blogger, www/entry-chunk.adp: "Posted by
        # @blog.poster_first_names@ @blog.poster_last_name@ at @blog.posted_time_pretty@"; Blogger's
        # "posted by" and "posted at" labels)
        ("Posted by Jane Doe at 18:52", "Jane Doe"),
        ("Posted by Jane Doe at 6:52 PM", "Jane Doe"),
        ("Maria vonBerg", "Maria vonBerg"),  # no lead glued to a name: a name as written
        # a label without its colon, in Russian too; an e-mail address after the name
        ("Текст Венера Ерофеева", "Венера Ерофеева"),
        ("Text Jane Doe", "Jane Doe"),
        ("Jane Doe info@example.org", "Jane Doe"),
        ("Article by Jane Doe", "Jane Doe"),
    ],
)
def test_a_byline_texts_name_without_its_date_category_or_label(byline: str, expected: str) -> None:
    assert metadata(f"<h1>A headline</h1><p class='byline'>{byline}</p>").authors == [expected]


@pytest.mark.parametrize("lead", ["Geschrieben von", "Posted by", "Verfasst von"])
def test_a_byline_class_reads_the_name_after_a_lead_element_with_no_space_between(lead: str) -> None:
    # Global Voices' credit ("<span class='credit-label'>Geschrieben von</span><a ...>NAME</a>") reads
    # "Geschrieben vonNAME" as text; the broad byline class rule alone (the label rule read it already)
    byline = f"<p class='author'><span class='credit-label'>{lead}</span><a href='/u/jd'>Jane Doe</a></p>"
    html = f"<html><body><h1>A headline</h1>{byline}</body></html>"
    sources = sources_of(html)
    assert sources["line 10"] == ["Jane Doe"]


def test_each_author_source_is_read_alone_for_the_benchmark():
    html = (
        "<html><head><meta name='author' content='Site Editor'></head><body><h1>A headline</h1>"
        "<p>By <a rel='author' href='/author/jd/'>Jane Doe</a></p></body></html>"
    )
    sources = sources_of(html, ["Jo Roe"])
    assert sources["json-ld"] == [] and sources["label"] == []
    assert sources["line 2"] == ["Site Editor"]  # the meta tag
    assert sources["line 5"] == ["Jane Doe"]  # rel=author
    assert sources["byline line"] == ["Jane Doe"]
    assert sources["trafilatura"] == ["Jo Roe"]


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("Web Commerce GmbH www.w-commerce.de", []),  # the web agency that built the site
        ("PIXEL AGENTUR GMBH", []),
        ("Web Agentur KG", []),  # a legal form the organisation words lack
        ("Pixel Design UG", []),
        ("Pixel Studio SARL", []),
        ("Musterweine KG", ["Musterweine KG"]),
        ("Muster Weine GmbH", ["Muster Weine GmbH"]),  # the site's own company (musterweine.de)
        ("Redaktion", ["Redaktion"]),  # the site's desk
    ],
)
def test_the_last_resort_author_is_never_another_company(author: str, expected: list[str]) -> None:
    head = f"<meta name='author' content='{author}'><link rel='canonical' href='https://musterweine.de/a'>"
    assert metadata("<h1>A headline</h1>", head).authors_or([]) == expected


def yoast_graph(person_name: str, **person: str) -> str:
    """A Yoast SEO graph whose article names its author by reference (Yoast/developer,
    docs/features/schema/plugins/yoast-seo.md: the pieces of one @graph refer to each other by @id)."""
    reference = "https://example.org/#/schema/person/abc123"
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Organization", "@id": "https://example.org/#organization", "name": "Example"},
            {"@type": "Article", "@id": "https://example.org/post/#article", "author": {"@id": reference}},
            {"@type": ["Person"], "@id": reference, "name": person_name, **person},
        ],
    }
    if not person_name:
        del graph["@graph"][2]["name"]
    return f"<script type='application/ld+json'>{json.dumps(graph)}</script>"


@pytest.mark.parametrize(
    ("person_name", "expected"),
    [
        ("Jane Doe", ["Jane Doe"]),
        ("jane-doe", ["John Roe"]),  # an account's login: the label the page shows wins
        ("jdoe_2", ["John Roe"]),
    ],
)
def test_a_json_ld_author_given_by_reference_is_the_graphs_person(person_name: str, expected: list[str]):
    body = "<h1>A headline</h1><p><strong>Autor:</strong> John Roe</p>"
    assert metadata(body, yoast_graph(person_name)).authors_or([]) == expected


def test_a_referenced_person_named_by_given_and_family_name_is_the_author():
    graph = yoast_graph("", givenName="Jane", familyName="Doe")
    assert metadata("<h1>A headline</h1>", graph).authors_or([]) == ["Jane Doe"]


def test_a_teaser_cards_byline_inside_its_link_is_not_the_articles_author():
    # a Drupal views teaser (drupal/drupal, core/modules/node/templates/node.html.twig, teaser view mode;
    # GPL-2.0+) made one link: title, excerpt and "von NAME" in an author element
    excerpt = "A teaser's first sentence, long enough to be more than a byline. " * 2
    teaser = f"<div>{excerpt}<span class='author'> von Jo Doe</span></div>"
    card = f"<a href='/other'><h3>Another story</h3>{teaser}</a>"
    assert metadata(f"<h1>A headline</h1><aside>{card}</aside>").authors_or([]) == []
    byline = "<a href='/people/jane'><span class='author'>Jane Doe</span></a>"  # a byline's own link
    assert metadata(f"<h1>A headline</h1>{byline}<aside>{card}</aside>").authors_or([]) == ["Jane Doe"]


@pytest.mark.parametrize("text", ["Article by", "publisher", "Posted by"])
def test_lead_words_or_a_placeholder_alone_are_no_author(text: str) -> None:
    assert metadata(f"<h1>A headline</h1><p class='byline'>{text}</p>").authors_or([]) == []
    assert metadata("<h1>A headline</h1>").authors_or([text]) == []  # trafilatura's name alike


@pytest.mark.parametrize(
    "credit",
    [
        # a quotation's source (Global Voices' theme: "quote-source-name quote-author-name")
        "<p class='quote-source'><span class='quote-author-name'><a href='/q'>Jo Doe, USA</a></span></p>",
        # a picture's licence credit: the author's name links to the picture's page
        "<span class='license-type'><a href='https://creativecommons.org/licenses/by/2.0/'>CC</a></span>"
        "<span class='author-name'><a class='license-author' href='/File:x.jpg'>Jo Doe</a></span>",
    ],
)
def test_a_quotes_or_a_pictures_author_is_not_the_articles(credit: str) -> None:
    html = f"<html><body><h1>A headline</h1><blockquote>A quote.</blockquote>{credit}</body></html>"
    sources = sources_of(html)
    assert sources["line 8"] == [] and sources["line 10"] == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("von Jane Doe", "Jane Doe"),
        ("von Jane Doe (dpa)", "Jane Doe"),
        ("von Muster.de", None),  # a host, not a person
        ("von Open Source Software (OSS) ein und entwickeln einen Leitfaden.", None),  # a sentence
        ("17.11.2022 - Jane Doe", "Jane Doe"),
        ("17.11.2022 - Aymz- Grelle Forelle", None),  # a word cut by a hyphen: a heading, not a name
    ],
)
def test_a_byline_line_after_the_headline_names_a_person_only(line: str, expected: str | None) -> None:
    html = f"<html><body><h1>A headline</h1><p>{line}</p><p>The text.</p></body></html>"
    sources = sources_of(html)
    assert sources["byline line"] == ([expected] if expected else [])
