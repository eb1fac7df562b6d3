"""Comment threads as CMS and theme templates print them, one synthetic fixture each, written from the
templates' markup (element names, classes, ids, attributes and the order of their parts); the words
are made up, no page text is copied. Sources (all read as published by their projects):

- WordPress core ``Walker_Comment`` (wp-includes/class-walker-comment.php: ``html5_comment``,
  ``comment`` for the div style, ``ping``), Twenty Twenty's ``div`` style list, and the comment blocks
  of block themes (wp-includes/blocks: comment-template, comment-author-name, comment-date,
  comment-content, comment-reply-link); GPL-2.0-or-later.
- Neve's ``comment_list_callback`` (inc/views/comments.php: ``li#comment-item-N`` around
  ``article#comment-N``, replies in an ``li.children`` after their comment); GPL-2.0-or-later.
- Genesis framework ``genesis_html5_comment_callback`` (lib/structure/comments.php); GPL-2.0-or-later.
- AMP for WP (accelerated-mobile-pages, components/comments: ``ampforwp_custom_translated_comment``,
  ``cmt-*`` classes in ``.amp-comments-wrapper``); GPL-2.0-or-later.
- Drupal core Olivero's and Classy's comment.html.twig, and the ``div.indented`` that
  CommentDefaultFormatter puts around replies; GPL-2.0-or-later.
- Blogger's threaded comments as its layouts' Blog1 widget prints them (``comment-thread``,
  ``comment-block``, ``cite.user``, ``span.datetime``, ``comment-replies``); markup only.
- JComments for Joomla (tpl_comment.php: ``div#comment-item-N``, ``comment-author``, ``comment-date``,
  ``div#comment-body-N``, vote counts); GPL-2.0.
- Movable Type 4's "Comment Detail" template module and the Typepad/MT 3 footer line
  ("Posted by: … | date"); GPL-2.0 (Movable Type Open Source).
- Minimal Mistakes' staticman comment include (_includes/comment.html); MIT.
- django-contrib-comments' comments/list.html (``dl#comments``, ``dt#cN``: date, then name); BSD-3-Clause.
- django-fluent-comments' comments/comment.html (``div#cN.comment-item``, the name and
  ``span.comment-date`` "on <date>" in one heading, ``comment-text``); Apache-2.0.
- Flasky's _comments.html (Flask-Moment's ``span.flask-moment``); MIT.
- Dreamwidth's site-scheme comment markup (``comment-thread comment-depth-N``, ``div#cmtN``); GPL-2.0.
- Isso's client-rendered comment (isso/js/app/templates: ``isso-comment``, ``isso-follow-up``); MIT.
- Commento's client-rendered card (frontend/js/commento.js: ``commento-card``, ``commento-name``,
  ``commento-timeago`` with the date in its title, ``commento-body``), as a saved page keeps it; MIT.
- wpDiscuz's comment (wpdiscuz/utils/class.WpdiscuzWalker.php: ``wpd-comment``, ``wpd-comment-author``,
  ``wpd-comment-date`` with the date in its title, ``wpd-comment-text``, replies nested); GPL-2.0-or-later.
- Waline's CommentCard (packages/client/src/components/CommentCard.vue: ``wl-card-item``, ``wl-nick``,
  ``wl-time``, ``wl-content``, replies in ``wl-quote``), as a saved page keeps it; GPL-2.0.
- Beautiful Hugo's staticman partial (layouts/partials/staticman-comments.html: ``article.static-comment``
  with a comment-N id, ``comment-author``, ``comment-timestamp``, ``comment-content``); MIT.
- Valine's and Gitalk's client-rendered cards on Hexo blogs (Valine: ``vcard`` with ``vh``, ``vnick``,
  ``vtime``, ``vcontent``, replies in ``vquote``; Gitalk: ``gt-comment``, ``gt-comment-username``,
  ``gt-comment-body``), as a saved page keeps them; GPL-2.0 (Valine), MIT (Gitalk).
- phpBB's prosilver viewtopic_body.html and MediaWiki's DiscussionTools talk markup, for pages whose
  posts are the page itself and stay out of the thread; GPL-2.0.
- LiveJournal's comment leaves as its site scheme prints them (``b-tree-twig-N`` flat threads,
  ``b-leaf comment``, ``b-leaf-username-name``, ``b-leaf-createdtime``, ``b-leaf-article``); markup only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from comment_threads import (
    AL_BEA,
    AL_BEA_REPLY_CY,
    AL_REPLY_BEA,
    BASE,
    D1,
    D2,
    D3,
    amp_for_wp,
    assert_thread,
    olivero,
    template_thread_of,
    wp_html5,
)

# WordPress core


def test_wordpress_html5_list_with_replies_a_pingback_and_a_trackback():
    replies = f'<ol class="children">{wp_html5(2, "Bea", 21, "Bea answers Al.")}</ol>'
    markup = (
        '<div id="comments" class="comments-area"><h2 class="comments-title">4 thoughts on “A post”</h2>'
        '<ol class="comment-list">'
        + wp_html5(1, "Al", 20, "Al writes first.", replies)
        + '<li id="comment-3" class="pingback even thread-odd depth-1"><div class="comment-body">'
        'Pingback: <a href="https://other.example/p/" class="url" rel="ugc external nofollow">'
        'A linking post | Other Blog</a> <span class="edit-link"><a class="comment-edit-link" '
        'href="/wp-admin/c">Edit</a></span></div></li>'
        '<li id="comment-4" class="trackback odd depth-1"><div class="comment-body">'
        'Trackback: <a href="https://third.example/t/" class="url">Tracked | Third</a></div></li>'
        "</ol></div>"
    )
    thread = assert_thread(
        markup,
        [
            ("comment", "Al", D1, "Al writes first.", [("comment", "Bea", D2, "Bea answers Al.", [])]),
            ("pingback", "A linking post", None, "", []),
            ("trackback", "Tracked", None, "", []),
        ],
    )
    assert [c.site for c in thread.comments[1:]] == ["Other Blog", "Third"]
    assert thread.comments[0].time == dt.time(10, 15)


def test_wordpress_div_style_list_with_cite_and_a_meta_line_date():
    """The pre-HTML5 walker: ``cite.fn``, "says:", a meta link "April 20, 2020 at 10:15 am", bare text."""

    def item(number: int, name: str, day: int, text: str, depth: int, children: str = "") -> str:
        return (
            f'<li class="comment byuser depth-{depth}" id="li-comment-{number}">'
            f'<div id="comment-{number}" class="comment-body"><div class="comment-author vcard">'
            f'<img class="avatar" src="a.png" alt=""><cite class="fn">{name}</cite> '
            '<span class="says">says:</span></div><div class="comment-meta commentmetadata">'
            f'<a href="{BASE}#comment-{number}">April {day}, 2020 at 10:15 am</a>&nbsp;&nbsp;'
            f'<a class="comment-edit-link" href="/e">(Edit)</a></div><p>{text}</p>'
            f'<div class="reply"><a class="comment-reply-link" href="?replytocom={number}">Reply</a>'
            f"</div></div>{children}</li>"
        )

    markup = (
        '<ol class="commentlist">'
        + item(
            1, "Al", 20, "Al writes first.", 1, f'<ul class="children">{item(2, "Bea", 21, "Bea.", 2)}</ul>'
        )
        + item(3, "Cy", 22, "Cy writes last.", 1)
        + "</ol>"
    )
    assert_thread(
        markup,
        [
            ("comment", "Al", D1, "Al writes first.", [("comment", "Bea", D2, "Bea.", [])]),
            ("comment", "Cy", D3, "Cy writes last.", []),
        ],
    )


def test_twenty_twenty_div_list_with_div_children():
    def item(number: int, name: str, day: int, text: str, depth: int, children: str = "") -> str:
        return (
            f'<div id="comment-{number}" class="comment even depth-{depth}">'
            f'<article id="div-comment-{number}" class="comment-body"><footer class="comment-meta">'
            '<div class="comment-author vcard"><a href="https://x.example" rel="external nofollow" '
            f'class="url"><img class="avatar" src="a.png" alt=""><span class="fn">{name}</span>'
            '<span class="screen-reader-text says">says:</span></a></div>'
            f'<div class="comment-metadata"><a href="{BASE}#comment-{number}">'
            f'<time datetime="2020-04-{day}T10:15:00+00:00" title="April {day}, 2020 at 10:15 am">'
            f"April {day}, 2020 at 10:15 am</time></a></div></footer>"
            f'<div class="comment-content entry-content"><p>{text}</p></div>'
            '<footer class="comment-footer-meta"><span class="comment-reply">'
            f'<a class="comment-reply-link" href="?replytocom={number}">Reply</a></span></footer>'
            f"</article>{children}</div>"
        )

    markup = (
        '<div class="comments-wrapper section-inner"><div class="comments" id="comments">'
        '<div class="comments-header"><h2 class="comment-reply-title">2 replies on “A post”</h2></div>'
        '<div class="comments-inner">'
        + item(1, "Al", 20, "Al writes.", 1, f'<div class="children">{item(2, "Bea", 21, "Bea.", 2)}</div>')
        + "</div></div></div>"
    )
    thread = assert_thread(markup, AL_REPLY_BEA)
    assert thread.announced == 2


def test_a_block_themes_comment_template():
    def item(number: int, name: str, day: int, text: str, children: str = "") -> str:
        return (
            f'<li id="comment-{number}" class="comment even thread-even depth-1">'
            '<div class="wp-block-columns"><div class="wp-block-column">'
            '<div class="wp-block-avatar"><img class="avatar wp-block-avatar__image" src="a.png" alt="">'
            "</div>"
            f'<div class="wp-block-comment-author-name"><a rel="external nofollow ugc" href="https://x.example">'
            f"{name}</a></div>"
            f'<div class="wp-block-comment-date"><time datetime="2020-04-{day}T10:15:00+00:00">'
            f'<a href="{BASE}#comment-{number}">April {day}, 2020 at 10:15 am</a></time></div>'
            f'<div class="wp-block-comment-content"><p>{text}</p></div>'
            '<div class="wp-block-comment-reply-link"><a class="comment-reply-link" '
            f'href="?replytocom={number}#respond">Reply</a></div></div></div>{children}</li>'
        )

    markup = (
        '<div class="wp-block-comments"><h2 class="wp-block-comments-title">2 responses to “A post”</h2>'
        '<ol class="wp-block-comment-template">'
        + item(1, "Al", 20, "Al writes.", f'<ol class="children">{item(2, "Bea", 21, "Bea.")}</ol>')
        + "</ol></div>"
    )
    assert_thread(markup, AL_REPLY_BEA)


def test_neve_comments_with_replies_in_the_next_list_item():
    def item(number: int, name: str, day: int, text: str) -> str:
        return (
            f'<li class="comment even thread-even depth-1" id="comment-item-{number}">'
            f'<article id="comment-{number}" class="nv-comment-article"><div class="nv-comment-avatar">'
            '<img class="avatar" src="a.png" alt=""></div><div class="comment-content">'
            '<div class="nv-comment-header"><div class="comment-author vcard">'
            f'<span class="fn author"><a href="https://x.example" class="url">{name}</a></span>'
            f'<a href="{BASE}#comment-{number}"><time class="entry-date published" '
            f'datetime="2020-04-{day}T10:15:00+00:00">April {day}, 2020 at 10:15 am</time></a></div>'
            '<div class="edit-reply"><a class="comment-edit-link" href="/e">(Edit)</a>'
            f'<span class="nv-reply-link"><a class="comment-reply-link" href="?replytocom={number}">Reply</a>'
            f'</span></div></div><div class="nv-comment-content comment nv-content-wrap"><p>{text}</p></div>'
            "</div></article></li>"
        )

    markup = (
        '<div id="comments" class="comments-area"><div class="nv-comments-wrap">'
        '<div class="nv-comments-title-wrap">'
        '<h2 class="comments-title">3 thoughts on “A post”</h2></div><ol class="nv-comments-list">'
        + item(1, "Al", 20, "Al writes.")
        + f'<li class="children" role="listitem"><ol>{item(2, "Bea", 21, "Bea.")}</ol></li>'
        + item(3, "Cy", 22, "Cy writes.")
        + "</ol></div></div>"
    )
    assert_thread(markup, AL_BEA_REPLY_CY)


def test_genesis_html5_comments():
    def item(number: int, name: str, day: int, text: str, children: str = "") -> str:
        return (
            f'<li class="comment even thread-even depth-1" id="comment-{number}">'
            '<article itemprop="comment" itemscope itemtype="https://schema.org/Comment">'
            '<header class="comment-header"><p class="comment-author" itemprop="author" itemscope '
            'itemtype="https://schema.org/Person"><img class="avatar" src="a.png" alt="">'
            f'<span class="comment-author-name" itemprop="name">{name}</span> <span class="says">says</span>'
            '</p><p class="comment-meta"><time class="comment-time" '
            f'datetime="2020-04-{day}T10:15:00+00:00" itemprop="datePublished">'
            f'<a class="comment-time-link" href="{BASE}#comment-{number}" itemprop="url">'
            f"April {day}, 2020 at 10:15 am</a></time></p></header>"
            f'<div class="comment-content" itemprop="text"><p>{text}</p></div>'
            f'<div class="comment-reply"><a class="comment-reply-link" href="?replytocom={number}">Reply</a>'
            f"</div></article>{children}</li>"
        )

    markup = (
        '<div class="entry-comments" id="comments"><h3>Comments</h3><ol class="comment-list">'
        + item(1, "Al", 20, "Al writes.", f'<ul class="children">{item(2, "Bea", 21, "Bea.")}</ul>')
        + "</ol></div>"
    )
    assert_thread(markup, AL_REPLY_BEA)


def test_amp_for_wp_comments():
    markup = (
        '<div class="amp-comments"><div id="comments" class="amp-comments-wrapper">'
        "<h3><span>View Comments</span></h3><ul>"
        + amp_for_wp(
            1, "Al", 20, "Al writes.", f'<ul class="children">{amp_for_wp(2, "Bea", 21, "Bea.")}</ul>'
        )
        + amp_for_wp(3, "Cy", 22, "Cy writes.")
        + '</ul></div><div class="amp-comment-button"><a href="/#respond">Leave a Comment</a></div></div>'
    )
    assert_thread(markup, AL_BEA_REPLY_CY)


# Drupal 8/9


def forum_comment(number: int, name: str, day: int, text: str) -> str:
    """An Olivero comment of a forum's comment type: a subject heading, the body in another field."""
    subject = '<h3><a href="/comment/1#comment-1" hreflang="en">A subject</a></h3>'
    field = "field--name-field-remarks field--type-text-long"
    return olivero(number, name, day, text, field, subject, "comment_forum")


