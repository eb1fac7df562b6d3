"""The time limit the corpus benchmarks share (benchmarks/corpus_pages.py), on blocks that overrun it."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from corpus_pages import read_page, time_limit

import export.readers.html.page
from export.errors import InputError


def _overrun(*args: object) -> None:
    time.sleep(5)


def test_a_block_that_overruns_raises_timeout_and_leaves_no_alarm():
    before = signal.getsignal(signal.SIGALRM)
    started = time.monotonic()
    with pytest.raises(TimeoutError), time_limit(1):
        _overrun()
    assert time.monotonic() - started < 4
    assert signal.alarm(0) == 0 and signal.getsignal(signal.SIGALRM) == before
    with time_limit(1):
        pass
    assert signal.alarm(0) == 0


def test_read_page_names_why_it_gave_no_article(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setattr(export.readers.html.page, "read_html_page", _overrun)
    assert read_page(tmp_path / "slow.html", limit=1) == "over 1 s"

    def refuse(page: Path) -> None:
        raise InputError(page.name, "not a page")

    monkeypatch.setattr(export.readers.html.page, "read_html_page", refuse)
    assert read_page(tmp_path / "bad.html") == "bad.html: not a page"
    article = object()
    monkeypatch.setattr(export.readers.html.page, "read_html_page", lambda page: article)
    assert read_page(tmp_path / "fine.html") is article
    assert signal.alarm(0) == 0
