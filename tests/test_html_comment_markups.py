"""Comment threads in the markups met on held-out pages: Drupal 8/9, static and AMP threads, sidebar
widgets beside a real thread, bylines with the date and reply link glued on. Synthetic fixtures only."""

from __future__ import annotations

import datetime as dt

import lxml.html
from comment_threads import BASE, bartik, thread_of

from export.model import CommentThread
from export.readers.html.comment_byline import split_name
from export.readers.html.sections import comment_section_elements


def entries(markup: str) -> list[tuple[str | None, dt.date | None, dt.time | None, list[str]]]:
    """Each comment of the markup's thread as (author, date, time, paragraph texts)."""
    return [(c.author, c.date, c.time, [p.text for p in c.paragraphs]) for c in thread_of(markup).comments]


def test_a_drupal_8_thread_of_eight_keeps_all_with_their_nesting():
    one, two, three, four, five, six, seven, eight = (
        bartik(n, f"Person {n}", 20, f"Comment number {n} says something.") for n in range(1, 9)
    )
    markup = (
        "<article><h1>Post</h1><p>The article.</p></article>"
        '<section class="comment-wrapper"><h2 class="comment-section-title">Comments</h2>'
        f'{one}<div class="indented">{two}<div class="indented">{three}</div>{four}</div>'
        f'{five}{six}<div class="indented">{seven}</div>{eight}</section>'
    )
    thread = thread_of(markup)
    assert len(thread.all_comments()) == 8
    assert [(c.author, [r.author for r in c.replies]) for c in thread.comments] == [
        ("Person 1", ["Person 2", "Person 4"]),
        ("Person 5", []),
        ("Person 6", ["Person 7"]),
        ("Person 8", []),
    ]
    assert [r.author for r in thread.comments[0].replies[0].replies] == ["Person 3"]
    first = thread.comments[0]
    assert (first.date, first.time) == (dt.date(2020, 4, 20), dt.time(10, 15))
    assert [p.text for p in first.paragraphs] == ["Comment number 1 says something."]


def test_a_recent_comments_widget_is_not_taken_for_the_pages_thread():
    """A sidebar list of other posts' comments uses WordPress's comment class; the page's own thread
    is in markup the reader knows no class of, so it is found by its repeated blocks."""
    widget = "".join(
        f'<li class="comment">Reader {n} on <a href="/other-{n}/#comment-{n}">Another post</a></li>'
        for n in range(5)
    )
    thread = "".join(
        f'<div class="kommentar-eintrag"><b>Leser {n}</b> <span>3. Mai 2021</span>'
        f"<p>Ein langer Kommentar Nummer {n} zum Artikel.</p></div>"
        for n in range(39)
    )
    markup = (
        f"<article><h1>Titel</h1><p>Der Artikel.</p></article>"
        f'<div id="kommentare" class="comments">{thread}</div>'
        f'<div id="sidebar"><div class="widget"><h3>Neueste Kommentare</h3><ul>{widget}</ul></div></div>'
    )
    found = thread_of(markup)
    assert len(found.all_comments()) == 39
    assert all("Another post" not in p.text for c in found.all_comments() for p in c.paragraphs)


def test_a_thread_inside_a_layout_that_names_its_sidebar_is_still_read():
    """Body and wrapper classes such as "right-sidebar" describe the layout, not a widget."""
    items = "".join(
        f'<li id="comment-{n}" class="comment depth-1"><div class="comment-author"><b class="fn">A{n}</b>'
        f'</div><div class="comment-content"><p>Text {n}.</p></div></li>'
        for n in range(3)
    )
    markup = (
        '<div class="layout has-sidebar"><main><article><h1>T</h1><p>Body.</p></article>'
        f'<div id="comments"><ol class="comment-list">{items}</ol></div></main></div>'
    )
    assert [c.author for c in thread_of(markup).comments] == ["A0", "A1", "A2"]


