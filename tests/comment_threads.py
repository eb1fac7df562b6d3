"""What the comment-reader tests share: a thread read from a fragment of markup, its comments as tuples."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import lxml.html

from export.model import Comment, CommentThread
from export.readers.html.comments import read_comment_thread

BASE = "https://example.org/post/"


def thread_of(markup: str, base_url: str | None = BASE) -> CommentThread:
    """The comment thread of a page whose body is ``markup``."""
    return read_comment_thread(lxml.html.document_fromstring(f"<html><body>{markup}</body></html>"), base_url)


def who_when_what(thread: CommentThread) -> list[tuple]:
    """Each comment's author, date and paragraphs, in reading order."""
    return [(c.author, c.date, [p.text for p in c.paragraphs]) for c in thread.all_comments()]


# Threads as CMS and theme templates print them (the template tests).

ARTICLE = "<article><h1>A post</h1><p>The article's own text, which says enough to be one.</p></article>"
GLUE = ("reply", "antworten", "says", "said", "edit", "permalink", "posted by", "|")


def template_thread_of(markup: str) -> CommentThread:
    """The thread of a page that holds an article, then ``markup``."""
    return thread_of(ARTICLE + markup)


def tree(comments: list[Comment]) -> list[tuple]:
    """Each entry as (kind, author or linking title, date, first words of its text, replies), nested."""
    return [
        (
            c.kind,
            c.author or c.title,
            c.date,
            " ".join(p.text for p in c.paragraphs),
            tree(c.replies),
        )
        for c in comments
    ]


def assert_clean(thread: CommentThread) -> None:
    """No reply, says or edit label glued into a name, and no byline or date left in a comment's text."""
    for comment in thread.all_comments():
        assert not any(word in (comment.author or "").lower() for word in GLUE), comment.author
        for paragraph in comment.paragraphs:
            text = paragraph.text.lower()
            assert not text.startswith(("reply", "antworten", "says")), paragraph.text
            assert comment.date is None or str(comment.date.year) not in text, paragraph.text


D1, D2, D3 = dt.date(2020, 4, 20), dt.date(2020, 4, 21), dt.date(2020, 4, 22)
# The threads most fixtures print: two comments, and one with a reply (followed by another).
AL_BEA: list[tuple] = [("comment", "Al", D1, "Al writes.", []), ("comment", "Bea", D2, "Bea.", [])]
AL_BEA_REPLY_CY: list[tuple] = [
    ("comment", "Al", D1, "Al writes.", [("comment", "Bea", D2, "Bea.", [])]),
    ("comment", "Cy", D3, "Cy writes.", []),
]
AL_REPLY_BEA = AL_BEA_REPLY_CY[:1]  # one comment and its reply
# Texts as long as the section reader wants (comment_fallback.SHORTEST_COMMENT).
AL, BEA, CY = "Al writes a comment.", "Bea answers at length.", "Cy writes another one."


def al_bea_reply_cy(comment: Callable[..., str]) -> str:
    """``AL_BEA_REPLY_CY``'s three comments as ``comment(name, day, text, replies="")`` prints them."""
    return comment("Al", 20, "Al writes.", comment("Bea", 21, "Bea.")) + comment("Cy", 22, "Cy writes.")


def undated(expected: list[tuple]) -> list[tuple]:
    """``expected`` (as ``tree`` gives it) with no date anywhere: a thread that prints none, or none read."""
    return [(kind, who, None, text, undated(replies)) for kind, who, _, text, replies in expected]


def assert_thread(markup: str, expected: list[tuple]) -> CommentThread:
    """The thread read from ``markup``, asserted to be ``expected`` (as ``tree`` gives it) and clean."""
    thread = template_thread_of(markup)
    assert tree(thread.comments) == expected
    assert_clean(thread)
    return thread


def wp_html5(number: int, name: str, day: int, text: str, children: str = "") -> str:
    """A comment as WordPress core's ``Walker_Comment::html5_comment`` prints it in a list (wp-includes/
    class-walker-comment.php; GPL-2.0-or-later), with its ``children`` (a reply list) after it."""
    return (
        f'<li id="comment-{number}" class="comment even thread-even depth-1 parent">'
        f'<article id="div-comment-{number}" class="comment-body"><footer class="comment-meta">'
        '<div class="comment-author vcard"><img alt="" src="a.png" class="avatar avatar-32 photo">'
        f'<b class="fn"><a href="https://{name.lower()}.example/" rel="external nofollow ugc" class="url">'
        f'{name}</a></b> <span class="says">says:</span></div><div class="comment-metadata">'
        f'<a href="{BASE}#comment-{number}"><time datetime="2020-04-{day}T10:15:00+00:00">'
        f"April {day}, 2020 at 10:15 am</time></a>"
        f'<span class="edit-link"><a class="comment-edit-link" href="/wp-admin/c">Edit</a></span></div>'
        f'</footer><div class="comment-content"><p>{text}</p></div><div class="reply">'
        f'<a rel="nofollow" class="comment-reply-link" href="?replytocom={number}#respond">Reply</a></div>'
        f"</article>{children}</li>"
    )


