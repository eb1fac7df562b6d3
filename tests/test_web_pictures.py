"""Pictures of a fetched page, served from 127.0.0.1: chosen, fetched, checked, scaled and embedded; the
ones that fail keep their captions; the book passes EPUBCheck and is the same every time."""

from __future__ import annotations

import dataclasses
import io
import struct
import zipfile
import zlib

import pytest
from books import NS
from lxml import etree
from PIL import Image as Pillow
from webserver import WebServer, page, status

from export.model import Article, ListBlock, ListItem, Paragraph, Picture, Quote, without_blank_pictures
from export.pipeline import BookSetup, ConvertOptions, leave_out_pictures
from export.readers.html.page import read_html
from export.readers.origin import Origin, PageInput
from export.web.fetch import FetchLimits
from export.web.page import fetch_page
from export.web.picture_file import PictureRefused, book_picture
from export.web.pictures import fetch_pictures

FAST = FetchLimits(connect_timeout=1.0, read_timeout=2.0, total_timeout=5.0, retries=0, backoff=0.01)
WORDS = [
    "river",
    "stone",
    "lantern",
    "meadow",
    "harbour",
    "orchard",
    "signal",
    "winter",
    "candle",
    "compass",
    "thistle",
    "beacon",
]
TEXT = "".join(
    f"<p>Part {part}: "
    + " ".join(f"the {WORDS[(part + n) % 12]} met a {WORDS[(3 * part + n) % 12]}" for n in range(12))
    + ".</p>"
    for part in range(8)
)


def encoded(size: tuple[int, int], kind: str, mode: str = "RGB") -> bytes:
    """A picture of ``size`` with some detail in it, encoded as ``kind``."""
    picture = Pillow.effect_noise(size, 30).convert(mode)
    out = io.BytesIO()
    picture.save(out, kind)
    return out.getvalue()


