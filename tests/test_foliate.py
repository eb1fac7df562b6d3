"""Books in foliate-js, the engine of the Foliate reader, in headless Chromium (driven by tests/foliate/).

Clicking a note reference must pop up its note, and no more than the note; the note's back link must return
to the reference, from the popup and from the notes section at the end of the chapter. In a blog anthology,
a post's link to its comments and the comments' link back must lead there, not to a popup; and the same in
a collection of several articles, whose notes are each part's own.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from books import NS, build, documents
from conftest import CORPUS, SEED
from inputs import blog_export

from export.cli import main

DRIVER = Path(__file__).parent / "foliate"
NOTEREF = "//h:a[contains(concat(' ', @epub:type, ' '), ' noteref ')]"
BLOG_LINKS = ("p.comments-link a", "p.article-link a")
THREADED_ARTICLE = CORPUS / "html" / "trafilatura__thenervousbreakdown.com.loneliest.html"
COLLECTION_PARTS = ("EPUB/part-001.xhtml", "EPUB/part-002.xhtml")  # each article's chapter, each its notes


pytestmark = [pytest.mark.node, pytest.mark.chromium]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def note_references(book: Path, names: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """The first and the last note reference of every document with notes (of those ``names``, if given),
    each with its note's text."""
    chosen = []
    for name, root in documents(book).items():
        if names and name not in names:
            continue
        links = root.xpath(NOTEREF, namespaces=NS)
        for link in dict.fromkeys([links[0], links[-1]] if links else []):
            note_id = link.get("href").partition("#")[2]
            (note,) = root.xpath("//*[@id=$id]", id=note_id)
            chosen.append(
                {"section": name, "ref": link.get("id"), "note": note_id, "text": "".join(note.itertext())}
            )
    return chosen


def links(book: Path, selectors: tuple[str, ...]) -> list[dict[str, str]]:
    """Every document's first link matching each selector (a ``p.CLASS a`` selector)."""
    found = []
    for name, root in documents(book).items():
        for selector in selectors:
            paragraph_class = selector.split()[0].removeprefix("p.")
            if root.xpath("//h:p[@class=$c]/h:a", namespaces=NS, c=paragraph_class):
                found.append({"section": name, "selector": selector})
    return found


@pytest.fixture(scope="module")
def books(seed_book, tmp_path_factory) -> dict[str, dict]:
    """The seed's book and a small blog anthology, with the references and links to try in each."""
    folder = tmp_path_factory.mktemp("foliate")
    export = folder / "blog.xml"
    export.write_bytes(blog_export())
    blog = build(folder, source=export, name="blog.epub")
    collection = folder / "collection.epub"
    assert main([str(SEED), str(THREADED_ARTICLE), "-o", str(collection), "-q"]) == 0
    chosen = {
        "seed": {"book": str(seed_book), "notes": note_references(seed_book)},
        "blog": {"book": str(blog), "notes": note_references(blog)[:2], "links": links(blog, BLOG_LINKS)},
        "collection": {"book": str(collection), "notes": note_references(collection, COLLECTION_PARTS)},
    }
    assert len(chosen["seed"]["notes"]) >= 3 and len(chosen["blog"]["links"]) == 2
    assert {note["section"] for note in chosen["collection"]["notes"]} == set(COLLECTION_PARTS)
    return chosen


@pytest.fixture(scope="module")
def reading(books, tmp_path_factory) -> dict[str, dict]:
    """What the reader showed in each book, as tests/foliate/run.mjs reports it."""
    spec = tmp_path_factory.mktemp("foliate-spec") / "spec.json"
    spec.write_text(json.dumps([_without_texts(book) for book in books.values()]), encoding="utf-8")
    done = subprocess.run(
        ["node", str(DRIVER / "run.mjs"), str(spec)],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "CHROMIUM": str(shutil.which("chromium"))},
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["engine"]["foliate"] and report["engine"]["chromium"]
    return dict(zip(books, report["books"], strict=True))


def _without_texts(book: dict) -> dict:
    return {**book, "notes": [{k: v for k, v in note.items() if k != "text"} for note in book["notes"]]}


def note_visits(books, reading):
    for name, book in books.items():
        yield from zip(book["notes"], reading[name]["notes"], strict=True)


# foliate-js's paginator sets styles on a section's body from a resize observer; under load it may run while
# the section's document is being replaced, and throw on a body not there yet (seen 1 run in ~20 on a busy
# machine, never with the machine idle). That is the engine's race, not the book's: it is not counted.
ENGINE_RACES = ("Uncaught TypeError: Cannot destructure property 'style' of 'el' as it is null.",)


def test_reader_opens_the_books_without_errors(reading):
    errors = {name: [e for e in book["errors"] if e not in ENGINE_RACES] for name, book in reading.items()}
    assert errors == {"seed": [], "blog": [], "collection": []}


def test_note_reference_pops_up_its_note(books, reading):
    for reference, visit in note_visits(books, reading):
        assert visit["showsReference"], f"the reader did not go to {reference['ref']}"
        popup = visit["popup"]
        assert popup["shown"] and popup["type"] == "footnote"
        assert popup["href"] == f"{reference['section']}#{reference['note']}"
        assert squeeze(popup["text"]) == squeeze(reference["text"]), f"popup of {reference['ref']}"


def test_back_link_in_the_popup_closes_it_at_the_reference(books, reading):
    for reference, visit in note_visits(books, reading):
        assert visit["afterPopupBackLink"] == {"dialogOpen": False, "showsReference": True}, reference["ref"]


def test_back_link_in_the_notes_returns_to_the_reference(books, reading):
    visits = [visit for _, visit in note_visits(books, reading)]
    for visit in visits:
        assert visit["fromNotes"]["showsNote"], f"the reader did not go to the note of {visit['ref']}"
        assert visit["fromNotes"]["afterBackLink"], f"the back link did not return to {visit['ref']}"
    # Some returns turn pages: the note is not on the reference's page.
    assert not all(visit["fromNotes"]["showsReference"] for visit in visits)


def test_blog_post_links_to_its_comments_and_back(reading):
    comments, back = sorted(reading["blog"]["links"], key=lambda link: BLOG_LINKS.index(link["selector"]))
    assert comments["href"].endswith("-comments.xhtml#comments")
    assert back["from"] == comments["href"].partition("#")[0]
    assert back["href"] == f"{comments['from']}#title"
    for link in (comments, back):
        assert link["showsLink"] and link["showsTarget"] and not link["dialogOpen"], link
