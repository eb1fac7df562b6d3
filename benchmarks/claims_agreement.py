"""How far two labellings of the same sentences agree: the ceiling a detector can be measured to.

Run: python benchmarks/claims_agreement.py [FIRST SECOND] [--texts fresh|news|claims-texts] [--disagreements]

FIRST (default benchmarks/data/claims_fresh_en.tsv) is the reference, SECOND (default
benchmarks/data/claims_fresh_second.tsv) is scored against it, over the documents both cover: whether a
sentence is a claim at level default, and at any level (precision and recall of SECOND against FIRST, F1,
Cohen's kappa); on the sentences both mark, whether the kind and the level agree. Each file's rows are
placed on the sentences of the rebuilt text (by index, else by the sentence's hash, as claims_eval.py
does); without the texts it prints one line and exits 0.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from claims_eval import (
    FRESH_LABELS,
    LABELS,
    NEWS_LABELS,
    ROOT,
    fresh_texts,
    hashes,
    load_text_rows,
    news_texts,
    prf,
    sentence_index,
    sentences_of,
    texts_dir,
)
from corpus_pages import shared_folder

SECOND_LABELS = ROOT / "benchmarks" / "data" / "claims_fresh_second.tsv"

# A sentence's label: (kind or "-", level "default", "all" or "-").
Label = tuple[str, str]
Pair = tuple[Label, Label]

# The two questions "is this sentence a claim?": marked by the book by default, or at any level.
VIEWS: dict[str, Callable[[Label], bool]] = {
    "default": lambda label: label[0] != "-" and label[1] == "default",
    "any": lambda label: label[0] != "-",
}


@dataclass(frozen=True)
class Binary:
    """Agreement on claim or not: how many each side marks, both mark, and the scores."""

    sentences: int
    first: int
    second: int
    both: int
    precision: float
    recall: float
    f1: float
    kappa: float


@dataclass(frozen=True)
class Categorical:
    """Agreement on a category (kind or level) over the sentences both sides mark as claims."""

    both: int
    same: int
    kappa: float


@dataclass(frozen=True)
class Agreement:
    """Every figure of two labellings of the same sentences."""

    views: dict[str, Binary]
    kind: Categorical
    level: Categorical
    kind_f1: float  # F1 at any level when a sentence counts as agreed only with the same kind


def kappa(pairs: Sequence[tuple[str, str]]) -> float:
    """Cohen's kappa of two raters' categories; 1.0 when both always give the one same category."""
    if not pairs:
        return 1.0
    total = len(pairs)
    observed = sum(a == b for a, b in pairs) / total
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[c] * second[c] for c in first) / total**2
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def binary(pairs: Sequence[Pair], marks: Callable[[Label], bool]) -> Binary:
    """Agreement of the second labelling with the first on ``marks`` (claim or not)."""
    flags = [(marks(a), marks(b)) for a, b in pairs]
    both = sum(a and b for a, b in flags)
    first, second = sum(a for a, _ in flags), sum(b for _, b in flags)
    precision, recall, f1 = prf(both, second - both, first - both)
    as_text = [(str(a), str(b)) for a, b in flags]
    return Binary(len(pairs), first, second, both, precision, recall, f1, kappa(as_text))


def categorical(pairs: Sequence[Pair], part: int) -> Categorical:
    """Agreement on the label's ``part`` (0: kind, 1: level) where both mark a claim."""
    marked = [(a[part], b[part]) for a, b in pairs if a[0] != "-" and b[0] != "-"]
    return Categorical(len(marked), sum(a == b for a, b in marked), kappa(marked))


def agreement(pairs: Sequence[Pair]) -> Agreement:
    """All the agreement figures of (first, second) labels of the same sentences."""
    same_kind = sum(a[0] != "-" and a[0] == b[0] for a, b in pairs)
    first = sum(a[0] != "-" for a, _ in pairs)
    second = sum(b[0] != "-" for _, b in pairs)
    return Agreement(
        {name: binary(pairs, marks) for name, marks in VIEWS.items()},
        categorical(pairs, 0),
        categorical(pairs, 1),
        prf(same_kind, second - same_kind, first - same_kind)[2],
    )


@dataclass(frozen=True)
class Sentence:
    """A sentence both files label: where it is, its words, and each file's label and cue."""

    document: str
    index: int
    words: str
    first: Label
    second: Label
    cues: tuple[str, str]


