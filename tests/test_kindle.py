"""Every kind of book against the known causes of Send-to-Kindle's rejections (error E999).

The causes are those that public tools such as kindle-epub-fix (github.com/innocenat/kindle-epub-fix)
repair before a book is sent: a content document without an XML declaration naming its encoding, a
missing or unsupported dc:language, a link to a document's body id, an img without src, and a spine in
another order than the NCX. What Amazon's service itself does is not tested here: it needs an account.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

import pytest
from books import build
from lxml import etree
from test_labels import GERMAN_EXPORT
from test_wxr_books import THEME_TEST

from export.cli import main
from export.epub.package import BookOptions, write_epub
from export.model import Article, Image, Paragraph, Picture, Section
from export.pipeline import load_stylesheet

SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
NCX = "{http://www.daisy.org/z3986/2005/ncx/}"
XHTML = "{http://www.w3.org/1999/xhtml}"
# kindle-epub-fix's test for the declaration: version and encoding, either quote, at the very start.
DECLARATION = re.compile(rb"""<\?xml\s+version=["'][\d.]+["']\s+encoding=["'][a-zA-Z\d.-]+["']\s*\?>""", re.I)
# The languages Kindle accepts (kdp.amazon.com/en_US/help/topic/G200673300, as kindle-epub-fix lists them).
KINDLE_LANGUAGES = frozenset(
    " ".join(
        [
            "af gsw ar eu nb br ca zh kw co da nl stq en fi fr fy gl de gu hi is ga it ja lb mr ml gv frr",
            "nn pl pt oc rm sco gd es sv ta cy afr ara eus baq nob bre cat zho chi cor cos dan nld dut eng",
            "fin fra fre fry glg deu ger guj hin isl ice gle ita jpn ltz mar mal glv nor nno por oci roh",
            "gla spa swe tam cym wel",
        ]
    ).split()
)


def kindle_problems(data: bytes) -> list[str]:
    """What kindle-epub-fix would repair in the EPUB ``data``, one line per problem found."""
    problems = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        container = etree.fromstring(archive.read("META-INF/container.xml"), SAFE)
        package_name = container.find(f".//{CONTAINER}rootfile").get("full-path")
        package = etree.fromstring(archive.read(package_name), SAFE)
        base = posixpath.dirname(package_name)
        items = {
            item.get("id"): (posixpath.join(base, item.get("href")), item.get("media-type"))
            for item in package.iter(f"{OPF}item")
        }
        pages = {name: archive.read(name) for name, kind in items.values() if kind == "application/xhtml+xml"}
        ncx = next((archive.read(name) for name, kind in items.values() if kind.endswith("ncx+xml")), None)
    problems += [
        f"{name}: no encoding declaration" for name, page in pages.items() if not DECLARATION.match(page)
    ]
    languages = [element.text or "" for element in package.iter(f"{DC}language")]
    if not languages or languages[0].split("-")[0].lower() not in KINDLE_LANGUAGES:
        problems.append(f"dc:language {languages[:1]} is not one Kindle accepts")
    trees = {name: etree.fromstring(page, SAFE) for name, page in pages.items()}
    body_ids = {(name, tree.find(f"{XHTML}body").get("id")) for name, tree in trees.items()}
    for name, tree in trees.items():
        for link in tree.iter(f"{XHTML}a"):
            target, _, fragment = (link.get("href") or "").partition("#")
            page = posixpath.normpath(posixpath.join(posixpath.dirname(name), target)) if target else name
            if fragment and (page, fragment) in body_ids:
                problems.append(f"{name}: a link to the body id {fragment} of {page}")
        problems += [
            f"{name}: an img without src" for image in tree.iter(f"{XHTML}img") if not image.get("src")
        ]
    spine = [items[ref.get("idref")][0] for ref in package.iter(f"{OPF}itemref")]
    if ncx is not None:
        points = sorted(
            etree.fromstring(ncx, SAFE).iter(f"{NCX}navPoint"), key=lambda p: int(p.get("playOrder"))
        )
        listed = [
            posixpath.join(base, point.find(f"{NCX}content").get("src").partition("#")[0]) for point in points
        ]
        order = list(dict.fromkeys(listed))
        if [name for name in spine if name in order] != order:
            problems.append("the spine's order is not the NCX's")
    return problems


def picture_article() -> Article:
    """A French article with a picture the book carries and one it does not."""
    from PIL import Image as PilImage

    buffer = io.BytesIO()
    PilImage.new("RGB", (4, 3), (200, 20, 20)).save(buffer, "PNG")
    image = Image("rouge.png", "image/png", buffer.getvalue())
    blocks = [
        Paragraph("Une image rouge."),
        Picture(image="rouge.png", alt="Un carré rouge"),
        Picture(alt="Une image absente"),
    ]
    return Article(title="Images", language="fr-FR", sections=[Section(blocks)], images=[image])


@pytest.fixture(scope="module")
def books(tmp_path_factory, seed_book, no_claims_book) -> dict[str, bytes]:
    """One book of each kind: an article with and without claims, in another style, with pictures; a
    blog's anthology and a post of it alone, a German one and the theme unit test's."""
    folder = tmp_path_factory.mktemp("kindle")
    export = folder / "blog.xml"
    export.write_text(GERMAN_EXPORT, encoding="utf-8")
    assert main([str(export), "-o", str(folder / "blog.epub"), "-q"]) == 0
    assert main([str(export), "--split", "-o", str(folder / "posts"), "-q"]) == 0
    assert main([str(THEME_TEST), "-o", str(folder / "theme.epub"), "-q"]) == 0
    (post,) = (folder / "posts").glob("*.epub")
    made = {
        "article": seed_book,
        "article without claims": no_claims_book,
        "article, plain style": build(folder, "--style", "plain", name="plain.epub"),
        "blog": folder / "blog.epub",
        "blog post alone": post,
        "theme unit test blog": folder / "theme.epub",
    }
    found = {kind: path.read_bytes() for kind, path in made.items()}
    options = BookOptions(load_stylesheet("book"))
    found["article with pictures"] = write_epub(picture_article(), options)
    return found


@pytest.mark.parametrize(
    "kind",
    [
        "article",
        "article without claims",
        "article, plain style",
        "article with pictures",
        "blog",
        "blog post alone",
        "theme unit test blog",
    ],
)
def test_no_book_has_a_known_send_to_kindle_rejection_cause(books, kind):
    assert kindle_problems(books[kind]) == []


def test_each_cause_is_found_when_present(books):
    """The check itself, on a copy of the seed's book broken in each of the known ways."""
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(books["article"])) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "EPUB/titlepage.xhtml":
                data = data.split(b"?>", 1)[1].replace(b"<body", b'<body id="top"', 1)
            elif info.filename == "EPUB/article.xhtml":
                data = data.replace(b"</h1>", b'</h1><a href="titlepage.xhtml#top">up</a><img alt=""/>', 1)
            elif info.filename == "EPUB/content.opf":
                data = re.sub(rb"(<dc:language>)[^<]*", rb"\1tlh", data)
                data = data.replace(b'<itemref idref="titlepage"/>', b"").replace(
                    b"</spine>", b'<itemref idref="titlepage"/></spine>'
                )
            target.writestr(info, data)
    problems = kindle_problems(broken.getvalue())
    assert problems == [
        "EPUB/titlepage.xhtml: no encoding declaration",
        "dc:language ['tlh'] is not one Kindle accepts",
        "EPUB/article.xhtml: a link to the body id top of EPUB/titlepage.xhtml",
        "EPUB/article.xhtml: an img without src",
        "the spine's order is not the NCX's",
    ]
