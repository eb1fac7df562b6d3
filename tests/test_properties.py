"""Property-based tests: random and mutated text, HTML and WXR through the pipeline give a valid,
clean, reproducible book or the documented one-line error, never anything else."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from inputs import SEED_TEXT, book_problems

from export.errors import InputError
from export.pipeline import ConvertOptions, build_book

# Fixed examples (derandomize) keep CI repeatable and fast; run with --hypothesis-seed=random to explore.
FAST = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SEED_BYTES = SEED_TEXT.encode("utf-8")
TAGS = ["p", "div", "span", "a", "b", "script", "svg", "iframe", "img", "h1", "li", "ol", "style", "br"]
ATTRIBUTES = ["href", "src", "onclick", "onerror", "class", "id", "style", "srcset", "xlink:href"]
VALUES = ["javascript:alert(1)", "data:text/html,<b>x</b>", "http://127.0.0.1:9/x.png", "#top", "x", ""]
WORDS = [
    "Putin",
    "may",
    "could",
    "sources said",
    "by",
    "Gareth Porter",
    "1.",
    "•",
    "\n",
    "\n\n",
    "&amp;",
    "&lol;",
]


def any_text() -> st.SearchStrategy[str]:
    """Unicode text of every kind, including controls, surrogates, and the reader's own cue words."""
    return st.lists(st.one_of(st.text(max_size=40), st.sampled_from(WORDS)), max_size=60).map("".join)


@st.composite
def mutated_seed(draw, shortest: int = 1) -> bytes:
    """The seed page with bytes flipped, inserted, deleted and its end cut off."""
    data = bytearray(SEED_BYTES[: draw(st.integers(shortest, len(SEED_BYTES)))])
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(data)))
        chunk = draw(st.binary(min_size=1, max_size=8))
        if draw(st.booleans()):
            data[at:at] = chunk
        else:
            del data[at : at + len(chunk)]
    return bytes(data)


def html_element() -> st.SearchStrategy[str]:
    leaf = any_text().map(lambda text: text.replace("<", "&lt;"))

    def wrap(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        attributes = st.lists(st.tuples(st.sampled_from(ATTRIBUTES), st.sampled_from(VALUES)), max_size=3)
        closed = st.booleans()
        return st.builds(
            lambda tag, attrs, inner, close: (
                f"<{tag}{''.join(f' {k}={v!r}' for k, v in attrs)}>"
                + "".join(inner)
                + (f"</{tag}>" if close else "")
            ),
            st.sampled_from(TAGS),
            attributes,
            st.lists(children, max_size=4),
            closed,
        )

    return st.recursive(leaf, wrap, max_leaves=30)


@st.composite
def html_page(draw) -> bytes:
    title, body = draw(any_text()), draw(html_element())
    return f"<!DOCTYPE html><html><head><title>{title}</title></head><body>{body}</body></html>".encode(
        "utf-8", "surrogatepass"
    )


@st.composite
def wxr_export(draw) -> bytes:
    title, content, comment = draw(any_text()), draw(html_element()), draw(any_text())
    return (
        '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE rss [<!ENTITY lol "lol">]>'
        '<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">'
        f"<channel><item><title>{title}</title><content:encoded><![CDATA[{content}]]></content:encoded>"
        f"<wp:comment><wp:comment_content>{comment}</wp:comment_content></wp:comment></item></channel></rss>"
    ).encode("utf-8", "surrogatepass")


def any_input() -> st.SearchStrategy[tuple[str, bytes]]:
    return st.one_of(
        st.tuples(st.just(".txt"), any_text().map(lambda text: text.encode("utf-8", "surrogatepass"))),
        st.tuples(st.just(".bin"), st.binary(max_size=2000)),
        st.tuples(st.just(".txt"), mutated_seed()),
        st.tuples(st.just(".html"), html_page()),
        st.tuples(st.just(".xml"), wxr_export()),
    )


def convert(suffix: str, data: bytes, folder: Path) -> bytes | None:
    """The book's bytes, or None for the documented error: an InputError naming the input."""
    source = folder / f"input{suffix}"
    source.write_bytes(data)
    try:
        return build_book(source, ConvertOptions())[1]
    except InputError as error:
        assert error.path == str(source) and "\n" not in str(error)
        return None


@FAST
@given(any_input())
def test_any_input_gives_a_clean_reproducible_book_or_the_documented_error(case):
    suffix, data = case
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        book = convert(suffix, data, folder)
        if book is None:
            return
        path = folder / "book.epub"
        path.write_bytes(book)
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None
            assert archive.namelist()[0] == "mimetype"
        assert book_problems(path) == []
        assert convert(suffix, data, folder) == book


@settings(FAST, max_examples=1, phases=[Phase.generate])
@given(mutated_seed(shortest=4000))
def test_a_sample_of_random_books_passes_epubcheck(epubcheck, data):
    with tempfile.TemporaryDirectory() as scratch:
        book = convert(".txt", data, Path(scratch))
        assert book is not None
        path = Path(scratch) / "book.epub"
        path.write_bytes(book)
        report = epubcheck(path)
        assert report.errors == [] and report.warnings == []
