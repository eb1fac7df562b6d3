"""The document model: what readers produce, annotators enrich and writers consume."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, get_args

from export.records import Record

ClaimKind = Literal["possibility", "evidential", "belief", "sourcing", "prediction", "conditional"]
CLAIM_KINDS: tuple[ClaimKind, ...] = get_args(ClaimKind)
# How sensitive claim marking is: strict marks only the surest cues, all the weakest too.
ClaimsLevel = Literal["strict", "default", "all"]
CLAIMS_LEVELS: tuple[ClaimsLevel, ...] = get_args(ClaimsLevel)
# "del" and "ins" are an edit's deleted and inserted words, as a comment shows a correction.
SpanKind = Literal["em", "strong", "code", "sub", "sup", "del", "ins", "link", "noteref"]
CommentKind = Literal["comment", "pingback", "trackback"]
COMMENT_KINDS: tuple[CommentKind, ...] = get_args(CommentKind)
# Replies deeper than this are kept at this depth by the text and WordPress readers (the page reader's depth
# is bounded by its markup's, export.readers.html.nesting): a book cannot show deeper nesting anyway.
MAX_REPLY_DEPTH = 32
# The book's file format: EPUB 3, Kobo's KEPUB or Kindle's AZW3 (see export.formats.FORMATS).
BookFormat = Literal["epub", "kepub", "azw3"]
BOOK_FORMATS: tuple[BookFormat, ...] = get_args(BookFormat)


@dataclass(eq=False, repr=False)
class Claim(Record):
    """A speculative claim: offsets into its paragraph's text, its kind, cue words and a note.

    ``cue_spans`` are the cue words' offsets in the paragraph's text, in order and apart."""

    start: int
    end: int
    kind: ClaimKind
    cues: list[str]
    note: str
    cue_spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass(eq=False, repr=False)
class Span(Record):
    """Inline markup over part of a paragraph's text; ``target`` is a link's address or a note's id."""

    start: int
    end: int
    kind: SpanKind
    target: str | None = None


@dataclass(eq=False, repr=False)
class Paragraph(Record):
    """A paragraph of plain text with stand-off inline markup; a newline inside ``text`` is a line break."""

    text: str
    claims: list[Claim] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)


@dataclass(eq=False, repr=False)
class Heading(Record):
    """A heading inside a section; level 1 is the highest inside the chapter."""

    text: str
    level: int = 1


@dataclass(eq=False, repr=False)
class ListItem(Record):
    """One entry of a list: its blocks (paragraphs, nested lists, ...)."""

    blocks: list[Block] = field(default_factory=list)


@dataclass(eq=False, repr=False)
class ListBlock(Record):
    """An ordered or unordered list; ``start`` is an ordered list's first number when not 1."""

    items: list[ListItem] = field(default_factory=list)
    ordered: bool = False
    start: int | None = None


@dataclass(eq=False, repr=False)
class Definition(Record):
    """One entry of a definition list: its terms, then the description of each (``dt`` and ``dd``)."""

    terms: list[Paragraph] = field(default_factory=list)
    descriptions: list[ListItem] = field(default_factory=list)


@dataclass(eq=False, repr=False)
class DefinitionList(Record):
    """A definition list: terms, each run of them with its descriptions, as a glossary has them."""

    entries: list[Definition] = field(default_factory=list)


@dataclass(eq=False, repr=False)
class Quote(Record):
    """A block quotation."""

    blocks: list[Block] = field(default_factory=list)


@dataclass(eq=False, repr=False)
class Image(Record):
    """A picture the book carries: its bytes, media type and a file name derived from its content."""

    file_name: str
    media_type: str
    data: bytes


@dataclass(eq=False, repr=False)
class Picture(Record):
    """A figure in the text: ``image`` names one of ``Article.images``, or is None when not in this copy.

    ``address`` is where the page showed the picture from (absolute http or https), for a step that may
    fetch it when the page itself came from the web; readers never fetch."""

    image: str | None = None
    alt: str = ""
    caption: Paragraph | None = None
    address: str | None = None


