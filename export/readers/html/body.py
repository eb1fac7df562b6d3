"""Finding the article's text in a page: its container, then boilerplate removed by rules kept as data."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from export.readers.html.markup_tables import data_lines
from export.readers.html.tree import drop
from export.whitespace import collapse_whitespace

STANDFIRST_LENGTH = (30, 800)
HEADER_TAGS = frozenset({"header"})  # a standfirst lives in the article's header
MIN_CONTAINER_TEXT = 250
MIN_PARAGRAPH_TEXT = 25
PARAGRAPH_TAGS = frozenset({"p", "pre", "td", "li", "blockquote"})
INLINE_TAGS = frozenset(
    {"a", "b", "i", "em", "strong", "span", "code", "sub", "sup", "small", "big", "font", "u", "abbr", "cite"}
)
LINK_DENSITY_WEIGHT = 1.0
WRAPPER_SHARE = 2
NEARLY_ALL = 0.8  # a container with this share of the fullest one's text is as good as it
NAMED_CACHE = 10_000  # class and id tokens judged, kept across the pages of one run
CAMEL_CASE = re.compile(r"([a-z0-9])([A-Z])")


def _lines(name: str) -> list[str]:
    return [line.strip() for line in data_lines(name)]


class Boilerplate:
    """The boilerplate rules of ``boilerplate.txt``: tags, ARIA roles and class or id words."""

    def __init__(self) -> None:
        rules: dict[str, set[str]] = {
            "tag": set(),
            "role": set(),
            "name": set(),
            "modifier": set(),
            "generic": set(),
        }
        for line in _lines("boilerplate.txt"):
            kind, value = line.split(None, 1)
            rules[kind].add(value.lower())
        self.tags = frozenset(rules["tag"])
        self.roles = frozenset(rules["role"])
        self.modifiers = tuple(f"{word}-" for word in sorted(rules["modifier"]))
        self.generic = sorted(rules["generic"], key=len, reverse=True)
        names = "|".join(re.escape(name) for name in sorted(rules["name"], key=len, reverse=True))
        self.names = re.compile(rf"(?:^|-)(?:{names})s?[0-9]*(?:-|$)")
        self._named: dict[str, bool] = {}  # tokens repeat in a page and across a site: each judged once

    def matches(self, element: etree._Element, allowed: frozenset[str] = frozenset()) -> bool:
        """True when ``element`` is boilerplate by its tag (unless ``allowed``), role, class or id."""
        if not isinstance(element.tag, str):
            return False
        tag = element.tag.lower()
        if (tag in self.tags and tag not in allowed) or (element.get("role") or "").lower() in self.roles:
            return True
        if element.get("hidden") is not None or element.get("aria-hidden") == "true":
            return True
        return any(
            self.named(token) for token in f"{element.get('id') or ''} {element.get('class') or ''}".split()
        )

    def named(self, token: str) -> bool:
        """True when a class or id token holds a boilerplate name as whole words."""
        known = self._named.get(token)
        if known is None:
            if len(self._named) >= NAMED_CACHE:
                self._named.clear()
            known = self._named[token] = self._judge(token)
        return known

    def _judge(self, token: str) -> bool:
        words = CAMEL_CASE.sub(r"\1-\2", token).lower().replace("_", "-")
        if words.startswith(self.modifiers):
            return False
        for prefix in self.generic:
            if words == prefix:
                return False
            if words.startswith(f"{prefix}-"):
                words = words[len(prefix) + 1 :]
                break
        return bool(self.names.search(words))

    def inside(self, element: etree._Element, allowed: frozenset[str] = frozenset()) -> bool:
        """True when ``element`` or one of its ancestors is boilerplate (tags in ``allowed`` are not)."""
        ancestors = [node for node in element.iterancestors() if node.tag not in ("html", "body")]
        return any(self.matches(node, allowed) for node in [element, *ancestors])

    def remove_from(self, container: etree._Element) -> None:
        """Remove every boilerplate element inside ``container``, keeping the text that follows each."""
        whole = _paragraph_text(container, self)
        for element in [node for node in container.iterdescendants() if self.matches(node)]:
            # A layout wrapper named like boilerplate ("two-col-sidebar") that holds most of the text stays.
            if _paragraph_text(element, self) * WRAPPER_SHARE < whole:
                drop(element)


class Markers:
    """Lines of ``containers.txt`` or ``standfirst.txt``: elements marked by a class token, an itemprop, a
    tag or an ARIA role, best first; a line may start with "generic"."""

    def __init__(self, lines: list[str]) -> None:
        self.generic: list[bool] = []
        self._by_kind: dict[str, dict[str, int]] = {}  # each kind's values and their best line's rank
        for line in lines:
            generic = line.startswith("generic ")
            kind, value = line.removeprefix("generic ").split(None, 1)
            self._by_kind.setdefault(kind, {}).setdefault(value, len(self.generic))
            self.generic.append(generic)

    @property
    def ranks(self) -> dict[tuple[str, str], int]:
        """Each marker (kind, value) with its best line's rank."""
        return {(kind, value): rank for kind, table in self._by_kind.items() for value, rank in table.items()}

    def marked(self, root: etree._Element) -> list[tuple[int, etree._Element]]:
        """Each marked element with its best line's rank, in document order: one pass over the tree (an
        XPath per line walked the whole tree once a line)."""
        found = []
        classes, tags, roles, props = (
            self._by_kind.get(kind, {}) for kind in ("class", "tag", "role", "itemprop")
        )
        for element in root.iter(etree.Element):
            matched = [classes[token] for token in (element.get("class") or "").split() if token in classes]
            for table, value in (
                (tags, element.tag),
                (roles, element.get("role")),
                (props, element.get("itemprop")),
            ):
                if value in table:
                    matched.append(table[value])
            if matched:
                found.append((min(matched), element))
        return found


