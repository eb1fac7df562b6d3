"""A block-level boilerplate model for the reader's text, fitted on one half of tune, scored on the other.

Run: python benchmarks/html_trim_eval.py --collect /tmp/blocks.pickle   (read every tune page once: minutes)
     python benchmarks/html_block_model.py --blocks /tmp/blocks.pickle [--train A|B] [--model logistic|tree]
            [--before-trim] [--raw] [--markup [--word-sites N] [--word-score]] [--ridge R] [--low] [--curve]
            [--pages]
Each tune page's chosen blocks after ``trim.RULES`` are the examples: a paragraph, heading, list or quote
is labelled from the gold, "article" or "boilerplate" (readability's and scrapinghub's expected text: the
share of the block's 4-word shingles it holds; trafilatura's snippets: a block that holds a "without"
snippet is boilerplate, one that holds a "with" snippet article; others are not labelled). Features know no
site and no word: length, links, punctuation and sentence shape, capitals, digits, a few signs ("©", "|"),
the block's kind and place in the text, its neighbours' and whether its text stands twice. An L2 logistic
regression (Newton's method, numpy) is fitted on the training half; the threshold on its probability and
where it may drop (anywhere, or only runs at the text's edges) are chosen by cross-validation over the
training half's sites (5 folds by site), then the model fitted on the whole half is scored once on the
other half: "with" snippets found, "without" kept, shingle F1 and pages won and lost against the trim alone
(``html_trim_eval``'s verdict). ``--before-trim`` trains on the blocks before the trim as well; ``--raw``
puts the model in the trim's place (blocks before the trim throughout, the trim's own figures beside it);
``--curve`` prints the scored half at every threshold after the choice (to describe, never to choose);
``--low`` lets the choice (and the curve) take thresholds from 0.1 as well (``LOW_THRESHOLDS``).
``--markup`` adds features of each block's element in the page (``block_markup.py``, kept by the collect):
its class/id words learned from the training half's sites (``--word-sites``; ``--word-score``: two learned
scores instead of one feature a word), depth, siblings, links around it, ancestors' tags, place beside the
headline. ``--ridge`` sets the logistic model's penalty, with or without ``--markup``.
Tune's halves are ``large_corpus.half_of``'s; aside pages are never read. docs/page-reader.md has the figures.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from block_markup import Markup  # noqa: E402
from corpus_pages import corpus_argument  # noqa: E402
from gold import SHINGLE, WORD, normalise  # noqa: E402
from html_eval import block_text  # noqa: E402
from html_trim_eval import Saved, Score, page_verdict, score_figures, score_page, tune_pages  # noqa: E402
from html_without_eval import link_share  # noqa: E402
from large_corpus import LargeGold, half_of  # noqa: E402

from export.model import Block, Heading, ListBlock, Paragraph, Picture, Quote, Table  # noqa: E402
from export.readers.html import trim  # noqa: E402

FOLDS = 5
RIDGE = 1.0  # L2 penalty on the standardised weights
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99)
LOW_THRESHOLDS = (0.1, 0.2, 0.3, 0.4)  # --low: a rare class's probabilities stay near its base rate
NEVER = 1.01  # the threshold where no choice qualifies: no probability reaches it
MODES = ("anywhere", "edges")
ARTICLE_SHARE = 0.5  # a block with at least this share of its shingles in the expected text is the article's
BOILERPLATE_SHARE = 0.2  # ... and with less than this, boilerplate
EDGE = 3
MAX_WITH_LOSS = 0.002  # the "with" share and the mean F1 a choice may lose on the training half
TERMINAL = tuple(".!?…。！？")
SIGNS = "©|•·»«›‹"
TREE_DEPTH = 3
MIN_LEAF = 15
CANDIDATE = (Paragraph, Heading, ListBlock, Quote)  # the blocks the model may drop
# --markup: class/id words below the text's common ancestor become features where blocks of this many of the
# training half's sites carry them (learned, never listed); the HTML tags a block may stand inside.
MIN_WORD_SITES = 5
INSIDE_TAGS = ("figure", "figcaption", "aside", "footer", "nav", "header", "form", "table", "li")
OWN_TAGS = ("p", "div", "span", "li", "td", "a")
MARKUP_NAMES = (
    "found",
    "depth below the text's ancestor",
    "depth",
    "share of its element",
    "siblings",
    "similar siblings",
    "similar share",
    "parent's links",
    "grandparent's links",
    "place in the page",
    "after the headline",
    "from the headline",
    "in our container",
    "found whole",
    "class words",
)


def _text(block: Block) -> str:
    return " ".join(line for line in block_text([block]) if line).strip()


@dataclass
class Own:
    """What a block shows of itself."""

    chars: float
    words: float
    linked: float
    heading: float
    listed: float
    quote: float
    items: float
    punctuation: float
    terminal: float
    sentences: float
    sentence_words: float
    capitals: float
    digits: float
    signs: float
    colon: float
    address: float


def _own(block: Block) -> Own:
    text = _text(block)
    words = WORD.findall(text)
    count = max(len(text), 1)
    punctuation = sum(unicodedata.category(char).startswith("P") for char in text)
    sentences = sum(
        1
        for index, char in enumerate(text)
        if char in TERMINAL and (index + 1 == len(text) or text[index + 1] == " ")
    )
    return Own(
        math.log1p(len(text)),
        math.log1p(len(words)),
        link_share(block),
        float(isinstance(block, Heading)),
        float(isinstance(block, ListBlock)),
        float(isinstance(block, Quote)),
        math.log1p(len(block.items)) if isinstance(block, ListBlock) else 0.0,
        punctuation / count,
        float(text.rstrip("\"'”»)’ ").endswith(TERMINAL)),
        math.log1p(sentences),
        math.log1p(len(words) / max(sentences, 1)),
        sum(word[0].isupper() for word in words) / max(len(words), 1),
        sum(char.isdigit() for char in text) / count,
        float(any(sign in text for sign in SIGNS)),
        float(text.endswith(":")),
        float(bool(trim.ADDRESS.search(text))),
    )


NEIGHBOUR = ("words", "linked", "heading", "terminal")


def features(blocks: Sequence[Block]) -> list[list[float] | None]:
    """Each block's features (None for a block the model never drops: pictures, tables, code)."""
    shown = [index for index, block in enumerate(blocks) if not isinstance(block, Picture | Table)]
    owns = {index: _own(blocks[index]) for index in shown}
    keys = {index: normalise(_text(blocks[index])).casefold() for index in shown}
    texts = Counter(keys.values())
    total_words = sum(math.expm1(own.words) for own in owns.values()) or 1.0
    rows: list[list[float] | None] = [None] * len(blocks)
    for place, index in enumerate(shown):
        block = blocks[index]
        if not isinstance(block, CANDIDATE):
            continue
        own = owns[index]
        last = len(shown) - 1 - place
        edge = float(place < EDGE or last < EDGE)
        short = float(own.words <= math.log1p(10))
        row = list(vars(own).values())
        row += [
            place / max(len(shown) - 1, 1),
            float(place == 0),
            float(place < EDGE),
            float(last == 0),
            float(last < EDGE),
            math.log1p(len(shown)),
            math.expm1(own.words) / total_words,
            float(texts[keys[index]] > 1),
            edge * own.linked,
            edge * short,
            float(last < EDGE) * own.terminal,
        ]
        for step in (-1, 1):
            other = place + step
            if 0 <= other < len(shown):
                near = owns[shown[other]]
                row += [1.0] + [getattr(near, name) for name in NEIGHBOUR]
            else:
                row += [0.0] * (1 + len(NEIGHBOUR))
        rows[index] = row
    return rows


