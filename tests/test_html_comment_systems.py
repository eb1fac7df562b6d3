"""Comment threads of more comment systems and themes as their templates print them, one synthetic
fixture each, written from the templates' markup (element names, classes, ids, attributes, the order of
their parts and their fixed words); the names and texts are made up. Sources (as published by their
projects):

- WordPress core, wp-includes/class-walker-comment.php (``Walker_Comment``): the html5 format in the
  ``div`` style (replies nested in their parent's ``div``, no reply list) and the xhtml format
  (``comment()``: ``div#div-comment-N``, ``cite.fn``, "says:", ``comment-meta commentmetadata``, the text
  bare in the body) with its ``ping()`` pingback; GPL-2.0-or-later.
- Twenty Ten, functions.php ``twentyten_comment`` (``li#li-comment-N``, an unclassed ``div#comment-N``,
  ``comment-body``; pingbacks as ``li.post.pingback`` without an id); GPL-2.0-or-later.
- Twenty Eleven, functions.php ``twentyeleven_comment`` (``article#comment-N.comment`` in
  ``li#li-comment-N``, "<name> on <time> said:" in ``comment-author``) and Twenty Twelve, functions.php
  ``twentytwelve_comment`` (``header.comment-meta``'s ``cite b.fn`` and ``time``,
  ``section.comment-content.comment``; pingbacks as a "Pingback:" paragraph); GPL-2.0-or-later.
- GeneratePress, inc/structure/comments.php ``generate_comment`` (``li#comment-N`` holding
  ``article#div-comment-N`` with schema.org Comment microdata, ``cite.fn[itemprop=name]``,
  ``time[itemprop=datePublished]``, ``comment-content[itemprop=text]``); GPL-2.0-or-later.
- Astra, inc/blog/single-blog.php ``astra_theme_comment`` (``article.ast-comment``, the name in
  ``ast-comment-cite-wrap``, ``ast-comment-time``, the text in ``section.ast-comment-content.comment``;
  pingbacks as a bare "Pingback:" paragraph); GPL-2.0-or-later (brainstormforce/astra).
- OceanWP, inc/helpers.php ``oceanwp_comment`` (``li#comment-N.comment-container`` holding
  ``article.comment.comment-body`` with ``comment_class``; an outer ``comment-content`` holding the
  name, the date and an inner ``comment-entry``'s ``comment-content``); GPL-2.0-or-later
  (oceanwp/oceanwp).
- Divi / Elegant Themes, ``et_custom_comments_display`` (``comment_postinfo`` with ``span.fn`` and
  ``comment_date`` "on <date> at <time>", ``comment_area``); GPL-2.0-or-later.
- Newspaper (tagDiv), comments.php ``td_comment`` (``li.comment#comment-N`` > ``article`` > ``footer``
  with a bare ``cite``, ``time`` in ``comment-link``; ``comment-content``; a ``div.comment-meta`` that
  repeats the comment's id around the reply link); GPL-2.0-or-later.
- Jannah/Sahifa (TieLabs), ``tie_custom_comments`` (``li#comment-N`` holding ``div.comment-wrap`` with
  ``comment_class``, ``author-comment``'s ``cite.fn``, ``comment-meta commentmetadata``); GPL-2.0.
- AMP WP (Pixelative), public/partials/*/comment-item.php (``li.comment#comment-N``, ``cite.comment-author``,
  a relative ``time.comment-published``); GPL-2.0-or-later (common-repository/amp-wp).
- Typecho, var/Widget/Comments/Archive.php ``threadedCommentsCallback`` (``li#li-comment-N.comment-body``,
  ``div#comment-N``, ``cite.fn``, ``comment-meta``'s ``time``, ``comment-content``, replies in
  ``div.comment-children``'s ``ol.comment-list``); GPL-2.0.
- HashOver Next, its PHP/JS comment template (``div#cN.hashover-comment``, replies ``cNr1`` in the
  parent with ``hashover-reply``, ``hashover-comment-name``, ``hashover-date-permalink`` with the full date
  in its title, ``hashover-comment-body`` text); AGPL-3.0 (jacobwb/hashover-next).
- Twikoo, src/client/view/components/TkComment.vue (``div.tk-comment#id``, ``tk-nick``, ``tk-time``'s
  ``time[datetime]``, ``tk-content`` opening a reply with "回复 @name :", ``tk-extras`` (system and
  browser), replies in ``tk-replies`` inside the comment); MIT (twikoojs/twikoo).
- Komento for Joomla, themes/*/comment/item.php (``li#kmt-N.kmt-item`` with schema.org Comment
  microdata, a flat list whose ``depth`` attribute gives each comment's level from 0, the name in
  ``author-kmt``'s ``itemprop=name``, ``kmt-text``, a relative date in a ``time[datetime]``); GPL-2.0
  (StackIdeas; as published in saved Joomla pages and its extension packages).
- schema.org Comment microdata as CMSs and hand-made static threads print it (``itemprop="comment"``
  ``itemscope itemtype="https://schema.org/Comment"``, ``itemprop="author"``/``name``,
  ``dateCreated``, ``text``; replies as the parent's own ``comment`` property) in a container whose
  names say nothing of comments, and the older ``UserComments`` type (``creator``, ``commentTime``,
  ``commentText``); schema.org's vocabulary, CC-BY-SA-3.0.
"""

