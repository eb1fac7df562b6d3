"""Several inputs with -o NAME.epub: one book, each article a part with its own chapters and appendices."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from books import NS, convert, documents, entry, words
from conftest import CORPUS, ROOT, SEED
from test_html_rendering import png

HTML = CORPUS / "html"
GERMAN = HTML / "trafilatura__netzpolitik.org.abmahnungen.html"  # comments and an archive list
ENGLISH = HTML / "trafilatura__thenervousbreakdown.com.loneliest.html"  # comments, claims
PAGES = [ENGLISH, SEED, GERMAN]  # the seed has video reports, an archive list, comments and claims
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PARAGRAPH = (
    "The council met on Tuesday to discuss the new bridge over the river, and the engineers presented "
    "their plans for the crossing in some detail to the members and the public who came to listen."
)


def page(title: str, address: str, links: str, site: str = "Example News") -> str:
    """A small saved page at ``address`` whose text holds ``links`` (markup) among plain paragraphs."""
    return (
        f'<!doctype html><html lang="en"><head><title>{title}</title>'
        f'<link rel="canonical" href="{address}"><meta property="og:site_name" content="{site}"></head>'
        f'<body><article><h1>{title}</h1><div class="entry-content"><p>{PARAGRAPH}</p>'
        f"<p>{links}</p><p>{PARAGRAPH}</p></div></article></body></html>"
    )


@pytest.fixture(scope="module")
def collection(tmp_path_factory) -> Path:
    book = tmp_path_factory.mktemp("collection") / "three.epub"
    assert convert(*PAGES, "-o", book) == 0
    return book


@pytest.fixture(scope="module")
def linked(tmp_path_factory) -> Path:
    """Two pages of one site that link to each other (in other spellings of their addresses)."""
    folder = tmp_path_factory.mktemp("linked")
    first, second = folder / "a.html", folder / "b.html"
    first.write_text(
        page(
            "The first article",
            "https://example.com/news/first/",
            'See <a href="http://EXAMPLE.com/news/second#comments">the second</a> and '
            '<a href="https://example.net/elsewhere/">another site</a>.',
        ),
        encoding="utf-8",
    )
    second.write_text(
        page(
            "The second article",
            "https://example.com/news/second",
            'Back to <a href="/news/first/">the first</a>.',
        ),
        encoding="utf-8",
    )
    book = folder / "linked.epub"
    assert convert(first, second, "-o", book) == 0
    return book


def nav_entries(book: Path) -> list[tuple[str, str, list[str]]]:
    """The contents' top entries: title, target, and the titles under each."""
    nav = entry(book, "EPUB/nav.xhtml")
    found = []
    for item in nav.xpath("//h:nav[@id='toc']/h:ol/h:li", namespaces=NS):
        link = item.xpath("h:a", namespaces=NS)[0]
        children = [words(child) for child in item.xpath("h:ol/h:li/h:a", namespaces=NS)]
        found.append((words(link), link.get("href"), children))
    return found


def test_the_collection_passes_epubcheck(collection, linked, epubcheck):
    for book in (collection, linked):
        report = epubcheck(book)
        assert report.errors == [] and report.warnings == [], book.name


def test_each_article_is_a_part_with_its_own_appendices_in_the_order_given(collection):
    entries = nav_entries(collection)
    assert entries[0][0] == "Title page"
    parts = entries[1:]
    assert [title for title, _, _ in parts] == [
        "The Loneliest Woman in the World: An Appreciation of Heart’s “Alone”",
        "How Putin’s Leverage Shaped the Syrian Ceasefire",
        "Die Cider Connection: Abmahnungen gegen Nutzer von Creative-Commons-Bildern",
    ]
    assert [href for _, href, _ in parts] == ["part-001.xhtml", "part-002.xhtml", "part-003.xhtml"]
    seed = parts[1][2]
    assert seed[0] == "Video reports" and "From the archives" in seed and "Claims at a glance" in seed
    assert any(title.startswith("Comments on") for title in seed)
    assert any(title.startswith("Kommentare zu") for title in parts[2][2])  # in the article's language
    spine = entry(collection, "EPUB/content.opf").xpath("//opf:itemref/@idref", namespaces=NS)
    assert spine[:4] == ["cover-2", "titlepage", "nav", "part-001"]
    assert spine.index("part-002-glance") < spine.index("part-003")  # each part whole, in order


def test_the_title_page_counts_the_articles_and_the_default_title_says_how_many(collection):
    title_page = words(entry(collection, "EPUB/titlepage.xhtml"))
    assert title_page.startswith("3 articles") and "Made with annotated-epub" in title_page
    assert "from the articles’ pages" in title_page
    opf = entry(collection, "EPUB/content.opf")
    assert opf.xpath("string(//dc:title)", namespaces=NS) == "3 articles"


