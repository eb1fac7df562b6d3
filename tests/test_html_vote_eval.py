"""benchmarks/html_vote_eval.py: the vote on synthetic lines and voters' texts (no saved page read)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from html_vote_eval import Paragraph, Voted, Voter, added, dropped, read_voted, voters_line

BODY = "The council met on Monday and agreed to rebuild the old bridge over the river before winter."
MORE = "Work starts in March, and the ferry will run every hour while the bridge is closed to traffic."
SHARE = "Share this story on your favourite social network and subscribe to our weekly newsletter today."
LATE = "Engineers say the new deck will carry twice the load of the old one and last a hundred years."


def _voted(lines: list[str], **texts: str) -> Voted:
    return Voted(lines, 0.0, dict(texts))


def test_a_voter_keeps_a_line_by_its_text_not_its_place():
    voter = Voter(f"{MORE}\n{BODY.upper()}")
    assert voter.keeps(BODY)  # case and order do not count
    assert voter.keeps(BODY.replace("winter", "spring"))  # most of its shingles are there
    assert not voter.keeps(SHARE)
    assert voter.keeps("the ferry")  # a short line: its words together
    assert not voter.keeps("ferry the")


def test_a_block_no_voter_keeps_is_dropped_and_the_article_stays():
    voted = _voted([SHARE, BODY, MORE], a=f"{BODY}\n{MORE}", b=f"{BODY} {MORE}")
    assert dropped(voted, ("a", "b"), 2, False, 0.0) == [BODY, MORE]
    half = _voted([BODY, SHARE, MORE], a=f"{BODY}\n{MORE}", b=f"{BODY}\n{SHARE}\n{MORE}")
    assert dropped(half, ("a", "b"), 2, False, 0.0) == [BODY, SHARE, MORE]  # one of two keeps it
    assert dropped(half, ("a", "b"), 1, False, 0.0) == [BODY, MORE]
    assert dropped(half, ("a", "b"), 1, True, 0.0) == [BODY, SHARE, MORE]  # inside the span: stays


def test_nothing_is_dropped_where_the_voters_found_another_part_of_the_page():
    voted = _voted([BODY, MORE, SHARE], a=SHARE)
    assert dropped(voted, ("a",), 1, False, 0.0) == [SHARE]
    assert dropped(voted, ("a",), 1, False, 0.5) == [BODY, MORE, SHARE]
    assert dropped(_voted([BODY], a=""), ("a",), 1, False, 0.0) == [BODY]  # never all of it


def test_a_paragraph_every_voter_keeps_is_added_inside_the_article_span_only():
    voted = _voted(
        [BODY, MORE], justext=f"{BODY}\n{LATE}\n{MORE}\n{SHARE}", b=f"{BODY} {LATE} {MORE} {SHARE}"
    )
    voted.paragraphs = [Paragraph(text, True) for text in (BODY, LATE, MORE, SHARE)]
    assert added(voted, ("justext", "b")) == [BODY, LATE, MORE]


def test_paragraphs_added_one_after_another_keep_their_order():
    cost = "The bridge will cost four million euros, most of it paid by the region and the rest by the town."
    voted = _voted([BODY, MORE], justext="\n".join([BODY, LATE, cost, MORE]))
    voted.paragraphs = [Paragraph(text, True) for text in (BODY, LATE, cost, MORE)]
    assert added(voted, ("justext",)) == [BODY, LATE, cost, MORE]


def test_read_voted_reads_ours_and_each_installed_voter(tmp_path):
    page = tmp_path / "page.html"
    paragraphs = "".join(f"<p>{text}</p>" for text in (BODY, MORE, LATE))
    page.write_text(
        f"<html><head><title>Bridge</title></head><body><article>{paragraphs}</article></body></html>"
    )
    voted = read_voted(str(page))
    assert BODY in voted.lines
    assert "justext" in voted.texts and set(voted.texts) == set(voted.voter_seconds)


def test_a_voter_not_installed_is_named_with_its_package():
    line = voters_line(["justext"])
    assert line.startswith("voters: justext; not installed, left out: ")
    assert (
        "readability (pip install readability-lxml)" in line
        and "resiliparse (pip install resiliparse)" in line
    )
    assert (
        voters_line(["justext", "readability", "resiliparse"]) == "voters: justext, readability, resiliparse"
    )
