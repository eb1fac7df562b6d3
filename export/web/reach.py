"""Whether an address is on this machine or a local network, which a page from the internet may not make
us fetch from (a picture pointing at a router's page, say)."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

LOCAL_NAMES = ("localhost", "localhost.")
LOCAL = "on this machine or a local network"
REFUSED = f"{LOCAL}, where a page from elsewhere may not send us"  # why such an address is not fetched


def is_local(url: str) -> bool:
    """Whether the address's host is ``localhost`` or an IP address that is not a global one (loopback,
    private, link-local, reserved). Host names are not looked up: one that resolves to such an address
    is not caught here."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return False
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        return not ipaddress.ip_address(host.split("%")[0]).is_global
    except ValueError:
        return False
