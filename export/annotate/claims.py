"""Find speculative claims, one per sentence, with cues, context rules and notes read from data files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from export.annotate.sentences import split_sentences
from export.errors import InputError
from export.model import CLAIM_KINDS, Claim

_HERE = Path(__file__).parent
LEVELS = {"strict": 0.8, "default": 0.5, "all": 0.25}
_ROLES = ("stop", "skip", "modal", "determiner", "subordinator", "be", "participle")
_WORD = re.compile(r"\w[\w'.-]*")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\"“”–—]")
_WILDCARD = r"(?:[\w'.-]+\s+){0,2}"
_NOTE_LIMIT = 300


@dataclass(frozen=True)
class Rule:
    """A context in which cues are not speculative: all the sentence's, or those it overlaps (None: any)."""

    name: str
    whole_sentence: bool
    cancels: frozenset[str] | None
    exact_case: bool
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Kind:
    """A kind of claim: whether it counts sentence-wide or in the main clause, and its note templates."""

    reach: str
    note: str
    note_with_holder: str | None


@dataclass(frozen=True)
class Lexicon:
    """Everything the detector reads from data: cues, kinds in priority order, context rules, word classes."""

    pattern: re.Pattern[str]  # every cue, for lower-cased text
    cues: dict[str, tuple[str, float]]
    patterned: _Patterned
    kinds: dict[str, Kind]
    rules: tuple[Rule, ...]
    words: dict[str, frozenset[str]]
    modal: re.Pattern[str]
    subordinator: re.Pattern[str]
    pronouns: dict[str, str]


_Patterned = tuple[tuple[re.Pattern[str], str], ...]


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    cue: str
    kind: str
    weight: float


def _apostrophes(text: str) -> str:
    """``text`` with typographic apostrophes made ASCII, keeping every offset (faster than str.translate)."""
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")


def _rows(path: Path, columns: tuple[int, ...]) -> list[tuple[int, list[str]]]:
    """The (line number, fields) of a tab-separated data file, skipping comments and blank lines."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t")
            if len(fields) not in columns:
                expected = " or ".join(map(str, columns))
                raise InputError(path, f"line {number}: expected {expected} tab-separated fields")
            rows.append((number, fields))
    return rows


def _phrase_regex(phrase: str) -> str:
    """A regex for a cue's words: any whitespace between them, ``*`` for up to two words."""
    tokens = phrase.split()
    parts = []
    for index, token in enumerate(tokens):
        if token == "*":
            parts.append(_WILDCARD)
            continue
        if token.startswith("'"):  # attached to the word before: "'s" is any possessive
            # Bounded: "[\w.-]*" tried from every start of "a.a.a…" was quadratic.
            parts.append(r"\w[\w.-]{0,63}" + ("(?:'s|s')" if token == "'s" else re.escape(token)))
        else:
            parts.append(re.escape(token))
        if index + 1 < len(tokens):
            parts.append(r"\s+")
    return "".join(parts)


def _alternatives(phrases: list[str]) -> re.Pattern[str]:
    """One regex for lower-cased phrases, tried in order where they start at the same place.

    No groups, no IGNORECASE, and the phrases grouped by first letter: each makes it several times faster.
    """
    by_initial: dict[str, list[str]] = {}
    for phrase in phrases:
        initial = phrase[0] if phrase[0].isalpha() else ""
        regex = _phrase_regex(phrase)
        by_initial.setdefault(initial, []).append(regex[len(initial) :])
    groups = [f"{initial}(?:{'|'.join(rest)})" for initial, rest in by_initial.items()]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(groups)})(?![\w-])")


def _load_cues(path: Path) -> tuple[re.Pattern[str], dict[str, tuple[str, float]], _Patterned]:
    """The combined regex, the cues by their words, and the cues whose words are a pattern."""
    entries: dict[str, tuple[str, float]] = {}
    for number, (cue, kind, weight) in _rows(path, (3,)):
        tokens = _apostrophes(cue).lower().split()
        if kind not in CLAIM_KINDS:
            raise InputError(path, f"line {number}: unknown kind {kind!r}")
        if not tokens or "*" in (tokens[0], tokens[-1]) or any(t.startswith("'") for t in tokens[1:]):
            raise InputError(path, f"line {number}: bad cue {cue!r}")
        try:
            value = float(weight)
        except ValueError:
            value = -1.0
        if not 0 <= value <= 1:
            raise InputError(path, f"line {number}: weight must be a number from 0 to 1")
        entries[" ".join(tokens)] = (kind, value)
    # Longest first, so that "can be expected to" wins over "can" where both start.
    ordered = sorted(entries, key=lambda cue: (-len(cue.split()), -len(cue)))
    patterned = tuple(
        (re.compile(_phrase_regex(cue)), cue) for cue in ordered if "*" in cue or cue.startswith("'")
    )
    return _alternatives(ordered), entries, patterned


