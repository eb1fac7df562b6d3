"""Comment threads of more CMSs and sites as their templates print them, one synthetic fixture each,
written from the templates' markup (element names, classes, ids, attributes, the order of their parts
and their fixed words); the names and texts are made up. Sources (all read as published by their projects):

- Plone's plone.app.discussion comments viewlet (browser/comments.pt): Plone 4/5 (``div.comment
  replyTreeLevelN`` with the comment's id, ``documentByLine`` "Name says:", ``commentDate``,
  ``commentBody``) and Plone 6 (``div.comment level-N``, ``comment-author`` with a ``small`` date,
  ``comment-body``); flat lists whose classes give each comment's depth from 0; GPL-2.0.
- Serendipity's 2k11 theme (templates/2k11/comments.tpl, trackbacks.tpl, entries.tpl): ``article#cN
  serendipity_comment commentlevel-N`` (depth from 0, flat), "Name on <time>:" in an ``h4``, the
  time of day again in the footer; trackbacks as ``article`` in ``section#trackbacks``; BSD-3-Clause.
- Dotclear's default themes (inc/public/default-templates): mustek's ``div#comments`` ``dl`` of
  ``dt#cN`` ("1. On <date>, <time> by <name>") and ``dd``, pings alike in ``div#pings``; currywurst's
  ``li.comment`` and ``li.ping`` ("From <name> - dd/mm/yyyy, time"); GPL-2.0.
- reddit's old templates (r2/r2/templates/printable.html, comment_skeleton.html, comment.html):
  ``div.thing.comment`` with ``p.tagline`` (``a.author``, score, ``time[datetime]``), the text in a
  ``form.usertext``, replies in ``div.child``'s ``sitetable``; CPAL-1.0.
- K2 for Joomla (components/com_k2/templates/default/item.php: ``ul.itemCommentsList`` items with
  ``commentLink``, ``commentDate``, "posted by" in ``commentAuthorName``, a ``commentToolbar``); GPL-2.0.
- Hacker News item pages (markup only: HN's own templates are not published; as the page is served,
  and as open clones copy it): ``tr.athing.comtr`` rows, the level in ``td.ind``'s ``indent``
  (older pages: its spacer image's width, 40 a level), ``a.hnuser``, ``span.age`` with the time in
  its title, ``commtext``.
- SPIP's forum under articles (squelettes-dist/inc-forum.html: ``ul.forum``, ``li.forum-fil``,
  ``forum-message`` with ``forum-chapo`` (subject, then "date, par <name>" in a ``small``) and
  ``forum-texte`` ending in a ``repondre`` link, replies in a ``ul`` inside the ``li``), and the
  ``crayon forum-qui-N`` class that its ``#EDIT{qui}`` gives the name where the Crayons plugin is on
  (a site's own squelette may put the name elsewhere); GPL-3.0.
- b2evolution's default comment template (skins/_item_comment.inc.php: an ``a#cN`` anchor, then
  ``bComment`` with "Comment from: <name>" in ``bCommentTitle``, ``bCommentText``, the date "@" the
  time in ``bCommentSmallPrint``; trackbacks and pingbacks alike with "Trackback from:"); GPL-2.0.
- Textpattern's comments form (setup/themes/five-point-zero/forms/comment/comments.txp, wrapped by the
  ``comments`` tag in ``ol.comments``): ``article.comments`` with schema.org Comment microdata, the
  name in an ``h4``'s ``comment-author``, ``time[datetime]``, ``itemprop="text"``; GPL-2.0.
- The Disqus WordPress plugin's list for pages without its script (comments.php: ``#dsq-comments``,
  ``li.comment`` with ``dsq-comment-header``'s ``cite``, ``dsq-comment-message``); GPL-2.0. A coverage
  fixture: main reads it already.
"""

from __future__ import annotations

import datetime as dt

from comment_threads import AL_BEA, AL_BEA_REPLY_CY, BASE, D1, D2, D3, assert_thread, undated

