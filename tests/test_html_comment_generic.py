"""Comment threads in markups that no row of ``comment_markup.tsv`` names, read by their structure alone
(``comment_fallback.section_items``): repeated dated blocks after a comments heading or in a comment
section, the name by its place, the date as the first date-like text or ``time``. One synthetic fixture
each, written from the framework's published markup (element names, classes and the order of their
parts); the names and texts are made up. Sources:

- Bootstrap 4's media object ("Nesting" example: ``div.media`` > ``img.mr-3`` and ``div.media-body``
  with an ``h5.mt-0`` heading, a nested ``div.media.mt-3`` inside the body; getbootstrap.com/docs/4.6/
  components/media-object/, site/content/docs/4.6/components/media-object.md in twbs/bootstrap); MIT.
- Bulma's media object (``article.media`` > ``figure.media-left`` > ``p.image``, ``div.media-content``
  > ``div.content`` > ``p`` with the name in ``strong``, a ``br``, the text and a ``small`` row
  "Like · Reply · <when>"; nested ``article.media`` in the content; bulma.io/documentation/layout/
  media-object/, docs/documentation/layout/media-object.html in jgthms/bulma); MIT. The example's
  "3 hrs" is written as a date here.
- Flowbite's Tailwind comment section (``section`` > ``div`` with the "Discussion (N)" ``h2`` in a
  ``div.flex``, a ``form``, then ``article`` blocks: a ``footer`` whose ``p.inline-flex`` holds the
  picture and the name, a ``p`` holding ``time[pubdate][datetime][title]``, a settings ``button`` and its
  dropdown ``ul`` (Edit, Remove, Report), the text ``p``, and a ``button`` "Reply"; replies are
  ``article.ml-6`` siblings, not nested; flowbite.com/blocks/publisher/comment-sections/, as reproduced
  in e.g. bakhtiyor-dev/library resources/views/components/comment.blade.php); Flowbite is MIT.
- A hand-written static thread: an ``ol`` of ``li`` with the name in ``cite`` and a ``time``, replies
  in an ``ol`` inside the item (the HTML Living Standard's ``cite`` and ``time`` elements; WHATWG,
  CC BY 4.0). Read before by the dated list after a heading: a coverage fixture.
- A hand-written theme whose name is a bare line (``div``) before its date link, in a section whose id
  says discussion, replies in a list inside the item.
- A hand-written theme that prints the name in a ``span``, a ``br``, and the date as bare text before
  the comment's paragraph (as WordPress theme callbacks that echo ``get_comment_date()`` after the name
  do: ``div.extra-wrap`` in a ``li``), under "3 Comments" in ``div#comments``; fails before the date on
  a line of its own after a line break (round 2). Its look-alike: a news list printed the same way.
- A hand-written thread as a definition list (HTML's ``dl``: each ``dt`` holds the name and a permalink
  with the date, the ``dd`` after it the text; WHATWG, CC BY 4.0), in ``div#comments`` with no heading;
  fails before a ``dt`` was judged with its ``dd`` (round 2). Its look-alike: a dated release list before
  an empty comment section.
- The Epoch comments plugin's thread (CalderaWP's Epoch for WordPress, GPL as a WordPress.org plugin),
  as a saved page prints it: under "There are N comments", each comment a ``div`` with only an id,
  holding an ``article`` with a footer of picture, name link, "·" and dated permalink, the text and a
  reply list, and its replies in ``div.child-of-N`` wrappers after the article; the classes the table
  names rewritten. Fails before a comment with its replies was told from a wrapper by a date of its
  own (round 2). Its look-alike: comments in class-less wrappers, each read once.
- The definition-list thread again with no comments heading and no block whose name says comment (the
  ``table`` and ``all`` stress levels): its dated blocks hold permalinks to this page's comments
  ("#comment-12", WordPress's and Drupal's form), which is the section's evidence; fails before round 2.
  Look-alikes: dated items that link to comments on several other posts (a latest-comments list), and
  dated teasers without such links.
- A hand-written list of comments (``li`` with the name in ``cite > b`` and a dated permalink, as
  WordPress themes print them) holding one short comment ("Danke!", under the 20-character floor); it
  is read where it shares a class with the others and shows a date (round 2). Its look-alike: a short
  dated notice of another class at the list's end.

The Bootstrap, Bulma and Flowbite threads fail on main (no thread, or no names, or the action row and
the dropdown menu in the text); two Bootstrap comments without replies and the plain list were read
before (by the runs under sub-headings, and the dated list after a heading).

Look-alikes that must give no thread: a product's reviews in Bootstrap media blocks under "Reviews", a
blog index of dated teasers with bylines, a forum topic's dated posts under the page's heading.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from comment_threads import (
    AL,
    AL_BEA,
    AL_BEA_REPLY_CY,
    BEA,
    CY,
    D1,
    D2,
    D3,
    al_bea_reply_cy,
    assert_thread,
    bulma,
    template_thread_of,
    tree,
)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from corpus_pages import time_limit

MONTHS = {20: "April 20, 2020", 21: "April 21, 2020", 22: "April 22, 2020"}
# The threads the long texts make.
LONG_REPLY_CY: list[tuple] = [
    ("comment", "Al", D1, AL, [("comment", "Bea", D2, BEA, [])]),
    ("comment", "Cy", D3, CY, []),
]
LONG_FLAT: list[tuple] = [
    ("comment", "Al", D1, AL, []),
    ("comment", "Bea", D2, BEA, []),
    ("comment", "Cy", D3, CY, []),
]


def long_reply_cy(comment: Callable[..., str]) -> str:
    """``LONG_REPLY_CY``'s three comments as ``comment(name, day, text, replies="")`` prints them."""
    return comment("Al", 20, AL, comment("Bea", 21, BEA)) + comment("Cy", 22, CY)


