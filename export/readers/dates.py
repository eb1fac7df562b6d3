"""Dates as web pages write them: "March 28, 2016", "Mar. 28, 2016", "28 March 2016", "2016-03-28",
German "23. Juni 2016" and "23.06.2016", "03/28/2016", month names in French, Spanish, Portuguese,
Italian and Dutch ("21 de abril de 2020"); a text that is a date and nothing more. Dates inside longer texts
and times of day: ``date_times``."""

from __future__ import annotations

import datetime as dt
import re

from export.whitespace import collapse_whitespace


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Month names by language, January first: English, German, French, Spanish, Portuguese, Italian, Dutch.
MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "en": _words("january february march april may june july august september october november december"),
    "de": _words("januar februar märz april mai juni juli august september oktober november dezember"),
    "fr": _words("janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
    "es": _words("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"),
    "pt": _words("janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"),
    "it": _words(
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"
    ),
    "nl": _words("januari februari maart april mei juni juli augustus september oktober november december"),
}
# Weekday names by language, Monday first.
WEEKDAY_NAMES: dict[str, tuple[str, ...]] = {
    "en": _words("monday tuesday wednesday thursday friday saturday sunday"),
    "de": _words("montag dienstag mittwoch donnerstag freitag samstag sonntag"),
    "fr": _words("lundi mardi mercredi jeudi vendredi samedi dimanche"),
    "es": _words("lunes martes miércoles jueves viernes sábado domingo"),
}
# A weekday before a date: English by its first three letters ("Mon", "Monday"), the others whole.
_WEEKDAY_STARTS = [day[:3] for day in WEEKDAY_NAMES["en"]] + [
    day for language in ("de", "fr", "es") for day in WEEKDAY_NAMES[language]
]
WEEKDAY_PREFIX = re.compile(rf"^(?:{'|'.join(_WEEKDAY_STARTS)})[a-z]*\.?,?\s+", re.IGNORECASE)
MONTH_DAY_YEAR = re.compile(
    r"^(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})$"
)
DAY_MONTH_YEAR = re.compile(
    r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?P<month>[^\W\d_]+)\.?,?\s+(?P<year>\d{4})$"
)
ISO_DATE = re.compile(r"^(?P<year>\d{4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})$")
MOST_DATE_WORDS = 4  # a weekday, then a month, day and year: what the patterns parse_date tries can match
MORE_THAN_DATE_WORDS = re.compile(rf"\s*(?:\S+\s+){{{MOST_DATE_WORDS}}}\S")


def parse_date(text: str) -> dt.date | None:
    """The date that ``text`` consists of, or None when it is not a date (or not a real one)."""
    if MORE_THAN_DATE_WORDS.match(text):
        return None  # spares splitting, or copying, a long line (memory: benchmarks/hostile_inputs.py)
    text = WEEKDAY_PREFIX.sub("", collapse_whitespace(text).removesuffix("."))
    if match := ISO_DATE.match(text):
        return make_date(match["year"], int(match["month"]), match["day"])
    for pattern in (MONTH_DAY_YEAR, DAY_MONTH_YEAR):
        if match := pattern.match(text):
            return make_date(match["year"], month_number(match["month"]), match["day"])
    return None


def month_number(word: str) -> int:
    """1-12 for a month name (English, German, French, Spanish, Portuguese, Italian, Dutch) or its
    abbreviation of three letters or more, else 0."""
    word = word.casefold()
    if len(word) < 3:
        return 0
    for names in MONTH_NAMES.values():
        if number := next((number for number, name in enumerate(names, 1) if name.startswith(word)), 0):
            return number
    return 0


def make_date(year: str, month: int, day: str) -> dt.date | None:
    """The date, or None when the parts do not make one."""
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None
