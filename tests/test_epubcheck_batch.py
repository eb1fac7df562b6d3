"""The suite's EPUBCheck, one Java process for book after book, reports each book on its own."""

from __future__ import annotations

import zipfile
from pathlib import Path


def without(book: Path, name: str, out: Path) -> Path:
    """A copy of ``book`` lacking the archive entry ``name``."""
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(out, "w") as copy:
        for info in source.infolist():
            if info.filename != name:
                copy.writestr(info, source.read(info))
    return out


def test_a_broken_book_between_good_ones_is_reported_and_only_it(seed_book, epubcheck, tmp_path):
    broken = without(seed_book, "EPUB/nav.xhtml", tmp_path / "broken.epub")
    reports = [epubcheck(book) for book in (seed_book, broken, seed_book)]
    assert [report.errors for report in reports][::2] == [[], []]
    assert any("nav.xhtml" in line for line in reports[1].errors), reports[1].errors