@dataclass(eq=False, repr=False)
class TableCell(Record):
    """A table cell: its text, whether it is a header cell, and the rows and columns it spans."""

    content: Paragraph
    header: bool = False
    colspan: int = 1
    rowspan: int = 1


@dataclass(eq=False, repr=False)
class Table(Record):
    """A data table: rows of cells and an optional caption."""

    rows: list[list[TableCell]] = field(default_factory=list)
    caption: Paragraph | None = None


@dataclass(eq=False, repr=False)
class Preformatted(Record):
    """Preformatted text, such as program code, kept with its line breaks and spaces."""

    text: str


Block = Paragraph | Heading | ListBlock | DefinitionList | Quote | Picture | Table | Preformatted


def block_paragraphs(blocks: list[Block]) -> list[Paragraph]:
    """Every paragraph inside ``blocks``, nested ones included, in reading order."""
    return [leaf for leaf in block_leaves(blocks) if isinstance(leaf, Paragraph)]


def block_texts(blocks: list[Block]) -> list[str]:
    """The text of every paragraph, heading, piece of code and picture (its alternative text) inside
    ``blocks``, in reading order."""
    texts = [leaf.alt if isinstance(leaf, Picture) else leaf.text for leaf in block_leaves(blocks)]
    return [text for text in texts if text]


def without_blank_pictures(blocks: list[Block]) -> list[Block]:
    """``blocks`` without the pictures that neither show nor say anything (no image, alternative text or
    caption: a fetched page's picture that could not be had), nested ones too; a list item, list or
    quotation left empty goes with them, as a reader leaves an empty one out."""
    kept: list[Block] = []
    for block in blocks:
        if isinstance(block, Picture) and not (block.image or block.alt or block.caption):
            continue
        if isinstance(block, ListBlock):
            block.items = _items_with_blocks(block.items)
            if not block.items:
                continue
        elif isinstance(block, Quote):
            block.blocks = without_blank_pictures(block.blocks)
            if not block.blocks:
                continue
        elif isinstance(block, DefinitionList):
            for entry in block.entries:
                entry.descriptions = _items_with_blocks(entry.descriptions)
        kept.append(block)
    return kept


def _items_with_blocks(items: list[ListItem]) -> list[ListItem]:
    for item in items:
        item.blocks = without_blank_pictures(item.blocks)
    return [item for item in items if item.blocks]


def block_leaves(blocks: list[Block]) -> list[Paragraph | Heading | Preformatted | Picture]:
    """Every block holding text of its own inside ``blocks``, nested ones included, in reading order
    (a picture, then its caption)."""
    found: list[Paragraph | Heading | Preformatted | Picture] = []
    for block in blocks:
        if isinstance(block, Paragraph | Heading | Preformatted):
            found.append(block)
        elif isinstance(block, ListBlock):
            for item in block.items:
                found += block_leaves(item.blocks)
        elif isinstance(block, DefinitionList):
            for entry in block.entries:
                found += entry.terms
                for description in entry.descriptions:
                    found += block_leaves(description.blocks)
        elif isinstance(block, Quote):
            found += block_leaves(block.blocks)
        elif isinstance(block, Picture):
            found += [block, block.caption] if block.caption else [block]
        elif isinstance(block, Table):
            found += [block.caption] if block.caption else []
            found += [cell.content for row in block.rows for cell in row]
    return found


@dataclass(eq=False, repr=False)
class Footnote(Record):
    """A note the article itself defines; ``key`` is what its references (Span kind "noteref") target."""

    key: str
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass(eq=False, repr=False)
class Section(Record):
    """A run of blocks, with a title when the article gives one."""

    blocks: list[Block] = field(default_factory=list)
    title: str | None = None


