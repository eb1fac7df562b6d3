"""What a WordPress export holds, read independently of the reader: every item's fields and comments."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
from lxml import etree

SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)


@dataclass
class GoldComment:
    comment_id: str
    parent: str  # as the file has it: "" or "0" for none
    kind: str  # comment, pingback, trackback
    approved: str
    text: str  # the content's words, pictures as their alternative text

    @property
    def words(self) -> str:
        """The letters of the text alone: where blocks part words is the reader's business."""
        return "".join(self.text.split())


@dataclass
class GoldPost:
    post_id: str
    title: str
    kind: str
    status: str
    password: bool
    fields: dict[str, str]  # every leaf element of the item by local name, text stripped
    comments: list[GoldComment] = field(default_factory=list)

    @property
    def published(self) -> bool:
        return self.kind in ("post", "") and self.status == "publish" and not self.password


def read_gold(path: Path) -> list[GoldPost]:
    """Every item of the export with its comments, from a whole-file parse by element names alone."""
    posts = []
    for item in etree.parse(str(path), SAFE).getroot().iter("{*}item"):
        fields = {_local(child.tag): "".join(child.itertext()).strip() for child in item if len(child) == 0}
        comments = [
            GoldComment(
                comment_id=_child(comment, "comment_id"),
                parent=_child(comment, "comment_parent"),
                kind=_child(comment, "comment_type") or "comment",
                approved=_child(comment, "comment_approved"),
                text=plain_words(_child(comment, "comment_content")),
            )
            for comment in item
            if _local(comment.tag) == "comment"
        ]
        posts.append(
            GoldPost(
                post_id=fields.get("post_id", ""),
                title=fields.get("title", ""),
                kind=fields.get("post_type", ""),
                status=fields.get("status", ""),
                password=bool(fields.get("post_password")),
                fields=fields,
                comments=comments,
            )
        )
    return posts


def plain_words(markup: str) -> str:
    """The words of an HTML fragment, pictures as their alternative text, whitespace collapsed."""
    if not markup.strip():
        return ""
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    for image in root.iter("img"):
        image.tail = f" {image.get('alt') or ''} {image.tail or ''}"
    return " ".join(root.text_content().split())


def snippet(text: str, length: int = 40) -> str:
    """The first words of ``text``, at most ``length`` characters, cut at a word; no shortcode brackets."""
    text = re.sub(r"\[[^\]]*\]", " ", text)
    words = " ".join(text.split())
    if len(words) <= length:
        return words
    return words[:length].rsplit(" ", 1)[0]


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _child(element: etree._Element, name: str) -> str:
    for child in element:
        if _local(child.tag) == name:
            return "".join(child.itertext()).strip()
    return ""
