"""benchmarks/comment_neutral.py: the stress levels' rewriting of a synthetic comment section."""

from __future__ import annotations

import sys
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from comment_neutral import Level, is_named, is_text_named, neutral, neutralise, neutralise_bytes
from corpus_pages import time_limit

PAGE = (
    "<div><div id='comments' class='comments-area'><h2>2 Comments</h2><ol class='comment-list'>"
    "<li id='comment-12' class='comment depth-1 my-box' itemprop='comment' data-comment-id='12'>"
    "<cite>Anna</cite><time>3 May 2020</time><p>Thanks for the post.</p></li>"
    "<li id='comment-13' class='comment depth-1 my-box discussion-item'>"
    "<cite>Ben</cite><time>4 May 2020</time><p>Agreed.</p></li></ol></div></div>"
)


def _rewritten(level: Level) -> etree._Element:
    root = etree.fromstring(PAGE)
    assert neutralise(root, level) > 0
    return root


def test_a_token_is_stable_and_has_no_digits():
    assert neutral("depth-1") == neutral("depth-1") != neutral("depth-2")
    assert (
        neutral("depth-1").startswith("n") and neutral("depth-1").isalpha() and len(neutral("depth-1")) == 9
    )


def test_words_the_table_names_whole_or_by_prefix():
    assert is_named("comment", "items") and is_named("comment-12", "items")  # whole, and "comment-" begins it
    assert not is_named("my-box", "all")
    assert not is_named("discussion-item", "table") and is_named("discussion-item", "all")


def test_words_holding_a_string_the_table_looks_for_anywhere():
    # the table's contains(@class, 'date') and contains(@class, 'author') find these in any word
    assert is_named("entry-date", "items") and is_named("post-author", "items")
    assert is_named("highlander-comment", "table")
    assert not is_named("site-header", "all")


def test_items_keeps_the_section_and_rewrites_its_items():
    root = _rewritten("items")
    section = root[0]
    assert (section.get("id"), section.get("class")) == ("comments", "comments-area")
    first, second = root.iter("li")
    assert first.get("class") == f"{neutral('comment')} {neutral('depth-1')} my-box"
    assert first.get("class") == second.get("class").rsplit(" ", 1)[0]  # repeated items share their classes
    assert first.get("id") == neutral("comment-12") and first.get("itemprop") == "comment"


def test_table_rewrites_the_section_too_and_all_the_attributes_the_table_reads():
    section = _rewritten("table")[0]
    assert section.get("id") == neutral("comments") and section.get("class") == neutral("comments-area")
    assert section.find(".//li").get("data-comment-id") == "12"
    root = _rewritten("all")
    first, second = root.iter("li")
    assert "itemprop" not in first.attrib and "data-comment-id" not in first.attrib
    assert second.get("class").split()[-1] == neutral("discussion-item")
    assert [e.text for e in root.iter("cite", "time", "p")] == [
        "Anna",
        "3 May 2020",
        "Thanks for the post.",
        "Ben",
        "4 May 2020",
        "Agreed.",
    ]


# A WordPress single post as Twenty Twenty-One marks it (wp-content/themes/twentytwentyone/template-parts/
# content/content-single.php, GPL-2.0-or-later), with a Jetpack share box and related posts after it.
ARTICLE = (
    "<html><body class='single post-template-default'>"
    '<article id="post-7" class="post-7 post type-post entry"><div class=entry-content>'
    "<p class='has-text-align-left'>Body text caf\xe9.</p>"
    "<div class='sharedaddy sd-sharing-enabled'><h3 class=sd-title>Share this:</h3></div>"
    "<div id='jp-relatedposts' class='jp-relatedposts'><h3>Related</h3></div></div>"
    "<div data-id='sidebar' class = 'widget-area'><p>Aside</p></div>"
    "<ol class='comment-list'><li id='comment-3' class='comment'>Nice.</li></ol></article></body></html>"
)


def test_the_text_levels_name_the_text_tables_words_but_the_thread_stays_for_text():
    for word in ("entry-content", "entry", "sharedaddy", "jp-relatedposts", "widget-area", "post-share"):
        assert is_text_named(word, "text") and is_text_named(word, "text+comments"), word
    for word in ("comment-list", "comment", "comment-3"):  # the comment table's: only with comments
        assert not is_text_named(word, "text") and is_text_named(word, "text+comments"), word
    for word in ("post-7", "alignleft", "shared", "node-promoted", "single"):
        assert not is_text_named(word, "text+comments"), word


def test_only_class_and_id_values_change_in_the_bytes():
    data = ARTICLE.encode("latin-1")
    rewritten, changed = neutralise_bytes(data, "text")
    expected = ARTICLE
    for old, new in (
        ('type-post entry"', f'type-post {neutral("entry")}"'),
        ("class=entry-content>", f"class={neutral('entry-content')}>"),
        ("'sharedaddy sd-sharing-enabled'", f"'{neutral('sharedaddy')} {neutral('sd-sharing-enabled')}'"),
        ("'jp-relatedposts' class='jp-relatedposts'", "'{0}' class='{0}'".format(neutral("jp-relatedposts"))),
        ("class = 'widget-area'", f"class = '{neutral('widget-area')}'"),
    ):
        assert old in expected
        expected = expected.replace(old, new)
    assert changed == 7 and rewritten.decode("latin-1") == expected  # data-id, text and the thread stay
    everything, more = neutralise_bytes(data, "text+comments")
    assert more == changed + 4  # the thread, and "has-text-align-left" (its "-text")
    assert f"class='{neutral('comment-list')}'" in everything.decode("latin-1")


def test_class_words_outside_start_tags_stay_in_the_bytes():
    page = (
        "<p class=sidebar>Set class=sidebar on it.</p><script>var id = 'sidebar';</script>"
        "<!-- <div class=sidebar> --><style>.x{}</style><img alt='id=sidebar' src=x.png>"
    )
    rewritten, changed = neutralise_bytes(page.encode("latin-1"), "text")
    assert changed == 1
    assert rewritten.decode("latin-1") == page.replace("<p class=sidebar>", f"<p class={neutral('sidebar')}>")


def test_open_scripts_and_tags_take_linear_time():
    for page in (b"<script>" * 80_000, b"<a" * 80_000, b"<!--" * 80_000, b"<style>" * 80_000):
        with time_limit(60):  # a hang guard: quadratic on 80,000 open starts takes minutes
            assert neutralise_bytes(page, "text") == (page, 0)
