"""The seed's book opened by real reading engines: calibre's Kindle (KF8) reader and its Chromium renderer.

Each note reference must lead to its own note, the note must lead back, and every note's text must be shown.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from books import NS, documents
from lxml import html

pytestmark = pytest.mark.calibre
CALIBRE_ENV = {**os.environ, "QTWEBENGINE_DISABLE_SANDBOX": "1", "QT_QPA_PLATFORM": "offscreen"}


def squeeze(text: str) -> str:
    """Text without white space or hyphens, so line breaks and hyphenation in a rendering do not matter."""
    return re.sub(r"[\s\-\u00ad\u2010]+", "", text)


@pytest.fixture(scope="module")
def calibre() -> str:
    command = shutil.which("ebook-convert")
    assert command, "the calibre marker skips these tests where calibre is missing"
    return command


@pytest.fixture(scope="module")
def notes(seed_book) -> dict[str, str]:
    """Every note of the book by its id, with its text after the back link."""
    found = {}
    for root in documents(seed_book).values():
        for note in root.xpath("//*[@epub:type='footnote']", namespaces=NS):
            paragraph = note.xpath("h:p", namespaces=NS)[0]
            found[note.get("id")] = "".join(paragraph.itertext()).split(" ", 1)[1]
    assert len(found) >= 10
    return found


def kindle_reading(calibre: str, azw3: Path, folder: Path) -> dict[str, html.HtmlElement]:
    """The book as a Kindle holds it (AZW3 made by --format azw3), read back by calibre's KF8 reader."""
    back = folder / "back.epub"
    subprocess.run([calibre, str(azw3), str(back)], check=True, capture_output=True, env=CALIBRE_ENV)
    pages = {}
    with zipfile.ZipFile(back) as archive:
        for name in archive.namelist():
            if name.endswith((".html", ".xhtml")):
                pages[name] = html.fromstring(archive.read(name))
    return pages


def test_kindle_book_links_every_note_reference_to_its_note_and_back(calibre, seed_azw3, notes, tmp_path):
    pages = kindle_reading(calibre, seed_azw3, tmp_path)
    targets = {
        (name, element.get("id")): element
        for name, page in pages.items()
        for element in page.iter()
        if element.get("id")
    }
    references = [
        (name, link)
        for name, page in pages.items()
        for link in page.iter("a")
        if "noteref" in (link.get("class") or "")
    ]
    assert len(references) == len(notes)
    for name, link in references:
        file_part, _, anchor = link.get("href").partition("#")
        page = posixpath.normpath(posixpath.join(posixpath.dirname(name), file_part)) if file_part else name
        note = targets[(page, anchor)]
        assert note.get("id") in notes, f"reference {link.text} leads to {anchor}, not to a note"
        assert squeeze(notes[note.get("id")]) in squeeze(note.text_content())
        back_file, _, back_anchor = next(note.iter("a")).get("href").partition("#")
        back_page = (
            posixpath.normpath(posixpath.join(posixpath.dirname(page), back_file)) if back_file else page
        )
        assert targets[(back_page, back_anchor)] is link, "the note's first link leads back to its reference"
        assert note.text_content().strip().startswith(f"{link.text}.")


@pytest.mark.poppler
def test_rendered_book_shows_every_note_and_its_reference(calibre, seed_book, notes, tmp_path):
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "the poppler marker skips this test where poppler is missing"
    pdf = tmp_path / "seed.pdf"
    subprocess.run(
        [calibre, str(seed_book), str(pdf), "--paper-size", "a5"],
        check=True,
        capture_output=True,
        env=CALIBRE_ENV,
    )
    text = subprocess.run([pdftotext, str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    shown = squeeze(text)
    for key, note in notes.items():
        assert squeeze(note) in shown, f"note {key} is not shown"
    assert squeeze("Magnier’s sources told him that when Putin had informed Iran") in shown
