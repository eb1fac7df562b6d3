"""Comment bylines in WordPress's other languages: each commenter's name, date and time apart.

The fixtures follow WordPress core's comment markup (wp-includes/class-walker-comment.php:
``html5_comment``, and the older ``comment`` callback of themes such as Twenty Ten that print the date as
text in ``div.comment-meta``; GPL-2.0-or-later), with the byline words of core's comment strings as its
locales render them ("%s says:", "%1$s at %2$s", "Reply") and dates in each locale's date format; month
names as moment.js's locale files give them (github.com/moment/moment, locale/*.js; MIT). Names and
texts are made up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from comment_threads import BASE, template_thread_of

from export.readers.date_times import find_date_in, parse_date_in, parse_time_in

DATE = dt.date(2020, 3, 3)
TIME = dt.time(10, 15)
# locale: the "says" label, the reply link's word, and the date and time as the locale writes them
LOCALES: dict[str, tuple[str, str, str]] = {
    "fr_FR": ("dit :", "Répondre", "le 3 mars 2020 à 10 h 15"),
    "es_ES": ("dice:", "Responder", "3 de marzo de 2020 a las 10:15"),
    "it_IT": ("ha detto:", "Rispondi", "3 marzo 2020 alle 10:15"),
    "pt_BR": ("disse:", "Responder", "3 de março de 2020 às 10:15"),
    "pt_PT": ("disse:", "Responder", "3 de Março de 2020 às 10:15"),
    "nl_NL": ("schreef:", "Beantwoorden", "3 maart 2020 om 10:15"),
    "pl_PL": ("pisze:", "Odpowiedz", "3 marca 2020 o 10:15"),
    "sv_SE": ("skriver:", "Svara", "3 mars 2020 kl. 10:15"),
    "da_DK": ("siger:", "Svar", "3. marts 2020 kl. 10.15"),
    "nb_NO": ("sier:", "Svar", "3. mars 2020 kl. 10.15"),
    "fi": ("sanoo:", "Vastaa", "3.3.2020 klo 10.15"),
    "fi_long": ("sanoo:", "Vastaa", "3. maaliskuuta 2020 klo 10.15"),
    "cs_CZ": ("napsal:", "Odpovědět", "3. března 2020 v 10:15"),
    "tr_TR": ("dedi ki:", "Yanıtla", "3 Mart 2020 saat 10:15"),
    "ro_RO": ("spune:", "Răspunde", "3 martie 2020 la 10:15"),
    "hu_HU": ("szerint:", "Válasz", "2020. március 3. 10:15"),
    "ru_RU": ("говорит:", "Ответить", "3 марта 2020 в 10:15"),
}
NAMES = ("Anna Nowak", "Jean")


def html5(number: int, name: str, says: str, reply: str, date_text: str, machine: bool = False) -> str:
    """A comment as core's ``html5_comment`` prints it, its ``time`` with or without ``datetime``."""
    stamp = ' datetime="2020-03-03T10:15:00+00:00"' if machine else ""
    return (
        f'<li id="comment-{number}" class="comment depth-1">'
        f'<article id="div-comment-{number}" class="comment-body"><footer class="comment-meta">'
        '<div class="comment-author vcard"><img alt="" src="a.png" class="avatar photo">'
        f'<b class="fn"><a href="https://n{number}.example/" class="url">{name}</a></b> '
        f'<span class="says">{says}</span></div><div class="comment-metadata">'
        f'<a href="{BASE}#comment-{number}"><time{stamp}>{date_text}</time></a></div></footer>'
        f'<div class="comment-content"><p>Text number {number} of a comment.</p></div>'
        f'<div class="reply"><a class="comment-reply-link" href="?replytocom={number}#respond">{reply}</a>'
        "</div></article></li>"
    )


def older(number: int, name: str, says: str, reply: str, date_text: str) -> str:
    """A comment as Twenty Ten's callback prints it: the date only as a link's text in ``comment-meta``."""
    return (
        f'<li class="comment" id="li-comment-{number}"><div id="comment-{number}">'
        f'<div class="comment-author vcard"><img alt="" src="a.png" class="avatar">'
        f'<cite class="fn">{name}</cite> <span class="says">{says}</span></div>'
        f'<div class="comment-meta commentmetadata"><a href="{BASE}#comment-{number}">{date_text}</a></div>'
        f'<div class="comment-body"><p>Text number {number} of a comment.</p></div>'
        f'<div class="reply"><a class="comment-reply-link" href="?replytocom={number}#respond">{reply}</a>'
        "</div></div></li>"
    )


