"""What a WordPress export holds, read independently of the reader: posts and their comments."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree, html

SAFE = {"resolve_entities": False, "no_network": True, "load_dtd": False, "recover": True, "huge_tree": True}


@dataclass
class GoldComment:
    comment_id: str
    parent: str
    kind: str  # comment, pingback, trackback
    approved: str
    text: str  # the content as plain words


@dataclass
class GoldPost:
    post_id: str
    title: str
    kind: str
    status: str
    password: bool
    comments: list[GoldComment] = field(default_factory=list)

    @property
    def published(self) -> bool:
        return self.kind in ("post", "") and self.status == "publish" and not self.password


def read_gold(path: Path) -> list[GoldPost]:
    """Every item of the export with its comments, by element names alone (any namespace)."""
    root = etree.parse(str(path), etree.XMLParser(**SAFE)).getroot()
    posts = []
    for item in root.iter("{*}item"):
        comments = [
            GoldComment(
                comment_id=_field(comment, "comment_id"),
                parent=_field(comment, "comment_parent") or "0",
                kind=_field(comment, "comment_type") or "comment",
                approved=_field(comment, "comment_approved"),
                text=plain_words(_field(comment, "comment_content")),
            )
            for comment in item.iterfind("{*}comment")
        ]
        posts.append(
            GoldPost(
                post_id=_field(item, "post_id"),
                title=_field(item, "title"),
                kind=_field(item, "post_type"),
                status=_field(item, "status"),
                password=bool(_field(item, "post_password")),
                comments=comments,
            )
        )
    return posts


def plain_words(markup: str) -> str:
    """The words of an HTML fragment, whitespace collapsed."""
    if markup.strip():
        markup = html.fragment_fromstring(markup, create_parent="div").text_content()
    return " ".join(markup.split())


def _field(element: etree._Element, name: str) -> str:
    found = element.find(f"{{*}}{name}")
    return (found.text or "").strip() if found is not None else ""


def snippet(text: str, length: int = 40) -> str:
    """The first words of ``text``, at most ``length`` characters, cut at a word; no shortcode brackets."""
    text = re.sub(r"\[[^\]]*\]", " ", text)
    words = " ".join(text.split())
    if len(words) <= length:
        return words
    return words[:length].rsplit(" ", 1)[0]
