"""Teaser cards at the article's end (``cards.py``): titles with cut-off excerpts, told by shape alone."""

from __future__ import annotations

import sys
from pathlib import Path

from article_pages import SENTENCE, saved_page, texts

from export.model import Block, Heading, ListBlock, ListItem, Paragraph, Picture, Span
from export.readers.html.cards import without_teaser_cards
from export.readers.html.page import read_html_page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from corpus_pages import time_limit

ARTICLE = [Paragraph(SENTENCE * 3), Heading("What the council decided"), Paragraph(SENTENCE * 2)]
EXCERPTS = (
    "Stack Overflow published the results of its developer survey, summarizing the answers of 56,033…",
    "Building on the success of its communities, Stack Overflow announced that its new product […]",
    "The survey covers a wide range of topics, from the languages people use to the hours they...",
)


def cards(count: int, date: bool = False) -> list[Block]:
    found: list[Block] = []
    for number in range(count):
        found += [Paragraph("31.01.2022")] if date else []
        found += [Heading(f"Survey results, part {number + 1}"), Paragraph(EXCERPTS[number % 3])]
    return found


def test_cards_that_end_the_text_go_with_their_label_and_the_lines_after_them():
    blocks = [*ARTICLE, Paragraph("Related"), *cards(3), Paragraph('In "News"')]
    assert texts(without_teaser_cards(blocks)) == texts(ARTICLE)


def test_a_date_on_each_card_goes_with_it_and_the_article_s_own_short_line_stays():
    source = Paragraph("Quelle: TSV Bayer Dormagen")
    blocks = [*ARTICLE, source, Paragraph("Verwandte Themen"), *cards(3, date=True)]
    assert texts(without_teaser_cards(blocks)) == [*texts(ARTICLE), source.text]


def test_cards_as_a_list_s_items_go_with_their_label():
    listed = ListBlock([ListItem(cards(1, date=True)) for _ in range(3)])
    blocks = [*ARTICLE, Heading("Verwandte Themen"), listed, Paragraph("Aktie:")]
    assert texts(without_teaser_cards(blocks)) == texts(ARTICLE)


def test_a_list_that_is_not_all_cards_stays():
    steps = ListBlock([ListItem(cards(1)), ListItem([Paragraph(SENTENCE * 2)]), ListItem(cards(1))])
    blocks = [*ARTICLE, steps]
    assert without_teaser_cards(blocks) == blocks
    one = [*ARTICLE, ListBlock([ListItem(cards(1))])]
    assert without_teaser_cards(one) == one


def test_pictures_of_the_cards_are_passed_over():
    blocks = [*ARTICLE, Picture(alt="a"), *cards(1), Picture(alt="b"), *cards(2)[2:]]
    assert texts(without_teaser_cards(blocks)) == texts(ARTICLE)


def test_one_card_or_cards_the_article_goes_on_after_stay():
    one = [*ARTICLE, *cards(1)]
    assert without_teaser_cards(one) == one
    middle = [*ARTICLE, *cards(3), Paragraph(SENTENCE * 2)]
    assert without_teaser_cards(middle) == middle


def test_steps_that_trail_off_without_titles_stay():
    # an article's own paragraphs ending in an ellipsis, one after another: no title between them
    steps = [Paragraph(SENTENCE), Paragraph("Then drill the holes and screw the sides to the base …")] * 3
    blocks = [*ARTICLE, *steps]
    assert without_teaser_cards(blocks) == blocks
    long_excerpt = [Heading("A heading"), Paragraph(SENTENCE * 6 + "and so on…")] * 2
    assert without_teaser_cards([*ARTICLE, *long_excerpt]) == [*ARTICLE, *long_excerpt]


def linked(text: str, start: int = 0, end: int | None = None) -> Paragraph:
    return Paragraph(text, spans=[Span(start, len(text) if end is None else end, "link", "/post/")])


def test_a_title_that_is_wholly_a_links_text_makes_a_card():
    title = "Die neuen Rottöne und wie man sie kombiniert"
    blocks = [*ARTICLE, *[linked(title), Paragraph(EXCERPTS[0])] * 2]
    assert texts(without_teaser_cards(blocks)) == texts(ARTICLE)


def test_plain_or_partly_linked_lines_before_cut_off_ones_are_no_cards():
    # a poem after its introduction: longer lines that alternate with lines ending in an ellipsis
    poem = [
        Paragraph("The road goes ever on and on, down from the door where it began"),
        Paragraph("Now far ahead the road has gone, and I must follow, if I can…"),
        Paragraph("Pursuing it with eager feet, until it joins some larger way"),
        Paragraph("Where many paths and errands meet. And whither then? I cannot say…"),
    ]
    assert without_teaser_cards([*ARTICLE, *poem]) == [*ARTICLE, *poem]
    dialogue = [
        linked("She asked whether the council had decided", 22, 29),
        Paragraph("Not yet, he said…"),
    ] * 2
    assert without_teaser_cards([*ARTICLE, *dialogue]) == [*ARTICLE, *dialogue]


def test_many_blocks_take_linear_time():
    blocks: list[Block] = [*ARTICLE, *cards(20_000)]
    with time_limit(60):  # a hang guard, not a speed goal: quadratic on 20,000 cards takes minutes
        assert texts(without_teaser_cards(blocks)) == texts(ARTICLE)


# Jetpack's related posts, visual layout, as its script draws them (Automattic/jetpack,
# projects/plugins/jetpack/modules/related-posts/related-posts.js, generateVisualDiv; GPL-2.0-or-later),
# with class names no table of ours knows, as a theme of its own would write them.
CARD = (
    "<div class='rp-item'><a class='rp-a' href='/2016/0{n}/post/'><img class='rp-img' src='x.jpg' alt=''></a>"
    "<h4 class='rp-title'><a class='rp-a' href='/2016/0{n}/post/'>Survey results, part {n}</a></h4>"
    "<p class='rp-excerpt'>{excerpt}</p><p class='rp-context'>In \"News\"</p></div>"
)


def page(tmp_path: Path, after: str) -> Path:
    body = "".join(f"<p>{number}. {SENTENCE * 3}</p>" for number in range(4))
    return saved_page(tmp_path, body + after)


def test_a_saved_page_s_unnamed_related_cards_are_left_out(tmp_path):
    items = "".join(CARD.format(n=n + 1, excerpt=EXCERPTS[n]) for n in range(3))
    heading = "<h3 class='rp-headline'>Related</h3>"
    after = f"<div class='rp-box'>{heading}<div class='rp-items'>{items}</div></div>"
    blocks = read_html_page(page(tmp_path, after)).sections[0].blocks
    assert texts(blocks) == [f"{number}. {SENTENCE * 3}".strip() for number in range(4)]


def test_a_saved_page_s_closing_question_with_an_ellipsis_stays(tmp_path):
    after = "<h2>And next year</h2><p>Who knows what the council will decide then…</p>"
    blocks = read_html_page(page(tmp_path, after)).sections[0].blocks
    assert texts(blocks)[-2:] == ["And next year", "Who knows what the council will decide then…"]