@dataclass(eq=False, repr=False)
class Person(Record):
    """A named person and, where the page says so, their role (for example "Writer, Dandelion Salad")."""

    name: str
    role: str | None = None


@dataclass(eq=False, repr=False)
class Figure(Record):
    """The article's picture as the page describes it: its caption and its credit."""

    caption: str | None = None
    credit: str | None = None


@dataclass(eq=False, repr=False)
class VideoReport(Record):
    """An embedded video report: title, channel, date and description."""

    title: str
    channel: str | None = None
    published: dt.date | None = None
    description: list[Paragraph] = field(default_factory=list)
    url: str | None = None
    added_on: dt.date | None = None


@dataclass(eq=False, repr=False)
class ArchiveLink(Record):
    """An entry of a "from the archives" or related-posts list."""

    title: str
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    date: dt.date | None = None


def claim_kind(name: str) -> ClaimKind:
    """``name`` as a claim kind; a ValueError when it names none."""
    for kind in CLAIM_KINDS:
        if kind == name:
            return kind
    raise ValueError(f"not a claim kind: {name!r}")


def comment_kind(name: str) -> CommentKind:
    """The comment kind ``name`` names in any case ("Pingback"); "comment" for any other name."""
    return _COMMENT_KINDS.get(name.lower(), "comment")


_COMMENT_KINDS: dict[str, CommentKind] = {kind: kind for kind in COMMENT_KINDS}  # asked for every comment


@dataclass(eq=False, repr=False)
class Comment(Record):
    """A reader comment, pingback or trackback, with its replies nested under it."""

    kind: CommentKind = "comment"
    number: int | None = None
    author: str | None = None
    date: dt.date | None = None
    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    site: str | None = None
    url: str | None = None
    replies: list[Comment] = field(default_factory=list)
    time: dt.time | None = None  # the time of day the page gives, as the page gives it
    author_url: str | None = None
    approved: bool = True  # False only for a held comment kept on request (WordPress exports)
    videos: list[VideoReport] = field(default_factory=list)  # players in the comment, as links

    @property
    def paragraphs(self) -> list[Paragraph]:
        """Every paragraph of the comment's blocks, nested ones included (the objects themselves)."""
        return block_paragraphs(self.blocks)

    def walk(self) -> list[Comment]:
        """This comment and all its replies, depth first."""
        return _depth_first([self])


def _depth_first(comments: list[Comment]) -> list[Comment]:
    """``comments`` each followed by its replies, depth first: with a stack, not a call for each reply."""
    found: list[Comment] = []
    pending = comments[::-1]
    while pending:
        comment = pending.pop()
        found.append(comment)
        if comment.replies:
            pending += comment.replies[::-1]
    return found


CommentPageRelation = Literal["older", "newer"]


@dataclass(frozen=True)
class CommentPageLink:
    """A link to another page of the same comment thread (WordPress's ``/comment-page-2/``, ``?cpage=2``).

    ``number`` is the page number its address gives; ``relation`` what the link says of that page
    ("Older comments", rel=prev: its comments come before this page's)."""

    url: str
    number: int | None = None
    relation: CommentPageRelation | None = None


@dataclass(eq=False, repr=False)
class CommentThread(Record):
    """The comment section: the count the page announces, the comments present, and whether it is closed.

    ``pages`` link to the thread's other pages, when the page splits it; ``page_number`` is this page's own
    number where the page or its address says it."""

    comments: list[Comment] = field(default_factory=list)
    announced: int | None = None
    closed: bool = False
    pages: list[CommentPageLink] = field(default_factory=list)
    page_number: int | None = None

    def all_comments(self) -> list[Comment]:
        """Every comment, pingback and reply, depth first."""
        return _depth_first(self.comments)

    def counts(self) -> tuple[int, int]:
        """How many readers' comments (replies among them) and how many links (pingbacks, trackbacks)."""
        entries = self.all_comments()
        links = sum(comment.kind != "comment" for comment in entries)
        return len(entries) - links, links