from __future__ import annotations

import datetime as dt

import pytest
from comment_threads import (
    AL_BEA,
    AL_BEA_REPLY_CY,
    BASE,
    D1,
    D3,
    al_bea_reply_cy,
    assert_thread,
    better_amp,
    template_thread_of,
    undated,
)

# WordPress core


def wp_div_html5(number: int, name: str, day: int, text: str, depth: int, children: str = "") -> str:
    return (
        f'<div id="comment-{number}" class="comment even thread-even depth-{depth}">'
        f'<article id="div-comment-{number}" class="comment-body"><footer class="comment-meta">'
        '<div class="comment-author vcard"><img alt="" src="a.png" class="avatar avatar-32 photo">'
        f'<b class="fn">{name}</b> <span class="says">says:</span></div><div class="comment-metadata">'
        f'<a href="{BASE}#comment-{number}"><time datetime="2020-04-{day}T10:15:00+00:00">'
        f"April {day}, 2020 at 10:15 am</time></a></div></footer>"
        f'<div class="comment-content"><p>{text}</p></div><div class="reply">'
        f'<a rel="nofollow" class="comment-reply-link" href="?replytocom={number}#respond">Reply</a></div>'
        f"</article>{children}</div>"
    )


def test_wordpress_html5_div_style_with_replies_nested_in_their_parent():
    markup = (
        '<div id="comments" class="comments-area"><h2 class="comments-title">3 thoughts</h2>'
        '<div class="comment-list">'
        + wp_div_html5(1, "Al", 20, "Al writes.", 1, wp_div_html5(2, "Bea", 21, "Bea.", 2))
        + wp_div_html5(3, "Cy", 22, "Cy writes.", 1)
        + "</div></div>"
    )
    assert_thread(markup, AL_BEA_REPLY_CY)


def wp_xhtml(number: int, name: str, day: int, text: str, depth: int, children: str = "") -> str:
    return (
        f'<li class="comment even thread-even depth-{depth}" id="comment-{number}">'
        f'<div id="div-comment-{number}" class="comment-body"><div class="comment-author vcard">'
        f'<img alt="" src="a.png" class="avatar avatar-32 photo"><cite class="fn">'
        f'<a href="https://{name.lower()}.example/" rel="external nofollow ugc" class="url">{name}</a>'
        "</cite> "
        '<span class="says">says:</span></div>'
        '<div class="comment-meta commentmetadata">'
        f'<a href="{BASE}#comment-{number}">April {day}, 2020 at 10:15 am</a>&nbsp;&nbsp;'
        '<a class="comment-edit-link" href="/wp-admin/c">(Edit)</a></div>'
        f"<p>{text}</p>"
        '<div class="reply"><a rel="nofollow" class="comment-reply-link" '
        f'href="?replytocom={number}#respond">Reply</a></div></div>{children}</li>'
    )


def test_wordpress_xhtml_format_with_a_pingback():
    markup = (
        '<ol class="commentlist">'
        + wp_xhtml(
            1, "Al", 20, "Al writes.", 1, f'<ol class="children">{wp_xhtml(2, "Bea", 21, "Bea.", 2)}</ol>'
        )
        + wp_xhtml(3, "Cy", 22, "Cy writes.", 1)
        + '<li class="pingback even thread-odd depth-1" id="comment-4"><div class="comment-body">'
        'Pingback: <a href="https://other.example/p/" class="url" rel="ugc external nofollow">'
        'A linking post | Other Blog</a> <span class="edit-link"><a class="comment-edit-link" '
        'href="/wp-admin/c">Edit</a></span></div></li></ol>'
    )
    assert_thread(markup, [*AL_BEA_REPLY_CY, ("pingback", "A linking post", None, "", [])])


# WordPress themes


def test_twenty_ten_comments_and_a_pingback_without_an_id():
    def item(number: int, name: str, day: int, text: str, children: str = "") -> str:
        return (
            f'<li class="comment even thread-even depth-1" id="li-comment-{number}">'
            f'<div id="comment-{number}"><div class="comment-author vcard">'
            f'<img alt="" src="a.png" class="avatar avatar-40 photo" height="40" width="40">'
            f'<cite class="fn">{name}</cite> <span class="says">says:</span></div>'
            '<div class="comment-meta commentmetadata">'
            f'<a href="{BASE}#comment-{number}">April {day}, 2020 at 10:15 am</a></div>'
            f'<div class="comment-body"><p>{text}</p></div>'
            f'<div class="reply"><a class="comment-reply-link" href="?replytocom={number}#respond">Reply</a>'
            f"</div></div>{children}</li>"
        )

    markup = (
        '<div id="comments"><h3 id="comments-title">4 Responses to <em>A post</em></h3>'
        '<ol class="commentlist">'
        + item(1, "Al", 20, "Al writes.", f'<ul class="children">{item(2, "Bea", 21, "Bea.")}</ul>')
        + item(3, "Cy", 22, "Cy writes.")
        + '<li class="post pingback"><p>Pingback: <a href="https://other.example/p/" rel="external nofollow" '
        'class="url">A linking post</a><span class="edit-link"><a class="comment-edit-link" href="/e">'
        "(Edit)</a></span></p></li></ol></div>"
    )
    assert_thread(markup, [*AL_BEA_REPLY_CY, ("pingback", "A linking post", None, "", [])])


