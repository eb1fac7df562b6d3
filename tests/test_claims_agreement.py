"""The scoring of benchmarks/claims_agreement.py on synthetic labels worked out by hand."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from claims_agreement import agreement, kappa, placed
from claims_eval import sentence_hash

NONE = ("-", "-")
# (first, second) labels of ten sentences: one agreed default claim, one level apart, one claim each side
# alone, one kind apart, one more claim of the second's at level all, four agreed non-claims.
PAIRS = [
    (("possibility", "default"), ("possibility", "default")),
    (("belief", "default"), ("belief", "all")),
    (NONE, ("prediction", "default")),
    (("sourcing", "all"), NONE),
    (("evidential", "default"), ("possibility", "default")),
    (NONE, ("prediction", "all")),
    *[(NONE, NONE)] * 4,
]


def test_claim_or_not_at_default_and_at_any_level():
    result = agreement(PAIRS)
    default, any_level = result.views["default"], result.views["any"]
    assert (default.first, default.second, default.both) == (3, 3, 2)
    assert default.precision == pytest.approx(2 / 3) and default.recall == pytest.approx(2 / 3)
    # observed 0.8, expected 0.3 * 0.3 + 0.7 * 0.7 = 0.58
    assert default.kappa == pytest.approx((0.8 - 0.58) / 0.42)
    assert (any_level.first, any_level.second, any_level.both) == (4, 5, 3)
    assert any_level.precision == pytest.approx(3 / 5) and any_level.recall == pytest.approx(3 / 4)
    # observed 0.7, expected 0.4 * 0.5 + 0.6 * 0.5 = 0.5
    assert any_level.kappa == pytest.approx(0.4)


def test_kind_and_level_where_both_mark_a_claim():
    result = agreement(PAIRS)
    assert (result.kind.both, result.kind.same) == (3, 2)
    assert result.kind.kappa == pytest.approx(0.5)  # observed 2/3, expected 1/3
    assert (result.level.both, result.level.same) == (3, 2)
    assert result.level.kappa == pytest.approx(0.0)  # observed 2/3, expected 2/3
    assert result.kind_f1 == pytest.approx(2 * 0.4 * 0.5 / 0.9)  # same kind 2 of 5 marked, of 4 labelled


def test_kappa_bounds():
    assert kappa([("a", "a"), ("b", "b")]) == 1.0
    assert kappa([("a", "a"), ("a", "a")]) == 1.0
    assert kappa([("a", "b"), ("b", "a")]) == pytest.approx(-1.0)


def test_rows_are_placed_by_hash_when_the_sentences_moved(tmp_path: Path):
    spans = [(0, 5, "New."), (6, 20, "It may rain."), (21, 30, "Fine.")]
    labels = tmp_path / "labels.tsv"
    labels.write_text(f"# a comment\ndoc\t0\t{sentence_hash('It may rain.')}\tpossibility\tdefault\tmay\n")
    assert placed(labels, "doc", spans) == {1: (("possibility", "default"), "may")}
    labels.write_text("doc\t0\tdeadbeef\t-\t-\t-\n")
    with pytest.raises(SystemExit, match="not in the text"):
        placed(labels, "doc", spans)
