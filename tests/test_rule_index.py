"""The context rules' index: a rule left out for a sentence's words is one that cannot match it."""

from __future__ import annotations

from pathlib import Path

from export.annotate.cues import _TextWords
from export.annotate.lexicon import default_lexicon, load_lexicon

SENTENCES = Path(__file__).parent / "data" / "claims_en.tsv"


def _possible(keys: dict[int, frozenset[bytes]], rules: int, words: set[bytes]) -> set[int]:
    """The rules a text with ``words`` is tried on (as ``sentence_cues`` does): those without key words, and
    those it holds one of."""
    return {number for number in range(rules) if number not in keys or not keys[number].isdisjoint(words)}


def _sentences() -> list[str]:
    lines = SENTENCES.read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[-1] for line in lines if line and not line.startswith("#")]


def test_every_rule_that_matches_a_sentence_is_possible_for_its_words():
    lexicon = load_lexicon()
    keys = lexicon.rule_keys
    sentences = _sentences()
    assert len(sentences) > 250
    matched = 0
    for sentence in sentences:
        lowered = sentence.lower().replace("\u2019", "'")
        possible = _possible(keys, len(lexicon.rules), _TextWords()[lowered])
        for number, rule in enumerate(lexicon.rules):
            text = sentence if rule.exact_case else lowered
            if rule.pattern.search(text):
                matched += 1
                assert number in possible, (rule.name, sentence)
    assert matched > 50  # the sentences hold what the rules are about


def test_the_rules_of_exact_case_or_without_known_words_are_always_possible():
    lexicon = default_lexicon()
    keys = lexicon.rule_keys
    unkeyed = {n for n, rule in enumerate(lexicon.rules) if rule.exact_case or not rule.words}
    assert _possible(keys, len(lexicon.rules), set()) == unkeyed
    assert unkeyed.isdisjoint(keys)


def test_the_words_of_a_text_with_dashes_and_quotes_are_its_runs_of_word_characters():
    words = _TextWords()
    assert words["it could \u2014 “maybe” \u2019s rain"] == {b"it", b"could", b"maybe", b"s", b"rain"}
    assert words["caf\u00e9 na\u00efve\u2014x"] == {"caf\u00e9".encode(), "na\u00efve".encode(), b"x"}


def test_a_rule_is_possible_by_the_words_of_any_branch_and_left_out_without_them(tmp_path: Path):
    rules = tmp_path / "rules.tsv"
    rules.write_text("two-ways\t*\tany\t\\bsaid (?:quietly|softly)\\b|\\bas reported\\b\n", encoding="utf-8")
    keys = load_lexicon(rules=rules).rule_keys
    words = _TextWords()
    assert _possible(keys, 1, words["he said softly"]) == {0}
    assert _possible(keys, 1, words["as reported, it rained"]) == {0}  # the second branch alone
    assert _possible(keys, 1, words["it rained all day"]) == set()