# The usual thread under lower-case handles, as reddit and Hacker News print their users' names.
HANDLES: list[tuple] = [
    ("comment", "al", D1, "Al writes.", [("comment", "bea", D2, "Bea.", [])]),
    ("comment", "cy", D3, "Cy writes.", []),
]

# Plone


def plone5(key: str, level: int, name: str, day: int, text: str, linked: bool = True) -> str:
    author = f'<a href="https://example.org/author/{name.lower()}">{name}</a>' if linked else name
    return (
        f'<div class="comment replyTreeLevel{level} state-published" id="{key}">'
        '<div class="commentImage"><img src="defaultUser.png" alt="" class="defaultuserimg" height="32">'
        f'</div><div class="documentByLine">{author} says: '
        f'<div class="commentDate">Apr {day}, 2020 10:15 AM</div></div>'
        f'<div class="commentBody"><p>{text}</p><div class="commentActions"></div></div>'
        '<button class="context reply-to-comment-button hide allowMultiSubmit">Reply</button></div>'
    )


def test_plone_5_flat_comments_nested_by_their_tree_levels():
    markup = (
        '<div id="viewlet-below-content"><div class="discussion showCommenterImage">'
        + plone5("1587377700000001", 0, "Al", 20, "Al writes.")
        + plone5("1587377700000002", 1, "Bea", 21, "Bea.", linked=False)
        + plone5("1587377700000003", 0, "Cy", 22, "Cy writes.")
        + '</div><div id="commenting" class="reply"><fieldset><legend>Add comment</legend>'
        "<p>You can add a comment by filling out the form below.</p></fieldset></div></div>"
    )
    thread = assert_thread(markup, AL_BEA_REPLY_CY)
    assert [c.time for c in thread.all_comments()] == [dt.time(10, 15)] * 3


def plone6(key: str, level: int, name: str, day: int, text: str) -> str:
    return (
        f'<div class="comment level-{level} state-published" id="{key}">'
        '<div class="d-flex flex-row align-items-center mb-3"><div class="comment-image me-3">'
        f'<img alt="{name}" src="defaultUser.png"></div><div class="comment-author">'
        f'\n<span>{name}</span>\n<br>\n<small class="text-muted">Apr {day}, 2020 10:15 AM</small>\n'
        "</div></div>"
        f'<div class="comment-body"><p>{text}</p><div class="d-flex flex-row justify-content-end mb-3">'
        "</div></div>"
        '<button class="context reply-to-comment-button hide allowMultiSubmit btn btn-primary btn-sm">'
        "Reply</button></div>"
    )


def test_plone_6_flat_comments_nested_by_their_levels():
    markup = (
        '<div class="pat-discussion"><div class="discussion">'
        + plone6("1587377700000001", 0, "Al", 20, "Al writes.")
        + plone6("1587377700000002", 1, "Bea", 21, "Bea.")
        + plone6("1587377700000003", 0, "Cy", 22, "Cy writes.")
        + "</div></div>"
    )
    assert_thread(markup, AL_BEA_REPLY_CY)


# Serendipity


def s9y(number: int, level: int, name: str, day: int, text: str) -> str:
    return (
        f'<article id="c{number}" class="serendipity_comment odd commentlevel-{level}">'
        f'<header class="clearfix"><h4><a href="https://{name.lower()}.example">{name}</a> on '
        f'<time datetime="2020-04-{day}T10:15:00+02:00">Monday, April {day}. 2020</time>:</h4></header>'
        f'<div class="serendipity_commentBody clearfix content"><p>{text}</p></div>'
        f'<footer><time>10:15</time> | <a class="comment_source_trace" href="#c{number}" '
        f'title="Link to comment #{number}">#{number}</a> | <a class="comment_reply" '
        f'href="#serendipity_CommentForm" id="serendipity_reply_{number}">Reply</a>'
        f'<div id="serendipity_replyform_{number}"></div></footer></article>'
    )


