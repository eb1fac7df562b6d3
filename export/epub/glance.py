"""The "Claims at a glance" appendix: every marked claim in reading order, linked to its place and back."""

from __future__ import annotations

from export.epub.document import Document
from export.epub.labels import Labels, labels_for
from export.epub.xhtml import Streamed, add, new_document
from export.model import CLAIM_KINDS, Article
from export.whitespace import collapse_whitespace

QUOTE_LIMIT = 90


def short_quote(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` on one line, cut at a word before ``limit`` characters with an ellipsis."""
    words = collapse_whitespace(text)
    if len(words) <= limit:
        return words
    cut = words[:limit].rsplit(" ", 1)[0].rstrip(",;:–—-")
    return cut + "…"


def _summary(counts: dict[str, int], labels: Labels) -> str:
    marked = labels.count(sum(counts.values()), "speculative")
    kinds = [f"{labels.number(count)} {labels(f'kind.{kind}')}" for kind, count in counts.items() if count]
    parts = ", ".join(kinds)
    return labels("glance.summary", marked=marked, parts=parts)


def glance_appendix(
    article: Article, file_name: str, stylesheet: str, title: str, marked: list[Document]
) -> Document:
    """The appendix listing the claims of the ``marked`` documents, one list per document."""
    labels = labels_for(article.language)
    html, body = new_document(title, article.language, stylesheet, body_type="backmatter")
    appendix = add(body, "section", epub_type="appendix", role="doc-appendix", aria_labelledby="glance")
    add(appendix, "h1", title, id="glance")
    counts: dict[str, int] = dict.fromkeys(CLAIM_KINDS, 0)
    for document in marked:
        for claim in document.claims:
            counts[claim.kind] += 1
    add(appendix, "p", _summary(counts, labels), class_="glance-summary")
    stream = Streamed()  # a huge page's thousands of entries are serialized as they are written
    for document in marked:
        if not document.claims:
            continue
        add(appendix, "h2", document.title)
        listing = add(appendix, "ol", class_="glance")
        for claim in document.claims:
            entry = add(listing, "li", id=f"glance-{claim.key}", class_="glance-entry")
            add(entry, "span", labels(f"kind.{claim.kind}"), class_="glance-kind", data_claim=claim.kind)
            entry[-1].tail = " "
            add(entry, "a", f"“{short_quote(claim.text)}”", href=f"{document.file_name}#claim-{claim.key}")
            stream.flush(listing)
    return Document(file_name, title, stream.serialize(html))