def _shingles(text: str) -> set[tuple[str, ...]]:
    tokens = WORD.findall(text)
    return {tuple(tokens[index : index + SHINGLE]) for index in range(len(tokens) - SHINGLE + 1)}


def labels(blocks: Sequence[Block], gold: LargeGold) -> list[int | None]:
    """1 for boilerplate, 0 for the article's, None where the gold does not say."""
    found: list[int | None] = []
    body = normalise(gold.body) if gold.body is not None else None
    truth = _shingles(body) if body is not None else set()
    folded = body.casefold() if body is not None else ""
    withouts = [snippet for snippet in map(normalise, gold.without_snippets) if snippet]
    withins = [snippet for snippet in map(normalise, gold.with_snippets) if snippet]
    for block in blocks:
        text = normalise(_text(block))
        if not isinstance(block, CANDIDATE) or not text:
            found.append(None)
        elif body is not None:
            grams = _shingles(text)
            if not grams:
                found.append(0 if text.casefold() in folded else 1)
            else:
                share = len(grams & truth) / len(grams)
                found.append(0 if share >= ARTICLE_SHARE else 1 if share < BOILERPLATE_SHARE else None)
        else:
            without = any(snippet in text for snippet in withouts)
            within = any(snippet in text for snippet in withins)
            found.append(None if without == within else int(without))
    return found