def test_astra_comments_and_a_pingback():
    def item(number: int, name: str, day: int, text: str, depth: int, children: str = "") -> str:
        return (
            f'<li class="comment even thread-even depth-{depth}" id="li-comment-{number}">'
            f'<article id="comment-{number}" class="ast-comment"><div class="ast-comment-info">'
            '<div class="ast-comment-avatar-wrap"><img alt="" src="a.png" class="avatar avatar-50 photo">'
            '</div><div class="ast-comment-data-wrap"><div class="ast-comment-meta-wrap">'
            '<header class="ast-comment-meta ast-row ast-comment-author vcard capitalize">'
            f'<div class="ast-comment-cite-wrap ast-col-lg-12"><cite><b class="fn">{name}</b> </cite></div>'
            '<div class="ast-comment-time ast-col-lg-12"><span class="timendate">'
            f'<a href="{BASE}#comment-{number}"><time datetime="2020-04-{day}T10:15:00+00:00">'
            f"April {day}, 2020 at 10:15 am</time></a></span></div></header></div></div></div>"
            f'<section class="ast-comment-content comment"><p>{text}</p>'
            '<div class="ast-comment-edit-reply-wrap"><span class="ast-reply-link">'
            f'<a rel="nofollow" class="comment-reply-link" href="?replytocom={number}#respond">Reply</a>'
            f"</span></div></section></article>{children}</li>"
        )

    markup = (
        '<div id="comments" class="comments-area"><div class="comments-count-wrapper">'
        '<h3 class="comments-title">3 thoughts on “A post”</h3></div><ol class="ast-comment-list">'
        + item(1, "Al", 20, "Al writes.", 1, f'<ol class="children">{item(2, "Bea", 21, "Bea.", 2)}</ol>')
        + item(3, "Cy", 22, "Cy writes.", 1)
        + '<li class="pingback even thread-odd depth-1" id="comment-4"><p>Pingback: '
        '<a href="https://other.example/p/" class="url" rel="ugc external nofollow">A linking post</a> '
        '<span class="edit-link"><a class="comment-edit-link" href="/e">(Edit)</a></span></p></li>'
        "</ol></div>"
    )
    assert_thread(markup, [*AL_BEA_REPLY_CY, ("pingback", "A linking post", None, "", [])])


def test_oceanwp_comments_whose_content_block_holds_the_byline():
    def item(number: int, name: str, day: int, text: str, depth: int, children: str = "") -> str:
        return (
            f'<li id="comment-{number}" class="comment-container">'
            f'<article class="comment even thread-even depth-{depth} comment-body">'
            '<img alt="" src="a.png" class="avatar avatar-150 photo">'
            '<div class="comment-content"><div class="comment-author">'
            f'<h3 class="comment-link"><a href="https://{name.lower()}.example/" class="url">{name}</a> </h3>'
            f'<span class="comment-meta commentmetadata"><span class="comment-date">{day} Apr 2020</span>'
            f'<a rel="nofollow" class="comment-reply-link" href="?replytocom={number}#respond">reply</a>'
            '</span></div><div class="clr"></div>'
            f'<div class="comment-entry"><div class="comment-content"><p>{text}</p></div></div></div>'
            f"</article>{children}</li>"
        )

    markup = (
        '<section id="comments" class="comments-area clr has-comments"><div class="comments-title">'
        '<h3>3 Comments</h3></div><ol class="comment-list">'
        + item(1, "Al", 20, "Al writes.", 1, f'<ol class="children">{item(2, "Bea", 21, "Bea.", 2)}</ol>')
        + item(3, "Cy", 22, "Cy writes.", 1)
        + "</ol></section>"
    )
    assert_thread(markup, AL_BEA_REPLY_CY)


def test_divi_comments():
    def item(number: int, name: str, day: int, text: str, depth: int, children: str = "") -> str:
        return (
            f'<li class="comment even thread-even depth-{depth}" id="li-comment-{number}">'
            f'<article id="comment-{number}" class="comment-body clearfix"><div class="comment_avatar">'
            f'<img alt="{name}" src="a.png" class="avatar avatar-80 photo"></div>'
            f'<div class="comment_postinfo"><span class="fn">{name}</span>'
            f'<span class="comment_date">on April {day}, 2020 at 10:15 am</span></div>'
            '<div class="comment_area"><div class="comment-content clearfix">'
            f'<p>{text}</p><span class="reply-container"><a rel="nofollow" class="comment-reply-link" '
            f'href="?replytocom={number}#respond">Reply</a></span></div></div></article>{children}</li>'
        )

    markup = (
        '<section id="comment-wrap"><h1 id="comments" class="page_title">3 Comments</h1>'
        '<ol class="commentlist clearfix">'
        + item(1, "Al", 20, "Al writes.", 1, f'<ul class="children">{item(2, "Bea", 21, "Bea.", 2)}</ul>')
        + item(3, "Cy", 22, "Cy writes.", 1)
        + "</ol></section>"
    )
    assert_thread(markup, AL_BEA_REPLY_CY)


