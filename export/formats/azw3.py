"""AZW3 (Kindle KF8) through calibre, byte-identical for the same EPUB."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

from export.errors import InputError

CONVERTER = Path(__file__).resolve().parent / "calibre_convert.py"
PDB_TIMES = slice(36, 44)  # the Palm database header's creation and modification times


def azw3_from_epub(data: bytes, source: Path, when: dt.datetime, identifier: str) -> bytes:
    """The EPUB ``data`` converted by calibre, with ``when`` as its time and ``identifier`` as its UUID."""
    calibre = shutil.which("calibre-debug")
    if not calibre or not shutil.which("ebook-convert"):
        raise InputError(
            source, "AZW3 needs calibre's ebook-convert, which is not installed (apt install calibre)"
        )
    with tempfile.TemporaryDirectory() as scratch:
        epub, azw3 = Path(scratch) / "book.epub", Path(scratch) / "book.azw3"
        epub.write_bytes(data)
        seed = int(identifier.replace("-", "")[:8], 16)
        result = subprocess.run(
            [calibre, str(CONVERTER), str(seed), identifier, str(epub), str(azw3)],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "PYTHONHASHSEED": "0"},  # calibre walks sets of strings too
        )
        if result.returncode != 0 or not azw3.is_file():
            last = (result.stderr.strip() or result.stdout.strip() or "no message").splitlines()[-1]
            raise InputError(source, f"calibre could not make the AZW3 book: {last}")
        book = bytearray(azw3.read_bytes())
    seconds = int(when.timestamp())
    book[PDB_TIMES] = struct.pack(">II", seconds, seconds)
    return bytes(book)
