"""One item of a WordPress export read as a ``BlogPost``: its article and the comments left out of it."""

from __future__ import annotations

import html
import re

from export.model import Article, Blog, BlogPost, Person, Section
from export.readers.html.inline import safe_link
from export.readers.wxr.comments import read_thread
from export.readers.wxr.content import read_content
from export.readers.wxr.items import WxrItem
from export.whitespace import collapse_whitespace
from export.xmlchars import remove_xml_illegal

UNTITLED = "(untitled)"
# The inline markup WordPress lets a title have; other "tags" (<html> as a word) are kept as text.
INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|bdi|bdo|big|br|cite|code|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strike"
    r"|strong|sub|sup|time|tt|u|var)\b[^<>]*>",
    re.IGNORECASE,
)


def plain_title(raw: str) -> str:
    """A post title's text as WordPress shows it: inline markup dropped, entities read, spaces collapsed."""
    return collapse_whitespace(html.unescape(INLINE_TAG.sub("", remove_xml_illegal(raw))))


def read_post(item: WxrItem, blog: Blog, include_unapproved: bool = False) -> BlogPost:
    """The item as an article of ``blog``; held comments are kept (not approved) only on request."""
    info = item.info
    source = safe_link(item.link)
    source = source if source and source.startswith(("http://", "https://")) else None
    content, images = read_content(item.content, source or blog.url)
    thread, left_out = read_thread(item.comments, include_unapproved)
    author = info.author_name or info.author_login
    article = Article(
        title=plain_title(info.title) or UNTITLED,
        authors=[Person(author)] if author else [],
        site=blog.title,
        published=info.published.date() if info.published else None,
        language=blog.language,
        source=source,
        sections=[Section(content.blocks)] if content.blocks else [],
        footnotes=content.footnotes,
        videos=content.videos,
        images=images.used(),
        thread=thread,
    )
    return BlogPost(info=info, article=article, left_out=dict(left_out))
