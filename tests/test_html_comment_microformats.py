"""Replies and mentions as IndieWeb sites print them: webmention lists and microformats2 comments, one
synthetic fixture each, written from the templates' markup (element names, classes, ids, the order of
their parts and their fixed words); the names and texts are made up. Sources (as published):

- jekyll-webmention_io, templates/webmentions.html (``li#webmention-N.webmentions__item--<type>`` holding
  ``article.h-cite``, ``webmention__author p-author h-card``'s ``b.p-name``, ``webmention__content
  p-content``, ``webmention__meta``'s ``time.dt-published`` and a "Permalink"), templates/replies.html (the
  reply's text bare in the ``li``, the name and date after it in ``webmention__meta``: "<name> on <date>")
  and templates/posts.html (a mention of the post: the linking page's title and its date), templates/
  likes.html (faces only); MIT (aarongustafson/jekyll-webmention_io).
- The webmention list most Eleventy, Hugo and Gatsby sites copy from Max Böck's eleventy-webmentions
  starter (``li.webmentions__item`` > ``article.webmention.h-cite`` > ``webmention__meta`` with
  ``a.webmention__author.p-author.h-card`` and ``strong.p-name``, ``time.webmention__pubdate.dt-published``,
  then ``webmention__content p-content``), as found in several sites' published templates (Hugo
  ``range $json.children``, Gatsby JSX); MIT.
- Microformats2 comments (microformats.org/wiki/h-entry, ``comment`` property; CC0): replies as
  ``article.p-comment.h-entry`` inside the post's ``h-entry``, a reply's reply inside its parent, with
  ``p-author h-card``, ``dt-published`` and ``e-content``; and ``li.u-comment.h-cite`` in a list.
"""

from __future__ import annotations

from comment_threads import (
    AL_BEA,
    AL_BEA_REPLY_CY,
    D1,
    D2,
    D3,
    al_bea_reply_cy,
    assert_thread,
    template_thread_of,
    tree,
)


def jekyll_item(number: int, kind: str, name: str, day: int, content: str) -> str:
    """A webmention as jekyll-webmention_io's webmentions.html prints it."""
    site = f"https://{name.lower()}.example"
    return (
        f'<li id="webmention-{number}" class="webmentions__item webmentions__item--{kind}">'
        '<article class="h-cite webmention webmention--content-only">'
        f'<div class="webmention__author p-author h-card"><a class="u-url" href="{site}/">'
        f'<img class="webmention__author__photo u-photo" src="p.jpg" alt="" title="{name}">'
        f'<b class="p-name">{name}</b></a></div><div class="webmention__content p-content">{content}</div>'
        f'<div class="webmention__meta"><time class="webmention__pubdate dt-published" '
        f'datetime="2020-04-{day}T10:15:00+00:00">{day} April 2020</time> | '
        f'<a class="webmention__source u-url" href="{site}/p/{number}">Permalink</a></div></article></li>'
    )


def test_jekyll_webmentions_replies_and_a_mention_of_the_post():
    markup = (
        '<div class="webmentions"><ol class="webmentions__list">'
        + jekyll_item(11, "reply", "Al", 20, "<p>Al writes.</p>")
        + jekyll_item(12, "post", "Bea", 21, "A post that links here")
        + jekyll_item(13, "reply", "Cy", 22, "<p>Cy writes.</p>")
        + jekyll_item(14, "like", "Dee", 22, "")
        + "</ol></div>"
    )
    thread = assert_thread(
        markup,
        [
            ("comment", "Al", D1, "Al writes.", []),
            ("pingback", None, D2, "A post that links here", []),
            ("comment", "Cy", D3, "Cy writes.", []),
        ],
    )
    assert thread.comments[1].url == "https://bea.example/p/12"


def test_jekyll_webmention_posts_that_mention_the_page():
    def post(number: int, site: str, day: int, title: str) -> str:
        return (
            f'<li id="webmention-{number}" class="webmentions__item webmentions__item--post">'
            f'<a class="webmention__title webmention__source u-url" href="https://{site}/p/{number}">{title}</a>'
            f'<div class="webmention__meta"><time class="webmention__pubdate dt-published" '
            f'datetime="2020-04-{day}T10:15:00+00:00">{day} April 2020</time></div></li>'
        )

    markup = (
        '<div class="webmentions webmentions--posts"><ol class="webmentions__list">'
        + post(11, "al.example", 20, "A reply on Al's blog")
        + post(12, "bea.example", 21, "Bea's notes")
        + "</ol></div>"
    )
    thread = template_thread_of(markup)
    assert [(c.kind, c.title, c.date, c.url) for c in thread.comments] == [
        ("pingback", "A reply on Al's blog", D1, "https://al.example/p/11"),
        ("pingback", "Bea's notes", D2, "https://bea.example/p/12"),
    ]


