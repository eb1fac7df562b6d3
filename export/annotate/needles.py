"""Strings a regular expression cannot match without: a test with ``in`` that spares running it.

The pattern is read by a small scanner of its own (the standard library has no public regex parser);
whatever it does not understand counts as "anything", which only ever makes the needles fewer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

Needles = tuple[str, ...]

_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v"}
_QUANTIFIER = re.compile(r"[*+?]|\{(\d*)(,?)(\d*)\}")


@dataclass
class _Item:
    """One element of a sequence: a literal character, a group of branches, or anything else."""

    literal: str | None = None
    branches: list[list[_Item]] | None = None
    least: int = 1  # how many times it must occur
    once: bool = True  # no quantifier: it occurs exactly once


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
            escaped = self.pattern[self.at : self.at + 1]
            self.at += 1
            if escaped in _ESCAPED:
                return _Item(literal=_ESCAPED[escaped])
            return _Item() if escaped.isalnum() or not escaped else _Item(literal=escaped)
        if char == "[":
            start = self.at
            self._skip_class()
            members = _class_members(self.pattern[start : self.at - 1])
            return _Item(branches=[[_Item(literal=member)] for member in members]) if members else _Item()
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
        return _Item() if zero_width else _Item(branches=branches)


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


def _best(sets: Sequence[Needles]) -> Needles | None:
    """The set that is likeliest to rule text out: its shortest needle longest, then the fewest needles."""
    return max(sets, key=lambda c: (min(map(len, c)), -len(c)), default=None)
