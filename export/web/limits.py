"""What a fetch may cost (bytes, time, redirects, retries) and which kinds of content it accepts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# A saved page is rarely over 2 MB; past 32 MB it is not one page (as export.pipeline's file limit).
DEFAULT_MAX_BYTES = 32 * 2**20

AcceptKind = Literal["page", "feed", "image"]


@dataclass(frozen=True)
class FetchLimits:
    """Bounds on one fetch, its redirects and retries included; ``max_bytes`` 0 means no size limit."""

    max_bytes: int = DEFAULT_MAX_BYTES
    connect_timeout: float = 10.0  # seconds to open a connection
    read_timeout: float = 30.0  # seconds the server may stay silent
    total_timeout: float = 120.0  # seconds for the whole fetch, redirects and retries included
    max_redirects: int = 10
    retries: int = 3  # further tries after a transient failure
    backoff: float = 1.0  # seconds before the first retry, doubled for each next one
    max_retry_after: float = 30.0  # a server asking to wait longer than this is not waited for


BASE_LIMITS = FetchLimits()  # a run's limits but its size cap (--max-input-size); tests make them short


@dataclass(frozen=True)
class Accepted:
    """The media types one kind of fetch takes, what its request says it takes, and how errors name it."""

    media_types: frozenset[str]
    prefixes: tuple[str, ...]  # whole families, such as "image/"
    header: str  # the request's Accept header
    noun: str  # "a web page", in "is image/png, not a web page"

    def takes(self, media_type: str) -> bool:
        """Whether content of ``media_type`` (lower-case, no parameters; "" when unstated) is taken."""
        return not media_type or media_type in self.media_types or media_type.startswith(self.prefixes)


FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json"}
)
XML_TYPES = frozenset({"application/xml", "text/xml"})

ACCEPTS: dict[AcceptKind, Accepted] = {
    "page": Accepted(
        frozenset({"text/html", "application/xhtml+xml", "text/plain"}) | XML_TYPES | FEED_TYPES,
        (),
        "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1",
        "a web page",
    ),
    "feed": Accepted(
        FEED_TYPES | XML_TYPES | {"application/json"},
        (),
        "application/atom+xml,application/rss+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1",
        "a feed",
    ),
    "image": Accepted(frozenset(), ("image/",), "image/avif,image/webp,image/png,image/*;q=0.8", "a picture"),
}