def test_author_date_and_reply_glued_in_one_byline_are_taken_apart():
    markup = (
        '<ol class="commentlist"><li id="comment-5" class="comment depth-1">'
        '<div class="comment-author">Hans Müller am 21. April 2020 um 10:15 '
        '<a href="?replytocom=5#respond">Antworten</a></div>'
        "<p>Ein Beitrag, der zum Nachdenken anregt.</p></li>"
        '<li id="comment-6" class="comment depth-1"><div class="comment-meta">'
        '<span class="comment-author">Claire</span> 21 avril 2020 à 10 h 15 · Répondre</div>'
        '<div class="comment-content"><p>Merci.</p><p>Répondre</p></div></li></ol>'
    )
    assert entries(markup) == [
        ("Hans Müller", dt.date(2020, 4, 21), dt.time(10, 15), ["Ein Beitrag, der zum Nachdenken anregt."]),
        ("Claire", dt.date(2020, 4, 21), dt.time(10, 15), ["Merci."]),
    ]


def test_a_date_with_an_at_sign_touching_the_time_is_read_apart_from_the_name():
    markup = (
        '<ol class="commentlist"><li id="comment-1" class="comment">'
        '<div class="comment-author">Marie 22 juin 2018 @11h13 '
        '<a href="?replytocom=1#respond">Répondre</a></div>'
        "<p>Très bon article.</p></li>"
        '<li id="comment-2" class="comment"><b>Paul</b> <b>23 juin 2018 @09h05</b>'
        '<div class="comment-content"><p>Merci.</p></div></li></ol>'
    )
    comments = thread_of(markup).comments
    assert [c.date for c in comments] == [dt.date(2018, 6, 22), dt.date(2018, 6, 23)]
    assert comments[0].author == "Marie"


def test_a_date_printed_as_bare_text_after_the_name_is_the_comments_date():
    markup = (
        '<ul class="commentlist"><li class="comment depth-1" id="li-comment-7">'
        '<div id="comment-7" class="comment-body"><div class="comment-author vcard"><img alt=""></div>'
        '<div class="extra-wrap"><span class="author">dottoressa</span><br>März 7, 2018 '
        "<p>Liebe Claudia, das Shampoo ist gut.</p></div></div></li></ul>"
    )
    [comment] = thread_of(markup).comments
    assert (comment.author, comment.date) == ("dottoressa", dt.date(2018, 3, 7))
    assert [p.text for p in comment.paragraphs] == ["Liebe Claudia, das Shampoo ist gut."]


def test_dates_in_abbr_titles_and_schema_content():
    markup = (
        '<ol class="comment-list"><li id="comment-1" class="comment depth-1"><b class="fn">Ann</b>'
        '<abbr class="published" title="2019-11-02T08:30:00+01:00">vor 3 Jahren</abbr>'
        '<div class="comment-content"><p>One.</p></div></li>'
        '<li id="comment-2" class="comment depth-1"><b class="fn">Bo</b>'
        '<span property="schema:dateCreated" content="2019-11-03T09:00:00+00:00">yesterday</span>'
        '<div class="comment-content"><p>Two.</p></div></li></ol>'
    )
    thread = thread_of(markup)
    assert [(c.author, c.date, c.time) for c in thread.comments] == [
        ("Ann", dt.date(2019, 11, 2), dt.time(8, 30)),
        ("Bo", dt.date(2019, 11, 3), dt.time(9, 0)),
    ]


def test_a_static_site_thread_with_comment_ids():
    """Staticman-style threads on static sites: articles with comment ids, no comment system's script."""
    entries = "".join(
        f'<article id="comment{n}" class="js-comment comment"><h3 class="comment-author">Writer {n}</h3>'
        f'<time datetime="2021-0{n}-01T12:00:00Z">Month {n}</time><p>Static comment {n}.</p></article>'
        for n in range(1, 4)
    )
    thread = thread_of(f'<section id="comments"><h2>3 Comments</h2>{entries}</section>')
    assert thread.announced == 3
    assert [(c.author, c.date, c.paragraphs[0].text) for c in thread.comments] == [
        (f"Writer {n}", dt.date(2021, n, 1), f"Static comment {n}.") for n in range(1, 4)
    ]


