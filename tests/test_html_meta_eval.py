"""benchmarks/html_meta_eval.py's comparison of two --details runs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from html_meta_eval import changes, take_away_list


def test_changes_count_the_pages_both_runs_scored():
    before = [{"page": "a", "right": {"title": False}}, {"page": "b", "right": {"title": True}}]
    after = [
        {"page": "a", "right": {"title": True}},
        {"page": "b", "right": {"title": False, "author": True}},  # an author not scored before
        {"page": "c", "right": {"title": True}},  # a page the earlier run (one half) did not read
    ]
    assert changes(before, after, "title") == (["a"], ["b"])
    assert changes(before, after, "author") == ([], [])
    assert changes(after, before, "title") == (["b"], ["a"])


def test_take_away_reads_known_parts_and_refuses_others():
    assert take_away_list("headings,names") == {"headings", "names"}
    with pytest.raises(argparse.ArgumentTypeError, match="bogus"):
        take_away_list("stated,bogus")