def test_newspaper_comments_whose_reply_block_repeats_the_id():
    def item(number: int, name: str, day: int, text: str, kind: str = "", children: str = "") -> str:
        return (
            f'<li class="comment {kind}" id="comment-{number}"><article><footer>'
            '<img alt="" src="a.png" class="avatar avatar-50 photo">'
            f'<cite><a href="https://{name.lower()}.example/" class="url">{name}</a></cite>'
            f'<a class="comment-link" href="#comment-{number}"><time pubdate="1587377700">'
            f"April {day}, 2020 at 10:15 am</time></a></footer>"
            f'<div class="comment-content tagdiv-type"><p>{text}</p></div>'
            f'<div class="comment-meta" id="comment-{number}"><a rel="nofollow" class="comment-reply-link" '
            f'href="?replytocom={number}#respond">Reply</a></div></article>{children}</li>'
        )

    markup = (
        '<div class="comments" id="comments"><div class="td-comments-title-wrap">'
        '<h4 class="block-title"><span>3 COMMENTS</span></h4></div><ol class="comment-list">'
        + item(1, "Al", 20, "Al writes.", children=f'<ul class="children">{item(2, "Bea", 21, "Bea.")}</ul>')
        + item(3, "Cy", 22, "Cy writes.")
        + "</ol></div>"
    )
    assert_thread(markup, AL_BEA_REPLY_CY)


@pytest.mark.parametrize("reply_after", [False, True])
def test_jannah_comments_in_a_classed_wrapper(reply_after: bool):
    """Jannah's wrapper holds the reply link; with it after the wrapper in the li (``reply_after``), a
    link's words are still none the comment says beside its wrapper."""

    def item(number: int, name: str, day: int, text: str, depth: int, children: str = "") -> str:
        reply = (
            f'<div class="reply"><a class="comment-reply-link" href="?replytocom={number}#respond">Reply</a>'
            "</div>"
        )
        return (
            f'<li id="comment-{number}"><div class="comment even thread-even depth-{depth} comment-wrap">'
            '<div class="comment-avatar"><img alt="" src="a.png" class="avatar avatar-65 photo"></div>'
            '<div class="comment-content"><div class="author-comment">'
            f'<cite class="fn">{name}</cite> <div class="comment-meta commentmetadata">'
            f'<a href="{BASE}#comment-{number}">April {day}, 2020 at 10:15 am</a></div>'
            f'<div class="clear"></div></div><p>{text}</p></div>'
            + ("</div>" + reply if reply_after else reply + "</div>")
            + f"{children}</li>"
        )

    markup = (
        '<div id="comments"><div id="comments-box"><h3 id="comments-title">3 Comments</h3>'
        '<ol class="commentlist">'
        + item(1, "Al", 20, "Al writes.", 1, f'<ul class="children">{item(2, "Bea", 21, "Bea.", 2)}</ul>')
        + item(3, "Cy", 22, "Cy writes.", 1)
        + "</ol></div></div>"
    )
    assert_thread(markup, AL_BEA_REPLY_CY)


def test_amp_wp_comment_items_with_relative_dates():
    markup = (
        '<div class="amp-wp-comments-wrapper"><div class="amp-wp-comments-header clearfix">'
        '<div class="amp-wp-comments-title strong-label">Comments <span class="counts-label">( 3 )</span>'
        '</div><a href="/p/#respond" class="amp-btn add-comment">Add Comment</a></div>'
        '<ul class="amp-wp-comment-list">'
        + better_amp(1, "Al", "Al writes.", f'<ul class="children">{better_amp(2, "Bea", "Bea.")}</ul>')
        + better_amp(3, "Cy", "Cy writes.")
        + "</ul></div>"
    )
    assert_thread(markup, undated(AL_BEA_REPLY_CY))


# Other systems


def test_typecho_threaded_comments():
    def item(number: int, name: str, day: int, text: str, kind: str, children: str = "") -> str:
        return (
            f'<li id="li-comment-{number}" class="comment-body comment-{kind} comment-odd">'
            f'<div id="comment-{number}"><div class="comment-author">'
            f'<img class="avatar" src="a.png" alt="{name}" width="32" height="32">'
            f'<cite class="fn"><a href="https://{name.lower()}.example" rel="external nofollow">{name}</a>'
            '</cite></div><div class="comment-meta">'
            f'<a href="{BASE}#comment-{number}"><time datetime="2020-04-{day}T10:15:00+00:00">'
            f"April {day}th, 2020 at 10:15 am</time></a>"
            f'<span class="comment-reply"><a href="{BASE}?replyTo={number}#respond-post-1" rel="nofollow">'
            f'Reply</a></span></div><div class="comment-content"><p>{text}</p></div></div>{children}</li>'
        )

    markup = (
        '<div id="comments"><h3>3 Comments</h3><ol class="comment-list">'
        + item(
            1,
            "Al",
            20,
            "Al writes.",
            "parent",
            '<div class="comment-children"><ol class="comment-list">'
            + item(2, "Bea", 21, "Bea.", "child")
            + "</ol></div>",
        )
        + item(3, "Cy", 22, "Cy writes.", "parent")
        + "</ol></div>"
    )
    assert_thread(markup, AL_BEA_REPLY_CY)


