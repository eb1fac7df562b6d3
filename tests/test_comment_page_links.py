"""The links a page of a comment thread gives to its other pages, as the reader records them."""

from __future__ import annotations

import lxml.html
import pytest

from export.model import CommentPageLink
from export.readers.html.comment_pages import page_number, thread_address
from export.readers.html.comments import read_comment_thread

BASE = "https://blog.example.org/2020/05/a-post/"


def _thread(nav: str, base: str = BASE):
    markup = f"""<html><body><article><h1>A post</h1><p>Text.</p></article>
    <nav class="post-navigation"><a rel="prev" href="/2020/04/older-post/">Previous post</a></nav>
    <div id="comments" class="comments-area"><h2>3 comments</h2>
    <ol class="comment-list"><li id="comment-7" class="comment"><div class="comment-author vcard">
    <cite class="fn">Ann</cite></div><div class="comment-content"><p>First!</p></div></li></ol>
    {nav}</div></body></html>"""
    return read_comment_thread(lxml.html.document_fromstring(markup), base)


@pytest.mark.parametrize(
    ("url", "number"),
    [
        (BASE + "comment-page-3/#comments", 3),
        ("https://blog.example.org/?p=12&cpage=2#comments", 2),
        (BASE, None),
        ("https://blog.example.org/comment-page-x/", None),
    ],
)
def test_page_numbers_from_addresses(url, number):
    assert page_number(url) == number


def test_thread_address_is_the_same_for_every_page():
    assert thread_address(BASE + "comment-page-2/#comments") == thread_address(BASE)
    assert thread_address("https://Blog.example.org/?p=12&cpage=2") == thread_address(
        "https://blog.example.org/?p=12"
    )


def test_wordpress_comment_navigation_is_recorded_with_numbers_and_relations():
    thread = _thread(
        '<nav class="navigation comment-navigation"><div class="nav-previous">'
        f'<a href="{BASE}comment-page-2/#comments">« Older Comments</a></div>'
        '<div class="nav-next"><a href="https://elsewhere.example.com/comment-page-4/">Newer Comments »</a>'
        "</div></nav>"
    )
    assert thread.pages == [CommentPageLink(BASE + "comment-page-2/", 2, "older")]


def test_paginated_links_count_by_their_address_and_mark_the_current_page():
    thread = _thread(
        '<div class="comments-pagination"><a class="page-numbers" href="?cpage=1">1</a>'
        '<span aria-current="page" class="page-numbers current">2</span>'
        '<a class="next page-numbers" rel="next" href="/2020/05/a-post/comment-page-3/">Next</a></div>',
        base="https://blog.example.org/2020/05/a-post/",
    )
    assert thread.pages == [
        CommentPageLink("https://blog.example.org/2020/05/a-post/?cpage=1", 1, None),
        CommentPageLink("https://blog.example.org/2020/05/a-post/comment-page-3/", 3, "newer"),
    ]
    assert thread.page_number == 2


def test_post_navigation_and_other_posts_comment_pages_are_not_thread_pages():
    thread = _thread(f'<p><a href="{BASE}../other-post/comment-page-2/">other post</a></p>')
    assert thread.pages == []
    assert thread.page_number is None


def test_a_comments_own_permalink_tells_the_page_number_and_is_no_link():
    markup = f"""<html><body><article><p>Text.</p></article><div id="comments"><ol class="comment-list">
    <li id="comment-7" class="comment"><cite class="fn">Ann</cite>
    <div class="comment-meta"><a href="{BASE}comment-page-2/#comment-7">May 1, 2020</a></div>
    <div class="comment-content"><p>First!</p></div></li></ol>
    <a href="{BASE}comment-page-1/#comments">Older Comments</a>
    <a id="cancel-comment-reply-link" href="{BASE}comment-page-2/#respond">Cancel</a></div></body></html>"""
    thread = read_comment_thread(lxml.html.document_fromstring(markup), BASE)
    assert thread.pages == [CommentPageLink(BASE + "comment-page-1/", 1, "older")]
    assert thread.page_number == 2
