"""The headline's subtitle (``subtitle.py``): the heading right after the page's headline is the standfirst.

Fixtures are synthetic: HTML's ``hgroup`` (a heading and its subtitle), and the header of WordPress's
Twenty Eleven theme (wordpress/twentyeleven, header.php, GPLv2 or later), whose ``hgroup`` holds the
site's name in an ``h1`` and its description in an ``h2``: not the article's subtitle.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from export.model import CommentThread, Heading, Paragraph, block_paragraphs
from export.readers.html.blocks import BodyContent
from export.readers.html.choice import choose_body
from export.readers.html.page import read_html_page
from export.readers.html.subtitle import take_subtitle

SENTENCE = "This sentence belongs to the article and is long enough to count as its text. "
HEADLINE = "Harbour town votes to rebuild its old pier"
SUBTITLE = "The council chose the cheaper of two plans after a year of public meetings."
TWENTY_ELEVEN = (
    "<header id='branding' role='banner'><hgroup>"
    "<h1 id='site-title'><span><a href='/' rel='home'>Harbour Notes</a></span></h1>"
    "<h2 id='site-description'>Just another WordPress site about a small harbour town</h2>"
    "</hgroup></header>"
)


def _tree(body: str) -> etree._Element:
    return etree.fromstring(f"<html><body>{body}</body></html>", etree.HTMLParser())


def test_the_heading_after_the_headline_is_taken_out_as_its_subtitle():
    root = _tree(
        f"<article><header><hgroup><h1>{HEADLINE}</h1><!-- dek --><h2>{SUBTITLE}</h2></hgroup>"
        f"</header><p>{SENTENCE}</p></article>"
    )
    taken = take_subtitle(root, HEADLINE.upper())  # the title as the page states it, case aside
    assert taken is not None and "".join(taken.itertext()) == SUBTITLE
    assert SUBTITLE not in "".join(root.itertext())


def test_a_site_name_in_an_h1_has_no_subtitle_the_articles_headline_may():
    page = (
        f"{TWENTY_ELEVEN}<div id='main'><article class='post'><header class='entry-header'>"
        f"<h1 class='entry-title'>{HEADLINE}</h1><div class='entry-meta'>Posted on 3 May 2020</div>"
        f"</header><div class='entry-content'><p>{SENTENCE}</p></div></article></div>"
    )
    root = _tree(page)
    assert take_subtitle(root, HEADLINE) is None  # the headline is followed by the post's date line
    assert take_subtitle(root, "Harbour Notes") is not None  # what the rule would take without the title
    assert take_subtitle(_tree(page), None) is None


def test_a_section_heading_a_paragraph_or_a_short_label_is_no_subtitle():
    for following in (
        f"<h2>{'A long section heading. ' * 20}</h2>",
        f"<p>{SUBTITLE}</p>",
        "<h2>Contents</h2>",
    ):
        root = _tree(f"<h1>{HEADLINE}</h1>{following}<p>{SENTENCE}</p>")
        assert take_subtitle(root, HEADLINE) is None
        assert "".join(root.itertext()).count(HEADLINE) == 1 and SENTENCE.strip() in "".join(root.itertext())


def test_the_subtitle_is_the_books_standfirst_and_not_repeated_in_its_text(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(
        f"<html><head><title>{HEADLINE} | Harbour Notes</title></head><body>{TWENTY_ELEVEN}"
        f"<article><header><hgroup><h1>{HEADLINE}</h1><h2>{SUBTITLE}</h2></hgroup></header>"
        f"<div class='entry-content'><p>{SENTENCE * 4}</p><p>{SENTENCE * 3}</p></div></article>"
        "</body></html>",
        encoding="utf-8",
    )
    article = read_html_page(path)
    assert article.title == HEADLINE
    assert article.standfirst is not None and article.standfirst.text == SUBTITLE
    blocks = article.sections[0].blocks
    assert SUBTITLE not in "\n".join(p.text for p in block_paragraphs(blocks))
    assert not any(isinstance(block, Heading) and block.text == SUBTITLE for block in blocks)


def test_trafilatura_s_heading_that_is_the_standfirst_is_left_out_of_its_reading():
    theirs = BodyContent([Heading(SUBTITLE, 2), Paragraph(SENTENCE * 3)])
    ours = BodyContent([Paragraph(SENTENCE * 3)])
    chosen = choose_body(ours, False, theirs, "hybrid", CommentThread(), Paragraph(SUBTITLE))
    assert [type(block) for block in chosen.blocks] == [Paragraph]
    kept = choose_body(ours, False, theirs, "hybrid", CommentThread(), Paragraph("Another lead altogether."))
    assert [type(block) for block in kept.blocks] == [Heading, Paragraph]