def test_hashover_comments_as_the_page_was_saved():
    def item(key: str, name: str, day: int, text: str, reply: bool = False, children: str = "") -> str:
        return (
            f'<div id="hashover-{key}" class="hashover-comment{" hashover-reply" if reply else ""}">'
            '<div class="hashover-header"><div class="hashover-avatar-image"></div>'
            f'<span class="hashover-comment-name hashover-name-plain">{name}</span> '
            f'<a href="#hashover-{key}" class="hashover-date-permalink" '
            f'title="Monday, April {day}th, 2020 - 10:15am">April {day}, 2020</a>'
            '</div><div class="hashover-content"><div class="hashover-comment-body">'
            f"<p>{text}</p></div></div>"
            '<div class="hashover-footer"><a href="?hashover-reply=c1#hashover-reply" '
            f'class="hashover-comment-reply">Reply</a></div>{children}</div>'
        )

    markup = (
        '<div id="hashover"><div id="hashover-form-section"><span class="hashover-title">'
        "Post a Comment</span></div>"
        '<div id="hashover-comments-section"><span class="hashover-count">Showing 3 Comments</span>'
        '<div id="hashover-sort-section">'
        + item("c1", "Al", 20, "Al writes.", children=item("c1r1", "Bea", 21, "Bea.", reply=True))
        + item("c2", "Cy", 22, "Cy writes.")
        + "</div></div></div>"
    )
    assert_thread(markup, AL_BEA_REPLY_CY)


def test_hashover_placeholder_of_an_empty_thread_is_no_comment():
    markup = (
        '<div id="hashover"><div id="hashover-comments-section"><span class="hashover-count">'
        'Showing 0 Comments</span><div style="margin: 16px 0px 12px 0px;" class="hashover-comment '
        'hashover-first"><span class="hashover-avatar"><img width="45" height="45" src="first.png"></span>'
        '<div class="hashover-balloon"><b class="hashover-title">Be the first to comment!</b></div></div>'
        "</div></div>"
    )
    assert template_thread_of(markup).all_comments() == []


def test_schema_org_comment_microdata():
    def item(name: str, day: int, text: str, replies: str = "") -> str:
        return (
            '<div itemprop="comment" itemscope itemtype="https://schema.org/Comment" class="entry">'
            '<p class="byline"><span itemprop="author" itemscope itemtype="https://schema.org/Person">'
            f'<span itemprop="name">{name}</span></span>, '
            f'<time itemprop="dateCreated" datetime="2020-04-{day}T10:15">{day}.4.2020, 10:15</time></p>'
            f'<div itemprop="text"><p>{text}</p></div>{replies}</div>'
        )

    markup = '<div class="box"><h2>What readers say</h2>' + al_bea_reply_cy(item) + "</div>"
    thread = assert_thread(markup, AL_BEA_REPLY_CY)
    assert [c.time for c in thread.all_comments()] == [dt.time(10, 15)] * 3


def test_schema_org_user_comments_microdata():
    def item(name: str, day: int, text: str) -> str:
        return (
            '<div itemscope itemtype="http://schema.org/UserComments">'
            f'<span itemprop="creator">{name}</span> '
            f'<time itemprop="commentTime" datetime="2020-04-{day}">{day}.04.2020</time>'
            f'<p itemprop="commentText">{text}</p></div>'
        )

    markup = '<div class="box">' + item("Al", 20, "Al writes.") + item("Cy", 22, "Cy writes.") + "</div>"
    assert_thread(markup, [("comment", "Al", D1, "Al writes.", []), ("comment", "Cy", D3, "Cy writes.", [])])


def test_generatepress_comments_with_schema_microdata_inside_the_list_item():
    def item(number: int, name: str, day: int, text: str, children: str = "") -> str:
        return (
            f'<li id="comment-{number}" class="comment even thread-even depth-1 parent">'
            f'<article class="comment-body" id="div-comment-{number}" itemtype="https://schema.org/Comment" '
            'itemscope><footer class="comment-meta comment-author-info">'
            '<img alt="" src="a.png" class="avatar avatar-50 photo">'
            '<div class="comment-author-info"><div class="comment-author vcard" itemprop="author" '
            f'itemtype="https://schema.org/Person" itemscope><cite itemprop="name" class="fn">{name}</cite>'
            '</div><div class="entry-meta comment-metadata">'
            f'<a href="{BASE}#comment-{number}"><time datetime="2020-04-{day}T10:15:00+00:00" '
            f'itemprop="datePublished">April {day}, 2020 at 10:15 am</time></a></div></div>'
            '<span class="reply"><a rel="nofollow" class="comment-reply-link" '
            f'href="?replytocom={number}#respond">Reply</a></span></footer>'
            f'<div class="comment-content" itemprop="text"><p>{text}</p></div>'
            f"</article>{children}</li>"
        )

    markup = (
        '<div id="comments"><h3 class="comments-title">3 thoughts on “A post”</h3><ol class="comment-list">'
        + item(1, "Al", 20, "Al writes.", f'<ol class="children">{item(2, "Bea", 21, "Bea.")}</ol>')
        + item(3, "Cy", 22, "Cy writes.")
        + "</ol></div>"
    )
    assert_thread(markup, AL_BEA_REPLY_CY)


