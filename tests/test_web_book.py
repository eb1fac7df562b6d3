"""`annotated-epub URL` end to end on 127.0.0.1: the book holds the page's pictures and its whole comment
thread, says in one warning line each what was left out, passes EPUBCheck and is the same every run."""

from __future__ import annotations

import base64
import dataclasses
import zipfile
from pathlib import Path

import pytest
from test_html_rendering import png
from test_web_comment_pages import comment, newer, older, thread_page
from test_web_pictures import BODY, PICTURES, TEXT
from webserver import WebServer, page, status

from export.cli import main
from export.web import limits

FAST = dataclasses.replace(
    limits.BASE_LIMITS, connect_timeout=1.0, read_timeout=2.0, total_timeout=5.0, retries=0, backoff=0.01
)


@pytest.fixture(autouse=True)
def short_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "BASE_LIMITS", FAST)


def serve(server: WebServer) -> str:
    """A post with pictures of every kind and a thread of two pages, the newer shown first."""
    for path, (content, media_type) in PICTURES.items():
        server.add(path, page(content, media_type))
    server.add("/img/missing.png", status(404))
    post = server.url("/a-post/")
    first = thread_page(comment(3) + comment(4), older(post + "comment-page-1/#comments"))
    server.add("/a-post/", page(first.replace(b"<div class='entry-content'>", BODY.encode() + b"<div>", 1)))
    server.add("/a-post/comment-page-1/", page(thread_page(comment(1) + comment(2), newer(post))))
    return post


def convert(capsys, *args: str) -> tuple[int, list[str]]:
    code = main(list(args))
    return code, capsys.readouterr().err.splitlines()


def test_the_book_of_an_address_has_its_pictures_and_whole_thread(
    web_server: WebServer, tmp_path: Path, capsys, epubcheck
):
    url = serve(web_server)
    book, again = tmp_path / "one.epub", tmp_path / "two.epub"
    code, warnings = convert(capsys, url, "-o", str(book))
    assert code == 0
    assert len(warnings) == 5 and all(
        line.startswith(f"annotated-epub: warning: {url}: picture left out: ") for line in warnings
    )
    assert convert(capsys, url, "-o", str(again), "-q") == (0, [])
    assert book.read_bytes() == again.read_bytes()
    report = epubcheck(book)
    assert (report.errors, report.warnings) == ([], [])
    with zipfile.ZipFile(book) as archive:
        pictures = [name for name in archive.namelist() if name.startswith("EPUB/images/")]
        texts = " ".join(
            archive.read(name).decode() for name in archive.namelist() if name.endswith(".xhtml")
        )
    assert len(pictures) == 4
    positions = [texts.index(f"Comment number {number} ") for number in (1, 2, 3, 4)]
    assert positions == sorted(positions)
    assert "Missing caption" in texts and "SVG caption" in texts


def test_no_images_fetches_no_picture_of_an_address(web_server: WebServer, tmp_path: Path, capsys):
    url = serve(web_server)
    book = tmp_path / "book.epub"
    assert convert(capsys, url, "-o", str(book), "--no-images") == (0, [])
    with zipfile.ZipFile(book) as archive:
        assert not [name for name in archive.namelist() if name.startswith("EPUB/images/")]
    assert not [request for request in web_server.requests if request.path.startswith("/img/")]
    assert web_server.got("/a-post/comment-page-1/")


def test_no_images_leaves_a_saved_pages_own_pictures_out(tmp_path: Path, capsys):
    folder = tmp_path / "page_files"
    folder.mkdir()
    (folder / "dot.png").write_bytes(png(40, 30))
    inline = base64.b64encode(png(30, 20)).decode()
    saved = tmp_path / "page.html"
    saved.write_text(
        "<!doctype html><html lang='en'><head><title>Saved</title></head><body>"
        + f"<article class='entry-content'>{TEXT}"
        + "<figure><img src='page_files/dot.png' alt='A dot'><figcaption>The dot</figcaption></figure>"
        + f"<p><img src='data:image/png;base64,{inline}' alt='Inline'></p></article></body></html>"
    )
    with_pictures, without = tmp_path / "with.epub", tmp_path / "without.epub"
    assert convert(capsys, str(saved), "-o", str(with_pictures)) == (0, [])
    assert convert(capsys, str(saved), "-o", str(without), "--no-images") == (0, [])
    for book, count in ((with_pictures, 2), (without, 0)):
        with zipfile.ZipFile(book) as archive:
            assert len([name for name in archive.namelist() if name.startswith("EPUB/images/")]) == count
            assert "The dot" in archive.read("EPUB/article.xhtml").decode()


def test_a_page_of_pictures_none_of_which_came_makes_a_valid_book_saying_so(
    web_server: WebServer, tmp_path: Path, capsys, epubcheck
):
    html = "<html lang='en'><head><title>Gallery</title></head><body><article class='entry-content'>"
    html += "".join(f"<p><img src='/gone-{n}.jpg'></p>" for n in range(3)) + "</article></body></html>"
    url = web_server.add("/gallery/", page(html.encode()))
    book = tmp_path / "gallery.epub"
    code, warnings = convert(capsys, url, "-o", str(book))
    assert code == 0 and len(warnings) == 3
    report = epubcheck(book)
    assert (report.errors, report.warnings) == ([], [])
    with zipfile.ZipFile(book) as archive:
        assert "picture-missing" in archive.read("EPUB/article.xhtml").decode()
