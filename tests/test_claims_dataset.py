"""The detector on the labelled sentences of tests/data/claims_en.tsv, and the rules added while tuning."""

from __future__ import annotations

from pathlib import Path

import pytest

from export.annotate import find_claims
from export.model import CLAIM_KINDS

DATA = Path(__file__).parent / "data" / "claims_en.tsv"


def _rows() -> list[list[str]]:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def _scores(rows: list[list[str]], level: str = "default") -> tuple[float, float]:
    """Precision and recall of claim or not at ``level`` (strict and default: against the default labels)."""
    found = [bool(find_claims(sentence, level)) for *_, sentence in rows]
    labelled = [label != "-" and (level == "all" or at == "default") for _, _, label, at, _, _ in rows]
    tp = sum(f and t for f, t in zip(found, labelled, strict=True))
    return tp / sum(found), tp / sum(labelled)


def test_the_labelled_file_is_well_formed():
    rows = _rows()
    assert all(len(row) == 6 for row in rows)
    assert {row[0] for row in rows} == {"dev", "heldout"}
    assert {row[2] for row in rows} <= {"-", *CLAIM_KINDS}
    assert all((row[2] == "-") == (row[3] == "-") == (row[4] == "-") for row in rows)
    assert {row[3] for row in rows} <= {"-", "default", "all"}
    assert (
        sum(row[0] == "heldout" for row in rows) > 100 and sum(row[1] == "seed__article" for row in rows) > 30
    )


def test_precision_first_on_held_out_pages_and_recall_on_the_seed():
    """Relabelled by the definition, the two held-out pages have 14 claims at default: a floor, not a
    target (the targets are measured by benchmarks/claims_eval.py on the set-aside articles)."""
    held_out = [row for row in _rows() if row[0] == "heldout"]
    assert _scores(held_out, "strict")[0] >= 0.75 and _scores(held_out)[0] >= 0.6
    seed_precision, seed_recall = _scores([row for row in _rows() if row[1] == "seed__article"])
    assert seed_precision >= 0.95 and seed_recall >= 0.9


def test_strict_is_more_precise_than_all():
    rows = _rows()
    assert _scores(rows, "strict")[0] >= _scores(rows, "all")[0]
    assert _scores(rows, "strict")[1] <= _scores(rows, "all")[1]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Officials familiar with the plan, who spoke from Cairo, said the deal was close.", "sourcing"),
        ("It is not clear that the opt-outs govern collection.", "evidential"),
        ("It remains to be seen how voters respond.", "evidential"),
        ("The bridge is thought to date from Roman times.", "evidential"),
        ("The company was expected to report a loss.", "prediction"),
        ("The talks could still fail", "possibility"),
        ("He said the company “may have to cut jobs” soon.", "possibility"),
        ("Putin Could Still Return His Planes Within a Day, Magnier Says.", "possibility"),
    ],
)
def test_added_cues(sentence: str, kind: str):
    assert [claim.kind for claim in find_claims(sentence)] == [kind]


@pytest.mark.parametrize(
    "sentence",
    [
        "The data presentation could use some refining.",
        "It would be interesting to know if it refers to PHP.",
        "Ann is left to wonder whether she'll once again be alone.",
        "But now, obviously, I don't feel that way.",
        "I don't know what I could speak about.",
        "From the balcony she could see the harbour.",
        "These are uncertain times for retailers.",
        "We’ll see if that suggestion goes over.",
        "Send the photo and I will attach it here.",
        "I’ll be making it again!",
        "I can’t seem to find icing sugar anywhere.",
        "May I suggest a different frosting.",
        "Putin Could Return His Planes Within a Day",
        "Why the Talks Will Fail: An Analysis",
        "The film “Things Could Be Worse” opened in Paris.",
    ],
)
def test_added_rules(sentence: str):
    assert find_claims(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The minister is regarded by many in his party as a likely successor.", "belief"),
        ("In my view, the plan is doomed.", "belief"),  # the writer's own opinion
        ("I really think the plan is doomed.", "belief"),
    ],
)
def test_added_cues_at_level_all(sentence: str, kind: str):
    assert find_claims(sentence) == []
    assert [claim.kind for claim in find_claims(sentence, "all")] == [kind]


def test_a_cue_with_a_gap_is_quoted_by_its_words_and_its_holder_named():
    [claim] = find_claims("Iran has long regarded Assad and his regime as a key ally.", "all")
    assert claim.note == "A belief (“regarded … as”) held by Iran, not a fact the article establishes."
