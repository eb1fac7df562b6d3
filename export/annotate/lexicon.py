"""The detector's data: cues, kinds, context rules, word classes and the cue families' levels, from the files
beside this module."""

from __future__ import annotations

import contextlib
import marshal
import re
from collections.abc import Iterable
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from export.annotate.phrases import PhraseIndex, bounded, bounded_regex, is_patterned
from export.datafiles import numbered_data_lines
from export.errors import InputError
from export.model import CLAIM_KINDS, ClaimKind, claim_kind
from export.whitespace import collapse_whitespace

if TYPE_CHECKING:
    from export.annotate.needles import Needles

_HERE = Path(__file__).parent
LANGUAGE = "en"  # the language of the data files shipped beside this module
_ROLES = ("stop", "skip", "modal", "consequence", "determiner", "subordinator", "be", "participle", "minor")


class Rule(NamedTuple):
    """A context in which cues are not speculative: all the sentence's, or those it overlaps (None: any)."""

    name: str
    whole_sentence: bool
    cancels: frozenset[str] | None
    exact_case: bool
    expression: str
    needles: tuple[Needles, ...]  # any match contains a string of each (none known: empty)
    # The text of any match has, for one of the branches, a word of each of its sets, in UTF-8 (none
    # known: empty).
    words: tuple[tuple[frozenset[bytes], ...], ...]
    weight: float = 0.0  # the weight the cues it matches take: 0 cancels them

    @property
    def pattern(self) -> re.Pattern[str]:
        """The rule's regex, compiled when first tried: most rules' needles are in few sentences."""
        return _compiled(self.expression)


@cache
def _compiled(expression: str) -> re.Pattern[str]:
    return re.compile(expression)


# How many sentences a rule's words are looked for in before its regex is compiled anyway: compiling it
# takes about as long as looking at a few hundred sentences' words.
_WORDS_LOOKED_AT = 256


def rule_keys(rules: tuple[Rule, ...]) -> dict[int, frozenset[bytes]]:
    """The key words of each lower-case rule with known words (a word set of each branch), of which a text it
    matches holds one; a rule without (exact case, or no words known) may match any text."""
    keys: dict[int, set[bytes]] = {}
    for index, rule in enumerate(rules):
        if rule.exact_case or not rule.words:
            continue
        listed = {word.encode() for cue in rule.cancels or () for word in cue.split()}
        for branch in rule.words:
            # the set least likely in a sentence: not the words of the cues the rule is tried for, few
            key = min(branch, key=lambda words: (not words.isdisjoint(listed), len(words)))
            keys.setdefault(index, set()).update(key)
    return {index: frozenset(words) for index, words in keys.items()}


class Kind(NamedTuple):
    """A kind of claim: whether it counts sentence-wide or in the main clause, and its note templates."""

    reach: str
    note: str
    note_with_holder: str | None


