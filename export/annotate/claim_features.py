"""What the claim filter knows of a candidate sentence: its cues, their kinds and weights, and a few words."""

from __future__ import annotations

import re

from export.annotate.cues import Hit
from export.annotate.lexicon import Lexicon

_TOKEN = re.compile(r"[\w']+|[?\"“”]")
_DIGIT = re.compile(r"\d")
_SAYING = frozenset({"said", "says", "say", "told", "according", "reported", "added", "stated"})
_FIRST_PERSON = frozenset({"i", "we", "my", "our", "me", "us", "i'm", "we're", "i've", "we've"})
_NEGATION = frozenset({"not", "no", "never", "n't", "don't", "doesn't", "didn't", "won't", "can't"})


def _band(weight: float) -> str:
    """A cue's weight as the level it reaches: all, default or strict."""
    return "strict" if weight >= 0.8 else "default" if weight >= 0.5 else "all"


def _length(words: int) -> str:
    return "short" if words < 10 else "medium" if words < 22 else "long" if words < 40 else "very-long"


def candidate_features(
    original: str, lowered: str, hits: list[Hit], kind: str, lexicon: Lexicon
) -> list[str]:
    """The names of the features of one candidate sentence (``hits``: its cues at level all, ``kind``: the
    rules' kind), sorted and without repeats: what the filter weighs."""
    first = hits[0]
    strongest = max(hits, key=lambda hit: hit.weight)
    found = {
        f"kind={kind}",
        f"band={_band(strongest.weight)}",
        f"kind-band={kind}|{_band(strongest.weight)}",
        f"cues={min(len(hits), 3)}",
        f"position={min(3, 4 * first.start // max(len(lowered), 1))}",
    }
    for hit in hits:
        base = lexicon.cues[hit.cue][1] if hit.cue in lexicon.cues else hit.weight
        moved = "raised" if hit.weight > base else "lowered" if hit.weight < base else "as-listed"
        found |= {
            f"cue={hit.cue}",
            f"cue-band={hit.cue}|{_band(hit.weight)}",
            f"cue-kind={hit.kind}",
            f"context={moved}",
            f"context-kind={hit.kind}|{moved}",
        }
    tokens = [(match.start(), match.group()) for match in _TOKEN.finditer(lowered)]
    before = [word for start, word in tokens if start < strongest.start][-1:] or ["^"]
    after = [word for start, word in tokens if start >= strongest.end][:2]
    found.add(f"before={before[0]}")
    found |= {f"after={word}" for word in after}
    found.add(f"after1={after[0] if after else '$'}")
    words = {word for _, word in tokens}
    found.add(f"length={_length(len(tokens))}")
    flags = {
        "quote": bool(words & {'"', "“", "”"}),
        "saying": bool(words & _SAYING),
        "first-person": bool(words & _FIRST_PERSON),
        "negation": bool(words & _NEGATION),
        "question": original.rstrip("\"'”’) ").endswith("?"),
        "digits": _DIGIT.search(lowered) is not None,
        "named": any(word[:1].isupper() for word in original.split()[1:]),
    }
    found |= {f"flag={name}" for name, value in flags.items() if value}
    return sorted(found)
