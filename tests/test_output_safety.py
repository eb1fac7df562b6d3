"""Output safety: interrupted, killed or disk-full runs leave no partial book and no temporary file;
a book replaces another only when complete, never an input; names made from titles stay put."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SEED
from inputs import BODY_TEXT, SEED_TEXT

from export.cli import main
from export.pipeline import temporary_path, titled_file_name

HANG_GUARD = 300
SAFE_NAME = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?(?:-\d+)?\.epub")


def start(*args: str, cwd: Path | None = None, ignoring: str = "") -> subprocess.Popen:
    """The command started with ``args``; ``ignoring`` names signals it starts with ignored (sh's trap)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "export", *args]
    if ignoring:
        command = ["sh", "-c", f'trap "" {ignoring}; exec "$0" "$@"', *command]
    return subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def wait_until_running(process: subprocess.Popen) -> None:
    """Wait until the command has caught SIGTERM (its run() has begun): a signal that comes while Python
    is still importing finds no handler, a difference of load on the machine and not of the command."""
    status = Path(f"/proc/{process.pid}/status")
    deadline = time.monotonic() + HANG_GUARD
    while status.is_file() and time.monotonic() < deadline:
        caught = next(line for line in status.read_text().splitlines() if line.startswith("SigCgt:"))
        if int(caught.split()[1], 16) >> (signal.SIGTERM - 1) & 1:
            return
        time.sleep(0.01)


@pytest.fixture(scope="module")
def slow_input(tmp_path_factory) -> Path:
    """A page that takes the command some ten seconds, so that a signal finds it at work."""
    page = tmp_path_factory.mktemp("slow") / "slow.txt"
    page.write_text(SEED_TEXT[: SEED_TEXT.index("When Russian")] + BODY_TEXT * 1000, encoding="utf-8")
    return page


@pytest.mark.parametrize(
    ("signum", "delay"),
    [(signal.SIGINT, 0.5), (signal.SIGTERM, 1.0), (signal.SIGHUP, 1.5), (signal.SIGTERM, 2.0)],
)
def test_a_signal_at_work_leaves_the_old_book_and_no_temporary_file(signum, delay, slow_input, tmp_path):
    target = tmp_path / "book.epub"
    target.write_bytes(b"the old book")
    process = start(str(slow_input), "-o", str(target), "-q")
    wait_until_running(process)
    time.sleep(delay)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=HANG_GUARD)
    assert process.returncode == 130, stderr
    assert stderr == "annotated-epub: interrupted; no book was left half-written\n"
    assert [path.name for path in tmp_path.iterdir()] == ["book.epub"]
    assert target.read_bytes() == b"the old book"


def test_a_run_started_by_nohup_goes_on_after_a_hangup(slow_input, tmp_path):
    target = tmp_path / "book.epub"
    process = start(str(slow_input), "-o", str(target), "-q", ignoring="HUP")
    wait_until_running(process)
    process.send_signal(signal.SIGHUP)
    _, stderr = process.communicate(timeout=HANG_GUARD)
    assert process.returncode == 0, stderr
    assert zipfile.ZipFile(target).testzip() is None


