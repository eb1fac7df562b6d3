"""Bad and hostile WordPress exports read by the WXR reader directly: a clean InputError or posts, and
nothing a hostile file names (a local file, an entity's expansion) in them. The command line runs the
same cases through tests/test_bad_input.py and tests/test_hostile.py once it routes exports here."""

from __future__ import annotations

from pathlib import Path

import pytest
from inputs import CANARY_TEXT, Case, Hostile, bad_wxr_cases, file_name, hostile_xml_cases

from export.errors import InputError
from export.readers.wxr import looks_like_wxr, open_export, read_post

# What the reader itself does where the command line may route a file elsewhere ("either" there).
READER_PROBLEMS = {
    "wxr wrong root": "is not a WordPress export",
    "wxr rss feed, not an export": "is not a WordPress export",
    "xml unclosed": "is not well-formed XML",
}


def read_all(path: Path) -> tuple[list, list[str]]:
    """Every post read with held comments kept, and the warnings given."""
    warnings: list[str] = []
    blog, items = open_export(path, warnings.append)
    return [read_post(item, blog, include_unapproved=True) for item in items], warnings


def write(case: Case, folder: Path) -> Path:
    path = folder / file_name(case)
    path.write_bytes(case.data)
    return path


@pytest.mark.parametrize("case", bad_wxr_cases(), ids=lambda case: case.name)
def test_bad_export_gives_posts_or_one_clear_error(case, tmp_path):
    path = write(case, tmp_path)
    problem = READER_PROBLEMS.get(case.name, case.problem)
    if case.outcome == "error" or case.name in READER_PROBLEMS:
        with pytest.raises(InputError) as raised:
            read_all(path)
        assert problem in raised.value.problem and "\n" not in str(raised.value)
    else:
        posts, warnings = read_all(path)
        assert len(warnings) == len(set(warnings))
        for post in posts:
            assert post.article.title


def test_bad_exports_that_reach_the_reader_look_like_exports():
    """The cases start like an export, so the command line sends them to this reader."""
    for case in bad_wxr_cases():
        if case.data and case.name not in READER_PROBLEMS:
            assert looks_like_wxr(case.data[:4096]), case.name


def test_deep_replies_are_kept_at_depth_32_and_cycles_end(tmp_path):
    cases = {case.name: case for case in bad_wxr_cases()}
    [deep], _ = read_all(write(cases["wxr 2,000-deep replies"], tmp_path))
    comments = deep.article.thread.all_comments()
    assert len(comments) == 2000
    depth, node = 0, deep.article.thread.comments[0]
    while node.replies:
        depth, node = depth + 1, node.replies[0]
    assert depth == 32
    [own], _ = read_all(write(cases["wxr comment its own parent"], tmp_path))
    assert [len(comment.replies) for comment in own.article.thread.comments] == [0]
    [cycle], _ = read_all(write(cases["wxr comments in a cycle"], tmp_path))
    assert len(cycle.article.thread.all_comments()) == 4
    assert [comment.author for comment in cycle.article.thread.comments] == ["Reader 1"]


def test_control_characters_and_undeclared_prefix_are_repaired_with_one_warning(tmp_path):
    cases = {case.name: case for case in bad_wxr_cases()}
    posts, warnings = read_all(write(cases["wxr control characters"], tmp_path))
    assert len(posts) == 1 and [warning for warning in warnings if "control" in warning] == warnings
    assert len(warnings) == 1
    posts, warnings = read_all(write(cases["wxr undeclared atom prefix"], tmp_path))
    assert len(posts) == 1 and len(warnings) == 1 and "atom:" in warnings[0]


def test_invalid_dates_are_left_out(tmp_path):
    cases = {case.name: case for case in bad_wxr_cases()}
    posts, _ = read_all(write(cases["wxr invalid dates"], tmp_path))
    assert posts[0].info.published is None and posts[0].article.published is None
    assert all(comment.date is None for comment in posts[0].article.thread.all_comments())


@pytest.mark.parametrize(
    "case",
    hostile_xml_cases(Hostile(canary=Path("/nonexistent"), server="http://127.0.0.1:9")),
    ids=lambda case: case.name,
)
def test_hostile_export_expands_and_fetches_nothing(case, tmp_path):
    canary = tmp_path / "canary.txt"
    canary.write_text(CANARY_TEXT, encoding="utf-8")
    data = case.data.replace(b"file:///nonexistent", canary.as_uri().encode())
    path = tmp_path / "hostile.xml"
    path.write_bytes(data)
    try:
        posts, _ = read_all(path)
    except InputError as error:  # a clean error is a right answer too
        assert CANARY_TEXT not in str(error) and "\n" not in str(error)
        return
    for post in posts:
        texts = [paragraph.text for paragraph in post.article.paragraphs()] + [post.article.title]
        words = " ".join(texts)
        assert CANARY_TEXT not in words and "lollollol" not in words and "a" * 1000 not in words