def test_drupal_olivero_comments_with_another_body_field_and_indented_replies():
    markup = (
        '<section data-drupal-selector="comments" class="comments"><h2 class="comments__title">Comments</h2>'
        + forum_comment(1, "Al", 20, "Al writes.")
        + f'<div class="indented">{forum_comment(2, "Bea", 21, "Bea.")}</div>'
        + forum_comment(3, "Cy", 22, "Cy writes.")
        + "</section>"
    )
    thread = assert_thread(markup, AL_BEA_REPLY_CY)
    assert [c.time for c in thread.all_comments()] == [dt.time(10, 15)] * 3


def test_drupal_classy_comments_with_a_mark_and_submitted_line():
    def item(number: int, name: str, day: int, text: str) -> str:
        return (
            f'<a id="comment-{number}"></a><article role="article" data-comment-user-id="0" '
            'class="comment js-comment by-anonymous">'
            '<mark class="hidden" data-comment-user-id="0" data-comment-timestamp="1587377700"></mark>'
            '<footer class="comment__meta"><article class="profile"></article>'
            f'<p class="comment__submitted">Submitted by <span>{name}</span> on '
            f"Mon, 04/{day}/2020 - 10:15</p>"
            f'<a href="/comment/{number}#comment-{number}" class="permalink" rel="bookmark">Permalink</a>'
            '</footer><div class="content"><div class="clearfix text-formatted field '
            f'field--name-comment-body field--type-text-long field__item"><p>{text}</p></div>'
            '<ul class="links inline"><li class="comment-reply">'
            f'<a href="/comment/reply/node/1/comment/{number}">Reply</a></li></ul></div></article>'
        )

    markup = (
        '<section class="field field--name-comment field--type-comment">'
        '<h2 class="title comment-form__title">Comments</h2>'
        + item(1, "Al", 20, "Al writes.")
        + f'<div class="indented">{item(2, "Bea", 21, "Bea.")}</div>'
        + "</section>"
    )
    assert_thread(markup, AL_REPLY_BEA)


