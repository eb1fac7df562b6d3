"""The shipped lexicon kept as plain data in the user's cache directory reads back the same lexicon."""

from __future__ import annotations

import ast
import marshal
from pathlib import Path

from export.annotate import lexicon
from export.annotate.lexicon import lexicon_data, lexicon_from_data, load_lexicon


def test_the_lexicon_as_data_reads_back_equal():
    shipped = load_lexicon(check=False)
    assert lexicon_from_data(marshal.loads(marshal.dumps(lexicon_data(shipped)))) == shipped


def test_the_default_lexicon_is_kept_and_read_back_and_a_damaged_copy_is_made_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    shipped = load_lexicon(check=False)
    lexicon.default_lexicon.cache_clear()
    try:
        assert lexicon.default_lexicon() == shipped
        [kept] = (tmp_path / "annotated-epub" / "lexicon").iterdir()
        lexicon.default_lexicon.cache_clear()
        monkeypatch.setattr(lexicon, "load_lexicon", lambda **options: None)  # must not be needed now
        assert lexicon.default_lexicon() == shipped
        assert lexicon.default_lexicon().phrases.data() == shipped.phrases.data()
        kept.write_bytes(kept.read_bytes()[:100])
        monkeypatch.undo()
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
        lexicon.default_lexicon.cache_clear()
        assert lexicon.default_lexicon() == shipped
    finally:
        lexicon.default_lexicon.cache_clear()


def test_the_cache_key_covers_every_module_the_lexicon_code_imports():
    """A change to any code that makes the cached lexicon gives it a new key (a stale copy is not read)."""
    sources = set(lexicon._cache_sources())
    package = Path(lexicon.__file__).parent.parent
    for name in ("lexicon", "needles", "phrases"):
        tree = ast.parse((package / "annotate" / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("export."):
                module = package.parent.joinpath(*node.module.split("."))
                assert module.with_suffix(".py") in sources or module / "__init__.py" in sources, node.module


def test_a_copy_damaged_inside_a_string_is_made_again(tmp_path, monkeypatch):
    """A copy that still reads as plain data, but not the data written (one cue's letter changed)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    shipped = load_lexicon(check=False)
    lexicon.default_lexicon.cache_clear()
    try:
        lexicon.default_lexicon()
        [kept] = (tmp_path / "annotated-epub" / "lexicon").iterdir()
        cue = shipped.cue_order[0].encode()
        kept.write_bytes(kept.read_bytes().replace(cue, cue[:-1] + b"#"))
        lexicon.default_lexicon.cache_clear()
        assert lexicon.default_lexicon() == shipped
        assert lexicon.default_lexicon().phrases.data() == shipped.phrases.data()
    finally:
        lexicon.default_lexicon.cache_clear()
