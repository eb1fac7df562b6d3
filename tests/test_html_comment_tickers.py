"""Live tickers, live blogs, a match's commentary and blocks whose names only look like comments
(responsibilities, discussion questions) are no comment thread, even where their entries carry comment
markup; a real thread beside one, or inside a page wrapper named so, is still read. Synthetic fixtures:
the class names are the kinds sports, news and other pages use; the texts are made up."""

from __future__ import annotations

import datetime as dt

import pytest
from comment_threads import AL_BEA, D1, D2, assert_thread, template_thread_of, wp_html5

PLAY = "a long pass to the wing, and the cross is cleared by the defence once again."


def entries(entry: str, count: int = 4) -> str:
    """``count`` ticker entries from ``entry``, a format of {n} (its number) and {m} (its minute)."""
    return "".join(entry.format(n=n, m=10 * n, play=PLAY) for n in range(1, count + 1))


TICKERS = {
    "match commentary": '<div class="match-commentary">'
    + entries('<div class="commentary-item"><span class="minute">{m}\'</span><p>{play}</p></div>')
    + "</div>",
    "live commentary list with times": '<ul class="live-commentary">'
    + entries(
        '<li class="commentary__entry"><time datetime="2020-04-20T15:{m:02d}">15:{m:02d}</time>'
        "<p>{play}</p></li>"
    )
    + "</ul>",
    "ticker entries classed comment": '<div id="liveticker" class="ticker">'
    + entries('<div class="ticker-item comment"><span class="time">{m}\'</span><p>{play}</p></div>')
    + "</div>",
    "ticker of li.comment": '<ul class="liveticker">'
    + entries('<li class="comment"><span class="time">{m}\'</span><p>{play}</p></li>')
    + "</ul>",
    "live blog of comment entries": '<div class="liveblog">'
    + entries(
        '<div class="liveblog-entry comment-entry"><time datetime="2020-04-20T15:{m:02d}">15:{m:02d}'
        "</time><p>{play}</p></div>"
    )
    + "</div>",
    "news ticker with comment ids": '<div class="news-ticker">'
    + entries('<div id="comment-{n}" class="post"><span class="time">{m}\'</span><p>{play}</p></div>')
    + "</div>",
    "pundits' commentators": '<div class="commentators">'
    + entries('<div class="commentator"><h4>Pundit {n}</h4><p>{play}</p></div>')
    + "</div>",
    "live blog of article entries": '<div class="liveblog">'
    + entries(
        '<article class="comment-entry"><time datetime="2020-04-20T15:{m}">15:{m}</time>'
        "<p>{play}</p></article>"
    )
    + "</div>",
    "ticker of numbered articles": '<section class="live-ticker">'
    + entries('<article id="comment-{n}"><span>{m}\'</span><p>{play}</p></article>')
    + "</section>",
    "a stats widget's commentary list": '<div class="stats"><ul class="Stats-Commentary">'
    + entries('<li class="Stats-comment"><span class="Stats-Time">{m}\'</span><p>{play}</p></li>')
    + "</ul></div>",
    "a job's responsibilities": '<div class="responsibilities">'
    + entries('<div class="responsibility-item"><p>Duty {n}: {play}</p></div>')
    + "</div>",
    "a book club's discussion questions": '<div class="discussion-questions">'
    + entries('<div class="discussion-question"><p>Question {n}: {play}</p></div>')
    + "</div>",
}


@pytest.mark.parametrize("markup", TICKERS.values(), ids=TICKERS.keys())
def test_a_live_ticker_or_commentary_is_no_thread(markup: str) -> None:
    assert template_thread_of(markup).all_comments() == []


THREAD = (
    '<div id="comments" class="comments-area"><h2 class="comments-title">2 Comments</h2>'
    f'<ol class="comment-list">{wp_html5(1, "Al", D1.day, "Al writes.")}'
    f"{wp_html5(2, 'Bea', D2.day, 'Bea.')}</ol></div>"
)


