"""benchmarks/html_meta_eval.py's comparison of two --details runs and its take-away and stress options."""

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


def test_a_stress_run_without_markup_leaves_the_broad_rules_alone(monkeypatch):
    from html_meta_eval import without_markup

    from export.readers.html import metadata
    from export.readers.html.parse import parse_html

    for name in ("_from_json_ld", "labelled_name"):  # restored after the test
        monkeypatch.setattr(metadata, name, getattr(metadata, name))
    monkeypatch.setattr(metadata, "RULES", list(metadata.RULES))
    json_ld = '<script type="application/ld+json">{"@type": "Article", "author": "Jo Ld"}</script>'
    head = f"<meta name='author' content='Jo Meta'>{json_ld}"
    body = "<h1>A headline</h1><p><b>Autor:</b> Jo Label</p><p class='byline'>By Jo Class</p>"
    page = f"<html><head>{head}</head><body>{body}</body></html>".encode()
    assert metadata.read_metadata(parse_html(page, "page.html")).authors == ["Jo Ld"]
    without_markup()
    assert metadata.read_metadata(parse_html(page, "page.html")).authors == ["Jo Class"]


def test_take_away_reads_known_parts_and_refuses_others():
    assert take_away_list("headings,names") == {"headings", "names"}
    with pytest.raises(argparse.ArgumentTypeError, match="bogus"):
        take_away_list("stated,bogus")


def test_a_stress_run_without_classes_leaves_the_author_links_and_the_byline_line(monkeypatch):
    from html_meta_eval import without_classes

    from export.readers.html import metadata
    from export.readers.html.parse import parse_html

    monkeypatch.setattr(metadata, "RULES", list(metadata.RULES))
    link = "<a href='/author/jo-link/'>Jo Link</a>"
    body = f"<h1>A headline</h1><p class='byline'><span class='author'>Jo Class</span></p><p>{link}</p>"
    page = f"<html><body>{body}</body></html>".encode()
    assert metadata.read_metadata(parse_html(page, "page.html")).authors == ["Jo Class"]
    without_classes()
    assert metadata.read_metadata(parse_html(page, "page.html")).authors == ["Jo Link"]
