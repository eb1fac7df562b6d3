"""What a fetched page's article still needs from the web after it is read: the other pages of its
comment thread, then its pictures. Run between reading and writing, only for an address."""

from __future__ import annotations

from export.model import Article
from export.readers.origin import PageInput
from export.web.comment_pages import follow_comment_pages
from export.web.limits import FetchLimits
from export.web.pictures import fetch_pictures


def complete_from_web(
    article: Article, page: PageInput, limits: FetchLimits, images: bool = True
) -> list[str]:
    """Join the article's comment pages and, with ``images``, embed its pictures; returns a line for each
    page or picture left out. A saved page is never completed: it touches no network."""
    address = page.origin.address
    if address is None:
        return []
    problems = follow_comment_pages(article, address, limits)
    if images:
        problems += fetch_pictures(article, limits, page=address)
    return problems
