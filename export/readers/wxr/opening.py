"""Opening a WordPress export: a WXR file read as a stream, or a zip archive of WXR parts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from export.errors import InputError
from export.model import Blog
from export.readers.wxr.export import ExportReader
from export.readers.wxr.export_items import ExportItems
from export.readers.wxr.parts import is_zip, open_parts


def open_export(path: Path, warn: Callable[[str], None]) -> tuple[Blog, ExportItems]:
    """The blog the export at ``path`` describes, and an iterator over its items in file order.

    Problems that stop reading raise ``InputError``, possibly while iterating; tolerated exporter faults
    are reported through ``warn``, once each. A zip archive's WXR parts are read as one export.
    """
    if is_zip(path):
        return open_parts(path, warn)
    try:
        size = path.stat().st_size
        if size == 0:
            raise InputError(path, "is empty")
        raw = path.open("rb")
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror}") from None
    reader = ExportReader(path, raw, warn)
    try:
        blog = reader.read_blog()
    except BaseException:
        raw.close()
        raise
    return blog, ExportItems(reader.items(), lambda: _tell(raw), [raw], size)


def _tell(raw: BinaryIO) -> int:
    try:
        return raw.tell()
    except (OSError, ValueError):  # closed once the items are all read
        return 0
