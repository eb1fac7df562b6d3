"""Threads of hosted comment systems and site builders that put them into the page itself, as a saved
page keeps them; one synthetic fixture each, written from the systems' documented or published markup;
the names and texts are made up. Sources:

- Livefyre (Adobe), the comment CSS classes of its customisation guide (AdobeDocs
  experience-manager-livefyre, "Comment CSS": ``fyre-comment-article`` around a whole comment,
  ``fyre-comment-username``, ``fyre-comment-date`` on the "time since posted" element, ``fyre-comment``
  around its text, ``fyre-comment-actions`` with ``fyre-comment-like`` and ``fyre-comment-reply``); the
  full date in the date link's ``title``, as scrapers of Livefyre pages read it. Its reply nesting is not
  documented: the fixture is flat.
- Jimdo's blog comments, as its sites print them and as public PHP templates reproduce them (found in the
  code search corpus by the class ``com-list-noava``; no repository or licence is named there, so only
  the markup's facts are used): ``ul.com-list-noava`` > ``li#commentEntryN.commentstd``, a "#N" number, a
  ``p.com-meta`` with the name in ``strong`` and the date in brackets in ``em``, ``p.commententry``.
"""

from __future__ import annotations

from comment_threads import AL_BEA, D1, D2, D3, assert_thread


def livefyre(number: int, name: str, day: int, text: str) -> str:
    return (
        '<div class="fyre-comment-wrapper">'
        f'<article class="fyre-comment-article fyre-comment-source-5" data-message-id="{number}" '
        f'data-author-id="u{number}@livefyre.com"><header class="fyre-comment-head">'
        f'<a class="fyre-comment-user" data-author-id="u{number}">'
        '<img class="fyre-user-avatar" src="a.jpg"></a>'
        f'<span class="fyre-comment-username">{name}</span><span class="fyre-comment-date">'
        f'<a href="#lf_comment={number}" title="Monday, April {day}, 2020 at 10:15am">6 years ago</a>'
        "</span></header>"
        f'<section class="fyre-comment-body"><div class="fyre-comment"><p>{text}</p></div></section>'
        '<footer class="fyre-comment-footer"><div class="fyre-comment-actions">'
        '<span class="fyre-comment-like"><a class="fyre-comment-like-btn">Like</a></span>'
        '<a class="fyre-comment-reply">Reply</a></div></footer>'
        "</article></div>"
    )


def test_livefyre_comments_as_saved():
    markup = (
        '<div id="livefyre"><div class="fyre"><div class="fyre-stream-content">'
        + livefyre(1, "Al", 20, "Al writes.")
        + livefyre(2, "Bea", 21, "Bea.")
        + livefyre(3, "Cy", 22, "Cy writes.")
        + "</div></div></div>"
    )
    assert_thread(
        markup,
        [
            ("comment", "Al", D1, "Al writes.", []),
            ("comment", "Bea", D2, "Bea.", []),
            ("comment", "Cy", D3, "Cy writes.", []),
        ],
    )


def jimdo(number: int, name: str, date: str, text: str) -> str:
    return (
        f"<li id='commentEntry{number}' class='commentstd clearover'>"
        f"<strong class='number'>#{number}</strong>"
        f"<p class='com-meta'><strong>{name}</strong> <span>(<em>{date}</em>)</span></p>"
        f"<div class='com-edit'></div><p class='commententry'>{text}</p></li>"
    )


def test_jimdo_blog_comments_with_the_number_and_bracketed_date_apart():
    markup = (
        '<div id="commentsModule12"><p class="j-comment-count">Kommentare: <i>2</i></p>'
        '<ul class="com-list-noava" id="commentOutput12">'
        + jimdo(1, "Al", "Montag, 20. April 2020 10:15", "Al writes.")
        + jimdo(2, "Bea", "Tuesday, April 21, 2020 at 11:15 AM", "Bea.")
        + "</ul></div>"
    )
    assert_thread(markup, AL_BEA)