@dataclass
class Example:
    """A tune page after the trim: its blocks, their features and labels."""

    gold: LargeGold
    saved: Saved
    blocks: list[Block]
    rows: list[list[float] | None]
    labels: list[int | None]
    train_rows: list[list[float] | None]  # the examples it gives for training (its blocks before the trim,
    train_labels: list[int | None]  # with --before-trim)
    markup: list[Markup | None] | None = None  # each block's element (with --markup)
    train_markup: list[Markup | None] | None = None


def examples(
    golds: list[LargeGold], pages: dict[str, Saved | None], before_trim: bool, raw: bool = False
) -> list[Example]:
    """The pages' blocks after the trim (before it where ``raw``), their features and labels."""
    found = []
    for gold in golds:
        saved = pages.get(str(gold.page))
        if saved is None:
            continue
        rules: list[trim.Rule] | None = [] if raw else None
        blocks = trim.trim_article(list(saved.blocks), saved.address, saved.pictures_fetched, rules)
        rows, marks = features(blocks), labels(blocks, gold)
        markup = block_markup(saved, blocks)
        if before_trim:
            example = Example(
                gold,
                saved,
                blocks,
                rows,
                marks,
                features(saved.blocks),
                labels(saved.blocks, gold),
                markup,
                block_markup(saved, saved.blocks),
            )
        else:
            example = Example(gold, saved, blocks, rows, marks, rows, marks, markup, markup)
        found.append(example)
    return found


def block_markup(saved: Saved, blocks: list[Block]) -> list[Markup | None]:
    """The collected markup of each of ``blocks`` (the trim keeps blocks or makes them anew: by identity,
    else by text)."""
    collected = getattr(saved, "markup", None) or [None] * len(saved.blocks)
    by_id = {id(block): markup for block, markup in zip(saved.blocks, collected, strict=True)}
    by_text = {_text(block): markup for block, markup in zip(saved.blocks, collected, strict=True)}
    return [by_id.get(id(block), by_text.get(_text(block))) for block in blocks]


def _region(markups: Sequence[Markup | None]) -> int:
    """How many levels the found blocks' elements share from the root: their common ancestor's depth."""
    chains = [[level.serial for level in m.levels] for m in markups if m is not None]
    if not chains:
        return 0
    depth = min(len(chain) for chain in chains)
    for index in range(depth):
        if len({chain[index] for chain in chains}) > 1:
            return index
    return depth


def _below(markup: Markup, region: int) -> list:
    """The element's ancestry below the text's common ancestor (the element itself at least)."""
    return markup.levels[min(region, len(markup.levels) - 1) :]


