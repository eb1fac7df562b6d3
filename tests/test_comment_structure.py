"""A comment is a document too: its headings, lists, tables, code, videos and edits keep their structure,
from a saved page and from a WordPress export alike."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from books import NS, documents, words

from export.cli import main

POEM = "Roses are red,\n    violets are blue;\n  code keeps its lines,\n        and so should you."
BODY = """<h2>My answer</h2>
<p>I <del>disagree</del> <ins>agree</ins> with most of it.</p>
<table><tr><th>Year</th><th>Votes</th></tr><tr><td>2018</td><td>41</td></tr><tr><td>2019</td><td>57</td></tr></table>
<ul><li>First point<ul><li>a detail</li><li>another detail</li></ul></li><li>Second point</li></ul>
<blockquote><p>Officials said the plan would probably fail.</p></blockquote>
<pre>{poem}</pre>
<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="The talk itself"></iframe>
<script>alert(1)</script>"""
ARTICLE = " ".join(["The council met on Tuesday and talked about the budget for the coming year."] * 12)
PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The budget</title></head>
<body><article><h1>The budget</h1><div class="entry-content"><p>{ARTICLE}</p><p>{ARTICLE}</p></div></article>
<div id="comments" class="comments-area"><h2 class="comments-title">One thought on “The budget”</h2>
<ol class="comment-list"><li id="comment-7" class="comment even thread-even depth-1">
<article id="div-comment-7" class="comment-body"><footer class="comment-meta">
<div class="comment-author vcard">
<b class="fn">Ada</b> <span class="says">says:</span></div><div class="comment-metadata">
<a href="https://example.org/budget/#comment-7">
<time datetime="2019-04-08T10:00:00+00:00">April 8, 2019 at 10:00 am</time></a>
</div></footer><div class="comment-content">{BODY.format(poem=POEM)}</div></article></li></ol></div>
</body></html>"""
EXPORT = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Budgets</title><wp:wxr_version>1.2</wp:wxr_version>
<item><title>The budget</title><content:encoded><![CDATA[{ARTICLE}]]></content:encoded>
<wp:post_id>1</wp:post_id>
<wp:post_date>2019-04-08 09:00:00</wp:post_date><wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type>
<wp:comment><wp:comment_id>7</wp:comment_id><wp:comment_author>Ada</wp:comment_author>
<wp:comment_date>2019-04-08 10:00:00</wp:comment_date><wp:comment_approved>1</wp:comment_approved>
<wp:comment_type>comment</wp:comment_type><wp:comment_parent>0</wp:comment_parent>
<wp:comment_content><![CDATA[{BODY.format(poem=POEM)}]]></wp:comment_content></wp:comment>
</item></channel></rss>"""
INPUTS = {"page": ("budget.html", PAGE), "export": ("blog.xml", EXPORT)}


def book_of(tmp_path: Path, kind: str, style: str = "book", *options: str) -> Path:
    name, text = INPUTS[kind]
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    book = tmp_path / f"{kind}-{style}.epub"
    assert main([str(source), "-o", str(book), "-q", "--style", style, *options]) == 0
    return book


def the_comment(book: Path):
    (comment,) = [
        found
        for root in documents(book).values()
        for found in root.xpath("//h:article[@class='comment']", namespaces=NS)
    ]
    return comment


@pytest.mark.parametrize(("kind", "style"), [("page", "book"), ("export", "book"), ("export", "plain")])
def test_a_comments_structure_survives_into_the_book(tmp_path, kind, style, epubcheck):
    book = book_of(tmp_path, kind, style)
    comment = the_comment(book)
    assert [words(h) for h in comment.xpath(".//h:h3", namespaces=NS)] == ["My answer"]
    (line,) = [p for p in comment.xpath("h:p", namespaces=NS) if "most of it" in words(p)]
    assert [words(node) for node in line.xpath("h:del", namespaces=NS)] == ["disagree"]
    assert [words(node) for node in line.xpath("h:ins", namespaces=NS)] == ["agree"]
    (table,) = comment.xpath(".//h:table", namespaces=NS)
    rows = [[words(cell) for cell in row] for row in table.xpath(".//h:tr", namespaces=NS)]
    assert rows == [["Year", "Votes"], ["2018", "41"], ["2019", "57"]]
    assert len(table.xpath(".//h:th", namespaces=NS)) == 2
    (outer,) = comment.xpath("h:ul", namespaces=NS)
    assert [words(li) for li in outer.xpath("h:li/h:ul/h:li", namespaces=NS)] == [
        "a detail",
        "another detail",
    ]
    assert [pre.text for pre in comment.xpath(".//h:pre", namespaces=NS)] == [POEM]
    (video,) = comment.xpath(".//h:p[@class='video-link']/h:a", namespaces=NS)
    assert video.get("href") == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert words(video) == "The talk itself"
    assert not comment.xpath(".//h:script | .//h:iframe", namespaces=NS)
    assert "alert" not in words(comment)
    report = epubcheck(book)
    assert report.errors == [] and report.warnings == []


@pytest.mark.parametrize("kind", ["page", "export"])
def test_a_book_with_structured_comments_is_reproducible(tmp_path, kind):
    books = []
    for run in ("a", "b"):
        (tmp_path / run).mkdir()
        books.append(book_of(tmp_path / run, kind))
    first, second = books
    assert hashlib.sha256(first.read_bytes()).digest() == hashlib.sha256(second.read_bytes()).digest()


def test_claims_in_a_comments_nested_blocks_are_marked_on_request(tmp_path):
    comment = the_comment(book_of(tmp_path, "page", "book", "--claims-in-comments"))
    (quote,) = comment.xpath("h:blockquote", namespaces=NS)
    marked = quote.xpath(".//h:span[contains(@class, 'speculative')]", namespaces=NS)
    assert [words(span) for span in marked] == ["Officials said the plan would probably fail."]
    (tmp_path / "unmarked").mkdir()
    unmarked = the_comment(book_of(tmp_path / "unmarked", "page"))
    assert not unmarked.xpath(".//h:span[contains(@class, 'speculative')]", namespaces=NS)
