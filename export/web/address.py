"""Web addresses as inputs: which arguments are addresses, and how an address is shown in a message."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

SCHEMES = ("http", "https")


def is_web_address(text: str) -> bool:
    """Whether a command-line argument is an http or https address (with a host), not a file name."""
    try:
        parts = urlsplit(text.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in SCHEMES and bool(parts.hostname)


def file_or_address(text: str) -> Path | str:
    """A command-line input: a web address as given (a str), else a file's path (an argparse type)."""
    return text if is_web_address(text) else Path(text)


def shown(url: str) -> str:
    """``url`` as a message shows it: any user name and password in it left out."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
