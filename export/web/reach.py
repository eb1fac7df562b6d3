"""Whether an address is on this machine or a local network, which a page from the internet may not make
us fetch from (a picture pointing at a router's page, say)."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

LOCAL_NAMES = ("localhost", "localhost.")
LOCAL = "on this machine or a local network"
REFUSED = f"{LOCAL}, where a page from elsewhere may not send us"  # why such an address is not fetched


def is_local(url: str) -> bool:
    """Whether the address's host is ``localhost`` or an IP address that is not a global one (loopback,
    private, link-local, reserved). Host names are not looked up here (see ``reaches_local``)."""
    host = _host(url)
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        return not _global(host)
    except ValueError:
        return False


def reaches_local(url: str) -> bool:
    """Whether the address is local, or its host name resolves to any address that is not a global one.
    A name that cannot be resolved is not local: fetching it then fails and says so."""
    if is_local(url):
        return True
    try:
        found = socket.getaddrinfo(_host(url), None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return False
    return any(not _global(str(address[4][0])) for address in found)


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _global(host: str) -> bool:
    """Whether an IP address (ValueError for a name) is a global one."""
    return ipaddress.ip_address(host.split("%")[0]).is_global
