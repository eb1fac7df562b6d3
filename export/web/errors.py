"""The one-line error of a fetch that failed, naming the address and what happened."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator

import urllib3.exceptions

from export.errors import InputError
from export.web.address import shown


class FetchError(InputError):
    """A fetch that failed: DNS, TLS, refused, an HTTP error status, a timeout, too large, the wrong type."""

    def __init__(self, url: str, problem: str, transient: bool = False) -> None:
        super().__init__(shown(url), problem)
        self.url = url
        self.transient = transient  # worth another try after a pause


def _causes(error: BaseException) -> Iterator[BaseException]:
    """``error`` and what it wraps (its reason, arguments, cause and context), each once."""
    pending, seen = [error], set[int]()
    while pending:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        reason = getattr(current, "reason", None)
        wrapped = [reason, *current.args, current.__cause__, current.__context__]
        pending.extend(item for item in wrapped if isinstance(item, BaseException))


def connection_problem(error: BaseException) -> tuple[str, bool]:
    """What went wrong opening or reading a connection, in a few words, and whether to try again."""
    causes = list(_causes(error))
    for kinds, problem, transient in CONNECTION_PROBLEMS:
        for cause in causes:
            if isinstance(cause, kinds):
                return _with_tls_reason(problem, causes), transient
    return "cannot connect", True


# The first that any of the causes is, in this order (a timeout's cause is also an OSError, and so on).
CONNECTION_PROBLEMS: tuple[tuple[type[BaseException] | tuple[type[BaseException], ...], str, bool], ...] = (
    ((urllib3.exceptions.NameResolutionError, socket.gaierror), "cannot find the host (DNS)", False),
    (ssl.SSLCertVerificationError, "TLS certificate not accepted", False),
    ((ssl.SSLError, urllib3.exceptions.SSLError), "TLS failed: no secure connection could be made", False),
    (ConnectionRefusedError, "connection refused", True),
    (ConnectionResetError, "connection reset by the server", True),
    # urllib3's NewConnectionError is a ConnectTimeoutError too: refusals are told first.
    (urllib3.exceptions.ConnectTimeoutError, "timed out connecting", True),
    ((urllib3.exceptions.ReadTimeoutError, TimeoutError), "timed out waiting for the server", False),
    (urllib3.exceptions.ProtocolError, "the server broke off the connection", True),
)


def _with_tls_reason(problem: str, causes: list[BaseException]) -> str:
    """``problem`` with what TLS said went wrong, when it said it: "(certificate has expired)"."""
    for cause in causes:
        if isinstance(cause, ssl.SSLCertVerificationError) and cause.verify_message:
            return f"{problem} ({cause.verify_message})"
        if isinstance(cause, ssl.SSLError) and cause.reason:
            return f"{problem} ({cause.reason.lower().replace('_', ' ')})"
    return problem
