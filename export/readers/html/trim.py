"""What a page puts into the article's text that is not the article: the page's own address alone (a share
box), teaser links to other pages, lists of the site's other pages, lines about the article (its tags, when it
was last changed), labelled runs of links to more of its pages ("Related posts"), the credit lines of pictures
the book does not show ("Foto: Jo Smith"), the notes after the article's end (subscribe, follow us, copyright,
or the site's name: "Get the latest news with the VI Consortium app"), the site's own boxes anywhere ("PC
Gamer Newsletter" and its "Sign up ...") and teaser cards that end the text (``cards.py``).

Applied to a saved page's chosen blocks only (a blog export's post is its author's own text). Each rule
was kept for what it wins across the tune part of corpus-large (docs/page-reader.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from export.model import Block, Heading, ListBlock, Paragraph, Picture, Span, block_paragraphs
from export.readers.html.cards import without_teaser_cards
from export.readers.html.markup_tables import data_lines
from export.readers.html.page_address import registered_domain, unarchived

# A teaser: a short paragraph that is one link to another page, after an optional label ("Read more:").
MAX_TEASER = 150
MAX_LABEL = 30
LINKED = 0.9
# A list of the site's other pages: every item a paragraph that is one link to the same site.
MIN_LIST_ITEMS = 2
# Closing notes: among the last blocks, short ones that say subscribe, follow, copyright ...
MAX_NOTE = 300
LAST_BLOCKS = 4
MAX_SITE_MENTIONS = 4  # a site's name in more paragraphs than this is the article's subject
MIN_SITE_NAME = 5  # a site's name shorter than this ("bbc", "taz") is a common word's part too
NAME_WORD = re.compile(r"[^\W_]+")  # a run of letters and digits
MAX_SPACER = 40  # a line this short between notes ("Donate", a name) is passed over, not a stop
# A label over more of the site's pages ("Related posts"), or before another page's title ("Mire: Title"): a
# short line; the links right after it go with it.
MAX_RELATED_LABEL = 100
MAX_BOX_HEADING = MAX_RELATED_LABEL  # a note box's heading ("PC Gamer Newsletter"), as short as a label
RELATED_LINKED = 0.5
MAX_CREDIT = 100  # a picture's credit line: "Foto: Jo Smith", "© Agency/Photographer"
# A run of linked blocks: this many paragraphs or lists in a row, each this much links (a menu, more stories).
MIN_RUN = 2
RUN_LINKED = 0.8
QUOTE_MARKS = tuple("\"'“”„«»‘’‚")
ADDRESS = re.compile(r"(?:https?://|www\.)\S", re.IGNORECASE)


def _word_pattern(name: str) -> str:
    """The words and phrases of the data file ``name`` as one alternation of literals (linear); a trailing
    "*" lets the last word go on, a trailing "$" matches only at the end of the text."""
    parts = []
    for line in data_lines(name):
        word = line.strip().casefold()
        literal = re.escape(word.rstrip("*$")).replace(r"\ ", r"\s+")
        if word.endswith("*"):
            parts.append(rf"{literal}\w*")
        elif word.endswith("$"):  # the whole line: only what ends a label may follow
            parts.append(rf"{literal}[\s:.…]*$")
        else:
            parts.append(literal + (r"\b" if word[-1].isalnum() else ""))
    return "|".join(parts)


NOTE_WORDS = re.compile(rf"(?<!\w)(?:{_word_pattern('closing_notes.txt')})", re.IGNORECASE)
RELATED_LABEL = re.compile(rf"\W*(?:{_word_pattern('related_labels.txt')})", re.IGNORECASE)
METADATA_LABEL = re.compile(rf"\W*(?:\d+\s+)?(?:{_word_pattern('metadata_lines.txt')})", re.IGNORECASE)
SPACED_COLON = re.compile(r"\s+:")
MAX_METADATA = 150  # a metadata line: "Tags: a, b, c", "Letzte Änderung 14.02.2019"
CREDIT_LABEL = re.compile(rf"\W*(?:(?:{_word_pattern('credit_labels.txt')})\s*:|©)", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    """What the rules know of the page: its address (links to the same site) and whether the pictures'
    web addresses are fetched into the book."""

    address: str | None
    pictures_fetched: bool = False

    @cached_property
    def site(self) -> str | None:
        """The site's name as its address has it (``_site_name``), worked out once for all the rules."""
        return _site_name(self.address)

    @cached_property
    def bare_address(self) -> str:
        """The page's own address as ``_bare_address`` has it ("" where it has none)."""
        return _bare_address(self.address or "")


