"""The page's JSON-LD (schema.org) objects: its articles and the persons who wrote them."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from export.whitespace import collapse_whitespace
from export.xmlchars import remove_xml_illegal

# schema.org's Article and its subtypes (https://schema.org/Article).
ARTICLE_TYPES = frozenset(
    {"Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle"}
    | {"BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle"}
    | {"Report", "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle", "TechArticle"}
    | {"APIReference", "SocialMediaPosting", "BlogPosting", "LiveBlogPosting", "DiscussionForumPosting"}
)
# A type's vocabulary before its name: "http://schema.org/NewsArticle", "schema:Person".
VOCABULARY = re.compile(r"^(?:https?://schema\.org/|schema:)", re.IGNORECASE)
JSON_CONTROL = re.compile(r"[\x00-\x1f]")
CDATA_MARKS = re.compile(r"(?://\s*)?(?:<!\[CDATA\[|\]\]>)")
# An object's members that hold the page's own article ("WebPage" -> "mainEntity": {"@type": "Article"}).
MAIN_MEMBERS = ("@graph", "mainEntity")
REFERENCE_MEMBERS = frozenset({"@id", "@type"})


@dataclass(frozen=True)
class Graph:
    """The page's JSON-LD: its objects of an article's type in order, and its objects by ``@id`` (those
    with more than an ``@id`` and a type: what a reference elsewhere, ``"author": {"@id": ...}`` as Yoast
    SEO writes, stands for)."""

    articles: list[dict]
    nodes: dict[str, dict]


def read(root: etree._Element) -> Graph:
    """The page's JSON-LD scripts, decoded once."""
    objects = [item for data in _documents(root) for item in _objects(data)]
    nodes: dict[str, dict] = {}
    for item in objects:
        key = item.get("@id")
        if isinstance(key, str) and set(item) - REFERENCE_MEMBERS:
            nodes.setdefault(key, item)
    return Graph([item for item in objects if types(item) & ARTICLE_TYPES], nodes)


def types(item: dict) -> set[str]:
    """The object's types without their vocabulary ("http://schema.org/Person" is "Person"); an empty one
    is none."""
    value = item.get("@type")
    values = value if isinstance(value, list) else [value]
    return {VOCABULARY.sub("", entry.strip()) for entry in values if isinstance(entry, str)} - {""}


def _kinds(item: dict) -> set[str]:
    """The object's types case-folded ("person" for "Person" or "person"), as ``types`` gives them."""
    return {kind.casefold() for kind in types(item)}


def string(value: object) -> str | None:
    """A JSON string's text, entities resolved and whitespace collapsed; None for anything else."""
    if isinstance(value, str):
        text = collapse_whitespace(remove_xml_illegal(html.unescape(value)))
        return text or None
    return None


def person_names(value: object, graph: dict[str, dict] | None = None) -> list[str]:
    """The names of an ``author`` value: strings, persons (``name``, else ``givenName`` and ``familyName``),
    lists of them; an object typed but not ``Person`` (an Organization or a subtype: ``NGO``...) has none.
    A reference to a person in ``graph`` (``Graph.nodes``) is that person, unless its name is an account's."""
    names: list[str] = []
    stack = [value]  # walked without recursion: lists nested as deep as the JSON goes
    while stack:
        value = stack.pop()
        if isinstance(value, list):
            stack.extend(reversed(value))
        elif (name := _person_name(_referenced(value, graph or {}))) is not None:
            names.append(name)
    return names


def _referenced(value: object, graph: dict[str, dict]) -> object:
    """The object a reference (an object of ``@id`` and ``@type`` alone) stands for, where ``graph`` holds
    it as a person whose name is no account's; else the value itself."""
    if not isinstance(value, dict) or set(value) - REFERENCE_MEMBERS:
        return value
    key = value.get("@id")
    node = graph.get(key) if isinstance(key, str) else None
    if node is None or "person" not in _kinds(node):
        return value
    name = _person_name(node)
    return value if name is None or _account(name) else node


def _account(name: str) -> bool:
    """A login's shape: one word in lower case, or with digits or underscores ("sarah-indra", "kei_eno")."""
    return " " not in name and (name.islower() or any(char.isdigit() or char == "_" for char in name))


def _person_name(value: object) -> str | None:
    """The name of one ``author`` value that is no list: a string, or a person's ``name`` or its parts."""
    if not isinstance(value, dict):
        return string(value)
    kinds = _kinds(value)
    if kinds and "person" not in kinds:
        return None
    name = string(value.get("name"))
    if name is None:
        parts = [string(value.get(member)) for member in ("givenName", "familyName")]
        name = " ".join(part for part in parts if part) or None
    return name


def _documents(root: etree._Element) -> Iterator[object]:
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            yield json.loads(JSON_CONTROL.sub(" ", CDATA_MARKS.sub("", script.text)))
        except (ValueError, RecursionError):  # not JSON, or nested deeper than the decoder goes
            continue


def _objects(data: object) -> list[dict]:
    """Every JSON object in a JSON-LD document, members of ``@graph`` and a ``mainEntity`` included, in
    document order (walked without recursion: the JSON may nest as deep as its decoder goes)."""
    found: list[dict] = []
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, list):
            stack.extend(reversed(value))
        elif isinstance(value, dict):
            found.append(value)
            stack.extend(reversed([value.get(member, []) for member in MAIN_MEMBERS]))
    return found
