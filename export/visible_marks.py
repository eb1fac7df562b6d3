"""How much of a chapter its stylesheet visibly marks as claims: words in styled claim elements ÷ words.

A claim element (class ``speculative`` or ``cue``) counts as visibly marked when a rule of the stylesheet
whose selector ends on its class sets a visible property (an underline, a background, a border, a colour,
a font change). Words of the notes and of the note numbers are left out of both counts.
It reads a written book, as export/validate.py does: a measure for benchmarks/claims_eval.py and the
tests, no part of writing one (so it lives outside the writer, export/epub).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from export.epub.package import STYLESHEET
from export.epub.xhtml import EPUB_TYPE, XHTML_NS

CLAIM_CLASSES = frozenset({"speculative", "cue"})
VISIBLE_PROPERTIES = frozenset(
    {
        "text-decoration",
        "text-decoration-line",
        "-webkit-text-decoration",
        "-webkit-text-decoration-line",
        "background",
        "background-color",
        "background-image",
        "border",
        "border-bottom",
        "border-top",
        "border-left",
        "border-right",
        "border-style",
        "border-bottom-style",
        "outline",
        "box-shadow",
        "text-shadow",
        "color",
        "font-weight",
        "font-style",
        "font-variant",
        "font-family",
        "font-size",
        "text-transform",
    }
)
INVISIBLE_VALUES = frozenset(
    {"none", "normal", "transparent", "inherit", "initial", "unset", "0", "currentcolor"}
)
INLINE = frozenset(
    {"a", "abbr", "b", "cite", "code", "del", "em", "i", "ins", "q", "small", "span", "strong", "sub", "sup"}
)
SKIPPED_TYPES = frozenset({"footnotes", "noteref"})  # notes and note numbers are not the article's words
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CLASS = re.compile(r"\.([\w-]+)")
_WORD = re.compile(r"\S+")
_SAFE = etree.XMLParser(resolve_entities=False, no_network=True)


@dataclass(frozen=True)
class MarkedWords:
    """Words of a chapter's text, and how many of them its stylesheet visibly marks as claims."""

    marked: int
    words: int

    @property
    def share(self) -> float:
        return self.marked / self.words if self.words else 0.0


def visible_claim_classes(css: str) -> frozenset[str]:
    """The claim classes (``speculative``, ``cue``) that some rule of ``css`` gives a visible style."""
    visible: set[str] = set()
    for rule in _COMMENT.sub("", css).split("}"):
        selectors, _, body = rule.partition("{")
        if not any(_shows(declaration) for declaration in body.split(";")):
            continue
        for selector in selectors.split(","):
            compounds = selector.replace(">", " ").replace("+", " ").replace("~", " ").split()
            if compounds:
                visible |= CLAIM_CLASSES.intersection(_CLASS.findall(compounds[-1]))
    return frozenset(visible)


def _shows(declaration: str) -> bool:
    name, _, value = declaration.partition(":")
    value = value.replace("!important", "").strip().lower()
    return name.strip().lower() in VISIBLE_PROPERTIES and bool(value) and value not in INVISIBLE_VALUES


def marked_words(xhtml: bytes, css: str) -> MarkedWords:
    """The words of ``xhtml``'s body and how many of them lie in a claim element that ``css`` shows."""
    body = etree.fromstring(xhtml, _SAFE).find(f"{{{XHTML_NS}}}body")
    pieces = list(_texts(body, visible_claim_classes(css))) if body is not None else []
    text = "".join(piece for piece, _ in pieces)
    shown = bytearray()
    for piece, marked in pieces:
        shown += bytes([marked]) * len(piece)
    words = [match.span() for match in _WORD.finditer(text) if any(c.isalnum() for c in match.group())]
    return MarkedWords(sum(any(shown[start:end]) for start, end in words), len(words))


def _texts(
    element: etree._Element, visible: frozenset[str], shown: bool = False
) -> Iterator[tuple[str, bool]]:
    """The text under ``element`` in reading order, each piece with whether a visible claim class holds it."""
    if SKIPPED_TYPES.intersection((element.get(EPUB_TYPE) or "").split()):
        return
    shown = shown or bool(visible.intersection((element.get("class") or "").split()))
    block = etree.QName(element).localname not in INLINE
    if block:
        yield "\n", False  # words never run on across blocks and line breaks
    if element.text:
        yield element.text, shown
    for child in element:
        if isinstance(child.tag, str):
            yield from _texts(child, visible, shown)
        if child.tail:
            yield child.tail, shown
    if block:
        yield "\n", False


def book_marked_words(epub: bytes, chapter: str = "EPUB/article.xhtml") -> MarkedWords:
    """:func:`marked_words` of one chapter of a book, with the stylesheet the book carries."""
    with zipfile.ZipFile(io.BytesIO(epub)) as archive:
        return marked_words(archive.read(chapter), archive.read(f"EPUB/{STYLESHEET}").decode("utf-8"))
