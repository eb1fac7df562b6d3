"""The books a split run has finished, so that a run stopped half-way can go on where it stopped."""

from __future__ import annotations

import contextlib
from pathlib import Path

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
        self.stream = None

    def up_to_date(self, name: str, digest: str) -> bool:
        """Whether the book ``name`` exists and was made from the same post and options."""
        return self.known.get(name) == digest and (self.path.parent / name).is_file()

    def record(self, name: str, digest: str) -> None:
        """Note that the book ``name`` is finished, made from ``digest``."""
        if self.known.get(name) == digest:
            return
        if self.stream is None:
            self.stream = self.path.open("a", encoding="utf-8")
        self.stream.write(f"{digest}\t{name}\n")
        self.stream.flush()
        self.known[name] = digest

    def close(self) -> None:
        """Close the list."""
        if self.stream is not None:
            self.stream.close()
