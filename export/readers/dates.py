"""Dates as web pages write them: "March 28, 2016", "Mar. 28, 2016", "28 March 2016", "2016-03-28",
German "23. Juni 2016" and "23.06.2016", "03/28/2016", month names in French, Spanish, Portuguese,
Italian and Dutch ("21 de abril de 2020"), and with a time of day after them ("August 15, 2020 at 9:35 am",
"21. April 2020 um 10:15", "21 avril 2020 à 10 h 15")."""

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
MONTHS_DE = (
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
)
MONTHS_OTHER = (  # French, Spanish, Portuguese, Italian, Dutch
    (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    (
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ),
    (
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ),
    (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
)
WEEKDAY_PREFIX = re.compile(
    r"^(?:mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi"
    r"|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)[a-z]*\.?,?\s+",
    re.IGNORECASE,
)
MONTH_DAY_YEAR = re.compile(
    r"^(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})$"
)
DAY_MONTH_YEAR = re.compile(
    r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?P<month>[^\W\d_]+)\.?,?\s+(?P<year>\d{4})$"
)
ISO_DATE = re.compile(r"^(?P<year>\d{4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})$")
SLASHED_DATE = re.compile(r"^(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})$")
CONNECTOR = re.compile(r" (?:de|del|di) ", re.IGNORECASE)
DOTTED_DATE = re.compile(r"^(?P<day>\d{1,2})\. ?(?P<month>\d{1,2})\. ?(?P<year>\d{4})$")
ISO_DATE_TIME = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[T ]\d{2}:\d{2}\S*)?$")
TIME_OF_DAY = re.compile(
    # (?<!\s): tried from the start of a run of spaces only, not again from each space in it (quadratic).
    r"(?<!\s)(?:,|\s+(?:at|um|@|-|–|—|\||à|às|a las|alle|om))?\s+\d{1,2}(?:[:.]\d{2}(?::\d{2})?|\s?h\s?\d{2})"
    r"\s*(?:[ap]\.?\s?m\.?|uhr|h)?$",
    re.IGNORECASE,
)
CLOCK = re.compile(
    r"(?<![\d.:])(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2})?(?:\s*(?P<half>[ap])\.?\s?m\b\.?)?(?![\d:])"
    r"|(?<![\d.:])(?P<hour_de>\d{1,2})\.(?P<minute_de>\d{2})\s*uhr\b"
    r"|(?<![\d.:])(?P<hour_fr>\d{1,2}) ?h ?(?P<minute_fr>\d{2})(?! ?[^\W\d_])(?!\d)",
    re.IGNORECASE,
)
MOST_DATE_WORDS = 4  # a weekday, then a month, day and year: what the patterns parse_date tries can match
MORE_THAN_DATE_WORDS = re.compile(rf"\s*(?:\S+\s+){{{MOST_DATE_WORDS}}}\S")
MONTH_DAY = re.compile(r"^(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?$")
DAY_MONTH = re.compile(r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?P<month>[^\W\d_]+)\.?$")


def parse_date(text: str) -> dt.date | None:
    """The date that ``text`` consists of, or None when it is not a date (or not a real one)."""
    if MORE_THAN_DATE_WORDS.match(text):
        return None  # spares splitting, or copying, a long line (memory: benchmarks/hostile_inputs.py)
    text = WEEKDAY_PREFIX.sub("", " ".join(text.split()).removesuffix("."))
    if match := ISO_DATE.match(text):
        return _make_date(match["year"], int(match["month"]), match["day"])
    for pattern in (MONTH_DAY_YEAR, DAY_MONTH_YEAR):
        if match := pattern.match(text):
            return _make_date(match["year"], _month_number(match["month"]), match["day"])
    return None


def parse_date_in(text: str, year: int | None = None) -> dt.date | None:
    """The date at the start of a date-and-time text, an ISO timestamp, or a date without its year.

    A date without a year ("Jun 20th at 2:41 am") takes ``year``; without one it is None.
    """
    text = " ".join(text.split())
    if match := ISO_DATE_TIME.match(text):
        return _make_date(match["year"], int(match["month"]), match["day"])
    text = CONNECTOR.sub(" ", TIME_OF_DAY.sub("", text).rstrip(" ,"))
    if date := parse_date(text):
        return date
    if match := DOTTED_DATE.match(text):
        return _make_date(match["year"], int(match["month"]), match["day"])
    if match := SLASHED_DATE.match(WEEKDAY_PREFIX.sub("", text)):
        return _slashed(match)
    text = WEEKDAY_PREFIX.sub("", text.removesuffix("."))
    for pattern in (MONTH_DAY, DAY_MONTH):
        if year and (match := pattern.match(text)):
            return _make_date(str(year), _month_number(match["month"]), match["day"])
    return None


def _slashed(match: re.Match[str]) -> dt.date | None:
    """A date written with slashes: month first as in the US, unless the first number cannot be a month."""
    first, second = int(match["first"]), int(match["second"])
    month, day = (second, first) if first > 12 else (first, second)
    return _make_date(match["year"], month, str(day))


def _month_number(word: str) -> int:
    """1-12 for a month name (English, German, French, Spanish, Portuguese, Italian, Dutch) or its
    abbreviation of three letters or more, else 0."""
    word = word.casefold()
    if len(word) < 3:
        return 0
    for names in (MONTHS, MONTHS_DE, *MONTHS_OTHER):
        if number := next((number for number, name in enumerate(names, 1) if name.startswith(word)), 0):
            return number
    return 0


def _make_date(year: str, month: int, day: str) -> dt.date | None:
    """The date, or None when the parts do not make one."""
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None


def parse_date_after(text: str, after: dt.date | None) -> dt.date | None:
    """``parse_date_in``, a date without a year taken as the first such day on or after ``after``."""
    date = parse_date_in(text, after.year if after else None)
    if date and after and date < after and str(date.year) not in text:
        date = parse_date_in(text, after.year + 1)
    return date


def parse_time_in(text: str) -> dt.time | None:
    """The time of day in a date-and-time text: "at 9:35 am", "um 17:21 Uhr", "à 10 h 15",
    "2016-06-23T17:21:09+02:00"."""
    match = CLOCK.search(text)
    if not match:
        return None
    hour = int(match["hour"] or match["hour_de"] or match["hour_fr"])
    minute = int(match["minute"] or match["minute_de"] or match["minute_fr"])
    if match["half"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["half"].lower() == "p" else 0)
    return dt.time(hour, minute) if hour < 24 and minute < 60 else None


DATE_IN_TEXT = re.compile(
    r"\b\d{4}-\d{2}-\d{2}(?!\d)|\b\d{1,2}\.\d{1,2}\.\d{4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\.?\s+[^\W\d_]+\.?,?\s+\d{4}\b|\b[^\W\d_]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"
)
MAX_DATED_TEXT = 300


def find_date_in(text: str) -> dt.date | None:
    """The first date written anywhere in a short text ("Published am 21. April 2020 um 9:00")."""
    for match in DATE_IN_TEXT.finditer(" ".join(text.split())[:MAX_DATED_TEXT]):
        if date := parse_date_in(match[0]):
            return date
    return None