class Lexicon:
    """Everything the detector reads from data: cues, kinds in priority order, context rules, word classes,
    and the levels some cue families are capped at.

    Its regexes are compiled when first used: compiling them all takes longer than annotating an article.
    """

    def __init__(
        self,
        *,
        cue_order: tuple[str, ...],  # every cue, in the order tried where several start at one place
        cues: dict[str, tuple[ClaimKind, float]],
        kinds: dict[str, Kind],
        rules: tuple[Rule, ...],
        words: dict[str, frozenset[str]],
        modal_regex: str,
        subordinator_regex: str,
        pronouns: dict[str, str],
        rules_by_cue: dict[str, frozenset[int]],  # a cue: the rules listing it or one of its words, by index
        levels: dict[str, float],  # a family (a cue, "rule:NAME", "condition", "kind:KIND"): most weight
    ) -> None:
        self.cue_order = cue_order
        self.cues = cues
        self.kinds = kinds
        self.rules = rules
        self.words = words
        self.modal_regex = modal_regex
        self.subordinator_regex = subordinator_regex
        self.pronouns = pronouns
        self.rules_by_cue = rules_by_cue
        # the rules for every cue (or the whole sentence), by index
        self.rules_for_any = frozenset(index for index, rule in enumerate(rules) if rule.cancels is None)
        self.levels = levels
        # The rules whose words are still looked for before their regex is tried: in how many more sentences.
        self.word_looks = {index: _WORDS_LOOKED_AT for index, rule in enumerate(rules) if rule.words}
        # A cue and a threshold: the rules for the cue (listing it, or every cue) that give it at least that
        # weight (as met).
        self.raising: dict[tuple[str, float], frozenset[int]] = {}
        # A sentence's cues: the rules tried for them in order, as (index, rule, key words or None).
        self.tried_rules: dict[tuple[str, ...], tuple[tuple[int, Rule, frozenset[bytes] | None], ...]] = {}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lexicon) and lexicon_data(self) == lexicon_data(other)

    __hash__ = None  # type: ignore[assignment]  # equal by its data, which holds dicts

    @cached_property
    def phrases(self) -> PhraseIndex:
        """Every cue, to find in lower-cased text."""
        return PhraseIndex(self.cue_order)

    @cached_property
    def rule_keys(self) -> dict[int, frozenset[bytes]]:
        """The rules by the words a sentence must hold for them to match (made when first asked)."""
        return rule_keys(self.rules)

    @cached_property
    def modal(self) -> re.Pattern[str]:
        return re.compile(self.modal_regex)

    @cached_property
    def subordinator(self) -> re.Pattern[str]:
        return re.compile(self.subordinator_regex)

    def compile_all(self) -> Lexicon:
        """The same lexicon with every regex compiled, so that a bad one raises re.error here."""
        for name in ("modal", "subordinator"):
            getattr(self, name)
        for cue in self.cue_order:
            if is_patterned(cue):
                bounded(cue)
        for rule in self.rules:
            rule.pattern  # noqa: B018 (compiles it)
        return self


def apostrophes(text: str) -> str:
    """``text`` with typographic apostrophes made ASCII, keeping every offset (faster than str.translate)."""
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")


def cue_key(cue: str) -> str:
    """A cue as the cue table keys it: its words lower-cased, apostrophes ASCII, one space apart."""
    return collapse_whitespace(apostrophes(cue).lower())


def _rows(path: Path, columns: tuple[int, ...]) -> list[tuple[int, list[str]]]:
    """The (line number, fields) of a tab-separated data file, skipping comments and blank lines."""
    rows = []
    for number, line in numbered_data_lines(path):
        fields = line.split("\t")
        if len(fields) not in columns:
            expected = " or ".join(map(str, columns))
            raise InputError(path, f"line {number}: expected {expected} tab-separated fields")
        rows.append((number, fields))
    return rows


def _load_cues(path: Path) -> tuple[tuple[str, ...], dict[str, tuple[ClaimKind, float]]]:
    """The cues in the order they are tried, and the cues by their words."""
    from export.annotate.needles import is_word_char  # as _load_rules: the cached lexicon is made without

    entries: dict[str, tuple[ClaimKind, float]] = {}
    for number, (cue, kind, weight) in _rows(path, (3,)):
        key = cue_key(cue)
        tokens = key.split()
        try:
            claim = claim_kind(kind)
        except ValueError:
            raise InputError(path, f"line {number}: unknown kind {kind!r}") from None
        wild = {"*", "**"}
        if (
            not tokens
            or wild & {tokens[0], tokens[-1]}
            or any(t.startswith("'") for t in tokens[1:])
            or not (is_word_char(tokens[0][0]) or tokens[0][0] == "'")
        ):
            raise InputError(path, f"line {number}: bad cue {cue!r}")
        try:
            value = float(weight)
        except ValueError:
            value = -1.0
        if not 0 <= value <= 1:
            raise InputError(path, f"line {number}: weight must be a number from 0 to 1")
        entries[key] = (claim, value)
    # Longest first, so that "can be expected to" wins over "can" where both start. The cues that do not
    # start with a letter (those attached to the word before can start where any other can) are tried
    # together, at the place of the longest of them.
    ordered = sorted(entries, key=lambda cue: (-len(cue.split()), -len(cue)))
    by_initial: dict[str, list[str]] = {}
    for cue in ordered:
        by_initial.setdefault(cue[0] if cue[0].isalpha() else "", []).append(cue)
    tried = tuple(cue for group in by_initial.values() for cue in group)
    return tried, entries


