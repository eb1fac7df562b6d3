"""The fixed words a book prints, in the book's language: labels.tsv, a row per key, a column per language.

English is the fallback, for a language without a column and for a cell left empty.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from pathlib import Path

FALLBACK = "en"


class Labels:
    """The words of one language: ``labels("key", name=value)`` fills a label's ``{name}`` fields."""

    __slots__ = ("language", "words")

    def __init__(self, language: str, words: Mapping[str, str]) -> None:
        self.language = language  # the table's column: "en", "de", ...
        self.words = words

    def __call__(self, key: str, /, **values: object) -> str:
        """The label ``key`` with its fields filled."""
        text = self.words[key]
        return text.format(**values) if values else text

    def around(self, key: str, name: str) -> tuple[str, str]:
        """The words of label ``key`` before and after its field ``name`` (a field written as an element)."""
        before, _, after = self.words[key].partition("{" + name + "}")
        return before, after

    def number(self, count: int) -> str:
        """``count`` with its digits grouped the language's way: 1,204, 1.204, 1 204."""
        return f"{count:,}".replace(",", self.words["number.group"])

    def count(self, count: int, noun: str) -> str:
        """``count`` with the noun ``noun`` in the form that goes with it: "1 comment", "3 Kommentare"."""
        one = count == 1 or (count == 0 and self.words["plural.zero"] == "one")
        return self(f"{noun}.{'one' if one else 'many'}", n=self.number(count))

    def left_out(self, count: int, one: str, many: str) -> str:
        """A count of items left out of a blog's book, named by their English words when no label has them."""
        if f"left.{one}.one" in self.words:
            return self.count(count, f"left.{one}")
        return f"1 {one}" if count == 1 else f"{self.number(count)} {many}"

    def join(self, names: list[str]) -> str:
        """Names as a list in words: "A, B and C"."""
        if len(names) < 2:
            return "".join(names)
        return f"{', '.join(names[:-1])} {self.words['list.and']} {names[-1]}"

    def month(self, month: int) -> str:
        """The month's name: 1 is January."""
        return self.words[f"month.{month}"]

    def date(self, date: dt.date) -> str:
        """A date as the language writes it: "April 8, 2019", "8. April 2019", "8 avril 2019"."""
        day = (date.day == 1 and self.words["date.first_day"]) or str(date.day)
        return self("date", day=day, month=self.month(date.month), year=date.year)

    def month_year(self, date: dt.date) -> str:
        """The month and year of ``date`` as a heading, first letter upper case: "Abril de 2019"."""
        text = self("date.month_year", month=self.month(date.month), year=date.year)
        return text[:1].upper() + text[1:]

    def date_time(self, day: str, clock: str) -> str:
        """A date (``day``, as ``date`` writes it) with its time of day (``clock``, "14:05")."""
        return self("date.time", date=day, time=clock)


def language_column(language: str) -> str:
    """The table's column for a language tag ("de-AT" is "de"); English for a language it lacks."""
    primary = language.replace("_", "-").split("-")[0].strip().lower()
    return primary if primary in _table() else FALLBACK


def labels_for(language: str) -> Labels:
    """The labels for a language tag such as ``de`` or ``fr-CA``; English for a language without a column."""
    return _labels(language_column(language))


@functools.cache
def _labels(column: str) -> Labels:
    """The labels of one column of the table, made once: an empty cell takes the English one."""
    table = _table()
    return Labels(column, {key: text or table[FALLBACK][key] for key, text in table[column].items()})


@functools.cache
def _table() -> dict[str, dict[str, str]]:
    """labels.tsv as {language: {key: text}}; lines starting with "#" are comments."""
    text = Path(__file__).with_name("labels.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    languages = lines[0].split("\t")[1:]
    table: dict[str, dict[str, str]] = {language: {} for language in languages}
    for line in lines[1:]:
        key, *cells = line.split("\t")
        if len(cells) != len(languages):
            raise ValueError(f"labels.tsv: the row {key!r} has {len(cells)} cells, not {len(languages)}")
        for language, cell in zip(languages, cells, strict=True):
            table[language][key] = cell
    return table
