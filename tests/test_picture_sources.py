"""Which address a picture on the web is recorded from: srcset, lazy loaders, <picture> sources."""

from __future__ import annotations

import lxml.html
import pytest

from export.readers.html.picture_sources import (
    Candidate,
    best_source,
    nearest_candidate,
    parse_srcset,
    source_addresses,
    web_address,
)


def test_srcset_is_read_with_commas_inside_addresses_and_descriptors():
    text = " a.jpg 400w, /b,c_2.jpg 1600w ,d.jpg 2x,  e.jpg, f.jpg 3000w 2000h, g.jpg (x) 5w, h.jpg bad"
    assert parse_srcset(text) == [
        Candidate("a.jpg", 400),
        Candidate("/b,c_2.jpg", 1600),
        Candidate("d.jpg", density=2.0),
        Candidate("e.jpg"),
        Candidate("f.jpg", 3000),
    ]


def test_srcset_trailing_commas_end_an_address_and_inner_ones_do_not():
    assert parse_srcset("a.jpg,, b.jpg,") == [Candidate("a.jpg"), Candidate("b.jpg")]
    assert parse_srcset("a.jpg,b.jpg 2x") == [Candidate("a.jpg,b.jpg", density=2.0)]


def test_a_hostile_srcset_is_read_in_linear_time():
    assert len(parse_srcset("(" * 200_000 + " a.jpg 1w")) <= 1
    assert len(parse_srcset("a 1w," * 100_000)) == 64  # at most MAX_CANDIDATES


@pytest.mark.parametrize(
    ("widths", "chosen"),
    [((400, 800, 1600, 3200), 1600), ((400, 1800, 2400), 1800), ((300, 1200, 900), 1200), ((2000,), 2000)],
)
def test_the_narrowest_candidate_as_wide_as_the_book_or_else_the_widest(widths, chosen):
    best = nearest_candidate([Candidate(f"{width}.jpg", width) for width in widths])
    assert best is not None and best.width == chosen


def _img(markup: str):
    root = lxml.html.fromstring(f"<div>{markup}</div>")
    return next(root.iter("img"))


def test_best_source_prefers_srcset_then_lazy_attributes_then_src():
    assert best_source(_img('<img src="s.jpg" srcset="a.jpg 800w, b.jpg 2000w">')) == "b.jpg"
    assert best_source(_img('<img src="data:image/gif;base64,R0lG" data-src="real.jpg">')) == "real.jpg"
    assert best_source(_img('<img src="lazy.gif" data-lazy-src="real.jpg" data-src="x.jpg">')) == "real.jpg"
    assert best_source(_img('<img src="p.gif" data-srcset="a.jpg 1000w, b.jpg 1700w">')) == "b.jpg"
    assert best_source(_img('<img src="s.jpg">')) == "s.jpg"
    assert best_source(_img('<img src="data:image/png;base64,iVBOR">')) is None


def test_picture_sources_of_types_a_book_cannot_carry_are_passed_over():
    markup = (
        '<picture><source type="image/avif" srcset="a.avif 1600w">'
        '<source type="image/webp" srcset="w.webp 1600w, w2.webp 3000w">'
        '<img src="fallback.jpg" width="600"></picture>'
    )
    assert best_source(_img(markup)) == "w.webp"


def test_density_candidates_count_the_declared_width():
    assert best_source(_img('<img width="900" srcset="a.jpg 1x, b.jpg 2x, c.jpg 3x">')) == "b.jpg"


def test_source_addresses_map_a_reading_that_kept_only_src_to_the_best_version():
    root = lxml.html.fromstring(
        '<div><img src="one.jpg" srcset="one-big.jpg 2000w">'
        '<img src="placeholder.gif" data-src="a.jpg"><img src="placeholder.gif" data-src="b.jpg"></div>'
    )
    assert source_addresses(root) == {"one.jpg": "one-big.jpg", "a.jpg": "a.jpg", "b.jpg": "b.jpg"}


def test_web_addresses_are_absolute_http():
    assert web_address("../p/x.jpg", "https://example.org/a/b/") == "https://example.org/a/p/x.jpg"
    assert web_address("//cdn.example.org/x.jpg", "https://example.org/") == "https://cdn.example.org/x.jpg"
    assert web_address("x.jpg", None) is None
    assert web_address("javascript:alert(1)", "https://example.org/") is None
    assert web_address("file:///etc/passwd", "https://example.org/") is None
