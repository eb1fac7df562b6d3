"""Stress levels for the comment benchmark: a page's class and id words that the reader's markup table
names, rewritten into neutral stable tokens, so that only generic evidence of a thread remains.

A word is *named* when ``comment_markup.tsv`` tests it as a whole (``has-class('x')``, ``@id='x'``),
holds a string the table tests with ``contains`` on ``@class`` or ``@id`` ("entry-date" for "date"), or
begins with one it tests with ``starts-with``/``substring-after`` (strings of three characters or more:
"comment-", "cmt", "b-tree-twig-"). Levels:

- ``items``: named words are rewritten, except on the elements the table's ``section`` role matches
  (``#comments``, ``.comments-area``: the section still says comment, its items do not);
- ``table``: every named word, the section's too;
- ``all``: ``table``, and every class or id word that says comment, kommentar, respons or discussion,
  and the microdata, RDFa and ``data-comment-*`` attributes the table reads (itemtype, typeof,
  itemprop, property, data-test-id): structure, text, ``time``/``abbr`` elements, links and pictures remain.

The neutral token is "n" and the first 8 hex digits of the word's sha1, its digits written as letters
(a word with digits reads as a number): the same word gives the same token, so repeated items still
share their classes.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from typing import Literal

from lxml import etree

from export.readers.html.markup_tables import data_lines, descendants_test

Level = Literal["items", "table", "all"]
LEVELS: tuple[Level, ...] = ("items", "table", "all")
TABLE = "comment_markup.tsv"
_WHOLE = re.compile(r"has-class\('([^']+)'\)|@(?:class|id)\s*=\s*'([^']+)'")
_PART = re.compile(r"(contains|starts-with|substring-after)\(\s*@(?:class|id)\s*,\s*'([^']+)'\)")
_SAYS_COMMENT = re.compile(r"comment|kommentar|respons|discussion", re.IGNORECASE)
_READ_ATTRIBUTES = ("itemtype", "typeof", "itemprop", "property", "data-test-id")
_SHORTEST_PART = 3
_LETTERS = str.maketrans("0123456789", "ghijklmnop")


@cache
def _named() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """The words the table tests whole, the strings it looks for anywhere in a word, and its prefixes."""
    whole: set[str] = set()
    parts: dict[str, set[str]] = {"contains": set(), "starts-with": set(), "substring-after": set()}
    for line in data_lines(TABLE):
        selector = line.split("\t", 1)[1]
        for match in _WHOLE.finditer(selector):
            whole.add((match[1] or match[2]).strip())
        for match in _PART.finditer(selector):
            if len(part := match[2].strip()) >= _SHORTEST_PART:
                parts[match[1]].add(part)
    prefixes = parts["starts-with"] | parts["substring-after"]
    return frozenset(whole), tuple(sorted(parts["contains"])), tuple(sorted(prefixes))


def is_named(word: str, level: Level) -> bool:
    """Whether the level rewrites this class or id word."""
    whole, anywhere, prefixes = _named()
    if word in whole or word.startswith(prefixes) or any(part in word for part in anywhere):
        return True
    return level == "all" and bool(_SAYS_COMMENT.search(word))


def neutral(word: str) -> str:
    """The stable neutral token for a word: letters only (a word with digits reads as a number, "depth-2")."""
    return "n" + hashlib.sha1(word.encode("utf-8")).hexdigest()[:8].translate(_LETTERS)


def neutralise(root: etree._Element, level: Level) -> int:
    """Rewrite the named class and id words of the page in place; the number of words rewritten."""
    kept = set(descendants_test(TABLE, "section")(root)) if level == "items" else set()
    changed = 0
    for element in root.iter():
        if not isinstance(element.tag, str) or element in kept:
            continue
        for attribute in ("class", "id"):
            value = element.get(attribute)
            if not value:
                continue
            words = value.split()
            new = [neutral(word) if is_named(word, level) else word for word in words]
            if new != words:
                changed += sum(a != b for a, b in zip(words, new, strict=True))
                element.set(attribute, " ".join(new))
        if level == "all":
            data = [name for name in element.attrib if name.startswith("data-comment")]
            for attribute in (*_READ_ATTRIBUTES, *data):
                if attribute in element.attrib:
                    del element.attrib[attribute]
                    changed += 1
    return changed
