"""The book speaks its language: every fixed word from export/epub/labels.tsv, English as the fallback."""

from __future__ import annotations

import datetime as dt
import re
import string
import zipfile
from pathlib import Path

import pytest
from books import NS, documents

from export.cli import main
from export.epub.labels import _table, labels_for
from export.epub.package import BookOptions, write_epub
from export.model import (
    ArchiveLink,
    Article,
    Claim,
    Comment,
    CommentThread,
    Footnote,
    Paragraph,
    Person,
    Picture,
    Section,
    Span,
)
from export.pipeline import load_stylesheet

LANGUAGES = ("en", "de", "fr", "es")
DAY = dt.date(2019, 4, 8)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_language_has_every_label_with_the_same_fields():
    table = _table()
    assert set(LANGUAGES) <= set(table)
    for language in LANGUAGES:
        assert table[language].keys() == table["en"].keys()
        for key, english in table["en"].items():
            assert fields(table[language][key]) == fields(english), (language, key)
    counted = {key.rsplit(".", 1)[0] for key in table["en"] if key.endswith((".one", ".many"))}
    for noun in counted:
        assert {"n"} == fields(table["en"][f"{noun}.one"]) == fields(table["en"][f"{noun}.many"])


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "April 8, 2019"),
        ("de", "8. April 2019"),
        ("fr", "8 avril 2019"),
        ("es", "8 de abril de 2019"),
        ("de-AT", "8. April 2019"),
        ("fr_CA", "8 avril 2019"),
        ("tlh", "April 8, 2019"),
        ("", "April 8, 2019"),
    ],
)
def test_dates_are_written_the_languages_way(language, written):
    assert labels_for(language).date(DAY) == written


def test_first_of_the_month_counts_and_lists():
    assert labels_for("fr").date(dt.date(2019, 4, 1)) == "1er avril 2019"
    assert labels_for("es").month_year(DAY) == "Abril de 2019"
    assert labels_for("de").count(1204, "comment") == "1.204 Kommentare"
    assert labels_for("de").count(1, "comment") == "1 Kommentar"
    assert labels_for("en").count(1204, "comment") == "1,204 comments"
    assert labels_for("fr").count(0, "comment") == "0 commentaire"
    assert labels_for("es").join(["Ana", "Luis", "Eva"]) == "Ana, Luis y Eva"
    assert labels_for("de").left_out(3, "draft", "drafts") == "3 Entwürfe"
    assert labels_for("de").left_out(2, "post with status odd", "posts with status odd") == (
        "2 posts with status odd"
    )


def article(language: str) -> Article:
    """An article with every part the writer labels: claims, its own notes, pictures, comments, archive."""
    text = "Der Waffenstillstand könnte bald enden, heißt es."
    claim = Claim(0, 39, "possibility", ["könnte"], "„Könnte“ stellt eine Möglichkeit dar.")
    noted = Paragraph("Eine Stelle mit Fußnote1.", spans=[Span(23, 24, "noteref", "eins")])
    reply = Comment(author="Berta", date=DAY, blocks=[Paragraph("Genau.")])
    return Article(
        title="Ein Artikel",
        authors=[Person("Anna Schmidt")],
        published=DAY,
        updated=dt.date(2019, 5, 1),
        site="Beispiel",
        language=language,
        sections=[
            Section(
                [
                    Paragraph(text, claims=[claim]),
                    noted,
                    Picture(alt="Ein Hafen"),
                ]
            )
        ],
        footnotes=[Footnote("eins", [Paragraph("Die Fußnote.")])],
        archive=[ArchiveLink("Früher", ["Anna Schmidt", "Carl Meier"], date=DAY)],
        thread=CommentThread(
            [Comment(author="Anton", date=DAY, blocks=[Paragraph("Gut.")], replies=[reply])],
            announced=3,
        ),
    )


def book_of(tmp_path: Path, language: str) -> Path:
    path = tmp_path / f"{language or 'none'}.epub"
    path.write_bytes(write_epub(article(language), BookOptions(load_stylesheet("book"))))
    return path


def texts(book: Path) -> dict[str, str]:
    """The words of each document, the package's and the NCX's included, whitespace collapsed."""
    parts = documents(book, (".xhtml", ".opf", ".ncx"))
    found = {name: " ".join(" ".join(root.itertext()).split()) for name, root in parts.items()}
    with zipfile.ZipFile(book) as archive:  # and what the package's attributes say: titles, summaries
        found["guide"] = " ".join(re.findall(r'title="([^"]*)"', archive.read("EPUB/content.opf").decode()))
    return found


def heading(root, xpath: str) -> list[str]:
    return [" ".join("".join(node.itertext()).split()) for node in root.xpath(xpath, namespaces=NS)]


