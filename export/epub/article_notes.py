"""The article's own footnotes: numbered references and popup notes, apart from our claim notes."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from export.epub.labels import Labels
from export.epub.notes import add_footnote, add_footnotes_section
from export.epub.xhtml import XHTML_NS
from export.model import Footnote


class ArticleNotes:
    """Numbers the article's footnotes and writes them, each linked back to its first reference."""

    def __init__(self, footnotes: list[Footnote], labels: Labels) -> None:
        self.labels = labels
        self.footnotes = [note for note in footnotes if note.paragraphs]
        self.numbers = {note.key: number for number, note in enumerate(self.footnotes, start=1)}
        self.referenced: set[int] = set()

    def reference(self, key: str) -> dict[str, str] | None:
        """The attributes of a reference to the note ``key``; None when the article has no such note."""
        number = self.numbers.get(key)
        if number is None:
            return None
        attrs = {
            "href": f"#fn-{number}",
            "class_": "article-noteref",
            "epub_type": "noteref",
            "role": "doc-noteref",
        }
        if number not in self.referenced:
            self.referenced.add(number)
            attrs["id"] = f"fnref-{number}"
        return attrs

    def write_section(self, parent: etree._Element, write_paragraph: Callable[..., etree._Element]) -> None:
        """Append the article's notes; ``write_paragraph(parent, paragraph)`` writes each paragraph."""
        if not self.footnotes:
            return
        heading = self.labels("article_notes")
        section = add_footnotes_section(parent, "article-notes", heading, "article-notes")
        for number, note in enumerate(self.footnotes, start=1):
            container = add_footnote(section, f"fn-{number}")
            first = write_paragraph(container, note.paragraphs[0])
            if number in self.referenced:
                label = etree.Element(f"{{{XHTML_NS}}}a", href=f"#fnref-{number}", role="doc-backlink")
            else:
                label = etree.Element(f"{{{XHTML_NS}}}span", {"class": "note-number"})
            label.text = f"{number}."
            label.tail = " " + (first.text or "")
            first.text = None
            first.insert(0, label)
            for paragraph in note.paragraphs[1:]:
                write_paragraph(container, paragraph)
