"""Strings a regular expression cannot match without: a test with ``in`` that spares running it; and words
(whole runs of word characters) it cannot match without, a test of the text's words that is sharper.

The pattern is read by a small scanner of its own (the standard library has no public regex parser);
whatever it does not understand counts as "anything", which only ever makes the needles fewer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

Needles = tuple[str, ...]
_Strings = TypeVar("_Strings", Needles, frozenset[str])  # a set of needles, or of words

_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v"}
_WORD_RUN = re.compile(r"\w+")
_QUANTIFIER = re.compile(r"[*+?]|\{(\d*)(,?)(\d*)\}")
# An escape with an argument: a character by its code or name, a backreference or an octal code (three
# digits at most: taking too many only drops literals).
_HEX = "[0-9a-fA-F]"
_ESCAPE_WITH_ARGUMENT = re.compile(rf"x{_HEX}{{0,2}}|u{_HEX}{{0,4}}|U{_HEX}{{0,8}}|N\{{[^}}]*\}}?|\d{{1,3}}")


@dataclass
class _Item:
    """One element of a sequence: a literal character, a group of branches, or anything else."""

    literal: str | None = None
    branches: list[list[_Item]] | None = None
    least: int = 1  # how many times it must occur
    once: bool = True  # no quantifier: it occurs exactly once
    boundary: bool = False  # a word boundary, or a character that is not a word character (\s, \W, [,;])
    transparent: bool = False  # a lookaround: it holds nothing of the match, and the text on both sides meets


@dataclass
class _Scanner:
    pattern: str
    at: int = 0
    unknown: bool = False  # an inline flag or an unbalanced pattern: give no needles
    items: list[_Item] = field(default_factory=list)

    def branches(self) -> list[list[_Item]]:
        """The branches from here to the closing parenthesis (or the end)."""
        branches: list[list[_Item]] = [[]]
        while self.at < len(self.pattern):
            char = self.pattern[self.at]
            if char == ")":
                return branches
            self.at += 1
            if char == "|":
                branches.append([])
            elif char in "*+?{" and branches[-1] and self._quantify(branches[-1][-1]):
                continue
            else:
                branches[-1].append(self._item(char))
        return branches

    def _quantify(self, item: _Item) -> bool:
        match = _QUANTIFIER.match(self.pattern, self.at - 1)
        if not match:
            return False
        text = match.group()
        item.least = 0 if text in "*?" else 1 if text == "+" else int(match.group(1) or 0)
        item.once = False
        self.at = match.end()
        if self.pattern[self.at : self.at + 1] in ("?", "+"):
            self.at += 1  # lazy or possessive
        return True

    def _item(self, char: str) -> _Item:
        if char == "\\":
            argument = _ESCAPE_WITH_ARGUMENT.match(self.pattern, self.at)
            if argument:
                self.at = argument.end()
                return _Item()
            escaped = self.pattern[self.at : self.at + 1]
            self.at += 1
            if escaped in _ESCAPED:
                return _Item(literal=_ESCAPED[escaped])
            if escaped in ("b", "s", "W"):
                return _Item(boundary=True)
            return _Item() if escaped.isalnum() or not escaped else _Item(literal=escaped)
        if char == "[":
            start = self.at
            self._skip_class()
            members = _class_members(self.pattern[start : self.at - 1])
            if not members:
                return _Item()
            boundary = not any(map(is_word_char, members))
            return _Item(branches=[[_Item(literal=member)] for member in members], boundary=boundary)
        if char == "(":
            return self._group()
        return _Item() if char in ".^$" else _Item(literal=char)

    def _skip_class(self) -> None:
        self.at += self.pattern[self.at : self.at + 1] == "^"
        self.at += self.pattern[self.at : self.at + 1] == "]"
        while self.at < len(self.pattern) and self.pattern[self.at] != "]":
            self.at += 2 if self.pattern[self.at] == "\\" else 1
        self.at += 1

    def _group(self) -> _Item:
        rest = self.pattern[self.at :]
        zero_width = rest.startswith(("?=", "?!", "?<=", "?<!"))
        if rest.startswith("?P<"):
            self.at = self.pattern.index(">", self.at) + 1
        elif rest.startswith(("?:", "?>", "?=", "?!")):
            self.at += 2
        elif rest.startswith(("?<=", "?<!")):
            self.at += 3
        elif rest.startswith("?"):
            self.unknown = True  # inline flags or a conditional
        branches = self.branches()
        if self.pattern[self.at : self.at + 1] != ")":
            self.unknown = True
        self.at += 1
        return _Item(transparent=True) if zero_width else _Item(branches=branches)


def _class_members(text: str) -> list[str]:
    """The characters of a class that lists plain characters only; [] for ranges, negation or escapes."""
    members: list[str] = []
    escaped = False
    for char in text:
        if escaped:
            if char.isalnum():
                return []
            members.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "^-[]":
            return []
        else:
            members.append(char)
    return list(dict.fromkeys(members))


def needle_sets(pattern: re.Pattern[str] | str) -> tuple[Needles, ...]:
    """Sets of strings such that every match of ``pattern`` (compiled, or a regex compiled without flags)
    contains one string of each set; () when none is known."""
    if isinstance(pattern, re.Pattern):
        if pattern.flags & (re.IGNORECASE | re.VERBOSE):
            return ()
        pattern = pattern.pattern
    scanner = _Scanner(pattern)
    branches = scanner.branches()
    if scanner.unknown or scanner.at != len(pattern):
        return ()
    if len(branches) == 1:
        return tuple(_required(branches[0]))
    found = _alternatives(branches)
    return (found,) if found else ()


def _alternatives(branches: list[list[_Item]]) -> Needles | None:
    """Needles for one of several branches: every branch must have some."""
    found: list[Needles] = []
    for branch in branches:
        needles = _best(_required(branch))
        if not needles:
            return None
        found.append(needles)
    return tuple(dict.fromkeys(needle for needles in found for needle in needles))


def _required(items: list[_Item]) -> list[Needles]:
    """Needle sets of the items a sequence cannot match without: its literal runs, groups, branches."""
    found: list[Needles | None] = []
    run: list[str] = []
    for item in items:
        if item.literal is not None and item.once:
            run.append(item.literal)
            continue
        if run:
            found.append(("".join(run),))
            run = []
        if item.least >= 1:
            if item.literal is not None:
                found.append((item.literal,))
            elif item.branches is not None:
                found.append(_alternatives(item.branches))
    if run:
        found.append(("".join(run),))
    return [candidate for candidate in found if candidate]


def _best(sets: Sequence[_Strings]) -> _Strings | None:
    """The set that is likeliest to rule text out: its shortest string longest, then the fewest strings."""
    return max(sets, key=lambda c: (min(map(len, c)), -len(c)), default=None)


def word_sets(pattern: str) -> tuple[tuple[frozenset[str], ...], ...]:
    """For each branch of ``pattern`` (a regex without flags), sets of words such that the text of every
    match of the branch has a word of each set: a whole run of word characters (as ``\\w+`` finds them)
    inside the match. () when some branch has none, or the pattern is not understood."""
    scanner = _Scanner(pattern)
    branches = scanner.branches()
    if scanner.unknown or scanner.at != len(pattern):
        return ()
    found = tuple(tuple(_words(branch, False, False)) for branch in branches)
    return found if all(found) else ()


def is_word_char(char: str) -> bool:
    """Whether ``char`` is a word character, as ``\\w`` matches one."""
    return char.isalnum() or char == "_"


def _words(items: list[_Item], before: bool, after: bool) -> list[frozenset[str]]:
    """Word sets of the items a sequence cannot match without; ``before`` and ``after``: whether what
    precedes and follows the sequence is sure to be no word character (or a word boundary)."""
    found: list[frozenset[str]] = []
    index = 0
    while index < len(items):
        item = items[index]
        if item.literal is not None and item.once:
            end = index
            while end < len(items) and items[end].literal is not None and items[end].once:
                end += 1
            run = "".join(str(each.literal) for each in items[index:end])
            for match in _WORD_RUN.finditer(run):
                starts = match.start() > 0 or _bounded_before(items, index, before)
                ends = match.end() < len(run) or _bounded_after(items, end - 1, after)
                if starts and ends:
                    found.append(frozenset((match.group(),)))
            index = end
            continue
        if item.branches is not None and item.once:
            words = _alternative_words(
                item.branches, _bounded_before(items, index, before), _bounded_after(items, index, after)
            )
            if words:
                found.append(words)
        index += 1
    return found


def _alternative_words(branches: list[list[_Item]], before: bool, after: bool) -> frozenset[str] | None:
    """A word of one of several branches: every branch must have a set; the best of each, together."""
    found: set[str] = set()
    for branch in branches:
        best = _best(_words(branch, before, after))
        if best is None:
            return None
        found |= best
    return frozenset(found)


def _bounded_before(items: list[_Item], index: int, before: bool) -> bool:
    """Whether the text just before ``items[index]`` is no word character (``before``: before them all)."""
    for item in reversed(items[:index]):
        if item.transparent:
            continue
        if not _ends_bounded(item, last=True):
            return False
        if item.least >= 1:
            return True
    return before


def _bounded_after(items: list[_Item], index: int, after: bool) -> bool:
    """Whether the text just after ``items[index]`` is no word character (``after``: after them all)."""
    for item in items[index + 1 :]:
        if item.transparent:
            continue
        if not _ends_bounded(item, last=False):
            return False
        if item.least >= 1:
            return True
    return after


def _ends_bounded(item: _Item, last: bool) -> bool:
    """Whether the item, where it matches text, ends (``last``) or starts with no word character."""
    if item.boundary or (item.literal is not None and not is_word_char(item.literal)):
        return True
    if item.branches is None:
        return False
    for branch in item.branches:
        shown = [each for each in branch if not each.transparent]
        edge = shown[-1 if last else 0] if shown else None
        if edge is None or edge.least < 1 or not _ends_bounded(edge, last):
            return False
    return True
