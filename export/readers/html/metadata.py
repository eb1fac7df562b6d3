"""The page's metadata: title, authors, dates, site, canonical address and language."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass, field

from lxml import etree

from export.readers.dates import parse_date
from export.readers.html.markup_tables import data_lines
from export.xmlchars import remove_xml_illegal

ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "BlogPosting",
        "Report",
        "ScholarlyArticle",
        "TechArticle",
        "AnalysisNewsArticle",
    }
)
ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—»:]+\s+")
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
MAX_AUTHOR_LENGTH = 80
JSON_CONTROL = re.compile(r"[\x00-\x1f]")
CDATA_MARKS = re.compile(r"(?://\s*)?(?:<!\[CDATA\[|\]\]>)")


@dataclass
class PageMetadata:
    """What the page says about its article, each field None or empty where it says nothing."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: dt.date | None = None
    updated: dt.date | None = None
    site: str | None = None
    source: str | None = None
    language: str | None = None


def _load_rules() -> list[tuple[str, etree.XPath]]:
    rules = []
    for line in data_lines("metadata.tsv"):
        name, xpath = line.split("\t", 1)
        rules.append((name, etree.XPath(xpath)))
    return rules


RULES = _load_rules()


def read_metadata(root: etree._Element) -> PageMetadata:
    """The metadata of the page ``root``: JSON-LD first, then meta tags and markup."""
    found = _from_json_ld(root)
    values: dict[str, list[str]] = {}
    for name, xpath in RULES:
        if values.get(name):
            continue
        values[name] = [text for text in (_text(result) for result in xpath(root)) if text]
    if not found.title:
        found.title = _first(values, "title") or _title_element(root)
    if not found.authors:
        found.authors = _names(values.get("author", []))
    found.published = found.published or _day(_first(values, "published"))
    found.updated = found.updated or _day(_first(values, "updated"))
    found.site = found.site or _first(values, "site")
    found.source = _first(values, "source") or found.source
    found.language = _language(_first(values, "language")) or found.language
    return found


def _text(result) -> str:
    """A result's text, whitespace collapsed and entities that pages escape twice resolved."""
    text = result if isinstance(result, str) else "".join(result.itertext())
    return " ".join(html.unescape(text).split())


def _first(values: dict[str, list[str]], name: str) -> str | None:
    return next(iter(values.get(name, [])), None)


def _day(text: str | None) -> dt.date | None:
    if not text:
        return None
    match = ISO_DAY.search(text)
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return parse_date(text)


def _names(texts: list[str]) -> list[str]:
    names: list[str] = []
    for text in texts:
        name = re.sub(r"^(?:by|von)\s+", "", text, flags=re.IGNORECASE).strip(" ,")
        if name and "://" not in name and len(name) <= MAX_AUTHOR_LENGTH and name not in names:
            names.append(name)
    return names


def _language(text: str | None) -> str | None:
    if not text:
        return None
    tag = text.split(",")[0].strip().replace("_", "-")
    return tag if LANGUAGE_TAG.match(tag) else None


def _title_element(root: etree._Element) -> str | None:
    """The ``title`` element without the site's name that pages append or prepend."""
    title = _text(root.find(".//title")) if root.find(".//title") is not None else ""
    parts = TITLE_SEPARATORS.split(title)
    headings = {_text(heading) for heading in root.iter("h1")}
    matching = [part for part in parts if part in headings]
    if len(parts) > 1 and matching:
        return matching[0]
    if len(parts) > 1:
        longest = max(parts, key=len)
        if len(longest.split()) >= 3:
            return longest
    if title:
        return title
    heading = root.find(".//h1")
    return _text(heading) if heading is not None else None


def _from_json_ld(root: etree._Element) -> PageMetadata:
    found = PageMetadata()
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(JSON_CONTROL.sub(" ", CDATA_MARKS.sub("", script.text)))
        except ValueError:
            continue
        for item in _objects(data):
            types = item.get("@type")
            types = set(types) if isinstance(types, list) else {types}
            if not types & ARTICLE_TYPES:
                continue
            found.title = found.title or _string(item.get("headline"))
            found.authors = found.authors or _names(_person_names(item.get("author")))
            found.published = found.published or _day(_string(item.get("datePublished")))
            found.updated = found.updated or _day(_string(item.get("dateModified")))
            publisher = item.get("publisher")
            if isinstance(publisher, dict):
                found.site = found.site or _string(publisher.get("name"))
            found.language = found.language or _language(_string(item.get("inLanguage")))
    return found


def _objects(data) -> list[dict]:
    """Every JSON object in a JSON-LD document, ``@graph`` members included."""
    if isinstance(data, list):
        return [item for element in data for item in _objects(element)]
    if not isinstance(data, dict):
        return []
    return [data, *_objects(data.get("@graph", []))]


def _string(value) -> str | None:
    if isinstance(value, str):
        text = " ".join(remove_xml_illegal(html.unescape(value)).split())
        return text or None
    return None


def _person_names(value) -> list[str]:
    if isinstance(value, list):
        return [name for element in value for name in _person_names(element)]
    if isinstance(value, dict):
        name = _string(value.get("name"))
        return [name] if name else []
    name = _string(value)
    return [name] if name else []
