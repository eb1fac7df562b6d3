"""The command line: the main job, options, exit codes, bad input and safe output."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SEED

from export.cli import main

SLUG = "how-putins-leverage-shaped-the-syrian-ceasefire.epub"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "export", *args], capture_output=True, text=True, cwd=cwd, env=env, check=False
    )


def test_no_input_converts_every_seed_into_build(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    result = run_cli(cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(Path("build") / SLUG)]
    assert zipfile.is_zipfile(tmp_path / "build" / SLUG)


def test_version_and_help():
    assert run_cli("--version").stdout.startswith("annotated-epub ")
    help_text = run_cli("--help").stdout
    for option in ("--output", "--style", "--no-claims", "--validate", "--quiet", "examples:"):
        assert option in help_text


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--no-such-option"])
    assert stop.value.code == 2


def test_several_inputs_go_to_a_directory(tmp_path, seed_text):
    other = tmp_path / "other.txt"
    other.write_text(seed_text.replace("How Putin’s Leverage", "How Obama’s Leverage", 1), encoding="utf-8")
    out = tmp_path / "books"
    assert main([str(SEED), str(other), "-o", f"{out}/", "-q"]) == 0
    assert sorted(path.name for path in out.iterdir()) == [
        "how-obamas-leverage-shaped-the-syrian-ceasefire.epub",
        SLUG,
    ]


def test_output_ending_in_a_separator_is_a_new_directory(tmp_path):
    assert main([str(SEED), "-o", f"{tmp_path / 'new'}/", "-q"]) == 0
    assert (tmp_path / "new").is_dir()
    assert [path.name for path in (tmp_path / "new").iterdir()] == [SLUG]


def test_same_titles_get_distinct_names(tmp_path):
    copy = tmp_path / "copy.txt"
    shutil.copy(SEED, copy)
    assert main([str(SEED), str(copy), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == [
        SLUG.replace(".epub", "-2.epub"),
        SLUG,
    ]


def test_validate_reports_epubcheck_findings(tmp_path, capsys, epubcheck):
    assert main([str(SEED), "-o", str(tmp_path / "b.epub"), "--validate"]) == 0
    assert "EPUBCheck: 0 errors, 0 warnings" in capsys.readouterr().out


def test_unknown_style_is_bad_input(tmp_path, capsys):
    assert main([str(SEED), "-o", str(tmp_path / "b.epub"), "--style", "nonesuch"]) == 1
    assert "nonesuch: no such style or stylesheet (bundled styles: book" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


BAD_INPUTS = {
    "empty.txt": (b"", "is empty"),
    "blank.txt": (b"  \n\t\n  \n", "is empty"),
    "binary.bin": (bytes(range(256)) * 40, "binary"),
    "nul.txt": (b"Title\n\nSome\x00 text\x00 here\x00\x00\x00\x00", "binary"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gives_one_line_exit_1_and_no_file(tmp_path, name):
    data, problem = BAD_INPUTS[name]
    source = tmp_path / name
    source.write_bytes(data)
    out = tmp_path / "out"
    out.mkdir()
    result = run_cli(str(source), "-o", str(out / "book.epub"))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(source) in lines[0] and problem in lines[0], result.stderr
    assert list(out.iterdir()) == []


def test_missing_input_and_directory_input(tmp_path):
    missing = run_cli(str(tmp_path / "nope.txt"), "-o", str(tmp_path / "b.epub"))
    assert missing.returncode == 1 and "nope.txt" in missing.stderr and "Traceback" not in missing.stderr
    folder = run_cli(str(tmp_path), "-o", str(tmp_path / "b.epub"))
    assert folder.returncode == 1 and "Traceback" not in folder.stderr
    assert not (tmp_path / "b.epub").exists()


def test_unwritable_output_is_reported(tmp_path):
    result = run_cli(str(SEED), "-o", str(tmp_path / "no" / "such" / "dir" / "b.epub"))
    assert result.returncode == 1
    assert "b.epub: cannot write: the directory does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_output_never_overwrites_the_input(tmp_path):
    source = tmp_path / "page.txt"
    shutil.copy(SEED, source)
    result = run_cli(str(source), "-o", str(source))
    assert result.returncode == 1 and "would overwrite the input" in result.stderr
    assert source.read_bytes() == SEED.read_bytes()


def test_failed_write_keeps_the_old_book_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    from export import pipeline

    target = tmp_path / "book.epub"
    target.write_bytes(b"old book")

    def broken_replace(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pipeline.os, "replace", broken_replace)
    assert main([str(SEED), "-o", str(target), "-q"]) == 1
    assert target.read_bytes() == b"old book"
    assert [path.name for path in tmp_path.iterdir()] == ["book.epub"]


def test_cp1252_and_bom_inputs_are_read(tmp_path, seed_text, epubcheck):
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(seed_text.replace("🙂", ":)").encode("cp1252"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + seed_text.encode("utf-8"))
    for source in (legacy, bom):
        out = tmp_path / f"{source.stem}.epub"
        assert main([str(source), "-o", str(out), "-q"]) == 0
        report = epubcheck(out)
        assert report.errors == [] and report.warnings == []


def test_undated_article_takes_source_date_epoch(tmp_path, monkeypatch):
    page = tmp_path / "undated.txt"
    page.write_text(
        "A Plain Title\n\nJust one paragraph of text, with nothing around it.\n", encoding="utf-8"
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    out = tmp_path / "undated.epub"
    assert main([str(page), "-o", str(out), "-q"]) == 0
    with zipfile.ZipFile(out) as archive:
        assert b"2023-11-14T22:13:20Z" in archive.read("EPUB/content.opf")
        assert archive.infolist()[0].date_time == (2023, 11, 14, 22, 13, 20)


def test_a_book_without_marked_claims_does_not_speak_of_the_detector(tmp_path):
    book = tmp_path / "b.epub"
    assert main([str(SEED), "-o", str(book), "-q", "--no-claims"]) == 0
    with zipfile.ZipFile(book) as archive:
        page = archive.read("EPUB/titlepage.xhtml").decode()
    assert "not marked in this book" in page and "automatic detector" not in page
