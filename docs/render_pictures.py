"""Regenerate the README's pictures: the seed's book rendered by calibre in each bundled style (a page of
the article and a page of its notes), its generated cover, and, when the shared corpus is found (beside the
repository, or at $ANNOTATED_EPUB_SHARED), the deepest page of the theme unit test's 10-deep comment
thread as a 6-inch screen shows it, and the page of that thread where a comment holds a table. Needs
calibre's ebook-convert and poppler's pdftoppm/pdftotext (Debian packages calibre and poppler-utils).
Run: python docs/render_pictures.py
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
sys.path.insert(0, str(ROOT / "tests"))

from rendering import CALIBRE_ENV, SIX_INCH  # noqa: E402  (the 6-inch screen the tests render on)

SEED = ROOT / "seeds" / "000_4421cee95cb58524.txt"
STYLES = ("book", "plain")
PAGES = {"article-page": "evidently", "notes-page": "Attributed to unnamed sources"}
COVER_WIDTH = 400
SHARED = Path(os.environ.get("ANNOTATED_EPUB_SHARED") or ROOT.parent / "shared")
THEME_TEST = SHARED / "corpus" / "wxr" / "wptestdata__themeunittestdata.wordpress.xml"
THREAD_POST = "1148"  # "Template: Comments", a thread 10 replies deep
COMMENT_TABLE = "Employee Salary"  # a comment of that thread holding headings, quotes and a table


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
        if THEME_TEST.is_file():
            render_thread(annotated_epub, Path(scratch))
        else:
            print(f"render_pictures: {THEME_TEST} not found, so no picture of a deep thread")
    return 0


def render_thread(annotated_epub, scratch: Path) -> None:
    """The page of the theme unit test's thread that shows its deepest reply, on a 6-inch screen."""
    shelf = scratch / "thread"
    annotated_epub([str(THEME_TEST), "--split", "--post", THREAD_POST, "-o", f"{shelf}/", "-q"])
    (book,) = shelf.glob("*.epub")
    pdf = scratch / "thread.pdf"
    subprocess.run(
        ["ebook-convert", str(book), str(pdf), *SIX_INCH], check=True, capture_output=True, env=CALIBRE_ENV
    )
    save_page(pdf, "Comment Depth 10", scratch / "deep-thread", ROOT / "docs" / "deep-thread.png", 100)
    save_page(pdf, COMMENT_TABLE, scratch / "comment-table", ROOT / "docs" / "comment-table.png", 100)


def render_pages(book: Path, style: str, scratch: Path) -> None:
    """One PNG per entry of PAGES: the first PDF page whose text holds the entry's marker."""
    pdf = scratch / f"{book.stem}.pdf"
    subprocess.run(
        ["ebook-convert", str(book), str(pdf), "--paper-size", "a5", "--pdf-default-font-size", "14"],
        check=True,
        capture_output=True,
        env=CALIBRE_ENV,
    )
    for name, marker in PAGES.items():
        save_page(pdf, marker, scratch / f"{name}-{style}", ROOT / "docs" / f"{name}-{style}.png", 70)


def save_page(pdf: Path, marker: str, stem: Path, target: Path, resolution: int) -> None:
    """The first page of ``pdf`` whose text holds ``marker``, as a PNG at ``target``."""
    pages = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True)
    texts = [" ".join(text.split()) for text in pages.stdout.split("\f")]
    number = str(next(index for index, text in enumerate(texts, start=1) if marker in text))
    command = ["pdftoppm", "-png", "-r", str(resolution), "-f", number, "-l", number, "-singlefile"]
    subprocess.run([*command, str(pdf), str(stem)], check=True)
    shutil.copy(f"{stem}.png", target)
    print(target)


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
