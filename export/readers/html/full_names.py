"""A name the markup gives as a username ("christian.stadtfeld") or a first name alone ("Stefanus"), and
the full name the page writes for it ("Christian P. Stadtfeld", "Stefanus Stahl")."""

from __future__ import annotations

import re

from lxml import etree

# A username of two or three parts: "christian.stadtfeld", "jane_doe", "max-muster".
HANDLE = re.compile(r"[^\W\d_]{2,}(?:[._-][^\W\d_]{2,}){1,2}")
HANDLE_PARTS = re.compile(r"[._-]")
FIRST_NAME = re.compile(r"[^\W\d_][^\W\d_'’-]+")
WORD = r"[^\W\d_][\w.'’-]*"
MAX_TEXT = 200
BODY_TEXTS = etree.XPath(
    f"//body//text()[string-length() <= {MAX_TEXT}][normalize-space()][not(parent::script or parent::style)]"
    "[not(ancestor::*[contains(@class,'comment') or contains(@id,'comment')])]"
)
# An author's own box or byline: where a first name alone may be written in full.
AUTHOR_TEXTS = etree.XPath(
    f"//*[contains(@class,'author')]//text()[string-length() <= {MAX_TEXT}][normalize-space()]"
    "[not(parent::script or parent::style)]"
    "[not(ancestor::*[contains(@class,'comment') or contains(@id,'comment')])]"
)


def full_name(root: etree._Element, name: str) -> str | None:
    """The full name the page writes for the username or first name ``name``, if it writes one: the
    username's parts as the name's first and last words, at most two words between them, anywhere in the
    body but comments; the first name and a capitalised word after it, in an author element."""
    if HANDLE.fullmatch(name) and name.islower():
        first, *_, last = HANDLE_PARTS.split(name)
        pattern = re.compile(
            rf"\b{re.escape(first)}(?:\s+{WORD}){{0,2}}\s+{re.escape(last)}\b", re.IGNORECASE
        )
        texts = BODY_TEXTS(root)
    elif FIRST_NAME.fullmatch(name) and name[0].isupper():
        pattern = re.compile(rf"\b{re.escape(name)}\s+{WORD}")
        texts = AUTHOR_TEXTS(root)
    else:
        return None
    for text in texts:
        for match in pattern.finditer(" ".join(text.split())):
            words = match[0].split()
            if all(word[0].isupper() for word in words) and words != [name]:
                return " ".join(words)
    return None
