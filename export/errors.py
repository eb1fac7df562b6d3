"""The one error a user sees: a file and what is wrong with it."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad input or unwritable output, reported as one line naming the file."""

    def __init__(self, path: str | Path, problem: str) -> None:
        super().__init__(f"{printable(str(path))}: {problem}")
        self.path = str(path)
        self.problem = problem


def printable(text: str) -> str:
    """``text`` with line breaks, controls and undecodable bytes escaped, so that it stays on one line."""
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii") for char in text
    )