def test_an_amp_wordpress_theme_thread_counts_each_comment_once():
    """AMP themes print WordPress's list with amp-img avatars and an inner div that repeats the id."""

    def amp(number: int, name: str, replies: str = "") -> str:
        return (
            f'<li id="li-comment-{number}" class="comment depth-1">'
            f'<div id="comment-{number}" class="comment">'
            '<div class="comment-author vcard"><amp-img src="a.png" width="40" height="40"></amp-img>'
            f'<b class="fn">{name}</b> <span class="says">says:</span></div>'
            f'<div class="comment-metadata"><a href="{BASE}#comment-{number}">'
            '<time datetime="2020-05-01T10:00:00+00:00">May 1, 2020</time></a></div>'
            f'<div class="comment-content"><p>Text of {name}.</p></div></div>{replies}</li>'
        )

    reply = f'<ul class="children">{amp(3, "Cy")}</ul>'
    items = f"{amp(1, 'Al', reply)}{amp(2, 'Bea')}"
    markup = f'<div class="amp-wp-comments"><ol class="comment-list">{items}</ol></div>'
    thread = thread_of(markup)
    assert [(c.author, [r.author for r in c.replies]) for c in thread.comments] == [
        ("Al", ["Cy"]),
        ("Bea", []),
    ]
    assert thread.comments[0].url == f"{BASE}#comment-1"


def test_a_bylines_name_ends_where_its_date_or_reply_word_begins():
    assert split_name("Hans Müller am 21. April 2020 um 10:15 Antworten") == (
        "Hans Müller",
        "21. April 2020 um 10:15 Antworten",
    )
    assert split_name("Jo sagt: 3. Mai 2021") == ("Jo", "3. Mai 2021")
    assert split_name("June Carter") == ("June Carter", "")
    assert split_name("Reply") == (None, "Reply")


def test_a_date_first_byline_gives_its_first_date_and_the_name_after_every_date():
    """Dates before dates are read in a loop: a commenter's name of thousands of them is no recursion
    error (the book would fail as "too deep" for one byline)."""
    assert split_name("1. On 20 April 2020, 10:15 by Anna") == ("Anna", "20 April 2020, 10:15")
    assert split_name("April 20, 2020 - April 21, 2020 - Anna") == ("Anna", "April 20, 2020")
    assert split_name("April 20, 2020 - " * 3000 + "Anna") == ("Anna", "April 20, 2020")


def test_the_widget_is_left_in_place_for_the_body_reader():
    markup = (
        '<div id="kommentare" class="comments">'
        + "".join(
            f'<div class="eintrag"><b>L{n}</b><p>Kommentar Nummer {n} zum Artikel.</p></div>'
            for n in range(3)
        )
        + '</div><div class="widget_recent_comments"><ul>'
        + '<li class="comment">X on <a href="/y">Y</a></li></ul></div>'
    )
    root = lxml.html.document_fromstring(f"<html><body>{markup}</body></html>")
    assert [element.get("id") for element in comment_section_elements(root)] == ["kommentare"]


def test_comments_known_only_by_their_ids_each_in_a_wrapper_of_its_own():
    """Custom markup: no comment class, each message block in its own wrapper, the id gives it away."""
    entries = "".join(
        f'<li class="entry"><div class="who"><p class="name">N{n}</p></div><div class="box">'
        f'<div class="message" id="comment-{100 + n}"><p>Message number {n}.</p></div></div></li>'
        for n in range(5)
    )
    thread = thread_of(f'<article><h1>T</h1><p>Body.</p></article><ul class="forum">{entries}</ul>')
    assert [c.paragraphs[0].text for c in thread.comments] == [f"Message number {n}." for n in range(5)]


def test_pingbacks_listed_apart_in_the_same_section_are_kept_as_pingbacks():
    comments = "".join(
        f'<li id="li-comment-{n}" class="comment depth-1"><article id="comment-{n}" class="comment-body">'
        f'<span class="fn">C{n}</span><div class="comment-content"><p>Text {n}.</p></div></article></li>'
        for n in (1, 2)
    )
    pings = "".join(
        f'<li id="comment-{n}"><a href="https://other.example/{n}">Post {n} | Other Blog</a> […]</li>'
        for n in (3, 4)
    )
    markup = (
        f'<section id="comment-wrap"><ol class="commentlist">{comments}</ol>'
        f'<div id="trackbacks"><ol class="pinglist">{pings}</ol></div></section>'
    )
    for _ in range(5):  # the same choice every time, whatever the order of sets
        thread = thread_of(markup)
        assert [(c.kind, c.author or c.site) for c in thread.comments] == [
            ("comment", "C1"),
            ("comment", "C2"),
            ("pingback", "Other Blog"),
            ("pingback", "Other Blog"),
        ]