def test_twikoo_comments_as_the_page_was_saved():
    def item(key: str, name: str, day: int, text: str, reply_to: str = "", replies: str = "") -> str:
        to = f'<span>回复 <a href="#{reply_to}">@{reply_to}</a> :</span>' if reply_to else ""
        return (
            f'<div class="tk-comment" id="{key}"><div class="tk-avatar">'
            '<img class="tk-avatar-img" src="a.png"></div>'
            '<div class="tk-main"><div class="tk-row"><div class="tk-meta">'
            f'<strong class="tk-nick">{name}</strong><small class="tk-time">'
            f'<time datetime="2020-04-{day}T10:15:00.000Z" title="2020/4/{day} 10:15:00">5 年前</time>'
            "</small>"
            '</div><div class="tk-action"><a href="#" class="tk-action-link"><span class="tk-action-icon">'
            '</span><span class="tk-action-count">2</span></a><a href="#" class="tk-action-link">'
            '<span class="tk-action-icon"></span><span class="tk-action-count"></span></a></div></div>'
            f'<div class="tk-content">{to}<span><p>{text}</p></span></div>'
            '<div class="tk-extras"><div class="tk-extra"><span class="tk-icon"></span>&nbsp;Linux</div>'
            '<div class="tk-extra"><span class="tk-icon"></span>&nbsp;Firefox 99.0</div></div>'
            f'<div class="tk-replies">{replies}</div></div></div>'
        )

    markup = (
        '<div id="tcomment" class="twikoo"><div class="tk-comments"><div class="tk-comments-title">'
        '<span class="tk-comments-count">3 条评论</span></div><div class="tk-comments-container">'
        + item("5e9d01", "Al", 20, "Al writes.", replies=item("5e9e02", "Bea", 21, "Bea.", reply_to="Al"))
        + item("5e9f03", "Cy", 22, "Cy writes.")
        + "</div></div></div>"
    )
    thread = assert_thread(markup, AL_BEA_REPLY_CY)
    assert thread.comments[0].replies[0].paragraphs[0].text == "Bea."


def test_twenty_eleven_comments_with_said_after_the_date():
    def item(number: int, name: str, day: int, text: str, children: str = "") -> str:
        return (
            f'<li class="comment even thread-even depth-1" id="li-comment-{number}">'
            f'<article id="comment-{number}" class="comment"><footer class="comment-meta">'
            '<div class="comment-author vcard"><img alt="" src="a.png" class="avatar avatar-68 photo">'
            f'<span class="fn">{name}</span> on <a href="{BASE}#comment-{number}">'
            f'<time datetime="2020-04-{day}T10:15:00+00:00">April {day}, 2020 at 10:15 am</time></a> '
            '<span class="says">said:</span></div></footer>'
            f'<div class="comment-content"><p>{text}</p></div><div class="reply">'
            f'<a class="comment-reply-link" href="?replytocom={number}#respond">Reply <span>↓</span></a>'
            f"</div></article>{children}</li>"
        )

    markup = (
        '<div id="comments"><h2 id="comments-title">3 thoughts on “<span>A post</span>”</h2>'
        '<ol class="commentlist">'
        + item(1, "Al", 20, "Al writes.", f'<ul class="children">{item(2, "Bea", 21, "Bea.")}</ul>')
        + item(3, "Cy", 22, "Cy writes.")
        + "</ol></div>"
    )
    assert_thread(markup, AL_BEA_REPLY_CY)


def test_twenty_twelve_comments_and_a_pingback():
    def item(number: int, name: str, day: int, text: str, children: str = "") -> str:
        return (
            f'<li class="comment even thread-even depth-1" id="li-comment-{number}">'
            f'<article id="comment-{number}" class="comment">'
            '<header class="comment-meta comment-author vcard"><img alt="" src="a.png" class="avatar">'
            f'<cite><b class="fn">{name}</b> </cite><a href="{BASE}#comment-{number}">'
            f'<time datetime="2020-04-{day}T10:15:00+00:00">April {day}, 2020 at 10:15 am</time></a>'
            f'</header><section class="comment-content comment"><p>{text}</p></section>'
            f'<div class="reply"><a class="comment-reply-link" href="?replytocom={number}#respond">Reply</a>'
            f" <span>↓</span></div></article>{children}</li>"
        )

    markup = (
        '<div id="comments" class="comments-area"><h2 class="comments-title">3 thoughts on “A post”</h2>'
        '<ol class="commentlist">'
        + item(1, "Al", 20, "Al writes.", f'<ol class="children">{item(2, "Bea", 21, "Bea.")}</ol>')
        + item(3, "Cy", 22, "Cy writes.")
        + '<li class="pingback even thread-odd depth-1" id="comment-4"><p>Pingback: '
        '<a href="https://other.example/p/" rel="external nofollow" class="url">A linking post</a> '
        '<span class="edit-link"><a class="comment-edit-link" href="/e">(Edit)</a></span></p></li>'
        "</ol></div>"
    )
    assert_thread(markup, [*AL_BEA_REPLY_CY, ("pingback", "A linking post", None, "", [])])


