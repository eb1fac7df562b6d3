"""A name the markup gives as a username ("christian.stadtfeld"), a first name alone ("Stefanus") or
initials ("DT"), and the full name the page writes for it ("Christian P. Stadtfeld", "Stefanus Stahl",
"Donald Townsend")."""

from __future__ import annotations

import re

from lxml import etree

from export.readers.html.header_lines import NAME_WORD
from export.readers.html.title import compact
from export.whitespace import collapse_whitespace

# A username of two or three parts: "christian.stadtfeld", "jane_doe", "max-muster".
HANDLE = re.compile(r"[^\W\d_]{2,}(?:[._-][^\W\d_]{2,}){1,2}")
HANDLE_PARTS = re.compile(r"[._-]")
FIRST_NAME = re.compile(r"[^\W\d_][^\W\d_'’-]+")
INITIALS = re.compile(r"[^\W\d_a-z]{2,3}")
MAX_TEXT = 200
# Links to an author's page ("/author/donaldtownsend/"): their last part is the author's account.
AUTHOR_LINKS = etree.XPath("//a[contains(@href,'/author/') or contains(@href,'/autor/')]")
# A short text node that is shown and is no comment's.
SHORT_TEXT = (
    f"text()[string-length() <= {MAX_TEXT}][normalize-space()][not(parent::script or parent::style)]"
    "[not(ancestor::*[contains(@class,'comment') or contains(@id,'comment')])]"
)
BODY_TEXTS = etree.XPath(f"//body/descendant::{SHORT_TEXT}")
# An author's own box or byline: where a first name alone may be written in full. One walk, the author element
# an ancestor: libxml2 merges "//A//B"'s matches of each A, in time their numbers' product.
AUTHOR_TEXTS = etree.XPath(f"/descendant::{SHORT_TEXT}[ancestor::*[contains(@class,'author')]]")


def full_name(root: etree._Element, name: str) -> str | None:
    """The full name the page writes for the username or first name ``name``, if it writes one: the
    username's parts as the name's first and last words, at most two words between them, anywhere in the
    body but comments; the first name and a capitalised word after it, in an author element."""
    if HANDLE.fullmatch(name) and name.islower():
        first, *_, last = HANDLE_PARTS.split(name)
        pattern = re.compile(
            rf"\b{re.escape(first)}(?:\s+{NAME_WORD}){{0,2}}\s+{re.escape(last)}\b", re.IGNORECASE
        )
        texts = BODY_TEXTS(root)
    elif INITIALS.fullmatch(name) and name.isupper():
        return _from_account(root, name)
    elif FIRST_NAME.fullmatch(name) and name[0].isupper():
        pattern = re.compile(rf"\b{re.escape(name)}\s+{NAME_WORD}")
        texts = AUTHOR_TEXTS(root)
    else:
        return None
    for text in texts:
        for match in pattern.finditer(collapse_whitespace(text)):
            words = match[0].split()
            if all(word[0].isupper() for word in words):  # two words or more: never the name itself
                return " ".join(words)
    return None


def _from_account(root: etree._Element, initials: str) -> str | None:
    """The name with these initials that a link to the author's page, showing the initials, holds in its
    address ("DT" linking to "/author/donaldtownsend/"), as the body writes it ("Donald Townsend")."""
    accounts = {
        compact(link.get("href", "").rstrip("/").rsplit("/", 1)[-1])
        for link in AUTHOR_LINKS(root)
        if "".join(link.itertext()).strip() == initials
    }
    accounts.discard("")
    if not accounts:
        return None
    words = r"\s+".join(rf"{re.escape(letter)}[^\W\d_][\w'’-]*" for letter in initials)
    pattern = re.compile(rf"\b{words}\b")
    for text in BODY_TEXTS(root):
        for match in pattern.finditer(collapse_whitespace(text)):
            if compact(match[0]) in accounts:
                return match[0]
    return None