def png_bomb(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` x ``height`` pixels but holds a few kilobytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"\x00" * 1_000_000, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


PICTURES = {
    "/img/photo.jpg": (encoded((3000, 2000), "JPEG"), "image/jpeg"),
    "/a-post/img/lazy.png": (encoded((400, 300), "PNG", "L"), "image/png"),
    "/img/small.jpg": (encoded((400, 300), "JPEG"), "image/jpeg"),
    "/img/large.webp": (encoded((1800, 1200), "WEBP"), "image/webp"),
    "/img/huge.webp": (encoded((4000, 2600), "WEBP"), "image/webp"),
    "/img/anim.gif": (encoded((120, 80), "GIF", "P"), "image/gif"),
    "/img/drawing.svg": (
        b"<svg xmlns='http://www.w3.org/2000/svg'><script>x()</script></svg>",
        "image/svg+xml",
    ),
    "/img/bomb.png": (png_bomb(60_000, 60_000), "image/png"),
    "/img/page.png": (b"<!doctype html><p>not a picture", "text/html"),
}
BODY = (
    "<article class='entry-content'>" + TEXT + "<figure><img src='/img/photo.jpg' alt='Photo'>"
    "<figcaption>A big photo</figcaption></figure>"
    "<p><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' data-src='img/lazy.png' alt='Lazy'></p>"
    "<p><img src='/img/small.jpg' srcset='/img/small.jpg 400w, /img/huge.webp 4000w, /img/large.webp 1800w'"
    " alt='Srcset'></p>"
    "<p><img src='/img/anim.gif' alt='Moving'></p>"
    "<figure><img src='/img/missing.png' alt='Gone'><figcaption>Missing caption</figcaption></figure>"
    "<figure><img src='/img/drawing.svg' alt='Drawing'><figcaption>SVG caption</figcaption></figure>"
    "<figure><img src='/img/bomb.png' alt='Bomb'><figcaption>Bomb caption</figcaption></figure>"
    "<figure><img src='/img/page.png' alt='Page'><figcaption>Page caption</figcaption></figure>"
    "<figure><img src='http://pictures.example.com/far.png' alt='Far'><figcaption>Far caption</figcaption>"
    "</figure></article>"
)


def serve(server: WebServer) -> str:
    for path, (content, media_type) in PICTURES.items():
        server.add(path, page(content, media_type))
    server.add("/img/missing.png", status(404))
    html = f"<!doctype html><html lang='en'><head><title>Pictures</title></head><body>{BODY}</body></html>"
    return server.add("/a-post/", page(html.encode()))


def read_page(url: str) -> Article:
    """The article of the page at ``url``, as the reader reads a fetched page."""
    return read_html(fetch_page(url, FAST))


def fetched_article(url: str) -> tuple[Article, list[str]]:
    article = read_page(url)
    return article, fetch_pictures(article, FAST, None, page=url)


@pytest.fixture
def site(web_server: WebServer) -> tuple[WebServer, str]:
    return web_server, serve(web_server)


def test_pictures_are_fetched_scaled_and_embedded_and_failures_keep_their_captions(site):
    server, url = site
    article, problems = fetched_article(url)
    pictures = {picture.alt: picture for picture in article.pictures()}
    images = {image.file_name: image for image in article.images}
    sizes = {
        alt: Pillow.open(io.BytesIO(images[picture.image].data)).size
        for alt, picture in pictures.items()
        if picture.image
    }
    assert sizes == {
        "Photo": (1600, 1067),
        "Lazy": (400, 300),
        "Srcset": (1600, 1067),
        "Moving": (120, 80),
    }
    kinds = {alt: images[picture.image].media_type for alt, picture in pictures.items() if picture.image}
    assert kinds == {
        "Photo": "image/jpeg",
        "Lazy": "image/png",
        "Srcset": "image/jpeg",
        "Moving": "image/gif",
    }
    assert images[pictures["Moving"].image].data == PICTURES["/img/anim.gif"][0]  # kept as it was
    print([(p.alt, p.caption, p.address) for p in pictures.values()])
    print(problems)
    absent = {alt: picture.caption.text for alt, picture in pictures.items() if not picture.image}
    assert absent == {
        "Gone": "Missing caption",
        "Drawing": "SVG caption",
        "Bomb": "Bomb caption",
        "Page": "Page caption",
        "Far": "Far caption",
    }
    assert (
        server.got("/img/large.webp")
        and not server.got("/img/huge.webp")
        and not server.got("/img/small.jpg")
    )
    assert len(problems) == 5 and all("\n" not in line for line in problems)
    assert any("missing.png: 404 Not Found" in line for line in problems)
    assert any("drawing.svg: not a PNG, JPEG, GIF or WebP" in line for line in problems)
    assert any("bomb.png: too many pixels" in line for line in problems)
    assert any("page.png: is text/html, not a picture" in line for line in problems)
    assert any("pictures.example.com" in line for line in problems)


def test_the_book_of_a_fetched_page_passes_epubcheck_and_is_reproducible(site, tmp_path, epubcheck):
    _server, url = site
    books = []
    for _ in range(2):
        article, _problems = fetched_article(url)
        books.append(BookSetup.load(ConvertOptions()).epub(article, claims_marked=False))
    assert books[0] == books[1]
    book = tmp_path / "pictures.epub"
    book.write_bytes(books[0])
    report = epubcheck(book)
    assert (report.errors, report.warnings) == ([], [])
    with zipfile.ZipFile(book) as archive:
        chapter = etree.fromstring(archive.read("EPUB/article.xhtml"))
        names = [name for name in archive.namelist() if name.startswith("EPUB/images/")]
    assert len(names) == 4
    captions = [" ".join(caption.itertext()) for caption in chapter.iterfind(".//h:figcaption", NS)]
    assert {"Missing caption", "SVG caption", "Bomb caption", "A big photo"} <= set(captions)


def test_no_images_leaves_every_picture_out_and_fetches_none(site):
    server, url = site
    article = read_page(url)
    leave_out_pictures(article)
    assert fetch_pictures(article, FAST, None, page=url) == []
    assert not article.images and all(picture.image is None for picture in article.pictures())
    assert [request.path for request in server.requests] == ["/a-post/"]


def test_a_saved_page_records_no_picture_to_fetch(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<!doctype html><html><head><title>Saved</title></head><body>"
        + BODY.replace("/img/", "https://pictures.example.com/img/")
        + "</body></html>"
    )
    article = read_html(PageInput(path.read_bytes(), Origin.file(path)))
    pictures = article.pictures()
    assert pictures and all(picture.image is None for picture in pictures)
    assert {picture.alt for picture in pictures} >= {"Photo", "Gone"}
    assert "Lazy" in {picture.alt for picture in pictures}


@pytest.mark.parametrize(
    ("size", "kind", "mode"),
    [
        ((2000, 700), "PNG", "RGBA"),
        ((900, 2400), "JPEG", "CMYK"),
        ((3000, 3000), "GIF", "P"),
        ((50, 40), "PNG", "1"),
    ],
)
def test_pictures_of_every_kind_come_out_the_same_each_time(size, kind, mode):
    data = encoded(size, kind, mode)
    first, second = book_picture(data), book_picture(data)
    assert first == second
    assert max(Pillow.open(io.BytesIO(first.data)).size) == min(max(size), 1600)


def test_a_picture_turned_by_its_exif_orientation_is_turned_upright():
    picture = Pillow.effect_noise((300, 200), 30).convert("RGB")
    exif = picture.getexif()
    exif[0x0112] = 6  # turn 90 degrees clockwise to show it
    out = io.BytesIO()
    picture.save(out, "JPEG", exif=exif)
    assert Pillow.open(io.BytesIO(book_picture(out.getvalue()).data)).size == (200, 300)


@pytest.mark.parametrize(
    "data", [b"", b"GIF89a\x01\x00\x01\x00", b"\xff\xd8\xff\xe0 truncated", png_bomb(9000, 9000)]
)
def test_damaged_and_bomb_pictures_are_refused(data):
    with pytest.raises(PictureRefused):
        book_picture(data)


def test_a_page_from_elsewhere_gets_no_picture_from_this_machine_or_a_local_network(site):
    server, _url = site
    local = [
        server.url("/img/photo.jpg"),
        "http://10.0.0.1/x.png",
        "http://[::1]/x.png",
        "http://localhost/x.png",
    ]
    images = "".join(
        f"<figure><img src='{url}' alt='{n}'><figcaption>Local {n}</figcaption></figure>"
        for n, url in enumerate(local)
    )
    html = (
        f"<html><head><title>Far</title></head><body><article class='entry-content'>{TEXT}{images}</article>"
    )
    article = read_html(PageInput(html.encode(), Origin("elsewhere", address="https://example.org/a-post/")))
    problems = fetch_pictures(article, FAST, None, page="https://example.org/a-post/")
    assert len(problems) == 4 and all("local network" in line for line in problems)
    assert not server.got("/img/photo.jpg")
    assert [picture.caption.text for picture in article.pictures() if picture.caption] == [
        f"Local {n}" for n in range(4)
    ]


def test_a_picture_over_the_size_limit_is_left_out_saying_so(web_server: WebServer):
    web_server.add("/big.jpg", page(PICTURES["/img/photo.jpg"][0], "image/jpeg"))
    html = f"<html><head><title>Big</title></head><body><article class='entry-content'>{TEXT}"
    html += "<figure><img src='/big.jpg' alt='Big'><figcaption>Too big</figcaption></figure></article>"
    url = web_server.add("/big/", page(html.encode()))
    article = read_page(url)
    small = dataclasses.replace(FAST, max_bytes=100_000)
    assert fetch_pictures(article, small, None, page=url) == [
        f"picture left out: {web_server.url('/big.jpg')}: over 97.7 KB, the most a picture may take"
    ]
    assert [picture.caption.text for picture in article.pictures() if picture.caption] == ["Too big"]


def test_relative_picture_addresses_resolve_against_the_pages_base_element():
    head = "<title>Based</title><base href='/static/'>"
    body = f"<article class='entry-content'>{TEXT}<p><img src='pic.png' alt='Based'></p></article>"
    html = f"<html><head>{head}</head><body>{body}</body></html>".encode()
    article = read_html(PageInput(html, Origin("based", address="https://example.org/2020/a-post/")))
    assert [picture.address for picture in article.pictures()] == ["https://example.org/static/pic.png"]
    without = read_html(
        PageInput(
            html.replace(b"<base href='/static/'>", b""),
            Origin("x", address="https://example.org/2020/a-post/"),
        )
    )
    assert [picture.address for picture in without.pictures()] == ["https://example.org/2020/a-post/pic.png"]


def test_pictures_come_from_where_the_page_is_and_links_resolve_as_the_saved_pages_do():
    """A page served elsewhere than its canonical address: its pictures are fetched from where it is,
    while the links the book keeps resolve against its canonical address, as its saved copy's do."""
    head = "<title>Moved</title><link rel='canonical' href='https://blog.example.com/a-post/'>"
    body = f"<article class='entry-content'>{TEXT}<p>See <a href='/about/'>about</a>.</p>"
    body += "<p><img src='/pic.png' alt='Moved'></p></article>"
    html = f"<html><head>{head}</head><body>{body}</body></html>".encode()
    article = read_html(PageInput(html, Origin("moved", address="http://127.0.0.1:8000/a-post/")))
    assert [picture.address for picture in article.pictures()] == ["http://127.0.0.1:8000/pic.png"]
    links = [
        span.target
        for paragraph in article.body_paragraphs()
        for span in paragraph.spans
        if span.kind == "link"
    ]
    assert links == ["https://blog.example.com/about/"]


def test_a_picture_known_only_by_its_address_changes_nothing_else_in_the_text():
    body = f"<article class='entry-content'><p><img src='/lead.jpg'></p><p>April 21, 2022</p>{TEXT}</article>"
    html = f"<html><head><title>Dated</title></head><body>{body}</body></html>".encode()
    fetched = read_html(PageInput(html, Origin("dated", address="https://example.org/dated/")))
    saved = read_html(PageInput(html, Origin("dated")))
    assert [picture.address for picture in fetched.pictures()] == ["https://example.org/lead.jpg"]
    assert [p.text for p in fetched.body_paragraphs()] == [p.text for p in saved.body_paragraphs()]
    assert "April 21, 2022" not in [p.text for p in saved.body_paragraphs()]  # the dateline is dropped


def test_pictures_that_came_to_nothing_leave_no_trace():
    blank = Picture(address="https://example.org/x.jpg")
    blocks = [
        Paragraph("Text."),
        blank,
        ListBlock([ListItem([Paragraph("Item.")]), ListItem([Picture(address="https://example.org/y.jpg")])]),
        Quote([Picture(address="https://example.org/z.jpg")]),
        Picture(alt="Said"),
    ]
    assert without_blank_pictures(blocks) == [
        Paragraph("Text."),
        ListBlock([ListItem([Paragraph("Item.")])]),
        Picture(alt="Said"),
    ]
