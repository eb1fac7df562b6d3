"""The gold scorer (tests/gold.py) compares text as a reader sees it: soft hyphens are invisible."""

from __future__ import annotations

from gold import shingle_score, snippet_counts

SHY = "\u00ad"


def test_a_snippet_with_soft_hyphens_is_found_in_text_without_them():
    text = "Die Kernwerkzeuge und ihre Laufzeiten werden behandelt."
    counts = snippet_counts(
        text, [f"Kern{SHY}werk{SHY}zeuge und ihre Lauf{SHY}zei{SHY}ten"], [f"Wer{SHY}bung"]
    )
    assert (counts.tp, counts.fn, counts.fp, counts.tn) == (1, 0, 0, 1)


def test_shingles_read_a_word_with_soft_hyphens_as_one_word():
    score = shingle_score(
        "Die Kernwerkzeuge und ihre Laufzeiten", f"Die Kern{SHY}werk{SHY}zeuge und ihre Laufzeiten"
    )
    assert (score.precision, score.recall) == (1.0, 1.0)
