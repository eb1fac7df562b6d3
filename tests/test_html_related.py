"""Related-posts and "from the archives" blocks of saved pages become archive links."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import lxml.html
import pytest
from conftest import CORPUS

from export.readers.html.markup_tables import first_fields, one_walk, xpaths
from export.readers.html.parse import clean_tree, parse_html
from export.readers.html.related import BLOCK_NAMED, MARKUP, read_related_links, related_elements
from export.readers.html.sections import consumed_elements

HTML = CORPUS / "html"

# Entries each page's related block links to, counted on the page; Jetpack blocks that the page
# would have filled by script are empty (a heading only) and give no links.
EXPECTED_LINKS = {
    "readability__aclu.source.html": 5,
    "readability__wordpress.source.html": 3,
    "scrapinghub__profootballtalk.nbcsports.com__8e3efab59f48.html": 0,
    "trafilatura__blog.wordpress.com.diverse.html": 0,
    "trafilatura__californiaglobe.com.amazon.html": 3,
    "trafilatura__foxyfolksy.com.buttercream.html": 6,
    "trafilatura__gormulus.wordpress.com.durfen.html": 0,
    "trafilatura__love-hina.ch.0409.html": 0,
    "trafilatura__netzpolitik.org.abmahnungen.html": 3,
    "trafilatura__thenervousbreakdown.com.loneliest.html": 0,
}
WITH_BLOCK = {
    "readability__aclu.source.html",
    "readability__wordpress.source.html",
    "trafilatura__blog.wordpress.com.diverse.html",
    "trafilatura__californiaglobe.com.amazon.html",
    "trafilatura__foxyfolksy.com.buttercream.html",
    "trafilatura__gormulus.wordpress.com.durfen.html",
    "trafilatura__netzpolitik.org.abmahnungen.html",
}


def page(path: Path):
    """The page as the reader sees it: parsed safely and cleaned of scripts, styles and frames."""
    root = parse_html(path.read_bytes(), path)
    clean_tree(root)
    return root


@pytest.mark.parametrize("name", sorted(EXPECTED_LINKS))
def test_related_links_of_every_corpus_page(name):
    root = page(HTML / name)
    links = read_related_links(root)
    assert len(links) == EXPECTED_LINKS[name]
    assert len({link.url for link in links}) == len(links)
    for link in links:
        assert link.title and link.url.startswith("http")
        assert "share=" not in link.url and "/author/" not in link.url
    assert bool(related_elements(root)) == (name in WITH_BLOCK)


def test_jetpack_entries_keep_title_and_date():
    links = read_related_links(page(HTML / "readability__wordpress.source.html"))
    assert links[2].title == "Stack Overflow Documentation is Now in Beta"
    assert links[2].url == "https://wptavern.com/stack-overflow-documentation-is-now-in-beta"
    assert links[2].date == dt.date(2016, 7, 22)


def test_teasers_keep_headline_author_and_date():
    """netzpolitik.org's teasers link the headline, an image, a "read on" link and the author's page."""
    first = read_related_links(page(HTML / "trafilatura__netzpolitik.org.abmahnungen.html"))[0]
    assert first.title == "Gerichtsurteil schränkt private Videoüberwachung deutlich ein"
    assert first.authors == ["Maximilian Henning"]
    assert first.date == dt.date(2019, 6, 6)


def test_relative_links_resolve_against_the_canonical_address():
    links = read_related_links(page(HTML / "readability__aclu.source.html"))
    assert (
        links[0].url
        == "https://www.aclu.org/blog/privacy-technology/internet-privacy/staying-safe-when-you-say-metoo"
    )
    assert links[0].title == "Staying Safe When You Say #MeToo"


def test_related_blocks_do_not_overlap_the_comment_section():
    for path in sorted(HTML.glob("*.html")):
        root = page(path)
        consumed = consumed_elements(root)
        for element in consumed:
            assert not any(ancestor in consumed for ancestor in element.iterancestors()), path.name


def fragment(markup: str):
    return lxml.html.document_fromstring(f"<html><body>{markup}</body></html>")


def test_from_the_archives_heading_starts_a_block():
    root = fragment(
        "<article><p>Body with <a href='https://example.org/x'>a link</a>.</p></article>"
        "<aside><h3>From the archives</h3><ul>"
        "<li><a href='/2014/bridges'>Bridges We Lost</a> <span class='byline'>by Tom Lee</span></li>"
        "<li><a href='/2013/rivers'>Rivers</a> <time datetime='2013-05-02'>May 2, 2013</time></li>"
        "</ul></aside>"
    )
    links = read_related_links(root, base_url="https://example.org/post")
    assert [(link.title, link.url, link.authors, link.date) for link in links] == [
        ("Bridges We Lost", "https://example.org/2014/bridges", ["Tom Lee"], None),
        ("Rivers", "https://example.org/2013/rivers", [], dt.date(2013, 5, 2)),
    ]


def test_yarpp_block_and_unsafe_links():
    root = fragment(
        "<div class='yarpp-related'><h3>Related posts:</h3><ol>"
        "<li><a href='https://example.org/a' rel='bookmark' title='Post A'>Post A</a></li>"
        "<li><a href='javascript:alert(1)'>Bad</a></li><li><a href='#top'>Top</a></li></ol></div>"
    )
    assert [(link.title, link.url) for link in read_related_links(root)] == [
        ("Post A", "https://example.org/a")
    ]


def test_an_article_whose_class_says_related_is_not_a_block():
    prose = "<p>" + "A long paragraph of the article itself. " * 80 + "<a href='/x'>one link</a></p>"
    root = fragment(f"<article class='post has-related-articles'>{prose}</article>")
    assert related_elements(root) == []


def test_a_related_heading_over_prose_is_not_a_block():
    root = fragment(
        "<article><h2>Title</h2><p>Text.</p><h3>Related</h3><p>The two cases are related, as "
        "<a href='https://example.org/case'>the first ruling</a> shows in some detail and at length.</p>"
        "</article>"
    )
    assert related_elements(root) == [] and read_related_links(root) == []


def test_a_page_without_related_posts_gives_none():
    root = fragment(
        "<article><h2>Related work</h2><p>See <a href='https://example.org/'>this</a>.</p></article>"
    )
    assert read_related_links(root) == []


# A test that only an element with a class or id passes: a class token, or a non-empty text in either.
NAMED_TEST = re.compile(
    r"has-class\('[^']+'\)|@(?:class|id)\s*=\s*'[^']+'|(?:contains|starts-with)\(@(?:class|id),\s*'[^']+'\)"
)


def test_block_rows_test_the_class_or_id_alone():
    """``related_elements`` walks only the elements with a class or id (``BLOCK_NAMED``): every block row
    must be alternatives each of which only such an element passes (no tag, no other attribute, no not())."""
    for row in first_fields(MARKUP, "block"):
        tests = row.removeprefix("//*[").removesuffix("]").split(" or ")
        assert all(NAMED_TEST.fullmatch(test.strip()) for test in tests), row


def test_one_walk_finds_what_the_block_rows_find():
    """The one walk over the named elements finds each block row's elements, in document order."""
    root = parse_html(
        b'<html><body><div id="jp-relatedposts"><a href="/a">A</a></div><p class="related-posts">x</p>'
        b'<section class="yarpp-related wide"><a href="/b">B</a></section>'
        b'<div class="norelated-posts">y</div><div id="yarpp-1"></div>'
        b'<ul class="x related-stories"><li>z</li></ul><div>w</div></body></html>',
        "page.html",
    )
    each = {element for selector in xpaths(MARKUP, "block") for element in selector(root)}
    found = one_walk(MARKUP, "block", BLOCK_NAMED)(root)
    assert len(each) == 5 and found == [element for element in root.iter() if element in each]
