"""Annotators: passes that enrich an Article in place; for now, marking its speculative claims."""

from __future__ import annotations

from export.annotate.claims import find_claims
from export.annotate.lexicon import supports_language
from export.model import Article

__all__ = ["annotate_article", "find_claims", "supports_language"]


def annotate_article(article: Article, level: str = "default", in_comments: bool = False) -> Article:
    """Set every annotated paragraph's claims to those found at ``level``; returns the same article."""
    for paragraph in article.paragraphs(with_comments=False):
        paragraph.claims = find_claims(paragraph.text, level)
    if in_comments:
        for comment in article.thread.all_comments():
            for paragraph in comment.paragraphs:
                paragraph.claims = find_claims(paragraph.text, level, where="the comment")
    return article
