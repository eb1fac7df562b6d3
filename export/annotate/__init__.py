"""Annotators: passes that enrich an Article in place; for now, marking its speculative claims."""

from __future__ import annotations

from export.annotate.claims import find_claims
from export.model import Article, Paragraph

__all__ = ["annotate_article", "find_claims"]


def _paragraphs(article: Article, in_comments: bool) -> list[Paragraph]:
    """The paragraphs to annotate: standfirst, body, bio, video descriptions and, if asked, comments."""
    found = [article.standfirst] if article.standfirst else []
    found += article.body_paragraphs() + article.bio
    found += [paragraph for video in article.videos for paragraph in video.description]
    if in_comments:
        found += [paragraph for comment in article.thread.all_comments() for paragraph in comment.paragraphs]
    return found


def annotate_article(article: Article, level: str = "default", in_comments: bool = False) -> Article:
    """Set every annotated paragraph's claims to those found at ``level``; returns the same article."""
    for paragraph in _paragraphs(article, in_comments):
        paragraph.claims = find_claims(paragraph.text, level)
    return article