def test_serendipity_2k11_flat_comments_and_a_trackback():
    markup = (
        '<section id="trackbacks" class="serendipity_comments serendipity_section_trackbacks">'
        '<h3>Trackbacks</h3><div id="trackback_url" class="block_level"><a rel="nofollow" '
        f'href="{BASE}trackback/1">Trackback specific URI for this entry</a></div>'
        '<article id="c4" class="clearfix serendipity_comment odd"><h4><cite>Other Blog</cite> on '
        '<time datetime="2020-04-23T10:15:00+02:00">Thursday, April 23. 2020</time>: '
        '<a href="https://other.example/p/">A linking post</a></h4><details><summary>Preview</summary>'
        '<div class="content serendipity_commentBody">It links here.</div></details></article></section>'
        '<section id="comments" class="serendipity_comments serendipity_section_comments">'
        "<h3>Comments</h3>"
        '<p class="manage_comments">Display comments as <a href="?linear">Linear</a> | Threaded</p>'
        + s9y(1, 0, "Al", 20, "Al writes.")
        + s9y(2, 1, "Bea", 21, "Bea.")
        + s9y(3, 0, "Cy", 22, "Cy writes.")
        + "</section>"
    )
    thread = assert_thread(
        markup,
        [
            ("trackback", "A linking post", dt.date(2020, 4, 23), "It links here.", []),
            *AL_BEA_REPLY_CY,
        ],
    )
    assert thread.comments[0].site == "Other Blog"
    assert [c.time for c in thread.all_comments()] == [dt.time(10, 15)] * 4


# Dotclear


def test_dotclear_mustek_definition_list_with_pings():
    def entry(number: int, order: int, when: str, name: str, text: str, kind: str = "comment") -> str:
        return (
            f'<dt id="c{number}" class=" odd first"><a href="#c{number}" class="{kind}-number">{order}.</a>'
            f" On {when}, 10:15 by {name}</dt>"
            f'<dd class=" odd first"><p>{text}</p></dd>'
        )

    markup = (
        '<div id="comments"><h3>Comments</h3><dl>'
        + entry(
            11, 1, "Monday 20 April 2020", '<a href="https://al.example" rel="nofollow">Al</a>', "Al writes."
        )
        + entry(12, 2, "Tuesday 21 April 2020", "Bea", "Bea.")
        + '</dl></div><div id="pings"><h3>They posted on the same topic</h3><dl>'
        + entry(
            13,
            1,
            "Wednesday 22 April 2020",
            "Other Blog",
            '<a href="https://other.example/p/" rel="nofollow">A linking post</a></p><p>It links here.',
            kind="ping",
        )
        + "</dl></div>"
    )
    thread = assert_thread(
        markup,
        [
            *AL_BEA,
            ("pingback", "A linking post", D3, "It links here.", []),
        ],
    )
    assert [c.time for c in thread.all_comments()] == [dt.time(10, 15)] * 3


def test_dotclear_currywurst_list_with_a_ping():
    def entry(number: int, order: int, day: int, name: str, text: str, kind: str = "comment") -> str:
        return (
            f'<li id="c{number}" class="{kind} odd first"><p class="comment-info">'
            f'<a href="#c{number}" class="comment-number">{order}</a> From {name} - {day}/04/2020, 10:15</p>'
            f'<div class="comment-content"><p>{text}</p></div></li>'
        )

    markup = (
        '<div class="post-feedback"><div class="feedback__comments" id="comments"><h3>3 reactions</h3>'
        '<p id="comments-feed"><a class="feed" href="/feed/atom/comments/1">This post\'s comments feed</a>'
        '</p><ul class="comments-list">'
        + entry(11, 1, 20, '<a href="https://al.example" rel="nofollow">Al</a>', "Al writes.")
        + entry(12, 2, 21, "Bea", "Bea.")
        + entry(
            13,
            3,
            22,
            '<a href="https://other.example/p/" rel="nofollow">Other Blog</a>',
            "<strong>A linking post</strong></p><p>It links here.",
            kind="ping",
        )
        + "</ul></div></div>"
    )
    assert_thread(
        markup,
        [
            *AL_BEA,
            ("pingback", "Other Blog", D3, "A linking post It links here.", []),
        ],
    )


