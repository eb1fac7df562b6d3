"""Reader for plain-text copies of blog pages: recognises the page's layout, not its wording.

The page runs: title line, picture caption and credit, byline block, standfirst, body, author's bio,
editor's notes, video reports and update notes, an archive list, then the numbered comment list.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from export.errors import InputError
from export.model import (
    MAX_REPLY_DEPTH,
    ArchiveLink,
    Article,
    Block,
    Comment,
    CommentThread,
    Figure,
    Paragraph,
    Person,
    Section,
    VideoReport,
    comment_kind,
)
from export.readers.dates import parse_date
from export.readers.decode import decode_text
from export.readers.language import detect_language, language_sample
from export.readers.origin import PageInput
from export.records import Record
from export.whitespace import collapse_whitespace

Lines = list[str]

# The runs of whitespace that are not a lone space, whole: made one space, they leave every run one space,
# while a long line's lone spaces (most of its runs) spare re.sub a piece each (memory: benchmarks/hostile).
WHITESPACE = re.compile(r"[^\S ]\s*| \s+")
# Removed from every line with str.replace: a regex's class of them is slow to compile (~1 M instructions).
INVISIBLE = ("\u200b", "\u2060", "\ufeff")
WORD_CHAR = re.compile(r"\w")
# (?<!\s): tried from the start of a run of spaces only, not again from each space in it (quadratic).
NAME_SEPARATOR = re.compile(r"(?<!\s)\s+(?:\+|&|and)\s+")
ARCHIVE_AUTHOR_SEPARATOR = re.compile(r"(?<!\s)\s+[+&]\s+")
TITLE_BY = re.compile(" by ")
BYLINE = re.compile(r"^by\s+(?P<names>\S.*)$", re.IGNORECASE)
CROSSPOST = re.compile(
    r"^(?:cross-?posted (?:at|from|on)|originally (?:published|posted) (?:at|by|on|in))\s+(?P<site>.+?)\.?$",
    re.IGNORECASE,
)
DATE_PREFIX = re.compile(r"^(?:posted|published)(?: on)?:?\s+", re.IGNORECASE)
CREDIT = re.compile(
    r"^(?:(?:image|photo|picture|photograph|illustration|graphic|cartoon)s?\s*(?:by\b|credit|courtesy\b|via\b|:|©)"
    r"|credits?:)",
    re.IGNORECASE,
)
# A sentence's last mark, then any closing quotes or brackets (string methods: a regex's class of them is
# slow to compile).
SENTENCE_END = ".!?\u2026:;"
CLOSERS = "\"'\u201d\u2019)]"
EDITOR_NOTE = re.compile(r"^\[(?P<note>[^\[\]]+)\]$")
UPDATE_NOTE = re.compile(r"^(?:last )?updated?(?: on)?\s*[:\-\u2013\u2014]?\s*(?P<date>\S.*)$", re.IGNORECASE)
ARCHIVE_HEADING = re.compile(
    r"^(?:from the archives?|related(?: posts?| articles| stories)?|you may also like|see also)\s*:?$",
    re.IGNORECASE,
)
# An archive entry's bullet and a reply's marker, then whitespace: read with string methods (a regex's class
# of them, beyond Latin-1, is slow to compile).
LIST_BULLETS = "•◦‣▪*-"
# "12 thoughts on", then the quoted title (its opening quote looked at apart: a regex's class of them, beyond
# Latin-1, is slow to compile).
COMMENT_HEADER = re.compile(
    r"^(?P<count>\d+|[a-z]+)\s+(?:thoughts?|comments?|responses?|repl(?:y|ies))\s+(?:on|to)\s+", re.IGNORECASE
)
TITLE_QUOTES = "\"'\u201c\u2018\u00ab"
COMMENTS_CLOSED = re.compile(r"^comments are closed\.?$", re.IGNORECASE)
NUMBERED_ITEM = re.compile(r"^(?P<number>\d+)[.)]\s+(?P<text>\S.*)$")
REPLY_MARKERS = "•◦*-"
LINKBACK = re.compile(r"^(?P<kind>pingback|trackback):\s*(?P<rest>.+)$", re.IGNORECASE)

# Index = value: "no thoughts on" announces 0.
COUNT_WORDS = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)
NAME_PARTICLES = frozenset(
    {"al", "bin", "da", "de", "del", "der", "di", "du", "ibn", "la", "le", "van", "von"}
)
MAX_NAME_WORDS = 6
MAX_BYLINE_LENGTH = 120
MAX_FRONT_PARAGRAPHS = 6
MAX_STANDFIRST_LENGTH = 300
MIN_PULL_QUOTE_LENGTH = 40
MAX_CHANNEL_LENGTH = 80
# Only the last few " by " of a title line are tried as its byline split; a page never has more.
MAX_TITLE_SPLITS = 8
TAB_SIZE = 4


def read_text_page(path: str | Path) -> Article:
    """Read the saved text page at ``path``; InputError if it is missing, unreadable or not a page."""
    return read_text(PageInput.from_file(Path(path)))


def read_text(page: PageInput) -> Article:
    """Read a plain-text page (a saved file or a fetched one); InputError if it is not a page."""
    source = page.origin.address or (page.origin.path.name if page.origin.path else page.name)
    try:
        article = parse_text_page(decode_text(page.data, page.name, page.charset), source=source)
    except InputError as error:  # name the input as the user gave it, not only its file's name
        raise InputError(page.name, error.problem) from None
    sample = language_sample(article.title, (paragraph.text for paragraph in article.body_paragraphs()))
    article.language = detect_language(sample) or article.language
    return article


def parse_text_page(text: str, source: str | None = None) -> Article:
    """The article in the text of a saved page; ``source`` (the file's name) goes into the Article."""
    lines = text.split("\n")
    del text  # the lines are a copy: a long page is not held twice (memory: benchmarks/hostile_inputs.py)
    thread_start = _thread_start(lines)
    thread_lines = lines[thread_start:]
    del lines[thread_start:]
    paragraphs = _paragraphs(lines)
    if not paragraphs:
        raise InputError(source or "<text>", "has no title line")
    title_line = paragraphs[0].pop(0)
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    front, byline, rest = _split_front(paragraphs)
    article = Article(title=title_line, source=source)
    _apply_byline(article, byline)
    _apply_title(article, title_line)
    article.figure = _figure(front)
    _apply_main_text(article, rest)
    article.thread = _thread(thread_lines)
    return article


# Lines and paragraphs


def _clean(line: str) -> str:
    """The line with invisible characters dropped and every run of whitespace made one space."""
    for character in INVISIBLE:
        line = line.replace(character, "")
    return WHITESPACE.sub(" ", line).strip()


def _paragraphs(lines: Lines) -> list[Lines]:
    """Runs of non-blank cleaned lines, skipping leading lines with no word character (rules like ----).

    Empties ``lines``: each is let go once cleaned, so that a long page is not held twice."""
    paragraphs: list[Lines] = [[]]
    lines.reverse()
    while lines:
        line = _clean(lines.pop())
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    while paragraphs and not WORD_CHAR.search(paragraphs[0][0]):
        paragraphs[0].pop(0)
        paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    return paragraphs


def _thread_start(lines: Lines) -> int:
    """Index of the comment-section header (or of "Comments are closed."), else len(lines)."""
    for index, line in enumerate(lines):
        text = _clean(line)
        header = _comment_header(text)
        if (header and _count(header["count"]) is not None) or COMMENTS_CLOSED.match(text):
            return index
    return len(lines)


def _comment_header(text: str) -> re.Match[str] | None:
    """The match of a comment section's header ("12 thoughts on "), when a quoted title follows it."""
    header = COMMENT_HEADER.match(text)
    quote = text[header.end() : header.end() + 1] if header else ""
    return header if quote and quote in TITLE_QUOTES else None


def _count(word: str) -> int | None:
    """The number a comment header announces, in digits or as a word ("one" .. "twelve")."""
    if word.isdigit():
        return int(word)
    word = word.casefold()
    return COUNT_WORDS.index(word) if word in COUNT_WORDS else None


# Front matter: caption, credit, byline block


def _split_front(paragraphs: list[Lines]) -> tuple[list[Lines], Lines, list[Lines]]:
    """(caption and credit paragraphs, byline block, the rest); the byline block may be empty."""
    for index, paragraph in enumerate(paragraphs[:MAX_FRONT_PARAGRAPHS]):
        if _is_byline_block(paragraph):
            return paragraphs[:index], paragraph, paragraphs[index + 1 :]
    for index, paragraph in enumerate(paragraphs[:MAX_FRONT_PARAGRAPHS]):
        if any(CREDIT.match(line) for line in paragraph):
            return paragraphs[: index + 1], [], paragraphs[index + 1 :]
    return [], [], paragraphs


def _is_byline_block(paragraph: Lines) -> bool:
    """True when the paragraph opens with a byline ("by A + B") or a date line."""
    return _byline_names(paragraph[0]) is not None or _date_line(paragraph[0]) is not None


def _byline_names(line: str) -> list[str] | None:
    """The names of a byline "by A + B", or None when the line is not one."""
    match = BYLINE.match(line)
    if not match or len(line) > MAX_BYLINE_LENGTH:
        return None
    return _name_list(match["names"])


def _date_line(line: str) -> dt.date | None:
    """The date of a line that is only a date, possibly after "Posted on"."""
    return parse_date(DATE_PREFIX.sub("", line))


def _name_list(text: str) -> list[str] | None:
    """The names in "A + B & C and D", or None when a part does not look like a name."""
    names = NAME_SEPARATOR.split(text.strip())
    return names if all(map(_looks_like_name, names)) else None


def _looks_like_name(text: str) -> bool:
    """True for a short run of capitalised words, allowing particles such as "de" and "van"."""
    words = text.split()
    if not 0 < len(words) <= MAX_NAME_WORDS or not words[0][0].isupper():
        return False
    return all(word[0].isupper() or word[0].isdigit() or word in NAME_PARTICLES for word in words)


def _apply_byline(article: Article, block: Lines) -> None:
    """Authors and their role, site, cross-posts and date from the byline block."""
    role = None
    for line in block:
        if (names := _byline_names(line)) is not None:
            article.authors.extend(Person(name) for name in names)
        elif match := CROSSPOST.match(line):
            article.crossposted_at.append(match["site"])
        elif (date := _date_line(line)) is not None:
            article.published = date
        elif article.authors and role is None:
            role = line
    if role is not None:
        for author in article.authors:
            author.role = role
        article.site = role.partition(",")[2].strip() or None


def _apply_title(article: Article, line: str) -> None:
    """Split "X by A + B: Y" into title X, companion Y and people; the other names become contributors."""
    byline_names = {_name_key(author.name) for author in article.authors}
    split = _split_title(line, byline_names)
    if split is None:
        return
    article.title, names, article.companion_title = split
    if article.authors:
        article.contributors = [Person(name) for name in names if _name_key(name) not in byline_names]
    else:
        article.authors = [Person(name) for name in names]


def _split_title(line: str, byline_names: set[str]) -> tuple[str, list[str], str | None] | None:
    """(title, names, companion) for the last " by " whose names fit (and name a byline author, if any)."""
    with_companion: list[tuple[str, str, str | None]] = []
    to_end: list[tuple[str, str, str | None]] = []
    for match in reversed(list(TITLE_BY.finditer(line))[-MAX_TITLE_SPLITS:]):
        before, colon, after = line[match.end() :].partition(": ")
        (with_companion if colon else to_end).append((line[: match.start()], before, after or None))
    for title, names_text, companion in with_companion + to_end:
        names = _name_list(names_text)
        if title and names is not None and (not byline_names or byline_names & set(map(_name_key, names))):
            return title, names, companion
    return None


def _name_key(name: str) -> str:
    """A name folded for comparison."""
    return collapse_whitespace(name.casefold())


def _figure(paragraphs: list[Lines]) -> Figure | None:
    """The picture caption and credit found before the byline."""
    lines = [line for paragraph in paragraphs for line in paragraph]
    if not lines:
        return None
    credits = [line for line in lines if CREDIT.match(line)]
    captions = [line for line in lines if not CREDIT.match(line)]
    return Figure(caption="\n".join(captions) or None, credit="\n".join(credits) or None)


# Main text: standfirst, body, bio, notes, videos, archive


def _apply_main_text(article: Article, paragraphs: list[Lines]) -> None:
    """Standfirst, body, bio, editor's notes, video reports, updates and the archive list."""
    if len(paragraphs) > 1 and _is_standfirst(paragraphs[0], paragraphs[1:]):
        article.standfirst = Paragraph(_text(paragraphs.pop(0)))
    body = _read_flow(article, paragraphs)
    article.bio = _pop_bio(body, article.authors)
    if body:
        article.sections = [Section(blocks=list(body))]


def _is_standfirst(paragraph: Lines, following: list[Lines]) -> bool:
    """A short single line without closing punctuation, or a paragraph repeated later (a pull quote)."""
    text = _text(paragraph)
    end = _sentence_end(text)
    if len(paragraph) == 1 and len(text) < MAX_STANDFIRST_LENGTH and end < 0:
        return True
    needle = (text[:end] if end >= 0 else text).casefold()
    return len(needle) >= MIN_PULL_QUOTE_LENGTH and any(
        needle in _text(other).casefold() for other in following
    )


def _sentence_end(text: str) -> int:
    """Where the text's closing punctuation starts (a mark of SENTENCE_END, then only CLOSERS), or -1."""
    last = len(text) - 1
    while last >= 0 and text[last] in CLOSERS:  # not rstrip: a long paragraph is not copied
        last -= 1
    return last if last >= 0 and text[last] in SENTENCE_END else -1


def _read_flow(article: Article, paragraphs: list[Lines]) -> list[Paragraph]:
    """Sort the paragraphs after the standfirst into the article; returns the body paragraphs."""
    body: list[Paragraph] = []
    target = body
    added_on = None
    in_archive = False
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        if note := _editor_note(paragraph):
            article.editor_notes.append(note)
        elif update := _update_date(paragraph):
            article.updated = max(filter(None, (article.updated, update)))
            added_on, target = update, body
        elif len(paragraph) == 1 and ARCHIVE_HEADING.match(paragraph[0]):
            in_archive = True
        elif in_archive:
            article.archive.extend(_archive_link(line) for line in paragraph)
        elif found := _video_at(paragraphs, index):
            video, used = found
            video.added_on = added_on
            article.videos.append(video)
            target = video.description
            index += used - 1
        else:
            target.append(Paragraph(_text(paragraph)))
        index += 1
    return body


def _text(paragraph: Lines) -> str:
    """The paragraph's text; its lines are kept as line breaks."""
    return "\n".join(paragraph)


def _editor_note(paragraph: Lines) -> str | None:
    """The text of a bracketed line such as "[Editor added the video]"."""
    match = EDITOR_NOTE.match(paragraph[0]) if len(paragraph) == 1 else None
    return match["note"].strip() if match else None


def _update_date(paragraph: Lines) -> dt.date | None:
    """The date of an "Updated: April 1, 2016" line."""
    match = UPDATE_NOTE.match(paragraph[0]) if len(paragraph) == 1 else None
    return parse_date(match["date"]) if match else None


def _video_at(paragraphs: list[Lines], index: int) -> tuple[VideoReport, int] | None:
    """A video report starting at ``index`` and how many paragraphs its title and channel line use."""
    paragraph = paragraphs[index]
    if len(paragraph) > 1 and (channel := _channel_line(paragraph[-1])):
        return VideoReport(" ".join(paragraph[:-1]), *channel), 1
    following = paragraphs[index + 1] if index + 1 < len(paragraphs) else []
    if len(paragraph) == 1 and len(following) == 1 and (channel := _channel_line(following[0])):
        return VideoReport(paragraph[0], *channel), 2
    return None


def _channel_line(line: str) -> tuple[str, dt.date] | None:
    """(channel, date) of a "<Channel> on <date>" line."""
    channel, on, date_text = line.rpartition(" on ")
    date = parse_date(date_text) if on and len(channel) <= MAX_CHANNEL_LENGTH else None
    return (channel, date) if date else None


def _archive_link(line: str) -> ArchiveLink:
    """An archive entry "Title by A + B"; the title is split off at the last " by "."""
    rest = _after_marker(line, LIST_BULLETS)
    line = line if rest is None else rest
    title, by, authors = line.rpartition(" by ")
    if not by:
        return ArchiveLink(title=line)
    return ArchiveLink(title=title, authors=ARCHIVE_AUTHOR_SEPARATOR.split(authors))


def _after_marker(line: str, markers: str) -> str | None:
    """What follows the marker (one of ``markers``) and whitespace a line opens with; None if it opens with
    none."""
    if line[:1] and line[:1] in markers and line[1:2].isspace():
        return line[1:].lstrip()
    return None


def _pop_bio(body: list[Paragraph], authors: list[Person]) -> list[Paragraph]:
    """Remove and return the closing paragraphs that begin "<Author Name>, …" or "<Author Name> is …"."""
    openings = tuple(f"{author.name}{joint}" for author in authors for joint in (",", " is "))
    bio: list[Paragraph] = []
    while openings and len(body) > 1 and body[-1].text.startswith(openings):
        bio.insert(0, body.pop())
    return bio


# Comment section


@dataclass(eq=False, repr=False)
class _Item(Record):
    """A comment while its lines are gathered: its marker's indentation, number, paragraphs and replies."""

    indent: int
    number: int | None
    paragraphs: list[Lines] = field(default_factory=list)
    replies: list[_Item] = field(default_factory=list)


class _CommentTree:
    """Builds the comment tree from indentation: numbered items, "•" replies and deeper continuation lines."""

    def __init__(self) -> None:
        self.roots: list[_Item] = []
        self.open: list[_Item] = []
        self.margin: int | None = None
        self.last: _Item | None = None
        self.after_blank = False
        self.ended = False

    def add(self, raw: str) -> None:
        """Take one line of the comment list."""
        text = _clean(raw)
        if not text:
            self.after_blank = True
            return
        if self.ended:
            return
        indent = _indent(raw)
        numbered = NUMBERED_ITEM.match(text)
        reply = _after_marker(text, REPLY_MARKERS)  # a cleaned line: one line, its spaces single
        if numbered and (self.margin is None or indent <= self.margin):
            self.margin = indent
            self._start(indent, int(numbered["number"]), numbered["text"])
        elif self.margin is None:
            return
        elif indent <= self.margin:
            self.ended = True
        elif reply:
            self._start(indent, None, reply)
        else:
            self._close_deeper(indent)
            self._add_text(self.open[-1], text)

    def _start(self, indent: int, number: int | None, text: str) -> None:
        """Open a new item under the nearest open item indented less than it, at most MAX_REPLY_DEPTH deep."""
        self._close_deeper(indent)
        del self.open[MAX_REPLY_DEPTH:]
        item = _Item(indent, number)
        (self.open[-1].replies if self.open else self.roots).append(item)
        self.open.append(item)
        self._add_text(item, text)

    def _close_deeper(self, indent: int) -> None:
        """Close the open items whose marker is not left of ``indent``."""
        while self.open and self.open[-1].indent >= indent:
            self.open.pop()

    def _add_text(self, item: _Item, text: str) -> None:
        """Continue the item's paragraph, or start one after a blank line or another item's text."""
        if item is self.last and not self.after_blank:
            item.paragraphs[-1].append(text)
        else:
            item.paragraphs.append([text])
        self.last = item
        self.after_blank = False


def _indent(line: str) -> int:
    """The width of the line's leading whitespace."""
    line = line.expandtabs(TAB_SIZE)
    return len(line) - len(line.lstrip())


def _thread(lines: Lines) -> CommentThread:
    """The comment section: announced count, comment tree and whether comments are closed."""
    thread = CommentThread()
    tree = _CommentTree()
    for line in lines:
        text = _clean(line)
        if thread.announced is None and (header := _comment_header(text)):
            thread.announced = _count(header["count"])
        elif COMMENTS_CLOSED.match(text):
            thread.closed = True
        else:
            tree.add(line)
    thread.comments = [_comment(item) for item in tree.roots]
    return thread


def _comment(item: _Item) -> Comment:
    """The finished Comment (pingback, trackback or reader comment) for an item and its replies."""
    replies = [_comment(reply) for reply in item.replies]
    linkback = LINKBACK.match(" ".join(item.paragraphs[0]))
    if not linkback:
        blocks: list[Block] = [Paragraph(_text(paragraph)) for paragraph in item.paragraphs]
        return Comment(kind="comment", number=item.number, blocks=blocks, replies=replies)
    title, bar, site = linkback["rest"].rpartition(" | ")
    if not bar:
        title, site = linkback["rest"], None
    kind = comment_kind(linkback["kind"])
    return Comment(kind=kind, number=item.number, title=title, site=site, replies=replies)