BOILERPLATE = Boilerplate()
CONTAINERS = Markers(_lines("containers.txt"))
STANDFIRSTS = Markers(_lines("standfirst.txt"))


def take_standfirst(root: etree._Element) -> etree._Element | None:
    """The page's standfirst (lead) element, taken out of the tree so the body does not repeat it."""
    low, high = STANDFIRST_LENGTH
    for _, element in sorted(STANDFIRSTS.marked(root), key=lambda entry: entry[0]):
        if low <= _text_length(element) <= high and not BOILERPLATE.inside(element, HEADER_TAGS):
            drop(element)
            return element
    return None


@dataclass
class Container:
    """The element holding the article's text; ``named`` when a specific ``containers.txt`` line found it."""

    element: etree._Element
    named: bool


def find_container(root: etree._Element) -> Container:
    """The element holding the article's text, boilerplate removed from it."""
    found = _by_selectors(root)
    if found is None:
        for element in [node for node in root.iter() if BOILERPLATE.matches(node)]:
            drop(element)
        found = Container(_by_score(root), named=False)
    BOILERPLATE.remove_from(found.element)
    return found


def _text_length(element: etree._Element) -> int:
    return len(collapse_whitespace("".join(element.itertext())))


def _by_selectors(root: etree._Element) -> Container | None:
    """The container named by ``containers.txt``: specific lines first, generic ones only when none match."""
    marked = CONTAINERS.marked(root)
    for generic in (False, True):
        scored = []
        for rank, node in marked:
            if CONTAINERS.generic[rank] is generic:
                length = _paragraph_text(node, BOILERPLATE) if not BOILERPLATE.inside(node) else 0
                if length >= MIN_CONTAINER_TEXT:
                    scored.append((rank, -length, node))
        if scored:
            fullest = -min(length for _, length, _ in scored)
            near = [entry for entry in scored if -entry[1] >= NEARLY_ALL * fullest]
            return Container(min(near, key=lambda entry: entry[:2])[2], named=not generic)
    return None


def _paragraph_text(element: etree._Element, boilerplate: Boilerplate | None = None) -> int:
    """Characters of text in ``element`` outside links (and outside ``boilerplate`` when given)."""
    total = 0
    for node in element.iter():
        if not isinstance(node.tag, str) or node.tag == "a":
            continue
        if boilerplate and node is not element and boilerplate.matches(node):
            continue
        total += len((node.text or "").strip())
        for child in node:
            total += len((child.tail or "").strip())
    return total


def _own_text(element: etree._Element) -> str:
    """Text directly in ``element`` or in its inline children: what a reader sees as its paragraph."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag in INLINE_TAGS:
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return collapse_whitespace("".join(parts))


def _link_density(element: etree._Element) -> float:
    total = _text_length(element)
    if not total:
        return 1.0
    linked = sum(_text_length(link) for link in element.iter("a"))
    return min(linked / total, 1.0)


def _by_score(root: etree._Element) -> etree._Element:
    """Readability's way: paragraphs credit their parent fully and grandparent by half; links cost."""
    scores: dict[etree._Element, float] = {}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        text = _own_text(element)
        if len(text) < MIN_PARAGRAPH_TEXT:
            continue
        points = 1 + text.count(",") + min(len(text) / 100, 3)
        parent = element.getparent()
        if element.tag in PARAGRAPH_TAGS and parent is not None:
            targets = [parent, parent.getparent()]
        else:
            targets = [element, parent]
        for weight, target in zip((1.0, 0.5), targets, strict=True):
            if target is not None and target.tag not in ("html", "body"):
                scores[target] = scores.get(target, 0.0) + points * weight
    if not scores:
        body = root.find("body")
        return body if body is not None else root
    return max(scores, key=lambda node: scores[node] * (1 - LINK_DENSITY_WEIGHT * _link_density(node)))
