"""The page benchmark's scorer (benchmarks/html_eval.py) on made-up golds: what counts as a right title
and a right author."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from html_eval import author_right, title_right


def test_a_title_without_the_site_name_the_gold_states_is_right_and_nothing_looser():
    assert title_right("Getting LEAN with Digital Ad UX", "Getting LEAN with Digital Ad UX | IAB", "IAB")
    assert title_right(
        "Getting LEAN with Digital Ad UX | IAB", "Getting LEAN with Digital Ad UX | IAB", "IAB"
    )
    assert not title_right("Getting LEAN with Digital Ad UX", "Getting LEAN with Digital Ad UX | IAB", None)
    assert not title_right(
        "Leasing oder Finanzierung", "Leasing oder Finanzierung – was lohnt sich?", "Verivox"
    )


def test_a_line_break_in_the_gold_byline_ends_the_name():
    assert author_right(["Gillian Mohney"], "By GILLIAN MOHNEY\n      March 11, 2015 3:46 PM")
    assert author_right(["Scott Cunningham"], "By\n\t\t\tScott Cunningham")
    assert not author_right(["Gillian"], "By GILLIAN MOHNEY\n      March 11, 2015 3:46 PM")