Rule = Callable[[list[Block], Page], list[Block]]


def _each_block(test: Callable[[list[Block], int, Page], bool]) -> Rule:
    """A rule that leaves out each block ``test`` holds for (given the blocks and its index)."""

    def rule(blocks: list[Block], page: Page) -> list[Block]:
        return [block for index, block in enumerate(blocks) if not test(blocks, index, page)]

    return rule


# In this order: a credit line looks at the block before it, which the rules after it may leave out; a run of
# linked blocks is whole before the teaser rule takes its short ones, and a list of the site's own pages is
# gone before it (a list of sources after one stays); a heading ends the text once what followed it is gone.
RULES: dict[str, Rule] = {
    "credit lines": _each_block(
        lambda blocks, index, page: _unshown_credit(blocks, index, page.pictures_fetched)
    ),
    "metadata lines": _each_block(lambda blocks, index, page: _metadata_line(blocks[index])),
    "the page's own address": _each_block(
        lambda blocks, index, page: _own_address(blocks[index], page.bare_address)
    ),
    "site lists": _each_block(lambda blocks, index, page: _site_list(blocks[index], page.address)),
    "runs of linked blocks": lambda blocks, page: _without_linked_runs(blocks),  # generic: no word list
    "teaser links": _each_block(lambda blocks, index, page: _teaser(blocks[index])),
    "related labels": lambda blocks, page: _without_related_runs(blocks),
    "teaser cards at the end": lambda blocks, page: without_teaser_cards(blocks),  # generic: no word list
    "closing notes": lambda blocks, page: _without_closing_notes(blocks, _signing_name(blocks, page.site)),
    "site's note boxes": lambda blocks, page: _without_note_boxes(blocks, _signing_name(blocks, page.site)),
    "headings at the end": lambda blocks, page: _without_trailing_headings(blocks),
}


def trim_article(
    blocks: list[Block],
    address: str | None,
    pictures_fetched: bool = False,
    rules: Iterable[Rule] | None = None,
) -> list[Block]:
    """``blocks`` without credit lines of pictures not shown, lines about the article, the page's own address
    alone, lists of the site's other pages, runs of paragraphs or lists that are all links, teaser links,
    labelled runs of links to more pages, teaser cards at the end, closing notes, the site's note boxes and
    the headings left at the end (``RULES``).

    ``address`` is the page's own, which tells links to the same site (relative ones always are);
    ``pictures_fetched``: the pictures' web addresses are fetched into the book (a fetched page);
    ``rules``: the rules to apply, in ``RULES``' order (all by default; the benchmark leaves one out).
    Where the rules would leave nothing, ``blocks`` stay as they are: a book rather than no book."""
    page = Page(address, pictures_fetched)
    trimmed = blocks
    for rule in RULES.values() if rules is None else rules:
        trimmed = rule(trimmed, page)
    return trimmed or blocks  # where nothing would be left, the page's text is misfound: better all of it


def _teaser(block: Block) -> bool:
    """A short paragraph that, after a label of a few words and a colon, is all one or more links; one
    that shows an address is a reference (a petition, a source), not a teaser."""
    if not isinstance(block, Paragraph) or len(block.text) > MAX_TEASER or ADDRESS.search(block.text):
        return False
    text = block.text
    colon = text.find(":")
    start = colon + 1 if 0 < colon < MAX_LABEL else 0
    rest = len(text[start:].strip())
    return bool(rest) and linked_characters(block.spans, start) >= LINKED * rest


def _metadata_line(block: Block) -> bool:
    """A short line about the article rather than of it: its categories or tags, when it was last changed,
    its count of comments (``metadata_lines.txt``); a line ending with a full stop is a sentence."""
    text = block.text.strip() if isinstance(block, Paragraph | Heading) else ""
    if not text or len(text) > MAX_METADATA or text.endswith("."):
        return False
    return METADATA_LABEL.match(SPACED_COLON.sub(":", text)) is not None


def _own_address(block: Block, own: str) -> bool:
    """A paragraph that is the page's own address ``own`` (bare) alone, as a share or print box shows it:
    generic, no word list."""
    return isinstance(block, Paragraph) and bool(own) and _bare_address(block.text) == own


def _bare_address(address: str) -> str:
    """An address without its scheme, "www." and a closing "/", in lower case."""
    bare = address.strip().casefold().removeprefix("http://").removeprefix("https://")
    return bare.removeprefix("www.").rstrip("/")


