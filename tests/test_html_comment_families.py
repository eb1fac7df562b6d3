"""Comment markups added from the error analysis of corpus-large's tune pages, one synthetic fixture each:
new Reddit's flat list with "level N" lines, Contao's comment_default, German kommentar-item blocks,
WordPress depth-N items whose lists the parser broke apart."""

from __future__ import annotations

import datetime as dt

import lxml.html
from comment_threads import BASE, thread_of

from export.model import Comment
from export.readers.html.comments import read_comment_thread
from export.readers.html.parse import clean_tree


def shape(comments: list[Comment]) -> list[tuple[str, list]]:
    """Each comment's first words and its replies, nested."""
    return [(c.paragraphs[0].text.split()[0] if c.paragraphs else "", shape(c.replies)) for c in comments]


def reddit(level: int, text: str) -> str:
    """A comment as new Reddit draws it: flat, indented by a style, its level in a line of its own."""
    return (
        f'<div style="padding-left:{16 + 21 * (level - 1)}px"><div class="x1"></div>'
        '<div class="P8SG Comment t1_x"><div class="votes"><button aria-label="upvote"></button></div>'
        f'<div class="x2"><span class="x3">level {level}</span><div class="x4"><span>3 points</span>'
        '<span> · </span><a href="/r/x/comments/1/y/z/"><span>6 years ago</span></a></div>'
        f'<div data-test-id="comment" class="x5"><div class="RichTextJSON-root"><p>{text}</p></div></div>'
        "</div></div></div>"
    )


def test_new_reddits_flat_thread_is_nested_by_its_level_lines():
    markup = "<div class='thread'>" + "".join(
        reddit(level, f"{word} says something here.")
        for level, word in ((1, "First"), (2, "Second"), (3, "Third"), (2, "Fourth"), (1, "Fifth"))
    )
    thread = thread_of(markup + "</div>")
    assert shape(thread.comments) == [
        ("First", [("Second", [("Third", [])]), ("Fourth", [])]),
        ("Fifth", []),
    ]
    assert all("level" not in " ".join(p.text for p in c.paragraphs) for c in thread.all_comments())
    assert all("points" not in " ".join(p.text for p in c.paragraphs) for c in thread.all_comments())


def test_a_contao_comment_with_its_name_labelled_schrieb():
    markup = (
        "<div class='ce_comments block'><h3>Was sagst Du dazu?</h3>"
        '<div class="comment_default first last even" id="c170">'
        '<a name="c170"><div class="avatar"><img src="a.jpg" alt="Avatar"></div></a>'
        '<p class="info"><span>Nicolai11</span> schrieb:<br>'
        '<time datetime="2014-11-05T14:25:40+00:00" class="date">05.11.2014 um 14:25 Uhr</time></p>'
        '<div class="comment"><p>Sehr cooles Thema!</p></div>'
        '<div class="report_comment"><a href="kommentar-melden/170.html">Kommentar melden.</a></div>'
        "</div></div>"
    )
    (comment,) = thread_of(markup).comments
    assert (comment.author, comment.date, comment.time) == (
        "Nicolai11",
        dt.date(2014, 11, 5),
        dt.time(14, 25),
    )
    assert [p.text for p in comment.paragraphs] == ["Sehr cooles Thema!"]


def test_german_kommentar_items_with_benutzer_and_datum():
    item = (
        '<div class="kommentar-item"><a name="1" id="1"></a><div class="kommentar-info">'
        '<div class="benutzer">{name}</div><div class="datum">31.10.2023, 19.18 Uhr</div></div>'
        '<h5>Ach ja...</h5><div class="kommentar-text">{text}</div>'
        '<div class="vote"><a class="vote-login" href="/login">Login für Vote</a></div></div>'
    )
    markup = (
        '<div class="kommentare"><div class="rubrik">Kommentare</div>'
        + item.format(name="Harzer66", text="Es gab dieses Jahr echt Regen.")
        + item.format(name="Anna", text="Schön so.")
        + "</div>"
    )
    comments = thread_of(markup).comments
    assert [(c.author, c.date, [p.text for p in c.paragraphs]) for c in comments] == [
        ("Harzer66", dt.date(2023, 10, 31), ["Es gab dieses Jahr echt Regen."]),
        ("Anna", dt.date(2023, 10, 31), ["Schön so."]),
    ]