# A thread of one comment without known markup, as disgo prints one (pascalj/disgo, templates/comments.tmpl
# and comment.tmpl, MIT: a ``div.comment`` whose id is not a bare comment number, in ``div.comments``, its
# date a permalink in ``div.date``, then ``div.name``; the text block is a plain ``div.body`` here):
# nothing repeats for the fallback to find.


def lone(name: str, text: str) -> str:
    return (
        '<div class="comment" id="disgo-comment-7"><div class="date"><a href="#disgo-comment-7">'
        f'April 20, 2020 10:15</a></div><div class="name">{name}</div>'
        f'<div class="body"><p>{text}</p></div></div>'
    )


def test_the_one_comment_of_a_comment_section_without_known_markup():
    markup = '<div class="disgo-wrapper"><div class="comments">' + lone("Al", "Al writes.") + "</div></div>"
    assert_thread(markup, [("comment", "Al", D1, "Al writes.", [])])


def test_a_lone_comment_block_outside_a_comment_section_or_saying_there_are_none_is_no_thread():
    assert template_thread_of('<div class="box">' + lone("Al", "Al writes.") + "</div>").all_comments() == []
    for notice in (
        "<p>There are no comments yet.</p>",
        "<p>You must be logged in to post a comment.</p>",
        "Comments are closed.",
        "<h3>Leave a comment</h3><form><p><label>Name</label><input name='n'></p><textarea></textarea>"
        "</form>",
    ):
        page = f'<div id="comments"><div class="comment">{notice}</div></div>'
        assert template_thread_of(page).all_comments() == [], notice


def komento(number: int, parent: int, depth: int, name: str, day: int, text: str) -> str:
    return (
        f'<li id="kmt-{number}" class="kmt-item kmt-comment-item-public kmt-{number} kmt-child-{depth} '
        f'kmt-published" parentid="kmt-{parent}" depth="{depth}" childs="0" published="1" itemscope '
        'itemtype="http://schema.org/Comment">'
        f'<div class="kmt-wrap" style="margin-left: {depth * 30}px !important">'
        '<div class="kmt-avatar" itemprop="creator" itemscope itemtype="http://schema.org/Person">'
        '<a href="/component/komento/profile" itemprop="url">'
        '<img src="a.png" class="avatar" itemprop="image"></a></div>'
        '<div class="kmt-content"><div class="kmt-head">'
        '<span class="author-kmt" itemprop="creator" itemscope itemtype="http://schema.org/Person">'
        f'<span itemprop="name">{name}</span></span><span class="kmt-option float-wrapper"></span></div>'
        '<div class="kmt-body"><i></i>'
        f'<div class="commentText kmt-text" itemprop="text"><p>{text}</p></div>'
        '<span class="commentInfo kmt-info hidden"></span></div>'
        '<div class="kmt-control"><div class="kmt-meta">'
        f'<span class="kmt-time"><i class="fa fa-calendar"></i><time itemprop="dateCreated" '
        f'datetime="2020-04-{day}T10:15:00+00:00"><a class="kmt-timepermalink" href="{BASE}#kmt-{number}" '
        'alt="Permalink" itemprop="url">about 5 years ago</a></time></span></div></div></div></div></li>'
    )


def test_komento_flat_list_nested_by_its_depth_attribute():
    markup = (
        '<div id="section-kmt" class="theme-kuro"><div class="commentTools kmt-comment-tools-wrap">'
        '<h6 class="komento_title"><span>Comments</span></h6></div>'
        '<div class="commentList kmt-list-wrap commentList-11"><ul class="kmt-list reset-child">'
        + komento(1, 0, 0, "Al", 20, "Al writes.")
        + komento(2, 1, 1, "Bea", 21, "Bea.")
        + komento(3, 0, 0, "Cy", 22, "Cy writes.")
        + "</ul></div></div>"
    )
    assert_thread(markup, AL_BEA_REPLY_CY)


def test_a_forum_topics_replies_marked_as_schema_org_comments_stay_the_pages_text():
    """Discourse's crawler view (app/views/topics/show.html.erb, GPL-2.0): the posts after the first bear
    ``itemprop="comment"`` Comment microdata inside the topic's DiscussionForumPosting; like a phpBB
    topic's, they are the page's own text, left to the body reader."""

    def post(number: int, name: str, text: str) -> str:
        comment = ' itemprop="comment" itemscope itemtype="http://schema.org/Comment"' if number > 1 else ""
        return (
            f'<div id="post_{number}"{comment} class="topic-body crawler-post">'
            '<div class="crawler-post-meta">'
            '<span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person">'
            f'<a href="https://forum.example/u/{name}"><span itemprop="name">{name}</span></a></span>'
            '<span class="crawler-post-infos"><time itemprop="datePublished" datetime="2020-04-20T10:15:00Z" '
            'class="post-time">April 20, 2020, 10:15am</time>'
            f'<span itemprop="position">{number}</span></span></div>'
            f'<div class="post" itemprop="text"><p>{text}</p></div></div>'
        )

    markup = (
        '<div itemscope itemtype="http://schema.org/DiscussionForumPosting">'
        + post(1, "al", "Al opens the topic.")
        + post(2, "bea", "Bea answers.")
        + post(3, "cy", "Cy answers too.")
        + "</div>"
    )
    assert template_thread_of(markup).all_comments() == []