# Blogger, Movable Type, Typepad


def blogger(number: int, name: str, day: int, text: str, replies: str = "") -> str:
    thread = (
        f'<div class="comment-replies"><div id="c{number}-rt" class="comment-thread inline-thread">'
        f'<span class="thread-toggle thread-expanded"><span class="thread-arrow"></span>'
        f'<span class="thread-count"><a target="_self">Replies</a></span></span>'
        f'<ol id="c{number}-ra" class="thread-chrome thread-expanded"><div>{replies}</div></ol></div></div>'
        if replies
        else ""
    )
    return (
        f'<li class="comment" id="c{number}"><div class="avatar-image-container"><img src="a.png" alt="">'
        f'</div><div class="comment-block"><div class="comment-header"><cite class="user">'
        f'<a href="https://www.blogger.com/profile/{number}" rel="nofollow">{name}</a></cite>'
        '<span class="icon user"></span><span class="datetime secondary-text">'
        f'<a rel="nofollow" href="{BASE}?showComment={number}#c{number}">April {day}, 2020 at 10:15 AM</a>'
        f'</span></div><p class="comment-content">{text}</p>'
        '<span class="comment-actions secondary-text"><a class="comment-reply" target="_self" '
        f'data-comment-id="{number}">Reply</a><span class="item-control blog-admin pid-1">'
        '<a target="_self" href="https://www.blogger.com/delete-comment.g">Delete</a></span></span>'
        f"</div>{thread}</li>"
    )