def _load_kinds(path: Path) -> dict[str, Kind]:
    kinds = {}
    for number, (kind, reach, note, with_holder) in _rows(path, (4,)):
        if kind not in CLAIM_KINDS or reach not in ("clause", "sentence"):
            raise InputError(path, f"line {number}: unknown kind {kind!r} or reach {reach!r}")
        kinds[kind] = Kind(reach, note, None if with_holder == "-" else with_holder)
    if missing := set(CLAIM_KINDS) - set(kinds):
        raise InputError(path, f"no line for {', '.join(sorted(missing))}")
    return kinds


def _load_rules(path: Path, cues: dict[str, tuple[str, float]]) -> tuple[Rule, ...]:
    rules = []
    for number, (name, cancels, case, expression) in _rows(path, (4,)):
        listed = None if cancels in ("sentence", "*") else frozenset(map(_apostrophes, cancels.split(",")))
        if listed and not listed <= cues.keys():
            raise InputError(
                path, f"line {number}: not in the cue lexicon: {', '.join(sorted(listed - cues.keys()))}"
            )
        if case not in ("any", "exact"):
            raise InputError(path, f"line {number}: case must be 'any' or 'exact'")
        try:
            rules.append(Rule(name, cancels == "sentence", listed, case == "exact", re.compile(expression)))
        except re.error as error:
            raise InputError(path, f"line {number}: {error}") from None
    return tuple(rules)


def _load_words(path: Path) -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    words: dict[str, set[str]] = {role: set() for role in _ROLES}
    pronouns = {}
    for number, fields in _rows(path, (2, 3)):
        word, role = _apostrophes(fields[0]).lower(), fields[1]
        if role == "pronoun" and len(fields) == 3:
            pronouns[word] = fields[2]
        elif role in words:
            words[role].add(word)
        else:
            raise InputError(path, f"line {number}: unknown role {role!r}")
    return {role: frozenset(found) for role, found in words.items()}, pronouns


def load_lexicon(
    cues: Path | str | None = None,
    kinds: Path | str | None = None,
    rules: Path | str | None = None,
    words: Path | str | None = None,
) -> Lexicon:
    """Read the detector's data files; each defaults to the one shipped beside this module."""
    pattern, table, patterned = _load_cues(Path(cues or _HERE / "cues_en.tsv"))
    classes, pronouns = _load_words(Path(words or _HERE / "words_en.tsv"))
    return Lexicon(
        pattern=pattern,
        cues=table,
        patterned=patterned,
        kinds=_load_kinds(Path(kinds or _HERE / "kinds_en.tsv")),
        rules=_load_rules(Path(rules or _HERE / "rules_en.tsv"), table),
        words=classes,
        modal=_alternatives(sorted(classes["modal"], key=len, reverse=True)),
        subordinator=_alternatives(sorted(classes["subordinator"])),
        pronouns=pronouns,
    )


@cache
def default_lexicon() -> Lexicon:
    """The shipped lexicon, read once."""
    return load_lexicon()


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


def _hit(match: re.Match[str], lexicon: Lexicon) -> _Hit:
    """The cue that matched, found by its words or else by its pattern."""
    words = " ".join(match.group().split())
    cue = words if words in lexicon.cues else next(c for p, c in lexicon.patterned if p.fullmatch(words))
    return _Hit(*match.span(), cue, *lexicon.cues[cue])


def _hits(sentence: str, lowered: str, threshold: float, lexicon: Lexicon) -> list[_Hit]:
    """The cues of one sentence that survive the context rules and reach ``threshold``, in text order."""
    found = [_hit(match, lexicon) for match in lexicon.pattern.finditer(lowered)]
    if not any(hit.weight >= threshold for hit in found):
        return []  # nothing to flag: spare the context rules
    present = {hit.cue for hit in found}
    cancelling: list[tuple[re.Match[str], Rule]] = []
    for rule in lexicon.rules:
        if rule.cancels is None or rule.cancels & present:
            for match in rule.pattern.finditer(sentence if rule.exact_case else lowered):
                if rule.whole_sentence:
                    return []
                cancelling.append((match, rule))
    kept = [hit for hit in found if not any(_cancels(match, rule, hit) for match, rule in cancelling)]
    spans = [match.span() for match, _ in cancelling]
    return [hit for hit in _license_conditions(lowered, kept, spans, lexicon) if hit.weight >= threshold]


def _cancels(match: re.Match[str], rule: Rule, hit: _Hit) -> bool:
    overlapping = hit.start < match.end() and match.start() < hit.end
    return overlapping and (rule.cancels is None or hit.cue in rule.cancels)


