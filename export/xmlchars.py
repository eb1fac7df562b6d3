"""The characters XML 1.0 forbids, removed wherever untrusted text enters a document."""

import re
from functools import cache


@cache
def xml_illegal() -> re.Pattern[str]:
    """The regex of those characters, compiled when first needed: its surrogates make it slow to compile
    (4 M instructions), and most runs meet none of them (``is_xml_legal`` looks first)."""
    return re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


# The C0 controls XML forbids made 0 (NUL is one of them), every other byte 1: in UTF-8 they are bytes of
# their own, as every byte of a longer character is above 0x7f.
_CONTROLS_TO_NUL = bytes(0 if code < 0x20 and code not in (0x09, 0x0A, 0x0D) else 1 for code in range(256))


# Numeric character references to characters XML 1.0 forbids that an HTML parser makes them (C0 controls,
# NUL among them, but tab, line feed and carriage return; U+FFFE, U+FFFF; it makes surrogates U+FFFD
# itself), with or without their semicolon, as HTML reads them; a longer number is another character.
_ILLEGAL_REFERENCE = re.compile(
    r"&#(?:x0*(?:[0-8bcef]|1[0-9a-f]|fff[ef])(?![0-9a-f])|0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|6553[45])(?![0-9]));?",
    re.IGNORECASE,
)


def remove_xml_illegal_markup(markup: str) -> str:
    """HTML ``markup`` without the characters XML 1.0 forbids, nor character references to them; a reference
    that their removal joins (``&#&#1;1;``) is made text, its "&" escaped."""
    markup = remove_xml_illegal(markup)
    if "&#" not in markup:
        return markup
    markup = _ILLEGAL_REFERENCE.sub("", markup)
    if _ILLEGAL_REFERENCE.search(markup) is None:
        return markup
    return _ILLEGAL_REFERENCE.sub(lambda match: "&amp;" + match[0][1:], markup)


def remove_xml_illegal(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids."""
    if is_xml_legal(text):  # most text: a check, no copy
        return text
    return xml_illegal().sub("", text)


def is_xml_legal(text: str) -> bool:
    """Whether ``text`` holds no character that XML 1.0 forbids (``xml_illegal()`` finds none).

    Made UTF-8 and each byte looked up in C: some five times quicker than the regex's character class."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return False
    return 0 not in data.translate(_CONTROLS_TO_NUL) and "\ufffe" not in text and "\uffff" not in text
