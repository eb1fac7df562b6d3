"""Books as calibre renders them on a 6-inch screen, and what the rendered lines measure."""

from __future__ import annotations

import collections
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

CALIBRE_ENV = {**os.environ, "QTWEBENGINE_DISABLE_SANDBOX": "1", "QT_QPA_PLATFORM": "offscreen"}
# A 6-inch e-reader's screen, 90 x 122 mm, with narrow margins; calibre's default font size (20 px)
# puts about 35 characters on a full line, as such a reader does at a comfortable size.
SIX_INCH = ["--unit", "millimeter", "--custom-size", "90x122"] + [
    option for side in ("left", "right", "top", "bottom") for option in (f"--pdf-page-margin-{side}", "12")
]
# Where that screen's text ends on the right, in points (90 mm less the margin), with a point to spare.
SIX_INCH_TEXT_RIGHT = 90 / 25.4 * 72 - 12 + 1
XHTML = {"h": "http://www.w3.org/1999/xhtml"}


@dataclass(frozen=True)
class Line:
    """One rendered line: its page (from 0), its words and its box in points."""

    page: int
    text: str
    left: float
    right: float
    top: float
    bottom: float

    @property
    def height(self) -> int:
        return round(self.bottom - self.top)


def tools() -> tuple[str, str]:
    """calibre's ebook-convert and poppler's pdftotext; the test fails when either is missing."""
    calibre, pdftotext = shutil.which("ebook-convert"), shutil.which("pdftotext")
    assert calibre, "calibre is needed to render the books: apt-get install calibre"
    assert pdftotext, "poppler-utils is needed to read the rendered pages: apt-get install poppler-utils"
    return calibre, pdftotext


def render_six_inch(book: Path, pdf: Path) -> list[Line]:
    """The book rendered by calibre as a 6-inch screen shows it, read back line by line."""
    calibre, pdftotext = tools()
    subprocess.run(
        [calibre, str(book), str(pdf), *SIX_INCH], check=True, capture_output=True, env=CALIBRE_ENV
    )
    layout = subprocess.run([pdftotext, "-bbox-layout", str(pdf), "-"], check=True, capture_output=True)
    root = etree.fromstring(layout.stdout, etree.XMLParser(recover=True, resolve_entities=False))
    lines = []
    for number, page in enumerate(root.iterfind(".//h:page", XHTML)):
        for line in page.iterfind(".//h:line", XHTML):
            lines.append(
                Line(
                    number,
                    " ".join(word.text or "" for word in line),
                    float(line.get("xMin")),
                    float(line.get("xMax")),
                    float(line.get("yMin")),
                    float(line.get("yMax")),
                )
            )
    return lines


def columns(lines: list[Line]) -> list[tuple[float, Line]]:
    """How many characters of body text fit from each body line's left edge to the text's right edge,
    narrowest first; body lines are those of the most common height (headings are left out)."""
    body_height = collections.Counter(line.height for line in lines).most_common(1)[0][0]
    body = [line for line in lines if line.height == body_height]
    right = max(line.right for line in body)
    per_point = sum(len(line.text) for line in body) / sum(line.right - line.left for line in body)
    return sorted((((right - line.left) * per_point, line) for line in body), key=lambda found: found[0])