def jekyll_reply(number: int, name: str, day: int, text: str) -> str:
    """A reply as jekyll-webmention_io's replies.html prints it: the text, then "<name> on <date>"."""
    site = f"https://{name.lower()}.example"
    return (
        f'<li id="webmention-{number}" class="webmentions__item webmentions__item--replies">{text}'
        f'<div class="webmention__meta"><a class="u-url" href="{site}/">'
        f'<img class="webmention__author__photo u-photo" src="p.jpg" alt="" title="{name}">'
        f'<b class="p-name">{name}</b></a> on <a class="webmention__source u-url" href="{site}/r/{number}">'
        f'<time class="webmention__pubdate dt-published" datetime="2020-04-{day}T10:15:00+00:00">'
        f"{day} April 2020</time></a></div></li>"
    )


def test_jekyll_webmention_replies_with_the_text_bare_in_the_item():
    markup = (
        '<div class="webmentions webmentions--replies"><ol class="webmentions__list">'
        + jekyll_reply(11, "Al", 20, "Al writes.")
        + jekyll_reply(12, "Bea", 21, "Bea.")
        + "</ol></div>"
    )
    assert_thread(markup, AL_BEA)


def starter_item(name: str, day: int, text: str) -> str:
    """A reply as the eleventy-webmentions starter's list (and the Hugo and Gatsby copies) prints it."""
    return (
        '<li class="webmentions__item"><article class="webmention h-cite"><div class="webmention__meta">'
        f'<a class="webmention__author p-author h-card u-url" href="https://{name.lower()}.example/n/1">'
        f'<img class="webmention__author__photo u-photo" src="p.jpg" alt="{name}">'
        f'<strong class="p-name">{name}</strong></a>&nbsp;<span class="legal">'
        f'<time class="webmention__pubdate dt-published" datetime="2020-04-{day}T10:15:00Z">Apr {day}, 2020'
        f'</time></span></div><div class="webmention__content p-content"><p>{text}</p></div></article></li>'
    )


def test_webmention_replies_as_static_site_starters_print_them():
    markup = (
        '<div class="webmentions" id="webmentions"><h2>Webmentions</h2><details open>'
        '<summary class="h4">Replies</summary><ol class="webmentions__list">'
        + starter_item("Al", 20, "Al writes.")
        + starter_item("Bea", 21, "Bea.")
        + "</ol></details></div>"
    )
    assert_thread(markup, AL_BEA)


def h_entry(name: str, day: int, text: str, replies: str = "") -> str:
    """A reply as a microformats2 ``p-comment h-entry``, its own replies inside it."""
    site = f"https://{name.lower()}.example"
    return (
        '<article class="p-comment h-entry"><div class="p-author h-card">'
        f'<img class="u-photo" src="a.jpg" alt=""><a class="p-name u-url" href="{site}/">{name}</a></div>'
        f'<a class="u-url" href="{site}/2020/04/{day}/reply"><time class="dt-published" '
        f'datetime="2020-04-{day}T10:15:00Z">April {day}, 2020</time></a>'
        f'<div class="e-content p-name"><p>{text}</p></div>{replies}</article>'
    )


def test_microformats_comments_nested_in_the_post_entry():
    markup = (
        '<article class="h-entry"><h1 class="p-name">A post</h1><div class="e-content"><p>The article'
        '\'s own text.</p></div><section class="responses">'
        + al_bea_reply_cy(h_entry)
        + "</section></article>"
    )
    assert_thread(markup, AL_BEA_REPLY_CY)


def test_microformats_cited_comments_in_a_list():
    def cite(name: str, day: int, text: str) -> str:
        return (
            f'<li class="u-comment h-cite"><span class="p-author h-card"><a class="u-url p-name" '
            f'href="https://{name.lower()}.example/">{name}</a></span> <a class="u-url" href="https://'
            f'{name.lower()}.example/r"><time class="dt-published" datetime="2020-04-{day}">{day} April 2020'
            f'</time></a><blockquote class="p-content">{text}</blockquote></li>'
        )

    markup = '<ul class="replies">' + cite("Al", 20, "Al writes.") + cite("Bea", 21, "Bea.") + "</ul>"
    assert_thread(markup, AL_BEA)


def test_entries_likes_and_cited_posts_that_are_no_comments():
    """A blog index of ``h-entry`` posts, a list of webmention likes (faces only) and ``h-cite`` quotes
    in the article give no thread."""
    index = "".join(
        f'<article class="h-entry"><h2 class="p-name"><a class="u-url" href="/p{n}/">Post {n}</a></h2>'
        f'<a class="p-author h-card" href="/">Writer</a> <time class="dt-published" '
        f'datetime="2020-04-20">April 20, 2020</time><div class="p-summary">The summary of post {n}.</div>'
        "</article>"
        for n in range(3)
    )
    likes = (
        '<div class="webmentions webmentions--likes"><ol class="webmentions__list">'
        + "".join(
            f'<li id="webmention-{n}" class="webmentions__item webmentions__item--like"><a class="u-url" '
            f'href="https://p{n}.example/"><img class="webmention__author__photo u-photo" src="p.jpg" '
            f'alt="" title="P{n}"></a></li>'
            for n in range(3)
        )
        + "</ol></div>"
    )
    quotes = "".join(
        f'<blockquote class="h-cite"><p class="p-content">A quoted line {n}.</p><cite class="p-author">'
        f"Someone {n}</cite></blockquote>"
        for n in range(3)
    )
    for markup in (index, likes, quotes):
        assert tree(template_thread_of(markup).comments) == [], markup