def _unshown_credit(blocks: list[Block], index: int, pictures_fetched: bool) -> bool:
    """A picture's credit line ("Foto: Jo Smith", "© Agency") that does not follow a picture the book shows
    (stored, or fetched from its address later); after one, it stays as that picture's attribution."""
    block = blocks[index]
    if not isinstance(block, Paragraph) or len(block.text.strip()) > MAX_CREDIT:
        return False
    before = blocks[index - 1] if index else None
    shown = isinstance(before, Picture) and bool(before.image or (pictures_fetched and before.address))
    return CREDIT_LABEL.match(block.text) is not None and not shown


def linked_characters(spans: list[Span], start: int = 0) -> int:
    """Characters from ``start`` on that links cover."""
    covered: set[int] = set()
    for span in spans:
        if span.kind == "link":
            covered.update(range(max(span.start, start), span.end))
    return len(covered)


def _all_links(block: Block) -> bool:
    """A paragraph or list whose text is nearly all links; one that shows an address is a reference (the
    sources a post lists), as for a teaser."""
    if not isinstance(block, Paragraph | ListBlock):
        return False
    paragraphs = block_paragraphs([block])
    if any(ADDRESS.search(paragraph.text) for paragraph in paragraphs):
        return False
    total = sum(len(paragraph.text.strip()) for paragraph in paragraphs)
    linked = (linked_characters(paragraph.spans) for paragraph in paragraphs)
    return total > 0 and sum(linked) >= RUN_LINKED * total


def _without_linked_runs(blocks: list[Block]) -> list[Block]:
    """Without paragraphs or lists that are all links, two or more in a row (pictures between them passed
    over): a menu or a list of other pages, whatever its markup is called."""
    left_out: set[int] = set()
    run: list[int] = []
    for index, block in enumerate([*blocks, None]):
        if block is not None and _all_links(block):
            run.append(index)
        elif block is None or not (run and isinstance(block, Picture)):
            left_out.update(run if len(run) >= MIN_RUN else [])
            run = []
    return [block for index, block in enumerate(blocks) if index not in left_out]


def _without_trailing_headings(blocks: list[Block]) -> list[Block]:
    """Without the headings that end the text: nothing of theirs follows (a picture after one is its own);
    one that shows an address is a source line ("Quelle: https://..."), not a heading."""
    end = len(blocks)
    while end and isinstance(last := blocks[end - 1], Heading) and not ADDRESS.search(last.text):
        end -= 1
    return blocks[:end]


def _site_list(block: Block, address: str | None) -> bool:
    """A list whose items are each one paragraph that is all links to pages of the same site."""
    if not isinstance(block, ListBlock) or len(block.items) < MIN_LIST_ITEMS:
        return False
    site = registered_domain(address)
    for item in block.items:
        if len(item.blocks) != 1 or not isinstance(paragraph := item.blocks[0], Paragraph):
            return False
        same = [span for span in paragraph.spans if span.kind == "link" and _same_site(span.target, site)]
        if not paragraph.text or linked_characters(same) < LINKED * len(paragraph.text):
            return False
    return True


def _same_site(target: str | None, site: str | None) -> bool:
    """Whether a link goes to a page on the registered domain ``site`` (a relative one always does)."""
    target = target or ""
    if target.startswith(("#", "mailto:", "tel:", "javascript:")) or not target:
        return False
    host = registered_domain(target)
    return host == site if host else True


def _site_name(address: str | None) -> str | None:
    """The site's name as its address has it, in letters and digits ("haitiantimes" for
    www.haitiantimes.com, also in a web archive's address); None where it is too short to tell from a word."""
    domain = registered_domain(unarchived(address or ""))
    name = "".join(ch for ch in domain.split(".")[0] if ch.isalnum()) if domain else ""
    return name.casefold() if len(name) >= MIN_SITE_NAME else None


def _signing_name(blocks: list[Block], site: str | None) -> str | None:
    """The site's name ``site`` where it signs the site's notes: not where the article itself names the site
    often, as a company's blog does its product ("WordPress", "Docker"). Counted in the blocks each rule is
    given, as the closing notes left out before the note boxes may have named the site."""
    if site is None:
        return None
    mentions = sum(
        _mentions_site(block.text, site) for block in blocks if isinstance(block, Paragraph | Heading)
    )
    return site if mentions <= MAX_SITE_MENTIONS else None


def _mentions_site(text: str, site: str) -> bool:
    """Whether the site's name is anywhere in the text's letters and digits, a word's part included (how
    often the article talks of the site: "my6sense's exchange", "apolut-App")."""
    return site in "".join(NAME_WORD.findall(text.casefold()))