def test_blogger_threaded_comments():
    markup = (
        '<div class="comments threaded" id="comments"><h4>3 comments:</h4><div class="comments-content">'
        '<div id="comment-holder"><div class="comment-thread toplevel-thread"><ol id="top-ra">'
        + blogger(1, "Al", 20, "Al writes.", blogger(2, "Bea", 21, "Bea."))
        + blogger(3, "Cy", 22, "Cy writes.")
        + "</ol></div></div></div></div>"
    )
    assert_thread(markup, AL_BEA_REPLY_CY)


def test_movable_type_4_comment_detail():
    def item(number: int, name: str, day: int, text: str) -> str:
        return (
            f'<div class="comment" id="comment-{number}"><div class="inner"><div class="comment-header">'
            '<div class="asset-meta"><span class="byline"><span class="vcard author">'
            f'<a title="https://{name.lower()}.example" href="https://{name.lower()}.example">{name}</a>'
            f'</span> | <a href="{BASE}#comment-{number}"><abbr class="published" '
            f'title="2020-04-{day}T10:15:00+00:00">April {day}, 2020 10:15 AM</abbr></a> | '
            f'<a title="Reply" href="javascript:void(0);">Reply</a></span></div></div>'
            f'<div class="comment-content"><p>{text}</p></div></div></div>'
        )

    markup = (
        '<div id="comments" class="comments"><h2 class="comments-header">2 Comments</h2>'
        '<div class="comments-content">'
        + item(1, "Al", 20, "Al writes.")
        + item(2, "Bea", 21, "Bea.")
        + "</div></div>"
    )
    assert_thread(markup, AL_BEA)


def test_jcomments_list():
    def item(number: int, name: str, day: int, text: str) -> str:
        return (
            f'<div class="even" id="comment-item-{number}"><div class="rbox"><div class="rbox_tr">'
            '<div class="rbox_tl"><div class="rbox_t">&nbsp;</div></div></div><div class="rbox_m">'
            '<div class="comment-box usertype-guest"><span class="comments-vote">'
            f'<span id="comment-vote-holder-{number}"><a href="#" class="vote-good" title="Good"></a>'
            '<a href="#" class="vote-poor" title="Poor"></a><span class="vote-none">0</span></span></span>'
            f'<a class="comment-anchor" href="{BASE}#comment-{number}" id="comment-{number}">#{number}</a>'
            f'<span class="comment-author">{name}</span>'
            f'<span class="comment-date">{day}.04.2020 10:15</span>'
            f'<div class="comment-body" id="comment-body-{number}">{text}</div></div>'
            '<div class="clear"></div></div><div class="rbox_br"><div class="rbox_bl"></div></div>'
            "</div></div>"
        )

    markup = (
        '<div id="jc"><div id="comments"><h4>Comments</h4><div id="comments-list" class="comments-list">'
        + item(11, "Al", 20, "Al writes.")
        + item(12, "Bea", 21, "Bea.")
        + "</div></div></div>"
    )
    thread = assert_thread(markup, AL_BEA)
    assert [c.time for c in thread.comments] == [dt.time(10, 15)] * 2


