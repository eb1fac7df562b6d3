"""benchmarks/html_meta_eval.py's comparison of two --details runs."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from html_meta_eval import changes


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
