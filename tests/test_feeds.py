"""RSS and Atom feeds: one book of the newest items, told from WordPress exports by their first bytes."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from books import NS, convert, documents, entry, words
from conftest import CORPUS, ROOT, SEED

from export.readers import is_blog_export, is_feed
from export.readers.feed_sniff import looks_like_feed

FEEDS = CORPUS / "feeds"
RSS = FEEDS / "harbourtown.rss.xml"  # twelve items, the 11th with only a summary, the 12th hostile
ATOM = FEEDS / "werkstatt.atom.xml"  # German; html, xhtml and text content, a summary, an undated entry
TOPICS = [
    "the harbour wall",
    "the night buses",
    "the library roof",
    "the river crossing",
    "the school meals",
    "the market square",
    "the cycle lanes",
    "the allotments",
    "the flood barrier",
    "the town clock",
    "the tram line",
    "the swimming pool",
]


def titles(book: Path) -> list[str]:
    nav = entry(book, "EPUB/nav.xhtml")
    return [words(link) for link in nav.xpath("//h:nav[@id='toc']/h:ol/h:li/h:a", namespaces=NS)][1:]


def text(book: Path, name: str) -> str:
    return words(entry(book, f"EPUB/{name}"))


@pytest.fixture(scope="module")
def rss_book(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("rss")
    assert convert(RSS, "-o", f"{folder}/") == 0
    (book,) = folder.iterdir()
    return book


@pytest.fixture(scope="module")
def atom_book(tmp_path_factory) -> Path:
    book = tmp_path_factory.mktemp("atom") / "atom.epub"
    assert convert(ATOM, "-o", book) == 0
    return book


def test_feed_books_pass_epubcheck(rss_book, atom_book, epubcheck):
    for book in (rss_book, atom_book):
        report = epubcheck(book)
        assert report.errors == [] and report.warnings == [], book.name


def test_the_feed_names_the_book_and_gives_its_ten_newest_items_newest_first(rss_book):
    assert rss_book.name == "harbourtown-news.epub"
    assert titles(rss_book) == [f"Notes on {topic}" for topic in reversed(TOPICS[2:])]
    opf = entry(rss_book, "EPUB/content.opf")
    assert opf.xpath("string(//dc:title)", namespaces=NS) == "Harbourtown News"
    assert opf.xpath("string(//dc:source)", namespaces=NS) == "https://news.example.org/"
    title_page = text(rss_book, "titlepage.xhtml")
    assert "What the council did this week" in title_page and "10 articles" in title_page
    assert "from the site’s feed" in title_page


def test_each_item_keeps_its_author_date_address_and_claims(rss_book):
    chapter = text(rss_book, "part-001.xhtml")
    assert "by Sam Reporter" in chapter and "March 12, 2024" in chapter
    assert "Source: https://news.example.org/2024/03/swimming-pool/" in chapter
    notes = entry(rss_book, "EPUB/part-001.xhtml").xpath("//h:a[@epub:type='noteref']", namespaces=NS)
    assert notes  # "reportedly" is marked


def test_an_item_with_only_a_summary_keeps_it_when_its_page_cannot_be_had(rss_book):
    """Its page is on news.example.org, which the suite never reaches (tests/conftest.py: loopback_only);
    tests/test_web_feeds.py has the page fetched from 127.0.0.1."""
    assert titles(rss_book)[1] == "Notes on the tram line"
    assert "A short summary of the tram line: the page has the rest." in text(rss_book, "part-002.xhtml")


def test_item_html_is_cleaned_as_an_article_body_is(rss_book):
    with zipfile.ZipFile(rss_book) as archive:
        raw = b"".join(archive.read(name) for name in ("EPUB/part-001.xhtml", "EPUB/part-001-videos.xhtml"))
    for banned in (b"<script", b"onclick", b"javascript:", b"<form", b"<iframe", b"evil.example"):
        assert banned not in raw
    chapter = entry(rss_book, "EPUB/part-001.xhtml")
    links = {words(a): a.get("href") for a in chapter.xpath("//h:p/h:a", namespaces=NS)}
    assert links["the harbour wall"] == "https://news.example.org/2024/03/harbour-wall/"  # made absolute
    assert "youtube.com/watch?v=dQw4w9WgXcQ" in text(rss_book, "part-001-videos.xhtml")  # a video report


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--max-items", "3"], TOPICS[:-4:-1]),
        (["--since", "2024-03-10"], TOPICS[:-4:-1]),
        (["--since", "2024-03-01", "--until", "2024-03-02"], TOPICS[1::-1]),
        (["--max-items", "20"], TOPICS[::-1]),
    ],
)
def test_max_items_since_and_until_choose_the_items(tmp_path, options, expected):
    book = tmp_path / "chosen.epub"
    assert convert(RSS, "-o", book, *options) == 0
    assert titles(book) == [f"Notes on {topic}" for topic in expected]


def test_atom_content_of_every_type_and_the_feeds_own_language(atom_book):
    assert titles(atom_book) == ["Die neue Hobelbank", "Ein Brett aus Eiche", "Werkzeugliste", "Ohne Datum"]
    opf = entry(atom_book, "EPUB/content.opf")
    assert opf.xpath("string(//dc:title)", namespaces=NS) == "Das Werkstatt-Tagebuch"  # its markup dropped
    assert opf.xpath("//dc:creator/text()", namespaces=NS) == ["Kim Tischler"]
    assert opf.xpath("string(//dc:language)", namespaces=NS) == "de"
    docs = documents(atom_book)
    first = docs["EPUB/part-001.xhtml"]
    assert first.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"
    links = {words(a): a.get("href") for a in first.xpath("//h:p/h:a", namespaces=NS)}
    assert links["Beitrag über die Eiche"] == "part-002.xhtml#title"  # a relative link to a bundled item
    assert docs["EPUB/part-002.xhtml"].xpath("//h:ul/h:li", namespaces=NS)  # xhtml content kept whole
    assert "Aktualisiert" in words(first)  # updated the day after
    plain = docs["EPUB/part-004.xhtml"].xpath("//h:section/h:p", namespaces=NS)
    assert [words(p) for p in plain] == ["Ein Eintrag ohne Datum.", "Zwei Absätze im reinen Text."]
    assert "Was in der Werkstatt an der Wand hängt." in words(docs["EPUB/part-003.xhtml"])


def test_title_option_names_a_feeds_book(tmp_path):
    assert convert(ATOM, "-o", f"{tmp_path}/", "--title", "Holz") == 0
    assert [path.name for path in tmp_path.iterdir()] == ["holz.epub"]


def test_a_feed_joins_a_collection_with_its_items(tmp_path):
    book = tmp_path / "mixed.epub"
    assert convert(SEED, ATOM, "-o", book, "--max-items", "2") == 0
    assert titles(book) == [
        "How Putin’s Leverage Shaped the Syrian Ceasefire",
        "Die neue Hobelbank",
        "Ein Brett aus Eiche",
    ]


def test_the_same_feed_gives_a_byte_identical_book(tmp_path, rss_book):
    assert convert(RSS, "-o", tmp_path / "again.epub") == 0
    assert (tmp_path / "again.epub").read_bytes() == rss_book.read_bytes()


def test_feeds_are_told_by_their_first_bytes_and_exports_stay_blogs(tmp_path):
    for export in sorted((CORPUS / "wxr").glob("*.xml")):
        assert is_blog_export(export) and not is_feed(export), export.name
    assert is_feed(RSS) and is_feed(ATOM) and not is_blog_export(RSS)
    rdf = b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    assert looks_like_feed(rdf + b'xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>')
    assert looks_like_feed(b'\xef\xbb\xbf<!-- c --><feed xmlns="http://purl.org/atom/ns#">')
    assert not looks_like_feed(b'<feed xmlns="urn:something-else">')  # a root named feed is not enough
    assert not looks_like_feed(b"<!doctype html><html><body><rss>")
    assert not looks_like_feed(b" " * 100_000 + b"<rss>")  # past the bounded prefix: not told


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b'<rss version="2.0"><channel><title>Empty</title></channel></rss>', "the feed has no item"),
        (b'<rss version="2.0">&<\x00 not a feed at all', "is not a feed that can be read"),
    ],
)
def test_a_feed_without_items_is_one_line_and_no_file(tmp_path, data, problem):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(data)
    result = subprocess.run(
        [sys.executable, "-m", "export", str(feed), "-o", "out.epub"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "feed.xml" in lines[0] and problem in lines[0], result.stderr
    assert [path.name for path in tmp_path.iterdir()] == ["feed.xml"]


def test_since_after_every_item_says_so(tmp_path, capsys):
    assert convert(RSS, "-o", tmp_path / "none.epub", "--since", "2025-01-01") == 1
    assert "no item between the dates asked for" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