def test_typepad_posted_by_footer():
    def item(number: int, name: str, day: int, text: str) -> str:
        return (
            f'<a id="c{number}"></a><div class="comment" id="comment-{number}">'
            f'<div class="comment-content"><p>{text}</p></div>'
            f'<p class="comment-footer">Posted by: <a href="https://{name.lower()}.example">{name}</a> | '
            f'<a href="{BASE}#comment-{number}">April {day}, 2020 at 10:15 AM</a></p></div>'
        )

    markup = (
        '<div class="comments"><h3 class="comments-header">Comments</h3><div class="comments-content">'
        + item(1, "Al", 20, "Al writes.")
        + item(2, "Bea Line", 21, "Bea.")
        + "</div></div>"
    )
    thread = assert_thread(
        markup,
        [
            ("comment", "Al", D1, "Al writes.", []),
            ("comment", "Bea Line", D2, "Bea.", []),
        ],
    )
    assert [c.time for c in thread.comments] == [dt.time(10, 15)] * 2


# Static sites and small frameworks


def test_minimal_mistakes_staticman_comments():
    def item(number: int, name: str, day: int, text: str) -> str:
        return (
            f'<article id="comment{number}" class="js-comment comment" itemprop="comment" itemscope '
            'itemtype="https://schema.org/Comment"><div class="comment__avatar-wrapper">'
            '<img src="a.png" alt="" class="comment__avatar"></div><div class="comment__content-wrapper">'
            '<h3 class="comment__author" itemprop="author" itemscope itemtype="https://schema.org/Person">'
            f'<span itemprop="name">{name}</span></h3><p class="comment__date">'
            f'<a href="#comment{number}" itemprop="url"><time datetime="2020-04-{day}T10:15:00+00:00" '
            f'itemprop="datePublished">April {day}, 2020 at 10:15 AM</time></a></p>'
            f'<div itemprop="text"><p>{text}</p></div></div></article>'
        )

    markup = (
        '<div class="page__comments"><h4 class="page__comments-title">Comments</h4>'
        '<section id="comments">'
        + item(1, "Al", 20, "Al writes.")
        + item(2, "Bea", 21, "Bea.")
        + "</section></div>"
    )
    assert_thread(markup, AL_BEA)


def test_django_contrib_comments_list():
    """django-contrib-comments prints the date first, then the name: "April 20, 2020, 10:15 a.m. - Al"."""
    markup = (
        '<dl id="comments">'
        '<dt id="c11">April 20, 2020, 10:15 a.m. - Al</dt><dd><p>Al writes.</p></dd>'
        '<dt id="c12">April 21, 2020, 10:15 a.m. - <a href="https://bea.example">Bea</a></dt>'
        "<dd><p>Bea answers.</p></dd></dl>"
    )
    assert_thread(
        markup,
        [
            ("comment", "Al", D1, "Al writes.", []),
            ("comment", "Bea", D2, "Bea answers.", []),
        ],
    )


def test_django_fluent_comments_with_the_date_in_the_name_heading():
    def item(number: int, name: str, day: int, text: str) -> str:
        return (
            f'<li class="comment-wrapper" id="comment-wrapper-{number}"><div id="c{number}" '
            f'class="comment-item"><h4><a href="https://{name.lower()}.example" rel="nofollow">{name}</a> '
            f'<span class="comment-date">on April {day}, 2020, 10:15 a.m.</span></h4>'
            f'<div class="comment-text"><p>{text}</p></div></div></li>'
        )

    markup = (
        '<div id="comments-1" class="comments"><ul class="comment-list-wrapper">'
        + item(1, "Al", 20, "Al writes.")
        + item(2, "Bea", 21, "Bea.")
        + "</ul></div>"
    )
    assert_thread(markup, AL_BEA)


def test_flasky_comments_with_a_flask_moment_date():
    def item(name: str, day: int, text: str) -> str:
        return (
            '<li class="comment"><div class="comment-thumbnail"><a href="/user/x">'
            '<img class="img-rounded profile-thumbnail" src="a.png"></a></div>'
            '<div class="comment-content"><div class="comment-date">'
            f'<span class="flask-moment" data-timestamp="2020-04-{day}T10:15:00Z" data-function="fromNow" '
            f'data-refresh="0" style="display: none">2020-04-{day}T10:15:00Z</span></div>'
            f'<div class="comment-author"><a href="/user/{name}">{name}</a></div>'
            f'<div class="comment-body"><p>{text}</p></div></div></li>'
        )

    markup = f'<ul class="comments">{item("al", 20, "Al writes.")}{item("bea", 21, "Bea.")}</ul>'
    assert_thread(
        markup,
        [
            ("comment", "al", D1, "Al writes.", []),
            ("comment", "bea", D2, "Bea.", []),
        ],
    )


def dreamwidth(number: int, depth: int, name: str, day: int, text: str) -> str:
    return (
        f'<div class="comment-thread comment-depth-odd comment-depth-{depth}"><div class="dwexpcomment">'
        f'<div id="cmt{number}" class="comment comment-depth-{depth}" '
        f'style="margin-left: {25 * (depth - 1)}px">'
        '<div class="inner"><div class="header"><div class="comment-title"><h4 class="comment-title">'
        '(no subject)</h4></div><div class="datetime"><span>'
        f"2020-04-{day} 10:15 am (UTC)</span></div></div>"
        '<div class="contents"><div class="userpic"><img src="u.png" alt=""></div>'
        f'<div class="poster-info"><span class="poster"><span lj:user="{name}" class="ljuser">'
        f'<a href="https://{name}.dreamwidth.org/profile"><img src="user.png" alt="[personal profile] ">'
        f'</a><a href="https://{name}.dreamwidth.org/"><b>{name}</b></a></span></span></div>'
        f'<div class="comment-content" id="cmtbody_{number}">{text}</div></div>'
        '<div class="footer"><div class="inner"><ul class="comment-interaction-links">'
        f'<li class="link commentpermalink"><a href="{BASE}?thread={number}#cmt{number}">Link</a></li>'
        '<li class="link reply"><a href="?replyto=1">Reply</a></li></ul></div></div></div></div></div></div>'
    )