def bootstrap(name: str, day: int, text: str, replies: str = "") -> str:
    return (
        f'<div class="media {"mt-3" if day == 21 else "my-4"}"><img src="{name}.png" class="mr-3" alt="">'
        f'<div class="media-body"><h5 class="mt-0 mb-1">{name}</h5><small class="text-muted">'
        f"{MONTHS[day]} at 10:15 am</small><p>{text}</p>{replies}</div></div>"
    )


def test_bootstrap_media_list_under_a_comments_heading():
    markup = '<section class="mb-5"><h3>3 Comments</h3>'
    markup += al_bea_reply_cy(bootstrap)
    assert_thread(markup + "</section>", AL_BEA_REPLY_CY)


def dated_bulma(name: str, day: int, text: str, replies: str = "") -> str:
    return bulma(name, MONTHS[day], text, replies)


def test_bulma_media_objects_with_name_text_and_action_row_in_one_paragraph():
    markup = '<div class="box"><h3 class="title is-4">Comments</h3>'
    markup += al_bea_reply_cy(dated_bulma)
    assert_thread(markup + "</div>", AL_BEA_REPLY_CY)


def flowbite(name: str, day: int, text: str, reply: bool = False) -> str:
    return (
        f'<article class="p-6 {"mb-3 ml-6 lg:ml-12" if reply else "mb-3"} text-base bg-white rounded-lg">'
        '<footer class="flex justify-between items-center mb-2"><div class="flex items-center">'
        '<p class="inline-flex items-center mr-3 text-sm text-gray-900 font-semibold">'
        f'<img class="mr-2 w-6 h-6 rounded-full" src="{name}.jpg" alt="{name}">{name}</p>'
        '<p class="text-sm text-gray-600">'
        f'<time pubdate datetime="2020-04-{day}" title="April {day}th, 2020">'
        f"Apr. {day}, 2020</time></p></div>"
        f'<button id="dropdown{name}" data-dropdown-toggle="d{name}" class="inline-flex items-center p-2" '
        'type="button"><svg class="w-4 h-4"></svg><span class="sr-only">Comment settings</span></button>'
        f'<div id="d{name}" class="hidden z-10 w-36"><ul class="py-1 text-sm"><li><a href="#" class="block">'
        'Edit</a></li><li><a href="#" class="block">Remove</a></li><li><a href="#" class="block">Report</a>'
        f'</li></ul></div></footer><p class="text-gray-500">{text}</p>'
        '<div class="flex items-center mt-4 space-x-4">'
        '<button type="button" class="flex items-center text-sm">'
        "<svg></svg>Reply</button></div></article>"
    )


