"""Dates inside longer texts, and times of day: "August 15, 2020 at 9:35 am", "21. April 2020 um 10:15",
"21 avril 2020 à 10 h 15", "22 juin 2018 @11h13", "23.06.2016", "03/28/2016", a date without its year
after a known one; the first date a short text holds. Apart from ``dates``, which a plain-text page
needs alone."""

from __future__ import annotations

import datetime as dt
import re

from export.readers.dates import TIME_LEADS, WEEKDAY_PREFIX, make_date, month_number, parse_date
from export.whitespace import collapse_whitespace

SLASHED_DATE = re.compile(r"^(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})$")
CONNECTOR = re.compile(r" (?:de|del|di) ", re.IGNORECASE)
DOTTED_DATE = re.compile(r"^(?P<day>\d{1,2})\. ?(?P<month>\d{1,2})\. ?(?P<year>\d{4})$")
ISO_DATE_TIME = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[T ]\d{2}:\d{2}\S*)?$")
# date_words.tsv's phrases before a time of day ("at", "um", "klo"), as a pattern's alternatives.
TIME_WORDS = "|".join(map(re.escape, TIME_LEADS))
TIME_OF_DAY = re.compile(
    # (?<!\s): tried from the start of a run of spaces only, not again from each space in it (quadratic).
    # "@" may touch the time ("22 juin 2018 @11h13", SPIP's forums).
    rf"(?<!\s)(?:(?:,|\s+(?:-|–|—|\||{TIME_WORDS}))?\s+|\s*@\s*)"
    r"\d{1,2}(?:[:.]\d{2}(?::\d{2})?|\s?h\s?\d{2})"
    r"\s*(?:[ap]\.?\s?m\.?|uhr|h)?\.?$",  # a sentence's full stop after it ("- 10:15.", Drupal 6)
    re.IGNORECASE,
)
CLOCK = re.compile(
    r"(?<![\d.:])(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2})?(?:\s*(?P<half>[ap])\.?\s?m\b\.?)?(?![\d:])"
    r"|(?<![\d.:])(?P<hour_de>\d{1,2})\.(?P<minute_de>\d{2})\s*uhr\b"
    r"|(?<![\d.:])(?P<hour_fr>\d{1,2}) ?h ?(?P<minute_fr>\d{2})(?! ?[^\W\d_])(?!\d)"
    # A time with a full stop after any time word of date_words.tsv: Nordic "kl. 10.15", Finnish "klo 10.15"
    rf"|(?<!\S)(?:{TIME_WORDS})\s"
    r"(?P<hour_dot>\d{1,2})\.(?P<minute_dot>\d{2})(?![\d.:])",
    re.IGNORECASE,
)
MONTH_DAY = re.compile(r"^(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?$")
DAY_MONTH = re.compile(r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?P<month>[^\W\d_]+)\.?$")


def parse_date_in(text: str, year: int | None = None) -> dt.date | None:
    """The date at the start of a date-and-time text, an ISO timestamp, or a date without its year.

    A date without a year ("Jun 20th at 2:41 am") takes ``year``; without one it is None.
    """
    text = collapse_whitespace(text)
    if match := ISO_DATE_TIME.match(text):
        return make_date(match["year"], int(match["month"]), match["day"])
    text = CONNECTOR.sub(" ", TIME_OF_DAY.sub("", text).rstrip(" ,"))
    if date := parse_date(text):
        return date
    if match := DOTTED_DATE.match(WEEKDAY_PREFIX.sub("", text)):
        return make_date(match["year"], int(match["month"]), match["day"])
    if match := SLASHED_DATE.match(WEEKDAY_PREFIX.sub("", text)):
        return _slashed(match)
    text = WEEKDAY_PREFIX.sub("", text.removesuffix("."))
    for pattern in (MONTH_DAY, DAY_MONTH):
        if year and (match := pattern.match(text)):
            return make_date(str(year), month_number(match["month"]), match["day"])
    return None


def _slashed(match: re.Match[str]) -> dt.date | None:
    """A date written with slashes: month first as in the US, unless the first number cannot be a month."""
    first, second = int(match["first"]), int(match["second"])
    month, day = (second, first) if first > 12 else (first, second)
    return make_date(match["year"], month, str(day))


def parse_date_after(text: str, after: dt.date | None) -> dt.date | None:
    """``parse_date_in``, a date without a year taken as the first such day on or after ``after``."""
    date = parse_date_in(text, after.year if after else None)
    if date and after and date < after and str(date.year) not in text:
        date = parse_date_in(text, after.year + 1)
    return date


def parse_time_in(text: str) -> dt.time | None:
    """The time of day in a date-and-time text: "at 9:35 am", "um 17:21 Uhr", "à 10 h 15", "klo 10.15",
    "2016-06-23T17:21:09+02:00"."""
    match = CLOCK.search(text)
    if not match:
        return None
    hour = int(match["hour"] or match["hour_de"] or match["hour_fr"] or match["hour_dot"])
    minute = int(match["minute"] or match["minute_de"] or match["minute_fr"] or match["minute_dot"])
    if match["half"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["half"].lower() == "p" else 0)
    return dt.time(hour, minute) if hour < 24 and minute < 60 else None


DATE_IN_TEXT = re.compile(
    r"\b\d{4}-\d{2}-\d{2}(?!\d)|\b\d{1,2}\.\d{1,2}\.\d{4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\.?\s+[^\W\d_]+\.?,?\s+\d{4}\b|\b[^\W\d_]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"
    # year first, the day's full stop after it: "2020. március 3."
    r"|\b\d{4}\.\s+[^\W\d_]+\s+\d{1,2}\.(?!\d)"
)
MAX_DATED_TEXT = 300


def find_date_in(text: str) -> dt.date | None:
    """The first date written anywhere in a short text ("Published am 21. April 2020 um 9:00")."""
    for match in DATE_IN_TEXT.finditer(collapse_whitespace(text)[:MAX_DATED_TEXT]):
        if date := parse_date_in(match[0]):
            return date
    return None


def leading_date_pattern(separators: str) -> str:
    """The pattern of a date in figures at a text's start ("23.01.2022", "2020-01-23") and one of the
    ``separators`` (a character class's contents) between spaces after it."""
    return rf"^\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}}\s+[{separators}]\s+"
