"""Precision, recall and F1 of the claim detector on the labelled sentences, and its speed.

Run: python benchmarks/claims_eval.py [--level default] [--data tests/data/claims_en.tsv] [--errors]
Scores each split (dev, heldout) and the seed's article sentences: claim or not overall, and per kind
(a hit needs the right kind). Speed: the seed article's claims warm in-process, and 10,000 sentences.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from export.annotate import annotate_article, find_claims  # noqa: E402
from export.model import CLAIM_KINDS  # noqa: E402
from export.readers import read_article  # noqa: E402

DATA = ROOT / "tests" / "data" / "claims_en.tsv"
SEED = ROOT / "seeds" / "000_4421cee95cb58524.txt"


def load(path: Path) -> list[tuple[str, str, str, str]]:
    """The (split, document, label, sentence) rows of a labelled file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t", 3)) for line in lines if line and not line.startswith("#")]


def predict(sentence: str, level: str) -> str:
    """The kind of the first claim the detector finds in ``sentence``, or "-"."""
    claims = find_claims(sentence, level)
    return claims[0].kind if claims else "-"


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _scores(tp: int, fp: int, fn: int) -> str:
    return " ".join(f"{value:5.2f}" for value in prf(tp, fp, fn))


def report(name: str, pairs: list[tuple[str, str]]) -> None:
    """Print the scores of (label, prediction) pairs: overall claim detection, then per kind."""
    tp = sum(label != "-" and guess != "-" for label, guess in pairs)
    fp = sum(label == "-" and guess != "-" for label, guess in pairs)
    fn = sum(label != "-" and guess == "-" for label, guess in pairs)
    claims = sum(label != "-" for label, _ in pairs)
    print(f"\n{name}: {len(pairs)} sentences, {claims} claims")
    print(f"  {'':12} {'P':>5} {'R':>5} {'F1':>5}  {'tp':>3} {'fp':>3} {'fn':>3}")
    print(f"  {'any claim':12} {_scores(tp, fp, fn)}  {tp:3} {fp:3} {fn:3}")
    for kind in CLAIM_KINDS:
        ktp = sum(label == kind and guess == kind for label, guess in pairs)
        kfp = sum(label != kind and guess == kind for label, guess in pairs)
        kfn = sum(label == kind and guess != kind for label, guess in pairs)
        if ktp + kfp + kfn:
            print(f"  {kind:12} {_scores(ktp, kfp, kfn)}  {ktp:3} {kfp:3} {kfn:3}")


def speed(sentences: list[str], level: str) -> None:
    """Print the seed article's claims time after warm-up and the sentences per second."""
    article = read_article(SEED)
    annotate_article(article, level)
    timings = []
    for _ in range(30):
        started = time.perf_counter()
        annotate_article(article, level)
        timings.append(time.perf_counter() - started)
    print(f"\nseed article, all its paragraphs, warm: median {statistics.median(timings) * 1000:.1f} ms")
    batch = (sentences * (10_000 // len(sentences) + 1))[:10_000]
    started = time.perf_counter()
    for sentence in batch:
        find_claims(sentence, level)
    elapsed = time.perf_counter() - started
    print(f"10,000 sentences one by one: {elapsed:.2f} s, {len(batch) / elapsed:,.0f} sentences/s")
    text = " ".join(batch)
    started = time.perf_counter()
    find_claims(text, level)
    elapsed = time.perf_counter() - started
    print(f"10,000 sentences as one text: {elapsed:.2f} s, {len(batch) / elapsed:,.0f} sentences/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--level", default="default", help="strict, default or all")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--errors", action="store_true", help="list the sentences the detector gets wrong")
    args = parser.parse_args()
    rows = load(args.data)
    guesses = [predict(sentence, args.level) for _, _, _, sentence in rows]
    print(
        f"level {args.level}, {args.data.relative_to(ROOT) if args.data.is_relative_to(ROOT) else args.data}"
    )
    for split in sorted({row[0] for row in rows}):
        report(split, [(row[2], guess) for row, guess in zip(rows, guesses, strict=True) if row[0] == split])
    report(
        "seed article",
        [(row[2], guess) for row, guess in zip(rows, guesses, strict=True) if row[1] == "seed__article"],
    )
    report("all", [(row[2], guess) for row, guess in zip(rows, guesses, strict=True)])
    if args.errors:
        print()
        for (split, _, label, sentence), guess in zip(rows, guesses, strict=True):
            if label != guess:
                print(f"{split}\t{label} -> {guess}\t{sentence[:150]}")
    speed([row[3] for row in rows], args.level)


def visibly_marked(level: str = "default") -> None:
    """Print the share of the seed article's words that each bundled style visibly marks as claims."""
    from export.epub.package import BookOptions, write_epub
    from export.epub.visible_marks import book_marked_words
    from export.pipeline import load_stylesheet, styles_dir

    article = annotate_article(read_article(SEED), level)
    print()
    for style in sorted(css.stem for css in styles_dir().glob("*.css")):
        counts = book_marked_words(write_epub(article, BookOptions(load_stylesheet(style))))
        print(
            f"words visibly marked: seed article {counts.share:.0%} "
            f"({counts.marked} of {counts.words} words, style {style})"
        )


if __name__ == "__main__":
    main()
    visibly_marked()
