"""The pictures a fetched page shows, fetched and embedded: a few at a time, within a count, a byte budget
and a time limit; each checked, scaled and re-encoded by ``picture_file``. One that fails stays absent,
its caption and alternative text kept."""

from __future__ import annotations

import dataclasses
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from export.model import Article, Image
from export.readers.html.images import MAX_IMAGE_BYTES
from export.web.address import shown
from export.web.body import too_large
from export.web.client import PER_HOST, Client, default_client
from export.web.errors import FetchError
from export.web.fetch import fetch
from export.web.limits import FetchLimits
from export.web.picture_file import PictureRefused, book_picture
from export.web.reach import REFUSED, is_local
from export.words import byte_size

MAX_PICTURES = 200  # one article's pictures; a page showing more is a gallery, not an article
MAX_TOTAL_BYTES = 200 * 2**20  # fetched for one article, all pictures together
MAX_SECONDS = 300.0  # for all of one article's pictures; those not started by then are left out
WORKERS = 2 * PER_HOST  # fetches at once; the client lets no more than PER_HOST go to one host
# Pictures decoded at once: each may take up to 160 MB (40 million pixels of 4 bytes) while it is scaled.
DECODING = threading.BoundedSemaphore(2)


def fetch_pictures(
    article: Article, limits: FetchLimits, client: Client | None = None, page: str | None = None
) -> list[str]:
    """Fetch and embed the pictures the article shows from the web (``Picture.address``) and does not
    hold yet; returns a line for each one left out, naming its address and why. A page whose address
    (``page``) is not on this machine or a local network gets no picture from one."""
    wanted = [picture for picture in article.pictures() if picture.image is None and picture.address]
    addresses = list(dict.fromkeys(picture.address for picture in wanted if picture.address))
    local = page is not None and is_local(page)  # a page from elsewhere sends us to no local address
    refused = {} if local else {url: REFUSED for url in addresses if is_local(url)}
    addresses = [url for url in addresses if url not in refused]
    refused |= {url: f"over {MAX_PICTURES} pictures" for url in addresses[MAX_PICTURES:]}
    addresses = addresses[:MAX_PICTURES]
    run = _Run(limits, client or default_client(), local)
    with ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="picture") as pool:
        results = list(pool.map(run.picture, addresses))
    problems = [f"picture left out: {shown(url)}: {problem}" for url, problem in refused.items()]
    found: dict[str, Image] = {}
    for url, result in zip(addresses, results, strict=True):
        if isinstance(result, Image):
            found[url] = result
        else:
            problems.append(f"picture left out: {shown(url)}: {result}")
    images = {image.file_name: image for image in article.images}
    for picture in wanted:
        if picture.address in found:
            image = found[picture.address]
            picture.image = images.setdefault(image.file_name, image).file_name
    article.images = [images[name] for name in sorted(images)]
    return problems


class _Run:
    """One article's fetches: the shared client, the bytes left in the budget, and the deadline."""

    def __init__(self, limits: FetchLimits, client: Client, local: bool) -> None:
        self.limits = limits
        self.client = client
        self.local = local  # whether a picture may come from this machine or a local network
        self.deadline = time.monotonic() + MAX_SECONDS
        self.budget = MAX_TOTAL_BYTES
        self.lock = threading.Lock()

    def picture(self, url: str) -> Image | str:
        """The picture at ``url`` ready for the book, or why it is left out."""
        with self.lock:
            allowed = min(self.budget, MAX_IMAGE_BYTES, self.limits.max_bytes or MAX_IMAGE_BYTES)
        remaining = self.deadline - time.monotonic()
        if allowed <= 0:
            return f"over {MAX_TOTAL_BYTES // 2**20} MB of pictures"
        if remaining <= 0:
            return f"pictures took over {MAX_SECONDS:g} s"
        limits = dataclasses.replace(
            self.limits, max_bytes=allowed, total_timeout=min(self.limits.total_timeout, remaining)
        )
        try:
            fetched = fetch(url, limits, "image", client=self.client, local=self.local)
        except FetchError as error:
            if error.problem == too_large(url, allowed).problem:  # not the page's --max-input-size
                return f"over {byte_size(allowed)}, the most a picture may take"
            return error.problem
        with self.lock:
            self.budget -= len(fetched.content)
        try:
            with DECODING:
                return book_picture(fetched.content)
        except PictureRefused as error:
            return str(error)
