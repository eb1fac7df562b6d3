"""Strings a regular expression cannot match without: a test with ``in`` that spares running it."""

from __future__ import annotations

import re
from re import _constants as sre  # the standard library's own parser: there is no public one
from re import _parser

Needles = tuple[str, ...]


def needles(pattern: re.Pattern[str]) -> Needles:
    """Strings one of which every match of ``pattern`` contains; () when none is known."""
    if pattern.flags & re.IGNORECASE:
        return ()
    return _sequence(_parser.parse(pattern.pattern, pattern.flags)) or ()


def _sequence(items: _parser.SubPattern) -> Needles | None:
    """The best needles of the items a sequence cannot match without: its literal runs, groups, branches."""
    found: list[Needles] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            found.append(("".join(run),))
            run = []
        if op is sre.SUBPATTERN and not av[1] & re.IGNORECASE:
            found.append(_sequence(av[3]))
        elif op is sre.ATOMIC_GROUP:
            found.append(_sequence(av))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            found.append(_sequence(av[2]))
        elif op is sre.BRANCH:
            branches = [_sequence(branch) for branch in av[1]]
            found.append(tuple(needle for branch in branches for needle in branch) if all(branches) else None)
        elif op is sre.IN and all(kind is sre.LITERAL for kind, _ in av):
            found.append(tuple(chr(code) for _, code in av))
    if run:
        found.append(("".join(run),))
    usable = [candidate for candidate in found if candidate]
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)), default=None)