def test_wordpress_depth_classes_nest_a_list_the_parser_broke_apart():
    def item(number: int, depth: int, text: str) -> str:
        return (
            f'<li id="comment-{number}" class="comment depth-{depth}"><div class="comment-body">'
            f'<div class="comment-author vcard"><cite class="fn">P{number}</cite></div>'
            f'<div class="comment-content"><p>{text}</p></div></div></li>'
        )

    markup = (
        '<div id="comments"><ol class="commentlist">'
        + item(1, 1, "One on the article.")
        + item(2, 2, "Two answers one.")
        + item(3, 1, "Three on the article.")
        + "</ol></div>"
    )
    assert shape(thread_of(markup).comments) == [("One", [("Two", [])]), ("Three", [])]


def test_notices_rules_and_responsive_tables_are_no_comments():
    article = "<article><h1>Post</h1><p>The article text, long enough to be an article.</p></article>"
    responsive_tables = "".join(
        f'<div class="table-responsive"><table><tr><td>Row {n} holds a figure</td></tr></table></div>'
        for n in range(2)
    )
    notices = (
        '<div id="comments"><div class="comment-list">Newest first Oldest first There are no comments yet'
        ' - be the first to add your thoughts</div><div class="comment-list">Sorry, No comment are found'
        " for this news. Read More...</div></div>"
    )
    guidelines = (
        '<ul class="comment-guidelines"><li>All comments are moderated before they appear here.</li>'
        "<li>Please be respectful of others; insults will be removed.</li></ul>"
    )
    forms = (
        '<div id="comments"><div id="comment-form" class="x">Write your comment here and press send.</div>'
        '<div id="comment-form" class="x">Write your comment here and press send.</div></div>'
    )
    for markup in (responsive_tables, notices, guidelines, forms):
        assert thread_of(article + markup).all_comments() == [], markup


def test_avatars_action_rows_and_a_date_among_meta_words_stay_out_of_the_text():
    def item(number: int, name: str, text: str) -> str:
        return (
            f'<li id="comment-{number}" class="comment"><img class="gravatar" src="g.png" alt="id">'
            f'<a href="/user/{name}"><img class="kb-comment-user-image" src="u.png" '
            f'alt="Benutzerbild von {name}"></a>'
            f'<header class="comment-meta"><a href="/user/{name}">{name}</a> <small>18.10.2019, 19:22 '
            '<a class="comment-reply-login" href="/login">Zum Antworten anmelden</a></small></header>'
            f"<p>{text}</p><p>Antworten · Gefällt mir · Melden</p></li>"
        )

    markup = (
        '<ol id="comments">' + item(1, "Montana", "Gutes Angebot.") + item(2, "Gerda", "Danke!") + "</ol>"
    )
    comments = thread_of(markup).comments
    assert [(c.author, c.date, c.time, [p.text for p in c.paragraphs]) for c in comments] == [
        ("Montana", dt.date(2019, 10, 18), dt.time(19, 22), ["Gutes Angebot."]),
        ("Gerda", dt.date(2019, 10, 18), dt.time(19, 22), ["Danke!"]),
    ]


def test_a_dated_list_under_a_comments_heading_whose_markup_names_no_comment():
    def item(number: int, name: str, text: str, replies: str = "") -> str:
        return (
            f'<li class="member" id="m{number}">'
            f'<a class="author person" href="/!u{number}/"><h4>{name}</h4></a>'
            f'<time datetime="2020-01-14T13:4{number}:00+01:00">14. 01. 2020, 13:4{number}</time>'
            f'<div class="objlink"><p>{text}</p></div>'
            '<ul class="toolbar"><li class="reply"><a>antworten</a></li>'
            f'<li class="report"><a>melden</a></li></ul>{replies}</li>'
        )

    replies = '<ul class="thread">' + item(2, "Dr. M", "@Martin Ich weiß ja nicht.") + "</ul>"
    markup = (
        "<article><h1>Post</h1><p>The article text.</p></article>"
        '<div class="sect"><div class="secthead"><h2><span>Leserkommentare</span></h2>'
        '<ul class="toolbar"></ul></div><ul class="sectbody">'
        + item(1, "Martin", "Wer wen über den Tisch zog, ist offen.", replies)
        + item(3, "Josan", "Welche Sprecherin?")
        + "</ul></div>"
    )
    thread = thread_of(markup)
    assert [
        (c.author, c.date, [p.text for p in c.paragraphs], [r.author for r in c.replies])
        for c in thread.comments
    ] == [
        ("Martin", dt.date(2020, 1, 14), ["Wer wen über den Tisch zog, ist offen."], ["Dr. M"]),
        ("Josan", dt.date(2020, 1, 14), ["Welche Sprecherin?"], []),
    ]


