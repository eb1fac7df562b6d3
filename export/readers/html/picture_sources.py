"""Which address a picture on the web is shown from: its ``srcset`` candidate nearest the book's width,
else the address a lazy loader keeps, else ``src``. Nothing here fetches."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from export.readers.html.inline import safe_link
from export.readers.html.tree import tag_of

BOOK_WIDTH = 1600  # pixels: pictures are scaled down to this longest side for e-readers
SRCSET_ATTRIBUTES = ("data-lazy-srcset", "data-srcset", "srcset")
# The real address where lazy loaders keep it; ``src`` last, as it may be a placeholder.
SOURCE_ATTRIBUTES = ("data-lazy-src", "data-src", "data-original", "src")
# ``<source type>`` values a book can carry; others (AVIF, JPEG XL, SVG) are passed over.
BOOK_TYPES = frozenset({"image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp"})
NOMINAL_WIDTH = 800  # a picture's width at 1x density when its img gives none
MAX_CANDIDATES = 64


@dataclass(frozen=True)
class Candidate:
    """One entry of a ``srcset``: its address and the width it is (``400w``) or the density (``2x``)."""

    url: str
    width: int | None = None
    density: float | None = None


def parse_srcset(text: str) -> list[Candidate]:
    """The candidates of a ``srcset`` value, read in one pass as the HTML standard reads it (an address
    may hold commas; a descriptor list ends at a comma outside parentheses). Bad descriptors are skipped."""
    candidates: list[Candidate] = []
    position, length = 0, len(text)
    while position < length and len(candidates) < MAX_CANDIDATES:
        while position < length and (text[position].isspace() or text[position] == ","):
            position += 1
        start = position
        while position < length and not text[position].isspace():
            position += 1
        url = text[start:position]
        if not url:
            break
        descriptors: list[str] = []
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            descriptors, position = _descriptors(text, position)
        candidate = _candidate(url, descriptors)
        if candidate is not None:
            candidates.append(candidate)
    return candidates


def _descriptors(text: str, position: int) -> tuple[list[str], int]:
    """The descriptors after an address, up to the comma that ends the candidate, and where they end."""
    descriptors: list[str] = []
    current: list[str] = []
    depth = 0
    while position < len(text):
        character = text[position]
        position += 1
        if character == "," and depth == 0:
            break
        if character.isspace() and depth == 0:
            if current:
                descriptors.append("".join(current))
                current = []
            continue
        depth += (character == "(") - (character == ")" and depth > 0)
        current.append(character)
    if current:
        descriptors.append("".join(current))
    return descriptors, position


def _candidate(url: str, descriptors: list[str]) -> Candidate | None:
    if not url:
        return None
    width: int | None = None
    density: float | None = None
    for descriptor in descriptors:
        number, unit = descriptor[:-1], descriptor[-1:].lower()
        if unit == "w" and number.isdigit() and int(number) > 0:
            width = int(number)
        elif unit == "x" and _is_number(number) and float(number) > 0:
            density = float(number)
        elif unit != "h":
            return None
    return Candidate(url, width, density)


def _is_number(text: str) -> bool:
    head, _, tail = text.partition(".")
    return bool(head or tail) and (not head or head.isdigit()) and (not tail or tail.isdigit())


def nearest_candidate(candidates: list[Candidate], nominal_width: int = NOMINAL_WIDTH) -> Candidate | None:
    """The candidate nearest the book's width: the narrowest as wide or wider, else the widest.

    A density candidate counts as ``nominal_width`` times its density (1x when it says neither)."""
    if not candidates:
        return None

    def width(candidate: Candidate) -> float:
        return candidate.width or nominal_width * (candidate.density or 1.0)

    wide = [candidate for candidate in candidates if width(candidate) >= BOOK_WIDTH]
    return min(wide, key=width) if wide else max(candidates, key=width)


def best_source(image: etree._Element) -> str | None:
    """The address, as the page writes it, of the largest fitting version of an ``img``: from its
    ``srcset`` and its ``<picture>``'s sources, else a lazy loader's attribute, else ``src``."""
    candidates = [candidate for holder in _source_holders(image) for candidate in _srcset_of(holder)]
    chosen = nearest_candidate(candidates, _declared_width(image))
    if chosen is not None:
        return chosen.url
    return next(iter(_attribute_sources(image)), None)


def _attribute_sources(image: etree._Element) -> list[str]:
    """The image's addresses in its lazy loaders' attributes and ``src``, in that order; no ``data:`` URI."""
    values = ((image.get(attribute) or "").strip() for attribute in SOURCE_ATTRIBUTES)
    return [value for value in values if value and not value.lower().startswith("data:")]


def _source_holders(image: etree._Element) -> list[etree._Element]:
    """The ``<source>`` elements of the picture around ``image`` that a book can carry, then the image.

    libxml2 does not know ``source`` is empty, so it nests the sources and the image inside each other."""
    holder = image.getparent()
    while holder is not None and tag_of(holder) == "source":
        holder = holder.getparent()
    sources = []
    if holder is not None and tag_of(holder) == "picture":
        sources = [
            source
            for source in holder.iter("source")
            if (source.get("type") or "image/jpeg").strip().lower() in BOOK_TYPES
        ]
    return [*sources, image]


def _srcset_of(element: etree._Element) -> list[Candidate]:
    for attribute in SRCSET_ATTRIBUTES:
        value = element.get(attribute)
        if value and value.strip():
            return [c for c in parse_srcset(value) if not c.url.lower().startswith("data:")]
    return []


def _declared_width(image: etree._Element) -> int:
    width = (image.get("width") or "").strip()
    return int(width) if width.isdigit() and 0 < int(width) <= 10 * BOOK_WIDTH else NOMINAL_WIDTH


def web_address(source: str | None, base_url: str | None) -> str | None:
    """``source`` as an absolute http or https address, resolved against ``base_url``; None otherwise."""
    url = safe_link(source, base_url)
    return url if url and url.lower().startswith(("http://", "https://")) else None


def source_addresses(root: etree._Element) -> dict[str, str]:
    """Each source attribute's value of each picture on the page to the picture's ``best_source``, so that
    a reading that kept only ``src`` (trafilatura's) still finds the best version. A value several
    pictures share (a lazy loader's placeholder) says nothing and is left out."""
    found: dict[str, str | None] = {}
    for image in root.iter("img"):
        best = best_source(image)
        if best is None:
            continue
        for value in _attribute_sources(image):
            found[value] = best if found.get(value, best) == best else None
    return {value: best for value, best in found.items() if best is not None}
