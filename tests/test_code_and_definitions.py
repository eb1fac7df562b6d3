"""Code keeps its lines and indentation and wraps on a narrow screen; a definition list stays one."""

from __future__ import annotations

from pathlib import Path

import pytest
from books import NS, documents
from rendering import SIX_INCH_TEXT_RIGHT, render_six_inch

from export.cli import main
from export.model import Article, DefinitionList, Paragraph, Section, block_paragraphs
from export.readers.html.fragment import read_fragment

PYTHON = """def reading_order(comments, depth=0):
    for comment in comments:
        yield depth, comment
        yield from reading_order(comment.replies, depth + 1)"""
PYTHON += "  # the replies follow their parent, depth first, however deep the thread goes"  # a line too long
CSHARP = """public class Thread {
    private readonly List<Comment> replies = new List<Comment>();
}"""
POST = f"""Here is how it goes. The [css] tag in brackets stays a word.

[sourcecode language="python"]
{PYTHON.replace("<", "&lt;")}
[/sourcecode]

[csharp]
{CSHARP}
[/csharp]

<dl><dt>Pingback</dt><dd>A note one blog sends another when it links to it.</dd>
<dt>Trackback</dt><dt>Linkback</dt><dd>The same, sent by hand.</dd>
<dd><p>Or by a plugin.</p><p>Rarely.</p></dd></dl>"""
EXPORT = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Code</title><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Some code</title><content:encoded><![CDATA[{POST}]]></content:encoded><wp:post_id>1</wp:post_id>
<wp:post_date>2019-04-08 10:00:00</wp:post_date><wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type></item></channel></rss>"""


def book_of(tmp_path: Path, style: str) -> Path:
    export = tmp_path / "blog.xml"
    export.write_text(EXPORT, encoding="utf-8")
    book = tmp_path / f"{style}.epub"
    assert main([str(export), "-o", str(book), "-q", "--style", style]) == 0
    return book


def test_code_shortcodes_keep_their_lines_and_a_definition_list_stays_one(tmp_path, epubcheck):
    book = book_of(tmp_path, "book")
    (chapter,) = [root for name, root in documents(book).items() if name.startswith("EPUB/post-")]
    assert [pre.text for pre in chapter.xpath("//h:pre", namespaces=NS)] == [PYTHON, CSHARP]
    text = " ".join("".join(chapter.itertext()).split())
    assert "The [css] tag in brackets stays a word." in text
    (listing,) = chapter.xpath("//h:dl", namespaces=NS)
    shape = [(child.tag.split("}")[1], " ".join("".join(child.itertext()).split())) for child in listing]
    assert shape == [
        ("dt", "Pingback"),
        ("dd", "A note one blog sends another when it links to it."),
        ("dt", "Trackback"),
        ("dt", "Linkback"),
        ("dd", "The same, sent by hand."),
        ("dd", "Or by a plugin.Rarely."),
    ]
    assert chapter.xpath("//h:dl/h:dd[last()]/h:p", namespaces=NS)
    report = epubcheck(book)
    assert report.errors == [] and report.warnings == []


@pytest.mark.parametrize("style", ["book", "plain"])
def test_code_wraps_on_a_six_inch_screen_and_keeps_its_indentation(tmp_path, style):
    lines = render_six_inch(book_of(tmp_path, style), tmp_path / "book.pdf")
    assert all(line.right <= SIX_INCH_TEXT_RIGHT for line in lines), "a line runs off the page"
    start = next(line for line in lines if line.text.startswith("def reading_order"))
    indented = next(line for line in lines if line.text == "for comment in comments:")
    deeper = next(line for line in lines if line.text == "yield depth, comment")
    assert start.left < indented.left < deeper.left


def test_definition_lists_are_read_as_such_and_their_words_can_carry_claims():
    blocks, _ = read_fragment(
        "<dl><dd>Before any term.</dd><div><dt>Term</dt><dd>Its meaning.</dd></div><dt>Last</dt></dl>"
    )
    before, listing, after = blocks.blocks
    assert before == Paragraph("Before any term.") and after == Paragraph("Last")
    assert isinstance(listing, DefinitionList)
    (entry,) = listing.entries
    assert [term.text for term in entry.terms] == ["Term"]
    article = Article(title="A glossary", sections=[Section([listing])])
    assert [paragraph.text for paragraph in block_paragraphs(article.sections[0].blocks)] == [
        "Term",
        "Its meaning.",
    ]
