"""The page reader's body on synthetic pages: the plain parse, the one-pass container and standfirst
lookup, the choice between readings, soft hyphens."""

from __future__ import annotations

from pathlib import Path

import lxml.html
from lxml import etree

from export.model import CommentThread, Paragraph, block_paragraphs
from export.readers.html.blocks import BodyContent
from export.readers.html.body import CONTAINERS, Markers, find_container, take_standfirst
from export.readers.html.choice import choose_body
from export.readers.html.nesting import flatten
from export.readers.html.page import read_html_page
from export.readers.html.parse import clean_tree, parse_page

SENTENCE = "This sentence belongs to the article and is long enough to count as its text. "


def test_a_page_is_a_plain_lxml_tree_and_keeps_the_markup_it_was_read_from():
    markup = b"<?xml version='1.0' encoding='utf-8'?><html><body><p>Hello</p></body></html>"
    page = parse_page(markup, "p.html")
    assert type(page.root) is etree._Element and not isinstance(page.root, lxml.html.HtmlElement)
    assert not page.markup.startswith("<?xml") and "<p>Hello</p>" in page.markup


def test_markup_nested_too_deep_is_handed_on_flattened():
    deep = "<div>" * 3000 + "<p>Deep text</p>" + "</div>" * 3000
    page = parse_page(f"<html><body>{deep}<p>After</p></body></html>".encode(), "deep.html")
    assert page.markup.count("<div>") < 3000
    assert "Deep text" in "".join(page.root.itertext()) and "After" in "".join(page.root.itertext())


def test_flattened_markup_keeps_scripts_and_styles_whole_and_their_code_out_of_the_text():
    """A script deeper than the flattening keeps lost its tags, and its code was read as the article's
    text (a tune page whose body was wrapped in 2,000 divs); tags inside its code are not counted either."""
    code = "<script>if (a<b) { x('<div><div>&#65534;'); }</script><STYLE>p { color: red }</STYLE>"
    deep = "<div>" * 300 + f"<p>Deep text</p>{code}<p>More</p>" + "</div>" * 300
    page = parse_page(f"<html><body>{deep}<p>After</p></body></html>".encode(), "deep.html")
    text = "".join(page.root.xpath("//text()[not(parent::script or parent::style)]"))
    assert "x(" not in text and "color" not in text
    assert "Deep text" in text and "More" in text and "After" in text
    assert len(page.root.findall(".//script")) == 1 and len(page.root.findall(".//style")) == 1


def test_flattening_keeps_scripts_and_styles_out_of_the_text():
    # 200 levels: the parser keeps them, the readers flatten past 160; 3,000: past the parser's 256
    raw = "<script>var hidden = 1;</script><style>.hidden{}</style><textarea>hidden draft</textarea>"
    for depth in (200, 3000):
        deep = "<div>" * depth + "<p>Deep text</p>" + raw + "</div>" * depth
        page = parse_page(f"<html><body>{deep}<p>After</p></body></html>".encode(), "deep.html")
        clean_tree(page.root)
        text = "".join(page.root.itertext())
        assert "Deep text" in text and "After" in text and "hidden" not in text, depth


def test_markers_rank_each_element_by_its_best_line_in_one_pass():
    markers = Markers(["class first", "itemprop body", "generic tag article", "generic role main"])
    assert markers.generic == [False, False, True, True]
    root = etree.fromstring(
        "<html><body><article class='x first' itemprop='body'><p>a</p></article>"
        "<div role='main'><div itemprop='body'>b</div></div><div class='firsts'>c</div></body></html>",
        etree.HTMLParser(),
    )
    found = [(rank, element.tag, element.get("role")) for rank, element in markers.marked(root)]
    assert found == [(0, "article", None), (3, "div", "main"), (1, "div", None)]