def isso(number: int, name: str, day: int, text: str, replies: str = "") -> str:
    return (
        f'<div class="isso-comment" id="isso-{number}"><div class="isso-avatar"><svg></svg></div>'
        '<div class="isso-text-wrapper"><div class="isso-comment-header" role="meta">'
        f'<a class="isso-author" href="https://{name.lower()}.example" rel="nofollow">{name}</a>'
        f'<span class="isso-spacer">•</span><a class="isso-permalink" href="#isso-{number}">'
        f'<time title="Monday, April {day}, 2020" datetime="2020-04-{day}T10:15:00Z">2 years ago</time></a>'
        '<span class="isso-note"></span></div>'
        f'<div class="isso-text"><p>{text}</p></div><div class="isso-comment-footer">'
        '<span class="isso-votes">0</span><a class="isso-upvote" href="#"></a>'
        '<a class="isso-downvote" href="#"></a><a class="isso-reply" href="#">Reply</a></div>'
        f'<div class="isso-follow-up">{replies}</div></div></div>'
    )


def test_isso_comments_as_the_page_was_saved():
    markup = (
        '<section id="isso-thread"><h4 class="isso-thread-heading">3 Comments</h4><div id="isso-root">'
        + isso(1, "Al", 20, "Al writes.", isso(2, "Bea", 21, "Bea."))
        + isso(3, "Cy", 22, "Cy writes.")
        + "</div></section>"
    )
    assert_thread(markup, AL_BEA_REPLY_CY)


def livejournal(number: int, level: int, name: str, day: int, text: str) -> str:
    return (
        f'<div class="b-tree-twig b-tree-twig-{level}" style="margin-left:{30 * (level - 1)}px" '
        f'data-tid="t{number}"><div id="t{number}" class="b-leaf comment p-comment" '
        f'data-username="{name}" data-full="1"><div class="b-leaf-inner"><div class="b-leaf-header">'
        '<div class="b-leaf-userpic"><span class="b-leaf-userpic-inner"><img src="u.png" alt=""></span>'
        '</div><div class="b-leaf-details"><p class="b-leaf-username"><span class="b-leaf-username-name">'
        f'<span class="ljuser i-ljuser" data-ljuser="{name}"><a href="https://{name}.example/profile">'
        f'<img src="userinfo.svg" alt=""></a><a href="https://{name}.example/"><b>{name}</b></a></span>'
        f'</span></p><p class="b-leaf-meta"><a href="{BASE}?thread={number}#t{number}" '
        f'class="b-leaf-permalink"><span class="b-leaf-createdtime">2020-04-{day} 10:15 am (UTC)</span>'
        f'</a></p></div></div><div class="b-leaf-article">{text}</div><div class="b-leaf-footer">'
        '<ul class="b-leaf-actions"><li class="b-leaf-actions-item b-leaf-actions-reply">'
        f'<a href="{BASE}?replyto={number}">Reply</a></li><li class="b-leaf-actions-item">'
        f'<a href="{BASE}?thread={number}#t{number}">Thread</a></li></ul></div></div></div></div>'
    )


@pytest.mark.parametrize(
    ("opening", "leaf", "closing"),
    [
        pytest.param(
            '<div id="comments"><div class="comment-thread-wrapper">',
            dreamwidth,
            "</div></div>",
            id="dreamwidth",
        ),
        pytest.param(
            '<div id="comments" class="b-tree b-tree-root">', livejournal, "</div>", id="livejournal"
        ),
    ],
)
def test_flat_leaves_nested_by_their_depth_or_twig_levels(
    opening: str, leaf: Callable[[int, int, str, int, str], str], closing: str
) -> None:
    """Dreamwidth's depth classes and LiveJournal's twig levels: the same flat thread, nested alike."""
    markup = (
        opening
        + leaf(1, 1, "alia", 20, "Alia writes.")
        + leaf(2, 2, "bea", 21, "Bea answers.")
        + leaf(3, 1, "cy", 22, "Cy writes.")
        + closing
    )
    assert_thread(
        markup,
        [
            ("comment", "alia", D1, "Alia writes.", [("comment", "bea", D2, "Bea answers.", [])]),
            ("comment", "cy", D3, "Cy writes.", []),
        ],
    )


def commento(key: str, name: str, day: int, text: str, children: str = "") -> str:
    return (
        f'<div id="commento-comment-card-{key}" class="commento-card">'
        f'<div id="commento-comment-header-{key}" class="commento-header">'
        '<div class="commento-options"><button title="Reply" class="commento-option-button '
        'commento-option-reply"></button></div><div class="commento-avatar">A</div>'
        f'<a id="commento-comment-name-{key}" class="commento-name" href="https://x.example" '
        f'rel="nofollow">{name}</a><div class="commento-subtitle"><div class="commento-score">3 points</div>'
        f'<div class="commento-timeago" title="Mon Apr {day} 2020 10:15:00 GMT+0000 (Coordinated '
        'Universal Time)">2 years ago</div></div></div>'
        f'<div id="commento-comment-contents-{key}"><div id="commento-comment-body-{key}" '
        f'class="commento-body"><p>{text}</p></div>'
        f'<div id="commento-comment-children-{key}" class="commento-body">{children}</div></div></div>'
    )


