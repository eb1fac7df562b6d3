"""A streamed document (export.epub.xhtml.Streamed) serializes to the bytes of the same tree built whole."""

from __future__ import annotations

import random

from export.epub.xhtml import Streamed, add, append_text, new_document, serialize


def build(seed: int, stream: Streamed | None) -> bytes:
    """A document of nested sections, paragraphs with marks, tails and text between them, flushed as built."""
    choice = random.Random(seed)
    html, body = new_document("T & <t>", "en", "style.css")
    holders = [add(body, "section", epub_type="chapter")]
    for number in range(choice.randrange(1, 400)):
        holder = holders[-1]
        roll = choice.random()
        if roll < 0.05:
            holders.append(add(holder, "section", class_="nested"))
        elif roll < 0.1 and len(holders) > 1:
            holders.pop()
        elif roll < 0.4:
            append_text(holder, choice.choice([" ", "a & b", "line\nbreak", "<x>"]))
        else:
            element = add(holder, choice.choice(["p", "span", "sup"]), f"{number} &", epub_type="x")
            if choice.random() < 0.5:
                add(element, "a", "ref", href=f"#n{number}").tail = "after"
        at = choice.randrange(2, 9)  # drawn whether streamed or not: both builds draw the same numbers
        if stream is not None:
            for held in holders:
                stream.flush(held, at=at)
    add(body, "aside", "the end")
    return stream.serialize(html) if stream else serialize(html)


def test_a_streamed_document_has_the_bytes_of_the_whole_tree():
    for seed in range(60):
        assert build(seed, Streamed()) == build(seed, None), seed


def test_a_short_document_is_never_flushed():
    stream = Streamed()
    html, body = new_document("T", "en", "style.css")
    for _ in range(Streamed.FLUSH_AT - 1):
        add(body, "p", "text")
        stream.flush(body)
    assert not stream.parts and stream.serialize(html) == serialize(html)
