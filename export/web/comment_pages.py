"""The whole discussion of a fetched page: the other pages of its comment thread, followed on the same
site within a page count and a byte budget, each read by the comment reader and joined into one thread,
oldest page first, each comment once."""

from __future__ import annotations

import dataclasses
import functools
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from export.errors import InputError
from export.model import Article, Comment, CommentPageLink, CommentThread
from export.readers.html.comment_pages import same_origin
from export.readers.html.page import read_comment_page
from export.web.address import shown
from export.web.client import PER_HOST
from export.web.limits import FetchLimits
from export.web.page import fetch_page

MAX_PAGES = 50  # the first page included
MAX_TOTAL_BYTES = 64 * 2**20  # all the thread's other pages together
STEP = 0.5  # how far before or after its linking page a page without a number goes


@dataclass
class _Page:
    """One page of the thread: its address, its comments and links, and where it goes in the thread."""

    url: str
    thread: CommentThread
    number: int | None  # the page number its address or navigation gives
    parent: int | None = None  # the page that linked to it first
    relation: str | None = None  # what that link said of it: "older" or "newer"


def follow_comment_pages(article: Article, address: str, limits: FetchLimits) -> list[str]:
    """Join the other pages of the article's comment thread to it; ``address`` is where the article's
    page was fetched from (its site bounds the pages followed). Returns a line for each page that could
    not be read."""
    start = article.thread
    if not start.pages:
        return []
    pages = [_Page(address, start, start.page_number)]
    seen = {_key(address)}
    queue = _new_links(pages, 0, address, seen)
    problems: list[str] = []
    budget = MAX_TOTAL_BYTES
    with ThreadPoolExecutor(max_workers=PER_HOST, thread_name_prefix="comments") as pool:
        while queue and len(pages) < MAX_PAGES and budget > 0:
            wave, queue = queue[: MAX_PAGES - len(pages)], queue[MAX_PAGES - len(pages) :]
            page_limits = dataclasses.replace(limits, max_bytes=min(limits.max_bytes or budget, budget))
            read = functools.partial(_read, limits=page_limits, article=article)
            results = list(pool.map(read, [link.url for link, _parent in wave]))
            for (link, parent), result in zip(wave, results, strict=True):
                if isinstance(result, str):
                    problems.append(f"comment page left out: {shown(link.url)}: {result}")
                    continue
                final, thread, size = result
                budget -= size
                redirected = _key(final) != _key(link.url)
                if not same_origin(final, address) or (redirected and _key(final) in seen):
                    continue  # redirected off the site, or to a page already read
                seen.add(_key(final))
                number = thread.page_number if thread.page_number is not None else link.number
                pages.append(_Page(final, thread, number, parent, link.relation))
                queue += _new_links(pages, len(pages) - 1, address, seen)
    if queue:
        problems.append(f"{len(queue)} more comment pages left out (at most {MAX_PAGES} are read)")
    article.thread = _joined(pages)
    return problems


def _new_links(
    pages: list[_Page], index: int, address: str, seen: set[str]
) -> list[tuple[CommentPageLink, int]]:
    """The links of page ``index`` to pages on the site of ``address`` not yet seen, marked as seen."""
    found = []
    for link in pages[index].thread.pages:
        if same_origin(link.url, address) and _key(link.url) not in seen:
            seen.add(_key(link.url))
            found.append((link, index))
    return found


def _read(url: str, limits: FetchLimits, article: Article) -> tuple[str, CommentThread, int] | str:
    """The page's final address, comment thread and size; or what went wrong."""
    try:
        page = fetch_page(url, limits)
        thread = read_comment_page(page, article.published)
    except InputError as error:  # a FetchError, or a page that holds no text
        return error.problem
    return page.origin.address or url, thread, len(page.data)


def _joined(pages: list[_Page]) -> CommentThread:
    """One thread of the pages' comments, oldest page first, each comment once (by its anchor)."""
    keys = _order(pages)
    order = sorted(range(len(pages)), key=lambda index: (keys[index], index))
    start = pages[0].thread
    joined = CommentThread(announced=start.announced, closed=start.closed, page_number=None)
    met: set[str] = set()
    for index in order:
        for comment in pages[index].thread.comments:
            own = {_comment_key(each) for each in comment.walk()}
            if _comment_key(comment) in met:
                continue
            met |= own
            joined.comments.append(comment)
    return joined


def _order(pages: list[_Page]) -> list[float]:
    """Each page's place: its number; the first page, when it gives none, the lowest number no other
    page has (WordPress leaves the number out of the page it shows first); a page without a number
    half a step before or after the page that linked to it, as the link said "older" or "newer"."""
    numbers = {page.number for page in pages[1:] if page.number is not None}
    first = pages[0].number
    if first is None:
        first = next(candidate for candidate in range(1, len(numbers) + 2) if candidate not in numbers)
    keys: list[float] = [float(first)]
    for page in pages[1:]:
        if page.number is not None:
            keys.append(float(page.number))
        else:
            parent = keys[page.parent or 0]
            keys.append(parent - STEP if page.relation == "older" else parent + STEP)
    return keys


def _comment_key(comment: Comment) -> str:
    """What tells one comment from another across pages: its anchor (``#comment-12``), else its
    permalink, else its author, date and words."""
    if comment.url and "#" in comment.url:
        return "#" + comment.url.rsplit("#", 1)[1]
    if comment.url:
        return comment.url
    words = " ".join(paragraph.text for paragraph in comment.paragraphs)
    return f"{comment.kind}|{comment.author}|{comment.date}|{comment.time}|{words}"


def _key(url: str) -> str:
    """An address as pages are told apart: without its fragment."""
    return url.split("#", 1)[0]
