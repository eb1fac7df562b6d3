"""The claims options of the command line: ``claims`` listing, ``--claims`` levels, comments, ``off``."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from conftest import CORPUS, SEED
from lxml import etree

from export.cli import main

XHTML = {"h": "http://www.w3.org/1999/xhtml"}


def listed(capsys, *args: str) -> list[dict]:
    assert main(["claims", str(SEED), "--as", "jsonl", *args]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def marked(book: Path, part: str = "EPUB/article.xhtml") -> list[str]:
    with zipfile.ZipFile(book) as archive:
        tree = etree.fromstring(archive.read(part))
    return [
        "".join(span.itertext()) for span in tree.xpath("//h:span[@class='speculative']", namespaces=XHTML)
    ]


def test_claims_lists_the_seed_in_reading_order_with_offsets_into_the_paragraph(capsys):
    from export.readers import read_article

    records = listed(capsys)
    paragraphs = [paragraph.text for paragraph in read_article(SEED).paragraphs(with_comments=False)]
    assert records, "the seed has speculative claims"
    assert [(r["paragraph"], r["start"]) for r in records] == sorted(
        (r["paragraph"], r["start"]) for r in records
    )
    for record in records:
        assert paragraphs[record["paragraph"]][record["start"] : record["end"]] == record["text"]
        assert record["cues"] and record["note"] and record["source"] == str(SEED)
    sourced = next(r for r in records if r["text"].startswith("Magnier’s sources told him that when"))
    assert sourced["kind"] == "sourcing" and sourced["place"] == "article"
    assert any(r["place"].startswith("video ") for r in records)


def test_claims_text_format_numbers_claims_and_quotes_their_notes(capsys):
    assert main(["claims", str(SEED)]) == 0
    lines = capsys.readouterr().out.splitlines()
    count = len(listed(capsys))
    assert lines[0] == f"{SEED}: {count} claims (level default)"
    assert len(lines) == 1 + 2 * count
    assert lines[1].startswith("  1. ") and "“" in lines[1]


def test_levels_nest_and_comments_add_claims(capsys):
    strict, default, every = (listed(capsys, "--claims", level) for level in ("strict", "default", "all"))
    key = [(r["paragraph"], r["start"]) for r in strict]
    assert len(strict) < len(default) <= len(every)
    assert set(key) <= {(r["paragraph"], r["start"]) for r in default}
    with_comments = listed(capsys, "--claims-in-comments")
    assert [r for r in with_comments if not r["place"].startswith("comment")] == default
    in_comments = [r for r in with_comments if r["place"].startswith("comment")]
    assert in_comments
    assert all("the comment" in r["note"] and "the article" not in r["note"] for r in in_comments)


def test_claims_of_a_missing_file_is_one_line_and_exit_1(tmp_path, capsys):
    assert main(["claims", str(tmp_path / "missing.txt")]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "missing.txt" in error


def test_book_levels_and_off(tmp_path):
    def book(*args: str) -> Path:
        out = tmp_path / f"{'-'.join(args) or 'plain'}.epub"
        assert main([str(SEED), "-o", str(out), "-q", *args]) == 0
        return out

    plain, strict, off, no_claims = (
        book(),
        book("--claims", "strict"),
        book("--claims", "off"),
        book("--no-claims"),
    )
    assert 0 < len(marked(strict)) < len(marked(plain))
    assert marked(off) == []
    assert off.read_bytes() == no_claims.read_bytes()
    in_comments = book("--claims-in-comments")
    assert marked(plain, "EPUB/comments.xhtml") == []
    assert marked(in_comments, "EPUB/comments.xhtml")


def test_claims_of_a_page_in_a_language_without_lexicon_are_not_listed(capsys):
    german = CORPUS / "html" / "trafilatura__netzpolitik.org.abmahnungen.html"
    assert main(["claims", str(german)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no claim lexicon for the language 'de-DE'" in captured.err and captured.err.count("\n") == 1
    # Read as English, German "will" (wants) is a bare will: level all.
    assert main(["claims", str(german), "--language", "en", "--as", "jsonl", "--claims", "all"]) == 0
    assert capsys.readouterr().out.count("\n") >= 1


def test_claims_lists_as_text_or_jsonl_and_leaves_format_to_books(capsys):
    assert main(["claims", str(SEED), "--as", "text"]) == 0
    assert capsys.readouterr().out.startswith(f"{SEED}: ")
    with pytest.raises(SystemExit) as stopped:  # --format names a book's format, never a listing's
        main(["claims", str(SEED), "--format", "jsonl"])
    assert stopped.value.code == 2


def test_the_claims_levels_are_the_detectors_levels():
    from export.annotate.claims import LEVELS
    from export.model import CLAIMS_LEVELS

    assert set(CLAIMS_LEVELS) == set(LEVELS)
