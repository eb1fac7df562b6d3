"""Comment threads of Drupal 6 and 7 and Backdrop themes as their templates print them, and Bartik's
(Drupal 8/9) for coverage; one synthetic fixture each, written from the templates' markup (element
names, classes, ids, the order of their parts and their fixed words); the names and texts are made up.
Sources (as published by their projects; GPL-2.0-or-later):

- Drupal 6 core, modules/comment/comment.tpl.php and themes/bluemarine/comment.tpl.php (an ``a#comment-N``
  anchor, then ``div.comment`` with its ``h3`` subject, ``div.submitted`` from
  ``theme_comment_submitted``: "Submitted by <name> on <date>." with the medium date "Mon, 04/20/2020 -
  10:15", ``div.content``, the links; replies in ``div.indented``).
- Drupal 6 and 7 Garland, themes/garland/comment.tpl.php (``span.submitted``: "<date> — <name>", the
  date holding its own dash; Drupal 7's classes ``comment comment-by-anonymous clearfix``).
- Backdrop CMS, core/modules/comment/templates/comment.tpl.php (``article.comment`` whose ``footer``
  holds the permalink and ``p.submitted``, then ``div.content``).
- Drupal 8/9 Bartik, themes/bartik/templates/classy/content/comment.html.twig (``article`` with
  ``data-comment-user-id``, ``comment__meta``'s ``comment__submitted`` and ``comment__time``,
  ``field--name-comment-body`` in ``comment__content``); read before, a coverage fixture.
"""

from __future__ import annotations

from collections.abc import Callable

from comment_threads import AL_BEA_REPLY_CY, assert_thread

Maker = Callable[[int, str, int, str], str]  # a comment's markup from its number, name, day and text


def thread_of_three(comment: Maker) -> str:
    """Al's comment, Bea's reply in Drupal's ``div.indented``, then Cy's."""
    return (
        '<div id="comments"><h2 class="comments">Comments</h2>'
        + comment(1, "Al", 20, "Al writes.")
        + '<div class="indented">'
        + comment(2, "Bea", 21, "Bea.")
        + "</div>"
        + comment(3, "Cy", 22, "Cy writes.")
        + "</div>"
    )


def drupal6(number: int, name: str, day: int, text: str) -> str:
    return (
        f'<a id="comment-{number}"></a><div class="comment odd"><h3 class="title"><a href="/node/1#comment-'
        f'{number}" class="active">{text[:6]}</a></h3><div class="submitted">Submitted by <a href="/user/'
        f'{number}" title="View user profile.">{name}</a> on Mon, 04/{day}/2020 - 10:15.</div>'
        f'<div class="content"><p>{text}</p></div><div class="links">&raquo; <ul class="links">'
        f'<li class="comment_reply first last"><a href="/comment/reply/1/{number}">reply</a></li></ul>'
        "</div></div>"
    )


def test_drupal6_submitted_by_name_on_date_with_a_full_stop():
    assert_thread(thread_of_three(drupal6), AL_BEA_REPLY_CY)


def garland(number: int, name: str, day: int, text: str, classes: str, wrapper: str) -> str:
    return (
        f'<a id="comment-{number}"></a><div class="{classes}"><div class="{wrapper}">'
        f'<span class="submitted">Mon, 04/{day}/2020 - 10:15 — <a href="/user/{number}" '
        f'title="View user profile.">{name}</a></span><h3><a href="/node/1#comment-{number}" '
        f'class="active">{text[:6]}</a></h3><div class="content"><p>{text}</p></div></div>'
        f'<div class="links"><ul class="links"><li class="comment_reply first last">'
        f'<a href="/comment/reply/1/{number}">reply</a></li></ul></div></div>'
    )


def test_garland_date_first_with_a_dash_inside_the_date():
    def drupal6_garland(number: int, name: str, day: int, text: str) -> str:
        return garland(number, name, day, text, "comment odd", "clear-block")

    def drupal7_garland(number: int, name: str, day: int, text: str) -> str:
        return garland(number, name, day, text, "comment comment-by-anonymous clearfix odd", "clearfix")

    assert_thread(thread_of_three(drupal6_garland), AL_BEA_REPLY_CY)
    assert_thread(thread_of_three(drupal7_garland), AL_BEA_REPLY_CY)


def backdrop(number: int, name: str, day: int, text: str) -> str:
    return (
        f'<article class="comment comment-by-anonymous clearfix" id="comment-{number}"><footer>'
        f'<a href="/comment/{number}#comment-{number}" class="permalink" rel="bookmark">Permalink</a>'
        f'<p class="submitted">Submitted by <span>{name}</span> on Mon, 04/{day}/2020 - 10:15</p></footer>'
        f'<div class="content"><p>{text}</p></div><ul class="links"><li class="comment-reply">'
        f'<a href="/comment/reply/1/{number}">Reply</a></li></ul></article>'
    )


def test_backdrop_footer_with_permalink_and_submitted_line():
    assert_thread(thread_of_three(backdrop), AL_BEA_REPLY_CY)


def bartik(number: int, name: str, day: int, text: str) -> str:
    return (
        f'<article data-comment-user-id="{number}" id="comment-{number}" class="comment js-comment '
        f'by-anonymous clearfix" role="article"><span class="hidden" data-comment-timestamp="1587377700">'
        f'</span><header class="comment__meta"><p class="comment__submitted">Submitted by <span>{name}'
        f'</span> on <span>Mon, 04/{day}/2020 - 10:15</span></p><p class="comment__time">Mon, 04/{day}/2020'
        f' - 10:15</p><p class="comment__permalink"><a href="/comment/{number}#comment-{number}">Permalink'
        f'</a></p></header><div class="comment__content"><h3><a href="/comment/{number}#comment-{number}" '
        f'rel="bookmark">{text[:6]}</a></h3><div class="text-formatted field field--name-comment-body '
        f'field__item"><p>{text}</p></div></div></article>'
    )


def test_bartik_coverage():
    assert_thread(thread_of_three(bartik), AL_BEA_REPLY_CY)