def test_flowbite_tailwind_articles_after_a_discussion_heading():
    markup = (
        '<section class="bg-white py-8 lg:py-16"><div class="max-w-2xl mx-auto px-4">'
        '<div class="flex justify-between items-center mb-6"><h2 class="text-lg lg:text-2xl font-bold">'
        'Discussion (3)</h2></div><form class="mb-6"><div class="py-2 px-4 mb-4">'
        '<label for="c" class="sr-only">'
        'Your comment</label><textarea id="c" rows="6" placeholder="Write a comment..."></textarea></div>'
        '<button type="submit">Post comment</button></form>'
        + flowbite("Al", 20, "Al writes.")
        + flowbite("Bea", 21, "Bea.", reply=True)
        + flowbite("Cy", 22, "Cy writes.")
        + "</div></section>"
    )
    flat = [
        ("comment", "Al", D1, "Al writes.", []),
        ("comment", "Bea", D2, "Bea.", []),
        ("comment", "Cy", D3, "Cy writes.", []),
    ]
    assert_thread(markup, flat)  # the markup gives a reply only its indentation


def plain(name: str, day: int, text: str, replies: str = "") -> str:
    nested = f"<ol>{replies}</ol>" if replies else ""
    when = f'<time datetime="2020-04-{day}">{day} April 2020</time>'
    return f"<li><cite>{name}</cite> {when}<p>{text}</p>{nested}</li>"


def test_plain_ordered_list_with_cite_and_time():
    markup = "<h2>Comments</h2><ol>" + al_bea_reply_cy(plain)
    assert_thread(markup + "</ol>", AL_BEA_REPLY_CY)


def test_two_bootstrap_comments_without_replies():
    markup = "<div><h4>Comments</h4>" + bootstrap("Al", 20, "Al writes.") + bootstrap("Bea", 22, "Bea.")
    assert_thread(
        markup + "</div>", [(*AL_BEA[0][:2], D1, *AL_BEA[0][3:]), (*AL_BEA[1][:2], D3, *AL_BEA[1][3:])]
    )


def test_look_alikes_give_no_thread():
    reviews = "<section><h3>Reviews (2)</h3>" + bootstrap("Al", 20, "Great kettle, boils fast.")
    reviews += bootstrap("Bea", 21, "Too loud for my taste.") + "</section>"
    index = (
        "<main><h1>Blog</h1>"
        + "".join(
            f'<article><h2><a href="/p{day}">Post number {day}</a></h2><p class="byline">By <strong>Al'
            f'</strong> on <time datetime="2020-04-{day}">{MONTHS[day]}</time></p><p>The opening '
            f'words of the post, which go on for a while.</p><a href="/p{day}#comments">3 Comments</a>'
            "</article>"
            for day in (20, 21, 22)
        )
        + "</main>"
    )
    topic = (
        '<div class="topic"><h1>How do I descale a kettle?</h1>'
        + "".join(
            f'<div class="post"><div class="author"><strong>{name}</strong></div>'
            f'<div class="when">{MONTHS[day]}</div>'
            f"<p>{name}'s post in the topic, long enough to be one.</p></div>"
            for name, day in (("Al", 20), ("Bea", 21), ("Cy", 22))
        )
        + "</div>"
    )
    for page in (reviews, index, topic):
        assert template_thread_of(page).all_comments() == [], page[:40]


def bare_line(name: str, day: int, text: str, replies: str = "") -> str:
    nested = f'<ul class="kids">{replies}</ul>' if replies else ""
    return (
        f'<li class="entry"><div class="box"><div class="head"><div class="who">{name}</div>'
        f'<div class="when"><a href="#c{day}">{day}. April 2020</a></div></div>'
        f'<div class="body"><p>{text}</p></div></div>'
        f"{nested}</li>"
    )


def test_name_as_a_bare_line_before_the_date_link():
    markup = '<div id="discussion"><ol class="entries">'
    markup += long_reply_cy(bare_line)
    assert_thread(markup + "</ol></div>", LONG_REPLY_CY)


def test_a_bold_first_word_of_an_unnamed_comment_is_no_name():
    def unnamed(day: int, text: str) -> str:
        return bootstrap("Al", day, text).replace('<h5 class="mt-0 mb-1">Al</h5>', "")

    markup = '<section class="mb-5"><h3>3 Comments</h3>' + bootstrap("Al", 20, "Al writes a comment here.")
    markup += unnamed(21, "<strong>Great</strong> point, Al, and well made.")
    markup += bootstrap("Cy", 22, "Cy writes another one.") + "</section>"
    thread = tree(template_thread_of(markup).comments)
    assert [(author, text) for _, author, _, text, _ in thread] == [
        ("Al", "Al writes a comment here."),
        (None, "Great point, Al, and well made."),
        ("Cy", "Cy writes another one."),
    ]