def test_the_best_placed_container_wins_and_a_generic_one_only_when_none_is_named():
    text = f"<p>{SENTENCE * 6}</p>"
    root = etree.fromstring(
        f"<html><body><article><div class='entry'>{text}</div><div class='entry-content'>{text}</div>"
        "</article></body></html>",
        etree.HTMLParser(),
    )
    found = find_container(root)
    assert found.named and found.element.get("class") == "entry-content"
    bare = etree.fromstring(f"<html><body><main>{text}</main></body></html>", etree.HTMLParser())
    found = find_container(bare)
    assert not found.named and found.element.tag == "main"
    assert CONTAINERS.generic[CONTAINERS.ranks[("tag", "main")]]


def test_the_first_standfirst_line_that_fits_is_taken_out():
    lead = "A lead that says what the article is about in one sentence."
    root = etree.fromstring(
        f"<html><body><p class='dek'>{lead} (dek)</p><p class='standfirst'>{lead}</p>"
        f"<p class='standfirst'>short</p><p>{SENTENCE}</p></body></html>",
        etree.HTMLParser(),
    )
    taken = take_standfirst(root)
    assert taken is not None and "".join(taken.itertext()) == lead
    assert lead + " (dek)" in "".join(root.itertext()) and taken.getparent() is None


def test_the_choice_leaves_both_readings_as_they_were():
    ours = BodyContent([Paragraph(SENTENCE * 3)])
    theirs = BodyContent([Paragraph("A comment that trafilatura took for text."), Paragraph(SENTENCE * 3)])
    thread = CommentThread()
    standfirst = Paragraph("A comment that trafilatura took for text.")
    chosen = choose_body(ours, True, theirs, "hybrid", thread, standfirst)
    assert chosen is ours  # the same text once the standfirst is left out
    assert len(theirs.blocks) == 2 and len(ours.blocks) == 1


def test_soft_hyphens_leave_the_words_whole(tmp_path: Path):
    path = tmp_path / "page.html"
    shy = "Wein\u00adwirt\u00adschaft"
    path.write_text(
        f"<html lang='de'><head><title>T</title></head><body><article><p>{SENTENCE * 4} Die "
        f"{shy} und die Wein&shy;berge.</p></article></body></html>",
        encoding="utf-8",
    )
    text = "\n".join(p.text for p in block_paragraphs(read_html_page(path, "ours").sections[0].blocks))
    assert "Weinwirtschaft und die Weinberge." in text and "\u00ad" not in text


def test_a_lead_in_a_teaser_text_or_excerpt_box_is_the_standfirst(tmp_path: Path):
    lead = "A lead that says what the article is about in one sentence of its own."
    for box in ("<div class='teaser-text'><p>{}</p></div>", "<p class='excerpt'>{}</p>"):
        path = tmp_path / "page.html"
        path.write_text(
            f"<html><head><title>T</title></head><body><div class='news-single'>{box.format(lead)}"
            f"<div class='entry-content'><p>{SENTENCE * 4}</p></div></div></body></html>",
            encoding="utf-8",
        )
        article = read_html_page(path)
        assert article.standfirst is not None and article.standfirst.text == lead
        assert lead not in "\n".join(p.text for p in block_paragraphs(article.sections[0].blocks))


def test_flattening_ends_a_script_where_the_parser_does():
    """Only tab, line feed, form feed, carriage return, space, "/" or ">" after "</script" end it (HTML and
    libxml2); a regex's \\s took a no-break space too, counted the code's tags, dropped the next real ones."""
    markup = "<script>a</script\xa0>" + "<b>" * 3 + "</script><i>x</i>"
    assert flatten(markup, max_depth=2) == markup


def test_a_self_closed_script_is_empty_to_the_flattening_as_to_libxml2():
    """libxml2 reads ``<script src="a.js"/>`` as a whole element; flattening took all up to the next
    ``</script`` for its code, left the deep markup there as it was, and the page held no text."""
    deep = "<div>" * 300 + "<p>Deep text</p>" + "</div>" * 300
    body = f"<body>{deep}<p>After</p><script>x()</script></body>"
    markup = f'<html><head><script src="a.js"/></head>{body}</html>'
    text = "".join(parse_page(markup.encode(), "deep.html").root.itertext())
    assert "Deep text" in text and "After" in text
