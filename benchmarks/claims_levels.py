"""Whether each cue family's marks earn their level: per-family precision on the tuned sets, and the
cross-validated effect of demoting the families whose evidence does not support their level.

Run: python benchmarks/claims_levels.py [--texts DIR] [--families N] [--grid] [--sections]
[--data DIR] [--sources S,…] [--write]

A family is what puts a cue at its weight: the cue itself, a context rule that set it ("rule:NAME"), or a
condition that raised its consequence ("condition") (``Hit.source``). Its marks at a level are the
labelled sentences where it has a cue at or above the level's threshold (before levels_en.tsv caps it);
a mark is right when the sentence is a claim at level default. Data: claims_eval's tuned sets only,
each document once, as four sources: ``texts`` (the claims-texts tuned articles that are not news-tuned,
claims-texts labels), ``news`` (news-tuned, news labels), ``fresh`` (fresh-train) and ``seed`` (the seed's
sentences). The set-aside sets are never loaded.

The decision (``decide``): a family keeps ``strict`` only if the Wilson lower bound (95%) of its strict
marks' precision is at least STRICT_BOUND; it keeps ``default`` only if that of its default marks is at
least DEFAULT_BOUND; a family with fewer than MIN_MARKS marks at a level keeps it (no evidence either
way). Out-of-sample estimates: leave one source out (the levels decided on the other three, scored on the
held-out one), and 5 folds grouped by document; each against the detector without caps on the same
sentences. A policy passes when, in both, held-out default precision rises, strict precision does not
fall and default F0.5 does not fall (``passes``). ``--grid`` tries other bounds (lower bounds, and
``against``: demote only where even the upper bound is under the level's target); ``--sections`` takes
the sections of cues_en.tsv as families (coarser, more marks each). ``--write`` adds the levels decided
on all sources to export/annotate/levels_en.tsv, with their evidence. ``--data DIR`` weighs the families
by other cue, kind, rule and word files (an older detector's, to count on text it had not seen), and
``--sources`` keeps only some sources (with one, leaving a source out has nothing to learn from: read the
5 folds).
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import math
import os
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import claims_eval as ev  # noqa: E402
from corpus_pages import shared_folder  # noqa: E402

from export.annotate.claims import LEVELS, sentence_hits  # noqa: E402
from export.annotate.lexicon import LEVEL_CAPS, Lexicon, cue_key, default_lexicon, load_lexicon  # noqa: E402

LEVELS_FILE = ROOT / "export" / "annotate" / "levels_en.tsv"
SOURCES = ("texts", "news", "fresh", "seed")
STRICT_BOUND = 0.75  # Wilson lower bound a family's strict marks need to stay strict
DEFAULT_BOUND = 0.50  # and its default marks to stay default
MIN_MARKS = 4  # fewer marks than this at a level: no evidence, the family keeps its level
Z = 1.96
SCORED = ("strict", "default")


@dataclass(frozen=True)
class Sentence:
    """A labelled sentence: its source and document, whether it is a claim at default, its families'
    best weights before caps."""

    source: str
    document: str
    claim: bool
    weights: dict[str, float]  # family -> its highest weight in the sentence


def wilson_lower(right: int, marks: int, z: float = Z) -> float:
    """The Wilson score interval's lower bound of ``right`` of ``marks``."""
    if not marks:
        return 0.0
    share = right / marks
    centre = share + z * z / (2 * marks)
    spread = z * math.sqrt(share * (1 - share) / marks + z * z / (4 * marks * marks))
    return (centre - spread) / (1 + z * z / marks)


def _family_weights(text: str, lexicon: Lexicon) -> dict[int, dict[str, float]]:
    """Each sentence start's families and their best weights, for the sentences with a claim at ``all``."""
    found: dict[int, dict[str, float]] = {}
    for start, _, hits in sentence_hits(text, lexicon):
        weights = found.setdefault(start, {})
        for hit in hits:
            weights[hit.source] = max(weights.get(hit.source, 0.0), hit.weight)
    return found


def labelled_sentences(
    labels: Path, texts: dict[str, str], documents: set[str]
) -> Iterator[tuple[str, str, list[tuple[int, str, str]]]]:
    """Each document of ``documents`` labelled in ``labels``, by name: its name, text, and each labelled
    sentence's start in the text, label and level."""
    by_document: dict[str, list[tuple[str, int, str, str, str, str]]] = defaultdict(list)
    for row in ev.load_text_rows(labels):
        if row[0] in documents:
            by_document[row[0]].append(row)
    for document, rows in sorted(by_document.items()):
        text = texts[document]
        spans = ev.sentences_of(text)
        by_hash = ev.hashes(spans)
        starts = []
        for _, index, digest, label, level, _ in rows:
            index = ev.sentence_index(spans, by_hash, index, digest, f"{labels}: {document}")
            starts.append((spans[index][0], label, level))
        yield document, text, starts


