"""The decision and scoring of benchmarks/claims_classes.py, on synthetic sentences and counts."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import claims_classes as cc


def _sentences(family: str, kind: str, weight: float, right: int, wrong: int, set_: str) -> list[cc.Sentence]:
    return [
        cc.Sentence(set_, f"{set_}{family}{i}", i < right, "-", {family: weight}, {family: kind})
        for i in range(right + wrong)
    ]


def test_a_class_moves_to_all_only_when_clearly_under_the_target() -> None:
    sentences = [
        *_sentences("shaky", "possibility", 0.6, 2, 6, "fresh-train"),  # upper bound 0.59: to all
        *_sentences("thin", "possibility", 0.6, 0, 3, "fresh-train"),  # under 5 marks: no evidence
        *_sentences("fair", "belief", 0.6, 7, 3, "fresh-train"),  # upper bound 0.92: stays
    ]
    levels = cc.decide(sentences, {}, min_marks=5)
    assert levels == {"shaky": cc.LEVEL_CAPS["all"]}
    assert not cc.marked(sentences[0], "default", levels) and cc.marked(sentences[0], "all", levels)


def test_a_kind_cap_reaches_every_class_of_the_kind() -> None:
    [sentence] = _sentences("accused", "belief", 0.85, 1, 0, "tuned")
    assert cc.marked(sentence, "strict", {})
    levels = {"kind:belief": cc.LEVEL_CAPS["default"]}
    assert not cc.marked(sentence, "strict", levels) and cc.marked(sentence, "default", levels)
    assert (
        cc.cap_of("accused", "belief", levels) == "default" and cc.cap_of("may", "possibility", levels) == "-"
    )


def test_tuned_and_news_tuned_count_once_as_one_source() -> None:
    [tuned] = _sentences("x", "belief", 0.6, 1, 0, "tuned")
    same = [tuned, dataclasses.replace(tuned, set="news-tuned")]  # one document in both sets
    assert [s.set for s in cc.once(same)] == ["news-tuned"]
    assert {s.source for s in same} == {"tuned"}


def test_absent_shared_texts_give_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ANNOTATED_EPUB_SHARED", str(tmp_path))
    monkeypatch.setattr(sys, "argv", ["claims_classes.py"])
    cc.main()
    assert capsys.readouterr().out.count("\n") == 1
