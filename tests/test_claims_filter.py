"""The trained claim filter: its weights load, it decides levels strict and default, deterministically."""

from __future__ import annotations

from pathlib import Path

import pytest

from export.annotate import claim_filter, find_claims
from export.annotate.claim_filter import ClaimFilter, default_filter, load_filter
from export.annotate.claims import claim_candidates, load_lexicon
from export.errors import InputError

TEXT = (
    "The minister said the plan could still fail. Officials will meet on Monday. "
    "Sources said the talks may collapse. He is believed to have left the country."
)


def test_the_shipped_weights_load():
    model = default_filter()
    assert model.weights and set(model.thresholds) == {"default", "strict"}
    assert 0 < model.thresholds["default"] <= model.thresholds["strict"] < 1
    assert default_filter() is model  # read once


def test_the_filter_decides_strict_and_default(monkeypatch: pytest.MonkeyPatch):
    candidates = claim_candidates(TEXT)
    assert len(candidates) == len(find_claims(TEXT, "all"))
    model = default_filter()
    for threshold, expected in ((1.01, 0), (0.0, len(candidates))):
        changed = ClaimFilter(model.weights, model.intercept, {"default": threshold, "strict": threshold})
        monkeypatch.setattr(claim_filter, "default_filter", lambda changed=changed: changed)
        monkeypatch.setattr("export.annotate.claims.default_filter", lambda changed=changed: changed)
        assert len(find_claims(TEXT, "default")) == len(find_claims(TEXT, "strict")) == expected
        assert len(find_claims(TEXT, "default", lexicon=load_lexicon())) > 0  # another lexicon: the rules


def test_the_output_is_deterministic():
    first = [find_claims(TEXT, level) for level in ("strict", "default", "all")]
    assert first == [find_claims(TEXT, level) for level in ("strict", "default", "all")]
    assert claim_candidates(TEXT) == claim_candidates(TEXT)


def test_a_bad_weights_file_is_one_line(tmp_path: Path):
    path = tmp_path / "filter.tsv"
    path.write_text("@intercept\t0.5\n@default\t0.5\ncue=may\tmuch\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 3: expected a name, a tab and a number"):
        load_filter(path)
    path.write_text("@intercept\t0.5\ncue=may\t0.1\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing the @default, @strict line"):
        load_filter(path)
