"""One address's bytes: redirects followed (bounded), transient failures retried, size and time capped.

The API other modules build on::

    fetch(url, limits, accept, *, client=None, local=True) -> Fetched

raising ``FetchError`` (an ``InputError`` naming the address) for whatever goes wrong.
"""

from __future__ import annotations

import http
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin

import requests
import requests.utils

from export.web.address import is_web_address, shown
from export.web.body import check_declared_size, read_body
from export.web.cache import CachedResponse
from export.web.client import Client, default_client
from export.web.errors import FetchError, connection_problem
from export.web.limits import ACCEPTS, AcceptKind, FetchLimits
from export.web.reach import REFUSED, reaches_local
from export.web.retry import TRANSIENT_STATUSES, backoff_delay, retry_after

__all__ = ["AcceptKind", "FetchError", "FetchLimits", "Fetched", "fetch"]

REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class Fetched:
    """What an address gave: its final address (after redirects), bytes, media type and charset."""

    url: str  # the final address, after redirects
    content: bytes  # decompressed
    media_type: str  # lower-case, without parameters; "" when the server did not say
    charset: str | None  # the Content-Type's charset, lower-case; None when not declared
    headers: Mapping[str, str] = field(default_factory=dict)  # the final response's headers
    from_cache: bool = False  # the body is the cache's, the server having said it did not change


@dataclass
class _Job:
    """One fetch under way: the address asked for (which messages name), its limits and client, its end."""

    url: str  # as the caller gave it, for messages
    limits: FetchLimits
    accept: AcceptKind
    client: Client
    deadline: float


def fetch(
    url: str, limits: FetchLimits, accept: AcceptKind, *, client: Client | None = None, local: bool = True
) -> Fetched:
    """The content at ``url`` (http or https), of a kind ``accept`` takes; FetchError naming ``url`` if it
    cannot be had within ``limits``. With a cache in ``client``, a stored copy is revalidated, not fetched.
    Without ``local``, an address on this machine or a local network is refused, at every redirect and
    by what its host name resolves to (a name that changes its answer between the check and the
    connection is not caught)."""
    if not is_web_address(url):
        raise FetchError(url, "is not an http or https address")
    job = _Job(url, limits, accept, client or default_client(), time.monotonic() + limits.total_timeout)
    current, seen = url, {url}
    while True:
        if not local and reaches_local(current):
            raise FetchError(url, f"{'redirects to ' if current != url else ''}{shown(current)}: {REFUSED}")
        cached = job.client.cache.get(current) if job.client.cache else None
        response = _request(job, current, cached)
        if response.status_code not in REDIRECTS:
            return _answer(job, current, response, cached)
        location = response.headers.get("Location", "").strip()
        response.close()
        target = urljoin(current, location)
        if not location or not is_web_address(target):
            raise FetchError(url, f"redirects to {shown(target) or 'nowhere'}, not a web address")
        if target in seen:
            raise FetchError(url, f"redirects in a loop (back to {shown(target)})")
        if len(seen) > limits.max_redirects:
            raise FetchError(url, f"redirects more than {limits.max_redirects} times")
        current = target
        seen.add(current)


def _request(job: _Job, url: str, cached: CachedResponse | None) -> requests.Response:
    """The response to one GET of ``url`` (redirects not followed), transient failures tried again."""
    headers = {"Accept": ACCEPTS[job.accept].header, **(cached.conditions() if cached else {})}
    attempt = 0
    while True:
        remaining = job.deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(job.url, f"took longer than {job.limits.total_timeout:g} s in all")
        wait: float | None = None
        try:
            response = job.client.session.get(
                url,
                headers=headers,
                stream=True,
                allow_redirects=False,
                timeout=(min(job.limits.connect_timeout, remaining), min(job.limits.read_timeout, remaining)),
                proxies=requests.utils.get_environ_proxies(url),
            )
        except (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema, ValueError):
            raise FetchError(job.url, f"{_at(job, url)}is not a valid web address") from None
        except requests.exceptions.RequestException as error:
            problem, transient = connection_problem(error)
            failure = FetchError(job.url, _at(job, url) + problem, transient)
        else:
            if response.status_code not in TRANSIENT_STATUSES:
                return response
            wait = retry_after(response.headers)
            failure = FetchError(job.url, _at(job, url) + _status(response.status_code), True)
            response.close()
        attempt += 1
        if not failure.transient or attempt > job.limits.retries:
            raise failure
        if wait is not None and wait > job.limits.max_retry_after:
            raise FetchError(job.url, f"{failure.problem} (and asks to wait {wait:.0f} s)")
        delay = max(backoff_delay(attempt, job.limits.backoff), wait or 0.0)
        if time.monotonic() + delay > job.deadline:
            raise failure
        time.sleep(delay)


def _answer(job: _Job, url: str, response: requests.Response, cached: CachedResponse | None) -> Fetched:
    """The fetch's result from the final response: its body, or the cache's when it did not change."""
    if response.status_code == http.HTTPStatus.NOT_MODIFIED and cached is not None:
        response.close()
        media_type, charset = content_type(cached.content_type)
        headers = {"Content-Type": cached.content_type}
        return Fetched(response.url, cached.content, media_type, charset, headers, from_cache=True)
    if not 200 <= response.status_code < 300:
        response.close()
        raise FetchError(job.url, _at(job, url) + _status(response.status_code))
    media_type, charset = content_type(response.headers.get("Content-Type", ""))
    accepted = ACCEPTS[job.accept]
    if not accepted.takes(media_type):
        response.close()
        raise FetchError(job.url, f"{_at(job, url)}is {media_type}, not {accepted.noun}")
    check_declared_size(job.url, response, job.limits.max_bytes)
    content = read_body(job.url, response, job.limits.max_bytes, job.deadline)
    if job.client.cache is not None:
        job.client.cache.put(url, content, response.headers)
    return Fetched(response.url, content, media_type, charset, response.headers)


def content_type(value: str) -> tuple[str, str | None]:
    """The media type (lower-case, "" when none) and charset (lower-case, or None) of a Content-Type value."""
    media_type, *parameters = value.split(";")
    charset = None
    for parameter in parameters:
        name, _, given = parameter.partition("=")
        if name.strip().lower() == "charset" and given.strip().strip("\"'"):
            charset = given.strip().strip("\"'").lower()
    return media_type.strip().lower(), charset


def _status(code: int) -> str:
    """An HTTP status as a message says it: "404 Not Found" (the standard phrase, not the server's)."""
    try:
        return f"{code} {http.HTTPStatus(code).phrase}"
    except ValueError:
        return f"HTTP status {code}"


def _at(job: _Job, url: str) -> str:
    """Where a problem happened when it is not the address asked for: "at <address>: "."""
    return "" if url == job.url else f"at {shown(url)}: "