@dataclass
class Vocabulary:
    """The class/id words that are features: carried by blocks of ``MIN_WORD_SITES`` training sites."""

    words: list[str]
    scores: dict[str, float] | None = None  # --word-score: each word's log odds, boilerplate over article

    @classmethod
    def learn(
        cls, chosen: Sequence[Example], min_sites: int = MIN_WORD_SITES, scored: bool = False
    ) -> Vocabulary:
        sites: dict[str, set[str]] = {}
        labelled: dict[tuple[str, int], set[str]] = {}  # (word, label) -> the sites with such a block
        for example in chosen:
            markups = example.train_markup or []
            region = _region(markups)
            for markup, row, label in zip(markups, example.train_rows, example.train_labels, strict=True):
                if markup is not None and row is not None:
                    for word in {w for level in _below(markup, region) for w in level.words}:
                        sites.setdefault(word, set()).add(example.gold.site)
                        if label is not None:
                            labelled.setdefault((word, label), set()).add(example.gold.site)
        words = sorted(word for word, found in sites.items() if len(found) >= min_sites)
        if not scored:
            return cls(words)
        totals = [len({e.gold.site for e in chosen if label in e.train_labels}) for label in (0, 1)]
        scores = {
            word: math.log((len(labelled.get((word, 1), ())) + 0.5) / (totals[1] + 1))
            - math.log((len(labelled.get((word, 0), ())) + 0.5) / (totals[0] + 1))
            for word in words
        }
        return cls(words, scores)

    def names(self) -> list[str]:
        """The markup features' names, in ``row``'s order."""
        return (
            list(MARKUP_NAMES)
            + [f"inside {tag}" for tag in INSIDE_TAGS]
            + [f"is {tag}" for tag in OWN_TAGS]
            + (["words' highest score", "words' mean score"] if self.scores is not None else [])
            + ([f"word {word}" for word in self.words] if self.scores is None else [])
        )

    def row(self, markup: Markup | None, region: int) -> list[float]:
        """A block's markup features (all 0 where its element was not found)."""
        width = len(self.names())
        if markup is None:
            return [0.0] * width
        below = _below(markup, region)
        words = {w for level in below for w in level.words}
        tags = {level.tag for level in below}
        own = markup.levels[-1].tag
        row = [
            1.0,
            math.log1p(len(below) - 1),
            math.log1p(len(markup.levels)),
            markup.share,
            math.log1p(markup.siblings),
            math.log1p(markup.similar),
            markup.similar / max(markup.siblings, 1),
            markup.parent_links,
            markup.grandparent_links,
            markup.place,
            markup.after_headline,
            markup.from_headline,
            float(markup.in_container),
            float(markup.found == "whole"),
            math.log1p(len(words)),
        ]
        row += [float(tag in tags) for tag in INSIDE_TAGS]
        row += [float(own == tag) for tag in OWN_TAGS]
        if self.scores is None:
            row += [float(word in words) for word in self.words]
        else:
            known = [self.scores[word] for word in words if word in self.scores]
            row += [max(known), sum(known) / len(known)] if known else [0.0, 0.0]
        assert len(row) == width
        return row


def with_markup(
    rows: list[list[float] | None], markups: list[Markup | None] | None, vocabulary: Vocabulary | None
) -> list[list[float] | None]:
    """``rows`` with each block's markup features after them (unchanged without a vocabulary)."""
    if vocabulary is None:
        return rows
    markups = markups or [None] * len(rows)
    region = _region(markups)
    return [
        None if row is None else row + vocabulary.row(markup, region)
        for row, markup in zip(rows, markups, strict=True)
    ]


@dataclass
class Model:
    """Standardisation and weights of a logistic regression (the last weight is the intercept)."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray

    def probability(self, row: list[float]) -> float:
        z = (np.asarray(row) - self.mean) / self.scale
        return float(1.0 / (1.0 + np.exp(-(z @ self.weights[:-1] + self.weights[-1]))))


def fit(rows: list[list[float]], ys: list[int], ridge: float = RIDGE) -> Model:
    """L2 logistic regression by Newton's method on standardised features (intercept not penalised)."""
    x = np.asarray(rows, dtype=float)
    y = np.asarray(ys, dtype=float)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    weights = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], ridge)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(z @ weights)))
        gradient = z.T @ (p - y) + penalty * weights
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    return Model(mean, scale, weights)


@dataclass
class Tree:
    """A shallow classification tree: a leaf is the share of boilerplate (smoothed), a node a feature's
    index, a cut and its two subtrees."""

    root: tuple

    def probability(self, row: list[float]) -> float:
        node = self.root
        while len(node) == 4:
            feature, cut, low, high = node
            node = low if row[feature] <= cut else high
        return float(node[0])