def test_title_option_and_one_site_name_the_book(tmp_path, linked):
    opf = entry(linked, "EPUB/content.opf")
    assert opf.xpath("string(//dc:title)", namespaces=NS) == "Example News"  # the one site of both
    book = tmp_path / "named.epub"
    assert convert(SEED, ENGLISH, "-o", book, "--title", "Weekend reading") == 0
    assert entry(book, "EPUB/content.opf").xpath("string(//dc:title)", namespaces=NS) == "Weekend reading"


def test_each_part_keeps_its_language_and_its_claims_and_the_book_takes_the_firsts(collection):
    docs = documents(collection)
    assert docs["EPUB/part-001.xhtml"].get(XML_LANG) == "en"
    assert docs["EPUB/part-003.xhtml"].get(XML_LANG).startswith("de")
    assert docs["EPUB/part-003-comments.xhtml"].get(XML_LANG).startswith("de")
    opf = entry(collection, "EPUB/content.opf")
    assert opf.xpath("string(//dc:language)", namespaces=NS) == "en"
    noterefs = "//h:a[@epub:type='noteref' and starts-with(@href, '#note-')]"
    assert docs["EPUB/part-002.xhtml"].xpath(noterefs, namespaces=NS)  # English: claims marked
    assert not docs["EPUB/part-003.xhtml"].xpath(noterefs, namespaces=NS)  # German: no lexicon


def test_language_option_sets_every_part(tmp_path):
    book = tmp_path / "en.epub"
    assert convert(GERMAN, SEED, "-o", book, "--language", "en") == 0
    docs = documents(book)
    assert {docs[name].get(XML_LANG) for name in docs if "part-" in name} == {"en"}


def test_a_link_to_a_bundled_article_leads_inside_the_book(linked):
    docs = documents(linked)
    first = {words(a): a.get("href") for a in docs["EPUB/part-001.xhtml"].xpath("//h:p/h:a", namespaces=NS)}
    assert first["the second"] == "part-002.xhtml#title"
    assert first["another site"] == "https://example.net/elsewhere/"
    second = {words(a): a.get("href") for a in docs["EPUB/part-002.xhtml"].xpath("//h:p/h:a", namespaces=NS)}
    assert second["the first"] == "part-001.xhtml#title"  # a relative link, resolved, is bundled too
    sources = [words(p) for p in docs["EPUB/part-001.xhtml"].xpath("//h:p[@class='source']", namespaces=NS)]
    assert sources == ["Source: https://example.com/news/first/"]


def test_the_same_inputs_give_a_byte_identical_book(tmp_path, linked):
    again = tmp_path / "again.epub"
    folder = linked.parent
    assert convert(folder / "a.html", folder / "b.html", "-o", again) == 0
    assert again.read_bytes() == linked.read_bytes()


@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        ("missing.html", "no such file"),
        (CORPUS / "wxr" / "isso__wordpress.xml", "is a WordPress export, a book of its own"),
        ("empty.txt", "is empty"),
    ],
)
def test_one_input_that_fails_fails_the_collection_with_one_line_and_no_file(tmp_path, bad, problem):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "-m", "export", str(SEED), str(bad), "-o", "both.epub"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and problem in lines[0], result.stderr
    assert not (tmp_path / "both.epub").exists()
    assert [path.name for path in tmp_path.iterdir()] == ["empty.txt"]


def test_a_directory_still_gets_one_book_per_input(tmp_path):
    assert convert(SEED, ENGLISH, "-o", f"{tmp_path}/") == 0
    assert len(list(tmp_path.glob("*.epub"))) == 2


def test_pictures_of_the_articles_are_packaged_once_each(tmp_path, epubcheck):
    """Two pages saved with the same picture (named by its content) and one with another: two images."""
    pages = []
    for name, picture in (("a", png()), ("b", png()), ("c", png(3, 2))):
        folder = tmp_path / f"{name}_files"
        folder.mkdir()
        (folder / "pic.png").write_bytes(picture)
        figure = (
            f"<figure><img src='{name}_files/pic.png' alt='A picture'><figcaption>Seen</figcaption></figure>"
        )
        html = page(f"Article {name}", f"https://example.com/{name}/", "Some words.", site=f"Site {name}")
        (tmp_path / f"{name}.html").write_text(html.replace("</div></article>", figure + "</div></article>"))
        pages.append(tmp_path / f"{name}.html")
    book = tmp_path / "pictures.epub"
    assert convert(*pages, "-o", book) == 0
    with zipfile.ZipFile(book) as archive:
        images = [name for name in archive.namelist() if name.startswith("EPUB/images/")]
    assert len(images) == 2
    sources = {
        img.get("src")
        for name, root in documents(book).items()
        if name.startswith("EPUB/part-")
        for img in root.iter("{http://www.w3.org/1999/xhtml}img")
    }
    assert {f"EPUB/{src}" for src in sources} == set(images)
    report = epubcheck(book)
    assert report.errors == [] and report.warnings == []
