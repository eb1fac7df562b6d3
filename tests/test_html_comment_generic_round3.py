"""Comment threads without known markup whose dates are relative ("3 hrs", "vor 2 Tagen", "il y a 3
jours"): the relative date is a comment's date evidence in a comment section, and the comment gets no
date (the time the page was saved is not known), its name by its place and its text without the date.
Round 3 of the generic rules (docs/comments.md, stop 20). Sources:

- Bulma's media object exactly as its documentation prints it (``article.media`` >
  ``figure.media-left``, ``div.media-content`` > ``div.content`` > ``p`` with the name in ``strong``, a
  ``br``, the text and a ``small`` row "Like · Reply · 3 hrs"; bulma.io/documentation/layout/
  media-object/, docs/documentation/layout/media-object.html in jgthms/bulma); MIT.
- A hand-written static thread in the shape static site generators' comment includes take (a ``div``
  per comment: a bare name line, a ``span`` with the time, a paragraph), with relative dates in German
  and French, under "Kommentare".

- A hand-written thread in the shape wpDiscuz 5 prints as a saved page keeps it (a thread block
  ``div#wc-comm-N_P`` holding the comment's own block: a bare name line, the text and a footer with
  "50 Minuten 46 Sekunden her", then an empty block and the form's anchor, then its replies' thread blocks,
  which share the thread block's classes), with every class rewritten to neutral words (the stress runs'
  ``all`` level), under "Kommentare (3)".

- Bootstrap 4's media object (``div.media`` > ``img.mr-3``, ``div.media-body`` with the name in an
  ``h5`` and the text; getbootstrap.com/docs/4.6/components/media-object/, twbs/bootstrap; MIT) with
  no date at all and a "Reply" link after the text, under "2 Comments": undated comments known by the
  picture before their words and the reply link.

Look-alikes that must give no thread, each with relative dates: a news ticker ("2h ago") under its own
heading, a product's reviews under "Reviews (2)", a forum topic's posts under the page's heading, and a
latest-comments block whose items link to comments on other posts.
"""

from __future__ import annotations

import sys
from pathlib import Path

from comment_threads import AL, BEA, CY, bulma, template_thread_of, tree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from corpus_pages import time_limit


def test_bulma_media_objects_with_relative_dates_as_published():
    markup = '<div class="box"><h3 class="title is-4">Comments</h3>'
    markup += bulma("Al", "3 hrs", AL, bulma("Bea", "2h", BEA)) + bulma("Cy", "5 days ago", CY) + "</div>"
    assert tree(template_thread_of(markup).comments) == [
        ("comment", "Al", None, AL, [("comment", "Bea", None, BEA, [])]),
        ("comment", "Cy", None, CY, []),
    ]


def static(name: str, when: str, text: str) -> str:
    return f'<div class="c"><div class="who">{name}</div><span class="t">{when}</span><p>{text}</p></div>'


def test_static_thread_with_german_and_french_relative_dates():
    markup = '<section class="s"><h2>Kommentare</h2>'
    markup += static("Al", "vor 2 Tagen", AL) + static("Bea", "il y a 3 jours", BEA)
    markup += static("Cy", "vor 1 Std.", CY) + "</section>"
    assert tree(template_thread_of(markup).comments) == [
        ("comment", "Al", None, AL, []),
        ("comment", "Bea", None, BEA, []),
        ("comment", "Cy", None, CY, []),
    ]


def thread_block(number: int, parent: int, name: str, when: str, text: str, replies: str = "") -> str:
    return (
        f'<div id="x-{number}_{parent}" class="tb sub"><div class="own"><div class="head">'
        f'<div class="nm">{name}</div></div><div class="tx">{text}</div>'
        f'<div class="ft"><span>0</span><div class="tm">{when}</div>'
        f'</div></div><div class="e"></div><div id="anchor-{number}"></div>{replies}</div>'
    )


