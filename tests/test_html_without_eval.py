"""benchmarks/html_without_eval.py: the facts and candidate rules on synthetic blocks (tune's halves:
test_large_corpus_halves.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import pytest
from corpus_pages import time_limit
from html_trim_eval import Saved
from html_without_eval import CANDIDATES, Page, bare_address, facts

from export.model import Heading, ListBlock, ListItem, Paragraph, Picture, Span

BODY = "The council met on Monday and agreed to rebuild the old bridge over the river before winter."


def _linked(text: str) -> Paragraph:
    return Paragraph(text, spans=[Span(0, len(text), "link", "https://example.org/other")])


def _page(precise: str) -> Page:
    return Page(Saved([], None, False, ""), precise, precise, f"{BODY} {BODY}")


def test_facts_tell_edges_links_and_trafilatura_share():
    blocks = [
        _linked("Home"),
        Paragraph(BODY),
        Paragraph(BODY + " Again."),
        Paragraph(BODY + " Once more."),
        Paragraph(BODY + " And more."),
        Picture(alt="a bridge"),
        Paragraph(BODY + " The end."),
        Paragraph(BODY + " Really."),
        _linked("Read the other story"),
    ]
    found = facts(blocks, _page(BODY))
    assert [fact.edge for fact in found] == [True, True, True, False, False, False, True, True, True]
    assert found[0].linked == 1.0 and found[1].linked == 0.0
    assert found[1].precise == 1.0 and found[8].precise == 0.0
    assert found[1].repeats == 2


def test_edge_links_and_the_headings_left_over_are_named():
    blocks = [
        Paragraph(BODY),
        Heading("Section", 2),
        Paragraph(BODY),
        Heading("More from us", 2),
        ListBlock(items=[ListItem([_linked("One story")]), ListItem([_linked("Another story")])]),
    ]
    found = facts(blocks, _page(BODY))
    assert CANDIDATES["linked at an edge + trailing headings"](found) == {3, 4}
    assert CANDIDATES["a list of links after a heading"](found) == {4}
    assert CANDIDATES["trailing headings"](found) == set()


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("HTTPS://www.Example.com/2024/story/", "example.com/2024/story"),
        ("www.com", "www.com"),  # "www." is the host itself where nothing with a dot follows
        (" example.org ", "example.org"),
        ("example", None),
        (".com", None),
        ("example.org/a b", None),
        ("see example.org", None),
        (None, None),
    ],
)
def test_an_address_alone_is_read_without_scheme_and_www(text, address):
    assert bare_address(text) == address


def test_a_long_run_of_dots_is_no_address_in_linear_time():
    # a hang guard, not a speed goal: a host tried at each of its dots took minutes here
    with time_limit(60):
        assert bare_address("a." * 100_000 + " x") is None
        assert bare_address("a." * 100_000) == "a." * 100_000
