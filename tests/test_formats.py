"""--format: KEPUB with Kobo's spans, AZW3 through calibre; both reproducible, both keeping every note."""

from __future__ import annotations

import re
import tempfile
import zipfile
from pathlib import Path

import pytest
from books import EPUB_TYPE, NS
from conftest import SEED

from export.cli import main

KOBO_ID = re.compile(r"kobo\.\d+\.\d+")


def documents(book: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(book) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name.endswith(".xhtml")}


def parse(content: bytes):
    from lxml import etree

    return etree.fromstring(content)


@pytest.fixture(scope="module")
def books(seed_book, seed_kepub) -> dict[str, Path]:
    return {"epub": seed_book, "kepub": seed_kepub}


def test_kepub_is_named_for_kobo_and_passes_epubcheck(books, epubcheck):
    assert books["kepub"].name == "how-putins-leverage-shaped-the-syrian-ceasefire.kepub.epub"
    report = epubcheck(books["kepub"])
    assert report.errors == [] and report.warnings == []


def test_kepub_puts_every_sentence_in_a_kobo_span_and_changes_no_text(books):
    plain, kobo = documents(books["epub"]), documents(books["kepub"])
    assert plain.keys() == kobo.keys()
    for name in ("EPUB/article.xhtml", "EPUB/videos.xhtml", "EPUB/comments.xhtml"):
        before, after = parse(plain[name]), parse(kobo[name])
        assert "".join(before.itertext()) == "".join(after.itertext())
        body = after.find("h:body", NS)
        assert [child.get("id") for child in body] == ["book-columns"]
        assert body[0][0].get("id") == "book-inner"
        spans = after.xpath("//h:span[@class='koboSpan']", namespaces=NS)
        ids = [span.get("id") for span in spans]
        assert len(ids) == len(set(ids)) and all(KOBO_ID.fullmatch(value) for value in ids)
        for element in body.iter():
            if not isinstance(element.tag, str) or element.get("class") == "koboSpan":
                continue
            if element.get(EPUB_TYPE) == "noteref":
                assert len(element) == 0 and element.text.isdigit()
                continue
            loose = [element.text] + [child.tail for child in element]
            assert not any(text and text.strip() for text in loose), f"text outside a koboSpan in {name}"
    sentences = parse(kobo["EPUB/article.xhtml"]).xpath("//h:span[@class='koboSpan']/text()", namespaces=NS)
    assert (  # cue words (span.cue) cut a sentence into several spans, as any inline element does
        "Magnier’s Iranian sources also made it clear that Iran was unhappy about the timing of "
        in "".join(sentences)
    )
    assert any(text.startswith("He is the author of the newly published") for text in sentences)


def test_kepub_keeps_the_notes_and_the_cover_page_untouched(books):
    plain, kobo = documents(books["epub"]), documents(books["kepub"])
    assert kobo["EPUB/nav.xhtml"] == plain["EPUB/nav.xhtml"]
    assert kobo["EPUB/cover.xhtml"] == plain["EPUB/cover.xhtml"]
    after = parse(kobo["EPUB/article.xhtml"])
    ids = {element.get("id") for element in after.iter() if element.get("id")}
    refs = after.xpath("//h:a[@epub:type='noteref']", namespaces=NS)
    assert refs and all(ref.get("href").removeprefix("#") in ids for ref in refs)


def test_kepub_is_byte_identical_twice(tmp_path, books):
    assert main([str(SEED), "-q", "-o", str(tmp_path / "again.kepub.epub"), "--format", "kepub"]) == 0
    assert (tmp_path / "again.kepub.epub").read_bytes() == books["kepub"].read_bytes()


@pytest.fixture(scope="module")
def azw3(seed_azw3) -> Path:
    return seed_azw3


def test_azw3_is_a_kindle_kf8_book_named_for_the_article(azw3):
    data = azw3.read_bytes()
    assert azw3.name == "how-putins-leverage-shaped-the-syrian-ceasefire.azw3"
    assert data[60:68] == b"BOOKMOBI"
    assert b"How Putin\xe2\x80\x99s Leverage Shaped the Syrian Ceasefire" in data


def test_azw3_is_byte_identical_twice(tmp_path, azw3, monkeypatch):
    # calibre works in another temporary folder, whose longer path changes how it lays out memory
    scratch = tmp_path / ("scratch-" + "x" * 60)
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    again = tmp_path / "again.azw3"
    assert main([str(SEED), "-q", "-o", str(again), "--format", "azw3"]) == 0
    assert again.read_bytes() == azw3.read_bytes()


def test_azw3_without_calibre_says_so_in_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path))
    out = tmp_path / "book.azw3"
    assert main([str(SEED), "-o", str(out), "--format", "azw3"]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "calibre" in error and str(SEED) in error
    assert not out.exists()


def test_every_format_is_declared_once_and_offered_by_the_command_line():
    from export.cli import build_parser
    from export.formats import FORMATS
    from export.model import BOOK_FORMATS

    assert tuple(FORMATS) == BOOK_FORMATS
    suffixes = [book_format.suffix for book_format in FORMATS.values()]
    assert len(set(suffixes)) == len(suffixes) and all(suffix.startswith(".") for suffix in suffixes)
    parser = build_parser()
    for name in BOOK_FORMATS:
        assert parser.parse_args(["--format", name]).format == name
    with pytest.raises(SystemExit):
        parser.parse_args(["--format", "pdf"])


def _palm_book(exth_records: list[tuple[int, bytes]]) -> bytes:
    """A minimal Palm database: one record holding a PalmDOC header, a MOBI header and an EXTH block."""
    import struct

    exth = b"".join(struct.pack(">II", kind, len(value) + 8) + value for kind, value in exth_records)
    exth = b"EXTH" + struct.pack(">II", 12 + len(exth), len(exth_records)) + exth
    mobi = b"MOBI" + struct.pack(">I", 24) + bytes(8) + struct.pack(">I", 0x12345678) + bytes(4)
    record0 = bytes(16) + mobi + exth
    header = bytearray(78 + 8)
    header[36:44] = struct.pack(">II", 111, 222)
    struct.pack_into(">H", header, 76, 1)
    struct.pack_into(">I", header, 78, len(header))
    return bytes(header) + record0


def test_azw3_chance_fields_are_set_from_the_book():
    import datetime as dt
    import struct

    from export.formats.azw3 import settle_chance_fields

    chance = "0f0e0d0c-0b0a-4908-8706-050403020100"
    ours = "791f4552-b401-5ce1-844f-1fc4c4088a82"
    book = _palm_book([(100, b"Gareth Porter"), (113, chance.encode()), (112, b"calibre:" + chance.encode())])
    when = dt.datetime(2016, 4, 1, tzinfo=dt.UTC)
    settled = settle_chance_fields(book, when, ours)
    assert chance.encode() not in settled and settled.count(ours.encode()) == 2
    assert b"calibre:" + ours.encode() in settled and b"Gareth Porter" in settled
    assert struct.unpack_from(">II", settled, 36) == (int(when.timestamp()),) * 2
    assert struct.unpack_from(">I", settled, 86 + 16 + 16) == (0x791F4552,)
    assert len(settled) == len(book)
    with pytest.raises(ValueError):
        settle_chance_fields(book.replace(b"MOBI", b"BOOK"), when, ours)
