"""Cue phrases in lower-cased text, found word by word: each word looks up the phrases that can start with it.

A phrase is words with any whitespace between them, on word boundaries (neither a word character nor a
hyphen on either side); ``*`` stands for up to two words, ``**`` for up to twelve in the same clause, and a
first word that starts with an apostrophe attaches to the word before it ("'s sources"). Where several
phrases start at one place, the first in the index's order wins; the search goes on after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, cached_property
from itertools import accumulate, compress, islice, pairwise
from operator import or_

_WILDCARD = r"(?:[\w'.-]+\s+){0,2}"
_LONG_WILDCARD = r"(?:[^\s.;:?!]+\s+){0,12}?"  # within the clause: no sentence or clause punctuation
_RUN = re.compile(r"([\w-]+)")
_SEPARATOR = re.compile(r"[^\w -]")  # what is neither a space nor in a run of word characters and hyphens
# The same for ASCII text, as a bytes table: three passes in C, quicker than the regex's substitution.
_ASCII_SEPARATORS = bytes(
    code if chr(code).isascii() and not _SEPARATOR.fullmatch(chr(code)) else ord(" ") for code in range(256)
)
# A word character that is not ASCII: where a text has none, each of its non-ASCII characters is a
# separator (and no word character), as the dashes and quotes most text has.
_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")
# Characters up to which a text's runs are found one phrase's first run at a time, not all listed: faster
# for a paragraph, slower for a long text.
_FOUND_UP_TO = 4000
# A long text's runs are listed a piece of about this many characters at a time, so that the list of its
# runs never holds more than a piece's.
_PIECE = 1 << 16
_NOT_IN_RUN = re.compile(r"[^\w-]")
# The word a word with an apostrophe (a phrase's first) attaches to. Bounded: "[\w.-]*" tried from every
# start of "a.a.a…" was quadratic. The lookahead, a condition of the match, spares the backtracking through
# every word without an apostrophe.
_ATTACHING = r"(?=[\w.-]{1,65}')\w[\w.-]{0,63}"
_ATTACHED_REACH = 65  # the most characters from an attached phrase's word to its apostrophe, as above
# A run of the characters the word before an apostrophe is made of, up to the end of the text searched: a
# whole run (each tried from its start alone, so linear), or all that is left of one.
_RUN_TO_END = re.compile(r"(?<![\w.-])[\w.-]++\Z")
_REST_TO_END = re.compile(r"[\w.-]++\Z")
_SPARSE = 16  # characters a text has for each apostrophe at least, for them to be looked at one by one
_SPACE = re.compile(r"\s+")
_WORD_CHARACTER = re.compile(r"[\w-]")


def ascii_translated(text: str, table: bytes) -> bytes | None:
    """``text`` made ASCII, each non-ASCII character one "?", then put through the bytes ``table`` (which
    makes "?" a space); None where a non-ASCII character is a word character, which the table cannot keep."""
    if text.isascii() or not _NON_ASCII_WORD.search(text):  # or dashes and quotes only, as most text has
        return text.encode("ascii", "replace").translate(table)
    return None


def _separated(text: str) -> str:
    """``text`` with every character that is neither a space nor in a run (``_SEPARATOR``) made a space."""
    translated = ascii_translated(text, _ASCII_SEPARATORS)
    return _SEPARATOR.sub(" ", text) if translated is None else translated.decode("ascii")


def phrase_regex(phrase: str) -> str:
    """A regex for a phrase's words: any whitespace between them, ``*`` for up to two words, ``**`` twelve."""
    tokens = phrase.split()
    parts = []
    for index, token in enumerate(tokens):
        if token in ("*", "**"):
            parts.append(_WILDCARD if token == "*" else _LONG_WILDCARD)
            continue
        if token.startswith("'"):  # attached to the word before: "'s" is any possessive
            parts.append(_ATTACHING + ("(?:'s|s')" if token == "'s" else re.escape(token)))
        else:
            parts.append(re.escape(token))
        if index + 1 < len(tokens):
            parts.append(r"\s+")
    return "".join(parts)


