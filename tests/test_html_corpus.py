"""The HTML reader on every saved page of the corpus, scored against the gold files; each book valid."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from gold import (
    Counts,
    chapter_text,
    corpus_pages,
    load_gold,
    mean_shingle_f1,
    normalise,
    shingle_score,
    snippet_counts,
)
from lxml import etree

from export.cli import main
from export.model import Picture
from export.readers import read_article
from export.readers.html.page import read_html_page

PAGES = corpus_pages()
SNIPPET_F1_FLOOR = 0.93  # trafilatura's own extraction scores 0.927 on these pages
SHINGLE_F1_FLOOR = 0.98  # trafilatura: 0.999
PAGE_SHINGLE_F1_FLOOR = 0.95


def page_id(page: Path) -> str:
    return page.name.split("__", 1)[1][:30]


@pytest.fixture(scope="module")
def articles():
    return {page: read_html_page(page) for page in PAGES}


def test_the_corpus_is_there():
    assert len(PAGES) == 10, "tests need tests/corpus/html"


def without_captions(article):
    """The article with its figures' captions and alternative text left out."""
    from copy import deepcopy

    copy = deepcopy(article)
    for section in copy.sections:
        section.blocks = [block for block in section.blocks if not isinstance(block, Picture)]
    return copy


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_body_has_the_gold_text_and_no_boilerplate(page, articles):
    gold = load_gold(page)
    article = articles[page]
    text = normalise(chapter_text(article))
    if gold.body is None:
        assert [s for s in gold.with_snippets if normalise(s) not in text] == []
        # Captions are kept by design (the issue asks for figures with captions); trafilatura's gold
        # counts two of them as boilerplate. Everything else listed as boilerplate must be gone.
        rest = normalise(chapter_text(without_captions(article)))
        assert [s for s in gold.without_snippets if normalise(s) in rest] == []
    else:
        assert shingle_score(text, gold.body).f1() >= PAGE_SHINGLE_F1_FLOOR


def test_corpus_scores_reach_the_floors(articles):
    counts, shingles = Counts(), []
    for page in PAGES:
        gold = load_gold(page)
        text = chapter_text(articles[page])
        if gold.body is None:
            counts += snippet_counts(text, gold.with_snippets, gold.without_snippets)
        else:
            shingles.append(shingle_score(text, gold.body))
    assert counts.f1() >= SNIPPET_F1_FLOOR
    assert mean_shingle_f1(shingles) >= SHINGLE_F1_FLOOR


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_title_and_byline_match_the_gold(page, articles):
    gold = load_gold(page)
    article = articles[page]
    if gold.title:
        assert article.title == gold.title
    if gold.byline:
        assert ", ".join(person.name for person in article.authors) == gold.byline
    author = gold.metadata.get("author")
    if gold.source == "trafilatura" and author and article.authors:
        assert article.authors[0].name == author


def test_metadata_of_a_german_page(articles):
    article = articles[next(page for page in PAGES if "netzpolitik" in page.name)]
    assert article.language == "de-DE"
    assert article.site == "netzpolitik.org"
    assert article.published.isoformat() == "2016-06-23"
    assert article.source.startswith("https://netzpolitik.org/2016/die-cider-connection")
    assert article.standfirst.text.startswith("Seit Dezember 2015 verschickt")


def test_latin1_page_is_decoded_from_its_meta_charset(articles):
    article = articles[next(page for page in PAGES if "love-hina" in page.name)]
    assert "Kapitel 121 ist nun auch online. Wie immer können die Bilder" in chapter_text(article)
    assert article.language == "de"


def test_format_is_told_by_content_not_suffix(tmp_path):
    page = next(page for page in PAGES if "thenervous" in page.name)
    renamed = tmp_path / "saved-page.txt"
    renamed.write_bytes(page.read_bytes())
    assert read_article(renamed).title == read_html_page(page).title


@pytest.fixture(scope="module")
def corpus_books(tmp_path_factory) -> dict[Path, Path]:
    directory = tmp_path_factory.mktemp("corpus-books")
    books = {}
    for index, page in enumerate(PAGES):
        book = directory / f"{index}.epub"
        assert main([str(page), "-o", str(book), "-q"]) == 0
        books[page] = book
    return books


@pytest.fixture(scope="module")
def corpus_reports(corpus_books, epubcheck):
    """EPUBCheck's report on each book."""
    return {page: epubcheck(book) for page, book in corpus_books.items()}


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_book_of_every_page_passes_epubcheck(page, corpus_reports):
    report = corpus_reports[page]
    assert report.errors == [] and report.warnings == []


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_book_loads_nothing_from_the_network(page, corpus_books):
    with zipfile.ZipFile(corpus_books[page]) as archive:
        names = [name for name in archive.namelist() if name.endswith(".xhtml")]
        for name in names:
            root = etree.fromstring(archive.read(name))
            assert not root.xpath(
                "//*[local-name()='script' or local-name()='iframe' or local-name()='object']"
            )
            assert root.xpath("//@src[contains(., ':')]") == []
            assert not [
                href
                for href in root.xpath("//@href")
                if ":" in href and not href.startswith(("http", "mailto"))
            ]


def test_claims_are_marked_only_in_languages_the_detector_knows(corpus_books):
    def claims(page: Path) -> int:
        with zipfile.ZipFile(corpus_books[page]) as archive:
            return archive.read("EPUB/article.xhtml").count(b'class="speculative"')

    german = [page for page in PAGES if "netzpolitik" in page.name or "gormulus" in page.name]
    english = [page for page in PAGES if "aclu" in page.name or "californiaglobe" in page.name]
    assert all(claims(page) == 0 for page in german)
    assert all(claims(page) > 0 for page in english)


def test_html_books_are_reproducible(tmp_path, corpus_books):
    page = PAGES[0]
    again = tmp_path / "again.epub"
    assert main([str(page), "-o", str(again), "-q"]) == 0
    assert again.read_bytes() == corpus_books[page].read_bytes()
