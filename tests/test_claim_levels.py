"""Levels as data: a family listed in levels_en.tsv keeps at most its level (synthetic sentences)."""

from __future__ import annotations

from pathlib import Path

import pytest

from export.annotate import find_claims
from export.annotate.claims import sentence_hits
from export.annotate.lexicon import load_lexicon
from export.errors import InputError

HEADER = "# family<TAB>level[<TAB>evidence]\n"


def _levels(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "levels_en.tsv"
    path.write_text(HEADER + "".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _kinds(text: str, level: str, levels: Path | None = None) -> list[str]:
    lexicon = load_lexicon(levels=levels) if levels else None
    return [claim.kind for claim in find_claims(text, level, lexicon=lexicon)]


def test_the_shipped_levels_load() -> None:
    load_lexicon()  # every family it lists is a cue, a rule or "condition", and every level known


def test_a_demoted_cue_keeps_at_most_its_level(tmp_path: Path) -> None:
    text = "He may have left the country."
    assert _kinds(text, "strict") == ["possibility"]
    levels = _levels(tmp_path, "may have\tdefault\tstrict 1/3")
    assert _kinds(text, "strict", levels) == []
    assert _kinds(text, "default", levels) == ["possibility"]
    levels = _levels(tmp_path, "may have\tall")
    assert _kinds(text, "default", levels) == [] and _kinds(text, "all", levels) == ["possibility"]
    levels = _levels(tmp_path, "May  Have\tall")  # as the cue table reads its cues
    assert _kinds(text, "default", levels) == []


def test_only_the_listed_family_moves(tmp_path: Path) -> None:
    levels = _levels(tmp_path, "it could\tall")
    assert _kinds("It could rain all week.", "default", levels) == []
    assert _kinds("The talks could still fail.", "strict", levels) == ["possibility"]
    # another family in the same sentence still marks it
    assert _kinds("It could apparently rain all week.", "default", levels) == ["evidential"]


def test_a_rule_family_is_demoted_where_the_rule_set_the_weight(tmp_path: Path) -> None:
    text = "The drug might reduce the risk of stroke."
    [(_, _, hits)] = sentence_hits(text)
    assert [hit.source for hit in hits] == ["rule:hedged-effect"]
    assert _kinds(text, "default") == ["possibility"]
    levels = _levels(tmp_path, "rule:hedged-effect\tall")
    assert _kinds(text, "default", levels) == [] and _kinds(text, "all", levels) == ["possibility"]
    # the bare cue, where the rule does not apply, is not that family
    assert [hit.source for _, _, hits in sentence_hits("Apparently it might.") for hit in hits][-1] != (
        "rule:hedged-effect"
    )


def test_a_condition_family(tmp_path: Path) -> None:
    text = "If the talks fail, prices would rise."
    [(_, _, hits)] = sentence_hits(text)
    assert {hit.source for hit in hits} == {
        "if",
        "condition",
    }  # the condition, and the consequence it licensed
    assert _kinds(text, "default") == ["conditional"]
    assert _kinds(text, "default", _levels(tmp_path, "condition\tall")) == ["conditional"]
    assert _kinds(text, "default", _levels(tmp_path, "condition\tall", "if\tall")) == []


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("perchance\tall", "no cue"),
        ("rule:no-such-rule\tall", "no cue"),
        ("may have\tstrict", "level must be"),
        ("may have", "fields"),
    ],
)
def test_bad_levels_are_reported(tmp_path: Path, line: str, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        load_lexicon(levels=_levels(tmp_path, line))


def test_a_kind_family_caps_every_cue_of_the_kind(tmp_path: Path) -> None:
    text = "Analysts expect a rate cut in March."
    levels = _levels(tmp_path, "kind:belief\tall")
    assert _kinds(text, "default", levels) == [] and _kinds(text, "all", levels) == ["belief"]
    assert _kinds("The talks could still fail.", "strict", levels) == ["possibility"]
    with pytest.raises(InputError, match="kind:KIND"):
        load_lexicon(levels=_levels(tmp_path, "kind:rumour\tall"))


# The shipped levels: strict is the definition's clear cases only (docs/claims-detector.md, "What each
# level means"); each class moved keeps its marks at default.
@pytest.mark.parametrize(
    "text",
    [
        "The minister is accused of taking bribes.",  # kind:belief
        "Analysts believe the bank will cut rates.",
        "Analysts expect a rate cut in March.",  # rule:forecasters
        "Prices will likely rise next year.",  # prediction without evidence across sources
        "The deal would probably collapse.",
        "If the talks fail, prices would rise sharply.",  # kind:conditional
        "The plan seemed to be working.",  # a verb of seeming
        "It appears that the talks have stalled.",
        "The fire was probably started deliberately.",  # an adverb of likelihood
        "He might have left the country.",  # might have
    ],
)
def test_context_dependent_classes_are_not_strict(text: str) -> None:
    assert _kinds(text, "strict") == []
    assert len(_kinds(text, "default")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The talks could still fail.",
        "He may have left the country.",
        "It's possible that the talks will fail.",
        "The minister apparently resigned.",
        "The minister reportedly resigned.",
        "The ship is thought to have sunk.",
        "Sources told Reuters the deal was off.",
        "A person familiar with the talks said the deal was off.",
        "The bill is expected to pass next week.",  # a forecast whose marks hold in every source
    ],
)
def test_the_clear_cases_stay_strict(text: str) -> None:
    assert len(_kinds(text, "strict")) == 1
