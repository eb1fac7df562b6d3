"""Title, author and date alone on corpus-large, as the page reader picks them: quick enough to run for
every rule switched off (ablation), with html_eval.py's scorer.

Run: python benchmarks/html_meta_eval.py [--set tune|aside] [--details FILE] [--against FILE]
The page is parsed and ``read_metadata`` run as ``read_html`` does; trafilatura's authors and date
(``read_with_trafilatura``, the same call the reader makes) are kept in a cache file
(``--cache``, default /tmp) since no metadata rule changes them. ``--details`` writes per-page
results, for tune pages only; ``--against`` an earlier --details file: the tune pages that changed.
``--half A|B`` keeps one half of tune (``large_corpus.half_of``); without it tune's totals are also
printed for each half. ``--take-away headings,names,stated`` reads the title without the pages' h1 and
h2 headings, the site's names (stated or from the address) or the stated titles (the ``title`` element
left); ``element`` leaves the ``title`` element and the address's names alone: what the other title
rules do on pages that lack it (the author and date figures are then not the reader's). ``--without
markup`` (JSON-LD's authors, the author label and metadata.tsv's first nine author lines: meta tags
and specific markup) and ``--without trafilatura`` (its names) take author sources away, so that the
broad rules do the work that sites with less markup leave them (the authors' stress runs); ``--without
classes`` takes the class rules away (byline and author classes), what templates nobody named leave
the author links, the byline line and trafilatura's names to find.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from corpus_pages import absent, corpus_argument  # noqa: E402
from html_eval import author_right, title_right  # noqa: E402
from large_corpus import LargeGold, half_of, load  # noqa: E402
from lxml import etree  # noqa: E402

from export.readers.html import json_ld, metadata, title  # noqa: E402
from export.readers.html.main_text import read_with_trafilatura  # noqa: E402
from export.readers.html.metadata import read_metadata  # noqa: E402
from export.readers.html.parse import parse_page  # noqa: E402

FIELDS = ("title", "author", "date")
CACHE = Path("/tmp/html_meta_eval_trafilatura.json")  # trafilatura's authors and dates (--cache)
SPECIFIC_AUTHOR_LINES = 9  # metadata.tsv's author lines before the broad class rule
TAKE_AWAY = ("headings", "names", "stated", "element")
NO_ELEMENT = etree.XPath("/*[false()]")


def take_away(parts: set[str]) -> None:
    """Make ``read_metadata`` read the title without the parts ``--take-away`` names (``TAKE_AWAY``);
    "element" leaves the ``title`` element alone: no headings, stated titles or stated site names (the
    address's names kept), as a template without og or JSON-LD metadata gives it."""
    if "element" in parts:
        parts = parts | {"headings", "stated"}
        metadata.site_names = lambda *names, source=None: title.site_names(source=source)
    if "headings" in parts:
        title.HEADINGS = (NO_ELEMENT, NO_ELEMENT)
    if "names" in parts:
        metadata.site_names = lambda *names, source=None: set()
    if "stated" in parts:
        metadata.headline = lambda root, stated, element, names, source=None: title.headline(
            root, [], element, names, source
        )


def take_away_list(text: str) -> set[str]:
    """The --take-away option's parts, each one of ``TAKE_AWAY``."""
    parts = {part for part in text.split(",") if part}
    if parts - set(TAKE_AWAY):
        raise argparse.ArgumentTypeError(
            f"not one of {', '.join(TAKE_AWAY)}: {', '.join(sorted(parts - set(TAKE_AWAY)))}"
        )
    return parts


def theirs(gold: LargeGold, cache: dict) -> dict:
    """trafilatura's authors and date for the page, from the cache or read now."""
    key = str(gold.page)
    if key not in cache:
        parsed = parse_page(gold.page.read_bytes(), gold.page.name)
        reading = read_with_trafilatura(parsed.markup, parsed.root)
        published = reading.published.isoformat() if reading.published else None
        cache[key] = {"authors": reading.authors, "published": published}
    return cache[key]


def without_markup() -> None:
    """Take JSON-LD's authors, the author label and the specific author lines away from the reader (a
    stress run: the broad class rule, author links and the byline line left to name the author)."""
    authors = [index for index, (name, _) in enumerate(metadata.RULES) if name == "author"]
    dropped = set(authors[:SPECIFIC_AUTHOR_LINES])
    metadata.RULES[:] = [rule for index, rule in enumerate(metadata.RULES) if index not in dropped]
    from_json_ld = metadata._from_json_ld

    def no_json_ld_authors(graph: json_ld.Graph) -> metadata.PageMetadata:
        found = from_json_ld(graph)
        found.authors = []
        return found

    metadata._from_json_ld = no_json_ld_authors
    metadata.labelled_name = lambda root, person: None


def without_classes() -> None:
    """Take metadata.tsv's author lines that find the author by a class (byline and author classes) away
    from the reader (a stress run: a template whose classes no rule names)."""
    metadata.RULES[:] = [
        (name, xpath)
        for name, xpath in metadata.RULES
        if name != "author" or not xpath.path.startswith("//*[contains(@class,")
    ]


def ours(gold: LargeGold, cache: dict, their_names: bool = True) -> dict:
    """The title, authors and date the reader would give the page (without trafilatura's names where
    ``their_names`` is false), and the seconds ``read_metadata`` took."""
    trafilatura = theirs(gold, cache)
    root = parse_page(gold.page.read_bytes(), gold.page.name).root
    started = time.perf_counter()
    metadata = read_metadata(root)
    seconds = time.perf_counter() - started
    published = trafilatura["published"] or (metadata.published or metadata.dated)
    return {
        "title": metadata.title,
        "authors": metadata.authors_or(trafilatura["authors"] if their_names else []),
        "date": published if isinstance(published, str) or published is None else published.isoformat(),
        "seconds": seconds,
    }


def stated(gold: LargeGold) -> dict[str, str | None]:
    """The gold's value of each field (None where it states none)."""
    return {"title": gold.title, "author": gold.author, "date": gold.date}


def scores(gold: LargeGold, found: dict) -> dict[str, bool]:
    """Right or not for each field the gold states."""
    checks = {
        "title": lambda: title_right(found["title"], gold.title or "", gold.site_name, gold.author),
        "author": lambda: author_right(found["authors"], gold.author or ""),
        "date": lambda: found["date"] == gold.date,
    }
    return {name: checks[name]() for name, value in stated(gold).items() if value}


def _share(values: list[bool]) -> str:
    return f"{sum(values) / len(values):.3f} ({sum(values)}/{len(values)})" if values else "-"


def changes(before: list[dict], after: list[dict], name: str) -> tuple[list[str], list[str]]:
    """The pages whose field ``name`` turned right (won) and wrong (lost) from ``before`` to ``after``
    (--details rows), among the pages both scored it on: one may be a half's run (--half), the other not."""
    earlier = {row["page"]: row["right"] for row in before}
    changed = [
        (row["page"], row["right"][name])
        for row in after
        if name in row["right"]
        and name in earlier.get(row["page"], {})
        and row["right"][name] != earlier[row["page"]][name]
    ]
    return [page for page, now in changed if now], [page for page, now in changed if not now]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("tune", "aside"), default="tune")
    corpus_argument(parser)
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--details", type=Path, help="write per-page results of tune pages here")
    parser.add_argument("--against", type=Path, help="an earlier --details file: print what changed")
    parser.add_argument("--half", choices=("A", "B"), help="one half of tune only, by site")
    sources = ("markup", "trafilatura", "classes")
    parser.add_argument("--without", action="append", choices=sources, default=[])
    parser.add_argument(
        "--take-away", type=take_away_list, default=set(), help=f"read titles without: {','.join(TAKE_AWAY)}"
    )
    options = parser.parse_args()
    take_away(options.take_away)
    if "markup" in options.without:
        without_markup()
    if "classes" in options.without:
        without_classes()
    if not (options.corpus / "README.md").is_file():
        absent(options.corpus)
    cache = json.loads(options.cache.read_text(encoding="utf-8")) if options.cache.is_file() else {}
    golds = [gold for gold in load(options.corpus) if gold.part == options.set]
    if options.set == "tune" and options.half:
        golds = [gold for gold in golds if half_of(gold.site) == options.half]
    rows: list[dict] = []
    totals: dict[str, list[bool]] = {name: [] for name in FIELDS}
    halves: dict[str, dict[str, list[bool]]] = {half: {name: [] for name in FIELDS} for half in "AB"}
    seconds: list[float] = []
    for gold in golds:
        found = ours(gold, cache, "trafilatura" not in options.without)
        seconds.append(found.pop("seconds"))
        right = scores(gold, found)
        for name, value in right.items():
            totals[name].append(value)
            halves[half_of(gold.site)][name].append(value)
        if options.set == "tune":
            page = str(gold.page.relative_to(options.corpus))
            rows.append({"page": page, "found": found, "right": right, "gold": stated(gold)})
    options.cache.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")
    print(f"{options.set}: {len(golds)} pages")
    for name in FIELDS:
        print(f"  {name:7} right {_share(totals[name])}")
    if options.set == "tune" and not options.half:
        for half, figures in halves.items():
            print(f"  half {half}: " + ", ".join(f"{name} {_share(figures[name])}" for name in FIELDS))
    print(f"  read_metadata median {statistics.median(seconds) * 1000:.1f} ms")
    if options.set != "tune":
        return
    if options.details:
        options.details.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    if options.against:
        before = json.loads(options.against.read_text(encoding="utf-8"))
        for name in FIELDS:
            won, lost = changes(before, rows, name)
            print(f"  {name}: {len(won)} won, {len(lost)} lost")
            for page in won:
                print(f"    + {page}")
            for page in lost:
                print(f"    - {page}")


if __name__ == "__main__":
    main()
