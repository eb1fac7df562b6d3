"""The shared HTTP client: a polite User-Agent, a few connections per host, no cookies, an optional cache."""

from __future__ import annotations

import threading
from http.cookiejar import DefaultCookiePolicy
from typing import TYPE_CHECKING

import requests
import requests.adapters
import requests.cookies

from export import __version__
from export.web import limits as web_limits
from export.web.limits import FetchLimits

if TYPE_CHECKING:
    from export.web.cache import Cache

USER_AGENT = f"annotated-epub/{__version__}"
PER_HOST = 4  # connections open at once to one host; more requests wait for one
HOSTS_KEPT = 32  # hosts whose idle connections are kept for reuse


class Client:
    """Connections for every fetch of a run: at most ``per_host`` at once to a host (others wait), the
    run's cache, if any, and the run's limits, for fetches made deep in a reader. Safe to share between
    threads."""

    def __init__(
        self, cache: Cache | None = None, per_host: int = PER_HOST, limits: FetchLimits | None = None
    ) -> None:
        self.cache = cache
        self.limits = limits or web_limits.BASE_LIMITS
        self.session = _session(per_host)

    def close(self) -> None:
        """Close the open connections."""
        self.session.close()


def _session(per_host: int) -> requests.Session:
    session = requests.Session()
    # No .netrc credentials, no proxy or CA settings read behind the caller's back (proxies are asked
    # for each address, see export.web.fetch); and no cookie is kept, so none is ever sent.
    session.trust_env = False
    session.cookies = requests.cookies.RequestsCookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))
    session.headers = requests.structures.CaseInsensitiveDict(
        {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    )
    adapter = requests.adapters.HTTPAdapter(
        pool_connections=HOSTS_KEPT, pool_maxsize=per_host, pool_block=True, max_retries=0
    )
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


_default: Client | None = None
_default_lock = threading.Lock()


def default_client() -> Client:
    """The client of this process (made on first use): the one set by the command line, or a plain one."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Client()
        return _default


def set_default_client(client: Client | None) -> Client | None:
    """Make ``client`` the one ``default_client`` gives (None: a fresh one on next use); returns the old."""
    global _default
    with _default_lock:
        old, _default = _default, client
    return old
