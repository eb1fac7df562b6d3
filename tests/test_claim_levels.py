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
