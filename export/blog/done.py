"""The books a split run has finished, so that a run stopped half-way can go on where it stopped."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from export.errors import InputError

DONE_FILE = ".annotated-epub-done"


class FinishedBooks:
    """A split run's list of finished books, each with the digest of the post and options it came from."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / DONE_FILE
        self.known: dict[str, str] = {}
        with contextlib.suppress(OSError):
            for line in self.path.read_text(encoding="utf-8", errors="replace").splitlines():
                digest, tab, name = line.partition("\t")
                if tab and name:
                    self.known[name] = digest

    def up_to_date(self, name: str, digest: str) -> bool:
        """Whether the book ``name`` exists and was made from the same post and options."""
        return self.known.get(name) == digest and (self.path.parent / name).is_file()


def record_finished(directory: Path, name: str, digest: str) -> None:
    """Note in ``directory``'s list that the book ``name`` is finished, made from ``digest``.

    One append of one short line, so that worker processes can note their books side by side.
    """
    line = f"{digest}\t{name}\n".encode()
    try:
        handle = os.open(directory / DONE_FILE, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
        try:
            os.write(handle, line)
        finally:
            os.close(handle)
    except OSError as error:
        raise InputError(directory / DONE_FILE, f"cannot note a finished book: {error.strerror}") from None
