"""benchmarks/html_with_losses.py names the step that loses a snippet, on a synthetic page."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from html_with_losses import Texts, classify, page_texts

ARTICLE = "The council met on Monday and agreed to rebuild the old bridge over the river. " * 3
PAGE = f"""<html lang="en"><head><title>Bridge to be rebuilt</title>
<script>var teaser = "Words that only a script draws onto the page";</script></head>
<body><article><h1>Bridge to be rebuilt</h1><div class="entry-content"><p>{ARTICLE}</p>
<p>The work starts in spring and ends before the floods of the autumn come.</p></div></article>
<div id="comments"><h2>Comments</h2><ol class="commentlist">
<li class="comment"><div class="comment-author vcard"><cite class="fn">Ann</cite></div>
<div class="comment-content"><p>About time the bridge got some attention from them.</p></div></li>
<li class="comment"><div class="comment-author vcard"><cite class="fn">Bob</cite></div>
<div class="comment-content"><p>I cross it every day and it shakes in the wind.</p></div></li>
</ol></div></body></html>"""


def _texts(**changes: str | bool) -> Texts:
    texts = Texts("book text", "book text page only", "book text page", "a comment", "Title", "", "", "")
    for name, value in changes.items():
        setattr(texts, name, value)
    return texts


def test_each_step_is_named_in_order():
    assert classify("book  text", _texts()) is None
    assert classify("elsewhere", _texts()) == "not in the page's text"
    assert classify("only", _texts()) == "only in scripts or styles"
    page = "page a comment Title other words"
    assert (
        classify("a comment", _texts(page=page, cleaned=page)) == "taken out with comments or related posts"
    )
    assert classify("Title", _texts(page=page, cleaned=page)) == "the title"
    other = _texts(page=page, cleaned=page, own="other words")
    assert classify("other words", other) == "chosen against: the other reading holds it"
    other.chose_own, other.theirs, other.trafilatura = True, "", "other words"
    assert classify("other words", other) == "neither reading holds it; trafilatura alone has it"
    other.trafilatura = ""
    assert classify("other words", other) == "neither reading holds it"


def test_a_saved_page_gives_each_text(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    texts = page_texts(path)
    assert classify("agreed to rebuild the old bridge", texts) is None
    assert classify("Words that only a script draws", texts) == "only in scripts or styles"
    assert classify("it shakes in the wind", texts) == "taken out with comments or related posts"
    assert classify("Bridge to be rebuilt", texts) == "the title"
    assert classify("a sentence the page never had", texts) == "not in the page's text"
