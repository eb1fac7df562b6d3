"""The trained claim filter: a logistic regression over a candidate's features, read from a data file."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from export.errors import InputError

FILTER_FILE = Path(__file__).parent / "claims_filter_en.tsv"
_SETTINGS = ("intercept", "default", "strict")  # the header's "@name<TAB>value" lines


@dataclass(frozen=True)
class ClaimFilter:
    """Feature weights, an intercept, and the probability a candidate needs at each filtered level."""

    weights: dict[str, float]
    intercept: float
    thresholds: dict[str, float]  # level -> the least probability that keeps a candidate

    def probability(self, features: list[str]) -> float:
        """The probability that a candidate with ``features`` is a claim at level default."""
        score = self.intercept + sum(self.weights.get(feature, 0.0) for feature in features)
        return 1.0 / (1.0 + math.exp(-score)) if score > -500 else 0.0

    def keeps(self, features: list[str], level: str) -> bool:
        return self.probability(features) >= self.thresholds[level]


def load_filter(path: Path) -> ClaimFilter:
    """The filter in ``path``: "@intercept", "@default" and "@strict" lines, then feature<TAB>weight."""
    settings: dict[str, float] = {}
    weights: dict[str, float] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, tab, value = line.rpartition("\t")
        try:
            number_value = float(value)
        except ValueError:
            raise InputError(path, f"line {number}: expected a name, a tab and a number") from None
        if not tab:
            raise InputError(path, f"line {number}: expected a name, a tab and a number")
        if name.startswith("@"):
            settings[name[1:]] = number_value
        else:
            weights[name] = number_value
    missing = [name for name in _SETTINGS if name not in settings]
    if missing:
        raise InputError(path, f"missing the {', '.join('@' + name for name in missing)} line(s)")
    thresholds = {level: settings[level] for level in ("default", "strict")}
    return ClaimFilter(weights, settings["intercept"], thresholds)


@cache
def default_filter() -> ClaimFilter:
    """The filter shipped beside this module, read once."""
    return load_filter(FILTER_FILE)
