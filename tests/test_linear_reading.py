"""The page reader's walks over a tree stay linear in its size and depth: each element's whole text is read
only where it may matter (counted here through ``text_of``, never timed; the times are in
benchmarks/adversarial_prefixes.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from lxml import etree

from export.readers.html import comment_byline
from export.readers.html.comment_byline import read_date, shows_date

DEPTH = 200  # trees built by lxml directly, below its 256 levels: nothing is flattened (parse_page would)
WORDS = "It might be so, and it might not. " * 4


@pytest.fixture
def characters_read(monkeypatch) -> list[int]:
    """The length of every text ``comment_byline`` reads with ``text_of``."""
    lengths: list[int] = []
    original = comment_byline.text_of

    def counted(element: etree._Element) -> str:
        text = original(element)
        lengths.append(len(text))
        return text

    monkeypatch.setattr(comment_byline, "text_of", counted)
    return lengths


def deep_comment(inner: str) -> etree._Element:
    """A comment of ``DEPTH`` nested spans, words at each level and ``inner`` at the bottom."""
    markup = "".join(f"<span>{WORDS}" for _ in range(DEPTH)) + inner + "</span>" * DEPTH
    return etree.fromstring(f"<div>{markup}</div>", etree.HTMLParser()).find(".//div")


def test_a_bare_date_deep_in_a_long_comment_is_found_reading_its_text_once(characters_read):
    comment = deep_comment("<b>(22 juin 2018 @11h13)</b>")
    assert read_date(comment, None)[0] == dt.date(2018, 6, 22)
    total = len(" ".join(comment.itertext()))
    assert sum(characters_read) < 2 * total  # each level's whole text: DEPTH / 2 times the text


def test_a_short_row_with_a_date_deep_in_a_long_comment_is_found(characters_read):
    comment = deep_comment("<div>Anna · Like · 20.04.2020</div>")
    date, element = read_date(comment, None)
    assert date == dt.date(2020, 4, 20) and element.tag == "div"
    assert sum(characters_read) < 2 * len(" ".join(comment.itertext()))


def test_a_deep_comment_without_a_date_reads_no_long_text(characters_read):
    comment = deep_comment("<i>no date here</i>")
    assert read_date(comment, None) == (None, None)
    assert not shows_date(comment)
    assert max(characters_read, default=0) <= comment_byline.LONGEST_BYLINE


def test_brackets_around_a_date_do_not_count_towards_its_length():
    # 190 characters, a date line's 10 once brackets and spaces are stripped from its ends; the year in a
    # child, so that only the element's whole text (not its own text, nor the child's) holds the date
    comment = etree.fromstring(f"<div><p>{WORDS}</p><b>{'(' * 90} 22.06.<i>2018</i> {')' * 90}</b></div>")
    assert read_date(comment, None)[0] == dt.date(2018, 6, 22)


def test_skipped_parts_are_found_by_one_walk_not_a_union():
    # libxml2 merges a union's node sets pairwise (the product of their sizes): 10^5 "reply" and "says"
    # spans took seconds
    from export.readers.html.markup_tables import descendants_test

    skipped = descendants_test("comment_markup.tsv", "skip")
    assert "|" not in skipped.path
    markup = '<div><p class="says">a</p><span class="reply"><b class="avatar">b</b></span><i>c</i></div>'
    assert [node.get("class") for node in skipped(etree.fromstring(markup))] == ["says", "reply", "avatar"]


def test_no_selector_of_the_readers_unites_walks_over_descendants():
    from export.readers.html import main_text
    from export.readers.html.markup_tables import data_lines

    expressions = [main_text.CAPTIONED_FIGURES.path]
    for table in ("comment_markup.tsv", "related_markup.tsv", "metadata.tsv"):
        expressions += [line.split("\t")[1] for line in data_lines(table) if "\t" in line]
    assert [path for path in expressions if any("//" in part for part in path.split(" | ")[1:])] == []


def test_a_name_after_a_deep_skipped_part_is_found():
    from export.readers.html.comment_byline import first_short_name

    deep = "<span>" * DEPTH + "Reply" + "</span>" * DEPTH
    comment = etree.fromstring(f'<div><div class="reply">{deep}</div><b>Anna</b><p>{WORDS}</p></div>')
    assert first_short_name(comment)[0] == "Anna"


def walks_outside_predicates(path: str) -> int:
    """How many ``//`` steps the path takes outside its predicates."""
    depth, walks = 0, 0
    for index, character in enumerate(path):
        depth += {"[": 1, "]": -1}.get(character, 0)
        walks += depth == 0 and path.startswith("//", index)
    return walks