def _labelled(
    source: str, labels: Path, texts: dict[str, str], documents: set[str], lexicon: Lexicon
) -> Iterator[Sentence]:
    """The Sentences of ``documents`` labelled in ``labels``."""
    for document, text, starts in labelled_sentences(labels, texts, documents):
        found = _family_weights(text, lexicon)
        for start, label, level in starts:
            yield Sentence(source, document, label != "-" and level == "default", found.get(start, {}))


def uncapped_lexicon(data: Path | None) -> Lexicon:
    """The detector's lexicon without levels_en.tsv (every family at the level its weight gives), or one of
    ``data``'s cue, kind, rule and word files (an older detector's)."""
    if data:
        cues, kinds, rules, words = (data / f"{name}_en.tsv" for name in ("cues", "kinds", "rules", "words"))
        # no levels file: the shipped one names this detector's cues and rules, which the other's may lack
        return load_lexicon(cues, kinds, rules, words, levels=os.devnull)
    lexicon = copy.copy(default_lexicon())
    lexicon.levels = {}
    return lexicon


def load(texts_option: Path | None, data: Path | None = None) -> list[Sentence] | None:
    """The tuned sets' labelled sentences, each document once; None when the texts are absent. ``data``:
    a folder with other cue, kind, rule and word files (an older detector's) to weigh families by."""
    lexicon = uncapped_lexicon(data)
    directory = ev.texts_dir(texts_option)
    shared = shared_folder()
    news = ev.news_texts(shared)
    if not directory.is_dir() or not news:
        return None
    text_docs = {row[0] for row in ev.load_text_rows(ev.LABELS)}
    texts_tuned = text_docs - ev.set_aside(text_docs)
    news_docs = {row[0] for row in ev.load_text_rows(ev.NEWS_LABELS)}
    news_tuned = news_docs - ev.set_aside(news_docs, len(news_docs) // 2)
    fresh_train = ev.fresh_documents({"fresh-train"})
    fresh = ev.fresh_texts(shared, fresh_train)
    if not fresh:
        return None
    claims_texts = {d: (directory / f"{d}.txt").read_text(encoding="utf-8") for d in texts_tuned - news_tuned}
    sentences = [
        *_labelled("texts", ev.LABELS, claims_texts, texts_tuned - news_tuned, lexicon),
        *_labelled("news", ev.NEWS_LABELS, {d: news[d] for d in news_tuned}, news_tuned, lexicon),
        *_labelled("fresh", ev.FRESH_LABELS, {d: fresh[d] for d in fresh_train}, fresh_train, lexicon),
    ]
    for _, document, label, level, _, sentence in ev.seed_rows(ev.SEED_ROWS):
        weights: dict[str, float] = {}
        for found in _family_weights(sentence, lexicon).values():  # a row may split into sentences
            for family, weight in found.items():
                weights[family] = max(weights.get(family, 0.0), weight)
        sentences.append(Sentence("seed", document, label != "-" and level == "default", weights))
    return sentences


def cue_sections(data: Path | None = None) -> dict[str, str]:
    """Each cue's section of cues_en.tsv (the comment line above its block): coarser families."""
    sections, current = {}, "?"
    cues = (data or ROOT / "export" / "annotate") / "cues_en.tsv"
    for line in cues.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            if not line.startswith("#  ") and line.strip("# "):
                current = "section: " + line.strip("# ")[:40]
        elif line.strip():
            sections[cue_key(line.split("\t")[0])] = current
    return sections


def grouped(sentences: list[Sentence], sections: dict[str, str]) -> list[Sentence]:
    """``sentences`` with each cue family replaced by its section (rules and conditions kept)."""
    result = []
    for sentence in sentences:
        weights: dict[str, float] = {}
        for family, weight in sentence.weights.items():
            key = sections.get(family, family)
            weights[key] = max(weights.get(key, 0.0), weight)
        result.append(replace(sentence, weights=weights))
    return result


def family_table(sentences: Iterable[Sentence]) -> dict[str, dict[str, tuple[int, int]]]:
    """family -> level -> (right, marks) at that level, before caps."""
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: {level: [0, 0] for level in SCORED})
    for sentence in sentences:
        for family, weight in sentence.weights.items():
            for level in SCORED:
                if weight >= LEVELS[level]:
                    table[family][level][0] += sentence.claim
                    table[family][level][1] += 1
    return {family: {lv: (c[0], c[1]) for lv, c in levels.items()} for family, levels in table.items()}


def wilson_upper(right: int, marks: int, z: float = Z) -> float:
    """The Wilson score interval's upper bound of ``right`` of ``marks``."""
    return 1.0 - wilson_lower(marks - right, marks, z) if marks else 1.0


