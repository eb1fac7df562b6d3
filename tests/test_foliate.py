"""The seed's book in foliate-js, the engine of the Foliate reader, in headless Chromium (tests/foliate/).

Clicking a note reference must pop up its note, and no more than the note; the note's back link must return
to the reference, from the popup and from the notes section at the end of the chapter.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from books import NS, documents

DRIVER = Path(__file__).parent / "foliate"
NOTEREF = "//h:a[contains(concat(' ', @epub:type, ' '), ' noteref ')]"


def node_missing() -> str | None:
    """Why Node.js or the driver's npm packages are missing, or None."""
    if not shutil.which("node"):
        return "needs Node.js: apt-get install nodejs npm"
    if not all((DRIVER / "node_modules" / name).is_dir() for name in ("foliate-js", "playwright-core")):
        return "needs tests/foliate's npm packages: npm ci --prefix tests/foliate"
    return None


def chromium_missing() -> str | None:
    """Why Chromium is missing, or None."""
    return None if shutil.which("chromium") else "needs Chromium: apt-get install chromium"


MISSING = "; ".join(filter(None, (node_missing(), chromium_missing())))
pytestmark = [pytest.mark.node, pytest.mark.chromium, pytest.mark.skipif(bool(MISSING), reason=MISSING)]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def references(seed_book) -> list[dict[str, str]]:
    """The first and the last note reference of every document with notes, each with its note's text."""
    chosen = []
    for name, root in documents(seed_book).items():
        links = root.xpath(NOTEREF, namespaces=NS)
        for link in dict.fromkeys([links[0], links[-1]] if links else []):
            note_id = link.get("href").partition("#")[2]
            (note,) = root.xpath("//*[@id=$id]", id=note_id)
            text = "".join(note.itertext())
            chosen.append({"section": name, "ref": link.get("id"), "note": note_id, "text": text})
    assert len(chosen) >= 3
    return chosen


@pytest.fixture(scope="module")
def reading(seed_book, references) -> dict:
    """What the reader showed, as tests/foliate/run.mjs reports it."""
    spec = [{key: reference[key] for key in ("section", "ref", "note")} for reference in references]
    done = subprocess.run(
        ["node", str(DRIVER / "run.mjs"), str(seed_book), json.dumps(spec)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_reader_opens_the_book_without_errors(reading):
    assert reading["engine"]["foliate"]
    assert reading["errors"] == []


def test_note_reference_pops_up_its_note(reading, references):
    for reference, visit in zip(references, reading["visits"], strict=True):
        assert visit["showsReference"], f"the reader did not go to {reference['ref']}"
        popup = visit["popup"]
        assert popup["shown"] and popup["type"] == "footnote"
        assert popup["href"].endswith(f"#{reference['note']}")
        assert squeeze(popup["text"]) == squeeze(reference["text"]), f"popup of {reference['ref']}"


def test_back_link_in_the_popup_closes_it_at_the_reference(reading):
    for visit in reading["visits"]:
        assert visit["afterPopupBackLink"] == {"dialogOpen": False, "showsReference": True}, visit["ref"]


def test_back_link_in_the_notes_returns_to_the_reference(reading):
    for visit in reading["visits"]:
        assert visit["fromNotes"]["showsNote"], f"the reader did not go to the note of {visit['ref']}"
        assert visit["fromNotes"]["afterBackLink"], f"the back link did not return to {visit['ref']}"
    # At least one return turns pages: the note is not on the reference's page.
    assert any(not visit["fromNotes"]["showsReference"] for visit in reading["visits"])
