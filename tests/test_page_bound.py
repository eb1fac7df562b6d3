"""A page of more elements than trafilatura reads in bounded time gets its text from our reader alone."""

from __future__ import annotations

from export.model import ListBlock
from export.readers.html.choice import ELEMENT_COUNT, MOST_FOR_TRAFILATURA, MainText
from export.readers.html.page import read_html
from export.readers.html.parse import parse_page
from export.readers.origin import Origin, PageInput

# In a plain container, where the hybrid takes trafilatura's text; trafilatura leaves the list out, ours
# keeps it.
ARTICLE = (
    "<html><head><title>A Long Page</title></head><body><div><h1>A Long Page</h1><div>"
    + "".join(
        f"<p>Paragraph {n} of the article, which says a little more than nothing at all.</p>"
        for n in range(8)
    )
    + '<ol start="4"><li>The fourth point of it.</li><li>The fifth point.</li></ol></div></div>'
    + '<div class="side">{padding}</div></body></html>'
)


def _page(elements: int) -> PageInput:
    """The article with empty spans beside it, to ``elements`` elements in all."""
    base = int(ELEMENT_COUNT(parse_page(ARTICLE.format(padding="").encode(), "page.html", None).root))
    markup = ARTICLE.format(padding="<span></span>" * (elements - base)).encode()
    assert ELEMENT_COUNT(parse_page(markup, "page.html", None).root) == elements
    return PageInput(markup, Origin("page"))


def _lists(page: PageInput, main_text: MainText = "hybrid") -> list[int | None]:
    """The starts of the lists of the page's text."""
    return [
        block.start for block in read_html(page, main_text).sections[0].blocks if isinstance(block, ListBlock)
    ]


def test_a_page_at_the_bound_is_read_by_trafilatura() -> None:
    page = _page(MOST_FOR_TRAFILATURA)
    assert _lists(page) == []
    assert _lists(page, "ours") == [4]


def test_a_page_over_the_bound_is_read_by_ours_alone() -> None:
    assert _lists(_page(MOST_FOR_TRAFILATURA + 1)) == [4]