def test_thread_blocks_holding_their_comment_then_their_replies():
    markup = "<div><h2>Kommentare (3)</h2><div>"
    markup += thread_block(1, 0, "Al", "50 Minuten 46 Sekunden her", AL, thread_block(2, 1, "Bea", "2h", BEA))
    markup += thread_block(3, 0, "Cy", "1 Stunde 51 Minuten her", CY) + "</div></div>"
    assert tree(template_thread_of(markup).comments) == [
        ("comment", "Al", None, AL, [("comment", "Bea", None, BEA, [])]),
        ("comment", "Cy", None, CY, []),
    ]


def test_a_classed_wrapper_of_comments_stays_a_wrapper():
    def comment(name: str, text: str) -> str:
        return f'<div class="one"><b>{name}</b><span>2h</span><p>{text}</p></div>'

    day = '<div class="day"><div class="lbl">Monday</div>' + comment("Al", AL) + comment("Bea", BEA)
    day += "</div>"
    assert tree(template_thread_of(f"<div><h2>Comments</h2>{day}</div>").comments) == [
        ("comment", "Al", None, AL, []),
        ("comment", "Bea", None, BEA, []),
    ]


def undated(name: str, text: str, link: str = "Reply") -> str:
    return (
        f'<div class="media my-4"><img src="{name}.png" class="mr-3" alt=""><div class="media-body">'
        f'<h5 class="mt-0">{name}</h5><p>{text}</p><a href="#r">{link}</a></div></div>'
    )


def test_undated_comments_known_by_their_picture_and_reply_link():
    markup = "<section><h3>2 Comments</h3>" + undated("Al", AL) + undated("Bea", BEA) + "</section>"
    assert tree(template_thread_of(markup).comments) == [
        ("comment", "Al", None, AL, []),
        ("comment", "Bea", None, BEA, []),
    ]


def test_undated_reviews_and_blocks_with_a_picture_after_their_words_give_no_thread():
    reviews = "<section><h3>Reviews (2)</h3>" + undated("Al", AL) + undated("Bea", BEA)
    figures = "<section><h3>Comments</h3>" + "".join(
        f'<div class="c"><p>{text}</p><img src="{name}.png" alt=""><a href="#r">Reply</a></div>'
        for name, text in (("Al", AL), ("Bea", BEA))
    )
    for page in (reviews + "</section>", figures + "</section>"):
        assert template_thread_of(page).all_comments() == [], page[:60]


def test_look_alikes_with_relative_dates_give_no_thread():
    ticker = "<div><h2>Latest news</h2>" + "".join(
        f'<div class="n"><a href="/n{n}">Headline number {n} of the day</a><span>{n}h ago</span>'
        "<p>A line that sums the news item up.</p></div>"
        for n in (1, 2, 3)
    )
    reviews = "<section><h3>Reviews (2)</h3>" + static("Al", "2 days ago", "Great kettle, boils fast.")
    reviews += static("Bea", "3 days ago", "Too loud for my taste, sadly.") + "</section>"
    topic = "<div><h1>How do I descale a kettle?</h1>" + "".join(
        static(name, "3 years ago", f"{name}'s post in the topic, long enough.") for name in ("Al", "Bea")
    )
    latest = '<div class="latest-comments">' + "".join(
        f'<div class="c"><div class="who">{name}</div><span>2h</span>'
        f'<p>On <a href="/post-{n}/#comment-{n}">Post {n}</a>: the start of what they said.</p></div>'
        for n, name in ((1, "Al"), (2, "Bea"))
    )
    for page in (ticker + "</div>", reviews, topic + "</div>", latest + "</div>"):
        assert template_thread_of(page).all_comments() == [], page[:40]


def test_thousands_of_relatively_dated_comments_read_in_bounded_time():
    row = "".join(f"<span>{n}</span> · " for n in range(3))
    comment = f'<div class="c"><b>Al</b><small>{row}2h</small><p>{AL}</p></div>'
    with time_limit(60):
        assert len(template_thread_of(f"<div><h2>Comments</h2>{comment * 5000}</div>").all_comments()) == 5000