def bartik(number: int, name: str, day: int, text: str) -> str:
    """A comment as Drupal 8's Bartik theme prints it (comment.html.twig; GPL-2.0-or-later): an anchor,
    then the article, no id or js class."""
    return (
        f'<a id="comment-{number}"></a><article data-comment-user-id="0" role="article" '
        'class="comment by-anonymous clearfix">'
        '<span class="hidden" data-comment-timestamp="1587377700"></span>'
        '<footer class="comment__meta"><article class="profile"><img alt="Profile picture"></article>'
        '<p class="comment__author"><span lang="" typeof="schema:Person" property="schema:name">'
        f'{name}</span></p><p class="comment__time">Mon, 04/{day}/2020 - 10:15</p>'
        f'<p class="comment__permalink"><a href="/comment/{number}#comment-{number}">Permalink</a></p>'
        '</footer><div class="comment__content"><div class="field field--name-comment-body">'
        f'<p>{text}</p></div><ul class="links inline"><li class="comment-reply">'
        f'<a href="/comment/reply/node/1/comment/{number}">Reply</a></li></ul></div></article>'
    )


def olivero(
    number: int,
    name: str,
    day: int,
    text: str,
    field: str = "field--name-comment-body",
    subject: str = "",
    comment_type: str = "comment",
) -> str:
    """A comment as Drupal 9/10's Olivero theme prints it (comment.html.twig; GPL-2.0-or-later), its
    body in ``field``, its ``subject`` heading if any, its reply link to a comment of ``comment_type``."""
    return (
        f'<article data-comment-user-id="{number}" id="comment-{number}" class="comment js-comment '
        'comment--level-1" role="article" data-drupal-selector="comment">'
        '<span class="hidden" data-comment-timestamp="1587377700"></span>'
        '<div class="comment__picture-wrapper"><div class="comment__picture"><article class="profile">'
        '<img alt="Profile picture" src="u.png"></article></div></div>'
        '<div class="comment__text-wrapper"><footer class="comment__meta">'
        f'<p class="comment__author"><a href="/user/{number}" lang="" typeof="schema:Person" '
        f'property="schema:name">{name}</a></p>'
        f'<p class="comment__time">Mon, 04/{day}/2020 - 10:15</p></footer>'
        f'<div class="comment__content">{subject}<div class="field {field} field__item"><p>{text}</p>'
        '</div><ul class="links inline comment__links"><li class="comment-reply">'
        f'<a href="/comment/reply/node/1/{comment_type}/{number}">Reply</a></li></ul></div></div></article>'
    )


def amp_for_wp(number: int, name: str, day: int, text: str, children: str = "") -> str:
    """A comment as AMP for WP prints it (accelerated-mobile-pages, components/comments; GPL-2.0-or-later):
    ``cmt-*`` classes, its ``children`` (a reply list) after it."""
    return (
        f'<li id="li-comment-{number}" class="comment even thread-even depth-1">'
        f'<article id="comment-{number}" class="cmt-body"><footer class="cmt-meta">'
        '<amp-img src="a.png" width="44" height="44" layout="fixed" class="cmt-avatar"></amp-img>'
        f'<div class="cmt-author vcard"><b class="fn">{name}</b> <span class="says">says:</span></div>'
        f'<div class="cmt-metadata"><a href="{BASE}comment-{number}/">April {day}, 2020 at 10:15 am</a>'
        "</div></footer>"
        f'<div class="cmt-content"><p>{text}</p></div></article>{children}</li>'
    )


def better_amp(number: int, name: str, text: str, children: str = "") -> str:
    """A comment as Better AMP's comment list prints it (GPL-2.0-or-later): a relative date ("3 years"),
    its ``children`` (a reply list) after it."""
    return (
        f'<li id="comment-{number}" class="comment even thread-even depth-1 parent">'
        '<article class="clearfix"><div class="column-1"><div class="comment-avatar">'
        '<amp-img src="a.png" width="55" height="55" class="avatar"></amp-img></div></div>'
        '<div class="column-2"><header class="comment-meta">'
        f'<cite class="comment-author">{name}</cite><time class="comment-published">3 years</time>'
        f'</header><div class="comment-content"><p>{text}</p></div>'
        '<footer class="comment-footer clearfix"><a rel="nofollow" class="comment-reply-link" '
        f'href="?replytocom={number}#respond"><i class="fa fa-reply"></i> Reply</a></footer></div>'
        f"</article>{children}</li>"
    )


def bulma(name: str, when: str, text: str, replies: str = "") -> str:
    """A comment as Bulma's media object prints it (bulma.io/documentation/layout/media-object/; MIT): the
    name, text and a "Like · Reply · ``when``" row in one paragraph, ``replies`` nested in the content."""
    return (
        '<article class="media"><figure class="media-left"><p class="image is-64x64">'
        '<img src="https://bulma.io/images/placeholders/128x128.png"></p></figure>'
        '<div class="media-content">'
        f'<div class="content"><p><strong>{name}</strong><br>{text}<br><small><a>Like</a> · <a>Reply</a> · '
        f"{when}</small></p></div>{replies}</div></article>"
    )
