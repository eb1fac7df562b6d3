"""Feeds and collections from addresses, served on 127.0.0.1: a feed's summary-only items are read from
their pages, and two addresses with -o NAME.epub make one book."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from books import NS, entry, words
from conftest import CORPUS, SEED
from webserver import WebServer, page, status

from export.cli import main
from export.web import limits

HTML = CORPUS / "html"
ARTICLE = HTML / "trafilatura__thenervousbreakdown.com.loneliest.html"  # "The Loneliest Woman in the World…"
OTHER = HTML / "trafilatura__gormulus.wordpress.com.durfen.html"
RSS_TYPE = "application/rss+xml"
FAST = dataclasses.replace(
    limits.BASE_LIMITS, connect_timeout=1.0, read_timeout=0.5, total_timeout=3.0, retries=1, backoff=0.01
)


@pytest.fixture(autouse=True)
def short_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fetches give up within seconds, so that the failure cases stay quick."""
    monkeypatch.setattr(limits, "BASE_LIMITS", FAST)


def feed(items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (title, link, summary) items, with only summaries, newest first."""
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><description>{summary}</description>"
        f"<pubDate>Mon, 0{9 - n} Jan 2024 10:00:00 +0000</pubDate></item>"
        for n, (title, link, summary) in enumerate(items)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Served News</title>'
        f"<link>http://127.0.0.1/</link>{entries}</channel></rss>"
    ).encode()


def titles(book: Path) -> list[str]:
    nav = entry(book, "EPUB/nav.xhtml")
    return [words(link) for link in nav.xpath("//h:nav[@id='toc']/h:ol/h:li/h:a", namespaces=NS)][1:]


def test_a_feeds_summary_only_items_are_read_from_their_pages(
    web_server: WebServer, tmp_path, capsys, epubcheck
):
    article = web_server.add("/loneliest/", page(ARTICLE.read_bytes()))
    missing = web_server.url("/gone/")
    url = web_server.add(
        "/feed/",
        page(
            feed([("Loneliest", article, "Only a summary."), ("Gone", missing, "The summary stays.")]),
            RSS_TYPE,
        ),
    )
    book = tmp_path / "served.epub"
    assert main([url, "-o", str(book), "--no-images"]) == 0  # the item page's pictures are on the internet
    assert titles(book) == ["The Loneliest Woman in the World: An Appreciation of Heart’s “Alone”", "Gone"]
    first = words(entry(book, "EPUB/part-001.xhtml"))
    assert "Only a summary." not in first and "Heart" in first  # the page's own article
    assert entry(book, "EPUB/content.opf").xpath("string(//dc:title)", namespaces=NS) == "Served News"
    assert "The summary stays." in words(entry(book, "EPUB/part-002.xhtml"))
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "warning" in err[0] and missing in err[0] and "404" in err[0]
    assert web_server.got("/gone/") and web_server.got("/loneliest/")
    report = epubcheck(book)
    assert report.errors == [] and report.warnings == []


def test_items_with_their_full_content_are_not_fetched(web_server: WebServer, tmp_path):
    rss = (CORPUS / "feeds" / "harbourtown.rss.xml").read_bytes()
    url = web_server.add("/harbourtown.xml", page(rss, RSS_TYPE))
    assert main([url, "-o", str(tmp_path / "h.epub"), "-q"]) == 0
    assert [request.path for request in web_server.requests] == ["/harbourtown.xml"]


def test_two_addresses_and_a_book_name_make_one_book(web_server: WebServer, tmp_path, epubcheck):
    first = web_server.add("/one/", page(ARTICLE.read_bytes()))
    second = web_server.add("/two/", page(OTHER.read_bytes()))
    book = tmp_path / "both.epub"
    assert main([first, second, str(SEED), "-o", str(book), "-q"]) == 0
    assert len(titles(book)) == 3
    report = epubcheck(book)
    assert report.errors == [] and report.warnings == []


def test_an_address_that_fails_fails_the_collection(web_server: WebServer, tmp_path, capsys):
    first = web_server.add("/one/", page(ARTICLE.read_bytes()))
    web_server.add("/broken/", status(500))
    book = tmp_path / "both.epub"
    assert main([first, web_server.url("/broken/"), "-o", str(book), "-q"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "/broken/" in err[0]
    assert list(tmp_path.iterdir()) == []