def placed(labels: Path, document: str, spans: list[tuple[int, int, str]]) -> dict[int, tuple[Label, str]]:
    """The rows of ``document`` in ``labels`` by sentence index of the text: (label, cue)."""
    by_hash = hashes(spans)
    found = {}
    for name, index, digest, label, level, cue in load_text_rows(labels):
        if name == document:
            place = sentence_index(spans, by_hash, index, digest, f"{labels}: {document}")
            found[place] = ((label, level), cue)
    return found


def aligned(first: Path, second: Path, texts: Callable[[str], str]) -> tuple[list[Sentence], int]:
    """The sentences both files label, in the documents both cover, and how many only one labels."""
    common = {row[0] for row in load_text_rows(first)} & {row[0] for row in load_text_rows(second)}
    sentences, lone = [], 0
    for document in sorted(common):
        spans = sentences_of(texts(document))
        a, b = placed(first, document, spans), placed(second, document, spans)
        lone += len(a.keys() ^ b.keys())
        for index in sorted(a.keys() & b.keys()):
            (label_a, cue_a), (label_b, cue_b) = a[index], b[index]
            sentences.append(Sentence(document, index, spans[index][2], label_a, label_b, (cue_a, cue_b)))
    return sentences, lone


def claims_texts(_: Path) -> dict[str, str]:
    """The claims-texts articles by document name, or {} if absent."""
    directory = texts_dir(None)
    if not directory.is_dir():
        return {}
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(directory.glob("*.txt"))}


# Where each labelled set's texts come from (each gives {} when the shared material is absent).
TEXTS: dict[str, Callable[[Path], dict[str, str]]] = {
    "fresh": fresh_texts,
    "news": news_texts,
    "claims-texts": claims_texts,
}
# The two labellings compared by default for each source of texts: the fresh articles' second labelling,
# and the 81 claims-texts articles that the news labels label again (on the sentences both split alike).
DEFAULT_FILES = {
    "fresh": (FRESH_LABELS, SECOND_LABELS),
    "news": (LABELS, NEWS_LABELS),
    "claims-texts": (LABELS, NEWS_LABELS),
}


def report(result: Agreement, documents: int) -> None:
    """Print the figures of ``result``."""
    views = result.views
    print(f"{documents} documents, {views['any'].sentences} sentences both label (second against first)")
    print(f"  {'claim at':8} {'first':>5} {'second':>6} {'both':>5} {'P':>5} {'R':>5} {'F1':>5} {'kappa':>5}")
    for name, figures in views.items():
        scores = " ".join(f"{value:5.2f}" for value in (figures.precision, figures.recall, figures.f1))
        print(
            f"  {name:8} {figures.first:5} {figures.second:6} {figures.both:5} {scores} {figures.kappa:5.2f}"
        )
    for name, part in (("kind", result.kind), ("level", result.level)):
        share = part.same / part.both if part.both else 1.0
        print(
            f"  same {name} where both mark a claim: {part.same} of {part.both} ({share:.0%}),"
            f" kappa {part.kappa:.2f}"
        )
    print(f"  F1 at any level counting a sentence only with the same kind: {result.kind_f1:.2f}")


def disagreements(sentences: list[Sentence]) -> None:
    """Print each sentence whose label or level differs: first's, then second's, then the words."""
    print("\ndisagreements (first -> second):")
    for s in sentences:
        if s.first != s.second:
            a, b = (
                f"{k}/{lv}" + (f" [{cue}]" if cue != "-" else "")
                for (k, lv), cue in zip((s.first, s.second), s.cues, strict=True)
            )
            print(f"  {s.document}#{s.index}\t{a} -> {b}\t{s.words[:200]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="FIRST SECOND label files")
    parser.add_argument("--texts", choices=sorted(TEXTS), default="fresh", help="where the texts come from")
    parser.add_argument("--disagreements", action="store_true", help="list the sentences labelled apart")
    args = parser.parse_args()
    if len(args.files) not in (0, 2):
        parser.error("give both label files or neither")
    first, second = args.files or DEFAULT_FILES[args.texts]
    texts = TEXTS[args.texts](shared_folder())
    if not texts:
        print(f"the {args.texts} texts are not in the shared folder ({shared_folder()}): nothing compared")
        sys.exit(0)
    sentences, lone = aligned(first, second, texts.__getitem__)
    if not sentences:
        raise SystemExit(f"{first.name} and {second.name} label no document in common")
    print(f"first: {first.name}, second: {second.name}")
    report(agreement([(s.first, s.second) for s in sentences]), len({s.document for s in sentences}))
    if lone:
        print(f"  {lone} sentences of these documents are labelled in only one file (not compared)")
    if args.disagreements:
        disagreements(sentences)


if __name__ == "__main__":
    main()
