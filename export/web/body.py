"""A response's body read in chunks, stopped as soon as it passes the size limit or the time allowed."""

from __future__ import annotations

import time

import requests
import urllib3.exceptions

from export.web.errors import FetchError, connection_problem
from export.words import byte_size

CHUNK = 64 * 1024


def too_large(url: str, limit: int) -> FetchError:
    """The error of a body over ``limit`` bytes."""
    problem = f"is over the input size limit of {byte_size(limit)} (raise it with --max-input-size)"
    return FetchError(url, problem)


def check_declared_size(url: str, response: requests.Response, limit: int) -> None:
    """FetchError when the response's Content-Length already says it is over ``limit`` bytes (0: no limit)."""
    declared = response.headers.get("Content-Length", "").strip()
    if limit and declared.isascii() and declared.isdigit() and int(declared) > limit:
        raise too_large(url, limit)


def read_body(url: str, response: requests.Response, limit: int, deadline: float) -> bytes:
    """The body, decompressed; FetchError once more than ``limit`` bytes (0: no limit) arrived, raw or
    decompressed, or the monotonic clock passed ``deadline``. A gzip bomb stops at the limit."""
    chunks: list[bytes] = []
    size = 0
    try:
        # read1 gives what has come, at most CHUNK bytes after decompression: the limits are checked as
        # the body arrives, however slowly it trickles in and however much it inflates.
        while chunk := response.raw.read1(CHUNK, decode_content=True):
            size += len(chunk)
            if limit and (size > limit or response.raw.tell() > limit):
                raise too_large(url, limit)
            if time.monotonic() > deadline:
                raise FetchError(url, "took too long to arrive (the server sends too slowly)")
            chunks.append(chunk)
    except urllib3.exceptions.DecodeError:
        raise FetchError(url, "its compressed body is damaged") from None
    except (urllib3.exceptions.HTTPError, OSError) as error:
        problem, transient = connection_problem(error)
        raise FetchError(url, problem, transient) from None
    finally:
        response.close()
    return b"".join(chunks)
