"""WordPress.com's zipped exports: one or several WXR parts in a .zip, read as one blog without unzipping."""

from __future__ import annotations

import itertools
import os
import struct
import zipfile
from pathlib import Path

import pytest
from books import NS, convert, documents, entry
from conftest import CORPUS
from lxml import etree

from export.cli import main
from export.readers import is_blog_export
from export.readers.wxr import open_export

WXR = CORPUS / "wxr"
THEME_TEST = WXR / "wptestdata__themeunittestdata.wordpress.xml"
PELICAN = WXR / "pelican__wordpressexport.xml"
ISSO = WXR / "isso__wordpress.xml"


def zip_of(target: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(target, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target


def parts_of(export: Path, count: int) -> list[bytes]:
    """The export as ``count`` complete WXR documents, each with the whole channel header and a share of
    the items, in order."""
    parser = etree.XMLParser(strip_cdata=False, resolve_entities=False, no_network=True)
    root = etree.parse(str(export), parser).getroot()
    total = len(root.find("channel").findall("item"))
    bounds = [total * share // count for share in range(count + 1)]
    parts = []
    for start, end in itertools.pairwise(bounds):
        part = copy_of(root)
        for place, item in enumerate(part.find("channel").findall("item")):
            if not start <= place < end:
                item.getparent().remove(item)
        parts.append(etree.tostring(part, xml_declaration=True, encoding="UTF-8"))
    return parts


def copy_of(root: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(root, encoding="UTF-8"), etree.XMLParser(strip_cdata=False))


def chapters(book: Path) -> tuple[list[str], int]:
    """The titles of the contents in order, and the number of comment entries in the book."""
    nav = entry(book, "EPUB/nav.xhtml")
    titles = [" ".join("".join(a.itertext()).split()) for a in nav.xpath("//h:nav[1]//h:a", namespaces=NS)]
    comments = 0
    for name, root in documents(book).items():
        if name.endswith("-comments.xhtml"):
            comments += len(root.xpath("//h:ol[@class='comments']//h:li", namespaces=NS))
    return titles, comments


@pytest.mark.parametrize("export", [THEME_TEST, ISSO], ids=lambda path: path.stem)
def test_a_zip_of_one_export_gives_the_same_anthology_byte_for_byte(export, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    archive = zip_of(tmp_path / "export.zip", {export.name: export.read_bytes()})
    assert convert(export, "-o", tmp_path / "from-xml.epub") == 0
    assert convert(archive, "-o", tmp_path / "from-zip.epub") == 0
    assert (tmp_path / "from-zip.epub").read_bytes() == (tmp_path / "from-xml.epub").read_bytes()


def test_the_parts_of_a_split_export_make_the_same_chapters_as_the_whole(tmp_path):
    parts = parts_of(THEME_TEST, 3)
    archive = zip_of(
        tmp_path / "site.zip", {f"site.wordpress.2025-01-19.{n:03}.xml": p for n, p in enumerate(parts)}
    )
    assert is_blog_export(archive)
    assert convert(THEME_TEST, "-o", tmp_path / "whole.epub") == 0
    assert convert(archive, "-o", tmp_path / "parts.epub") == 0
    whole, from_parts = chapters(tmp_path / "whole.epub"), chapters(tmp_path / "parts.epub")
    assert len(whole[0]) > 20 and whole[1] > 0
    assert from_parts == whole
    # lxml wrote the parts back as it read them: even the bytes agree
    assert (tmp_path / "parts.epub").read_bytes() == (tmp_path / "whole.epub").read_bytes()


def test_parts_are_read_in_name_order_whatever_order_the_archive_holds_them(tmp_path):
    first, second = parts_of(PELICAN, 2)
    archive = zip_of(tmp_path / "site.zip", {"site.001.xml": second, "site.000.xml": first})
    _, items = open_export(archive, lambda message: None)
    _, whole = open_export(PELICAN, lambda message: None)
    assert list(items) == list(whole)
    assert items.bytes_read == items.total_bytes == len(first) + len(second)


def test_split_from_a_zip_of_parts_makes_the_same_books(tmp_path, capsys):
    parts = parts_of(PELICAN, 2)
    archive = zip_of(tmp_path / "site.zip", {f"site.{n:03}.xml": part for n, part in enumerate(parts)})
    assert convert(PELICAN, "--split", "-o", tmp_path / "whole") == 0
    assert convert(archive, "--split", "-o", tmp_path / "parts") == 0
    names = sorted(path.name for path in (tmp_path / "whole").glob("*.epub"))
    assert names and names == sorted(path.name for path in (tmp_path / "parts").glob("*.epub"))
    capsys.readouterr()
    assert main([str(archive), "--split", "-o", str(tmp_path / "whole")]) == 0  # the same posts, digests
    assert f"{len(names)} books were already made" in capsys.readouterr().err


def test_other_members_are_ignored_with_one_warning(tmp_path, capsys):
    archive = zip_of(
        tmp_path / "site.zip",
        {"media/": b"", "readme.txt": b"hello", "feed.xml": b"<rss/>", "site.000.xml": ISSO.read_bytes()},
    )
    assert main([str(archive), "-o", str(tmp_path / "book.epub")]) == 0
    ignored = [line for line in capsys.readouterr().err.splitlines() if "ignored them" in line]
    assert ignored == [
        f"annotated-epub: warning: {archive}: holds files that are not WordPress exports "
        "(ignored them: feed.xml, readme.txt)"
    ]


def test_only_zips_holding_an_export_count_as_exports(tmp_path):
    assert is_blog_export(zip_of(tmp_path / "one.zip", {"site.xml": ISSO.read_bytes()}))
    assert not is_blog_export(zip_of(tmp_path / "text.zip", {"notes.txt": b"Title\n\nSome text."}))
    assert not is_blog_export(zip_of(tmp_path / "other.zip", {"word/document.xml": b"<w:document/>"}))
    (tmp_path / "plain.txt").write_text("Title\n\nSome text.")
    assert not is_blog_export(tmp_path / "plain.txt")
    assert is_blog_export(ISSO)


def encrypted(archive: Path) -> Path:
    """``archive`` with every member marked as encrypted, in its local and its central header."""
    data = bytearray(archive.read_bytes())
    for signature, flags in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at >= 0:
            (bits,) = struct.unpack_from("<H", data, at + flags)
            struct.pack_into("<H", data, at + flags, bits | 1)
            at = data.find(signature, at + 4)
    archive.write_bytes(bytes(data))
    return archive


def damaged(tmp_path: Path) -> Path:
    """A zip whose member's bytes changed after it was written: its CRC no longer matches."""
    archive = zip_of(tmp_path / "crc.zip", {"site.000.xml": THEME_TEST.read_bytes()}, zipfile.ZIP_STORED)
    data = bytearray(archive.read_bytes())
    at = data.index(b"Lorem ipsum", len(data) // 2)
    data[at] = ord("X")
    archive.write_bytes(bytes(data))
    return archive


@pytest.mark.parametrize(
    ("case", "problem"),
    [
        ("truncated", "cut.zip: is a damaged zip archive (its directory of members is missing)"),
        ("crc", "crc.zip: site.000.xml: is damaged (Bad CRC-32 for file 'site.000.xml')"),
        (
            "no xml",
            "text.zip: is a zip archive with no WordPress export in it "
            "(no .xml member with a wordpress.org/export namespace)",
        ),
        ("encrypted", "locked.zip: site.000.xml: is encrypted"),
        ("broken xml", "broken.zip: site.001.xml: is not well-formed XML (line "),
    ],
)
def test_a_bad_zip_gets_one_line_naming_it_and_no_book(case, problem, tmp_path, capsys):
    if case == "truncated":
        whole = zip_of(tmp_path / "whole.zip", {"site.000.xml": THEME_TEST.read_bytes()}).read_bytes()
        archive = tmp_path / "cut.zip"
        archive.write_bytes(whole[: len(whole) // 2])
    elif case == "crc":
        archive = damaged(tmp_path)
    elif case == "no xml":
        archive = zip_of(tmp_path / "text.zip", {"notes.txt": b"Title\n\nSome text."})
    elif case == "encrypted":
        archive = encrypted(zip_of(tmp_path / "locked.zip", {"site.000.xml": ISSO.read_bytes()}))
    else:
        first, second = parts_of(PELICAN, 2)
        archive = zip_of(tmp_path / "broken.zip", {"site.000.xml": first, "site.001.xml": second[:-3000]})
    book = tmp_path / "book.epub"
    assert convert(archive, "-o", book) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"annotated-epub: {tmp_path}/{problem}") and err.count("\n") == 1, err
    assert not book.exists()


def open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open files through /proc")
def test_progress_grows_across_parts_and_every_file_is_closed_however_reading_ends(tmp_path):
    parts = parts_of(THEME_TEST, 3)
    archive = zip_of(tmp_path / "site.zip", {f"site.{n:03}.xml": part for n, part in enumerate(parts)})
    before = open_files()
    _, items = open_export(archive, lambda message: None)
    seen = [items.bytes_read for _ in items]
    assert seen == sorted(seen) and seen[-1] <= items.total_bytes == sum(map(len, parts))
    assert open_files() == before
    _, items = open_export(archive, lambda message: None)
    for _ in itertools.islice(items, 100):  # into the second part
        pass
    items.close()
    assert open_files() == before
    _, items = open_export(archive, lambda message: None)
    items.close()  # never started
    assert open_files() == before


def test_an_exporter_fault_in_every_part_is_warned_of_once(tmp_path):
    parts = parts_of(ISSO, 3)
    archive = zip_of(tmp_path / "site.zip", {f"site.{n:03}.xml": part for n, part in enumerate(parts)})
    whole_warnings: list[str] = []
    _, whole = open_export(ISSO, whole_warnings.append)
    warnings: list[str] = []
    _, items = open_export(archive, warnings.append)
    assert list(items) == list(whole)
    assert warnings == whole_warnings and len(warnings) == 2
