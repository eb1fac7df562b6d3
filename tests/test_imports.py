"""The package's modules import one another without circles (type-only and deferred imports counted), and a
run loads only the libraries its input needs."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from conftest import CORPUS, SEED

PACKAGE = Path(__file__).resolve().parent.parent / "export"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> dict[str, set[str]]:
    """Each module of ``export`` (without the prefix) and the modules of ``export`` it imports anywhere."""
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                targets = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            for target in targets:
                if target.startswith("export.") and target[len("export.") :] in modules:
                    found.add(target[len("export.") :])
        graph[name] = found - {name}
    return graph


def circles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[frozenset[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(frozenset(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_finder_sees_a_circle():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [frozenset({"a", "b", "c"})]


def test_no_import_circles():
    graph = imports()
    assert "readers.wxr.parts" in graph["readers.wxr.opening"]
    assert "epub.document" in graph["epub.notes"]
    assert circles(graph) == []


def modules_loaded(argv: list[str], cache: Path) -> set[str]:
    """The modules a fresh interpreter has loaded after running the command line on ``argv``."""
    script = (
        "import sys; from export.cli import main; status = main(sys.argv[1:]); print(*sys.modules, status)"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONPATH": str(PACKAGE.parent)}
    done = subprocess.run([sys.executable, "-c", script, *argv], env=env, capture_output=True, text=True)
    *names, status = done.stdout.split()
    assert status == "0", done.stderr
    return set(names)


def test_a_text_page_loads_only_what_it_needs(tmp_path):
    argv = [str(SEED), "-q", "-o", str(tmp_path / "book.epub")]
    loaded = modules_loaded(argv, tmp_path / "cache")
    first = {name.partition(".")[0] for name in loaded}
    assert {"export", "lxml", "PIL"} <= first
    assert not first & {"trafilatura", "numpy", "py3langid", "charset_normalizer", "justext", "htmldate"}
    assert not first & {"feedparser", "requests", "urllib3"}, "no feed or web code for a file"
    assert not {name for name in loaded if name.startswith(("export.readers.html", "export.readers.feed."))}
    assert "export.readers.feed" not in loaded
    again = modules_loaded(argv, tmp_path / "cache")
    assert "PIL.Image" not in again, "the cover is read from the cache, not drawn"


def test_a_blog_export_loads_no_page_reader_and_no_worker_pool(tmp_path):
    """Loading costs every run of the command: a WordPress anthology, one process, needs neither the
    text-page reader nor multiprocessing nor email's date parser (an item without post_date does)."""
    export = CORPUS / "wxr" / "isso__wordpress.xml"
    loaded = modules_loaded([str(export), "-q", "-o", str(tmp_path / "blog.epub")], tmp_path / "cache")
    assert "export.readers.wxr" in loaded
    assert not loaded & {"export.readers.text", "export.readers.dates", "export.blog.workers"}
    assert not {name.partition(".")[0] for name in loaded} & {"multiprocessing", "email"}
