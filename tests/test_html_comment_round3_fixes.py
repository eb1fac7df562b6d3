"""Faults a review found in round 3 of the comment rules (docs/comments.md, stop 20), each as the
smallest thread that shows it (failing before its fix), and look-alikes that the fixes must still read as
before (permalinks, avatars, a shown reply block, relatively dated comments). The threads are hand-written
in the shape of WordPress core's comment list (``li.comment`` with ``comment-author vcard``,
``comment-metadata`` and ``comment-content``, or the byline in a ``footer.comment-meta`` after the text,
as Twenty Twenty-One prints it)."""

from __future__ import annotations

from comment_threads import template_thread_of, tree


def _wp_item(number: int, day: int, text: str, tag: str = "li") -> str:
    """A comment ``U{number}`` of WordPress core's shape, in a ``tag`` of class "comment"."""
    return (
        f'<{tag} class="comment" id="comment-{number}"><div class="comment-author vcard">'
        f'<b class="fn">U{number}</b></div><div class="comment-metadata">'
        f'<time datetime="2020-04-{day}">x</time></div>'
        f'<div class="comment-content">{text}</div></{tag}>'
    )


def test_a_mention_that_links_to_the_comment_it_answers_stays_in_the_text():
    page = (
        '<ol class="comment-list">'
        + _wp_item(1, 11, "<p>First comment says something.</p>")
        + _wp_item(2, 12, '<p><a href="#comment-1">@U1</a></p><p>I disagree with you there.</p>')
        + "</ol>"
    )
    texts = [text for _, _, _, text, _ in tree(template_thread_of(page).comments)]
    assert texts == ["First comment says something.", "@U1 I disagree with you there."]


def test_permalinks_that_say_they_are_one_leave_the_text():
    for label in ("Permalink", "#", "#2", "April 12, 2020 at 3:12 pm"):
        page = (
            '<ol class="comment-list">'
            + _wp_item(1, 11, "<p>First comment says something.</p>")
            + _wp_item(2, 12, f'<p><a href="#comment-2">{label}</a></p><p>I disagree with you there.</p>')
            + "</ol>"
        )
        texts = [text for _, _, _, text, _ in tree(template_thread_of(page).comments)]
        assert texts == ["First comment says something.", "I disagree with you there."], label


def _footer_item(number: int, day: int, picture: str) -> str:
    """Twenty Twenty-One's order: the text first, the name and time in a footer after it."""
    return (
        f'<li class="comment" id="comment-{number}"><div class="comment-content"><p>Look at this:</p>'
        f"<p>{picture} it boils.</p></div>"
        '<footer class="comment-meta"><span class="comment-author vcard">'
        f'<b class="fn">Anna{number}</b></span>'
        f'<time datetime="2020-04-{day}">April {day}, 2020</time></footer></li>'
    )


def test_a_picture_in_the_text_before_a_name_in_the_footer_stays():
    picture = '<img src="/kettle.jpg" alt="photo of my kettle">'
    page = (
        '<h2>Comments</h2><ol class="comment-list">'
        + _footer_item(1, 20, picture)
        + _footer_item(2, 21, picture)
    )
    for comment in template_thread_of(page + "</ol>").all_comments():
        assert [block.text for block in comment.blocks] == [
            "Look at this:",
            "it boils.",
            "photo of my kettle",
        ]


def test_the_avatar_before_the_name_leaves_the_text_with_a_byline_word_or_a_date_between():
    for between in ("", "Submitted by", "April 20, 2020"):
        item = (
            '<li class="comment" id="comment-{n}"><div class="comment-head">'
            f'<img src="/a.png" alt="Avatar of U{{n}}">{between} <b class="fn">U{{n}}</b></div>'
            '<div class="comment-metadata"><time datetime="2020-04-20">x</time></div>'
            '<div class="comment-content"><p>The comment says something.</p></div></li>'
        )
        page = '<ol class="comment-list">' + item.format(n=1) + item.format(n=2) + "</ol>"
        comments = template_thread_of(page).all_comments()
        assert [(c.author, [b.text for b in c.blocks]) for c in comments] == [
            (f"U{n}", ["The comment says something."]) for n in (1, 2)
        ], between


def _div_item(number: int) -> str:
    return _wp_item(number, 10 + number, f"<p>Comment number {number} says something.</p>", "div")


def test_a_block_of_more_comments_after_a_comment_holds_no_replies():
    for block in (
        '<div class="more-comments" style="display:none">',
        "<div hidden>",
        '<div class="load-more">',
    ):
        page = (
            f'<div id="comments"><h2>Comments</h2>{_div_item(1)}{_div_item(2)}'
            f"{block}{_div_item(3)}{_div_item(4)}</div></div>"
        )
        assert [
            (author, len(replies)) for _, author, _, _, replies in tree(template_thread_of(page).comments)
        ] == [
            ("U1", 0),
            ("U2", 0),
            ("U3", 0),
            ("U4", 0),
        ], block


def test_a_shown_block_of_comments_after_a_comment_still_holds_its_replies():
    replies = f'<div class="x">{_div_item(2)}</div>'
    page = f'<div id="comments"><h2>Comments</h2>{_div_item(1)}{replies}{_div_item(3)}</div>'
    assert [
        (author, [reply[1] for reply in replies])
        for _, author, _, _, replies in tree(template_thread_of(page).comments)
    ] == [("U1", ["U2"]), ("U3", [])]


def test_a_news_box_with_relative_times_after_a_script_notice_gives_no_thread():
    news = "".join(
        f"<div><p>Storm number {n} reaches the northern coast</p><small>{n} hrs</small></div>"
        for n in (1, 2, 3)
    )
    page = f"<h2>Comments</h2><p>Comments are loaded by a script.</p><div class='news'>{news}</div>"
    assert template_thread_of(page).all_comments() == []


def test_relatively_dated_comments_with_a_name_line_or_a_reply_link_are_still_read():
    named = "".join(
        f"<div><div>U{n}</div><p>Comment number {n} says something.</p><small>{n} hrs</small></div>"
        for n in (1, 2)
    )
    replied = "".join(
        f"<div><p>Comment number {n} says something.</p><small>{n} hrs</small> <a href='#r'>Reply</a></div>"
        for n in (1, 2)
    )
    assert [c.author for c in template_thread_of(f"<h2>Comments</h2><div>{named}</div>").all_comments()] == [
        "U1",
        "U2",
    ]
    assert len(template_thread_of(f"<h2>Comments</h2><div>{replied}</div>").all_comments()) == 2
