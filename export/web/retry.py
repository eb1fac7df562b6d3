"""Which failures are worth another try, and how long to wait before it."""

from __future__ import annotations

import datetime as dt
import email.utils
from collections.abc import Mapping

TRANSIENT_STATUSES = frozenset({429, 502, 503, 504})


def retry_after(headers: Mapping[str, str], now: dt.datetime | None = None) -> float | None:
    """The seconds a ``Retry-After`` header asks to wait (a number or an HTTP date); None without one."""
    value = headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - (now or dt.datetime.now(dt.UTC))).total_seconds())


def backoff_delay(attempt: int, first: float) -> float:
    """The pause before retry number ``attempt`` (1, 2, ...): ``first``, then doubled each time."""
    return first * 2 ** (attempt - 1)