@dataclass(eq=False, repr=False)
class Article(Record):
    """One article and everything the page keeps around it."""

    title: str
    authors: list[Person] = field(default_factory=list)
    contributors: list[Person] = field(default_factory=list)
    companion_title: str | None = None
    site: str | None = None
    crossposted_at: list[str] = field(default_factory=list)
    published: dt.date | None = None
    updated: dt.date | None = None
    language: str = "en"
    source: str | None = None
    figure: Figure | None = None
    standfirst: Paragraph | None = None
    sections: list[Section] = field(default_factory=list)
    bio: list[Paragraph] = field(default_factory=list)
    editor_notes: list[str] = field(default_factory=list)
    videos: list[VideoReport] = field(default_factory=list)
    archive: list[ArchiveLink] = field(default_factory=list)
    thread: CommentThread = field(default_factory=CommentThread)
    footnotes: list[Footnote] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)

    def body_paragraphs(self) -> list[Paragraph]:
        """The paragraphs of the article's own text, nested ones and footnotes included, in reading order."""
        found = [paragraph for section in self.sections for paragraph in block_paragraphs(section.blocks)]
        return found + [paragraph for note in self.footnotes for paragraph in note.paragraphs]

    def pictures(self) -> list[Picture]:
        """Every picture of the article's text, nested ones included, in reading order."""
        return [
            leaf
            for section in self.sections
            for leaf in block_leaves(section.blocks)
            if isinstance(leaf, Picture)
        ]

    def paragraphs(self, with_comments: bool = True) -> list[Paragraph]:
        """Every paragraph that can carry claims: standfirst, body, bio, video descriptions, comments."""
        found = [self.standfirst] if self.standfirst else []
        found += self.body_paragraphs() + self.bio
        found += [paragraph for video in self.videos for paragraph in video.description]
        if with_comments:
            found += [paragraph for comment in self.thread.all_comments() for paragraph in comment.paragraphs]
        return found


@dataclass(eq=False, repr=False)
class Blog(Record):
    """A whole blog as its export describes it: the anthology's title, description, address and owner."""

    title: str
    description: str | None = None
    url: str | None = None
    language: str = "en"
    owners: list[Person] = field(default_factory=list)


@dataclass(eq=False, repr=False)
class PostInfo(Record):
    """What an export says of one item before its text is read: enough to choose, name and count posts."""

    post_id: str
    kind: str = "post"  # the export's post type: "post", "page", "attachment", ...
    status: str = "publish"  # publish, draft, pending, private, future, trash, ...
    slug: str | None = None
    title: str = ""
    published: dt.datetime | None = None
    author_login: str | None = None
    author_name: str | None = None
    categories: list[str] = field(default_factory=list)  # names and slugs, as the export gives them
    password_protected: bool = False


@dataclass(eq=False, repr=False)
class BlogPost(Record):
    """One post or page of a blog: its article, and the comments left out of it, counted by reason."""

    info: PostInfo
    article: Article
    left_out: dict[str, int] = field(default_factory=dict)  # e.g. {"unapproved comment": 2, "spam": 1}


# What a collection's articles were read from: saved pages (files or addresses), or one feed's items.
CollectionOrigin = Literal["pages", "feed"]


@dataclass(eq=False, repr=False)
class Collection(Record):
    """Several articles bound as one book, each a part of it, in the order given.

    ``title`` None: the writer names the book after its articles. ``url`` is a feed's site, ``site`` the
    name the book is published under (a feed's title, or the one site every article comes from).
    """

    articles: list[Article] = field(default_factory=list)
    title: str | None = None
    description: str | None = None
    url: str | None = None
    site: str | None = None
    language: str = "en"
    owners: list[Person] = field(default_factory=list)
    origin: CollectionOrigin = "pages"
