"""Long blog runs: stopped and run again, in parallel, with a progress line only on a terminal."""

from __future__ import annotations

import importlib.util
import io
import os
import signal
import time
import zipfile
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT
from test_output_safety import HANG_GUARD, start

from export.blog.done import DONE_FILE
from export.blog.progress import Progress
from export.cli import main


def _synthetic():
    spec = importlib.util.spec_from_file_location("wxr_synthetic", ROOT / "benchmarks" / "wxr_synthetic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def big_export(tmp_path_factory) -> Path:
    """An export of 200 posts with 20 comments each: a few seconds of work."""
    path = tmp_path_factory.mktemp("big") / "big.xml"
    _synthetic().write_synthetic_export(path, 200, 20)
    return path


def wait_for_books(folder: Path, count: int) -> None:
    deadline = time.monotonic() + HANG_GUARD
    while len(list(folder.glob("*.epub"))) < count and time.monotonic() < deadline:
        time.sleep(0.05)


def test_a_stopped_split_run_keeps_its_finished_books_and_a_rerun_does_only_the_rest(big_export, tmp_path):
    shelf = tmp_path / "shelf"
    process = start(str(big_export), "--split", "-o", str(shelf), "--jobs", "2", "-q")
    wait_for_books(shelf, 20)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=HANG_GUARD)
    assert process.returncode == 130, stderr
    first = {book.name: book.stat().st_mtime_ns for book in shelf.glob("*.epub")}
    assert 20 <= len(first) < 200
    assert not [path for path in shelf.iterdir() if path.name.endswith(".tmp")]
    for book in first:
        with zipfile.ZipFile(shelf / book) as archive:
            assert archive.testzip() is None
    process = start(str(big_export), "--split", "-o", str(shelf), "--jobs", "2")
    _, stderr = process.communicate(timeout=HANG_GUARD)
    assert process.returncode == 0, stderr
    books = list(shelf.glob("*.epub"))
    assert len(books) == 200
    assert {name: (shelf / name).stat().st_mtime_ns for name in first} == first
    assert f"{len(first)} books were already made" in stderr


def test_a_signal_as_a_book_is_put_in_place_waits_until_it_is_noted_as_finished(
    big_export, tmp_path, monkeypatch
):
    import export.pipeline as pipeline

    real_replace = os.replace

    def interrupted_replace(source, target):
        real_replace(source, target)
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C just after the book is in place

    monkeypatch.setattr(pipeline.os, "replace", interrupted_replace)
    shelf = tmp_path / "shelf"
    with pytest.raises(KeyboardInterrupt):
        main([str(big_export), "--split", "-o", str(shelf), "-q", "--post", "3"])
    (book,) = shelf.glob("*.epub")
    assert book.name in (shelf / DONE_FILE).read_text(encoding="utf-8")


def test_a_stopped_anthology_leaves_no_file(big_export, tmp_path):
    target = tmp_path / "blog.epub"
    process = start(str(big_export), "-o", str(target), "-q")
    deadline = time.monotonic() + HANG_GUARD
    while not list(tmp_path.glob(".blog.epub.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.01)  # the book is being written: its temporary file is there
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=HANG_GUARD)
    assert process.returncode == 130, stderr
    assert list(tmp_path.iterdir()) == []


def test_split_books_are_the_same_with_one_job_or_two(big_export, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert main([str(big_export), "--split", "-o", str(one), "-q", "--post", "5", "--post", "post-6"]) == 0
    assert (
        main(
            [
                str(big_export),
                "--split",
                "-o",
                str(two),
                "-q",
                "--jobs",
                "2",
                "--post",
                "5",
                "--post",
                "post-6",
            ]
        )
        == 0
    )
    names = sorted(book.name for book in one.glob("*.epub"))
    assert len(names) == 2
    assert all((one / name).read_bytes() == (two / name).read_bytes() for name in names)


def test_changed_options_redo_the_books(big_export, tmp_path, capsys):
    shelf = tmp_path / "shelf"
    assert main([str(big_export), "--split", "-o", str(shelf), "--post", "7"]) == 0
    assert main([str(big_export), "--split", "-o", str(shelf), "--post", "7", "--no-claims"]) == 0
    assert "already made" not in capsys.readouterr().err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_only_and_clears_its_line(monkeypatch):
    clock = iter(range(0, 100))
    monkeypatch.setattr("export.blog.progress.time.monotonic", lambda: next(clock))
    terminal = Terminal()
    progress = Progress("blog.xml", 1000, lambda: 500, stream=terminal)
    progress.update(10)
    progress.close()
    shown = terminal.getvalue()
    assert "\r10 posts · 50% of blog.xml" in shown and shown.endswith("\r")
    pipe = io.StringIO()
    Progress("blog.xml", 1000, lambda: 500, stream=pipe).update(10)
    quiet = Terminal()
    Progress("blog.xml", 1000, lambda: 500, quiet=True, stream=quiet).update(10)
    assert pipe.getvalue() == "" and quiet.getvalue() == ""


@pytest.mark.parametrize("split", [False, True])
def test_a_post_that_fails_to_read_is_left_out_with_its_reason_not_the_run(
    tmp_path, capsys, monkeypatch, split
):
    import export.blog.convert as convert

    real = convert.read_post

    def failing(item, blog, include_unapproved):
        if item.info.post_id == "1241":
            raise ValueError("a bug in the reader")
        return real(item, blog, include_unapproved)

    monkeypatch.setattr(convert, "read_post", failing)
    theme = CORPUS / "wxr" / "wptestdata__themeunittestdata.wordpress.xml"
    target = tmp_path / ("shelf" if split else "blog.epub")
    args = [str(theme), "-o", str(target), "--jobs", "2", "--post", "1241", "--post", "1000"]
    assert main(args + (["--split"] if split else [])) == 0
    err = capsys.readouterr().err
    assert "a post was left out: post 1241 ('Template: Sticky'): ValueError: a bug in the reader" in err
    assert "1 post, " in err
    assert "1 post that could not be read" in err
    assert target.exists()
