"""Real-looking pages scaled up: a WordPress post with thousands of comments, an article of thousands of
paragraphs, a forum thread of many posts, a sidebar of 20,000 links; for the reader's time on huge pages.

Each keeps the markup shape of its kind (WordPress 6's comment list, a phpBB-like post list, a blog's
header, menu and widgets) and the seed article's text, so that every reader takes its ordinary paths.
"""

from __future__ import annotations

from inputs import BODY_TEXT, TITLE, Case

PARAGRAPHS = [paragraph.strip() for paragraph in BODY_TEXT.split("\n\n") if paragraph.strip()]
MENU = "".join(f'<li class="menu-item"><a href="/topics/topic-{n}/">Topic {n}</a></li>' for n in range(30))


def article_paragraphs(count: int) -> str:
    """``count`` paragraphs of the seed's text, numbered so that no two are alike, a heading every 20th."""
    return "".join(
        (f"<h2>Part {n // 20 + 1}</h2>" if n % 20 == 0 and n else "")
        + f"<p>{PARAGRAPHS[n % len(PARAGRAPHS)]} <em>({n + 1})</em> "
        f'<a href="/notes/note-{n}/">note {n + 1}</a></p>'
        for n in range(count)
    )


def wordpress_comments(count: int) -> str:
    """A WordPress thread of ``count`` comments, every fourth one with a reply nested under it."""
    items = []
    for n in range(count):
        reply = n % 4 == 3
        item = (
            f'<li id="comment-{n}" class="comment {"odd" if n % 2 else "even"} depth-{2 if reply else 1}">'
            f'<article id="div-comment-{n}" class="comment-body"><footer class="comment-meta">'
            f'<div class="comment-author vcard"><img alt="" src="/avatar/{n}.png" class="avatar avatar-32"'
            f' height="32" width="32"><b class="fn"><a href="https://reader{n}.example/" rel="external'
            f' nofollow ugc" class="url">Reader {n}</a></b> <span class="says">says:</span></div>'
            f'<div class="comment-metadata"><a href="/2016/03/28/post/#comment-{n}"><time'
            f' datetime="2016-03-{n % 28 + 1:02}T10:{n % 60:02}:00+00:00">March {n % 28 + 1}, 2016 at'
            f" 10:{n % 60:02} am</time></a></div></footer>"
            f'<div class="comment-content"><p>Comment {n}: {PARAGRAPHS[n % len(PARAGRAPHS)][:160]}</p>'
            f"<p>And a second thought, number {n}.</p></div>"
            f'<div class="reply"><a rel="nofollow" class="comment-reply-link" href="?replytocom={n}#respond"'
            f' aria-label="Reply to Reader {n}">Reply</a></div></article>'
        )
        # the third of each four left open for the fourth, its reply
        items.append(
            f'<ol class="children">{item}</li></ol></li>' if reply else item + ("" if n % 4 == 2 else "</li>")
        )
    return (
        f'<div id="comments" class="comments-area"><h2 class="comments-title">{count} thoughts on'
        f" “{TITLE}”</h2>"
        f'<ol class="comment-list">{"".join(items)}</ol>'
        '<div id="respond" class="comment-respond"><h3 id="reply-title">Leave a Reply</h3>'
        '<form action="/wp-comments-post.php" method="post" id="commentform"><textarea name="comment">'
        "</textarea></form></div></div>"
    )


def forum_posts(count: int) -> str:
    """A phpBB-like thread of ``count`` posts: author, date, the post's text and a signature each."""
    return "".join(
        f'<div id="p{n}" class="post has-profile bg{n % 2 + 1}"><div class="inner">'
        f'<dl class="postprofile"><dt><a href="/memberlist.php?u={n}" class="username">member{n % 97}</a>'
        f"</dt><dd><strong>Posts:</strong> {n * 7 % 1000}</dd></dl>"
        f'<div class="postbody"><h3><a href="#p{n}">Re: {TITLE}</a></h3>'
        f'<p class="author"><a href="/post{n}">by</a> <strong>member{n % 97}</strong> » Mon Mar 28,'
        f" 2016 {n % 24}:00 am</p>"
        f'<div class="content">Post {n}: {PARAGRAPHS[n % len(PARAGRAPHS)][:300]}</div>'
        f'<div class="signature">Member {n % 97}\'s signature</div></div></div></div>'
        for n in range(count)
    )


def sidebar_links(count: int) -> str:
    """A sidebar widget of ``count`` archive links."""
    links = "".join(
        f'<li><a href="/archive/post-{n}/">Post number {n} of the archive</a></li>' for n in range(count)
    )
    widget = f'<section class="widget"><h2>Archives</h2><ul>{links}</ul></section>'
    return f'<aside id="secondary" class="widget-area">{widget}</aside>'


def blog_page(body: str, after: str = "", sidebar: str = "") -> bytes:
    """A blog's page: header, menu, the article with ``body``, ``after`` it, a sidebar, a footer."""
    page = f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8"><title>{TITLE} – A Site</title>
<meta property="og:title" content="{TITLE}"><meta property="og:site_name" content="A Site"></head>
<body class="post-template-default single single-post"><div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">A Site</a></p>
<nav id="site-navigation" class="main-navigation"><ul class="menu">{MENU}</ul></nav></header>
<div id="content" class="site-content"><main id="main" class="site-main">
<article id="post-1" class="post-1 post type-post status-publish hentry"><header class="entry-header">
<h1 class="entry-title">{TITLE}</h1><div class="entry-meta"><span class="byline">by
<span class="author vcard"><a class="url fn n" href="/author/gareth-porter/">Gareth Porter</a></span></span>
<span class="posted-on">
<time class="entry-date published" datetime="2016-03-28T09:00:00+00:00">March 28, 2016</time></span></div>
</header><div class="entry-content">{body}</div></article>{after}</main>{sidebar}</div>
<footer id="colophon" class="site-footer"><p>© 2016 A Site</p></footer></div></body></html>"""
    return page.encode("utf-8")


def big_page_cases(scale: float = 1.0) -> list[Case]:
    """The scaled pages, each at several sizes (times ``scale``)."""
    article = article_paragraphs(12)
    cases = [
        *(
            (f"wordpress post, {n:,} comments", blog_page(article, wordpress_comments(int(n * scale))))
            for n in (500, 2_000, 5_000, 10_000)
        ),
        *(
            (f"article of {n:,} paragraphs", blog_page(article_paragraphs(int(n * scale))))
            for n in (2_000, 10_000, 50_000)
        ),
        *(
            (f"forum thread, {n:,} posts", blog_page(forum_posts(int(n * scale))))
            for n in (500, 2_000, 10_000)
        ),
        ("sidebar of 20,000 links", blog_page(article, sidebar=sidebar_links(int(20_000 * scale)))),
    ]
    return [Case(name, data, ".html") for name, data in cases]
