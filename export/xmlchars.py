"""The characters XML 1.0 forbids, removed wherever untrusted text enters a document."""

import re

XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def remove_xml_illegal(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids."""
    if not XML_ILLEGAL.search(text):  # most text: a scan, no copy
        return text
    return XML_ILLEGAL.sub("", text)
