"""A paginated comment thread served from 127.0.0.1, followed from its newest page and joined in order."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree
from webserver import WebServer, page, redirect, status

from export.model import Article
from export.pipeline import BookSetup, ConvertOptions
from export.readers.html.page import read_html
from export.web.comment_pages import MAX_PAGES, follow_comment_pages
from export.web.fetch import FetchLimits
from export.web.page import fetch_page

FAST = FetchLimits(connect_timeout=1.0, read_timeout=2.0, total_timeout=5.0, retries=0, backoff=0.01)
ARTICLE = "".join(
    f"<p>Paragraph {number} of the article says something about the weather in town {number}.</p>"
    for number in range(6)
)


def comment(number: int, reply: str = "") -> str:
    return (
        f"<li id='comment-{number}' class='comment'><article class='comment-body'>"
        f"<footer class='comment-meta'><div class='comment-author vcard'><b class='fn'>Reader {number}</b>"
        f"</div><div class='comment-metadata'><a href='#comment-{number}'><time datetime='2020-05-0{number}'>"
        f"May {number}, 2020</time></a></div></footer>"
        f"<div class='comment-content'><p>Comment number {number} has its say.</p></div></article>"
        f"{reply}</li>"
    )


def thread_page(comments: str, navigation: str, canonical: str = "") -> bytes:
    head = (
        f"<title>A post</title><link rel='canonical' href='{canonical}'>"
        if canonical
        else "<title>A post</title>"
    )
    return (
        f"<!doctype html><html lang='en'><head>{head}</head><body><article><h1>A post</h1>"
        f"<div class='entry-content'>{ARTICLE}</div></article>"
        f"<div id='comments' class='comments-area'><h2 class='comments-title'>7 thoughts on “A post”</h2>"
        f"<ol class='comment-list'>{comments}</ol>"
        f"<nav class='navigation comment-navigation'><div class='nav-links'>{navigation}</div></nav>"
        "</div></body></html>"
    ).encode()


def older(url: str) -> str:
    return f"<div class='nav-previous'><a href='{url}'>Older Comments</a></div>"


def newer(url: str) -> str:
    return f"<div class='nav-next'><a href='{url}'>Newer Comments</a></div>"


def serve_thread(server: WebServer) -> str:
    """Three pages, the newest shown at the post's address (as WordPress does by default): it links to
    the older ones only, page 2 links back to the newest by its number, and a reply stays with its parent."""
    post = server.url("/a-post/")
    newest = thread_page(comment(6) + comment(7), older(post + "comment-page-2/#comments"))
    server.add("/a-post/", page(newest))
    server.add("/a-post/comment-page-3/", page(newest))
    server.add(
        "/a-post/comment-page-2/",
        page(
            thread_page(
                comment(3, "<ol class='children'>" + comment(5) + "</ol>") + comment(4),
                older(post + "comment-page-1/#comments") + newer(post + "comment-page-3/#comments"),
                canonical=post + "comment-page-2/",
            )
        ),
    )
    server.add(
        "/a-post/comment-page-1/",
        page(thread_page(comment(1) + comment(2), newer(post + "comment-page-2/#comments"))),
    )
    return post


def read_page(url: str) -> Article:
    return read_html(fetch_page(url, FAST))


def authors(article: Article) -> list[str]:
    return [comment.author or "" for comment in article.thread.all_comments()]


def test_a_thread_of_three_pages_is_joined_oldest_first_each_comment_once(web_server: WebServer):
    url = serve_thread(web_server)
    article = read_page(url)
    assert authors(article) == ["Reader 6", "Reader 7"]
    assert follow_comment_pages(article, url, FAST) == []
    assert authors(article) == [f"Reader {number}" for number in (1, 2, 3, 5, 4, 6, 7)]  # 5 replies to 3
    assert [comment.author for comment in article.thread.comments[2].replies] == ["Reader 5"]
    assert article.thread.announced == 7
    for path in ("/a-post/comment-page-1/", "/a-post/comment-page-2/", "/a-post/comment-page-3/"):
        assert len(web_server.got(path)) == 1


def test_the_joined_thread_makes_a_valid_book(web_server: WebServer, tmp_path: Path, epubcheck):
    url = serve_thread(web_server)
    article = read_page(url)
    follow_comment_pages(article, url, FAST)
    book = tmp_path / "thread.epub"
    book.write_bytes(BookSetup.load(ConvertOptions()).epub(article, claims_marked=False))
    report = epubcheck(book)
    assert (report.errors, report.warnings) == ([], [])
    with zipfile.ZipFile(book) as archive:
        texts = [
            " ".join(" ".join(etree.fromstring(archive.read(name)).itertext()).split())
            for name in archive.namelist()
            if name.endswith(".xhtml")
        ]
    comments = next(text for text in texts if "Comment number 1 " in text)
    positions = [comments.index(f"Comment number {number} ") for number in (1, 2, 3, 5, 4, 6, 7)]
    assert positions == sorted(positions)


def test_pages_elsewhere_or_failing_are_left_out_with_a_line_each(web_server: WebServer):
    post = web_server.url("/b-post/")
    web_server.add(
        "/b-post/",
        page(
            thread_page(
                comment(3),
                older(post + "comment-page-1/")
                + newer("http://comments.example.com/b-post/comment-page-3/")
                + "<a href='/b-post/comment-page-2/'>2</a>",
            )
        ),
    )
    web_server.add("/b-post/comment-page-1/", status(404))
    web_server.add("/b-post/comment-page-2/", redirect("http://elsewhere.example.com/b-post/"))
    article = read_page(post)
    problems = follow_comment_pages(article, post, FAST)
    assert authors(article) == ["Reader 3"]
    assert len(problems) == 2 and all("\n" not in line for line in problems)
    assert any("comment-page-1/: 404 Not Found" in line for line in problems)
    assert any("comment-page-2/:" in line for line in problems)
    assert not any("comments.example.com" in line for line in problems)  # another site: never asked


def test_a_thread_of_many_pages_is_followed_to_the_bound(web_server: WebServer):
    post = web_server.url("/long/")
    for number in range(1, 80):
        link = older(f"{post}comment-page-{number - 1}/") if number > 1 else ""
        web_server.add(f"/long/comment-page-{number}/", page(thread_page(comment(number % 9 + 1), link)))
    web_server.add("/long/", page(thread_page(comment(1), older(f"{post}comment-page-79/"))))
    article = read_page(post)
    problems = follow_comment_pages(article, post, FAST)
    fetched = [request for request in web_server.requests if request.path.startswith("/long/comment-page-")]
    assert len(fetched) == MAX_PAGES - 1
    assert problems and "left out" in problems[-1]


@pytest.mark.parametrize("query", [True, False])
def test_query_style_pages_are_followed_too(web_server: WebServer, query: bool):
    post = web_server.url("/?p=12")
    second = post + "&cpage=2#comments" if query else web_server.url("/?p=12&cpage=2")
    web_server.add("/?p=12", page(thread_page(comment(1), newer(second))))
    web_server.add("/?p=12&cpage=2", page(thread_page(comment(2), older(post + "&cpage=1"))))
    web_server.add("/?p=12&cpage=1", page(thread_page(comment(1), newer(second))))
    article = read_page(post)
    assert follow_comment_pages(article, post, FAST) == []
    assert authors(article) == ["Reader 1", "Reader 2"]
