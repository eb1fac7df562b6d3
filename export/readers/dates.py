"""Dates as web pages write them: "March 28, 2016", "Mar. 28, 2016", "28 March 2016", "2016-03-28"."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAY_PREFIX = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
MONTH_DAY_YEAR = re.compile(
    r"^(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})$"
)
DAY_MONTH_YEAR = re.compile(
    r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?P<month>[^\W\d_]+)\.?,?\s+(?P<year>\d{4})$"
)
ISO_DATE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$")


def parse_date(text: str) -> dt.date | None:
    """The date that ``text`` consists of, or None when it is not a date (or not a real one)."""
    text = WEEKDAY_PREFIX.sub("", " ".join(text.split()).removesuffix("."))
    if match := ISO_DATE.match(text):
        return _make_date(match["year"], int(match["month"]), match["day"])
    for pattern in (MONTH_DAY_YEAR, DAY_MONTH_YEAR):
        if match := pattern.match(text):
            return _make_date(match["year"], _month_number(match["month"]), match["day"])
    return None


def _month_number(word: str) -> int:
    """1-12 for a month name or its abbreviation of three letters or more ("Sept"), else 0."""
    word = word.casefold()
    if len(word) < 3:
        return 0
    return next((number for number, name in enumerate(MONTHS, 1) if name.startswith(word)), 0)


def _make_date(year: str, month: int, day: str) -> dt.date | None:
    """The date, or None when the parts do not make one."""
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None
