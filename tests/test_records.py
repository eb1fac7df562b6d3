"""``Record``'s == and repr do what dataclass() makes for the classes that derive from it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
from pathlib import Path

import pytest

from export import model
from export.records import Record

# The modules whose dataclasses take their == and repr from Record.
MODULES = [
    "export.model",
    "export.pipeline",
    "export.readers.text",
    "export.epub.appendices",
    "export.epub.container",
    "export.epub.cover",
    "export.epub.document",
    "export.epub.inline",
    "export.epub.package",
]
RECORDS = [
    cls
    for module in map(importlib.import_module, MODULES)
    for cls in vars(module).values()
    if isinstance(cls, type) and issubclass(cls, Record) and cls.__module__ == module.__name__
]


def made(cls: type) -> type:
    """The dataclass that dataclass() makes of ``cls``'s fields, with the same name."""
    fields = [(item.name, item.type, item) for item in dataclasses.fields(cls)]
    twin = dataclasses.make_dataclass(cls.__name__, fields, frozen=cls.__dataclass_params__.frozen)  # type: ignore[attr-defined]
    twin.__qualname__ = cls.__qualname__
    return twin


def test_the_records_are_found() -> None:
    assert {model.Article, model.Paragraph, model.Comment} <= set(RECORDS)
    package = Path(model.__file__).parent
    deriving = {
        ".".join(path.relative_to(package.parent).with_suffix("").parts)
        for path in package.rglob("*.py")
        if "(Record)" in path.read_text(encoding="utf-8")
    }
    assert deriving == set(MODULES), "MODULES lists every module with a class deriving from Record"


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
def test_defaults_equal_and_print_as_dataclass_makes_them(cls: type) -> None:
    required = {
        item.name: f"value of {item.name}"
        for item in dataclasses.fields(cls)
        if item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING
    }
    ours, theirs = cls(**required), made(cls)(**required)
    assert repr(ours) == repr(theirs)
    assert dataclasses.asdict(ours) == dataclasses.asdict(theirs)
    assert ours == cls(**required)


def test_records_compare_and_print_as_made_dataclasses() -> None:
    def article(title: str, reply_author: str) -> model.Article:
        paragraph = model.Paragraph(
            "x", [model.Claim(0, 1, "belief", ["may"], "n")], [model.Span(0, 1, "em")]
        )
        found = model.Article(title, authors=[model.Person("A", "r")], published=dt.date(2020, 1, 2))
        found.sections = [model.Section([paragraph, model.Heading("h", 2)])]
        found.thread.comments = [model.Comment(number=1, replies=[model.Comment(author=reply_author)])]
        return found

    first = article("T", "b")
    assert first == article("T", "b")
    assert first != article("T", "c") and first != article("U", "b")
    assert model.Heading("h") == model.Heading("h", 1) and model.Person("A") != ("A", None)
    assert repr(model.Person("A")) == "Person(name='A', role=None)"
    assert repr(first).startswith("Article(title='T', authors=[Person(name='A', role='r')], contributors=[]")
    assert "replies=[Comment(kind='comment', number=None, author='b'" in repr(first)
    assert dataclasses.replace(model.Person("a"), role="b") == model.Person("a", "b")
    with pytest.raises(TypeError):
        hash(model.Person("a"))


def test_a_record_inside_itself_prints_as_dots() -> None:
    comment = model.Comment()
    comment.replies.append(comment)
    assert "replies=[...]" in repr(comment)
