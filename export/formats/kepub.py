"""KEPUB: the EPUB with Kobo's koboSpan markup, so Kobo's own reader shows popups and reading statistics."""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from export.epub.xhtml import EPUB_TYPE, XHTML_NS, serialize

SKIPPED_DOCUMENTS = ("nav.xhtml", "cover.xhtml")
BLOCKS = {
    f"{{{XHTML_NS}}}{tag}"
    for tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "figcaption", "td", "th", "pre")
}
UNSPANNED = {f"{{{XHTML_NS}}}{tag}" for tag in ("script", "style", "svg", "math", "head")}
SENTENCE_END = re.compile(r"(?<=[.!?…:;])\s+")


def kepub_from_epub(data: bytes) -> bytes:
    """The same book with every sentence of its content documents in a numbered ``koboSpan``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.endswith(".xhtml") and not info.filename.endswith(SKIPPED_DOCUMENTS):
                content = add_kobo_spans(content)
            target.writestr(info, content, compresslevel=9)
    return out.getvalue()


def add_kobo_spans(document: bytes) -> bytes:
    """One XHTML document with Kobo's spans and its body wrapped in ``book-columns``/``book-inner``."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    root = etree.fromstring(document, parser)
    body = root.find(f"{{{XHTML_NS}}}body")
    _Spanner().visit(body)
    columns = etree.Element(f"{{{XHTML_NS}}}div", id="book-columns")
    inner = etree.SubElement(columns, f"{{{XHTML_NS}}}div", id="book-inner")
    inner.text, body.text = body.text, None
    for child in list(body):
        inner.append(child)
    body.append(columns)
    return serialize(root)


class _Spanner:
    """Numbers blocks and sentences as Kobo does: ``kobo.BLOCK.SENTENCE``."""

    def __init__(self) -> None:
        self.block, self.sentence = 0, 0

    def visit(self, element: etree._Element) -> None:
        if element.tag in BLOCKS:
            self.block, self.sentence = self.block + 1, 0
        children = list(element)
        if element.text and element.text.strip():
            spans = self._spans(element.text)
            element.text = None
            for index, span in enumerate(spans):
                element.insert(index, span)
        for child in children:
            if not isinstance(child.tag, str) or child.tag in UNSPANNED:
                continue
            if child.get(EPUB_TYPE) != "noteref":  # the note number stays alone in its link
                self.visit(child)
            if child.tail and child.tail.strip():
                spans = self._spans(child.tail)
                child.tail = None
                position = element.index(child)
                for offset, span in enumerate(spans, start=1):
                    element.insert(position + offset, span)

    def _spans(self, text: str) -> list[etree._Element]:
        if self.block == 0:
            self.block = 1
        spans = []
        for sentence in _sentences(text):
            self.sentence += 1
            span = etree.Element(f"{{{XHTML_NS}}}span", {"class": "koboSpan"})
            span.set("id", f"kobo.{self.block}.{self.sentence}")
            span.text = sentence
            spans.append(span)
        return spans


def _sentences(text: str) -> list[str]:
    """``text`` cut after each sentence's end, the space kept with the sentence before it."""
    pieces, start = [], 0
    for match in SENTENCE_END.finditer(text):
        pieces.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        pieces.append(text[start:])
    return pieces
