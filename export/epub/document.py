"""The types the writer's modules share: a content document, the claims placed in it, note references."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from export.records import Record


class PlacedClaim(NamedTuple):
    """A claim as written into a chapter: its key (``claim-KEY`` in the text), kind, and where its words are
    (``start`` to ``end`` of its paragraph's ``source``: a huge page's claims copy none of its text)."""

    key: str
    kind: str
    source: str
    start: int
    end: int

    @property
    def text(self) -> str:
        """The claim's words."""
        return self.source[self.start : self.end]


@dataclass(eq=False, repr=False)
class Document(Record):
    """One XHTML content document of the book, ready to package."""

    file_name: str
    title: str
    content: bytes
    landmark: str | None = None
    toc: list[tuple[str, str]] | None = None
    claims: list[PlacedClaim] = field(default_factory=list)  # marked in this document, in reading order


class NoteReferences(Protocol):
    """The article's own footnotes, as a chapter's text refers to them."""

    def reference(self, key: str) -> dict[str, str] | None:
        """The attributes of a reference to the note ``key``; None when there is no such note."""
