"""Typography: the two bundled styles, the article's own quotes and dashes, hyphenation by language."""

from __future__ import annotations

import re
import zipfile

import pytest
from books import build, entry
from conftest import ROOT

from export.visible_marks import marked_words, visible_claim_classes

STYLES = ROOT / "styles"


def rules(css: str, selector: str) -> str:
    """The declarations of the first rule whose selector list includes ``selector``."""
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        if selector in [part.strip() for part in selectors.split(",")]:
            return body
    raise AssertionError(f"no rule for {selector}")


@pytest.mark.parametrize("style", ["book", "plain"])
def test_both_styles_hyphenate_keep_lines_together_and_raise_note_numbers(style):
    css = (STYLES / f"{style}.css").read_text(encoding="utf-8")
    assert "hyphens: auto" in rules(css, "html")
    paragraph = rules(css, "p")
    assert "orphans: 2" in paragraph and "widows: 2" in paragraph
    assert "vertical-align: super" in rules(css, "a.noteref")


@pytest.mark.parametrize("style", ["book", "plain"])
def test_both_styles_show_the_cue_words_and_leave_the_claims_extent_unmarked(style):
    css = (STYLES / f"{style}.css").read_text(encoding="utf-8")
    cue = rules(css, ".cue")
    assert "text-decoration: underline;" in cue and "underline dotted" in cue  # plain underline as fallback
    assert visible_claim_classes(css) == {"cue"}


@pytest.mark.parametrize("style", ["book", "plain"])
def test_the_seed_article_is_at_most_fifteen_percent_visibly_marked(seed_book, style):
    with zipfile.ZipFile(seed_book) as archive:
        chapter = archive.read("EPUB/article.xhtml")
    counts = marked_words(chapter, (STYLES / f"{style}.css").read_text(encoding="utf-8"))
    assert counts.words > 1000 and 0 < counts.marked <= 0.15 * counts.words
    whole_claims = marked_words(chapter, ".speculative { text-decoration: underline dotted }")
    assert whole_claims.marked > 0.3 * whole_claims.words  # what the old style showed


def test_plain_style_leaves_fonts_sizes_colours_and_alignment_to_the_device():
    css = re.sub(r"/\*.*?\*/", "", (STYLES / "plain.css").read_text(encoding="utf-8"), flags=re.S)
    for property_name in ("font-family", "text-align: justify", "color", "line-height: 1"):
        assert property_name not in css
    assert "text-indent" not in css


def test_plain_style_is_shipped_in_the_book(tmp_path):
    """EPUBCheck passes on a plain-style book in tests/test_cover.py (one run for two options)."""
    book = build(tmp_path, "--style", "plain")
    with zipfile.ZipFile(book) as archive:
        assert archive.read("EPUB/style.css") == (STYLES / "plain.css").read_bytes()


def test_curly_quotes_and_dashes_are_kept_and_the_language_is_set_for_hyphenation(seed_book):
    article = entry(seed_book, "EPUB/article.xhtml")
    text = "".join(article.itertext())
    assert "their “moderate” allies" in text and "Putin’s" in text
    assert "were Iranian – said" in text
    assert '"' not in text
    assert article.get("lang") == "en"


def all_rules(css: str, selector: str) -> str:
    """The declarations of every rule whose selector list includes ``selector``, in order."""
    found = re.findall(r"([^{}]+)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S))
    return ";".join(body for names, body in found if selector in [name.strip() for name in names.split(",")])


@pytest.mark.parametrize("style", ["book", "plain"])
def test_both_styles_fit_a_wide_table_to_the_screen(style):
    css = (STYLES / f"{style}.css").read_text(encoding="utf-8")
    assert "max-width: 100%" in all_rules(css, "table")
    assert "overflow-wrap: break-word" in all_rules(css, "td")
    assert "overflow-wrap: break-word" in all_rules(css, "th")
