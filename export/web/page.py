"""A web address as an input page: fetched within the run's limits, read by the same readers as a file."""

from __future__ import annotations

from export.readers.origin import Origin, PageInput
from export.web.address import shown
from export.web.fetch import FetchLimits, fetch


def fetch_page(url: str, limits: FetchLimits, *, local: bool = True) -> PageInput:
    """The page at ``url`` with its final address and declared charset; FetchError if it cannot be had.
    Without ``local``, an address (or a redirect) on this machine or a local network is refused."""
    fetched = fetch(url, limits, "page", local=local)
    return PageInput(fetched.content, Origin(shown(url), address=fetched.url), fetched.charset)
