"""What the WHATWG URL standard (EPUBCheck's reading of a link) refuses in an http(s) link, as a check
and an escape."""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import SplitResult

# Past ASCII, what the standard's URL code points leave out: DEL, the C1 controls and the noncharacters
# (https://url.spec.whatwg.org/#url-code-points); EPUBCheck refuses them in a link.
NOT_URL_CODE_POINTS = "\x7f-\x9f\ufdd0-\ufdef" + "".join(
    chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000)
)
# The standard's forbidden domain code points (a percent escape too: it is not decoded here), the above,
# and the replacement character of a badly decoded page, which its IDNA mapping disallows.
FORBIDDEN_IN_DOMAIN = re.compile(r"[\x00-\x20\"#%/:<>?@\[\\\]^`{|}\ufffd" + NOT_URL_CODE_POINTS + "]")
ACE_PREFIX = "xn--"
BRACKETS = re.compile(r"[\[\]]")


def host_is_valid(parts: SplitResult) -> bool:
    """Whether the address's user information and host are what the standard accepts: an IPv6 address in
    brackets without a zone, nothing but a port after them, or a domain of non-empty labels (a last dot
    allowed) without forbidden characters."""
    userinfo, _, host = parts.netloc.rpartition("@")
    if FORBIDDEN_IN_DOMAIN.search(userinfo.replace(":", "").replace("%", "")):
        return False
    hostname = parts.hostname or ""
    if host.startswith("["):
        try:
            ipaddress.IPv6Address(hostname)
        except ValueError:
            return False
        return "%" not in hostname and host.partition("]")[2][:1] in ("", ":")
    labels = hostname.removesuffix(".").split(".")
    return not FORBIDDEN_IN_DOMAIN.search(hostname) and all(labels) and all(map(_ace_is_valid, labels))


def _ace_is_valid(label: str) -> bool:
    """Whether a label is no ACE ("xn--"), or one whose Punycode decodes to letters, marks, digits and
    hyphens, not all ASCII, in NFC (UTS 46's conditions on an ACE label)."""
    if not label.startswith(ACE_PREFIX):
        return True
    try:
        decoded = label[len(ACE_PREFIX) :].encode("ascii").decode("punycode")
    except UnicodeError:
        return False
    if decoded.isascii() or not unicodedata.is_normalized("NFC", decoded):
        return False
    return all(char == "-" or unicodedata.category(char)[0] in "LMN" for char in decoded)


def escaped_past_host(href: str, parts: SplitResult) -> str:
    """``href`` with brackets past its host and every "#" after the first percent-escaped."""
    keep = href.index("]") + 1 if parts.netloc.rpartition("@")[2].startswith("[") else 0
    href = href[:keep] + BRACKETS.sub(lambda match: f"%{ord(match.group()):02X}", href[keep:])
    before, mark, fragment = href.partition("#")
    return before + mark + fragment.replace("#", "%23")