def decide(
    sentences: Iterable[Sentence],
    strict_bound: float = STRICT_BOUND,
    default_bound: float = DEFAULT_BOUND,
    min_marks: int = MIN_MARKS,
    against: bool = False,
) -> dict[str, str]:
    """The families to demote, and the level each keeps, from the evidence of ``sentences``: a level is
    kept where the lower bound of its marks' precision reaches the bound (or, ``against``, unless even the
    upper bound is under it)."""
    demoted = {}

    def unsupported(right: int, marks: int, bound: float) -> bool:
        if marks < min_marks:
            return False
        return (wilson_upper(right, marks) if against else wilson_lower(right, marks)) < bound

    for family, levels in family_table(sentences).items():
        if unsupported(*levels["default"], default_bound):
            demoted[family] = "all"
        elif unsupported(*levels["strict"], strict_bound):
            demoted[family] = "default"
    return demoted


def marked(sentence: Sentence, level: str, demoted: dict[str, str]) -> bool:
    """Whether ``sentence`` is marked at ``level`` once the ``demoted`` families are capped."""
    threshold = LEVELS[level]
    for family, weight in sentence.weights.items():
        cap = LEVEL_CAPS.get(demoted.get(family, ""), 1.0)
        if min(weight, cap) >= threshold:
            return True
    return False


@dataclass
class Score:
    """Counts of marks against labels: right marks, wrong marks, claims left unmarked."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Score) -> Score:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        return self

    def add(self, claim: bool, guess: bool) -> None:
        self.tp += claim and guess
        self.fp += guess and not claim
        self.fn += claim and not guess

    def prf(self) -> tuple[float, float, float]:
        """Precision, recall and F0.5 (precision counted twice as much as recall)."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, 1.25 * p * r / (0.25 * p + r) if p + r else 0.0

    def figures(self) -> str:
        """Precision, recall and F0.5, and right marks of all marks, as one line's part."""
        p, r, f05 = self.prf()
        return f"P {p:.2f} R {r:.2f} F0.5 {f05:.2f} ({self.tp}/{self.tp + self.fp})"


Pooled = dict[tuple[str, str], Score]  # (level, "before" or "after"): the held-out groups' counts


def cross_validate(
    sentences: list[Sentence],
    groups: dict[str, list[str]],
    strict_bound: float,
    default_bound: float,
    min_marks: int,
    against: bool,
) -> Pooled:
    """Print, per held-out group and pooled, strict and default before and after the levels decided on the
    other groups; return the pooled counts."""
    pooled = {(lv, when): Score() for lv in SCORED for when in ("before", "after")}
    for name, held in groups.items():
        heldset = set(held)
        train = [s for s in sentences if s.document not in heldset]
        test = [s for s in sentences if s.document in heldset]
        demoted = decide(train, strict_bound, default_bound, min_marks, against)
        line = f"  {name:10} ({len(heldset):2} docs, {len(demoted):2} demoted)"
        for level in SCORED:
            before, after = Score(), Score()
            for s in test:
                plain, capped = marked(s, level, {}), marked(s, level, demoted)
                before.add(s.claim, plain)
                after.add(s.claim, capped)
                pooled[(level, "before")].add(s.claim, plain)
                pooled[(level, "after")].add(s.claim, capped)
            line += f" | {level} {before.figures()} -> {after.figures()}"
        print(line)
    line = "  pooled" + " " * 24
    for level in SCORED:
        line += f" | {level} {pooled[(level, 'before')].figures()} -> {pooled[(level, 'after')].figures()}"
    print(line)
    return pooled


def passes(pooled: Pooled) -> bool:
    """The bar for demoting: held-out default precision rises, strict precision does not fall, and
    default F0.5 does not fall (recall may drop only as far as the precision gained makes up for)."""
    default = pooled[("default", "before")].prf(), pooled[("default", "after")].prf()
    strict = pooled[("strict", "before")].prf()[0], pooled[("strict", "after")].prf()[0]
    return default[1][0] > default[0][0] and strict[1] >= strict[0] and default[1][2] >= default[0][2]


def grouped_folds(sentences: list[Sentence], count: int = 5) -> dict[str, list[str]]:
    """``count`` folds of documents, by the rank of the sha256 of their name."""
    documents = sorted({s.document for s in sentences}, key=lambda d: hashlib.sha256(d.encode()).hexdigest())
    return {f"fold {i}": documents[i::count] for i in range(count)}


def by_source(sentences: list[Sentence]) -> dict[str, list[str]]:
    """The documents of each source: the groups left out one at a time."""
    return {source: sorted({s.document for s in sentences if s.source == source}) for source in SOURCES}


