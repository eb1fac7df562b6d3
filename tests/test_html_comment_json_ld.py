"""Comments stated in a page's JSON-LD (schema.org ``Comment`` in its article's ``comment``, replies in
each comment's own ``comment``: schema.org's vocabulary, CC-BY-SA-3.0), read where the markup holds no
thread (a script draws it), and never beside a thread the markup holds."""

from __future__ import annotations

import datetime as dt
import json

from comment_threads import D1, D2, D3, tree

from export.readers.html.page import read_html
from export.readers.origin import Origin, PageInput

ARTICLE_TEXT = "<p>" + "The article's own text, which says enough to be one. " * 8 + "</p>"


def person(name: str) -> dict:
    return {"@type": "Person", "name": name}


BEA = {"@type": "Comment", "author": person("Bea"), "dateCreated": "2020-04-21", "text": "Bea."}
STATED: list[dict] = [
    {
        "@type": "Comment",
        "author": person("Al"),
        "dateCreated": "2020-04-20T10:15:00+00:00",
        "text": "Al writes.",
        "comment": [BEA],
    },
    {"@type": "Comment", "author": "Cy", "datePublished": "2020-04-22", "text": "Cy writes."},
    {"@type": "Comment", "author": person("Dee"), "text": ""},  # no text: no comment
]


def page(kind: str, comments: list[dict], thread: str = "") -> PageInput:
    stated = {"@type": kind, "headline": "A post", "comment": comments}
    data = {"@context": "https://schema.org", "@graph": [stated]}
    markup = (
        f'<html lang="en"><head><title>A post</title><script type="application/ld+json">{json.dumps(data)}'
        f"</script></head><body><article><h1>A post</h1>{ARTICLE_TEXT}</article>{thread}</body></html>"
    )
    return PageInput(markup.encode(), Origin("post"))


def test_a_thread_a_script_draws_is_read_from_the_page_json_ld():
    article = read_html(page("BlogPosting", STATED, '<div id="comments"><div id="app-comments"></div></div>'))
    assert tree(article.thread.comments) == [
        ("comment", "Al", D1, "Al writes.", [("comment", "Bea", D2, "Bea.", [])]),
        ("comment", "Cy", D3, "Cy writes.", []),
    ]
    assert article.thread.comments[0].time == dt.time(10, 15)


def test_the_markup_thread_wins_and_forum_posts_and_answers_are_no_comments():
    markup = "".join(
        f'<li id="comment-{n}" class="comment"><div class="comment-author"><b class="fn">{name}</b></div>'
        f'<div class="comment-content"><p>{name} in the markup.</p></div></li>'
        for n, name in ((1, "Eve"), (2, "Fay"))
    )
    article = read_html(page("BlogPosting", STATED, f'<ol class="comment-list">{markup}</ol>'))
    assert [c.author for c in article.thread.all_comments()] == ["Eve", "Fay"]
    for kind in ("DiscussionForumPosting", "QAPage"):
        assert read_html(page(kind, STATED)).thread.comments == []
    answers = [{"@type": "Answer", "author": person("Al"), "text": "An answer."}]
    assert read_html(page("BlogPosting", answers)).thread.comments == []