@pytest.mark.parametrize("ticker", ["ticker of li.comment", "live blog of comment entries"])
def test_a_thread_beside_a_ticker_is_read_without_the_ticker(ticker: str) -> None:
    assert_thread(TICKERS[ticker] + THREAD, AL_BEA)


def test_a_thread_in_a_page_wrapper_named_live_blog_is_read() -> None:
    """A wrapper that holds the page's heading is layout, whatever its name."""
    page = f'<div class="liveblog-page"><h1>The match, live</h1><p>{PLAY}</p>{THREAD}</div>'
    assert_thread(page, AL_BEA)


def dated_list(item: str) -> str:
    """A "Kommentare" heading over a list of three items made from ``item``, a format of {n}."""
    items = "".join(item.format(n=n) for n in (1, 2, 3))
    return f"<h2>Kommentare</h2><ul>{items}</ul>"


def test_a_comments_heading_over_dated_links_to_articles_is_no_thread() -> None:
    """A news page's list of opinion pieces ("Kommentare"): each item a date and a link, nothing more."""
    markup = dated_list(
        '<li><time datetime="2020-04-2{n}">2{n}.04.2020</time> '
        '<a href="/meinung/{n}">A long headline about the budget and the coalition talks</a></li>'
    )
    assert template_thread_of(markup).all_comments() == []


def test_a_comments_heading_over_dated_comments_is_still_a_thread() -> None:
    markup = dated_list(
        '<li><a href="/user/{n}">Reader{n}</a> <time datetime="2020-04-2{n}T10:15">2{n}.04.2020</time>'
        "<p>What reader {n} thinks of it.</p></li>"
    )
    thread = template_thread_of(markup)
    assert [(c.date, [p.text for p in c.paragraphs]) for c in thread.all_comments()] == [
        (D1.replace(day=20 + n), [f"What reader {n} thinks of it."]) for n in (1, 2, 3)
    ]


def test_a_bare_date_in_brackets_is_the_comments_date() -> None:
    """A theme that prints the date alone in brackets, with SPIP's "@" before the time."""
    items = "".join(
        f'<li id="comment-{n}" class="comment"><b class="fn">{name}</b> <span>({line})</span>'
        f"<p>{text}</p></li>"
        for n, name, line, text in (
            (1, "Al", "20 avril 2020 @10h15", "Al writes."),
            (2, "Bea", "[April 21, 2020]", "Bea."),
        )
    )
    thread = assert_thread(f'<ol class="comment-list">{items}</ol>', AL_BEA)
    assert [c.time for c in thread.all_comments()] == [dt.time(10, 15), None]


def wpdiscuz5(number: int, name: str, text: str) -> str:
    """A wpDiscuz 5 comment as a saved page keeps it: the text cut short, then the read-more toggle."""
    return (
        f'<div id="wc-comm-{number}_0" class="wc-comment wc-blog-guest wc_comment_level-1">'
        f'<div id="comment-{number}" class="wc-comment-right"><div class="wc-comment-header">'
        f'<div class="wc-comment-author">{name}</div></div><div class="wc-comment-text">{text}'
        f'<span id="wpdiscuz-readmore-{number}_0"><span class="wpdiscuz-hellip">…&nbsp;</span>'
        '<span class="wpdiscuz-readmore" title="Mehr">Mehr</span></span></div>'
        '<div class="wc-comment-footer"><div class="wc-comment-date">2 Stunden her</div></div></div></div>'
    )


def test_wpdiscuz_read_more_toggle_is_no_part_of_the_text() -> None:
    markup = (
        '<div id="comments" class="comments-area"><div id="wpcomm"><div class="wc-thread-wrapper">'
        + wpdiscuz5(1, "Al", "Al writes at length")
        + wpdiscuz5(2, "Bea", "Bea writes too")
        + "</div></div></div>"
    )
    thread = template_thread_of(markup)
    assert [(c.author, " ".join(p.text for p in c.paragraphs).strip()) for c in thread.all_comments()] == [
        ("Al", "Al writes at length…"),
        ("Bea", "Bea writes too…"),
    ]