def _load_kinds(path: Path) -> dict[str, Kind]:
    kinds: dict[str, Kind] = {}
    for number, (kind, reach, note, with_holder) in _rows(path, (4,)):
        if kind not in CLAIM_KINDS or reach not in ("clause", "sentence"):
            raise InputError(path, f"line {number}: unknown kind {kind!r} or reach {reach!r}")
        kinds[kind] = Kind(reach, note, None if with_holder == "-" else with_holder)
    if missing := set(CLAIM_KINDS) - set(kinds):
        raise InputError(path, f"no line for {', '.join(sorted(missing))}")
    return kinds


def _load_rules(path: Path, cues: dict[str, tuple[ClaimKind, float]], check: bool = True) -> tuple[Rule, ...]:
    """The context rules; ``check`` compiles each regex, to say which line has a bad one."""
    from export.annotate.needles import needle_sets, word_sets  # the shipped lexicon is cached without it

    rules = []
    for number, (name, cancels, case, expression, *rest) in _rows(path, (4, 5)):
        listed = None if cancels in ("sentence", "*") else frozenset(map(apostrophes, cancels.split(",")))
        if listed and not listed <= cues.keys():
            raise InputError(
                path, f"line {number}: not in the cue lexicon: {', '.join(sorted(listed - cues.keys()))}"
            )
        if case not in ("any", "exact"):
            raise InputError(path, f"line {number}: case must be 'any' or 'exact'")
        if check:
            try:
                re.compile(expression)
            except re.error as error:
                raise InputError(path, f"line {number}: {error}") from None
        try:
            weight = float(rest[0]) if rest else 0.0
        except ValueError:
            weight = -1.0
        if not 0 <= weight <= 1 or (weight and cancels == "sentence"):
            raise InputError(path, f"line {number}: a weight is from 0 to 1, and not for a whole sentence")
        needles = needle_sets(expression)
        words = tuple(
            tuple(frozenset(map(str.encode, words)) for words in branch) for branch in word_sets(expression)
        )
        rules.append(
            Rule(name, cancels == "sentence", listed, case == "exact", expression, needles, words, weight)
        )
    return tuple(rules)


# The most weight a family demoted to a level keeps (below strict's 0.8, below default's 0.5).
LEVEL_CAPS = {"default": 0.75, "all": 0.45}


def level_cap(levels: dict[str, float], family: str, kind: str) -> float:
    """The most weight a cue of ``family`` and ``kind`` keeps under ``levels`` (1.0: neither is capped)."""
    return min(levels.get(family, 1.0), levels.get(f"kind:{kind}", 1.0))


def _load_levels(path: Path, cues: Iterable[str], rules: tuple[Rule, ...]) -> dict[str, float]:
    """The families whose evidence does not support their level: family -> the most weight it keeps."""
    known = {*cues, *(f"rule:{rule.name}" for rule in rules), *(f"kind:{kind}" for kind in CLAIM_KINDS)}
    known.add("condition")
    levels = {}
    for number, (family, level, *_) in _rows(path, (2, 3)):
        family = cue_key(family) if not family.startswith(("rule:", "kind:")) else family
        if family not in known:
            raise InputError(path, f"line {number}: {family!r} is no cue, rule:NAME, kind:KIND or condition")
        if level not in LEVEL_CAPS:
            raise InputError(path, f"line {number}: level must be {' or '.join(LEVEL_CAPS)}")
        levels[family] = LEVEL_CAPS[level]
    return levels


def _load_words(path: Path) -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    words: dict[str, set[str]] = {role: set() for role in _ROLES}
    pronouns = {}
    for number, fields in _rows(path, (2, 3)):
        word, role = apostrophes(fields[0]).lower(), fields[1]
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
    levels: Path | str | None = None,
    *,
    check: bool = True,
) -> Lexicon:
    """Read the detector's data files; each defaults to the one shipped beside this module.

    ``check`` compiles every regex now, so that a bad rule is reported with its line; without it each is
    compiled when first used (the shipped files are checked by the tests)."""
    cue_order, table = _load_cues(Path(cues or _HERE / f"cues_{LANGUAGE}.tsv"))
    classes, pronouns = _load_words(Path(words or _HERE / f"words_{LANGUAGE}.tsv"))
    context = _load_rules(Path(rules or _HERE / f"rules_{LANGUAGE}.tsv"), table, check)
    by_cue = _rules_by_cue(table, context)
    lexicon = Lexicon(
        cue_order=cue_order,
        cues=table,
        kinds=_load_kinds(Path(kinds or _HERE / f"kinds_{LANGUAGE}.tsv")),
        rules=context,
        words=classes,
        modal_regex=bounded_regex(sorted(classes["consequence"], key=lambda word: (-len(word), word))),
        subordinator_regex=bounded_regex(sorted(classes["subordinator"])),
        pronouns=pronouns,
        rules_by_cue=by_cue,
        levels=_load_levels(Path(levels or _HERE / f"levels_{LANGUAGE}.tsv"), table, context),
    )
    return lexicon.compile_all() if check else lexicon