def bare_date(name: str, day: int, text: str, replies: str = "") -> str:
    nested = f'<ul class="children">{replies}</ul>' if replies else ""
    return (
        f'<li><div class="clearfix"><div class="wrapper"><div class="pic"><img src="{name}.png" alt="">'
        f'</div><div class="extra-wrap"><span class="who">{name}</span><br>\n{MONTHS[day]}\t<p>{text}</p>'
        f'</div></div><div class="wrapper"><a rel="nofollow" href="#c{day}">Reply</a></div></div>'
        f"{nested}</li>"
    )


def test_date_as_a_bare_line_after_a_line_break():
    markup = '<div id="comments"><h5>3 Comments</h5><ul class="list">'
    markup += long_reply_cy(bare_date)
    assert_thread(markup + "</ul></div>", LONG_REPLY_CY)


def test_a_line_break_before_a_date_makes_no_thread_of_a_news_list():
    news = '<div class="box"><h5>Latest news</h5><ul class="list">'
    news += "".join(
        f'<li><span class="who">Post number {day}</span><br>{MONTHS[day]}<p>The opening words of the '
        f'post, which go on for a while.</p><a href="/p{day}">More</a></li>'
        for day in (20, 21, 22)
    )
    assert template_thread_of(news + "</ul></div>").all_comments() == []


def definition(name: str, day: int, text: str) -> str:
    return (
        f'<dt class="even"><span class="who">{name}</span> <span class="when"><a href="#c{day}" '
        f'title="Permalink to this comment">{MONTHS[day]} at 10:15 pm</a></span></dt>'
        f'<dd class="even"><div class="text"><p>{text}</p></div></dd>'
    )


def definitions() -> str:
    """``LONG_FLAT``'s three comments as ``definition`` prints them."""
    return definition("Al", 20, AL) + definition("Bea", 21, BEA) + definition("Cy", 22, CY)


def test_a_definition_list_of_names_and_dates_over_texts():
    markup = '<div id="comments"><p>{ 3 comments… read them below }</p><dl>'
    markup += definitions()
    assert_thread(markup + "</dl></div>", LONG_FLAT)


def test_a_dated_definition_list_before_an_empty_comment_section_is_no_thread():
    changes = "<dl>" + "".join(
        f"<dt><b>Release {day}</b> {MONTHS[day]}</dt>"
        "<dd>What changed in this release, said at some length.</dd>"
        for day in (20, 21, 22)
    )
    empty = '</dl><div id="comments"><h3>Comments</h3><p>No comments yet.</p></div>'
    assert template_thread_of(changes + empty).all_comments() == []


def epoch(name: str, day: int, text: str, replies: str = "") -> str:
    held = f'<div class="epoch-child">{replies}</div>' if replies else ""
    return (
        f'<div id="x{day}"><article class="single"><footer class="meta"><div class="who">'
        f'<a href="https://{name}.example" class="pic"><img src="{name}.png" alt=""></a>'
        f'<a href="https://{name}.example" class="name">{name}</a><span class="dot">·</span>'
        f'<a href="#comment-{day}"><time datetime="comment_date">{MONTHS[day]} at 10:15 AM</time></a>'
        f'</div></footer><div class="text"><p>{text}</p></div><ul class="actions"><li><a href="#r">Reply</a>'
        f"</li></ul></article>{held}</div>"
    )


def test_comments_without_classes_with_their_replies_in_wrappers():
    markup = '<div id="wrap"><h3>There are <span>3</span> comments</h3><div id="list">'
    markup += long_reply_cy(epoch)
    assert_thread(markup + "</div></div>", LONG_REPLY_CY)


def test_a_wrapper_without_a_class_is_no_reply():
    def wrapped(name: str, day: int, text: str) -> str:
        return f"<div><div><b>{name}</b> <span>{MONTHS[day]}</span><p>{text}</p></div></div>"

    markup = "<div><h3>2 Comments</h3>" + wrapped("Al", 20, AL) + wrapped("Cy", 22, CY) + "</div>"
    assert_thread(markup, [("comment", "Al", D1, AL, []), ("comment", "Cy", D3, CY, [])])


