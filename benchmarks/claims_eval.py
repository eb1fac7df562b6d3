"""Precision, recall and F1 of the claim detector on labelled sentences, per set, level and kind; its speed.

Run: python benchmarks/claims_eval.py [--texts DIR] [--errors SET] [--folds]
[--sets tuned,set-aside,news-tuned,news-set-aside,news-set-aside-unseen,fresh-train,fresh-aside,fresh2-train,
fresh2-aside,seed]

Sets: the articles of ../shared/corpus/claims-texts/ labelled in benchmarks/data/claims_texts_en.tsv,
split by document into ``tuned`` (tuning may look at them) and ``set-aside`` (the 27 with the lowest
sha256 of their name: never tuned on, only scored); the English news articles of
../shared/corpus-large/scrapinghub/ground-truth.json labelled in benchmarks/data/claims_news_en.tsv,
split the same way into ``news-tuned`` and ``news-set-aside`` (the half with the lowest sha256, chosen
before they were labelled); and ``seed``: the seed's rows of tests/data/claims_en.tsv.
A sentence is predicted speculative when a claim starts in it; each article is read whole, as the book
reads it. Levels: ``strict`` and ``default`` are scored against the labels of level default, ``all``
against every label. A kind's hit needs the right kind; its precision is over predictions of that kind.
81 of the 84 news articles are claims-texts articles labelled a second time (by other labellers): 40 of
the 42 news-tuned ones are tuned articles, and 14 of the 42 news-set-aside ones are too, so only the other
28 of news-set-aside are text the detector was never written on (printed apart as news-set-aside-unseen).
``fresh-train`` and ``fresh-aside``: 76 English articles of corpus-large that are in neither of those
(benchmarks/data/claims_fresh_en.tsv; the trafilatura and readability benchmarks' English pages), labelled
before any rule or filter saw them, split in two halves the same way (the 38 lowest: fresh-aside).
``fresh2-train`` and ``fresh2-aside``: 42 English texts in none of those (data/claims_fresh2_en.tsv:
the rest of corpus-large's tune part in English and posts of the WordPress exports, their first 60 sentences;
benchmarks/claims_fresh2.py rebuilds them), labelled before the detector ran on them, split the same way.
``--folds`` prints the tuned sets (tuned, news-tuned, fresh-train, fresh2-train) split in two by document
(the parity of the sha256 of its name), to check that a change decided on one half also helps the other.
The texts are found at ROOT.parent/shared (as in CI), or --texts DIR, or $ANNOTATED_EPUB_SHARED/...;
without them, that part is skipped with one line.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import claims_fresh2  # noqa: E402
from corpus_pages import shared_folder  # noqa: E402
from timing import run_times  # noqa: E402

from export.annotate import annotate_article, find_claims  # noqa: E402
from export.annotate.sentences import split_sentences  # noqa: E402
from export.model import CLAIM_KINDS, Claim  # noqa: E402
from export.readers import read_article  # noqa: E402

LABELS = ROOT / "benchmarks" / "data" / "claims_texts_en.tsv"
NEWS_LABELS = ROOT / "benchmarks" / "data" / "claims_news_en.tsv"
FRESH_LABELS = ROOT / "benchmarks" / "data" / "claims_fresh_en.tsv"
FRESH_SOURCES = ROOT / "benchmarks" / "data" / "claims_fresh_sources.tsv"
SEED_ROWS = ROOT / "tests" / "data" / "claims_en.tsv"
SEED = ROOT / "seeds" / "000_4421cee95cb58524.txt"
SET_ASIDE_COUNT = 27
LEVELS = ("strict", "default", "all")
SETS = (
    "tuned",
    "set-aside",
    "news-tuned",
    "news-set-aside",
    "news-set-aside-unseen",
    "fresh-train",
    "fresh-aside",
    "fresh2-train",
    "fresh2-aside",
    "seed",
)
FRESH_SETS = ("fresh-train", "fresh-aside")
FRESH2_SETS = ("fresh2-train", "fresh2-aside")

# One scored sentence: its set, document, gold kind by level ("-": none), the sentence, and its text's key.
Gold = dict[str, str]


@dataclass(frozen=True)
class Row:
    """A labelled sentence: where it is, its gold kind at each level, and its words."""

    set: str
    document: str
    index: int
    gold: Gold  # level -> kind or "-"
    sentence: str
    cue: str


def texts_dir(option: Path | None) -> Path:
    """Where the labelled articles are: --texts, else $ANNOTATED_EPUB_SHARED, else ROOT.parent/shared."""
    if option:
        return option
    return shared_folder() / "corpus" / "claims-texts"


def set_aside(documents: Iterable[str], count: int = SET_ASIDE_COUNT) -> set[str]:
    """The documents never tuned on: the ``count`` with the lowest sha256 of their name."""
    ranked = sorted(documents, key=lambda name: hashlib.sha256(name.encode()).hexdigest())
    return set(ranked[:count])


def news_texts(shared: Path) -> dict[str, str]:
    """The scrapinghub benchmark's article texts by document name (``domain__key``), or {} if absent."""
    truth = shared / "corpus-large" / "scrapinghub" / "ground-truth.json"
    if not truth.is_file():
        return {}
    texts = {}
    for key, page in json.loads(truth.read_text(encoding="utf-8")).items():
        domain = page["url"].split("/")[2].removeprefix("www.")
        texts[f"{domain}__{key[:12]}"] = page["articleBody"]
    return texts


