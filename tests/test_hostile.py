"""Hostile markup: no script, handler, remote resource, local file or entity expansion reaches the book,
and nothing is fetched (a server on the loopback records every request the tool would make)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from inputs import CANARY_TEXT, HOSTILE_MAKERS, Case, Hostile, book_problems, convert, outcome_problems

REMOTE_TEXT = "remote-canary-4b1e-fetched-content-must-not-reach-the-book"


REQUESTS: list[str] = []


class _Recorder(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        REQUESTS.append(self.path)
        body = f'<!ENTITY remote "{REMOTE_TEXT}"> {REMOTE_TEXT}'.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A canary file the inputs name, and a loopback server they point at."""
    canary = tmp_path_factory.mktemp("secret") / "canary.txt"
    canary.write_text(CANARY_TEXT + "\n", encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Hostile(canary, f"http://127.0.0.1:{server.server_address[1]}")
    server.shutdown()
    server.server_close()


def hostile_cases() -> list[tuple[str, str]]:
    """(format, case name) of every hostile case; the cases are made once the fixture's paths are known."""
    placeholder = Hostile(canary=Path("/nonexistent"), server="http://127.0.0.1:9")
    return [(kind, case.name) for kind, maker in HOSTILE_MAKERS.items() for case in maker(placeholder)]


def make(hostile: Hostile, kind: str, name: str) -> Case:
    return next(case for case in HOSTILE_MAKERS[kind](hostile) if case.name == name)


@pytest.mark.parametrize(("kind", "name"), hostile_cases(), ids=[name for _, name in hostile_cases()])
def test_nothing_hostile_reaches_the_book_and_nothing_is_fetched(kind, name, hostile, tmp_path):
    case = make(hostile, kind, name)
    REQUESTS.clear()
    run = convert(case, tmp_path)
    assert outcome_problems(case, run) == []
    for book in run.outputs:
        assert book_problems(book, (CANARY_TEXT, REMOTE_TEXT)) == []
    assert REQUESTS == []


def test_the_canary_and_the_server_would_be_noticed(hostile, tmp_path):
    """The checks can fail: a page that quotes the canary's words, read as text, is caught."""
    import urllib.request

    with urllib.request.urlopen(hostile.server + "/probe") as response:
        assert REMOTE_TEXT.encode() in response.read()
    assert REQUESTS[-1] == "/probe"
    leaky = Case("leaky", f"A Title\n\n{hostile.canary.read_text(encoding='utf-8')}".encode())
    book = convert(leaky, tmp_path).outputs[0]
    assert book_problems(book) == [f"EPUB/article.xhtml: holds {CANARY_TEXT!r}"]


def test_hostile_book_passes_epubcheck(hostile, tmp_path, epubcheck):
    case = make(hostile, "html", "html active content and remote resources")
    run = convert(case, tmp_path)
    assert run.status == 0, run.errors
    report = epubcheck(run.outputs[0])
    assert report.errors == [] and report.warnings == []
