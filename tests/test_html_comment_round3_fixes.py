"""Faults a review found in round 3 of the comment rules (docs/comments.md, stop 20), each as the
smallest thread that shows it. The threads are hand-written in the shape of WordPress core's comment
list (``li.comment`` with ``comment-author vcard``, ``comment-metadata`` and ``comment-content``, or
the byline in a ``footer.comment-meta`` after the text, as Twenty Twenty-One prints it)."""

from __future__ import annotations

from comment_threads import template_thread_of, tree


def _wp_item(number: int, day: int, text: str) -> str:
    return (
        f'<li class="comment" id="comment-{number}"><div class="comment-author vcard">'
        f'<b class="fn">U{number}</b></div><div class="comment-metadata">'
        f'<time datetime="2020-04-{day}">x</time></div>'
        f'<div class="comment-content">{text}</div></li>'
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