def test_a_german_article_has_german_headings_notes_appendices_and_dates(tmp_path, epubcheck):
    book = book_of(tmp_path, "de")
    docs = documents(book)
    assert heading(docs["EPUB/nav.xhtml"], "//h:h1") == ["Inhalt"]
    assert heading(docs["EPUB/article.xhtml"], "//h:section[@class='notes']/h:h2") == ["Anmerkungen"]
    assert heading(docs["EPUB/article.xhtml"], "//h:section[@class='article-notes']/h:h2") == [
        "Fußnoten des Artikels"
    ]
    appendices = [
        root for root in docs.values() if root.xpath("//h:section[@epub:type='appendix']", namespaces=NS)
    ]
    assert sorted(heading(root, "//h:h1")[0] for root in appendices) == [
        "Anhang A: Aus dem Archiv",
        "Anhang B: Kommentare",
        "Anhang C: Aussagen im Überblick",
    ]
    words = texts(book)
    assert "8. April 2019" in words["EPUB/article.xhtml"]
    assert "1. Mai 2019" in words["EPUB/titlepage.xhtml"]
    assert "Leserkommentare" in words["EPUB/comments.xhtml"]
    assert "Die Seite kündigte 3 an" in words["EPUB/comments.xhtml"]
    assert "Das Bild ist nicht Teil dieser Kopie: Ein Hafen" in words["EPUB/article.xhtml"]
    assert "von Anna Schmidt und Carl Meier" in words["EPUB/archive.xhtml"]
    report = epubcheck(book)
    assert report.errors == [] and report.warnings == []


def english_only_phrases() -> list[str]:
    """The literal words of every English label that German says otherwise, long enough to be telling."""
    table = _table()
    phrases = []
    for key, english in table["en"].items():
        if key.startswith(("number.", "plural.", "date")) or english == table["de"][key]:
            continue
        phrases += [part.strip() for part in re.split(r"\{\w*\}", english) if len(part.strip()) >= 6]
    return phrases


def english_left(words: dict[str, str]) -> list[str]:
    """The English-only label phrases found as whole words in ``words``."""
    text = "\n".join(words.values())
    return [phrase for phrase in english_only_phrases() if re.search(rf"\b{re.escape(phrase)}\b", text)]


def test_no_english_label_is_left_in_a_german_book(tmp_path):
    assert english_left(texts(book_of(tmp_path, "de"))) == []


@pytest.mark.parametrize("language", ["tlh", "x-unknown", ""])
def test_an_unknown_language_falls_back_to_english(tmp_path, language):
    book = book_of(tmp_path, language)
    docs = documents(book)
    assert heading(docs["EPUB/nav.xhtml"], "//h:h1") == ["Contents"]
    assert heading(docs["EPUB/article.xhtml"], "//h:section[@class='notes']/h:h2") == ["Notes"]
    assert "Appendix A: From the archives" in heading(docs["EPUB/archive.xhtml"], "//h:h1")
    assert "April 8, 2019" in texts(book)["EPUB/article.xhtml"]


GERMAN_EXPORT = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Ein Blog</title><link>https://blog.example</link><language>de-DE</language>
<wp:wxr_version>1.2</wp:wxr_version>
<item><title>Erster Beitrag</title><dc:creator>anna</dc:creator>
<content:encoded>Ein kurzer Text über das Wetter im Frühling.</content:encoded><wp:post_id>1</wp:post_id>
<wp:post_date>2019-04-08 10:00:00</wp:post_date><wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type>
<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Berta</wp:comment_author>
<wp:comment_date>2019-04-08 11:30:00</wp:comment_date><wp:comment_content>Schön.</wp:comment_content>
<wp:comment_approved>1</wp:comment_approved></wp:comment>
<wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_author>Spam</wp:comment_author>
<wp:comment_content>Kaufen!</wp:comment_content><wp:comment_approved>spam</wp:comment_approved></wp:comment>
</item>
<item><title>Entwurf</title><content:encoded>Noch nicht fertig.</content:encoded><wp:post_id>2</wp:post_id>
<wp:status>draft</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>
"""


def test_a_german_blogs_anthology_is_german(tmp_path, epubcheck):
    export = tmp_path / "blog.xml"
    export.write_text(GERMAN_EXPORT, encoding="utf-8")
    book = tmp_path / "blog.epub"
    assert main([str(export), "-o", str(book), "-q"]) == 0
    words = texts(book)
    title_page = words["EPUB/titlepage.xhtml"]
    assert "Inhalt 1 Beitrag, 1 Kommentar" in title_page
    assert "Zeitraum 8. April 2019" in title_page
    assert "Ausgelassen 1 Entwurf, 1 Spam-Kommentar" in title_page
    assert "April 2019" in words["EPUB/nav.xhtml"] and "Kommentare" in words["EPUB/nav.xhtml"]
    comments = next(text for name, text in words.items() if name.endswith("-comments.xhtml"))
    assert comments.startswith("Kommentare zu „Erster Beitrag“")
    assert "8. April 2019, 11:30" in comments
    assert english_left(words) == []
    report = epubcheck(book)
    assert report.errors == [] and report.warnings == []