def test_pingbacks_without_their_label_date_or_meta_and_one_a_theme_shows_as_a_comment():
    labelled = (
        '<li id="comment-1"><cite>Pingback von <a href="http://other.example/post/" class="url">'
        'Lesezeichen | Other</a></cite>| <small><a href="#comment-1">11.09.2011 23:31</a></small>'
        "<p>[…] Gefällt mir – Unlängst spazierte ich durch Eimsbüttel […]</p></li>"
    )
    social = (
        '<li class="pingback depth-1" id="li-comment-2"><div id="comment-2">'
        '<div class="social-comment-author"><cite class="fn">'
        '<a href="http://third.example/film/" class="url">Future of Hope | tv</a></cite></div>'
        '<div class="social-comment-meta"><span>View</span><a href="#comment-2">6 months ago</a></div>'
        '<div class="social-comment-body"><p>[...] Zum Trailer geht es hier [...]</p></div></div></li>'
    )
    as_comment = (
        '<div class="commentEntry"><div class="commentContent" id="comment-3"><p>[…] Hamburg feiert CSD. '
        'Mein Lieblingslied kennt Ihr schon. […]</p><div class="commentMeta">Kommentar von <cite>'
        '<a href="http://blog.example/2905/folge-10.html" class="url">Aus dem Tagebuch | Folge 10 | blog</a>'
        '</cite> am <a href="#comment-3">07.08.09</a> um 10:25</div></div></div>'
    )
    markup = f'<div id="comments"><ol class="commentlist">{labelled}{social}</ol>{as_comment}</div>'
    comments = thread_of(markup).all_comments()
    assert [(c.kind, c.author, c.title, c.site, c.url, [p.text for p in c.paragraphs]) for c in comments] == [
        (
            "pingback",
            None,
            "Lesezeichen",
            "Other",
            "http://other.example/post/",
            ["[…] Gefällt mir – Unlängst spazierte ich durch Eimsbüttel […]"],
        ),
        (
            "pingback",
            None,
            "Future of Hope",
            "tv",
            "http://third.example/film/",
            ["[...] Zum Trailer geht es hier [...]"],
        ),
        (
            "pingback",
            None,
            "Aus dem Tagebuch | Folge 10",
            "blog",
            "http://blog.example/2905/folge-10.html",
            ["[…] Hamburg feiert CSD. Mein Lieblingslied kennt Ihr schon. […]"],
        ),
    ]
    assert comments[0].date == dt.date(2011, 9, 11)


def test_an_amp_reply_form_inside_a_comment_leaves_its_status_lines_out():
    form = (
        '<form class="recipe-comment-form" method="post" action-xhr="https://api.example/comments">'
        '<textarea name="commentText"></textarea>'
        '<div submitting=""><p>Dein Kommentar wird gespeichert...</p></div>'
        '<div submit-success=""><p>Dein Kommentar wurde erfolgreich gespeichert.</p></div>'
        '<div submit-error=""><p>Dein Kommentar konnte nicht gespeichert werden.</p></div></form>'
    )
    markup = "".join(
        f'<div id="kommentar_{n}" class="comment-item">'
        f'<strong><a href="/user/profil/{n}/x.html">User{n}</a></strong>'
        f"<p>Comment number {n} on the recipe.</p>"
        '<div class="comment-date"><small>12.04.2020 17:02</small></div>'
        f"{form}</div>"
        for n in (1, 2)
    )
    root = lxml.html.document_fromstring(f'<html><body><div class="comments">{markup}</div></body></html>')
    clean_tree(root)  # as the page reader does: a form with three paragraphs becomes a div
    comments = read_comment_thread(root, BASE).comments
    assert [(c.author, [p.text for p in c.paragraphs]) for c in comments] == [
        ("User1", ["Comment number 1 on the recipe."]),
        ("User2", ["Comment number 2 on the recipe."]),
    ]


def test_a_dated_list_of_the_latest_comments_on_other_posts_under_a_comments_heading_is_no_thread():
    items = "".join(
        f'<li><a href="https://example.org/post-{n}/#comment-{n}">Someone on post {n}</a>'
        f'<time datetime="2020-01-1{n}">1{n}. Januar 2020</time><p>What they said about post {n}.</p></li>'
        for n in (1, 2, 3)
    )
    markup = (
        f"<article><h1>Post</h1><p>The article.</p></article><div><h2>Kommentare</h2><ul>{items}</ul></div>"
    )
    assert thread_of(markup).all_comments() == []
