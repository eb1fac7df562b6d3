"""The data files kept beside the code (word lists, tables): their lines, less blanks and comments."""

from __future__ import annotations

from pathlib import Path


def numbered_data_lines(path: Path) -> list[tuple[int, str]]:
    """The lines of the UTF-8 file at ``path``, each with its number from 1, without blank lines and
    lines starting with ``#``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        (number, line) for number, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")
    ]


def data_lines(path: Path) -> list[str]:
    """The lines of the UTF-8 file at ``path`` without blank lines and lines starting with ``#``."""
    return [line for _number, line in numbered_data_lines(path)]