def test_commento_cards_as_the_page_was_saved():
    markup = (
        '<div id="commento" class="commento-root"><div id="commento-comments-area" class="commento-comments">'
        + commento("a1", "Al", 20, "Al writes.", commento("b2", "Bea", 21, "Bea."))
        + commento("c3", "Cy", 22, "Cy writes.")
        + "</div></div>"
    )
    thread = assert_thread(markup, AL_BEA_REPLY_CY)
    assert [c.time for c in thread.all_comments()] == [dt.time(10, 15)] * 3


def wpdiscuz(number: int, parent: int, level: int, name: str, day: int, text: str, replies: str = "") -> str:
    reply = " wpd-reply" if parent else ""
    return (
        f'<div id="wpd-comm-{number}_{parent}" class="comment even depth-{level} wpd-comment{reply} '
        f'wpd_comment_level-{level}"><div class="wpd-comment-wrap wpd-blog-guest">'
        '<div class="wpd-comment-left"><div class="wpd-avatar"><img class="avatar" src="a.png" alt="">'
        f'</div></div><div id="comment-{number}" class="wpd-comment-right"><div class="wpd-comment-header">'
        f'<div class="wpd-comment-author">{name}</div><div class="wpd-space"></div>'
        '<div class="wpd-comment-link wpd-hidden"><span wpd-tooltip="Comment Link"><i class="fas fa-link" '
        f'data-wpd-clipboard="{BASE}#comment-{number}"></i></span></div></div>'
        '<div class="wpd-comment-subheader"><div class="wpd-comment-label" wpd-tooltip="Guest">'
        f'<span>Guest</span></div><div class="wpd-comment-date" title="{day} April, 2020 10:15 am">'
        f'<i class="far fa-clock"></i> 2 years ago</div></div>'
        f'<div class="wpd-comment-text"><p>{text}</p></div><div class="wpd-comment-footer">'
        '<div class="wpd-vote"><div class="wpd-vote-up"></div><div class="wpd-vote-result" title="11">'
        '11</div></div><div class="wpd-reply-button"><span>Reply</span></div></div></div></div>'
        f"{replies}</div>"
    )


def test_wpdiscuz_threads():
    markup = (
        '<div id="comments" class="comments-area"><div id="wpdcom" class="wpdiscuz_unauth">'
        '<div class="wpd-thread-wrapper"><div class="wpd-thread-head"><div class="wpd-thread-info">'
        '<span class="wpdtc">3</span> Comments</div></div><div class="wpd-thread-list">'
        + wpdiscuz(1, 0, 1, "Al", 20, "Al writes.", wpdiscuz(2, 1, 2, "Bea", 21, "Bea."))
        + wpdiscuz(3, 0, 1, "Cy", 22, "Cy writes.")
        + "</div></div></div></div>"
    )
    assert_thread(markup, AL_BEA_REPLY_CY)


def waline(key: str, name: str, day: int, text: str, replies: str = "") -> str:
    quote = f'<div class="wl-quote">{replies}</div>' if replies else ""
    return (
        f'<div id="{key}" class="wl-card-item"><div class="wl-user"><img class="wl-user-avatar" src="a.png" '
        'alt=""></div><div class="wl-card"><div class="wl-head">'
        f'<a class="wl-nick" href="https://x.example" target="_blank" rel="nofollow noreferrer">{name}</a>'
        f'<span class="wl-time">2020-04-{day}</span><button type="button" class="wl-like" title="Like">'
        '3</button><button type="button" class="wl-reply" title="Reply"></button></div>'
        '<div class="wl-meta" aria-hidden="true"><span class="wl-addr">Berlin</span>'
        '<span class="wl-browser">Firefox 99</span><span class="wl-os">Linux</span></div>'
        f'<div class="wl-content"><p>{text}</p></div>{quote}</div></div>'
    )


def test_waline_cards_as_the_page_was_saved():
    markup = (
        '<div id="waline" data-waline><div class="wl-meta-head"><div class="wl-count">'
        '<span class="wl-num">3</span> Comments</div></div><div class="wl-cards">'
        + waline("a1", "Al", 20, "Al writes.", waline("b2", "Bea", 21, "Bea."))
        + waline("c3", "Cy", 22, "Cy writes.")
        + "</div></div>"
    )
    assert_thread(markup, AL_BEA_REPLY_CY)


def test_beautiful_hugo_staticman_comments():
    def item(number: int, name: str, day: int, text: str) -> str:
        return (
            f'<article id="comment-{number}" class="static-comment"><img class="comment-avatar" src="a.png" '
            f'alt=""><h4 class="comment-author"><a rel="external nofollow" href="https://x.example">{name}</a>'
            f'</h4><div class="comment-timestamp"><a href="#comment-{number}" title="Permalink">'
            f'<time datetime="2020-04-{day}T10:15:00Z">Apr {day}, 2020 10:15 UTC</time></a></div>'
            f'<div class="comment-content"><p>{text}</p></div></article>'
        )

    markup = (
        '<section class="staticman-comments post-comment"><h3>Comments</h3><div class="comments">'
        + item(1, "Al", 20, "Al writes.")
        + item(2, "Bea", 21, "Bea.")
        + "</div></section>"
    )
    assert_thread(markup, AL_BEA)