def grow_tree(x: np.ndarray, y: np.ndarray, depth: int) -> tuple:
    """A regression tree at most ``depth`` deep on ``x``'s rows: a leaf (its smoothed mean of ``y``),
    or (feature, cut, tree at or below the cut, tree above it)."""
    leaf = ((y.sum() + 1) / (len(y) + 2),)
    if depth == 0 or len(y) < 2 * MIN_LEAF or y.min() == y.max():
        return leaf
    best: tuple[float, int, float] | None = None
    for feature in range(x.shape[1]):
        values = x[:, feature]
        for cut in np.unique(np.quantile(values, np.linspace(0.02, 0.98, 25))):
            low = values <= cut
            n_low = int(low.sum())
            if n_low < MIN_LEAF or len(y) - n_low < MIN_LEAF:
                continue
            impurity = 0.0
            for part in (y[low], y[~low]):
                share = part.mean()
                impurity += len(part) * share * (1 - share)
            if best is None or impurity < best[0]:
                best = (impurity, feature, float(cut))
    if best is None:
        return leaf
    _, feature, cut = best
    low = x[:, feature] <= cut
    return (feature, cut, grow_tree(x[low], y[low], depth - 1), grow_tree(x[~low], y[~low], depth - 1))


@dataclass(frozen=True)
class Recipe:
    """How a model is fitted: its kind, whether rows carry the markup, its ridge, the markup words' sites."""

    kind: str = "logistic"
    markup: bool = False
    ridge: float = RIDGE
    word_sites: int = MIN_WORD_SITES
    word_score: bool = False  # the markup words as two scores (learned out of fold) instead of one each


@dataclass
class Fitted:
    """A fitted model and the markup words its rows carry (None: text features alone)."""

    model: Model | Tree
    vocabulary: Vocabulary | None


def train(chosen: list[Example], recipe: Recipe = Recipe()) -> Fitted:
    vocabulary = Vocabulary.learn(chosen, recipe.word_sites, recipe.word_score) if recipe.markup else None
    inner = {}  # with word scores, a training page's rows score its words by the other (inner) folds' sites
    if recipe.markup and recipe.word_score:
        for fold in range(FOLDS):
            others = [e for e in chosen if _fold(e.gold.site, "inner") != fold]
            inner[fold] = Vocabulary.learn(others, recipe.word_sites, True)
    rows, ys = [], []
    for example in chosen:
        words = inner.get(_fold(example.gold.site, "inner"), vocabulary)
        full = with_markup(example.train_rows, example.train_markup, words)
        pairs = zip(full, example.train_labels, strict=True)
        for row, label in pairs:
            if row is not None and label is not None:
                rows.append(row)
                ys.append(label)
    if recipe.kind == "tree":
        tree = Tree(grow_tree(np.asarray(rows, dtype=float), np.asarray(ys, dtype=float), TREE_DEPTH))
        return Fitted(tree, vocabulary)
    return Fitted(fit(rows, ys, recipe.ridge), vocabulary)


def dropped(blocks: list[Block], probabilities: list[float | None], threshold: float, mode: str) -> set[int]:
    """The blocks to leave out: confident ones anywhere, or runs of them at either edge (pictures between
    passed over)."""
    confident = {i for i, p in enumerate(probabilities) if p is not None and p >= threshold}
    if mode == "anywhere":
        return confident
    found: set[int] = set()
    for order in (range(len(probabilities)), range(len(probabilities) - 1, -1, -1)):
        for index in order:
            if index in confident:
                found.add(index)
            elif not isinstance(blocks[index], Picture):
                break
    return found


def _kept(example: Example, gone: set[int]) -> Saved:
    blocks = [block for index, block in enumerate(example.blocks) if index not in gone] or example.blocks
    return Saved(blocks, None, False, example.saved.standfirst)


def evaluate(
    chosen: list[Example], probabilities: list[list[float | None]], threshold: float, mode: str, listing: bool
) -> tuple[list[Score], list[Score], int, int]:
    before, after = [], []
    won = lost = 0
    for example, chances in zip(chosen, probabilities, strict=True):
        gone = dropped(example.blocks, chances, threshold, mode)
        before.append(score_page(example.gold, _kept(example, set()), []))
        after.append(score_page(example.gold, _kept(example, gone), []))
        verdict = page_verdict(after[-1], before[-1])
        won += verdict > 0
        lost += verdict < 0
        if verdict and listing:
            texts = [_text(example.blocks[index])[:60] for index in sorted(gone)]
            print(f"    {'won' if verdict > 0 else 'lost'} {example.gold.site}: {' | '.join(texts[:4])}")
    return before, after, won, lost