def test_names_from_a_cite_a_profile_link_or_the_comments_heading_and_bare_dates():
    markup = (
        '<ol class="commentlist">'
        '<li id="comment-1"><p class="comment-number">1</p>Kommentar <small>von</small> <cite>'
        '<a href="https://genuss.example">Georg77</a></cite><br><small class="commentmetadata">'
        "16. März 2011 um 12:22</small><p>Und dazu ein guter Wein.</p></li>"
        '<li id="comment-2"><strong><a href="/user/profil/ab12/Hasenohr81.html">Hasenohr81</a></strong>'
        "<p>Nun ist der Kuchen leider nicht fest geworden.</p><div><small>11.04.2020 22:26</small></div></li>"
        '<li id="comment-3"><figure class="user-avatar"><img alt=""></figure><div><h3>'
        '<a href="https://marius.example">Marius</a></h3><p>Schöner Relaunch.</p>'
        "<div><b>18. 05. 2014</b> <b>22:38</b></div></div></li></ol>"
    )
    assert [(c.author, c.date, [p.text for p in c.paragraphs]) for c in thread_of(markup).comments] == [
        ("Georg77", dt.date(2011, 3, 16), ["Und dazu ein guter Wein."]),
        ("Hasenohr81", dt.date(2020, 4, 11), ["Nun ist der Kuchen leider nicht fest geworden."]),
        ("Marius", dt.date(2014, 5, 18), ["Schöner Relaunch."]),
    ]


def test_a_pingback_label_where_the_name_would_be_makes_a_pingback():
    markup = (
        '<div id="comments"><div id="comment-7" class="comment-entry"><h4>Pingback von '
        '<a href="https://other.example/p">Too much information</a></h4><p>[…] Gefällt mir […]</p></div>'
        '<div id="comment-8" class="comment-entry"><h4>Ulla</h4><p>Ein echter Kommentar hier.</p></div></div>'
    )
    thread = thread_of(markup)
    assert [(c.kind, c.author, c.title) for c in thread.comments] == [
        ("pingback", None, "Too much information"),
        ("comment", "Ulla", None),
    ]


def test_a_list_of_links_to_comments_elsewhere_is_no_thread():
    links = "".join(
        f'<li class="kommentar"><a href="/news?kom={n}" title="31.10.2023 - Artikel {n}">'
        f"Ach ja, Nummer {n}...</a></li>"
        for n in range(6)
    )
    markup = f"<article><h1>T</h1><p>Body.</p></article><ul class='kommentare'>{links}</ul>"
    assert thread_of(markup) == CommentThread()


def test_comment_item_blocks_and_kommentar_ids_on_an_amp_recipe_page():
    """A recipe site's AMP page: comment-item blocks with kommentar_N ids, one of them after the form."""

    def item(number: int, name: str, text: str) -> str:
        return (
            f'<div id="kommentar_{number}" class="ds-mb comment-item"><div class="ds-mb-right">'
            f'<strong><a href="/user/profil/{number}/{name}.html">{name}</a></strong><p>{text}</p>'
            '<div class="comment-date"><small>07.06.2017 11:39</small></div></div></div>'
        )

    markup = (
        '<div id="recipe-comments"><div class="list">'
        + item(1, "anaya60", "War super lecker.")
        + item(2, "Hasenohr81", "Nicht fest geworden.")
        + '</div><form class="comment-write"><textarea></textarea></form>'
        + item(3, "janina271282", "Wie sind da die Zutaten?")
        + "</div>"
    )
    thread = thread_of(markup)
    assert [(c.author, c.date, c.time) for c in thread.comments] == [
        (name, dt.date(2017, 6, 7), dt.time(11, 39)) for name in ("anaya60", "Hasenohr81", "janina271282")
    ]