def valine(key: str, name: str, day: int, text: str, replies: str = "") -> str:
    return (
        f'<div class="vcard" id="{key}"><img class="vimg" src="a.png"><div class="vh">'
        f'<div class="vhead"><a class="vnick" rel="nofollow" href="https://x.example">{name}</a>'
        '<span class="vsys">Firefox 99</span><span class="vsys">Linux</span></div>'
        f'<div class="vmeta"><span class="vtime">2020-04-{day}</span><span class="vat">Reply</span></div>'
        f'<div class="vcontent"><p>{text}</p></div><div class="vreply-wrapper"></div>'
        f'<div class="vquote">{replies}</div></div></div>'
    )


def test_valine_cards_as_the_page_was_saved():
    markup = (
        '<div id="vcomments" class="v"><div class="vcount"><span class="vnum">3</span> Comments</div>'
        '<div class="vcards">'
        + valine("a1", "Al", 20, "Al writes.", valine("b2", "Bea", 21, "Bea."))
        + valine("c3", "Cy", 22, "Cy writes.")
        + "</div></div>"
    )
    assert_thread(markup, AL_BEA_REPLY_CY)


def test_gitalk_cards_whose_dates_are_only_relative():
    def item(name: str, text: str) -> str:
        return (
            '<div class="gt-comment"><a class="gt-avatar gt-comment-avatar" href="https://github.com/x">'
            '<img src="a.png" alt="avatar"></a><div class="gt-comment-content">'
            '<div class="gt-comment-header">'
            f'<a class="gt-comment-username" href="https://github.com/{name}">{name}</a>'
            '<span class="gt-comment-text">commented</span><span class="gt-comment-date">2 years ago</span>'
            '<a class="gt-comment-like" title="Like"></a><a class="gt-comment-reply" title="Reply"></a></div>'
            f'<div class="gt-comment-body markdown-body"><p>{text}</p></div></div></div>'
        )

    markup = (
        '<div id="gitalk-container"><div class="gt-container"><div class="gt-meta"><span class="gt-counts">'
        '<a class="gt-link gt-link-counts" href="https://github.com/x/y/issues/1">2</a> comments</span></div>'
        '<div class="gt-comments">' + item("al", "Al writes.") + item("bea", "Bea.") + "</div></div></div>"
    )
    assert_thread(
        markup,
        [
            ("comment", "al", None, "Al writes.", []),
            ("comment", "bea", None, "Bea.", []),
        ],
    )


# Ordinary pages


def test_ordinary_pages_with_look_alike_markup_have_no_thread():
    """A blog's index of posts with comment-count links and author boxes, a definition list, a menu
    with depth classes, a phpBB topic and a MediaWiki talk page (their posts are the page itself)."""
    index = "".join(
        f'<article id="post-{n}" class="post-{n} post type-post hentry"><h2 class="entry-title">'
        f'<a href="/p{n}/">Post {n}</a></h2><div class="entry-meta"><span class="byline"><span '
        f'class="author vcard"><a class="url fn n" href="/author/x/">Writer</a></span></span>'
        f'<time class="entry-date published" datetime="2020-04-20T10:15:00+00:00">April 20, 2020</time>'
        f'</div><div class="entry-summary"><p>The summary of post {n}, a few words long.</p></div>'
        f'<span class="comments-link"><a href="/p{n}/#comments">3 Comments</a></span></article>'
        for n in range(4)
    )
    glossary = (
        '<dl id="terms"><dt id="c1">Cache</dt><dd>A store of answers.</dd>'
        '<dt id="c2">Queue</dt><dd>A line of tasks.</dd></dl>'
    )
    depth_menu = "".join(
        f'<div class="menu-item menu-depth-{d}"><a href="/s{d}">Section {d}</a> and words.</div>'
        for d in (1, 2)
    )
    phpbb = "".join(
        f'<div id="p{n}" class="post has-profile bg2"><div class="inner"><dl class="postprofile" '
        f'id="profile{n}"><dt><a href="/memberlist.php?u={n}" class="username">Member{n}</a></dt></dl>'
        f'<div class="postbody"><div id="post_content{n}"><h3><a href="#p{n}">Re: A topic</a></h3>'
        f'<p class="author"><span class="responsive-hide">by <strong><a class="username">Member{n}</a>'
        f'</strong> » </span><time datetime="2020-04-20T10:15:00+00:00">Mon Apr 20, 2020 10:15 am</time>'
        f'</p><div class="content">The post number {n} of the topic, which is the page itself.</div>'
        f"</div></div></div></div>"
        for n in range(3)
    )
    talk = (
        '<div class="mw-parser-output"><h2>A topic</h2><p><span data-mw-comment-start="" '
        'id="c-Al-20200420101500-A_topic"></span>A remark on the page. <a href="/wiki/User:Al">Al</a> '
        '(<a href="/wiki/User_talk:Al">talk</a>) <a href="#c-Al-20200420101500-A_topic" '
        'class="ext-discussiontools-init-timestamplink">10:15, 20 April 2020 (UTC)</a>'
        '<span data-mw-comment-end="c-Al-20200420101500-A_topic"></span></p></div>'
    )
    for markup in (index, glossary, depth_menu, phpbb, talk):
        assert template_thread_of(markup).all_comments() == [], markup