def test_dated_blocks_holding_this_page_s_comment_permalinks_without_a_section():
    markup = '<div id="x"><p>{ 3 replies… read them below }</p><dl>'
    markup += definitions()
    markup = markup.replace('href="#c', 'href="#comment-')
    assert_thread(markup + "</dl></div>", LONG_FLAT)


def test_latest_comments_on_other_posts_and_unlinked_teasers_are_no_thread():
    latest = "<ul>" + "".join(
        f'<li><b>Al</b> <span>{MONTHS[day]}</span> on <a href="/p{day}#comment-{day}">Post {day}</a>: a '
        "comment on another post, quoted at some length.</li>"  # a thread were the links to this page
        for day in (20, 21, 22)
    )
    teasers = "</ul><dl>" + "".join(
        f'<dt><a href="/p{day}">Post {day}</a> {MONTHS[day]}</dt><dd>The opening words of the post.</dd>'
        for day in (20, 21, 22)
    )
    assert template_thread_of(latest + teasers + "</dl>").all_comments() == []


def item(name: str, day: int, text: str, kind: str = "entry") -> str:
    return (
        f'<li class="{kind} odd"><header><cite><b>{name}</b></cite> <a href="#comment-{day}"><time '
        f'datetime="2020-04-{day}">{day}. April 2020 um 11:07</time></a></header><section><p>{text}</p>'
        "</section></li>"
    )


def test_a_short_comment_among_its_kin_in_a_comment_section():
    markup = '<div id="comments"><h3>3 Kommentare</h3><ol class="list">'
    markup += item("Al", 20, AL) + item("Bea", 21, "Danke!") + item("Cy", 22, CY) + "</ol></div>"
    assert_thread(
        markup,
        [("comment", "Al", D1, AL, []), ("comment", "Bea", D2, "Danke!", []), ("comment", "Cy", D3, CY, [])],
    )


def test_a_short_dated_notice_of_another_class_is_no_comment():
    markup = '<div id="comments"><h3>2 Kommentare</h3><ol class="list">'
    markup += item("Al", 20, AL) + item("Cy", 22, CY)
    markup += '<li class="closed"><time datetime="2020-04-23">23.04.2020</time> closed</li></ol></div>'
    assert_thread(markup, [("comment", "Al", D1, AL, []), ("comment", "Cy", D3, CY, [])])


def test_a_dt_holds_only_its_own_dd_blocks_permalinks():
    # the first comment has no permalink: without a comment section, the list is no thread
    entries = [
        f"<dt>{name}, {MONTHS[day]}</dt><dd>{name} writes a comment of some words. {link}</dd>"
        for name, day, link in (
            ("Al", 20, ""),
            ("Bea", 21, '<a href="#comment-21">#</a>'),
            ("Cy", 22, '<a href="#comment-22">#</a>'),
        )
    ]
    assert template_thread_of(f"<div><dl>{''.join(entries)}</dl></div>").all_comments() == []


def test_drupal_s_latest_comments_on_other_posts_are_no_thread():
    latest = "<ul>" + "".join(
        f'<li><a href="/comment/{day}#comment-{day}">Re: Post {day}</a> <span>{MONTHS[day]}</span>: a '
        "comment on another post, quoted at some length.</li>"
        for day in (20, 21, 22)
    )
    assert template_thread_of(f"<div>{latest}</ul></div>").all_comments() == []


def test_long_threads_without_classes_are_read_in_linear_time():
    # hang guards, not speed goals: a comment's replies were each checked on a copy of the comment, and a
    # dt's permalink searched among all the dd blocks after it
    reply = (
        '<div><p>Bo <time datetime="2020-04-21">April 21, 2020</time></p><p>A reply of some words.</p></div>'
    )
    own = '<p>Al <time datetime="2020-04-20">April 20, 2020</time></p><p>A comment here.</p>'
    comment = f"<div>{own}{reply * 2500}</div>"
    with time_limit(60):
        assert len(template_thread_of(f"<div><h2>2 Comments</h2>{comment * 2}</div>").all_comments()) == 5002
    items = "<dt>Al, April 20, 2020</dt><dd>Some words of a comment here.</dd>" * 12_000
    links = '<dt>x</dt><dd><a href="#comment-1">a</a><a href="#comment-2">b</a></dd>'
    with time_limit(60):
        assert template_thread_of(f"<div><dl>{items}{links}</dl></div>").all_comments() == []