def is_patterned(phrase: str) -> bool:
    """Whether a phrase's words are a pattern (a wildcard, or attached to the word before), not literal."""
    return "*" in phrase or phrase.startswith("'")


def bounded_regex(phrases: Iterable[str]) -> str:
    """One regex for ``phrases`` on word boundaries: where several start at one place, the first that
    matches wins."""
    return rf"(?<![\w-])(?:{'|'.join(map(phrase_regex, phrases))})(?![\w-])"


@cache
def bounded(phrase: str) -> re.Pattern[str]:
    """A patterned phrase on word boundaries, compiled the first time it is needed (its words matched
    whole, the boundaries hold at the ends: the same as the phrase's regex)."""
    return re.compile(bounded_regex((phrase,)))


# The literal phrases after some words: those that end with the next word (the phrase's number, its last
# word), and the words they go on with. Plain data, so that an index can be kept with marshal.
_WordTree = tuple[list[tuple[int, str]], dict[str, "_WordTree"]]


class PhraseIndex:
    """Phrases by the run of word characters and hyphens they start with (each starts with a word character
    or an apostrophe): the literal ones in a tree of their words, the patterned ones as a list; those
    attached to the word before apart, as they can start at any word."""

    def __init__(self, phrases: tuple[str, ...], data: tuple | None = None) -> None:
        """Index ``phrases``, in the order they are tried where several start at one place; ``data``: what
        ``data()`` gave for the same phrases, instead of indexing them again."""
        self.phrases = phrases
        self.literal: dict[str, _WordTree]
        # The runs a phrase may start with: alone, or where a phrase's first two runs follow one another
        # (most phrases that start with a common word, such as "in", go on with a rarer one).
        self.first_runs: set[str]
        self.first_pairs: set[tuple[str, str]]
        self.patterned: dict[str, tuple[int, ...]]
        # The words after the first that a patterned phrase cannot match without: where one is not in the
        # rest of the text (after its last place there), its regex is neither compiled nor run.
        self._later_words: dict[int, tuple[str, ...]]
        self.attached: tuple[int, ...]
        # What follows the word they attach to, for each of them; and the first words one of which a text
        # holds if one of them is in it ("'s" may be "s'", a plural's possessive).
        self._attached_rests: str
        self._attached_words: tuple[str, ...]
        self._longest: int  # the most characters of a phrase's word
        for name, value in zip(_INDEX_FIELDS, data or _index(phrases), strict=True):
            setattr(self, name, value)
        # A word longer than every phrase's is read no further: reading on could take as long as the text.
        self._word = re.compile(rf"\S{{0,{self._longest + 1}}}")

    def data(self) -> tuple:
        """The index as tuples, lists, dicts, sets, strings and numbers (for marshal)."""
        return tuple(getattr(self, name) for name in _INDEX_FIELDS)

    def matches(self, lowered: str) -> list[tuple[int, int, str]]:
        """The phrases found in lower-cased text, in order and apart: the offsets of each, and the phrase."""
        starts = self._starts(lowered)
        found: list[tuple[int, int, str]] = []
        searched = 0  # where the search goes on: after the last phrase found
        last_places: dict[str, int] = {}  # where a patterned phrase's later word is last in the text
        for start in sorted(starts):
            if start < searched:
                continue
            match = self._match(starts[start], lowered, start, last_places)
            if match is not None:
                number, end = match
                found.append((start, end, self.phrases[number]))
                searched = end
        return found

    def _starts(self, lowered: str) -> dict[int, tuple[str, bool]]:
        """Where a phrase may start in ``lowered``: the run it starts with, and whether a phrase attached
        to the word before may start there too."""
        starts = self._runs_found(lowered) if len(lowered) < _FOUND_UP_TO else self._runs_listed(lowered)
        if "'" in lowered and any(word in lowered for word in self._attached_words):
            for at in self._attached_starts(lowered):
                starts[at] = (starts[at][0] if at in starts else "", True)
        return starts

    def _attached_starts(self, lowered: str) -> Iterator[int]:
        """Where ``_attached_start`` matches, tried only where it can: in the run of word characters, dots
        and hyphens before an apostrophe (at most 65 characters on), at its start or after a dot in it."""
        pattern = self._attached_start
        if lowered.count("'") * _SPARSE > len(lowered):  # a scan of the whole text is quicker
            yield from (match.start() for match in pattern.finditer(lowered))
            return
        after = 0  # a match is after the apostrophe before its own
        rest = self._attached_rest
        apostrophe = lowered.find("'")
        while apostrophe >= 0:
            # What follows the word has to start at the apostrophe, or at the letter before it ("s'"):
            # else no match can end at this apostrophe.
            if not (rest.match(lowered, apostrophe) or (apostrophe and rest.match(lowered, apostrophe - 1))):
                after = apostrophe + 1
                apostrophe = lowered.find("'", after)
                continue
            start, end = max(after, apostrophe - _ATTACHED_REACH), apostrophe
            run = _RUN_TO_END.search(lowered, start, end) or _REST_TO_END.match(lowered, start, end)
            at = run.start() if run is not None else -1
            while at >= 0:
                if pattern.match(lowered, at):
                    yield at
                dot = lowered.find(".", at, apostrophe)
                at = dot + 1 if dot >= 0 else -1
            after = apostrophe + 1
            apostrophe = lowered.find("'", after)

    def _runs_found(self, lowered: str) -> dict[int, tuple[str, bool]]:
        """The runs a phrase may start with, by their place: with every other character a space, those in
        the text are found as themselves between spaces (string methods, in C; each a pass over the text)."""
        spaced = f" {_separated(lowered)} "
        runs = spaced.split()
        keys = self.first_runs.intersection(runs)
        keys.update(first for first, _ in self.first_pairs.intersection(pairwise(runs)))
        starts: dict[int, tuple[str, bool]] = {}
        for key in keys:
            found = f" {key} "
            at = spaced.find(found)
            while at >= 0:
                starts[at] = (key, False)  # at + 1 in ``spaced``: at in ``lowered``
                at = spaced.find(found, at + len(key) + 1)
        return starts

    def _runs_listed(self, lowered: str) -> dict[int, tuple[str, bool]]:
        """The runs a phrase may start with, by their place: every run of a piece of the text listed with
        its place, and those picked out (in C, in one pass over the piece however many phrases)."""
        starts: dict[int, tuple[str, bool]] = {}
        following: re.Match[str] | None = None  # the first run after the piece, for the last run's pair
        begin = 0
        while begin < len(lowered):
            boundary = _NOT_IN_RUN.search(lowered, min(begin + _PIECE, len(lowered)))
            end = boundary.start() if boundary else len(lowered)  # no run goes on past ``end``
            if (following is not None and following.start() < end) or begin == 0:
                following = _RUN.search(lowered, end)  # searched again only past the last one found
            pieces = _RUN.split(lowered[begin:end])  # text between runs, a run, text between runs, ...
            runs = pieces[1::2]
            offsets = islice(accumulate(map(len, pieces), initial=begin), 1, None, 2)  # where each starts
            alone = map(self.first_runs.__contains__, runs)
            after = following[0] if following is not None else ""
            paired = map(self.first_pairs.__contains__, pairwise([*runs, after]))
            picked = compress(zip(offsets, runs, strict=False), map(or_, alone, paired))
            starts.update((at, (run, False)) for at, run in picked)
            begin = end
        return starts

    @cached_property
    def _attached_start(self) -> re.Pattern[str]:
        """Where a phrase attached to the word before may start: the start of that word, which runs on to
        the rest of one of them without a space."""
        rests = self._attached_rests
        reach = _ATTACHED_REACH
        return re.compile(rf"(?<![\w-])(?=[\w.-]{{1,{reach}}}')(?=[\w.-]{{0,{reach - 1}}}(?:{rests}))\w")

    @cached_property
    def _attached_rest(self) -> re.Pattern[str]:
        """What follows the word a phrase attaches to (it starts with an apostrophe, or "s'")."""
        return re.compile(self._attached_rests)

    def _match(
        self, start: tuple[str, bool], text: str, at: int, last_places: dict[str, int]
    ) -> tuple[int, int] | None:
        """The first phrase (in the index's order) that matches at ``at``: its number and where it ends; None
        if none does. ``last_places`` keeps where words are last in ``text``, each looked for once."""
        key, attached = start
        best: tuple[int, int] | None = None  # (number, end)
        node = self.literal.get(key)
        position = at
        while node is not None:
            word = self._word.match(text, position).group()  # type: ignore[union-attr]  # {0,}: it matches
            for number, last in node[0]:
                if (
                    (best is None or number < best[0])
                    and word.startswith(last)
                    and not _WORD_CHARACTER.match(word, len(last))
                ):
                    best = (number, position + len(last))
            node = node[1].get(word)
            space = _SPACE.match(text, position + len(word)) if node is not None else None
            if space is None:
                break
            position = space.end()
        patterned = self.patterned.get(key, ())
        if attached:
            patterned = tuple(sorted(patterned + self.attached))
        for number in patterned:
            if best is not None and number > best[0]:
                break
            # its later words each last start after ``at`` (each looked for once a text), or no match
            for word in self._later_words.get(number, ()):
                place = last_places.get(word)
                if place is None:
                    place = last_places[word] = text.rfind(word)
                if place < at:
                    break
            else:
                match = bounded(self.phrases[number]).match(text, at)
                if match:
                    return number, match.end()
        return best


