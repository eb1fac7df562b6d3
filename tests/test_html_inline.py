"""HTML mixed content becomes paragraph text with stand-off spans."""

from __future__ import annotations

import lxml.html

from export.readers.html.inline import read_inline, read_paragraphs, safe_link


def fragment(markup: str):
    return lxml.html.fragment_fromstring(markup, create_parent="div")


def marked(paragraph) -> list[tuple[str, str, str | None]]:
    return [(paragraph.text[s.start : s.end], s.kind, s.target) for s in paragraph.spans]


def test_whitespace_collapses_and_edges_trim():
    paragraph = read_inline(fragment("  Two\n\t words   and\u00a0more  "))
    assert paragraph.text == "Two words and\u00a0more"


def test_spans_cover_their_words_only():
    paragraph = read_inline(fragment("A <em> quiet </em>word, <b>bold <i>and</i></b> done."))
    assert paragraph.text == "A quiet word, bold and done."
    assert marked(paragraph) == [("quiet", "em", None), ("bold and", "strong", None), ("and", "em", None)]


def test_break_is_a_newline_without_spaces_around():
    paragraph = read_inline(fragment("first line <br/> second line"))
    assert paragraph.text == "first line\nsecond line"


def test_links_keep_safe_addresses_resolved_against_the_base():
    paragraph = read_inline(
        fragment('<a href="/post/1">one</a> <a href="javascript:alert(1)">two</a> <a href="#fn1">3</a>'),
        base_url="https://example.org/blog/",
    )
    assert paragraph.text == "one two 3"
    assert marked(paragraph) == [("one", "link", "https://example.org/post/1"), ("3", "link", "#fn1")]


def test_scripts_and_styles_vanish_but_their_tails_stay():
    paragraph = read_inline(fragment("before <script>alert(1)</script>after <style>p{}</style>end"))
    assert paragraph.text == "before after end"


def test_images_give_their_alternative_text():
    assert read_inline(fragment('smile <img src="x.png" alt="😀"> now')).text == "smile 😀 now"


def test_xml_illegal_characters_are_removed():
    page = lxml.html.document_fromstring(b"<p>a\x01b\x0bc</p>")
    assert read_inline(page.find(".//p")).text == "abc"


def test_paragraphs_split_on_blocks_and_group_loose_text():
    element = fragment(
        "loose <em>text</em><p>First.</p><p> </p>tail<div><p>Inner.</p></div><ul><li>item</li></ul>"
    )
    assert [p.text for p in read_paragraphs(element)] == ["loose text", "First.", "tail", "Inner.", "item"]


def test_safe_link_refuses_other_schemes():
    assert safe_link("data:text/html,hi") is None
    assert safe_link(" java\nscript:alert(1)") is None
    assert safe_link("mailto:a@example.org") == "mailto:a@example.org"
    assert safe_link("#") is None


def test_safe_link_survives_malformed_addresses():
    base = "https://example.org/post/"
    assert safe_link("http://[invalid", base) is None
    assert safe_link("https://example.org:99999/", base) is None
    assert safe_link("http://", base) is None
    assert safe_link("mailto:", base) is None
    assert safe_link("https://example.org/a|b%zz{x}", base) == "https://example.org/a%7Cb%25zz%7Bx%7D"
    assert safe_link("//cdn.example.org/x", base) == "https://cdn.example.org/x"


def test_safe_link_keeps_only_what_a_url_parser_accepts():
    """EPUBCheck reads links by the WHATWG URL standard: a second "#" and brackets past the host are
    escaped, a link whose host it refuses is dropped (a tune page linked "...#:~:text=a&#x27;s")."""
    assert safe_link("https://a.org/p#:~:text=a&#x27;s#b") == "https://a.org/p#:~:text=a&%23x27;s%23b"
    assert safe_link("https://a.org/p[1]?q=[2]#[3]") == "https://a.org/p%5B1%5D?q=%5B2%5D#%5B3%5D"
    assert safe_link("https://[::1]:8080/[x]") == "https://[::1]:8080/%5Bx%5D"
    assert safe_link("#note-1") == "#note-1"
    for refused in (
        "https://a..b/x",
        "https://.a.org/x",
        "https://user@@a.org/x",
        "https://[fe80::1%25eth0]/x",
        "https://[nonsense]/x",
        "https://[::1]x/",
        "https://u@[::1]]/x",
        "https://[::1]x:80/",
        "https://a%20b.org/x",
        "https://a.org\\x",
        "https://a|b.org/",
        "https://a\ufffd.org/",
        "https://xn--a.org/",
        "https://xn--zz9999999999.org/",
        "https://xn--abc-.org/",  # decodes to "abc": all ASCII
        "https://xn--ex-8tb.org/",  # decodes to "e\u0301x": not NFC
    ):
        assert safe_link(refused) is None, refused
    assert safe_link("https://a.org./x") == "https://a.org./x"
    # Code points a URL may not hold, which EPUBCheck refused: DEL, C1 controls and noncharacters, escaped
    # as UTF-8 past the host (as the standard's parser would), a host holding one dropped.
    odd = "a\x7fb\x80?\x9f\ufdd0#\U0001fffe\U0010ffff"
    assert (
        safe_link(f"https://a.org/{odd}")
        == "https://a.org/a%7Fb%C2%80?%C2%9F%EF%B7%90#%F0%9F%BF%BE%F4%8F%BF%BF"
    )
    assert safe_link("https://a.org/\u00fcn\u00ef\u200b") == "https://a.org/\u00fcn\u00ef\u200b"
    assert safe_link("https://a\x80b.org/") is None and safe_link("https://a\ufdd0b.org/") is None
    assert safe_link("https://xn--nxasmq6b.com/") == "https://xn--nxasmq6b.com/"
    assert safe_link("https://user:pw@a.org/x") == "https://user:pw@a.org/x"
