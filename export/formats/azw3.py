"""AZW3 (Kindle KF8) through calibre's ``ebook-convert``, byte-identical for the same EPUB.

calibre is run as a process with a fixed environment (its own empty settings, locale, time zone and hash
seed), through ``calibre_convert.py`` which puts its manifest in name order (the one workaround that
must stay: see there). The three fields calibre fills by chance are then set from the book: the Palm
database's times, the MOBI header's unique id (``random``) and the UUID it writes as the book's ASIN and
source (``uuid4``).
"""

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
PDB_RECORDS = 76  # the number of records, then (offset, attributes, id) for each
MOBI_HEADER = 16  # record 0: the PalmDOC header, then the MOBI header
MOBI_UNIQUE_ID = 16  # within the MOBI header
EXTH_SOURCE, EXTH_ASIN = 112, 113  # EXTH records that hold calibre's UUID ("calibre:UUID" and "UUID")


def azw3_from_epub(data: bytes, source: Path | str, when: dt.datetime, identifier: str) -> bytes:
    """The EPUB ``data`` converted by calibre, with ``when`` as its time and ``identifier`` as its UUID."""
    calibre = shutil.which("calibre-debug")
    if not calibre or not shutil.which("ebook-convert"):
        raise InputError(
            source, "AZW3 needs calibre's ebook-convert, which is not installed (apt install calibre)"
        )
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "book.epub").write_bytes(data)
        result = subprocess.run(
            [calibre, str(CONVERTER), "book.epub", "book.azw3"],
            cwd=folder,
            env=fixed_environment(folder),
            capture_output=True,
            text=True,
            check=False,
        )
        azw3 = folder / "book.azw3"
        if result.returncode != 0 or not azw3.is_file():
            last = (result.stderr.strip() or result.stdout.strip() or "no message").splitlines()[-1]
            raise InputError(source, f"calibre could not make the AZW3 book: {last}")
        book = azw3.read_bytes()
    try:
        return settle_chance_fields(book, when, identifier)
    except ValueError as error:
        raise InputError(source, f"calibre made an AZW3 book this program cannot read: {error}") from None


def fixed_environment(folder: Path) -> dict[str, str]:
    """What calibre runs with: nothing of the user's settings, locale or time zone, a fixed hash seed."""
    return {
        "PATH": os.environ.get("PATH", os.defpath),
        "HOME": str(folder),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TZ": "UTC",
        "PYTHONHASHSEED": "0",  # calibre walks sets of strings too
        "CALIBRE_CONFIG_DIRECTORY": str(folder / "calibre-settings"),
        "CALIBRE_TEMP_DIR": str(folder),
    }


def settle_chance_fields(book: bytes, when: dt.datetime, identifier: str) -> bytes:
    """``book`` with its times set to ``when``, its unique id and its UUID taken from ``identifier``."""
    out = bytearray(book)
    seconds = int(when.timestamp())
    out[PDB_TIMES] = struct.pack(">II", seconds, seconds)
    if len(out) < PDB_RECORDS + 10:
        raise ValueError("too short for a Palm database")
    (record0,) = struct.unpack_from(">I", out, PDB_RECORDS + 2)
    mobi = record0 + MOBI_HEADER
    if out[mobi : mobi + 4] != b"MOBI":
        raise ValueError("no MOBI header")
    struct.pack_into(">I", out, mobi + MOBI_UNIQUE_ID, int(identifier.replace("-", "")[:8], 16))
    (header_length,) = struct.unpack_from(">I", out, mobi + 4)
    exth = mobi + header_length
    if out[exth : exth + 4] != b"EXTH":
        raise ValueError("no EXTH header")
    (count,) = struct.unpack_from(">I", out, exth + 8)
    position = exth + 12
    for _ in range(count):
        kind, length = struct.unpack_from(">II", out, position)
        value = slice(position + 8, position + length)
        if kind in (EXTH_SOURCE, EXTH_ASIN):
            prefix = b"calibre:" if kind == EXTH_SOURCE else b""
            wanted = prefix + identifier.encode("ascii")
            if len(wanted) != length - 8:
                raise ValueError(f"EXTH record {kind} is not a UUID")
            out[value] = wanted
        position += length
    return bytes(out)