def _rules_by_cue(cues: Iterable[str], rules: tuple[Rule, ...]) -> dict[str, frozenset[int]]:
    """For each cue, the indexes of the rules that list it or one of its words."""
    listing: dict[str, set[int]] = {}  # a cue or word: the rules that list it
    for index, rule in enumerate(rules):
        for listed in rule.cancels or ():
            listing.setdefault(listed, set()).add(index)
    none: set[int] = set()
    return {
        cue: frozenset(listing.get(cue, none).union(*(listing.get(word, none) for word in cue.split())))
        for cue in cues
    }


def supports_language(language: str) -> bool:
    """Whether the shipped lexicon is for ``language``, a tag such as ``en`` or ``en-GB``."""
    return language.replace("_", "-").split("-")[0].lower() == LANGUAGE


@cache
def default_lexicon() -> Lexicon:
    """The shipped lexicon, read once; its regexes compiled as they are needed.

    Reading the files takes longer than the rest of a short article: what they make, and the index of
    its cues, are kept as plain data (marshal, which runs no code) in the user's cache directory, by the
    digest of the files and of the code that reads them, after the digest of the data itself, so that a
    damaged copy is made again (export.cache)."""
    from export import cache

    key = cache.digest(str(marshal.version), *(path.read_bytes() for path in _cache_sources()))
    kept = cache.read_sealed("lexicon", key)
    if kept is not None:
        with contextlib.suppress(ValueError, EOFError, TypeError):
            data, phrases = marshal.loads(kept)
            lexicon = lexicon_from_data(data)
            lexicon.phrases = PhraseIndex(lexicon.cue_order, phrases)
            return lexicon
    lexicon = load_lexicon(check=False)
    cache.keep_sealed("lexicon", key, marshal.dumps((lexicon_data(lexicon), lexicon.phrases.data())))
    return lexicon


def _cache_sources() -> list[Path]:
    """The files the cached lexicon is made from: the data files, and the modules of the code that reads
    them (those beside this one, and the project's modules they import)."""
    sources = [_HERE / f"{name}_{LANGUAGE}.tsv" for name in ("cues", "kinds", "rules", "words", "levels")]
    sources += [_HERE / "lexicon.py", _HERE / "needles.py", _HERE / "phrases.py"]
    return sources + [_HERE.parent / f"{name}.py" for name in ("datafiles", "errors", "model", "whitespace")]


def lexicon_data(lexicon: Lexicon) -> tuple:
    """The lexicon as tuples, strings, numbers, dicts and sets (for marshal), its regexes as their source."""
    values = {name: getattr(lexicon, name) for name in _DATA_FIELDS}
    values["kinds"] = {name: tuple(kind) for name, kind in lexicon.kinds.items()}
    values["rules"] = tuple(tuple(rule) for rule in lexicon.rules)
    return tuple(values.values())


def lexicon_from_data(data: tuple) -> Lexicon:
    """The lexicon that ``lexicon_data`` gave ``data`` for."""
    values = dict(zip(_DATA_FIELDS, data, strict=True))
    values["kinds"] = {name: Kind(*kind) for name, kind in values["kinds"].items()}
    values["rules"] = tuple(Rule(*rule) for rule in values["rules"])
    return Lexicon(**values)


_DATA_FIELDS = (
    "cue_order",
    "cues",
    "kinds",
    "rules",
    "words",
    "modal_regex",
    "subordinator_regex",
    "pronouns",
    "rules_by_cue",
    "levels",
)
