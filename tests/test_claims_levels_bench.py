"""The decision and bounds of benchmarks/claims_levels.py, on counts worked out by hand."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from claims_levels import Sentence, decide, marked, wilson_lower, wilson_upper


def test_wilson_bounds() -> None:
    assert wilson_lower(0, 0) == 0.0 and wilson_upper(0, 0) == 1.0
    assert wilson_lower(5, 5) == pytest.approx(0.566, abs=0.001)
    assert wilson_lower(8, 10) == pytest.approx(0.490, abs=0.001)
    assert wilson_upper(8, 10) == pytest.approx(0.943, abs=0.001)
    assert wilson_lower(8, 10) < 0.8 < wilson_upper(8, 10)


def _sentences(family: str, weight: float, right: int, wrong: int) -> list[Sentence]:
    return [Sentence("s", f"d{i}", i < right, {family: weight}) for i in range(right + wrong)]


def test_decide_demotes_what_the_evidence_does_not_support() -> None:
    sentences = [
        *_sentences("sure", 0.85, 20, 0),  # strict, lower bound 0.84: stays
        *_sentences("shaky", 0.85, 6, 2),  # strict, lower bound 0.41, default the same: to all
        *_sentences("middling", 0.85, 14, 2),  # lower bound 0.64: not strict, but default
        *_sentences("rare", 0.85, 1, 1),  # two marks: no evidence either way
    ]
    assert decide(sentences, strict_bound=0.75, default_bound=0.5, min_marks=4) == {
        "shaky": "all",
        "middling": "default",
    }
    demoted = {"shaky": "all", "middling": "default"}
    shaky, middling = sentences[20], sentences[28]
    assert not marked(shaky, "default", demoted) and marked(middling, "default", demoted)
    assert not marked(middling, "strict", demoted) and marked(sentences[0], "strict", demoted)
    # against the level: only where even the upper bound is under it
    assert decide(sentences, strict_bound=0.97, default_bound=0.95, min_marks=4, against=True) == {
        "shaky": "all",
        "middling": "default",
    }
    assert decide(sentences, strict_bound=0.97, default_bound=0.5, min_marks=4, against=True) == {
        "shaky": "default",
        "middling": "default",
    }
