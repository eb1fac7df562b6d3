"""Regenerate the README's pictures: the seed's book rendered by calibre in each bundled style (a page of
the article and a page of its notes) and its generated cover. Needs calibre's ebook-convert and poppler's
pdftoppm/pdftotext (Debian packages calibre and poppler-utils). Run: python docs/render_pictures.py
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_4421cee95cb58524.txt"
STYLES = ("book", "plain")
PAGES = {"article-page": "evidently", "notes-page": "Attributed to unnamed sources"}
COVER_WIDTH = 400


def main() -> int:
    missing = [tool for tool in ("ebook-convert", "pdftoppm", "pdftotext") if not shutil.which(tool)]
    if missing:
        print(f"render_pictures: needs {', '.join(missing)} (apt-get install calibre poppler-utils)")
        return 1
    sys.path.insert(0, str(ROOT))
    from export.cli import main as annotated_epub

    with tempfile.TemporaryDirectory() as scratch:
        for style in STYLES:
            book = Path(scratch) / f"seed-{style}.epub"
            annotated_epub([str(SEED), "-o", str(book), "-q", "--style", style])
            render_pages(book, style, Path(scratch))
        save_cover(Path(scratch) / "seed-book.epub")
    return 0


def render_pages(book: Path, style: str, scratch: Path) -> None:
    """One PNG per entry of PAGES: the first PDF page whose text holds the entry's marker."""
    env = {**os.environ, "QTWEBENGINE_DISABLE_SANDBOX": "1", "QT_QPA_PLATFORM": "offscreen"}
    pdf = scratch / f"{book.stem}.pdf"
    subprocess.run(
        ["ebook-convert", str(book), str(pdf), "--paper-size", "a5", "--pdf-default-font-size", "14"],
        check=True,
        capture_output=True,
        env=env,
    )
    pages = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True)
    texts = [" ".join(text.split()) for text in pages.stdout.split("\f")]
    for name, marker in PAGES.items():
        number = str(next(index for index, text in enumerate(texts, start=1) if marker in text))
        stem = scratch / f"{name}-{style}"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "70", "-f", number, "-l", number, "-singlefile", str(pdf), str(stem)],
            check=True,
        )
        shutil.copy(f"{stem}.png", ROOT / "docs" / f"{name}-{style}.png")
        print(ROOT / "docs" / f"{name}-{style}.png")


def save_cover(book: Path) -> None:
    """The book's generated cover, scaled down for the README."""
    from PIL import Image

    with zipfile.ZipFile(book) as archive:
        cover = Image.open(io.BytesIO(archive.read("EPUB/cover.png"))).convert("RGB")
    height = round(cover.height * COVER_WIDTH / cover.width)
    target = ROOT / "docs" / "cover.png"
    cover.resize((COVER_WIDTH, height), Image.Resampling.LANCZOS).save(target, optimize=True)
    print(target)


if __name__ == "__main__":
    sys.exit(main())
