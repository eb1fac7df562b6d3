"""Outputs where a user expects them: the wheel is built outside the checkout's build/ (which holds the
books) and carries the package's data; several inputs never make a directory named like a book."""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SEED

PROJECT_FILES = ("pyproject.toml", "README.md", "export", "styles", "seeds")


def test_the_wheel_is_built_without_a_build_folder_and_carries_every_file(tmp_path, monkeypatch):
    """The build backend that pyproject.toml names (installed by the test extra), run offline on a copy."""
    backend = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]
    build_wheel = importlib.import_module(backend["build-backend"]).build_wheel
    checkout = tmp_path / "checkout"
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, checkout / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            checkout.mkdir(exist_ok=True)
            shutil.copy2(source, checkout / name)
    monkeypatch.chdir(checkout)
    wheel = tmp_path / "dist" / build_wheel(str(tmp_path / "dist"))
    assert sorted(path.name for path in checkout.iterdir()) == sorted(PROJECT_FILES), "nothing left behind"
    data = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "export").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    data |= {f"export/{path.relative_to(ROOT).as_posix()}" for path in (ROOT / "styles").glob("*.css")}
    data |= {f"export/{path.relative_to(ROOT).as_posix()}" for path in (ROOT / "seeds").glob("*.txt")}
    kinds = {suffix for name in data for suffix in Path(name).suffixes}
    assert kinds >= {".py", ".tsv", ".txt", ".css", ".ttf"}
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert data <= names, sorted(data - names)


@pytest.mark.parametrize("name", ["two.epub", "two.kepub.epub", "TWO.AZW3"])
def test_several_inputs_and_a_book_name_make_that_one_book(tmp_path, name):
    second = tmp_path / "second.txt"
    shutil.copy2(SEED, second)
    before = sorted(tmp_path.iterdir())
    result = subprocess.run(
        [sys.executable, "-m", "export", str(SEED), str(second), "-o", name, "-q"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(tmp_path.iterdir()) == sorted([*before, tmp_path / name])
    with zipfile.ZipFile(tmp_path / name) as book:  # the EPUB asked for, named as told
        assert {"EPUB/part-001.xhtml", "EPUB/part-002.xhtml"} <= set(book.namelist())


def test_several_inputs_go_into_a_directory_named_without_a_book_suffix(tmp_path):
    second = tmp_path / "second.txt"
    shutil.copy2(SEED, second)
    result = subprocess.run(
        [sys.executable, "-m", "export", str(SEED), str(second), "-o", "books", "-q"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "books").glob("*.epub"))) == 2