# reddit (old)


def reddit(key: str, name: str, day: int, text: str, replies: str = "") -> str:
    return (
        f'<div class=" thing id-t1_{key} noncollapsed comment " id="thing_t1_{key}" '
        f'onclick="click_thing(this)" data-fullname="t1_{key}" data-type="comment" data-author="{name}">'
        f'<p class="parent"><a name="{key}"></a></p><div class="midcol unvoted">'
        '<div class="arrow up login-required access-required" role="button" aria-label="upvote" '
        'tabindex="0"></div><div class="arrow down login-required access-required" role="button" '
        'aria-label="downvote" tabindex="0"></div></div><div class="entry unvoted">'
        '<div class="collapsed" style="display:none"></div><div class="noncollapsed"><p class="tagline">'
        '<a href="#" class="expand" onclick="return togglecomment(this)">[–]</a>'
        f'<a href="https://old.reddit.com/user/{name}" class="author may-blank id-t2_{key}">{name}</a>'
        '<span class="userattrs"></span> <span class="score dislikes" title="4">4 points</span>'
        '<span class="score unvoted" title="5">5 points</span>'
        '<span class="score likes" title="6">6 points</span> '
        f'<time title="Mon Apr {day} 10:15:00 2020 UTC" datetime="2020-04-{day}T10:15:00+00:00" '
        'class="live-timestamp">2 years ago</time></p>'
        f'<form action="#" class="usertext warn-on-unload" id="form-t1_{key}">'
        f'<input type="hidden" name="thing_id" value="t1_{key}"><div class="usertext-body may-blank-within '
        f'md-container"><div class="md"><p>{text}</p></div></div></form>'
        '<ul class="flat-list buttons"><li class="first">'
        f'<a href="{BASE}{key}/" class="bylink" rel="nofollow">permalink</a></li>'
        '<li><a href="javascript:void(0)" class="save-button">save</a></li>'
        '<li class="reply-button"><a class="access-required" href="javascript:void(0)">reply</a></li>'
        "</ul></div></div>"
        f'<div class="child">{replies}</div><div class="clearleft"></div></div><div class="clearleft"></div>'
    )


def test_old_reddit_things_with_replies_in_their_child_listing():
    replies = f'<div id="siteTable_t1_a1" class="sitetable listing">{reddit("b2", "bea", 21, "Bea.")}</div>'
    markup = (
        '<div class="commentarea"><div class="panestack-title"><span class="title">all 3 comments</span>'
        '</div><div id="siteTable_t3_x" class="sitetable nestedlisting">'
        + reddit("a1", "al", 20, "Al writes.", replies)
        + reddit("c3", "cy", 22, "Cy writes.")
        + "</div></div>"
    )
    assert_thread(markup, HANDLES)


# K2 for Joomla


def test_k2_comment_list_with_posted_by_and_a_toolbar():
    def item(number: int, name: str, weekday: str, day: int, text: str) -> str:
        return (
            '<li class="even"><span class="commentLink">'
            f'<a href="{BASE}#comment{number}" name="comment{number}" id="comment{number}">Comment Link</a>'
            f'</span><img src="u.png" alt="{name}" width="48">'
            f'<span class="commentDate">{weekday}, {day} April 2020 10:15</span>'
            f'<span class="commentAuthorName"> posted by <a href="https://{name.lower()}.example" '
            f'title="{name}" target="_blank" rel="nofollow">{name}</a></span><p>{text}</p>'
            '<span class="commentToolbar"><a data-k2-modal="iframe" href="/index.php?task=report">Report</a>'
            '</span><div class="clr"></div></li>'
        )

    markup = (
        '<a name="itemCommentsAnchor" id="itemCommentsAnchor"></a><div class="itemComments">'
        '<h3 class="itemCommentsCounter"><span>2</span> comments</h3><ul class="itemCommentsList">'
        + item(11, "Al", "Monday", 20, "Al writes.")
        + item(12, "Bea", "Tuesday", 21, "Bea.")
        + '</ul><div class="itemCommentsPagination"><div class="clr"></div></div></div>'
    )
    thread = assert_thread(markup, AL_BEA)
    assert [c.time for c in thread.comments] == [dt.time(10, 15)] * 2
    assert thread.announced == 2