def _shares(scores: list[Score]) -> tuple[float, float]:
    tp = sum(s.counts.tp for s in scores)
    fn = sum(s.counts.fn for s in scores)
    f1s = [s.f1 for s in scores if s.f1 is not None]
    return tp / max(tp + fn, 1), sum(f1s) / max(len(f1s), 1)


def predict(fitted: Fitted, chosen: list[Example]) -> list[list[float | None]]:
    return [
        [
            None if row is None else fitted.model.probability(row)
            for row in with_markup(e.rows, e.markup, fitted.vocabulary)
        ]
        for e in chosen
    ]


def _fold(site: str, salt: str = "fold") -> int:
    return int(hashlib.sha256(f"{salt}:{site}".encode()).hexdigest(), 16) % FOLDS


def cross_validate(chosen: list[Example], recipe: Recipe) -> list[list[float | None]]:
    """Each page's probabilities from the model (and markup words) fitted on the other folds' sites."""
    found: list[list[float | None]] = [[] for _ in chosen]
    for fold in range(FOLDS):
        inside = [i for i, e in enumerate(chosen) if _fold(e.gold.site) == fold]
        model = train([e for e in chosen if _fold(e.gold.site) != fold], recipe)
        for index, chances in zip(inside, predict(model, [chosen[i] for i in inside]), strict=True):
            found[index] = chances
    return found


def block_auc(chosen: list[Example], probabilities: list[list[float | None]]) -> tuple[float, int, int]:
    """The chance that a boilerplate block scores above an article one (ties count half); their counts."""
    pairs = [
        (p, y)
        for e, chances in zip(chosen, probabilities, strict=True)
        for p, y in zip(chances, e.labels, strict=True)
        if p is not None and y is not None
    ]
    positives = sum(y for _, y in pairs)
    negatives = len(pairs) - positives
    ranks: dict[float, list[int]] = {}
    for rank, (p, _) in enumerate(sorted(pairs), 1):
        ranks.setdefault(p, []).append(rank)
    rank_sum = sum(sum(ranks[p]) / len(ranks[p]) for p, y in pairs if y)
    auc = (rank_sum - positives * (positives + 1) / 2) / max(positives * negatives, 1)
    return auc, positives, negatives


