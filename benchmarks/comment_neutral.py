"""Stress levels for the comment and text benchmarks: a page's class and id words that the reader's markup
tables name, rewritten into neutral stable tokens, so that only generic evidence remains.

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

The article text's levels (``html_eval.py --neutral-markup``) rewrite the page's bytes themselves
(``neutralise_bytes``: only the values of ``class`` and ``id`` attributes change, so both systems read the
same page but for those words, and the gold's text snippets are where they were):

- ``text``: the class and id words the text's tables name: a ``name`` of ``boilerplate.txt`` as the
  reader matches it (whole words of a token: "share" in "post-share"), a class of ``containers.txt`` and
  ``standfirst.txt``, a word of a ``block`` selector of ``related_markup.tsv``; not a word the comment
  table names for a thread ("comment"; not its ``page`` role, the article's containers, nor ``skip``), so that
  the thread is found as in the normal run and the text alone is stressed;
- ``text+comments``: those and every word the comment table names (its ``table`` level).

Tags (``nav``, ``aside``, ``footer``), ARIA roles and ``itemprop`` stay: they are the web's standard
vocabulary, not words fitted to the tune sites. Label lines (``related_labels.txt``,
``closing_notes.txt``, ``boilerplate_lines.txt``) stay too: they are text, and rewriting them would move
the gold snippets the scorer looks for.

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
TextLevel = Literal["text", "text+comments"]
TEXT_LEVELS: tuple[TextLevel, ...] = ("text", "text+comments")
TABLE = "comment_markup.tsv"
RELATED_TABLE = "related_markup.tsv"
# A class or id attribute's value in a page's bytes (read as latin-1, so every other byte stays as it was),
# looked for in start tags only: scripts, styles and comments are passed over whole, and text holds no tag.
# A name begins only where a run of name characters begins (no match can begin inside one), so a long
# run without "=" is tried once, not from each of its characters (linear on "<div " + "a" * n).
_ATTRIBUTE = re.compile(r"""(?<![^\s"'=<>/`])([^\s"'=<>/`]+)(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+)""")
# Each part left open runs to the page's end, so no start is scanned twice (linear on "<script" * n).
_TAG_OR_SKIPPED = re.compile(
    r"(<script\b(?:.*?</script\s*>|.*)|<style\b(?:.*?</style\s*>|.*)|<!--(?:.*?-->|.*))|<[a-z][^>]*>?",
    re.IGNORECASE | re.DOTALL,
)
_NAME_END = re.compile(r"[\s/]")
_TOKEN = re.compile(r"""[^\s"']+""")
_WHOLE = re.compile(r"has-class\('([^']+)'\)|@(?:class|id)\s*=\s*'([^']+)'")
_PART = re.compile(r"(contains|starts-with|substring-after)\(\s*@(?:class|id)\s*,\s*'([^']+)'\)")
_SAYS_COMMENT = re.compile(r"comment|kommentar|respons|discussion", re.IGNORECASE)
_READ_ATTRIBUTES = ("itemtype", "typeof", "itemprop", "property", "data-test-id")
_SHORTEST_PART = 3
_LETTERS = str.maketrans("0123456789", "ghijklmnop")


@cache
def _named(
    table: str = TABLE, roles: frozenset[str] | None = None, other_roles: bool = False
) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """The words the table tests whole, the strings it looks for anywhere in a word, and its prefixes (in the
    selectors of ``roles`` only, or of the roles but those with ``other_roles``, where given)."""
    whole: set[str] = set()
    parts: dict[str, set[str]] = {"contains": set(), "starts-with": set(), "substring-after": set()}
    for line in data_lines(table):
        role, selector = line.split("\t", 1)
        if roles is not None and (role in roles) is other_roles:
            continue
        for match in _WHOLE.finditer(selector):
            whole.add((match[1] or match[2]).strip())
        for match in _PART.finditer(selector):
            if len(part := match[2].strip()) >= _SHORTEST_PART:
                parts[match[1]].add(part)
    prefixes = parts["starts-with"] | parts["substring-after"]
    return frozenset(whole), tuple(sorted(parts["contains"])), tuple(sorted(prefixes))


def _in_table(word: str, named: tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]) -> bool:
    whole, anywhere, prefixes = named
    return word in whole or word.startswith(prefixes) or any(part in word for part in anywhere)


def is_named(word: str, level: Level) -> bool:
    """Whether the level rewrites this class or id word."""
    if _in_table(word, _named()):
        return True
    return level == "all" and bool(_SAYS_COMMENT.search(word))


@cache
def _marker_classes() -> frozenset[str]:
    """The class tokens ``containers.txt`` and ``standfirst.txt`` name, as the reader's markers read them."""
    from export.readers.html.body import CONTAINERS, STANDFIRSTS

    return frozenset(
        value for markers in (CONTAINERS, STANDFIRSTS) for kind, value in markers.ranks if kind == "class"
    )


def is_text_named(word: str, level: TextLevel) -> bool:
    """Whether the text level rewrites this class or id word."""
    from export.readers.html.body import BOILERPLATE

    if level == "text+comments" and is_named(word, "table"):
        return True
    comment = _in_table(word, _named(TABLE, frozenset({"page", "skip"}), other_roles=True))
    text = (
        BOILERPLATE.named(word)
        or word in _marker_classes()
        or _in_table(word, _named(RELATED_TABLE, frozenset({"block"})))
    )
    return text and not (level == "text" and comment)


def neutralise_bytes(data: bytes, level: TextLevel) -> tuple[bytes, int]:
    """The page's bytes with the class and id words the text level names rewritten (nothing else changed);
    with the number of words rewritten."""
    changed = 0

    def token(match: re.Match[str]) -> str:
        nonlocal changed
        word = match[0]
        if not is_text_named(word, level):
            return word
        changed += 1
        return neutral(word)

    def attribute(match: re.Match[str]) -> str:
        if match[1].lower() not in ("class", "id"):
            return match[0]
        return match[1] + match[2] + _TOKEN.sub(token, match[3])

    def tag(match: re.Match[str]) -> str:
        if match[1]:  # a script, style or comment: kept as it is
            return match[0]
        start = _NAME_END.search(match[0])  # the attributes begin after the tag's name
        if start is None:
            return match[0]
        return match[0][: start.start()] + _ATTRIBUTE.sub(attribute, match[0][start.start() :])

    text = _TAG_OR_SKIPPED.sub(tag, data.decode("latin-1"))
    return text.encode("latin-1"), changed


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