def print_families(sentences: list[Sentence], demoted: dict[str, str], shown: int) -> None:
    """Each family with marks at strict or default: right/marks per source and pooled, Wilson bounds."""
    pooled = family_table(sentences)
    per_source = {source: family_table(s for s in sentences if s.source == source) for source in SOURCES}
    print(
        f"\nfamilies with marks at strict or default ({len(pooled)}; pooled right/marks, Wilson lower bound):"
    )
    print(f"  {'family':28} {'strict':>14} {'default':>14}  default by source (texts news fresh seed)  level")
    ranked = sorted(pooled.items(), key=lambda item: (-item[1]["default"][1], item[0]))
    for family, levels in ranked[:shown]:
        cells = []
        for level in SCORED:
            right, marks = levels[level]
            cells.append(f"{right:3}/{marks:<3} {wilson_lower(right, marks):.2f}" if marks else " " * 14)
        sources = " ".join(
            "{}/{}".format(*per_source[src].get(family, {}).get("default", (0, 0))) for src in SOURCES
        )
        level = demoted.get(family, "-")
        print(f"  {family[:28]:28} {cells[0]:>14} {cells[1]:>14}  {sources:41}  {level}")


def write_levels(sentences: list[Sentence], demoted: dict[str, str]) -> None:
    """Add ``demoted`` with its evidence to levels_en.tsv, keeping the file's lines but for the families
    it decides anew (the strict caps set by the definition's reading stay)."""
    kept = [
        line
        for line in LEVELS_FILE.read_text(encoding="utf-8").splitlines()
        if line.startswith("#") or line.split("\t")[0] not in demoted
    ]
    table = family_table(sentences)
    lines = []
    for family, level in sorted(demoted.items()):
        evidence = []
        for lv in SCORED:
            right, marks = table[family][lv]
            if marks:
                evidence.append(f"{lv} {right}/{marks}, lower bound {wilson_lower(right, marks):.2f}")
        lines.append(f"{family}\t{level}\t{'; '.join(evidence)}")
    LEVELS_FILE.write_text("\n".join([*kept, *lines]) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, help="the folder of the labelled articles (claims-texts)")
    parser.add_argument("--families", type=int, default=60, help="how many families to list")
    parser.add_argument("--grid", action="store_true", help="cross-validate other bounds too")
    parser.add_argument(
        "--sections", action="store_true", help="families by section of cues_en.tsv (coarser; not writable)"
    )
    parser.add_argument("--write", action="store_true", help="write the decided levels to levels_en.tsv")
    parser.add_argument("--data", type=Path, help="a folder of other cue, kind, rule and word files")
    parser.add_argument("--sources", help="only these sources (comma-separated: texts,news,fresh,seed)")
    args = parser.parse_args()
    sentences = load(args.texts, args.data)
    if sentences is None:
        print("claims texts or corpus-large not found in the shared folder: skipping")
        return
    if args.sources:
        sentences = [s for s in sentences if s.source in args.sources.split(",")]
    if args.sections:
        sentences = grouped(sentences, cue_sections(args.data))
        if args.write:
            raise SystemExit("--write takes the cues' own families, not --sections")
    if args.write and (args.data or args.sources):
        raise SystemExit("--write takes the shipped detector on every source")
    counts = ", ".join(f"{src} {len({s.document for s in sentences if s.source == src})}" for src in SOURCES)
    print(f"tuned sets, each document once: {len(sentences)} sentences ({counts} documents)")
    demoted = decide(sentences)
    print_families(sentences, demoted, args.families)
    print(
        f"\ndemoted on all sources ({len(demoted)}): "
        + ", ".join(f"{f} -> {lv}" for f, lv in sorted(demoted.items()))
    )
    bounds = [(STRICT_BOUND, DEFAULT_BOUND, MIN_MARKS, False)]
    if args.grid:
        bounds += [
            (s, d, m, False) for s in (0.6, 0.75, 0.85) for d in (0.3, 0.5, 0.7) for m in (1, 4, 8, 16)
        ]
        bounds += [(s, d, m, True) for s in (0.9, 0.97) for d in (0.7, 0.8, 0.9) for m in (1, 2, 4, 8)]
    for decision in dict.fromkeys(bounds):
        strict_bound, default_bound, min_marks, against = decision
        bound = "upper" if against else "lower"
        print(f"\n{bound} bound: strict {strict_bound}, default {default_bound}, min marks {min_marks}:")
        print(" leave one source out (before -> after):")
        left_out = cross_validate(sentences, by_source(sentences), *decision)
        print(" 5 folds grouped by document:")
        folds = cross_validate(sentences, grouped_folds(sentences), *decision)
        verdict = "passed" if passes(left_out) and passes(folds) else "not passed"
        print(f" the bar (default P up, strict P not down, default F0.5 not down, in both): {verdict}")
    if args.write:
        write_levels(sentences, demoted)
        print(f"\nwrote {LEVELS_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
