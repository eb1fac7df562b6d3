"""export.web.fetch against a server on 127.0.0.1: redirects, limits, retries, refusals, their errors."""

from __future__ import annotations

import dataclasses
import datetime as dt
import socket
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from webserver import Reply, Request, WebServer, conditional, gzipped, page, redirect, status

from export import __version__
from export.web import fetch as fetch_module
from export.web.cache import Cache
from export.web.client import Client
from export.web.fetch import FetchError, FetchLimits, fetch
from export.web.reach import reaches_local
from export.web.retry import retry_after

FAST = FetchLimits(
    max_bytes=1 << 20,
    connect_timeout=1.0,
    read_timeout=0.4,
    total_timeout=3.0,
    max_redirects=3,
    retries=2,
    backoff=0.01,
    max_retry_after=0.5,
)
PAGE = b"<!doctype html><title>A post</title><p>Hello from the web.</p>"


@pytest.fixture
def client() -> Client:
    return Client()


def failure(url: str, client: Client, limits: FetchLimits = FAST, accept="page") -> str:
    """The one line of the FetchError that fetching ``url`` raises."""
    with pytest.raises(FetchError) as caught:
        fetch(url, limits, accept, client=client)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_a_page_is_fetched_with_its_type_charset_and_user_agent(web_server: WebServer, client: Client):
    url = web_server.add("/a-post/", page(PAGE, "text/html; charset=ISO-8859-1"))
    fetched = fetch(url, FAST, "page", client=client)
    assert (fetched.url, fetched.content, fetched.media_type, fetched.charset) == (
        url,
        PAGE,
        "text/html",
        "iso-8859-1",
    )
    (request,) = web_server.got("/a-post/")
    assert request.header("User-Agent") == f"annotated-epub/{__version__}"
    assert "text/html" in (request.header("Accept") or "")


def test_redirects_are_followed_to_the_final_address(web_server: WebServer, client: Client):
    final = web_server.add("/final/", page(PAGE))
    web_server.add("/one", redirect("/two", 301))
    web_server.add("/two", redirect(final, 308))
    assert fetch(web_server.url("/one"), FAST, "page", client=client).url == final


def test_without_local_a_redirect_to_this_machine_is_refused(
    web_server: WebServer, client: Client, monkeypatch: pytest.MonkeyPatch
):
    final = web_server.add("/picture-here/", page(PAGE))
    web_server.add("/elsewhere", redirect(final, 302))
    # The first address stands for a public one; what it redirects to is what the server is: local.
    monkeypatch.setattr(fetch_module, "reaches_local", lambda url: url == final)
    with pytest.raises(FetchError) as caught:
        fetch(web_server.url("/elsewhere"), FAST, "page", client=client, local=False)
    assert "redirects to" in str(caught.value) and "on this machine or a local network" in str(caught.value)
    assert web_server.got("/elsewhere") and not web_server.got("/picture-here/")
    assert fetch(web_server.url("/elsewhere"), FAST, "page", client=client).url == final


def test_a_page_named_from_elsewhere_is_not_fetched_from_this_machine(web_server: WebServer):
    from export.web.page import fetch_page

    url = web_server.add("/item/", page(PAGE))
    with pytest.raises(FetchError) as caught:
        fetch_page(url, FAST, local=False)
    assert "on this machine or a local network" in str(caught.value)
    assert not web_server.got("/item/")
    assert fetch_page(url, FAST).origin.address == url


def test_a_host_name_that_resolves_to_a_private_address_is_local(monkeypatch: pytest.MonkeyPatch):
    answers = {"intranet.example": "10.0.0.5", "public.example": "93.184.216.34", "v6.example": "fd00::1"}

    def lookup(host, *args, **kwargs):
        if host not in answers:
            raise socket.gaierror("not found")
        family = socket.AF_INET6 if ":" in answers[host] else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (answers[host], 80))]

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    assert reaches_local("http://intranet.example/x.png") and reaches_local("https://v6.example/")
    assert not reaches_local("http://public.example/x.png") and not reaches_local("http://nowhere.example/")
    assert reaches_local("http://localhost:8080/") and reaches_local("http://192.168.1.1/")


def test_a_redirect_loop_and_too_many_redirects_fail_in_one_line(web_server: WebServer, client: Client):
    web_server.add("/loop-a", redirect("/loop-b"))
    web_server.add("/loop-b", redirect("/loop-a"))
    assert "redirects in a loop" in failure(web_server.url("/loop-a"), client)
    for hop in range(6):
        web_server.add(f"/hop{hop}", redirect(f"/hop{hop + 1}"))
    web_server.add("/hop6", page(PAGE))
    message = failure(web_server.url("/hop0"), client)
    assert message == f"{web_server.url('/hop0')}: redirects more than 3 times"
    web_server.add("/elsewhere", redirect("ftp://127.0.0.1/file"))
    assert "not a web address" in failure(web_server.url("/elsewhere"), client)