@pytest.mark.parametrize(
    "interrupted_work",
    [
        'exec("raise KeyboardInterrupt")',  # as when a dataclass is made while the signal comes
        "raise RuntimeError('while a class was made') from KeyboardInterrupt()",
    ],
)
def test_an_interrupt_early_in_the_run_still_exits_130(interrupted_work, tmp_path):
    (tmp_path / "interrupted_run.py").write_text(
        f"import export.cli as cli\ndef main():\n    {interrupted_work}\ncli.main = main\ncli.run()\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(tmp_path)])}
    process = subprocess.run(  # run with -m as the command is: that is where Python 3.11 went wrong
        [sys.executable, "-m", "interrupted_run"], env=env, capture_output=True, text=True, timeout=HANG_GUARD
    )
    assert process.returncode == 130, process.stderr
    assert process.stderr == "annotated-epub: interrupted; no book was left half-written\n"


def test_ctrl_c_while_the_book_is_written_waits_until_it_is_in_place(tmp_path, monkeypatch):
    from export import pipeline

    target = tmp_path / "book.epub"
    target.write_bytes(b"the old book")
    real_fsync = os.fsync

    def interrupted_fsync(handle: int) -> None:
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C half-way through the write
        real_fsync(handle)

    monkeypatch.setattr(pipeline.os, "fsync", interrupted_fsync)
    with pytest.raises(KeyboardInterrupt):
        pipeline.write_atomically(target, b"the new, complete book", [SEED])
    assert target.read_bytes() == b"the new, complete book"
    assert [path.name for path in tmp_path.iterdir()] == ["book.epub"]


def test_an_interrupt_just_as_the_temporary_file_is_made_leaves_no_file(tmp_path, monkeypatch):
    from export import pipeline

    real_open = os.open

    def interrupted_open(*args, **kwargs):
        os.close(real_open(*args, **kwargs))
        raise KeyboardInterrupt  # a signal handled as soon as the file exists

    monkeypatch.setattr(pipeline.os, "open", interrupted_open)
    with pytest.raises(KeyboardInterrupt), pipeline.streamed_output(tmp_path / "blog.epub", [SEED]):
        pass
    assert list(tmp_path.iterdir()) == []


def test_a_killed_run_leaves_no_partial_book_and_the_next_run_clears_its_temporary_file(slow_input, tmp_path):
    target = tmp_path / "book.epub"
    process = start(str(slow_input), "-o", str(target), "-q")
    time.sleep(1.0)
    process.kill()
    process.wait(timeout=HANG_GUARD)
    assert not target.exists() or zipfile.ZipFile(target).testzip() is None
    dead = temporary_path(target, process.pid)
    dead.write_bytes(b"partial")  # as if the kill had come while the book was being written
    alive = temporary_path(target, os.getppid())
    alive.write_bytes(b"another run still writing")
    assert main([str(SEED), "-o", str(target), "-q"]) == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([alive.name, "book.epub"])
    assert zipfile.ZipFile(target).testzip() is None


@pytest.fixture
def full_disk(tmp_path):
    """A 192 KB tmpfs with 4 KB left, or None where mounting is not allowed."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=192k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        yield None
        return
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_keeps_the_old_book_and_leaves_no_temporary_file(
    full_disk, tmp_path, monkeypatch, capsys
):
    folder = full_disk or tmp_path
    target = folder / "book.epub"
    target.write_bytes(b"the old book")
    if full_disk:
        filler = folder / "filler"
        handle = os.open(filler, os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(handle, b"\0" * 4096):
                pass
        except OSError:
            pass
        os.close(handle)
        os.truncate(filler, filler.stat().st_size - 8192)  # leave a little room, less than a book
    else:  # no tmpfs here: make the disk fill up at the write instead

        def no_space(handle: int) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("export.pipeline.os.fsync", no_space)
    assert main([str(SEED), "-o", str(target), "-q"]) == 1
    assert capsys.readouterr().err == f"annotated-epub: {target}: cannot write: No space left on device\n"
    assert target.read_bytes() == b"the old book"
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        ["book.epub", "filler"][: 1 + bool(full_disk)]
    )


def test_a_complete_book_replaces_an_old_one(tmp_path):
    target = tmp_path / "book.epub"
    target.write_bytes(b"the old book")
    assert main([str(SEED), "-o", str(target), "-q"]) == 0
    assert zipfile.ZipFile(target).testzip() is None
    assert [path.name for path in tmp_path.iterdir()] == ["book.epub"]


def test_the_output_never_replaces_an_input_by_any_name(tmp_path, capsys):
    page = tmp_path / "page.txt"
    shutil.copy(SEED, page)
    (tmp_path / "link.txt").symlink_to(page)
    (tmp_path / "sub").mkdir()
    for output in (tmp_path / "link.txt", tmp_path / "sub" / ".." / "page.txt"):
        assert main([str(page), "-o", str(output), "-q"]) == 1
        assert "would overwrite the input" in capsys.readouterr().err
    os.link(page, tmp_path / "hard.txt")  # another name of the same file: the rename only replaces the name
    assert main([str(page), "-o", str(tmp_path / "hard.txt"), "-q"]) == 0
    assert page.read_bytes() == SEED.read_bytes()


TITLES = [
    "../../etc/passwd",
    "/absolute/path",
    'a\\b:c*?<>|"d',
    "CON",
    "nul",
    "Lpt1",
    ".hidden",
    "..",
    "\u202eexe.txt",
    "Cafe\u0301 du Mon\u0303de",
    "日本語のタイトル",
    "🙂🙂🙂",
    "x" * 300,
    "-rf --output=/etc",
    "  \t ",
]


@pytest.mark.parametrize("title", TITLES, ids=range(len(TITLES)))
def test_book_names_from_titles_are_safe(title):
    name = titled_file_name(title, Path("page.txt"))
    assert SAFE_NAME.fullmatch(name), name
    assert Path(name).stem not in {"con", "prn", "aux", "nul", "com1", "lpt1"}


def test_odd_titles_and_input_names_keep_the_book_in_the_output_directory(tmp_path):
    names = ["a\\b:c.txt", "Cafe\u0301.txt", "\u202etxt.exe", "-dash.txt", "new\nline.txt", " .txt"]
    out = tmp_path / "out"
    sources = []
    for index, name in enumerate(names):
        source = tmp_path / name
        source.write_text(f"{TITLES[index]}\n\nIt may rain.\n", encoding="utf-8")
        sources.append(str(source))
    assert main(["-q", "-o", f"{out}/", "--", *sources]) == 0
    books = sorted(path.name for path in out.iterdir())
    assert len(books) == len(names) and all(SAFE_NAME.fullmatch(book) for book in books), books
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([*names, "out"])


def test_an_error_about_an_odd_file_name_stays_on_one_line(tmp_path):
    source = tmp_path / "bad\nname\u202e.txt"
    source.write_bytes(b"")
    process = start(str(source), "-o", str(tmp_path / "book.epub"))
    _, stderr = process.communicate(timeout=HANG_GUARD)
    assert process.returncode == 1
    assert stderr.count("\n") == 1 and "bad\\nname\\u202e.txt: is empty" in stderr