def choose(
    chosen: list[Example], probabilities: list[list[float | None]], thresholds: Sequence[float] = THRESHOLDS
) -> tuple[float, str]:
    """The threshold and mode with the most pages won less lost whose "with" share and F1 fall by at most
    ``MAX_WITH_LOSS``; ties go to the higher threshold."""
    best: tuple[int, float, str] | None = None
    for mode in MODES:
        for threshold in thresholds:
            before, after, won, lost = evaluate(chosen, probabilities, threshold, mode, False)
            (w0, f0), (w1, f1) = _shares(before), _shares(after)
            ok = w0 - w1 <= MAX_WITH_LOSS and f0 - f1 <= MAX_WITH_LOSS
            print(
                f"  cv {mode:8} {threshold:.2f}  {score_figures(before)} -> {score_figures(after)}"
                f"  won {won} lost {lost}{'' if ok else '  (loses with/F1)'}"
            )
            if ok and (best is None or (won - lost, threshold) > best[:2]):
                best = (won - lost, threshold, mode)
    return (best[1], best[2]) if best else (NEVER, "edges")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_argument(parser)
    parser.add_argument("--blocks", required=True, help="html_trim_eval.py --collect's file")
    parser.set_defaults(collect=None)  # tune_pages reads --blocks: this benchmark never collects
    parser.add_argument(
        "--train", choices=("A", "B"), default="A", help="the half to train on; the other is scored"
    )
    parser.add_argument("--model", choices=("logistic", "tree"), default="logistic")
    parser.add_argument(
        "--before-trim", action="store_true", help="train on each page's blocks before the trim too"
    )
    parser.add_argument(
        "--raw", action="store_true", help="the model in the trim's place: blocks before the trim throughout"
    )
    parser.add_argument(
        "--markup", action="store_true", help="add the blocks' markup features (the collect's block_markup)"
    )
    parser.add_argument("--ridge", type=float, default=RIDGE, help="the logistic model's L2 penalty")
    parser.add_argument(
        "--word-sites", type=int, default=MIN_WORD_SITES, help="a markup word's training sites (--markup)"
    )
    parser.add_argument(
        "--word-score", action="store_true", help="the markup words as two learned scores, not one each"
    )
    parser.add_argument("--low", action="store_true", help="thresholds from 0.1, not 0.5")
    parser.add_argument("--curve", action="store_true", help="the scored half at every threshold")
    parser.add_argument("--pages", action="store_true", help="name the pages won and lost on the scored half")
    options = parser.parse_args()
    golds, pages = tune_pages(options, lambda page: None, 0.0)
    train_half = options.train
    test_half = "B" if train_half == "A" else "A"
    training = examples(
        [g for g in golds if half_of(g.site) == train_half], pages, options.before_trim, options.raw
    )
    testing = examples([g for g in golds if half_of(g.site) == test_half], pages, False, options.raw)
    print(
        f"train on half {train_half}: {len(training)} pages; score on half {test_half}: {len(testing)} pages"
    )
    if options.markup:
        pages_with = [e for e in training + testing if getattr(e.saved, "markup", None)]
        blocks = [m for e in training + testing for m, r in zip(e.markup or [], e.rows, strict=False) if r]
        found = sum(m is not None for m in blocks)
        print(
            f"markup: {len(pages_with)} pages collected with it;"
            f" {found} of {len(blocks)} candidate blocks found in the page"
        )
    recipe = Recipe(options.model, options.markup, options.ridge, options.word_sites, options.word_score)
    oof = cross_validate(training, recipe)
    auc, boiler, article = block_auc(training, oof)
    print(
        f"half {train_half} cross-validated: block AUC {auc:.3f}"
        f" ({boiler} boilerplate, {article} article blocks)"
    )
    thresholds = LOW_THRESHOLDS + THRESHOLDS if options.low else THRESHOLDS
    threshold, mode = choose(training, oof, thresholds)
    print(f"chosen on half {train_half}: threshold {threshold:.2f}, {mode}")
    model = train(training, recipe)
    if model.vocabulary is not None:
        words = len(model.vocabulary.words)
        print(f"markup words (on >= {recipe.word_sites} of half {train_half}'s sites): {words}")
        if isinstance(model.model, Model):  # the strongest markup weights, to describe the model
            names = model.vocabulary.names()
            weights = model.model.weights[-1 - len(names) : -1]
            strongest = sorted(zip(weights, names, strict=True), key=lambda pair: -abs(pair[0]))[:20]
            print("  " + ", ".join(f"{name} {weight:+.2f}" for weight, name in strongest))
    if options.curve:  # fixed thresholds on the scored half: to describe the model, never to choose
        chances = predict(model, testing)
        for where in MODES:
            for cut in thresholds:
                before, after, won, lost = evaluate(testing, chances, cut, where, False)
                print(
                    f"  half {test_half} {where:8} {cut:.2f}  {score_figures(after)}  won {won} lost {lost}"
                )
    for name, chosen in (
        (f"half {train_half} (in-sample)", training),
        (f"half {test_half} (held out)", testing),
    ):
        chances = predict(model, chosen)
        auc, boiler, article = block_auc(chosen, chances)
        before, after, won, lost = evaluate(
            chosen, chances, threshold, mode, options.pages and chosen is testing
        )
        print(f"{name}: block AUC {auc:.3f} ({boiler} / {article})")
        print(f"  {'no rules' if options.raw else 'trim alone':12} {score_figures(before)}")
        print(f"  {'model':12} {score_figures(after)}  won {won} lost {lost}")
        if options.raw:  # what the site-fitted rules do in its place, on the same pages
            rules = list(trim.RULES.values())
            trimmed = [score_page(e.gold, e.saved, rules) for e in chosen]
            verdicts = [page_verdict(t, b) for t, b in zip(trimmed, before, strict=True)]
            won, lost = verdicts.count(1), verdicts.count(-1)
            print(f"  {'trim rules':12} {score_figures(trimmed)}  won {won} lost {lost}")


if __name__ == "__main__":
    main()
