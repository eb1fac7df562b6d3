"""trafilatura's names read as the page's bylines are: names a byline joins apart ("A im Gespräch mit B",
"A and B"), as ``_names`` splits the markup's."""

from __future__ import annotations

import pytest
from metadata_pages import body_metadata as metadata

BODY = "<h1>Headline</h1><p>Text of the article.</p>"


@pytest.mark.parametrize(
    ("theirs", "names"),
    [
        (["Richard David Precht im Gespräch mit Karin Fischer"], ["Richard David Precht", "Karin Fischer"]),
        (["Jane Doe and John Roe"], ["Jane Doe", "John Roe"]),
        (["Jane Doe"], ["Jane Doe"]),
        (["Andrea Gesprächig"], ["Andrea Gesprächig"]),  # no join inside a word
    ],
)
def test_trafilaturas_joined_names_are_apart(theirs, names):
    assert metadata(BODY).authors_or(theirs) == names


@pytest.mark.parametrize(
    ("theirs", "names"),
    [
        (["Johnson & Johnson"], ["Johnson & Johnson"]),
        (["Simon and Garfunkel"], ["Simon and Garfunkel"]),
        (["Procter & Gamble"], ["Procter & Gamble"]),
        (["Jane Doe and Jane Doe"], ["Jane Doe"]),
        (["Jane Doe", "Jane Doe and John Roe"], ["Jane Doe", "John Roe"]),
    ],
)
def test_trafilaturas_names_are_apart_only_where_each_part_is_a_full_name_and_once(theirs, names):
    assert metadata(BODY).authors_or(theirs) == names
