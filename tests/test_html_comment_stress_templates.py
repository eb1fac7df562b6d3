"""Real templates' comment threads read by generic evidence alone: each fixture is read as printed, then
with the class and id words the markup table names rewritten (``benchmarks/comment_neutral.py``, the
stress runs' ``items``, ``table`` and ``all`` levels), and must give the same thread: authors, dates,
texts and nesting. Round 3 of the generic rules (docs/comments.md, stop 20). Sources, markup only (the
names and texts are made up):

- Drupal 8's Bartik comment.html.twig (an empty ``a#comment-N`` anchor, then ``article.comment`` with
  its ``footer.comment__meta``: ``article.profile`` with the picture, ``p.comment__author``,
  ``p.comment__time``, ``p.comment__permalink``), and the ``div.indented`` that Drupal core's
  CommentDefaultFormatter puts around replies, after their comment; Drupal core, GPL-2.0-or-later.
- Drupal 9/10's Olivero comment.html.twig (``article.comment`` with ``comment__picture-wrapper``,
  ``footer.comment__meta`` with ``p.comment__author`` and ``p.comment__time``, ``comment__content``),
  in the ``section.comments`` of Olivero's field--comment.html.twig; Drupal core, GPL-2.0-or-later.
- AMP for WP (ahmedkaludi/accelerated-mobile-pages, templates/design-manager/design-1/elements/
  comments.php and components/comments: "View Comments" over the list, ``li`` items with ``cmt-*``
  classes, replies in ``ul.children``); GPL-2.0-or-later.
- Better AMP's comment list (the ``amp-wp-comments-wrapper`` with its header: the title ``div``
  "Comments ( 3 )" beside an "Add Comment" link, then ``ul.amp-wp-comment-list`` of ``li`` items whose
  ``time.comment-published`` says "3 years"), as in common-repository/amp-wp's Better AMP theme;
  GPL-2.0-or-later.

Its look-alike: a blog index whose teasers each end in a "3 Comments" line without a link, and lists
of dated teasers under it, gives no thread.
"""

from __future__ import annotations

import sys
from pathlib import Path

import lxml.html
import pytest
from comment_threads import AL, ARTICLE, BASE, BEA, CY, amp_for_wp, bartik, better_amp, olivero, tree

from export.readers.html.comments import read_comment_thread

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from comment_neutral import LEVELS, neutralise
from corpus_pages import time_limit

THREADS = {
    "bartik": '<section class="comment-wrapper"><h2 class="comment-section-title">Comments</h2>'
    f'{bartik(0, "Al", 20, AL)}<div class="indented">{bartik(1, "Bea", 21, BEA)}</div>'
    f"{bartik(2, 'Cy', 22, CY)}</section>",
    "olivero": '<section data-drupal-selector="comments" class="comments"><h2 class="comments__title">'
    f'Comments</h2>{olivero(0, "Al", 20, AL)}<div class="indented">{olivero(1, "Bea", 21, BEA)}</div>'
    f"{olivero(2, 'Cy', 22, CY)}</section>",
    "amp_for_wp": '<div class="amp-comments"><div id="comments" class="amp-comments-wrapper">'
    "<h3><span>View Comments</span></h3><ul>"
    + amp_for_wp(0, "Al", 20, AL, f'<ul class="children">{amp_for_wp(1, "Bea", 21, BEA)}</ul>')
    + amp_for_wp(2, "Cy", 22, CY)
    + '</ul></div><div class="amp-comment-button"><a href="/#respond">Leave a Comment</a></div></div>',
    "better_amp": '<div class="amp-wp-comments-wrapper"><div class="amp-wp-comments-header clearfix">'
    '<div class="amp-wp-comments-title strong-label">Comments <span class="counts-label">( 3 )</span>'
    '</div><a href="/p/#respond" class="amp-btn add-comment">Add Comment</a></div>'
    '<ul class="amp-wp-comment-list">'
    + better_amp(0, "Al", AL, f'<ul class="children">{better_amp(1, "Bea", BEA)}</ul>')
    + better_amp(2, "Cy", CY)
    + "</ul></div>",
}


def read(markup: str, level: str | None) -> list[tuple]:
    root = lxml.html.document_fromstring(f"<html><body>{ARTICLE}{markup}</body></html>")
    if level is not None:
        neutralise(root, level)
    return tree(read_comment_thread(root, BASE).comments)


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("template", sorted(THREADS))
def test_a_template_thread_reads_alike_under_every_stress_level(template: str, level: str):
    as_printed = read(THREADS[template], None)
    assert [(c[1], [r[1] for r in c[4]]) for c in as_printed] == [("Al", ["Bea"]), ("Cy", [])]
    assert read(THREADS[template], level) == as_printed


def test_a_count_line_in_teasers_gives_no_thread():
    teaser = (
        '<article><h2><a href="/p">A post</a></h2><ul><li><span>3 days ago</span> A line of the post, '
        "long enough.</li><li><span>4 days ago</span> Another line of the post here.</li></ul>"
        '<div class="meta">3 Comments</div></article>'
    )
    page = f"<main><h1>Blog</h1>{teaser * 3}</main>"
    for level in (None, *LEVELS):
        assert read(page, level) == []


def test_thousands_of_replies_and_deep_count_lines_read_in_bounded_time():
    reply = bartik(1, "Bea", 21, BEA)
    markup = f"<section><h2>Comments</h2>{bartik(0, 'Al', 20, AL)}<div>{reply * 3000}</div>"
    markup += bartik(2, "Cy", 22, CY)
    deep = "<div>Comments (3)" * 3000 + "</div>" * 3000
    with time_limit(60):
        assert [len(comment[4]) for comment in read(markup + "</section>", "all")] == [3000, 0]
        assert read(deep, "all") == []