def test_no_thread_item_selector_walks_the_descendants_of_every_match():
    # "//ul[...]//li": libxml2 merges each match's descendants into the result, in time the product of
    # their numbers (20,000 matches: 0.5 s; 10^5: some 15 s); "//li[ancestor::ul[...]]" is one walk
    from export.readers.html.markup_tables import data_lines

    items = [line.split("\t")[1] for line in data_lines("comment_markup.tsv") if line.startswith("item\t")]
    assert [path for path in items if walks_outside_predicates(path) > 1] == []


def test_no_page_level_row_walks_the_descendants_of_every_match():
    # metadata.tsv's "//*[@itemprop='author']//*[@itemprop='name']": 20,000 authors' names took 3.6 s
    from export.readers.html.markup_tables import data_lines

    rows = []
    for table in ("comment_markup.tsv", "related_markup.tsv", "metadata.tsv"):
        rows += [line.split("\t")[1] for line in data_lines(table) if "\t" in line]
    page_level = [path for path in rows if path.lstrip("(").startswith("//")]
    assert [path for path in page_level if walks_outside_predicates(path) > 1] == []


def test_nested_blocks_asked_for_a_date_parse_each_line_once(monkeypatch):
    # comment_fallback asks each of a comment section's nested blocks whether it shows a date: every
    # line was parsed again for each block around it
    from export.readers import date_times

    calls: list[str] = []
    original = date_times.parse_date_after

    def counted(text: str, after: dt.date | None) -> dt.date | None:
        calls.append(text)
        return original(text, after)

    monkeypatch.setattr(comment_byline, "parse_date_after", counted)
    comment_byline._line_date.cache_clear()
    comment_byline._byline_date.cache_clear()
    rows = "".join(f"<p>Reply {row} might be so.</p>" for row in range(20))
    outer = etree.fromstring("<div>" * 40 + rows + "</div>" * 40)
    blocks = list(outer.iter("div"))
    assert not any(shows_date(block) for block in blocks)
    assert len(calls) <= 4 * 20  # a few readings of each line; each block read them all: 40 times as many


def test_no_xpath_of_the_readers_modules_walks_twice():
    # "//body//text()[...]": libxml2 merges each element's matching children into the result, in time
    # their numbers' product (20,000 "<div><b>A</b> B</div>": 2.4 s); "//body/descendant::text()[...]" is
    # one walk
    import importlib
    import pkgutil

    import export.readers.html as readers

    found = []
    for module in pkgutil.iter_modules(readers.__path__):
        for name, value in vars(importlib.import_module(f"{readers.__name__}.{module.name}")).items():
            if isinstance(value, etree.XPath) and walks_outside_predicates(value.path) > 1:
                found.append(f"{module.name}.{name}")
    assert found == []


def test_the_first_texts_are_each_elements_first_as_the_xpath_gave_them():
    from export.readers.html.header_lines import MAX_LINES, first_texts

    many = "".join(f"<br>line {n}" for n in range(MAX_LINES + 5))
    root = etree.fromstring(
        f"<html><body><p>a<b>b</b>c<script>x</script></p><div>{many}<i>tail</i> end</div>d</body></html>",
        etree.HTMLParser(),
    )
    each = etree.XPath(
        f"//body//text()[normalize-space()][not(parent::script or parent::style)][position() <= {MAX_LINES}]"
    )
    assert first_texts(root) == each(root) and len(each(root)) == 4 + MAX_LINES + 1