def test_http_errors_and_wrong_types_name_the_address(web_server: WebServer, client: Client):
    web_server.add("/moved", redirect("/gone"))
    assert failure(web_server.url("/missing"), client) == f"{web_server.url('/missing')}: 404 Not Found"
    assert failure(web_server.url("/moved"), client) == (
        f"{web_server.url('/moved')}: at {web_server.url('/gone')}: 404 Not Found"
    )
    url = web_server.add("/picture", page(b"\x89PNG\r\n\x1a\n", "image/png"))
    assert failure(url, client) == f"{url}: is image/png, not a web page"
    assert fetch(url, FAST, "image", client=client).content.startswith(b"\x89PNG")
    url = web_server.add("/binary", page(b"\x00\x01", "application/octet-stream"))
    assert failure(url, client).endswith("is application/octet-stream, not a web page")


def test_size_is_capped_by_declared_length_by_bytes_and_after_decompression(
    web_server: WebServer, client: Client
):
    big = b"<p>" + b"x" * (2 << 20)
    limit = "over the input size limit of 1.0 MB (raise it with --max-input-size)"
    assert limit in failure(web_server.add("/declared", page(big)), client)
    unsized = Reply(big, headers={"Content-Type": "text/html"}, sized=False)
    assert limit in failure(web_server.add("/unsized", unsized), client)
    bomb = gzipped(b"\0" * (64 << 20))
    assert len(bomb.body) < 100_000
    started = time.monotonic()
    assert limit in failure(web_server.add("/bomb", bomb), client)
    assert time.monotonic() - started < 2
    small = gzipped(PAGE)
    assert fetch(web_server.add("/small", small), FAST, "page", client=client).content == PAGE
    assert fetch(web_server.url("/declared"), FetchLimits(max_bytes=0), "page", client=client).content == big


def test_slow_and_stalled_servers_time_out(web_server: WebServer, client: Client):
    url = web_server.add("/stalled", Reply(PAGE, stall=2.0))
    assert failure(url, client).endswith("timed out waiting for the server")
    url = web_server.add("/late", Reply(PAGE, delay=2.0))
    assert failure(url, client).endswith("timed out waiting for the server")
    trickle = Reply(b"x" * 40_000, trickle=0.1, chunk=1000)  # 4 s in all, never silent for long
    limits = dataclasses.replace(FAST, total_timeout=1.0)
    started = time.monotonic()
    assert "took too long" in failure(web_server.add("/trickle", trickle), client, limits)
    assert time.monotonic() - started < limits.total_timeout + limits.read_timeout


def test_transient_failures_are_retried_with_a_pause(web_server: WebServer, client: Client):
    answers = iter([status(503), status(429, **{"Retry-After": "0"}), page(PAGE)])
    url = web_server.add("/flaky", lambda _request: next(answers))
    assert fetch(url, FAST, "page", client=client).content == PAGE
    assert len(web_server.got("/flaky")) == 3
    url = web_server.add("/down", status(503))
    assert failure(url, client) == f"{url}: 503 Service Unavailable"
    assert len(web_server.got("/down")) == 1 + FAST.retries
    url = web_server.add("/busy", status(429, **{"Retry-After": "120"}))
    assert failure(url, client) == f"{url}: 429 Too Many Requests (and asks to wait 120 s)"
    assert len(web_server.got("/busy")) == 1
    assert len(web_server.got("/missing")) == 0
    failure(web_server.url("/missing"), client)
    assert len(web_server.got("/missing")) == 1  # a 404 is not tried again


def test_refused_and_unknown_hosts(client: Client):
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    assert failure(url, client) == f"{url}: connection refused"
    assert failure("http://no-such-host.invalid/page", client) == (
        "http://no-such-host.invalid/page: cannot find the host (DNS)"
    )
    assert failure("ftp://127.0.0.1/x", client) == "ftp://127.0.0.1/x: is not an http or https address"


def test_no_cookie_is_kept_and_credentials_stay_on_their_host(web_server: WebServer, client: Client):
    web_server.add("/set", page(PAGE, **{"Set-Cookie": "session=secret; Path=/"}))
    web_server.add("/after", page(PAGE))
    fetch(web_server.url("/set"), FAST, "page", client=client)
    fetch(web_server.url("/after"), FAST, "page", client=client)
    assert web_server.got("/after")[0].header("Cookie") is None
    elsewhere = f"http://localhost:{web_server.port}/public"
    web_server.add("/private", redirect(elsewhere))
    web_server.add("/public", page(PAGE))
    url = f"http://user:pass@127.0.0.1:{web_server.port}/private"
    fetched = fetch(url, FAST, "page", client=client)
    assert fetched.url == elsewhere
    assert web_server.got("/private")[0].header("Authorization") is not None
    assert web_server.got("/public")[0].header("Authorization") is None
    message = failure(f"http://user:pass@127.0.0.1:{web_server.port}/nothing", client)
    assert "pass" not in message and message.startswith(f"http://127.0.0.1:{web_server.port}/nothing: ")


