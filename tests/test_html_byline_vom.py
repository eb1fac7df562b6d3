"""German "vom" before a byline element's name ("vom Krimiblogger": by the crime blogger), as the byline
line after the headline reads it already; "vom" inside a name is the name's ("Klaus vom Bruch")."""

from __future__ import annotations

import pytest
from metadata_pages import body_metadata as metadata


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
