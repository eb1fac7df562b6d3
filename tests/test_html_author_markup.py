"""Authors on synthetic pages shaped as widely used templates write bylines (stop 18's generic author
rules); each test names the template its markup follows."""

from __future__ import annotations

from export.readers.html.metadata import PageMetadata, read_metadata
from export.readers.html.parse import parse_html

TEXT = "<div class='entry-content'>" + "<p>This sentence belongs to the article and is long enough.</p>" * 5
TEXT += "</div>"


def metadata(body: str, head: str = "") -> PageMetadata:
    html = f"<!DOCTYPE html><html lang='en'><head>{head}</head><body>{body}{TEXT}</body></html>"
    return read_metadata(parse_html(html.encode(), "page.html"))


def test_a_copyright_line_in_capitals_names_the_author_where_nothing_else_does():
    footer = "<footer><p>DATENSCHUTZ | COPYRIGHT ANDRÉ LOIBL | A SMALL PROJECT</p></footer>"
    assert metadata(footer).authors_or([]) == ["André Loibl"]
    assert metadata("<footer><p>COPYRIGHT 2020 MUSTER VERLAG GMBH.</p></footer>").authors_or([]) == []