def test_the_thread_in_the_comment_section_wins_over_a_longer_list_elsewhere():
    """A footer's "most discussed" block reuses the comment class with excerpts of other posts' comments."""
    teasers = "".join(
        f'<li class="comment"><b>Reader {n}</b>: an excerpt of a comment on another post, number {n}.</li>'
        for n in range(6)
    )
    own = "".join(
        f'<li id="comment-{n}" class="comment depth-1"><b class="fn">Own {n}</b>'
        f'<div class="comment-content"><p>About this post, {n}.</p></div></li>'
        for n in range(3)
    )
    markup = (
        f'<article><h1>T</h1><p>Body.</p></article><div id="comments"><ol>{own}</ol></div>'
        f'<footer><div class="discussed"><ul>{teasers}</ul></div></footer>'
    )
    assert [c.author for c in thread_of(markup).comments] == ["Own 0", "Own 1", "Own 2"]


def test_a_date_in_the_line_around_the_name_and_a_share_button_that_says_comments():
    markup = (
        '<ul class="share"><li class="socialite-widget-item comment">'
        '<a href="#comments">Comments</a></li></ul>'
        '<div id="comments"><ol class="commentlist"><li id="comment-1361" class="comment depth-1">'
        '<div class="comment_author vcard"><strong class="fn"><a href="https://s.example/">stephan</a></strong>'
        ' said, on August 3, 2019 at <a href="#comment-1361">3:12 pm</a></div><p>Vielen Dank.</p></li>'
        '<li id="comment-1362"><p class="cssCommentName">KnackigeKälte</p><p class="stamp">28.02.2018</p>'
        "<div>Sehr informative Tipps!</div></li></ol></div>"
    )
    assert entries(markup) == [
        ("stephan", dt.date(2019, 8, 3), dt.time(15, 12), ["Vielen Dank."]),
        ("KnackigeKälte", dt.date(2018, 2, 28), None, ["Sehr informative Tipps!"]),
    ]


def test_a_news_sites_comment_items_with_a_nickname_and_a_time_stamp():
    markup = (
        '<ul class="comment-list"><section class="comment-item"><div class="nickname">Edouard C.</div>'
        '<div class="date"><time datetime="2020-04-07T10:30:53.949Z">vor 2 Tagen</time></div>'
        '<div class="text"><p>Jetzt werden wir den Preis bezahlen.</p></div></section></ul>'
    )
    [comment] = thread_of(markup).comments
    assert (comment.author, comment.date, [p.text for p in comment.paragraphs]) == (
        "Edouard C.",
        dt.date(2020, 4, 7),
        ["Jetzt werden wir den Preis bezahlen."],
    )


def test_drupal_7_rdfa_comments_with_french_and_submitted_bylines():
    markup = (
        '<div class="comments"><div class="comment clearfix" typeof="sioc:Post sioct:Comment">'
        '<div class="metas"><b>Par Bruno Gobin,</b> le mercredi 15 mai 2019 à 08h07</div>'
        '<div class="content">Sauf sur une forme rarissime de lymphome.</div></div>'
        '<div class="comment" typeof="sioc:Post sioct:Comment"><p class="submitted">Submitted by '
        '<span>admin</span> on Mon, 04/20/2020 - 10:15</p><div class="content">Thanks.</div></div></div>'
    )
    assert entries(markup) == [
        ("Bruno Gobin", dt.date(2019, 5, 15), dt.time(8, 7), ["Sauf sur une forme rarissime de lymphome."]),
        ("admin", dt.date(2020, 4, 20), dt.time(10, 15), ["Thanks."]),
    ]


def test_a_list_of_the_latest_comments_on_other_posts_is_no_thread():
    """A CMS view of the latest comments: excerpts that each link to a comment on another page."""
    latest = "".join(
        f'<li class="comment-list-item">Von <strong>Leser {n}</strong> zu '
        f'<a href="/panorama/beitrag-{n}#comment-{900 + n}">Beitrag {n}</a>: Ein Auszug.</li>'
        for n in range(4)
    )
    own = "".join(
        f'<div class="kommentar"><b>K{n}</b> <a href="#k{n}">#</a>'
        f"<p>Ein Kommentar zu diesem Beitrag, {n}.</p></div>"
        for n in range(2)
    )
    page = f'<article><h1>T</h1><p>Body.</p></article><div class="view-content"><ul>{latest}</ul></div>'
    assert thread_of(page) == CommentThread()
    found = thread_of(f'{page}<div class="kommentare">{own}</div>')
    assert [c.paragraphs[-1].text for c in found.comments] == [
        f"Ein Kommentar zu diesem Beitrag, {n}." for n in range(2)
    ]
