"""The corpus's gold files and the scorers of the benchmarks they come from (see corpus/PROVENANCE.md)."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import lxml.html

if TYPE_CHECKING:
    from export.model import Comment

CORPUS = Path(__file__).resolve().parent / "corpus"
HTML_DIR = CORPUS / "html"
GOLD_DIR = CORPUS / "gold"
WORD = re.compile(r"\w+")
SOFT_HYPHEN = "\u00ad"  # invisible: a gold that keeps them ("Werk\u00adzeug") and a text without match
SHINGLE = 4


@dataclass
class Gold:
    """What the gold files say about one page; lists are empty where the page's benchmark says nothing."""

    page: Path
    source: str  # "trafilatura", "readability" or "scrapinghub"
    with_snippets: list[str] = field(default_factory=list)
    without_snippets: list[str] = field(default_factory=list)
    comment_snippets: list[str] = field(default_factory=list)
    body: str | None = None
    title: str | None = None
    byline: str | None = None
    metadata: dict = field(default_factory=dict)


def corpus_pages() -> list[Path]:
    """Every saved page of the corpus, in name order."""
    return sorted(HTML_DIR.glob("*.html"))


def load_gold(page: Path) -> Gold:
    """The gold of ``page``, found by its name as PROVENANCE.md lays the files out."""
    source = page.name.split("__", 1)[0]
    if source == "trafilatura":
        data = json.loads((GOLD_DIR / f"{page.name}.evaldata.json").read_text(encoding="utf-8"))
        return Gold(
            page,
            source,
            with_snippets=data["with"],
            without_snippets=data["without"],
            comment_snippets=data.get("comments", []),
            title=data.get("title"),
            metadata=data,
        )
    if source == "readability":
        stem = page.name.removesuffix(".source.html")
        expected = (GOLD_DIR / f"{stem}.expected.html").read_text(encoding="utf-8")
        metadata = json.loads((GOLD_DIR / f"{stem}.expected-metadata.json").read_text(encoding="utf-8"))
        body = lxml.html.document_fromstring(expected).text_content()
        return Gold(
            page, source, body=body, title=metadata["title"], byline=metadata["byline"], metadata=metadata
        )
    if source == "scrapinghub":
        stem = page.name.removesuffix(".html")
        data = json.loads((GOLD_DIR / f"{stem}.ground-truth.json").read_text(encoding="utf-8"))
        (entry,) = data.values()
        return Gold(page, source, body=entry["articleBody"], metadata=entry)
    raise ValueError(f"no gold for {page.name}")


def normalise(text: str) -> str:
    """Whitespace runs as one space, as trafilatura's evaluation compares text; soft hyphens left out."""
    return " ".join(text.replace(SOFT_HYPHEN, "").split())


def depth(comments: list[Comment]) -> int:
    """The deepest level of a comment thread: 1 for comments without replies, 0 for none."""
    return max((1 + depth(comment.replies) for comment in comments), default=0)


@dataclass
class Counts:
    """True and false positives and negatives, summed over pages."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.tn + other.tn)

    def f1(self) -> float:
        """2tp / (2tp + fp + fn); 1.0 when there is nothing to find and nothing wrong found."""
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 1.0


def snippet_counts(text: str, with_snippets: list[str], without_snippets: list[str]) -> Counts:
    """trafilatura's count: `with` found is tp, missing fn; `without` found is fp, absent tn."""
    text = normalise(text)
    found = [normalise(snippet) in text for snippet in with_snippets]
    leaked = [normalise(snippet) in text for snippet in without_snippets]
    return Counts(tp=sum(found), fn=len(found) - sum(found), fp=sum(leaked), tn=len(leaked) - sum(leaked))


def snippet_recall(text: str, snippets: list[str]) -> float:
    """Share of ``snippets`` found in ``text`` (whitespace-normalised); for the `comments` lists."""
    if not snippets:
        return 1.0
    text = normalise(text)
    return sum(normalise(snippet) in text for snippet in snippets) / len(snippets)


@dataclass
class ShingleScore:
    """scrapinghub's per-document precision and recall over 4-token shingles."""

    precision: float
    recall: float

    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def _shingles(text: str) -> Counter:
    tokens = WORD.findall(text.replace(SOFT_HYPHEN, ""))
    return Counter(
        tuple(tokens[index : index + SHINGLE]) for index in range(max(len(tokens) - SHINGLE + 1, 1))
    )


def shingle_score(predicted: str, expected: str) -> ShingleScore:
    """string_shingle_matching: tp = shared shingles (with counts), fp/fn the excess of each side."""
    truth, guess = _shingles(expected), _shingles(predicted)
    tp = sum((truth & guess).values())
    fp = sum((guess - truth).values())
    fn = sum((truth - guess).values())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return ShingleScore(precision, recall)


def mean_shingle_f1(scores: list[ShingleScore]) -> float:
    """The corpus F1 as scrapinghub reports it: harmonic mean of mean precision and mean recall."""
    if not scores:
        return 0.0
    return ShingleScore(
        sum(score.precision for score in scores) / len(scores),
        sum(score.recall for score in scores) / len(scores),
    ).f1()


BLOCK_TAGS = frozenset(
    {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "td", "th", "pre", "caption"}
)


def chapter_text(article) -> str:
    """The text a reader sees in the article's chapter below its header, one line per block."""
    from lxml import etree

    from export.epub.chapters import article_chapter

    root = etree.fromstring(article_chapter(article, 3, "article.xhtml", "style.css").content)
    (chapter,) = root.xpath("//*[local-name()='section'][@*[local-name()='type']='chapter']")
    for header in chapter.xpath("*[local-name()='header']"):
        chapter.remove(header)
    for element in chapter.iter():
        if isinstance(element.tag, str) and etree.QName(element).localname in BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    return "".join(chapter.itertext())