def glued(number: int, name: str, says: str, reply: str, date_text: str) -> str:
    """A theme that prints name, label, date and reply link as one line of text around the name."""
    return (
        f'<li class="comment" id="comment-{number}"><div class="comment-author">'
        f'<span class="fn">{name}</span> {says} {date_text} · '
        f'<a href="?replytocom={number}">{reply}</a></div>'
        f'<div class="comment-content"><p>Text number {number} of a comment.</p></div></li>'
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_locale_date_and_time_read(locale: str) -> None:
    date_text = LOCALES[locale][2]
    assert parse_date_in(date_text.removeprefix("le ")) == DATE
    assert parse_time_in(date_text) == TIME


def html5_stamped(number: int, name: str, says: str, reply: str, date_text: str) -> str:
    """``html5``'s comment with the machine date in its ``time[datetime]`` too."""
    return html5(number, name, says, reply, date_text, machine=True)


@pytest.mark.parametrize("markup", [html5_stamped, html5, older, glued])
@pytest.mark.parametrize("locale", LOCALES)
def test_locale_byline_apart(locale: str, markup: Callable[[int, str, str, str, str], str]) -> None:
    says, reply, date_text = LOCALES[locale]
    comments = "".join(markup(n, name, says, reply, date_text) for n, name in enumerate(NAMES, 1))
    thread = template_thread_of(f'<div id="comments"><ol class="comment-list">{comments}</ol></div>')
    got = [(c.author, c.date, c.time, " ".join(p.text for p in c.paragraphs)) for c in thread.all_comments()]
    texts = [f"Text number {n} of a comment." for n in (1, 2)]
    assert got == [(name, DATE, TIME, text) for name, text in zip(NAMES, texts, strict=True)]


@pytest.mark.parametrize(
    "text",
    [
        "Kati 2020. március 3. 10:15 Válasz",
        "Ольга 3 марта 2020 г. в 10:15",
        "Ola 3. maaliskuuta 2020 klo 10.15",
    ],
)
def test_date_found_among_a_bylines_words(text: str) -> None:
    assert find_date_in(text) == DATE


def test_a_year_then_a_word_and_a_number_is_no_date() -> None:
    assert find_date_in("Founded in 2019. The 3. edition followed") is None


# Themes that print the date with its weekday (WordPress's "l, j F Y" and its locales' forms of it).
WEEKDAY_DATES = {
    "fr_FR": "mardi 3 mars 2020 à 10 h 15",
    "it_IT": "martedì 3 marzo 2020 alle 10:15",
    "pt_BR": "terça-feira, 3 de março de 2020 às 10:15",
    "nl_NL": "dinsdag 3 maart 2020 om 10:15",
    "pl_PL": "wtorek, 3 marca 2020 o 10:15",
    "sv_SE": "tisdag 3 mars 2020 kl. 10:15",
    "fi": "tiistai 3.3.2020 klo 10.15",
    "cs_CZ": "úterý 3. března 2020 v 10:15",
    "tr_TR": "Salı 3 Mart 2020 saat 10:15",
    "ro_RO": "marți, 3 martie 2020 la 10:15",
    "ru_RU": "вторник, 3 марта 2020 г. в 10:15",
}


@pytest.mark.parametrize("markup", [html5, glued])
@pytest.mark.parametrize("locale", WEEKDAY_DATES)
def test_weekday_before_a_locales_date(locale: str, markup: Callable[[int, str, str, str, str], str]) -> None:
    says, reply, _ = LOCALES[locale]
    comment = markup(1, "Jean", says, reply, WEEKDAY_DATES[locale])
    thread = template_thread_of(f'<div id="comments"><ol class="comment-list">{comment}</ol></div>')
    assert [(c.author, c.date, c.time) for c in thread.all_comments()] == [("Jean", DATE, TIME)]