def fresh_texts(shared: Path, documents: set[str] | None = None) -> dict[str, str]:
    """The fresh articles' texts by document name (those of ``documents`` only, if given), extracted from
    their pages as when they were labelled."""
    texts = {}
    for line in FRESH_SOURCES.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        document, page = line.split("\t")
        if documents is not None and document not in documents:
            continue
        path = shared / "corpus-large" / page
        if not path.is_file():
            return {}
        texts[document] = claims_fresh2.page_text(path)
    return texts


def fresh_documents(
    wanted: Iterable[str], labels: Path = FRESH_LABELS, names: tuple[str, str] = FRESH_SETS
) -> set[str]:
    """The documents of ``labels`` in the sets of ``wanted`` (``names``: its two halves), by name alone."""
    documents = {row[0] for row in load_text_rows(labels)}
    aside = set_aside(documents, len(documents) // 2)
    return {d for d in documents if (names[1] if d in aside else names[0]) in wanted}


def _gold(label: str, level: str) -> Gold:
    """The gold kind at each scored level of a label of ``level`` (default or all)."""
    strong = label if level == "default" else "-"
    return {"strict": strong, "default": strong, "all": label}


def _tuned_documents(labels: Path) -> set[str]:
    """The claims-texts documents that are not set aside (tuning may have looked at them)."""
    documents = {row[0] for row in load_text_rows(labels)}
    return documents - set_aside(documents)


def sentence_hash(sentence: str) -> str:
    return hashlib.sha1(sentence.encode()).hexdigest()[:8]


def hashes(spans: list[tuple[int, int, str]]) -> dict[str, int]:
    """Each sentence's index in ``spans`` by the hash of its words."""
    return {sentence_hash(words): i for i, (_, _, words) in enumerate(spans)}


def sentence_index(
    spans: list[tuple[int, int, str]], by_hash: dict[str, int], index: int, digest: str, where: str
) -> int:
    """A labelled row's sentence in ``spans``: at its index, else (segmentation changed) found by its hash."""
    if index >= len(spans) or sentence_hash(spans[index][2]) != digest:
        if digest not in by_hash:
            raise SystemExit(f"{where} sentence {index} ({digest}) is not in the text")
        index = by_hash[digest]
    return index


def load_text_rows(path: Path) -> list[tuple[str, int, str, str, str, str]]:
    """The (document, index, hash, label, level, cue) rows of the labels file."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            document, index, digest, label, level, cue = line.split("\t")
            rows.append((document, int(index), digest, label, level, cue))
    return rows


def sentences_of(text: str) -> list[tuple[int, int, str]]:
    """The sentences of ``text`` as the labels have them: offsets and whitespace-collapsed words."""
    return [(start, end, " ".join(text[start:end].split())) for start, end in split_sentences(text)]


def predicted_kinds(text: str, spans: list[tuple[int, int, str]], level: str) -> list[str]:
    """The kind of the claim that starts in each sentence of ``text`` at ``level``, or "-"."""
    kinds = ["-"] * len(spans)
    claims = find_claims(text, level)
    index = 0
    for claim in claims:
        while index < len(spans) and spans[index][1] <= claim.start:
            index += 1
        if index < len(spans) and kinds[index] == "-":
            kinds[index] = claim.kind
    return kinds


def score_texts(
    texts: Callable[[str], str],
    labels: Path,
    names: tuple[str, str] = ("tuned", "set-aside"),
    aside_count: int = SET_ASIDE_COUNT,
    wanted: Iterable[str] | None = None,
) -> tuple[list[Row], dict[tuple[str, int], Gold]]:
    """The labelled rows of the articles, and the detector's kind per level for each (document, index).

    ``texts`` gives a document's text; ``names`` are the sets' names (tuned, set aside), the set aside
    being the ``aside_count`` documents with the lowest sha256 of their name; only the documents of the
    sets named in ``wanted`` (all, if None) are read and run.
    """
    rows = load_text_rows(labels)
    aside = set_aside({row[0] for row in rows}, aside_count)
    kept = set(names if wanted is None else wanted)
    by_document: dict[str, list[tuple[str, int, str, str, str, str]]] = {}
    for row in rows:
        if (names[1] if row[0] in aside else names[0]) in kept:
            by_document.setdefault(row[0], []).append(row)
    scored: list[Row] = []
    predicted: dict[tuple[str, int], Gold] = {}
    for document, labelled in sorted(by_document.items()):
        text = texts(document)
        spans = sentences_of(text)
        by_hash = hashes(spans)
        kinds = {level: predicted_kinds(text, spans, level) for level in LEVELS}
        for _, index, digest, label, level, cue in labelled:
            index = sentence_index(spans, by_hash, index, digest, f"{labels}: {document}")
            name = names[1] if document in aside else names[0]
            scored.append(Row(name, document, index, _gold(label, level), spans[index][2], cue))
            predicted[(document, index)] = {lv: kinds[lv][index] for lv in LEVELS}
    return scored, predicted


def seed_rows(path: Path) -> Iterator[tuple[int, str, str, str, str, str]]:
    """The seed's rows of the older labelled file: index among its rows, document, label, level, cue and
    sentence."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    for index, line in enumerate(lines):
        _, document, label, level, cue, sentence = line.split("\t", 5)
        if document.startswith("seed__"):
            yield index, document, label, level, cue, sentence


def score_seed_rows(path: Path) -> tuple[list[Row], dict[tuple[str, int], Gold]]:
    """The seed's rows of the older labelled file, each predicted alone."""
    scored: list[Row] = []
    predicted: dict[tuple[str, int], Gold] = {}
    for index, document, label, level, cue, sentence in seed_rows(path):
        scored.append(Row("seed", document, index, _gold(label, level), sentence, cue))
        predicted[(document, index)] = {
            level: next((c.kind for c in find_claims(sentence, level)), "-") for level in LEVELS
        }
    return scored, predicted


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def counts(pairs: list[tuple[str, str]], kind: str | None) -> tuple[int, int, int]:
    """(tp, fp, fn) of (gold, predicted) pairs: any claim (``kind`` None), or one kind."""
    if kind is None:
        tp = sum(gold != "-" and guess != "-" for gold, guess in pairs)
        fp = sum(gold == "-" and guess != "-" for gold, guess in pairs)
        fn = sum(gold != "-" and guess == "-" for gold, guess in pairs)
        return tp, fp, fn
    tp = sum(gold == kind and guess == kind for gold, guess in pairs)
    fp = sum(gold != kind and guess == kind for gold, guess in pairs)
    fn = sum(gold == kind and guess != kind for gold, guess in pairs)
    return tp, fp, fn


def table(name: str, rows: list[Row], predicted: dict[tuple[str, int], Gold]) -> None:
    """Print P, R, F1 and counts of ``rows`` at each level: any claim, then each kind."""
    documents = len({row.document for row in rows})
    print(f"\n{name}: {documents} documents, {len(rows)} sentences")
    print(f"  {'level':8} {'kind':12} {'P':>5} {'R':>5} {'F1':>5}  {'tp':>4} {'fp':>4} {'fn':>4}")
    for level in LEVELS:
        pairs = [(row.gold[level], predicted[(row.document, row.index)][level]) for row in rows]
        for kind in (None, *CLAIM_KINDS):
            tp, fp, fn = counts(pairs, kind)
            if kind is None or tp + fp + fn:
                scores = " ".join(f"{value:5.2f}" for value in prf(tp, fp, fn))
                print(f"  {level:8} {kind or 'any claim':12} {scores}  {tp:4} {fp:4} {fn:4}")


# (level, "precision" or "recall", a kind or None for any claim, the bound): issue 12's targets.
TARGETS = [
    ("default", "precision", None, 0.90),
    *[("default", "precision", kind, 0.85) for kind in CLAIM_KINDS],
    ("default", "recall", None, 0.70),
    ("strict", "precision", None, 0.97),
    ("strict", "recall", None, 0.35),
    ("all", "recall", None, 0.85),
]


def targets(name: str, rows: list[Row], predicted: dict[tuple[str, int], Gold]) -> None:
    """Print each target of issue 12 on ``rows``: the figure, the bound, and whether it is met."""
    print(f"\ntargets on {name}:")
    for level, measure, kind, bound in TARGETS:
        pairs = [(row.gold[level], predicted[(row.document, row.index)][level]) for row in rows]
        tp, fp, fn = counts(pairs, kind)
        what = f"{level} {measure}{f' of {kind}' if kind else ''}"
        if measure == "precision" and not tp + fp:
            print(f"  {what:32} no marks of this kind")
            continue
        value = prf(tp, fp, fn)[0 if measure == "precision" else 1]
        print(f"  {what:32} {value:5.2f} (≥ {bound:.2f}) {'met' if value >= bound else 'MISSED'}")


def fold(document: str) -> int:
    """The half of the tuned articles a document is in, for checking a change on the other: 0 or 1."""
    return int(hashlib.sha256(document.encode()).hexdigest(), 16) % 2


def folds(rows: list[Row], predicted: dict[tuple[str, int], Gold]) -> None:
    """Print P and R per level, and each kind's precision at default, of each half of the tuned sets."""
    print("\ncross-fold (documents split by the parity of the sha256 of their name):")
    for name in ("tuned", "news-tuned", "fresh-train", "fresh2-train"):
        for half in (0, 1):
            chosen = [row for row in rows if row.set == name and fold(row.document) == half]
            if not chosen:
                continue
            line = f"  {name:11} fold {half} ({len({row.document for row in chosen}):2} documents)"
            for level in LEVELS:
                pairs = [(row.gold[level], predicted[(row.document, row.index)][level]) for row in chosen]
                precision, recall, _ = prf(*counts(pairs, None))
                line += f" | {level} P {precision:.2f} R {recall:.2f}"
            pairs = [(row.gold["default"], predicted[(row.document, row.index)]["default"]) for row in chosen]
            kinds = [(kind, counts(pairs, kind)) for kind in CLAIM_KINDS]
            shown = [f"{kind[:4]} {prf(*c)[0]:.2f}" for kind, c in kinds if c[0] + c[1]]
            print(line + " | default P by kind: " + ", ".join(shown))


def errors(rows: list[Row], predicted: dict[tuple[str, int], Gold], level: str) -> None:
    """Print the sentences whose predicted kind at ``level`` is not the gold one."""
    print(f"\nerrors at level {level} (gold -> predicted):")
    for row in rows:
        gold, guess = row.gold[level], predicted[(row.document, row.index)][level]
        if gold != guess:
            cue = f" [{row.cue}]" if row.cue != "-" else ""
            print(f"  {row.document}#{row.index}\t{gold} -> {guess}{cue}\t{row.sentence[:160]}")


def visible_share(
    text: str, claims: list[Claim], visible: Callable[[str, Claim], list[tuple[int, int]]]
) -> float:
    """The share of ``text``'s words that a style marks visibly, given the spans it shows of each claim."""
    words = [(start, start + len(word)) for start, word in _words(text)]
    shown = [span for claim in claims for span in visible(text, claim)]
    marked = sum(any(s < span_end and span_start < e for span_start, span_end in shown) for s, e in words)
    return marked / len(words) if words else 0.0


def _words(text: str) -> list[tuple[int, str]]:
    found, position = [], 0
    for word in text.split():
        position = text.index(word, position)
        found.append((position, word))
        position += len(word)
    return found


def whole_extent(_: str, claim: Claim) -> list[tuple[int, int]]:
    """A style that marks a claim's whole extent (the sentence or clause in ``span.speculative``)."""
    return [(claim.start, claim.end)]


def speed(sentences: list[str], level: str) -> None:
    """Print the seed article's claims time after warm-up, the sentences per second, and words in claims."""
    article = read_article(SEED)
    warm = statistics.median(run_times(lambda: annotate_article(article, level), 30, warm=True)) * 1000
    met = "met" if warm < 20 else "MISSED"
    print(f"\nseed article, all its paragraphs, warm: median {warm:.1f} ms (< 20 ms) {met}")
    paragraphs = article.paragraphs(with_comments=False)
    in_extents = [visible_share(p.text, p.claims, whole_extent) * len(p.text.split()) for p in paragraphs]
    total = sum(len(p.text.split()) for p in paragraphs)
    print(f"seed article: {sum(in_extents) / total:.0%} of its words are inside a claim's extent at {level}")
    batch = (sentences * (10_000 // len(sentences) + 1))[:10_000]
    started = time.perf_counter()
    for sentence in batch:
        find_claims(sentence, level)
    elapsed = time.perf_counter() - started
    rate = len(batch) / elapsed
    met = "met" if rate >= 20_000 else "MISSED"
    print(f"10,000 sentences one by one: {elapsed:.2f} s, {rate:,.0f} sentences/s (≥ 20,000) {met}")
    text = " ".join(batch)
    started = time.perf_counter()
    find_claims(text, level)
    elapsed = time.perf_counter() - started
    print(f"10,000 sentences as one text: {elapsed:.2f} s, {len(batch) / elapsed:,.0f} sentences/s")


# Text that repeats what the cues and context rules look for: doubling it should about double the time.
REPEATS = ("if ", "until could ", "whether ", "may ", "x that could ", "sources ", "Assad could ", "claimed ")


def linearity(level: str = "all") -> None:
    """Print how the time grows when a sentence full of cues doubles (about 2 is linear)."""
    ratios = []
    for unit in REPEATS:
        timings = []
        for count in (10_000, 20_000):
            best = float("inf")
            for _ in range(3):
                started = time.perf_counter()
                find_claims(unit * count + "would.", level)
                best = min(best, time.perf_counter() - started)
            timings.append(best)
        ratios.append(f"“{unit.strip()}” {timings[1] / max(timings[0], 1e-9):.1f}")
    print("time ×2 text (linear ≈ 2): " + ", ".join(ratios))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, help="the folder of the labelled articles (claims-texts)")
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--sets", default=",".join(SETS), help="which sets to score (comma-separated)")
    parser.add_argument("--errors", metavar="SET", help="list the sentences of SET the detector gets wrong")
    parser.add_argument("--folds", action="store_true", help="print the tuned sets' two halves apart")
    parser.add_argument("--error-level", default="default", choices=LEVELS)
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    wanted = set(args.sets.split(","))
    rows: list[Row] = []
    predicted: dict[tuple[str, int], Gold] = {}
    directory = texts_dir(args.texts)
    if {"tuned", "set-aside"} & wanted and not directory.is_dir():
        print(f"claims texts not found at {directory}: skipping the tuned and set-aside articles")
    elif {"tuned", "set-aside"} & wanted:
        found, guesses = score_texts(
            lambda document: (directory / f"{document}.txt").read_text(encoding="utf-8"),
            args.labels,
            wanted=wanted,
        )
        rows += [row for row in found if row.set in wanted]
        predicted |= guesses
    news_sets = {"news-tuned", "news-set-aside", "news-set-aside-unseen"}
    news = news_texts(shared_folder()) if news_sets & wanted else {}
    if news_sets & wanted and not news:
        print("corpus-large/scrapinghub not found in the shared folder: skipping the news articles")
    elif news and not NEWS_LABELS.is_file():
        print(f"no labels at {NEWS_LABELS}: skipping the news articles")
    elif news:
        documents = {row[0] for row in load_text_rows(NEWS_LABELS)}
        aside_wanted = {"news-set-aside", "news-set-aside-unseen"} & wanted
        found, guesses = score_texts(
            news.__getitem__,
            NEWS_LABELS,
            ("news-tuned", "news-set-aside"),
            len(documents) // 2,
            {"news-tuned"} & wanted | ({"news-set-aside"} if aside_wanted else set()),
        )
        texts_tuned = _tuned_documents(args.labels)
        unseen = [
            replace(row, set="news-set-aside-unseen")
            for row in found
            if row.set == "news-set-aside" and row.document not in texts_tuned
        ]
        rows += [row for row in [*found, *unseen] if row.set in wanted]
        predicted |= guesses
    fresh_wanted = fresh_documents(wanted)
    fresh = fresh_texts(shared_folder(), fresh_wanted) if fresh_wanted else {}
    if set(FRESH_SETS) & wanted and not fresh:
        print("corpus-large not found in the shared folder: skipping the fresh articles")
    elif fresh:
        documents = {row[0] for row in load_text_rows(FRESH_LABELS)}
        found, guesses = score_texts(fresh.__getitem__, FRESH_LABELS, FRESH_SETS, len(documents) // 2, wanted)
        rows += [row for row in found if row.set in wanted]
        predicted |= guesses
    fresh2_wanted = fresh_documents(wanted, claims_fresh2.LABELS, FRESH2_SETS)
    fresh2 = claims_fresh2.texts(shared_folder(), fresh2_wanted) if fresh2_wanted else {}
    if fresh2_wanted and not fresh2:
        print("corpus-large or corpus/wxr not found in the shared folder: skipping the fresh2 texts")
    elif fresh2:
        documents = {row[0] for row in load_text_rows(claims_fresh2.LABELS)}
        found, guesses = score_texts(
            fresh2.__getitem__, claims_fresh2.LABELS, FRESH2_SETS, len(documents) // 2, wanted
        )
        rows += [row for row in found if row.set in wanted]
        predicted |= guesses
    seed_rows, seed_guesses = score_seed_rows(SEED_ROWS)
    rows += seed_rows
    predicted |= seed_guesses
    for name in SETS:
        if any(row.set == name for row in rows):
            table(name, [row for row in rows if row.set == name], predicted)
    article = [row for row in rows if row.document == "seed__article"]
    pairs = [(row.gold["default"], predicted[(row.document, row.index)]["default"]) for row in article]
    precision, recall, _ = prf(*counts(pairs, None))
    met = "met" if precision >= 0.95 and recall >= 0.90 else "MISSED"
    print(f"\nseed article at default: precision {precision:.2f}, recall {recall:.2f} (≥ 0.95, ≥ 0.90) {met}")
    for name in SETS[:-1]:
        if any(row.set == name for row in rows):
            targets(name, [row for row in rows if row.set == name], predicted)
    if args.folds:
        folds(rows, predicted)
    if args.errors:
        if args.errors not in wanted:
            raise SystemExit(f"--errors {args.errors}: that set is not scored (--sets {args.sets})")
        errors([row for row in rows if row.set == args.errors], predicted, args.error_level)
    if not args.no_speed:
        speed([row.sentence for row in rows], "default")
        linearity()


def visibly_marked(level: str = "default") -> None:
    """Print the share of the seed article's words that each bundled style visibly marks as claims."""
    from export.epub.package import BookOptions, write_epub
    from export.pipeline import load_stylesheet, styles_dir
    from export.visible_marks import book_marked_words

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
