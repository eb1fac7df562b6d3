"""Selector and word tables kept as data beside the readers, loaded and compiled once."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from lxml import etree

from export import datafiles
from export.whitespace import collapse_whitespace

_HERE = Path(__file__).parent
_HAS_CLASS = re.compile(r"has-class\('([^']+)'\)")


def data_lines(name: str) -> list[str]:
    """The lines of the data file ``name`` beside the readers, without blank lines and ``#`` comment lines."""
    return datafiles.data_lines(_HERE / name)


@cache
def _rows(name: str) -> dict[str, list[str]]:
    """The table's values by role, in file order; ``#`` starts a comment line."""
    table: dict[str, list[str]] = {}
    for line in data_lines(name):
        role, value = line.split("\t", 1)
        table.setdefault(role, []).append(value.strip())
    return table


def first_fields(name: str, role: str) -> list[str]:
    """The first field after the role in each row of ``role`` in table ``name`` (the others say where it
    comes from), in file order."""
    return [value.split("\t", 1)[0] for value in _rows(name).get(role, [])]


def _class_test(match: re.Match[str]) -> str:
    # The plain substring test first: it is cheap and rules out most elements before the token test.
    name = match[1]
    return f"(contains(@class, '{name}') and contains(concat(' ', normalize-space(@class), ' '), ' {name} '))"


@cache
def xpaths(name: str, role: str) -> list[etree.XPath]:
    """The selectors of ``role`` in table ``name``, compiled, ``has-class('x')`` expanded."""
    return [etree.XPath(_HAS_CLASS.sub(_class_test, value)) for value in _rows(name).get(role, [])]


@cache
def patterns(name: str, role: str) -> list[re.Pattern[str]]:
    """The word patterns of ``role`` in table ``name``, compiled case-insensitively."""
    return [re.compile(value, re.IGNORECASE) for value in _rows(name).get(role, [])]


def first_match(element: etree._Element, selectors: list[etree.XPath]) -> etree._Element | None:
    """The first element that the first selector with any result finds under ``element``."""
    for selector in selectors:
        if found := [node for node in selector(element) if isinstance(node, etree._Element)]:
            return found[0]
    return None


@cache
def self_test(name: str, role: str) -> etree.XPath:
    """One XPath that accepts an element when any ``self::`` selector of ``role`` does."""
    values = _rows(name).get(role, []) or ["self::*[false()]"]
    return etree.XPath(" | ".join(_HAS_CLASS.sub(_class_test, value) for value in values))


@cache
def descendants_test(name: str, role: str, with_self: bool = False) -> etree.XPath:
    """One XPath that finds the descendants (``with_self``: and the element it is run on) any ``self::``
    selector of ``role`` accepts, in document order: one walk with the selectors as alternatives of its
    predicate (libxml2 merges the node sets of a union ``|`` pairwise, in time the product of their sizes)."""
    values = _rows(name).get(role, []) or ["self::*[false()]"]
    axis = "descendant-or-self::" if with_self else "descendant::"
    return etree.XPath(f"{axis}*[{' or '.join(f'({_HAS_CLASS.sub(_class_test, v)})' for v in values)}]")


@cache
def one_walk(name: str, role: str, among: str) -> etree.XPath:
    """One XPath that finds what any row of ``role`` (each ``//*[test]``) finds, in document order: a single
    walk over the elements ``among`` accepts (a test each row's test implies), where a walk a row over
    every element costs twice as much."""
    tests = []
    for value in _rows(name).get(role, []):
        test = value.removeprefix("//*[").removesuffix("]")
        if value != f"//*[{test}]" or not _one_predicate(test):
            raise ValueError(f"{name}: the {role} row {value!r} is no //*[test]")
        tests.append(f"({_HAS_CLASS.sub(_class_test, test)})")
    return etree.XPath(f"//*[{among}][{' or '.join(tests)}]")


def _one_predicate(test: str) -> bool:
    """Whether the brackets of ``test`` close each one they open, none more: it is one predicate's test."""
    depth = 0
    for character in test:
        depth += {"[": 1, "]": -1}.get(character, 0)
        if depth < 0:
            return False
    return depth == 0


def matches(element: etree._Element, test: etree.XPath) -> bool:
    """Whether the ``self_test`` accepts ``element``."""
    return bool(test(element))


def search(text: str, regexes: list[re.Pattern[str]]) -> re.Match[str] | None:
    """The first pattern's match in ``text`` (whitespace collapsed), or None."""
    text = collapse_whitespace(text)
    return next((match for regex in regexes if (match := regex.search(text))), None)
