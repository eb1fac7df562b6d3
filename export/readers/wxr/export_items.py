"""The items of an export as a reader hands them out: shared by the plain-file and the zip-archive reader."""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Protocol

from export.readers.wxr.items import WxrItem


class Closeable(Protocol):
    """An open input: a file, a zip archive or one of its members."""

    def close(self) -> None: ...


class ExportItems:
    """The export's items as they are read; ``bytes_read`` says how far into its ``total_bytes`` the
    reader is (a zip archive's parts counted uncompressed)."""

    def __init__(
        self,
        items: Generator[WxrItem, None, None],
        position: Callable[[], int],
        resources: list[Closeable],
        total_bytes: int,
    ) -> None:
        self._items = items
        self._position = position
        self._resources = resources
        self.total_bytes = total_bytes

    def __iter__(self) -> ExportItems:
        return self

    def __next__(self) -> WxrItem:
        return next(self._items)

    @property
    def bytes_read(self) -> int:
        """Bytes of the input read so far (the parser reads ahead by a chunk)."""
        return self._position()

    def close(self) -> None:
        """Stop reading and close the input, whether or not the items were all read."""
        self._items.close()
        for resource in self._resources:
            resource.close()