def xtd(number: int, name: str, day: int, text: str, level: int, children: str = "") -> str:
    tag = "li" if level == 0 else "div"
    replies = f'<div class="media">{children}</div>' if children else ""
    return (
        f'<{tag} class="media"><a name="c{number}"></a><div class="media-left">'
        '<img src="a.png" class="gravatar"></div><div class="media-body"><div class="comment">'
        f'<h6 class="media-heading">April {day}, 2020, 10:15 a.m.&nbsp;-&nbsp;'
        f'<a href="https://{name.lower()}.example" target="_new">{name}</a>&nbsp;&nbsp;'
        f'<a class="permalink" title="comment permalink" href="/comments/cr/8/1/#c{number}">¶</a>'
        '<div class="pull-right"><a class="mutedlink" href="/comments/flag/1/">'
        '<span class="glyphicon glyphicon-flag" title="flag comment"></span></a></div></h6>'
        f'<p>{text}<br><a class="small mutedlink" href="/comments/reply/{number}/">Reply</a></p></div>'
        f"{replies}</div></{tag}>"
    )


def test_django_comments_xtd_tree_after_its_anchors():
    """django-comments-xtd's comment_tree.html (Bootstrap 3 media objects, BSD-2-Clause): ``li.media``
    (level 0) or ``div.media`` after an ``a[name=cN]`` anchor, "date - name ¶" in the heading, the text
    and a Reply link in one paragraph, replies in a ``div.media`` inside the parent's ``media-body``."""
    markup = (
        '<ul class="media-list">'
        + xtd(1, "Al", 20, "Al writes.", 0, xtd(2, "Bea", 21, "Bea.", 1))
        + xtd(3, "Cy", 22, "Cy writes.", 0)
        + "</ul>"
    )
    assert_thread(markup, AL_BEA_REPLY_CY)


@pytest.mark.parametrize(
    ("tag", "classes", "replies", "thread"),
    [
        ("li", "comment", "ul", '<ol class="comment-list">'),  # a list of its own
        ("div", "comment comment-item", "div", '<div id="comments">'),  # a wrapper that is no list
    ],
)
def test_a_reply_without_an_id_stays_a_reply(tag: str, classes: str, replies: str, thread: str):
    """Where the thread numbers its comments but not their replies, a reply inside its parent, in a list
    or beside the parent's own words, is a reply, not part of the parent (as a wrapper without an id
    that holds all the comment says, OceanWP's article or Jannah's div, is)."""

    def item(number: int, name: str, day: int, text: str, inner: str = "") -> str:
        key = f' id="comment-{number}"' if number else ""
        return (
            f'<{tag} class="{classes}"{key}><span class="comment-author">{name}</span> '
            f'<time datetime="2020-04-{day}">{day}.4.2020</time>'
            f'<div class="comment-content"><p>{text}</p></div>{inner}</{tag}>'
        )

    reply = f'<{replies} class="thread-replies">{item(0, "Bea", 21, "Bea.")}</{replies}>'
    close = "</" + thread[1:].split()[0] + ">"
    markup = thread + item(1, "Al", 20, "Al writes.", reply) + item(3, "Cy", 22, "Cy writes.") + close
    assert_thread(markup, AL_BEA_REPLY_CY)


def test_a_level_too_large_for_a_number_is_none():
    """A stated level that XPath reads as infinite (a depth of 400 digits) is no level, not an error."""
    markup = (
        '<ul class="kmt-list">'
        + komento(1, 0, 0, "Al", 20, "Al writes.")
        + komento(2, 1, 1, "Bea", 21, "Bea.").replace('depth="1"', f'depth="{"9" * 400}"')
        + "</ul>"
    )
    assert_thread(markup, AL_BEA)


def test_a_dated_comment_that_says_there_were_none_yet_is_a_comment():
    """Only an undated block is a script's "no comments yet" placeholder: a commenter may say so too."""
    text = "No comments yet? Then I am the first."
    markup = (
        '<ol class="commentlist">'
        + wp_xhtml(1, "Al", 20, text, 1)
        + wp_xhtml(2, "Bea", 21, "Bea.", 1)
        + "</ol>"
    )
    assert_thread(markup, [("comment", "Al", D1, text, []), AL_BEA[1]])


def test_a_comment_action_is_no_comment():
    """schema.org's CommentAction (an article's potentialAction: the invitation to comment) is another
    type than Comment, whose name it begins with."""
    markup = (
        '<div itemprop="potentialAction" itemscope itemtype="https://schema.org/CommentAction">'
        '<meta itemprop="name" content="Comment"><p>Tell us what you think of this story in the comments '
        "below, 20 April 2020.</p></div>"
    )
    assert template_thread_of(markup).all_comments() == []