def _names_site(text: str, site: str | None) -> bool:
    """Whether whole words of the text spell the site's name as a name: capitalised, or two words or more
    ("The Haitian Times", "RosaMag", "outdoor-magazin"), or as its address ("breakingbelizenews.com"); a
    common word the name also is ("rare in nature" on nature.com) is none."""
    if site is None:
        return False
    words = NAME_WORD.findall(text)
    for start, word in enumerate(words):
        spelled = ""
        for end in range(start, len(words)):
            spelled += words[end].casefold()
            if len(spelled) >= len(site):
                break
        if spelled == site and (
            end > start or word[0].isupper() or word[0].isdigit() or _in_address(text, site)
        ):
            return True
    return False


def _in_address(text: str, site: str) -> bool:
    """Whether the site's name stands before a dot and a letter: a host or a mail address."""
    folded = text.casefold()
    at = folded.find(site + ".")
    while at != -1:
        if folded[at + len(site) + 1 : at + len(site) + 2].isalpha():
            return True
        at = folded.find(site + ".", at + 1)
    return False


def _without_closing_notes(blocks: list[Block], site: str | None) -> list[Block]:
    """The blocks without the notes among the last few: short paragraphs or headings that name
    subscriptions, apps, following, donations or copyright, or the ``site`` itself; very short lines
    between them are passed over, anything else ends the search. A note starting with a quotation mark is
    someone's words."""
    dropped: set[int] = set()
    for index in range(len(blocks) - 1, max(len(blocks) - 1 - LAST_BLOCKS, -1), -1):
        block = blocks[index]
        if not isinstance(block, Paragraph | Heading):
            break
        text = block.text.strip()
        if _note_shaped(text) and (NOTE_WORDS.search(text) or _names_site(text, site)):
            dropped.add(index)
        elif len(text) > MAX_SPACER:
            break
    return [block for index, block in enumerate(blocks) if index not in dropped]


def _note_shaped(text: str) -> bool:
    """Short enough for a note and not someone's quoted words."""
    return len(text) <= MAX_NOTE and not text.startswith(QUOTE_MARKS)


def _without_note_boxes(blocks: list[Block], site: str | None) -> list[Block]:
    """The blocks without the site's own boxes anywhere in the text: a short heading that names the site
    and a newsletter, a subscription, a donation ... ("PC Gamer Newsletter", "Unterstütze RosaMag"), and the
    short paragraphs right after it that name one too; any other short paragraph or heading that names both
    is a box alone ("To view the full story, please subscribe to The Haitian Times.")."""
    if not site:
        return blocks
    kept: list[Block] = []
    in_box = False
    for block in blocks:
        text = block.text.strip() if isinstance(block, Heading | Paragraph) else ""
        note = _note_shaped(text) and NOTE_WORDS.search(text) is not None
        if isinstance(block, Heading) and len(text) <= MAX_BOX_HEADING and note and _names_site(text, site):
            in_box = True
        elif note and _names_site(text, site):  # a box of one paragraph
            continue
        elif not (in_box and isinstance(block, Paragraph) and note):
            in_box = False
            kept.append(block)
    return kept


def _without_related_runs(blocks: list[Block]) -> list[Block]:
    """The blocks without each related label ("Related posts", "Lesen Sie auch:") and the pictures, lists,
    very short lines and paragraphs of links right after it; the article's own text after a label stays."""
    kept: list[Block] = []
    after_label = False
    for block in blocks:
        if _related_label(block):
            after_label = True
        elif not (after_label and _teaser_like(block)):
            after_label = False
            kept.append(block)
    return kept


def _related_label(block: Block) -> bool:
    """A short heading or paragraph that starts with a label of ``related_labels.txt`` and is no sentence
    (does not end with a full stop: "Related to this, the council met again.")."""
    if not isinstance(block, Heading | Paragraph):
        return False
    text = block.text.strip()
    return len(text) <= MAX_RELATED_LABEL and not text.endswith(".") and RELATED_LABEL.match(text) is not None


def _teaser_like(block: Block) -> bool:
    """A picture, a list, a line of a few words (a byline, a date), or a paragraph that is mostly links."""
    if isinstance(block, Picture | ListBlock):
        return True
    if not isinstance(block, Paragraph):
        return False
    text = block.text
    return len(text.strip()) <= MAX_SPACER or linked_characters(block.spans) >= RELATED_LINKED * len(text)
