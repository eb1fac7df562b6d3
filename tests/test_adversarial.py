"""Adversarial runs (10^5 spaces, comment bytes, tags, entities, brackets) before and inside each input,
and markup nested thousands deep: each gives a book or one line of error. Their times are measured in
benchmarks/adversarial_prefixes.py, never here."""

from __future__ import annotations

import re
import zipfile

import pytest
from inputs import BODY_TEXT, Case, adversarial_cases, book_problems, convert, deep_cases, outcome_problems

ADVERSARIAL = adversarial_cases()
DEEP = deep_cases()
# Words from the middle of the article, which a parser that gave up at some depth would lose.
BODY_WORDS = " ".join(BODY_TEXT.split()[40:48])
TAG = re.compile(r"<[^>]*+>")


@pytest.mark.parametrize("case", ADVERSARIAL, ids=[case.name for case in ADVERSARIAL])
def test_an_adversarial_run_gives_a_book_or_one_line(case: Case, tmp_path):
    run = convert(case, tmp_path)
    assert outcome_problems(case, run) == []
    for book in run.outputs:
        assert book_problems(book) == []


def book_text(book) -> str:
    """The text of the book's documents, tags left out and whitespace made single spaces."""
    with zipfile.ZipFile(book) as archive:
        names = [name for name in archive.namelist() if name.endswith(".xhtml")]
        markup = " ".join(archive.read(name).decode("utf-8") for name in names)
    return " ".join(TAG.sub("", markup).split())


@pytest.mark.parametrize("case", DEEP, ids=[case.name for case in DEEP])
def test_deeply_nested_markup_gives_a_book_with_all_its_text(case: Case, tmp_path):
    run = convert(case, tmp_path)
    assert outcome_problems(case, run) == []
    assert BODY_WORDS in book_text(run.outputs[0])
