"""Claims in the text and their footnotes, in the markup of shared/design/footnotes.md."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping

from lxml import etree

from export.epub.document import NoteReferences, PlacedClaim
from export.epub.inline import CUE_RANK, NOTE_MARK, NOTEREF_RANK, Mark, span_marks, write_inline
from export.epub.labels import Labels
from export.epub.xhtml import Streamed, add, add_copy, append_text, new_document
from export.model import Claim, Paragraph

_CUE = {"class_": "cue"}  # every cue's attributes (write_inline copies them)


class ChapterNotes:
    """Numbers the claims of one chapter and writes their notes at the chapter's end.

    With ``glance`` (the file of the "Claims at a glance" appendix) each note also links to its entry there;
    ``bundled`` leads links to the other articles of the same book there (see ``span_marks``).
    """

    def __init__(
        self,
        chapter: int,
        glance: str | None = None,
        article_notes: NoteReferences | None = None,
        *,
        labels: Labels,
        bundled: Mapping[str, str] | None = None,
        stream: Streamed | None = None,
    ) -> None:
        self.labels = labels
        self.stream = stream  # a long chapter's paragraphs and notes are serialized as they are written
        self.chapter = chapter
        self.glance = glance
        self.notes: list[str] = []
        self.placed: list[PlacedClaim] = []
        self.article_notes = article_notes
        self.bundled = bundled

    def paragraph(
        self, parent: etree._Element, paragraph: Paragraph, tag: str = "p", **attrs: str
    ) -> etree._Element:
        """Append ``paragraph`` as a ``tag`` element, each claim wrapped and followed by its note ref."""
        if not paragraph.spans and not paragraph.claims and "\n" not in paragraph.text:
            return add(parent, tag, paragraph.text, **attrs)  # plain text, as most comments are
        element = add(parent, tag, **attrs)
        noteref = self.article_notes.reference if self.article_notes else _no_note
        marks = span_marks(paragraph.spans, noteref, self.bundled)
        refs = sorted((mark.start, mark.end) for mark in marks if mark.rank == NOTEREF_RANK)
        position = 0
        for claim in sorted(paragraph.claims, key=lambda claim: claim.start):
            if claim.start < position:
                raise ValueError(f"overlapping claims at offset {claim.start} of a paragraph")
            self.notes.append(claim.note)
            number, key = len(self.notes), f"{self.chapter}-{len(self.notes)}"
            attrs = {"class_": "speculative", "data_claim": claim.kind, "id": f"claim-{key}"}
            self.placed.append(PlacedClaim(key, claim.kind, paragraph.text, claim.start, claim.end))
            marks.append(Mark(claim.start, claim.end, 0, "span", attrs, after=_note_reference(number, key)))
            for start, end in _cues(claim, paragraph.text, refs):
                marks.append(Mark(start, end, CUE_RANK, "span", _CUE))
            position = claim.end
        write_inline(element, paragraph.text, marks, self.stream.flush if self.stream else None)
        return element

    def write_section(self, body: etree._Element) -> None:
        """Append the chapter's notes section, if the chapter has notes."""
        if not self.notes:
            return
        section = add_footnotes_section(body, "notes", self.labels("notes"), f"notes-{self.chapter}")
        for number, note in enumerate(self.notes, start=1):
            key = f"{self.chapter}-{number}"
            container = add_copy(section, _NOTE)
            container.set("id", f"note-{key}")
            text = container[0]
            backlink = text[0]
            backlink.text = f"{number}."
            backlink.set("href", f"#nref-{key}")
            append_text(text, note)
            if self.glance:
                append_text(text, " ")
                href = f"{self.glance}#glance-{key}"
                add(text, "a", self.labels("all_claims"), href=href, class_="glance-link")
            if self.stream:
                self.stream.flush(section)


def add_footnotes_section(
    parent: etree._Element, class_name: str, heading: str, heading_id: str
) -> etree._Element:
    """Append a footnotes ``section`` of class ``class_name``, labelled by its ``h2`` ``heading``."""
    section = add(parent, "section", class_=class_name, epub_type="footnotes", aria_labelledby=heading_id)
    add(section, "h2", heading, id=heading_id)
    return section


def add_footnote(section: etree._Element, note_id: str) -> etree._Element:
    """Append one note's container, the target of its references, to a footnotes ``section``."""
    return add(section, "div", id=note_id, class_="note", epub_type="footnote", role="doc-footnote")


def _cues(claim: Claim, text: str, refs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The claim's cue words within its extent, less the article's own note references (``refs``, in
    order) and white space at their edges."""
    pieces = []
    for start, end in claim.cue_spans:
        start, end = max(start, claim.start), min(end, claim.end)
        for ref_start, ref_end in refs:
            if ref_start < end and start < ref_end:
                pieces.append((start, ref_start))
                start = max(start, ref_end)
        pieces.append((start, end))
    return [trimmed for start, end in pieces if (trimmed := _trimmed(text, start, end))]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while start < end and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _no_note(key: str) -> None:
    return None


def _note_reference(number: int, key: str) -> Callable[[etree._Element], None]:
    """What writes the reference to note ``number`` (``key``) after its claim (a partial: a huge page
    has tens of thousands of them at once)."""
    return functools.partial(_write_note_reference, number=number, key=key)


def _write_note_reference(parent: etree._Element, *, number: int, key: str) -> None:
    mark = add_copy(parent, _NOTE_REFERENCE)
    link = mark[0]
    link.text = str(number)
    link.set("id", f"nref-{key}")  # in the place its empty value holds, as are all set here
    link.set("href", f"#note-{key}")


def _templates() -> tuple[etree._Element, etree._Element]:
    """A note reference and a chapter's note, empty: copying one is quicker than making its elements one
    by one. Each attribute set later is there, empty, in its place in the order of the markup."""
    _, holder = new_document("", "en", "")
    reference = add(holder, "sup", class_=NOTE_MARK)
    add(reference, "a", id="", href="", class_="noteref", epub_type="noteref", role="doc-noteref")
    note = add_footnote(holder, "")
    backlink = add(add(note, "p"), "a", href="", role="doc-backlink")
    backlink.tail = " "
    return reference, note


_NOTE_REFERENCE, _NOTE = _templates()
