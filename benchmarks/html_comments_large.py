"""Comment threads on corpus-large: the entries each page's markup holds against those the reader returns.

Run: python benchmarks/html_comments_large.py [--corpus DIR] [--pages] [--part tune|aside|seen] [--half A|B]
[--neutral-markup items|table|all]
(default corpus-large in $ANNOTATED_EPUB_SHARED, else in ../shared beside the checkout).

"Held" entries are counted from the markup by simple rules of this file, independent of the reader's
tables: comment, pingback and trackback items by class, ``comment-N`` ids, Drupal's
``data-comment-user-id``, ``comment-item``/``-entry`` classes, AMP themes' ``amp-*comment``; outside
forms, widgets and dialogs, with some words outside links; a part of a numbered entry (its body,
its reply button) is not an entry of its own.
An entry is "reached" when the longest text run of its own part (replies, and the words of its links,
buttons and forms where it has others, left out), not a short one with a year or time of day, up to
any " | ", is in the reader's comment text. Authors are "clean" when they hold no year, time of day, or
reply/says word; dates are counted on the entries that show one (a ``time``, an ``abbr[title]``, or a
year in their meta text), and on all the comments found (threads the rules do not count too).
Beside these, trafilatura's gold comment snippets are looked for in the reader's comments: all of them,
and those the saved page's text holds (the others are drawn by a script or lost from the copy).
Parts: the split of ``large_corpus.part_of`` (by site, as ``html_eval.py``'s), against the comment work's
older split (a site was aside when its sha256, read as a number, is divisible by 3): "tune" is the pages
tune in both, "aside" those aside in both (held out: run by the lead only), "seen" those where the splits
disagree (246 of 611: comment work has read the markup of some, the page reader's work that of the others),
reported apart. Only the part asked for is parsed (default tune); ``--half`` keeps one half of its sites
(``large_corpus.half_of``). ``--neutral-markup`` is a stress run: after the entries are counted on the page
as saved, the class and id words the reader's markup table names are rewritten into neutral tokens
(``comment_neutral.py``: its levels keep more or less), so that only generic evidence of a thread remains.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from comment_neutral import LEVELS, Level, neutralise  # noqa: E402
from corpus_pages import absent, corpus_argument, time_limit  # noqa: E402
from large_corpus import LargeGold, half_of, load  # noqa: E402

from export.errors import InputError  # noqa: E402
from export.model import Comment, block_texts  # noqa: E402
from export.readers.html.metadata import read_metadata  # noqa: E402
from export.readers.html.parse import clean_tree, parse_html  # noqa: E402
from export.readers.html.sections import read_comments_and_related  # noqa: E402
from export.readers.html.videos import mark_videos  # noqa: E402

ENTRY_TAGS = frozenset({"li", "article", "div", "section", "dt", "amp-list"})
ENTRY_CLASS = re.compile(
    r"^(?:comment|pingback|trackback|amp-wp-comment|amp-comment|ampforwp-comment|"
    r"[\w-]*comments?[-_]?(?:item|entry))$",
    re.IGNORECASE,
)
ENTRY_ID = re.compile(r"^(?:li-|div-)?comment[-_]?\d+$", re.IGNORECASE)
OUTSIDE = re.compile(
    r"sidebar|recent|^modal$|^dialog$|^widget_|^respond$|^comment-respond$|^comment-form$", re.IGNORECASE
)
NUMBER = re.compile(r"\d+")
DEPTH_CLASS = re.compile(r"\bdepth-(\d+)\b")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
CLOCK = re.compile(r"\b\d{1,2}[:.]\d\d\b")
NOT_NAME = re.compile(
    r"\b(?:reply|antworten|répondre|responder|rispondi|says|sagt|schreibt|meint|wrote)\b", re.IGNORECASE
)
LINKBACK = re.compile(r"pingback|trackback")
LABEL = re.compile(r"^\S+(?: \S+)?:$")  # "says:", "Name:"
CONTROLS = frozenset({"a", "button", "form", "script", "style", "template"})
TIMEOUT = 20
Part = Literal["tune", "aside", "seen"]


@dataclass
class Page:
    site: str
    path: Path
    snippets: list[str] = field(default_factory=list)


@dataclass
class Tally:
    """Figures summed over the pages of one part."""

    pages: int = 0
    threads: int = 0
    held: int = 0
    reached: int = 0
    found: int = 0
    extra_pages: int = 0
    unheld_pages: int = 0
    unheld: int = 0
    depth_right: int = 0
    commenters: int = 0
    authored: int = 0
    clean: int = 0
    held_dated: int = 0
    dated: int = 0
    found_dated: int = 0
    snippets: int = 0
    snippet_hits: int = 0
    snippets_saved: int = 0
    saved_hits: int = 0
    failures: int = 0


def site_of(address: str) -> str:
    """The host of an address (inside web.archive.org's), without www."""
    address = address.strip()
    if "web.archive.org/web/" in address:
        address = address.split("/", 5)[-1]
    host = urlsplit(address.removeprefix("x")).netloc.lower()
    return host.removeprefix("www.")


def corpus_pages(corpus: Path) -> Iterator[Page]:
    """Every page of corpus-large with its site and trafilatura's comment snippets where it has some."""
    gold = json.loads((corpus / "trafilatura" / "evaldata.json").read_text(encoding="utf-8"))
    for key, entry in gold.items():
        site = key.removeprefix("hard::").split("-")[0] if key.startswith("hard::") else site_of(key)
        yield Page(site, corpus / "trafilatura" / "html" / entry["file"], entry.get("comments") or [])
    for folder in sorted((corpus / "readability").iterdir()):
        yield Page(re.sub(r"-\d+$", "", folder.name), folder / "source.html")
    truth = json.loads((corpus / "scrapinghub" / "ground-truth.json").read_text(encoding="utf-8"))
    for key, entry in truth.items():
        yield Page(site_of(entry["url"]), corpus / "scrapinghub" / "html" / f"{key}.html")


def older_aside(site: str) -> bool:
    """The comment work's older split: a third of the sites, by hash (sites named by ``corpus_pages``)."""
    return int(hashlib.sha256(site.encode()).hexdigest(), 16) % 3 == 0


def parts(golds: list[LargeGold], pages: list[Page]) -> dict[Path, Part]:
    """Each of ``pages``' part: tune or aside where both splits agree, else seen."""
    newer = {gold.page: gold.part for gold in golds}
    return {
        page.path: newer[page.path]
        if newer[page.path] == ("aside" if older_aside(page.site) else "tune")
        else "seen"
        for page in pages
    }


# The independent count of entries.


def _names(element: etree._Element) -> list[str]:
    return [element.get("id") or "", *(element.get("class") or "").split()]


def _is_entry(element: etree._Element) -> bool:
    if element.tag not in ENTRY_TAGS:
        return False
    if any(ENTRY_CLASS.match(word) for word in (element.get("class") or "").split()):
        return True
    return bool(
        ENTRY_ID.match(element.get("id") or "")
        or element.get("data-comment-user-id") is not None
        or element.get("data-comment-id") is not None
    )


def _outside(element: etree._Element) -> bool:
    """Whether the entry sits in a form, an aside, a widget or a sidebar; a page's body or a layout
    wrapper that also holds the page's heading ("has-sidebar", "no-sidebars") is none of these."""
    return any(
        ancestor.tag in ("form", "aside")
        or (
            ancestor.tag not in ("body", "html")
            and any(OUTSIDE.search(name) for name in _names(ancestor))
            and ancestor.find(".//h1") is None
        )
        for ancestor in element.iterancestors()
    )


def _holder(element: etree._Element, chosen: set[etree._Element]) -> etree._Element | None:
    return next((a for a in element.iterancestors() if a in chosen), None)


def _inner(holder: etree._Element, found: list[etree._Element], chosen: set[etree._Element]) -> list:
    return [element for element in found if element in chosen and _holder(element, chosen) is holder]


def _number(element: etree._Element) -> str:
    """The number in the entry's id or comment-id attribute, "" without one."""
    found = NUMBER.search(element.get("id") or element.get("data-comment-id") or "")
    return found[0] if found else ""


def _own_text(element: etree._Element, entries: set[etree._Element], controls: bool = True) -> list[str]:
    """The entry's text runs, replies left out; without ``controls``, also the words of its links and
    buttons ("Reply", "Report") and of its scripts."""
    runs: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text and isinstance(node.tag, str):
            runs.append(node.text)
        for child in node:
            if child not in entries and (controls or child.tag not in CONTROLS):
                walk(child)
            if child.tail:
                runs.append(child.tail)

    walk(element)
    return [" ".join(run.split()) for run in runs if run.strip()]


def held_entries(root: etree._Element) -> list[tuple[etree._Element, int]]:
    """The page's comment entries and their depth, counted from the markup alone."""
    found = [
        element
        for element in root.iter()
        if isinstance(element.tag, str) and _is_entry(element) and not _outside(element)
    ]
    chosen = set(found)
    for element in found:  # an entry inside another is part of it unless it has a number of its own
        holder = _holder(element, chosen)
        if holder is None:
            continue
        if _number(holder):
            if _number(element) in ("", _number(holder)):
                chosen.discard(element)
        elif not "".join(_own_text(holder, chosen)).strip() and _inner(holder, found, chosen) == [element]:
            chosen.discard(element)  # the only content of an entry without a number
    entries = [element for element in found if element in chosen and _has_body(element)]
    kept = set(entries)
    return [(entry, _level(entry, kept)) for entry in entries]


def _level(entry: etree._Element, kept: set[etree._Element]) -> int:
    """The entry's depth: WordPress's ``depth-N`` class where it has one (its lists are often broken
    apart by the parser), else 1 + the entries around it."""
    if found := DEPTH_CLASS.search(entry.get("class") or ""):
        return int(found[1])
    return 1 + sum(ancestor in kept for ancestor in entry.iterancestors())


def _has_body(entry: etree._Element) -> bool:
    """Whether the entry says anything outside its own links (a share button or a link list says
    nothing); a pingback may be its link, a ``dt``'s words are in the ``dd`` after it."""
    if entry.tag == "dt" or LINKBACK.search(entry.get("class") or ""):
        return bool("".join(entry.itertext()).strip())
    nodes = [entry]
    while nodes:
        node = nodes.pop()
        if (node.text or "").strip() and node.tag != "a":
            return True
        for child in node:
            if (child.tail or "").strip():
                return True
            if isinstance(child.tag, str) and child.tag != "a":
                nodes.append(child)
    return False


def _visible_text(root: etree._Element) -> list[str]:
    """The page's text outside scripts and styles (a thread a script draws is not in it)."""
    return [
        text
        for node in root.iter()
        if isinstance(node.tag, str) and node.tag not in ("script", "style", "template")
        for text in (node.text, *(child.tail for child in node))
        if text and text.strip()
    ]


def _key_runs(entry: etree._Element, kept: set[etree._Element]) -> list[str]:
    """The runs to look for an entry by: a pingback's all (it is its link), a comment's without its
    links, buttons and short labels ("says:")."""
    if LINKBACK.search(entry.get("class") or ""):
        return _own_text(entry, kept)
    return [run for run in _own_text(entry, kept, controls=False) if not LABEL.match(run)]


def _dated(entry: etree._Element, runs: list[str]) -> bool:
    if entry.find(".//time") is not None or entry.find(".//abbr[@title]") is not None:
        return True
    return any(YEAR.search(run) for run in runs if len(run) <= 80)


# The reader's side.


def _normal(text: str) -> str:
    """Whitespace collapsed, case folded, soft hyphens left out (the reader leaves them out of its text)."""
    return " ".join(text.replace("\u00ad", "").split()).casefold()


def _comment_text(comment: Comment) -> str:
    parts = [comment.author or "", comment.title or "", *block_texts(comment.blocks)]
    return _normal(" ".join(parts))


def _key(runs: list[str]) -> str:
    """The entry's text to look for: its longest run that is not a short date, up to a " | " (a site)."""
    plain = [run for run in runs if len(run) > 40 or not (YEAR.search(run) or CLOCK.search(run))] or runs
    return _normal(max(plain, key=len, default="").split(" | ")[0])[:80]


def _depth(comments: list[Comment]) -> int:
    return max((1 + _depth(comment.replies) for comment in comments), default=0)


def _clean(author: str) -> bool:
    return not (YEAR.search(author) or CLOCK.search(author) or NOT_NAME.search(author) or len(author) > 80)


def measure(page: Page, tally: Tally, rows: list[str], level: Level | None = None) -> None:
    """Add one page's figures to ``tally`` and its line to ``rows`` when it holds or yields comments;
    with a ``level``, the markup is made neutral (``comment_neutral``) after its entries are counted."""
    tally.pages += 1
    try:
        with time_limit(TIMEOUT):
            root = parse_html(page.path.read_bytes(), page.path)
            page_text = _normal(" ".join(_visible_text(root)))
            entries = held_entries(root)
            kept = {entry for entry, _ in entries}
            runs = {entry: _own_text(entry, kept) for entry, _ in entries}
            keys = {entry: _key(_key_runs(entry, kept) or runs[entry]) for entry, _ in entries}
            metadata = read_metadata(root)
            if level is not None:
                neutralise(root, level)
            mark_videos(root)
            clean_tree(root)
            thread, _, _ = read_comments_and_related(root, metadata.source, metadata.published)
    except (InputError, TimeoutError, RecursionError) as error:
        tally.failures += 1
        rows.append(f"FAIL {page.site} {page.path.name}: {type(error).__name__}")
        return
    comments = thread.all_comments()
    text = " ".join(_comment_text(comment) for comment in comments)
    reached = sum(keys[entry] in text for entry, _ in entries)
    tally.held += len(entries)
    tally.reached += reached
    tally.found += len(comments)
    held_dated = sum(_dated(entry, runs[entry]) for entry, _ in entries)
    tally.held_dated += held_dated
    tally.dated += min(sum(comment.date is not None for comment in comments), held_dated)
    tally.found_dated += sum(comment.date is not None for comment in comments)
    people = [comment for comment in comments if comment.kind == "comment"]
    tally.commenters += len(people)
    tally.authored += sum(bool(comment.author) for comment in people)
    tally.clean += sum(bool(comment.author) and _clean(comment.author or "") for comment in people)
    held_depth = max((level for _, level in entries), default=0)
    if comments and not entries:
        tally.unheld_pages += 1
        tally.unheld += len(comments)
    if entries:
        tally.threads += 1
        tally.depth_right += _depth(thread.comments) == held_depth
        tally.extra_pages += len(comments) > len(entries)
    hits = sum(_normal(snippet) in text for snippet in page.snippets)
    tally.snippets += len(page.snippets)
    tally.snippet_hits += hits
    saved = [snippet for snippet in page.snippets if _normal(snippet) in page_text]
    tally.snippets_saved += len(saved)
    tally.saved_hits += sum(_normal(snippet) in text for snippet in saved)
    if entries or comments or page.snippets:
        rows.append(
            f"{page.site[:34]:<34} {page.path.name[:20]:<20} held {len(entries):>3} reached {reached:>3} "
            f"found {len(comments):>3} depth {_depth(thread.comments)}/{held_depth} "
            f"dated {sum(c.date is not None for c in comments):>3} "
            f"authors {sum(bool(c.author) and _clean(c.author or '') for c in people):>3}/{len(people):<3} "
            f"snippets {hits}/{len(page.snippets)} ({len(saved)} saved)"
        )


def report(name: str, tally: Tally) -> str:
    def share(part: int, whole: int) -> str:
        return f"{part}/{whole} = {part / whole:.3f}" if whole else f"{part}/0"

    return (
        f"{name}: {tally.pages} pages ({tally.failures} failed), {tally.threads} with held entries; "
        f"entries reached {share(tally.reached, tally.held)}; comments found {tally.found}; "
        f"pages with more found than held {tally.extra_pages}; "
        f"found on {tally.unheld_pages} pages whose markup holds none by these rules {tally.unheld}; "
        f"depth right {share(tally.depth_right, tally.threads)}; "
        f"authors present {share(tally.authored, tally.commenters)}, "
        f"clean {share(tally.clean, tally.commenters)}; "
        f"dates {share(tally.dated, tally.held_dated)} of dated entries, "
        f"{share(tally.found_dated, tally.found)} of comments found; "
        f"trafilatura comment snippets {share(tally.snippet_hits, tally.snippets)}, "
        f"of those in the saved page's text {share(tally.saved_hits, tally.snippets_saved)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_argument(parser)
    parser.add_argument("--pages", action="store_true", help="list each page's figures")
    parser.add_argument(
        "--part",
        choices=("tune", "aside", "seen"),
        default="tune",
        help="tune or aside in both splits, or seen: where the splits disagree (default tune)",
    )
    parser.add_argument("--half", choices=("A", "B"), help="one half of the sites (large_corpus.half_of)")
    parser.add_argument(
        "--neutral-markup",
        choices=LEVELS,
        help="stress: rewrite the class and id words the reader's markup table names (comment_neutral.py)",
    )
    args = parser.parse_args()
    corpus = args.corpus
    if not (corpus / "trafilatura" / "evaldata.json").is_file():
        absent(corpus)
    sys.setrecursionlimit(10000)
    pages = list(corpus_pages(corpus))
    golds = load(corpus)
    chosen = parts(golds, pages)
    sites = {gold.page: gold.site for gold in golds}
    tally = Tally()
    rows: list[str] = []
    for page in pages:
        if chosen[page.path] != args.part:  # the other parts' pages are not even parsed
            continue
        if args.half is None or half_of(sites[page.path]) == args.half:
            measure(page, tally, rows, args.neutral_markup)
    if args.pages:
        print("\n".join(rows))
    name = args.part + (f" half {args.half}" if args.half else "")
    print(report(name + (f" neutral {args.neutral_markup}" if args.neutral_markup else ""), tally))


if __name__ == "__main__":
    main()
