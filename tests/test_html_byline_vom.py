"""German "vom" before a byline's name ("vom Krimiblogger": by the crime blogger), in a byline element and
at the end of a line after the headline; "vom" inside a name is the name's ("Klaus vom Bruch")."""

from __future__ import annotations

import pytest
from metadata_pages import body_metadata as metadata

from export.readers.html.header_lines import byline_name


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("vom Krimiblogger", "Krimiblogger"),
        ("Vom Krimiblogger", "Krimiblogger"),
        ("Klaus vom Bruch", "Klaus vom Bruch"),  # a name's particle, not a lead
    ],
)
def test_vom_before_a_byline_elements_name_is_left_out(byline, name):
    body = f"<h1>Headline</h1><p class='byline'>{byline}</p><p>Text of the article.</p>"
    assert metadata(body).authors_or([]) == [name]


def test_vom_in_an_element_of_its_own_before_the_name_is_a_byline_line():
    # "<h4 class='vcard author'>vom <span class='fn'>Krimiblogger</span></h4>": two texts after the headline
    body = "<h1>Headline</h1><h4>vom <span>Krimiblogger</span></h4><p>Text of the article.</p>"
    assert metadata(body).authors_or([]) == ["Krimiblogger"]


@pytest.mark.parametrize(
    "lines",
    [
        ["Ein Bericht vom", "Deutschen Wetterdienst"],  # words before "vom" that lead to no byline
        ["vom", "3. Mai 2021"],
        ["Vom", "dem Winde verweht"],
    ],
)
def test_vom_at_a_lines_end_before_no_name_is_no_byline(lines):
    assert byline_name(lines, lambda name: True) is None
