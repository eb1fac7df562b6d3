"""benchmarks/html_block_model.py: labels, features, the fit and where it drops, on synthetic blocks."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from html_block_model import Example, block_auc, dropped, features, fit, grow_tree, labels, main
from html_trim_eval import Saved
from large_corpus import LargeGold

from export.model import Block, Heading, ListBlock, ListItem, Paragraph, Picture, Span

BODY = "The council met on Monday and agreed to rebuild the old bridge over the river before winter."
OTHER = "Sign up for our newsletter to get the best stories of the week in your inbox every Friday."


def _linked(text: str) -> Paragraph:
    return Paragraph(text, spans=[Span(0, len(text), "link", "https://example.org/other")])


def _gold(**fields: object) -> LargeGold:
    return LargeGold(Path("page.html"), "trafilatura", "example.org", **fields)  # type: ignore[arg-type]


def test_the_expected_text_labels_blocks_by_their_shingles():
    blocks: list[Block] = [
        Paragraph(BODY),
        Paragraph(OTHER),
        Heading("Bridge", 2),
        Heading("Menu", 2),
        Picture(alt="x"),
    ]
    gold = _gold(body=f"Bridge\n{BODY}")
    assert labels(blocks, gold) == [0, 1, 0, 1, None]


def test_snippets_label_only_the_blocks_that_hold_one():
    blocks: list[Block] = [
        Paragraph(BODY),
        Paragraph(OTHER),
        Paragraph("Something else entirely, said nobody."),
    ]
    gold = _gold(with_snippets=["agreed to rebuild"], without_snippets=["Sign up for our newsletter"])
    assert labels(blocks, gold) == [0, 1, None]


def test_features_know_kind_place_and_links_and_skip_pictures():
    blocks: list[Block] = [
        _linked("Home"),
        Paragraph(BODY),
        Picture(alt="a bridge"),
        ListBlock(items=[ListItem([_linked("One story")]), ListItem([_linked("Another")])]),
    ]
    rows = features(blocks)
    assert rows[2] is None
    first, body, listed = rows[0], rows[1], rows[3]
    assert first is not None and body is not None and listed is not None
    assert len({len(first), len(body), len(listed)}) == 1
    assert first[2] == 1.0 and body[2] == 0.0  # link density
    assert listed[4] == 1.0 and body[4] == 0.0  # a list
    assert body[8] == 1.0 and first[8] == 0.0  # ends a sentence


def test_a_fitted_model_ranks_the_pattern_it_was_shown():
    rows = [[float(i % 2), float(i % 3)] for i in range(60)]
    ys = [int(row[0] == 1.0 and (i % 5) != 0) for i, row in enumerate(rows)]
    model = fit(rows, ys)
    assert model.probability([1.0, 0.0]) > 0.5 > model.probability([0.0, 0.0])


def test_a_tree_splits_on_the_telling_feature():
    x = np.array([[float(i), float(i % 2)] for i in range(60)])
    y = (x[:, 1] == 1.0).astype(float)
    root = grow_tree(x, y, 2)
    assert len(root) == 4 and root[0] == 1


def test_edges_drop_runs_from_either_end_passing_pictures():
    blocks: list[Block] = [
        Paragraph("a"),
        Picture(alt="x"),
        Paragraph("b"),
        Paragraph("c"),
        Paragraph("d"),
        Paragraph("e"),
    ]
    chances = [0.99, None, 0.95, 0.1, 0.99, 0.99]
    assert dropped(blocks, chances, 0.9, "edges") == {0, 2, 4, 5}
    assert dropped(blocks, [0.99, None, 0.2, 0.99, 0.1, 0.99], 0.9, "edges") == {0, 5}
    assert dropped(blocks, [0.99, None, 0.2, 0.99, 0.1, 0.99], 0.9, "anywhere") == {0, 3, 5}


def test_auc_counts_ties_half():
    blocks: list[Block] = [Paragraph("a"), Paragraph("b"), Paragraph("c")]
    example = Example(_gold(), Saved(blocks, None, False, ""), blocks, [], [1, 0, 0], [], [])
    assert block_auc([example], [[0.5, 0.5, 0.1]]) == (0.75, 1, 2)


def test_it_reads_the_blocks_file_and_never_collects_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # --collect would have read every tune page into nothing and written that over the file it names
    argv = ["html_block_model.py", "--corpus", str(tmp_path), "--blocks", "b.pickle", "--collect", "b.pickle"]
    monkeypatch.setattr(sys, "argv", argv)
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 2  # an unknown option, not the line that says the corpus is absent
