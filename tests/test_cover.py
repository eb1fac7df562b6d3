"""The cover: generated from the article, the same bytes each time, declared in the package; or the user's."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from books import EPUB_TYPE, NS, build, entry
from conftest import SEED
from PIL import Image, ImageFont

from export.cli import main
from export.epub.cover import MARGIN, TITLE_BOX_HEIGHT, TITLE_FONT, WIDTH, CoverText, _fit_title
from export.readers import read_article


def cover_bytes(book: Path, name: str = "EPUB/cover.png") -> bytes:
    with zipfile.ZipFile(book) as archive:
        return archive.read(name)


def test_generated_cover_is_a_tall_png_with_the_shape_stores_ask_for(seed_book):
    image = Image.open(io.BytesIO(cover_bytes(seed_book)))
    assert image.format == "PNG" and image.size == (1600, 2560)
    colours = image.convert("RGB").getcolors(maxcolors=256)
    assert colours and len(colours) > 4, "the cover holds type, not a blank page"


def test_cover_is_the_same_for_the_same_article_and_differs_for_another(tmp_path, seed_book, seed_text):
    assert cover_bytes(build(tmp_path, name="again.epub")) == cover_bytes(seed_book)
    other = tmp_path / "other.txt"
    other.write_text(seed_text.replace("How Putin’s Leverage", "How Obama’s Leverage", 1), encoding="utf-8")
    assert cover_bytes(build(tmp_path, source=other, name="other.epub")) != cover_bytes(seed_book)


def test_package_declares_the_cover_for_epub3_epub2_and_kindle(seed_book):
    opf = entry(seed_book, "EPUB/content.opf")
    image = opf.xpath("//opf:item[@properties='cover-image']", namespaces=NS)
    assert [item.get("href") for item in image] == ["cover.png"]
    assert image[0].get("media-type") == "image/png"
    assert opf.xpath("//opf:meta[@name='cover']/@content", namespaces=NS) == [image[0].get("id")]
    assert opf.xpath("//opf:reference[@type='cover']/@href", namespaces=NS) == ["cover.xhtml"]
    first = opf.xpath("//opf:spine/opf:itemref/@idref", namespaces=NS)[0]
    assert opf.xpath(f"//opf:item[@id='{first}']/@href", namespaces=NS) == ["cover.xhtml"]
    nav = entry(seed_book, "EPUB/nav.xhtml")
    landmarks = {
        a.get(EPUB_TYPE): a.get("href")
        for a in nav.xpath("//h:nav[@epub:type='landmarks']//h:a", namespaces=NS)
    }
    assert landmarks["cover"] == "cover.xhtml"
    assert "Cover" not in nav.xpath("//h:nav[@epub:type='toc']//h:a/text()", namespaces=NS)


def test_cover_page_shows_the_image_with_a_description(seed_book):
    page = entry(seed_book, "EPUB/cover.xhtml")
    images = page.xpath("//h:img", namespaces=NS)
    assert len(images) == 1 and images[0].get("src") == "cover.png"
    assert images[0].get("alt") == "Cover: How Putin’s Leverage Shaped the Syrian Ceasefire, by Gareth Porter"
    assert images[0].get("role") == "doc-cover"


@pytest.mark.parametrize(
    "title",
    [
        "How Putin’s Leverage Shaped the Syrian Ceasefire",
        "Stack Overflow Jobs Data Shows ReactJS Skills in High Demand, WordPress Market Oversaturated with "
        "Developers",
        "Das wird man ja wohl noch sagen dürfen",
        "Chocolate Buttercream Frosting without Powdered Sugar (Ermine Icing) " * 6,
        "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz",
    ],
)
def test_titles_of_any_length_fit_the_cover(title):
    size, lines = _fit_title(
        title, lambda size: ImageFont.truetype(str(TITLE_FONT), size), WIDTH - 2 * MARGIN
    )
    font = ImageFont.truetype(str(TITLE_FONT), size)
    assert all(font.getlength(line) <= WIDTH - 2 * MARGIN for line in lines)
    assert len(lines) * size * 1.18 <= TITLE_BOX_HEIGHT
    shown = "".join("".join(lines).split())
    if shown.endswith("…"):
        assert "".join(title.split()).startswith(shown.removesuffix("…"))
    else:
        assert shown == "".join(title.split())


def test_user_cover_replaces_the_generated_one(tmp_path, epubcheck):
    picture = tmp_path / "picture.jpg"
    Image.new("RGB", (600, 960), (30, 60, 90)).save(picture, "JPEG", quality=80)
    book = build(tmp_path, "--cover", str(picture), "--style", "plain")  # EPUBCheck for the plain style too
    assert cover_bytes(book, "EPUB/cover.jpg") == picture.read_bytes()
    opf = entry(book, "EPUB/content.opf")
    assert opf.xpath("//opf:item[@properties='cover-image']/@media-type", namespaces=NS) == ["image/jpeg"]
    report = epubcheck(book)
    assert report.errors == [] and report.warnings == []


@pytest.mark.parametrize("damage", ["not a picture", "cut short"])
def test_a_cover_that_is_no_image_is_refused_in_one_line(tmp_path, capsys, damage):
    bad = tmp_path / "cover.png"
    if damage == "not a picture":
        bad.write_text("not a picture", encoding="utf-8")
    else:
        Image.new("RGB", (300, 480), (200, 40, 40)).save(bad, "PNG")
        bad.write_bytes(bad.read_bytes()[:200])
    out = tmp_path / "book.epub"
    assert main([str(SEED), "--cover", str(bad), "-o", str(out)]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and str(bad) in error
    assert ("not a PNG or JPEG" if damage == "not a picture" else "damaged") in error
    assert not out.exists()


def test_a_cover_drawn_once_is_read_from_the_cache_with_the_same_bytes(tmp_path, monkeypatch, seed_book):
    from export.epub import cover

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    article = read_article(SEED)
    drawn = cover.generated_cover(article).content
    assert drawn == cover_bytes(seed_book)
    [kept] = (tmp_path / "cache" / "annotated-epub" / "covers").iterdir()
    assert kept.read_bytes() == drawn
    monkeypatch.setattr(cover, "draw_cover", lambda text: pytest.fail("drawn again"))
    assert cover.generated_cover(article).content == drawn


def test_a_damaged_cached_cover_is_drawn_again_and_an_unwritable_cache_is_no_error(tmp_path, monkeypatch):
    from export.epub import cover

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    article = read_article(SEED)
    drawn = cover.generated_cover(article).content
    [kept] = (tmp_path / "cache" / "annotated-epub" / "covers").iterdir()
    kept.write_bytes(drawn[:1000])  # cut short, as by a full disk
    assert cover.generated_cover(article).content == drawn
    (tmp_path / "file").write_bytes(b"")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))  # a file: no directory can be made in it
    assert cover.generated_cover(article).content == drawn


def test_what_a_cover_shows_decides_its_cache_key():
    article = read_article(SEED)
    shown = CoverText.of(article)
    assert shown.title == article.title and shown.edition
    assert CoverText.of(replace(article, title=article.title + "!")) != shown
    assert CoverText.of(replace(article, language="de")).edition != shown.edition