def _license_conditions(
    lowered: str, hits: list[_Hit], cancelled: list[tuple[int, int]], lexicon: Lexicon
) -> list[_Hit]:
    """Keep a condition (if, unless) only with a modal consequence, which then counts as strongly as it."""
    conditions = [
        hit
        for hit in hits
        if hit.kind == "conditional" and not lexicon.modal.fullmatch(lowered, hit.start, hit.end)
    ]
    if not conditions:
        return hits
    modals = [m.span() for m in lexicon.modal.finditer(lowered) if not _overlaps(*m.span(), cancelled)]
    if not modals:
        return [hit for hit in hits if hit not in conditions]
    start, end = modals[0]
    if any(hit.kind != "conditional" and _overlaps(start, end, [(hit.start, hit.end)]) for hit in hits):
        return hits  # the modal is a cue of its own ("could")
    consequence = _Hit(start, end, lowered[start:end], "conditional", max(hit.weight for hit in conditions))
    others = [hit for hit in hits if not _overlaps(hit.start, hit.end, [(start, end)])]
    return sorted([*others, consequence], key=lambda hit: hit.start)


def _kind(hits: list[_Hit], lowered: str, lexicon: Lexicon) -> str:
    """The first kind by priority among the cues of the first cue's clause (the main claim), and of
    sentence-wide kinds wherever they are."""
    boundary = lexicon.subordinator.search(lowered, hits[0].end)
    clause_end = boundary.start() if boundary else len(lowered)
    counted = [hit for hit in hits if hit.start < clause_end or lexicon.kinds[hit.kind].reach == "sentence"]
    priority = list(lexicon.kinds)
    return min(counted, key=lambda hit: (priority.index(hit.kind), -hit.weight)).kind


def _holder(lowered: str, hit: _Hit, lexicon: Lexicon) -> tuple[int, int] | None:
    """The span of the short noun phrase before the cue's verb: who holds the belief or passes it on.

    None when there is none, or when the verb is passive ("he is believed to"): its subject holds nothing.
    """
    stop, skip = lexicon.words["stop"], lexicon.words["skip"]
    verb = next((w for w in _WORD.finditer(lowered, hit.start, hit.end) if w.group() in stop), None)
    anchor = verb.start() if verb else hit.end
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(lowered, 0, anchor)]
    words = list(_WORD.finditer(lowered, breaks[-1] if breaks else 0, anchor))
    last = len(words)
    while last and words[last - 1].group() in skip:
        last -= 1
    skipped = {w.group() for w in words[last:]}
    if verb and verb.group() in lexicon.words["participle"] and skipped & lexicon.words["be"]:
        return None
    first = last
    ends = stop | skip | lexicon.words["modal"]
    while first and last - first < 5 and words[first - 1].group() not in ends:
        first -= 1
    if all(w.group() in lexicon.words["determiner"] for w in words[first:last]):
        return None
    return words[first].start(), words[last - 1].end()


def _name(original: str, span: tuple[int, int], lexicon: Lexicon) -> str:
    """How a note names the holder: a pronoun by its description, a noun phrase by its own words."""
    words = " ".join(original[span[0] : span[1]].split())
    if words.lower() in lexicon.pronouns:
        return lexicon.pronouns[words.lower()]
    if span[0] == 0 and words.split()[0].lower() in lexicon.words["determiner"]:
        return words[0].lower() + words[1:]
    return words


def _note(kind: str, hits: list[_Hit], lowered: str, original: str, lexicon: Lexicon) -> str:
    """The kind's note template with the cue words quoted and, when the sentence says, the holder named."""
    template = lexicon.kinds[kind]
    ours = [hit for hit in hits if hit.kind == kind]
    quotes = [" ".join(original[hit.start : hit.end].split()) for hit in ours]
    holder = None
    span = _holder(lowered, ours[0], lexicon) if template.note_with_holder else None
    if span and span[1] > ours[0].start and lowered[span[0] : span[1]] not in lexicon.pronouns:
        # The holder is part of the cue ("Magnier's sources"): quote the source's own words.
        quotes[0] = " ".join(original[min(span[0], ours[0].start) : span[1]].split())
    elif span:
        holder = _name(original, span, lexicon)
    cue = ", ".join(f"“{quote}”" for quote in dict.fromkeys(quotes[:2]))
    if holder:
        note = template.note_with_holder.format(cue=cue, holder=holder)
    else:
        note = template.note.format(cue=cue)
    return note if len(note) <= _NOTE_LIMIT else template.note.format(cue=f"“{quotes[0][:60]}”")


def find_claims(text: str, level: str = "default", lexicon: Lexicon | None = None) -> list[Claim]:
    """The speculative claims of ``text`` at ``level`` (strict, default, all): one per sentence, in order."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
    lexicon = lexicon or default_lexicon()
    normalised = _apostrophes(text)
    lowered = normalised.lower()
    if len(lowered) != len(normalised):  # a few characters lower-case to two ("İ")
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in normalised)
    claims = []
    for start, end in split_sentences(text):
        sentence, original = lowered[start:end], text[start:end]
        hits = _hits(normalised[start:end], sentence, LEVELS[level], lexicon)
        if hits:
            kind = _kind(hits, sentence, lexicon)
            cues = list(dict.fromkeys(" ".join(original[hit.start : hit.end].split()) for hit in hits))
            claims.append(Claim(start, end, kind, cues, _note(kind, hits, sentence, original, lexicon)))
    return claims