# What a PhraseIndex holds, in the order of its data() and of _index.
_INDEX_FIELDS = (
    "literal",
    "first_runs",
    "first_pairs",
    "patterned",
    "_later_words",
    "attached",
    "_attached_rests",
    "_attached_words",
    "_longest",
)


def _index(phrases: tuple[str, ...]) -> tuple:
    """What ``PhraseIndex`` holds for ``phrases``, in the order of ``_INDEX_FIELDS``."""
    literal: dict[str, _WordTree] = {}
    patterned: dict[str, list[int]] = {}
    attached = []
    first_runs: set[str] = set()
    first_pairs: set[tuple[str, str]] = set()
    for number, phrase in enumerate(phrases):
        if phrase.startswith("'"):
            attached.append(number)
            continue
        runs = _RUN.findall(phrase)
        if is_patterned(phrase):
            patterned.setdefault(runs[0], []).append(number)
            first_runs.add(runs[0])
            continue
        *words, last = phrase.split()
        node = literal.setdefault(runs[0], ([], {}))
        for word in words:
            node = node[1].setdefault(word, ([], {}))
        node[0].append((number, last))
        if len(runs) == 1:
            first_runs.add(runs[0])
        else:
            first_pairs.add((runs[0], runs[1]))
    later_words = {
        number: tuple(word for word in phrases[number].split()[1:] if "*" not in word)
        for numbers in patterned.values()
        for number in numbers
    }
    attached_rests = "|".join(phrase_regex(phrases[n]).removeprefix(_ATTACHING) for n in attached)
    firsts = dict.fromkeys(phrases[n].split()[0] for n in attached)
    attached_words = (*firsts, *("s'" for word in firsts if word == "'s"))
    longest = max((len(word) for phrase in phrases for word in phrase.split()), default=0)
    patterned_tuples = {key: tuple(numbers) for key, numbers in patterned.items()}
    return (
        literal,
        first_runs,
        first_pairs,
        patterned_tuples,
        later_words,
        tuple(attached),
        attached_rests,
        attached_words,
        longest,
    )
