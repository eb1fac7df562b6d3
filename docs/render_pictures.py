"""Regenerate the README's pictures: the seed's book rendered by calibre, one page of the article and
one of its notes. Needs calibre's ebook-convert and poppler's pdftoppm/pdftotext (Debian packages
calibre and poppler-utils). Run: python docs/render_pictures.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_4421cee95cb58524.txt"
PICTURES = {
    "article-page.png": "evidently",
    "notes-page.png": "Attributed to unnamed sources",
}


def main() -> int:
    missing = [tool for tool in ("ebook-convert", "pdftoppm", "pdftotext") if not shutil.which(tool)]
    if missing:
        print(f"render_pictures: needs {', '.join(missing)} (apt-get install calibre poppler-utils)")
        return 1
    sys.path.insert(0, str(ROOT))
    from export.cli import main as annotated_epub

    env = {**os.environ, "QTWEBENGINE_DISABLE_SANDBOX": "1", "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as scratch:
        book, pdf = Path(scratch) / "seed.epub", Path(scratch) / "seed.pdf"
        annotated_epub([str(SEED), "-o", str(book), "-q"])
        subprocess.run(
            ["ebook-convert", str(book), str(pdf), "--paper-size", "a5", "--pdf-default-font-size", "14"],
            check=True,
            capture_output=True,
            env=env,
        )
        pages = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True)
        texts = pages.stdout.split("\f")
        for name, marker in PICTURES.items():
            number = next(
                index for index, text in enumerate(texts, start=1) if marker in " ".join(text.split())
            )
            stem = Path(scratch) / name.removesuffix(".png")
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "70",
                    "-f",
                    str(number),
                    "-l",
                    str(number),
                    "-singlefile",
                    str(pdf),
                    str(stem),
                ],
                check=True,
            )
            shutil.copy(f"{stem}.png", ROOT / "docs" / name)
            print(ROOT / "docs" / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