def test_the_suite_reaches_nothing_beyond_loopback():
    with socket.socket() as sock, pytest.raises(ConnectionRefusedError):
        sock.connect(("192.0.2.1", 80))
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("example.com", 80)


def test_the_cache_revalidates_and_keeps_the_body(web_server: WebServer, tmp_path):
    client = Client(cache=Cache(tmp_path / "cache"))
    url = web_server.add("/tagged", conditional(PAGE, etag='"v1"'))
    dated = web_server.add("/dated", conditional(PAGE, modified="Tue, 01 Dec 2026 10:00:00 GMT"))
    first, again = fetch(url, FAST, "page", client=client), fetch(url, FAST, "page", client=client)
    assert (first.from_cache, again.from_cache, again.content, again.media_type) == (
        False,
        True,
        PAGE,
        "text/html",
    )
    assert [request.header("If-None-Match") for request in web_server.got("/tagged")] == [None, '"v1"']
    fetch(dated, FAST, "page", client=client)
    assert fetch(dated, FAST, "page", client=client).from_cache
    assert web_server.got("/dated")[1].header("If-Modified-Since") == "Tue, 01 Dec 2026 10:00:00 GMT"


def test_a_damaged_cache_is_fetched_afresh_and_untagged_answers_are_not_kept(web_server: WebServer, tmp_path):
    cache = Cache(tmp_path / "cache")
    client = Client(cache=cache)
    url = web_server.add("/tagged", conditional(PAGE, etag='"v1"'))
    fetch(url, FAST, "page", client=client)
    stored = cache.path(url)
    stored.write_bytes(stored.read_bytes()[:-5])
    fetched = fetch(url, FAST, "page", client=client)
    assert (fetched.from_cache, fetched.content) == (False, PAGE)
    assert web_server.got("/tagged")[1].header("If-None-Match") is None
    stored.write_bytes(b"\xff not a cache entry")
    assert fetch(url, FAST, "page", client=client).content == PAGE
    plain = web_server.add("/plain", page(PAGE))
    fetch(plain, FAST, "page", client=client)
    assert not cache.path(plain).exists()
    assert len(cache.path(url).name) == 64 + len(".response")


def test_a_changed_page_replaces_the_cached_copy(web_server: WebServer, tmp_path):
    client = Client(cache=Cache(tmp_path / "cache"))
    versions = {"v": 1}

    def answer(request: Request) -> Reply:
        return conditional(f"<p>version {versions['v']}</p>".encode(), etag=f'"{versions["v"]}"')(request)

    url = web_server.add("/changing", answer)
    fetch(url, FAST, "page", client=client)
    versions["v"] = 2
    changed = fetch(url, FAST, "page", client=client)
    assert (changed.from_cache, changed.content) == (False, b"<p>version 2</p>")
    assert fetch(url, FAST, "page", client=client).from_cache


def test_at_most_a_few_connections_go_to_one_host(web_server: WebServer):
    client = Client(per_host=2)
    url = web_server.add("/slow", Reply(PAGE, delay=0.2))
    with ThreadPoolExecutor(6) as pool:
        pages = list(pool.map(lambda _: fetch(url, FAST, "page", client=client).content, range(6)))
    assert pages == [PAGE] * 6
    assert web_server.peak == 2


def test_a_folder_is_served_file_by_file(web_server: WebServer, client: Client, tmp_path):
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "a picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    base = web_server.add_folder("/files/", tmp_path)
    fetched = fetch(base + "page_files/a%20picture.png", FAST, "image", client=client)
    assert (fetched.media_type, fetched.content) == ("image/png", b"\x89PNG\r\n\x1a\n")


def test_retry_after_is_read_as_seconds_or_a_date():
    now = dt.datetime(2026, 12, 5, 12, 0, 0, tzinfo=dt.UTC)
    assert retry_after({"Retry-After": "7"}, now) == 7.0
    assert retry_after({"Retry-After": "Sat, 05 Dec 2026 12:00:20 GMT"}, now) == 20.0
    assert retry_after({"Retry-After": "Sat, 05 Dec 2026 11:00:00 GMT"}, now) == 0.0
    assert retry_after({"Retry-After": "soon"}, now) is None
    assert retry_after({}, now) is None
