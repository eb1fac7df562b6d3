"""Dates as web pages write them: "March 28, 2016", "Mar. 28, 2016", "28 March 2016", "2016-03-28",
German "23. Juni 2016" and "23.06.2016", "03/28/2016", month names in the languages of date_words.tsv
("21 de abril de 2020", "3 marca 2020", "2020. március 3."); a text that is a date and nothing more.
Dates inside longer texts and times of day: ``date_times``."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from export.datafiles import data_lines
from export.whitespace import collapse_whitespace

DATE_WORDS = Path(__file__).with_name("date_words.tsv")
# The table's rows: role, language ("pl-genitive" a form of its own) and words, read once.
_ROWS = [line.split("\t") for line in data_lines(DATE_WORDS)]
# Month names by language and form, January first.
MONTH_NAMES: dict[str, tuple[str, ...]] = {
    language: tuple(words.split()) for role, language, words in _ROWS if role == "months"
}
# The phrases between a date and its time of day ("at", "à", "a las"), a row each.
TIME_LEADS: tuple[str, ...] = tuple(phrase for role, _language, phrase in _ROWS if role == "at")
# Weekday names by language, Monday first.
WEEKDAY_NAMES: dict[str, tuple[str, ...]] = {
    language: tuple(words.split()) for role, language, words in _ROWS if role == "weekdays"
}
# English's usual short forms beside its full names ("Mon", "Tues", "Thurs").
ENGLISH_SHORT_WEEKDAYS = ("mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun")
_WEEKDAYS = "|".join(
    re.escape(day) for days in (*WEEKDAY_NAMES.values(), ENGLISH_SHORT_WEEKDAYS) for day in days
)
# A weekday before a date, a name or short form only whole: "Wedding" or "Joined" (Romanian "joi") is none.
WEEKDAY_PREFIX = re.compile(rf"^(?:{_WEEKDAYS})\.?,?\s+", re.IGNORECASE)
MONTH_DAY_YEAR = re.compile(
    r"^(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})$"
)
DAY_MONTH_YEAR = re.compile(
    r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?P<month>[^\W\d_]+)\.?,?\s+(?P<year>\d{4})$"
)
# Year first, as Hungarian writes it: "2020. március 3."
YEAR_MONTH_DAY = re.compile(r"^(?P<year>\d{4})\.?\s+(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2})$")
# A year's abbreviated word after it: Russian "3 марта 2020 г."
YEAR_WORD = re.compile(r"(?<=\d{4})\s?г$")
ISO_DATE = re.compile(r"^(?P<year>\d{4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})$")
MOST_DATE_WORDS = 5  # a weekday, a month, day and year, a year's word ("г."): what parse_date can match
MORE_THAN_DATE_WORDS = re.compile(rf"\s*(?:\S+\s+){{{MOST_DATE_WORDS}}}\S")


def parse_date(text: str) -> dt.date | None:
    """The date that ``text`` consists of, or None when it is not a date (or not a real one)."""
    if MORE_THAN_DATE_WORDS.match(text):
        return None  # spares splitting, or copying, a long line (memory: benchmarks/hostile_inputs.py)
    text = YEAR_WORD.sub("", WEEKDAY_PREFIX.sub("", collapse_whitespace(text).removesuffix(".")))
    if match := ISO_DATE.match(text):
        return make_date(match["year"], int(match["month"]), match["day"])
    for pattern in (MONTH_DAY_YEAR, DAY_MONTH_YEAR, YEAR_MONTH_DAY):
        if match := pattern.match(text):
            return make_date(match["year"], month_number(match["month"]), match["day"])
    return None


def month_number(word: str) -> int:
    """1-12 for a month name in a language of date_words.tsv, in any form it lists, or its abbreviation
    of three letters or more, else 0."""
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