# Hacker News


def hacker_news(key: int, level: int, name: str, day: int, text: str, indent: bool = True) -> str:
    level_mark = f' indent="{level}"' if indent else ""
    return (
        f'<tr class="athing comtr" id="{key}"><td><table border="0"><tbody><tr>'
        f'<td class="ind"{level_mark}><img src="s.gif" height="1" width="{40 * level}"></td>'
        f'<td valign="top" class="votelinks"><center><a id="up_{key}" href="vote?id={key}&amp;how=up">'
        '<div class="votearrow" title="upvote"></div></a></center></td><td class="default">'
        '<div style="margin-top:2px; margin-bottom:-10px;"><span class="comhead">'
        f'<a href="user?id={name}" class="hnuser">{name}</a> '
        f'<span class="age" title="2020-04-{day}T10:15:00"><a href="item?id={key}">2 years ago</a></span> '
        f'<span id="unv_{key}"></span><span class="navs"> | <a href="#{key + 1}" class="clicky" '
        f'aria-hidden="true">next</a> <a class="togg clicky" id="{key}" n="1" href="javascript:void(0)">'
        '[–]</a></span></span></div><br><div class="comment">'
        f'<div class="commtext c00">{text}</div><div class="reply"><p><font size="1"><u>'
        f'<a href="reply?id={key}" rel="nofollow">reply</a></u></font></p></div></div></td></tr></tbody>'
        "</table></td></tr>"
    )


def test_hacker_news_rows_nested_by_their_indent():
    for indent in (True, False):
        markup = (
            '<table class="fatitem"><tr class="athing submission" id="23000"><td class="title">'
            '<span class="titleline"><a href="https://example.org/post/">A post</a></span></td></tr></table>'
            '<table class="comment-tree"><tbody>'
            + hacker_news(23001, 0, "al", 20, "Al writes.", indent)
            + hacker_news(23002, 1, "bea", 21, "Bea.", indent)
            + hacker_news(23003, 0, "cy", 22, "Cy writes.", indent)
            + "</tbody></table>"
        )
        assert_thread(markup, HANDLES)


# SPIP


def spip(number: int, name: str, day: int, text: str, replies: str = "", top: bool = True) -> str:
    thread = f"<ul>{replies}</ul>" if replies else ""
    fil = ' class="forum-fil"' if top else ""
    return (
        f'<li{fil}><div class="forum-message"><div class="forum-chapo">'
        f'<strong class="forum-titre"><a href="#forum{number}" name="forum{number}" id="forum{number}">'
        f"Un sujet</a></strong>\n<small>{day} avril 2020&nbsp;10:15, par <span>{name}</span></small>"
        f'</div><div class="forum-texte"><p>{text}</p><p class="repondre"><a href="/spip.php?page=forum" '
        'rel="noindex nofollow">Répondre à ce message</a></p></div></div>'
        f"{thread}</li>"
    )


def test_spip_forum_under_an_article():
    markup = (
        '<a href="#forum" name="forum" id="forum"></a><h2>3 messages</h2><ul class="forum">'
        + spip(1, "Al", 20, "Al writes.", spip(2, "Bea", 21, "Bea.", top=False))
        + spip(3, "Cy", 22, "Cy writes.")
        + "</ul>"
    )
    thread = assert_thread(markup, AL_BEA_REPLY_CY)
    assert [c.time for c in thread.all_comments()] == [dt.time(10, 15)] * 3


