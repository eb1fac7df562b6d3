"""The data files kept beside the code (word lists, tables): their lines, less blanks and comments."""

from __future__ import annotations

from pathlib import Path


def data_lines(path: Path) -> list[str]:
    """The lines of the UTF-8 file at ``path`` without blank lines and lines starting with ``#``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]
