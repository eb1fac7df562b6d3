"""The documentation: the option reference current with the parsers, every relative link resolving."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
README_LIMIT = 8 * 1024  # a newcomer reads it in two minutes; the rest goes into docs/
FENCED = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"\n]*\")?\s*\)|\b(?:src|href)=\"([^\"]+)\"")
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
NOT_IN_SLUG = re.compile(r"[^\w\- ]")


def _load_make_usage():
    spec = importlib.util.spec_from_file_location("make_usage", ROOT / "docs" / "make_usage.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKE_USAGE = _load_make_usage()
USAGE_TEXT = MAKE_USAGE.USAGE.read_text(encoding="utf-8")
OPTIONS = [
    (prog, name)
    for prog, parser in MAKE_USAGE.parsers().items()
    for name in MAKE_USAGE.option_strings(parser)
]
STALE = "docs/usage.md is stale: run python docs/make_usage.py"


def test_usage_is_current_with_the_parsers():
    assert MAKE_USAGE.updated(USAGE_TEXT) == USAGE_TEXT, STALE


@pytest.mark.parametrize(("prog", "name"), OPTIONS, ids=[f"{prog}:{name}" for prog, name in OPTIONS])
def test_every_option_is_in_the_usage_page(prog, name):
    assert re.search(f"`{re.escape(name)}[` ]", USAGE_TEXT), f"{prog} {name} is not in docs/usage.md: {STALE}"


def test_a_new_option_makes_the_usage_page_stale():
    parser = MAKE_USAGE.parsers()["annotated-epub"]
    parser.add_argument("--brand-new", help="an option nobody documented")
    assert "`--brand-new BRAND_NEW` | an option nobody documented |" in MAKE_USAGE.render(parser)
    assert "--brand-new" not in USAGE_TEXT


def test_readme_is_short():
    assert (ROOT / "README.md").stat().st_size <= README_LIMIT


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    return NOT_IN_SLUG.sub("", heading.strip().lower()).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    """The anchors of a Markdown page's headings, the second of a name numbered as GitHub does."""
    seen: dict[str, int] = {}
    found = set()
    for heading in HEADING.findall(FENCED.sub("", page.read_text(encoding="utf-8"))):
        name = slug(heading)
        found.add(f"{name}-{seen[name]}" if name in seen else name)
        seen[name] = seen.get(name, 0) + 1
    return found


def relative_links(page: Path) -> list[str]:
    """The links of a page that are not web or mail addresses, outside code."""
    text = CODE_SPAN.sub("", FENCED.sub("", page.read_text(encoding="utf-8")))
    targets = [markdown or html for markdown, html in LINK.findall(text)]
    return [target for target in targets if not re.match(r"[a-z][a-z0-9+.-]*:", target, re.IGNORECASE)]


LINKS = [(page, target) for page in PAGES for target in relative_links(page)]


@pytest.mark.parametrize(
    ("page", "target"), LINKS, ids=[f"{page.relative_to(ROOT)}->{target}" for page, target in LINKS]
)
def test_relative_link_resolves_inside_the_repository(page, target):
    path, _, anchor = unquote(target).partition("#")
    file = (page.parent / path).resolve() if path else page
    assert file.is_relative_to(ROOT), f"{target} points outside the repository"
    assert file.exists(), f"{target}: no such file"
    if anchor and file.suffix == ".md":
        assert anchor in anchors(file), f"{target}: no heading with that anchor in {file.name}"


def test_the_link_checker_sees_links_and_anchors(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        '# A `--flag`, too\n## Notes\n## Notes\n[x](other.md#b) <img src="p.png"> `[y](z)` [w](https://e.org)\n',
        encoding="utf-8",
    )
    assert relative_links(page) == ["other.md#b", "p.png"]
    assert anchors(page) == {"a---flag-too", "notes", "notes-1"}