def test_spip_names_in_the_crayons_class_of_a_sites_own_squelette():
    def item(number: int, name: str, text: str) -> str:
        return (
            '<li class="forum-fil"><div class="forum-top">'
            f'<a href="#forum{number}" name="forum{number}" id="forum{number}"><img src="pin.png" alt=""></a>'
            f'<b class="crayon forum-qui-{number} ">{name}</b></div><div class="forum-message">'
            f'<div class="forum-chapo"><p><strong class="crayon forum-titre-{number} forum-titre">Un sujet'
            f'</strong></p></div><div class="crayon forum-texte-{number} forum-texte"><p>{text}</p></div>'
            "</div></li>"
        )

    markup = '<ul class="forum">' + item(1, "Al", "Al writes.") + item(2, "Bea", "Bea.") + "</ul>"
    assert_thread(markup, undated(AL_BEA))


# b2evolution


def b2evo(number: int, kind: str, name: str, day: int, text: str) -> str:
    return (
        f'<a id="c{number}"></a><div class="bComment"><div class="bCommentTitle">'
        f'<a href="{BASE}#c{number}" title="Permanent link to this comment" rel="nofollow">{kind}</a> from: '
        f'<a href="https://{name.lower().replace(" ", "")}.example/" rel="nofollow">{name}</a></div>'
        f'<div class="bCommentText"><p>{text}</p></div><div class="bCommentSmallPrint">'
        f'{day}/04/2020 @ 10:15 <a href="{BASE}?reply_ID={number}#form_p1" class="comment_reply">Reply</a>'
        "</div></div>"
    )


def test_b2evolution_comments_and_a_trackback():
    markup = (
        '<div class="bFeedback"><a id="feedbacks"></a><h4>3 feedbacks</h4>'
        + b2evo(1, "Comment", "Al", 20, "Al writes.")
        + b2evo(2, "Comment", "Bea", 21, "Bea.")
        + b2evo(3, "Trackback", "Other Blog", 22, "It links here.")
        + "</div>"
    )
    thread = assert_thread(
        markup,
        [
            *AL_BEA,
            ("trackback", "Other Blog", D3, "It links here.", []),
        ],
    )
    assert [c.time for c in thread.all_comments()] == [dt.time(10, 15)] * 3


# Disqus's WordPress plugin, without its script


def test_disqus_wordpress_plugins_list_for_pages_without_its_script():
    def item(number: int, name: str, text: str, replies: str = "") -> str:
        return (
            f'<li class="comment even thread-even depth-1" id="dsq-comment-{number}">'
            f'<div id="dsq-comment-header-{number}" class="dsq-comment-header"><cite id="dsq-cite-{number}">'
            f'<span id="dsq-author-user-{number}">{name}</span></cite></div>'
            f'<div id="dsq-comment-body-{number}" class="dsq-comment-body">'
            f'<div id="dsq-comment-message-{number}" class="dsq-comment-message"><p>{text}</p></div></div>'
            f"{replies}</li>"
        )

    markup = (
        '<div id="disqus_thread"><div id="dsq-content"><ul id="dsq-comments">'
        + item(1, "Al", "Al writes.", f'<ul class="children">{item(2, "Bea", "Bea.")}</ul>')
        + item(3, "Cy", "Cy writes.")
        + "</ul></div></div>"
    )
    assert_thread(markup, undated(AL_BEA_REPLY_CY))


# Textpattern


def test_textpattern_comments_form():
    def item(number: int, name: str, day: int, text: str) -> str:
        return (
            '<li><article class="comments" itemscope itemtype="https://schema.org/Comment"><h4>'
            '<span class="comment-author" itemprop="author" itemscope itemtype="https://schema.org/Person">'
            f'<span itemprop="name">{name}</span></span> <span class="comment-anchor" itemprop="url">'
            f'<a href="{BASE}#c{number:06d}">#</a></span></h4><p class="footnote">'
            f'<time datetime="2020-04-{day}T10:15:00Z" itemprop="dateCreated">{day} Apr 2020 (2 years ago)'
            f'</time></p><div itemprop="text"><p>{text}</p></div></article></li>'
        )

    markup = (
        '<section id="comments-head"><h3>Comments</h3></section><ol class="comments">'
        + item(1, "Al", 20, "Al writes.")
        + item(2, "Bea", 21, "Bea.")
        + "</ol>"
    )
    assert_thread(markup, AL_BEA)
