"""Threads read at any depth: indentation stops after a few levels, deeper replies say whom they answer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from books import NS, documents, words
from rendering import columns, render_six_inch
from test_wxr_books import THEME_TEST
from wxr_gold import read_gold

from export.cli import main
from export.epub.appendices import INDENTED_LEVELS
from export.epub.package import BookOptions, write_epub
from export.model import Article, Comment, CommentThread, Paragraph
from export.pipeline import load_stylesheet

COMMENT = "//h:li[h:article[@class='comment']]"


def chain(depth: int, branch_at: int | None = None) -> Comment:
    """A thread ``depth`` deep, "Reader 1" at the top; a second reply branches off at level ``branch_at``."""
    top = reply = Comment(author="Reader 1", date=dt.date(2019, 4, 8), blocks=[Paragraph("Level 1.")])
    for level in range(2, depth + 1):
        answer = Comment(author=f"Reader {level}", blocks=[Paragraph(f"Level {level}.")])
        reply.replies.append(answer)
        if level == branch_at:
            reply.replies.append(Comment(author="Branch", blocks=[Paragraph("A second answer.")]))
        reply = answer
    return top


def comments_page(tmp_path: Path, thread: Comment, language: str = "en"):
    article = Article(title="A thread", language=language, thread=CommentThread([thread]))
    book = tmp_path / "thread.epub"
    book.write_bytes(write_epub(article, BookOptions(load_stylesheet("book"))))
    return book, documents(book)["EPUB/comments.xhtml"]


def indentation(entry) -> int:
    """How many reply lists an entry sits in: its indentation in levels below the top."""
    return len(entry.xpath("ancestor::h:ul[@class='replies']", namespaces=NS))


def test_replies_indent_four_levels_and_deeper_ones_say_whom_they_answer(tmp_path):
    _, page = comments_page(tmp_path, chain(10, branch_at=6))
    entries = page.xpath(COMMENT, namespaces=NS)
    names = [words(entry.xpath(".//h:span[@class='comment-author']", namespaces=NS)[0]) for entry in entries]
    # reading order is the thread's, depth first: the branch follows the whole line it branched from
    assert names == [f"Reader {level}" for level in range(1, 11)] + ["Branch"]
    assert [indentation(entry) for entry in entries] == [0, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3]
    assert max(indentation(entry) for entry in entries) == INDENTED_LEVELS - 1
    ids = {entry.get("id"): name for entry, name in zip(entries, names, strict=True)}
    for entry, name in zip(entries, names, strict=True):
        said = entry.xpath("h:article/h:p[@class='in-reply-to']", namespaces=NS)
        level = 6 if name == "Branch" else int(name.split()[1])  # the branch answers Reader 5
        if level <= INDENTED_LEVELS:
            assert said == []
            continue
        (line,) = said
        parent = f"Reader {level - 1}"
        assert words(line) == f"in reply to {parent}"
        assert ids[line.xpath("h:a/@href", namespaces=NS)[0].removeprefix("#")] == parent


def test_in_reply_to_is_in_the_books_language(tmp_path):
    _, page = comments_page(tmp_path, chain(6), language="fr")
    lines = [words(line) for line in page.xpath("//h:p[@class='in-reply-to']", namespaces=NS)]
    assert lines == ["en réponse à Reader 4", "en réponse à Reader 5"]


def test_a_shallow_thread_is_nested_as_before(tmp_path):
    _, page = comments_page(tmp_path, chain(INDENTED_LEVELS))
    entries = page.xpath(COMMENT, namespaces=NS)
    assert [indentation(entry) for entry in entries] == list(range(INDENTED_LEVELS))
    assert page.xpath("//h:p[@class='in-reply-to']", namespaces=NS) == []


def test_the_theme_unit_tests_ten_deep_thread_keeps_a_column_of_twenty_characters(tmp_path, epubcheck):
    (post,) = [post for post in read_gold(THEME_TEST) if post.title == "Template: Comments"]
    assert (
        main([str(THEME_TEST), "--split", "-o", str(tmp_path / "shelf"), "--post", post.post_id, "-q"]) == 0
    )
    (book,) = (tmp_path / "shelf").glob("*.epub")
    report = epubcheck(book)
    assert report.errors == [] and report.warnings == []
    (page,) = [root for name, root in documents(book).items() if name.endswith("comments.xhtml")]
    entries = page.xpath(COMMENT, namespaces=NS)
    assert max(indentation(entry) for entry in entries) == INDENTED_LEVELS - 1
    said = [words(line) for line in page.xpath("//h:p[@class='in-reply-to']", namespaces=NS)]
    assert len(said) == 10 - INDENTED_LEVELS  # the thread is 10 deep
    lines = render_six_inch(book, tmp_path / "book.pdf")
    start = next(line.page for line in lines if line.text == "Readers’ comments")
    shown = [line for line in lines if line.page >= start]
    assert any("Comment Depth 10" in line.text for line in shown)
    narrowest, line = columns(shown)[0]
    assert narrowest >= 20, f"a column of {narrowest:.0f} characters: {line.text!r}"
