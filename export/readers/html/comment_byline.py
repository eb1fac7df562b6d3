"""A comment's byline: the commenter's name apart from the date and reply link glued to it, and its date."""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import replace
from functools import cached_property, lru_cache

from lxml import etree

from export.model import Paragraph
from export.readers.date_times import find_date_in, parse_date_after, parse_date_in, parse_time_in
from export.readers.html.markup_tables import descendants_test, matches, patterns, search, self_test, xpaths
from export.readers.html.tree import drop, text_of
from export.whitespace import collapse_whitespace

MARKUP = "comment_markup.tsv"
WORDS = "comment_words.tsv"
DATE_ATTRIBUTES = ("datetime", "title", "content")
LONGEST_NAME_WORDS = 12
LONGEST_NAME = 80
LONGEST_FIRST_NAME_WORDS = 5  # a name found by its place alone
NAME_TAGS = frozenset({"b", "strong", "cite", "a"})
LINE_TAGS = frozenset({"div", "span"})
TEXT_TAGS = frozenset({"p", "blockquote", "pre", "ul", "ol"})
LONGEST_DATE_LINE = 60
LONGEST_BYLINE = 200
LINE_PARTS = 4  # the elements of a byline: a picture, the name, a date link, a label
SHORTEST_TIME = 8  # "12:22:05"
BRACKETS = "()[] "  # around a bare date
SEPARATOR = re.compile(r"\s*[·•|]\s*")
DIGIT = re.compile(r"\d")  # every date's pattern holds one (``date_times``, ``dates``)
# The time left before the name when a date-first byline's date holds a dash ("Mon, 04/20/2020 - 10:15 — Al")
TIME_BEFORE_NAME = re.compile(
    r"^\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?\s(?:[-–—|]|by|par|von)\s(?=\S)", re.IGNORECASE
)


def read_author(own: etree._Element) -> tuple[str | None, etree._Element | None]:
    """The commenter's name and the element that gave it: the first candidate that holds a name."""
    for selector in xpaths(MARKUP, "author"):
        for found in selector(own):
            if name := split_name(text_of(found))[0]:
                return name, found
    for selector in xpaths(MARKUP, "author-box"):
        for found in selector(own):
            box = copy.deepcopy(found)
            skipped = descendants_test(MARKUP, "skip")(box)  # a comment number's link too
            for node in [*skipped, *box.iter("img", "time", "a")]:
                if node.tag != "a" or node in skipped or is_permalink(node) or _is_reply(node):
                    drop(node)
            if (name := split_name(text_of(box))[0]) and len(name) <= LONGEST_NAME:
                return name, found
    return None, None


def first_short_name(
    own: etree._Element, unmarked: bool = False, dated: etree._Element | None = None
) -> tuple[str | None, etree._Element | None]:
    """Without name markup: the first short ``b``, ``strong``, ``cite`` or link text before the comment's
    text (a paragraph, a quote, or a long run of words); no date, label, reply or permalink. In an
    ``unmarked`` item, also a short line beside the commenter's picture, the name that starts a
    paragraph ("<p><strong>Anna</strong><br>text</p>"), or a line holding only a short text before the
    element that gave the date (``dated``; ``_line_alone``)."""
    skipped = set(descendants_test(MARKUP, "skip")(own))  # and, as the walk goes, all that they hold
    before_date = dated is not None
    for element in own.iter():
        if element in skipped or element.getparent() in skipped:
            skipped.add(element)
            continue
        if not isinstance(element.tag, str):
            continue
        before_date = before_date and element is not dated
        pictured = unmarked and element is not own and _beside_picture(element)
        lone_line = unmarked and before_date and _line_alone(element)
        if (element.tag in NAME_TAGS or pictured or lone_line) and (name := _short_name(element)):
            return name, element
        if len(collapse_whitespace(element.text or "")) > LONGEST_NAME or (
            element.tag in TEXT_TAGS and text_of(element) and not (unmarked and _starts_with_name(element))
        ):
            return None, None
    return None, None


def _line_alone(element: etree._Element) -> bool:
    """Whether the element is a line of bare text: a ``div`` or ``span`` without elements, or a ``p``
    holding at most one ``span`` (Drupal 8's ``p.comment__author``)."""
    if element.tag in LINE_TAGS:
        return len(element) == 0
    return element.tag == "p" and len(element) <= 1 and all(child.tag == "span" for child in element)


def _beside_picture(element: etree._Element) -> bool:
    """Whether the element holds a picture as its own child, or in a link that is its child."""
    return any(
        child.tag == "img" or (child.tag == "a" and child.find("img") is not None) for child in element
    )


def _starts_with_name(element: etree._Element) -> bool:
    """Whether a paragraph starts with a name element on a line of its own ("<p><strong>Anna</strong><br>
    text</p>"); a bold first word of the text ("<strong>Great</strong> point") is none."""
    first = next(iter(element), None)
    if (element.text or "").strip() or first is None or first.tag not in NAME_TAGS:
        return False
    after = first.getnext()
    return not (first.tail or "").strip() and after is not None and after.tag == "br"


def _short_name(element: etree._Element) -> str | None:
    """The element's text as a name where it is short and no date, label, reply or permalink."""
    text = text_of(element)
    if not text or len(text.split()) > LONGEST_FIRST_NAME_WORDS or is_permalink(element):
        return None
    if _is_reply(element) or is_leftover(text) or parse_date_after(text, None):
        return None
    if search(text, patterns(WORDS, "relative")) or not any(character.isalpha() for character in text):
        return None
    return split_name(text)[0]


def split_name(text: str) -> tuple[str | None, str]:
    """The name at the start of a byline and the rest ("Anna 21. April 2020 um 10:15 Antworten": "Anna"); a
    date-first byline ("1. On 20 April 2020, 10:15 by Anna", Dotclear) gives the name after, and its date."""
    date, text = _date_first(collapse_whitespace(text))
    name, rest = _name_before_date(text)
    return name, rest if date is None else date


def _date_first(text: str) -> tuple[str | None, str]:
    """A date-first byline's date without its leading words ("On"), and the text after it; else (None,
    ``text``). A date after that again is passed over, in a loop: a long text costs no recursion."""
    before, date_first = patterns(WORDS, "before-date")[0], patterns(WORDS, "date-first")[0]
    first = None
    while match := date_first.match(text):
        date_words = match["date"].split()
        start = next((i for i, word in enumerate(date_words) if not before.match(word)), len(date_words))
        if not parse_date_in(date := " ".join(date_words[start:])):
            break
        first, text = first or date, match["name"]
    return first, text if first is None else TIME_BEFORE_NAME.sub("", text, count=1)


def _name_before_date(text: str) -> tuple[str | None, str]:
    """The name up to a reply word or a date, the words that lead to the date ("am", "on") and a "says"
    label left out, and the rest from the date on."""
    reply, before = patterns(WORDS, "reply")[0], patterns(WORDS, "before-date")[0]
    words = text.split()
    end = next((i for i, word in enumerate(words) if reply.match(word.strip(".,:;()[]|"))), len(words))
    stop = _trimmed(words, end, before)
    dated = any(character.isdigit() for word in words[1:stop] for character in word)  # every date has one
    for start in range(1, min(stop, LONGEST_NAME_WORDS + 1) if dated else 0):
        if parse_date_after(" ".join(words[start:stop]), None):
            end = start
            break
    last = _trimmed(words, end, before)
    name = patterns(WORDS, "by")[0].sub("", " ".join(words[:last]), count=1)
    name = patterns(WORDS, "says")[0].sub("", name).strip(" ·|:•,-–—")
    return name or None, " ".join(words[end:])


def read_date(
    own: etree._Element, published: dt.date | None, counts: TextCounts | None = None
) -> tuple[dt.date | None, etree._Element | None]:
    """The comment's date and the element that gave it: a timestamp attribute, else the element's text
    (``counts``: ``own``'s, where the caller has them)."""
    for selector in xpaths(MARKUP, "date"):
        for element in selector(own):
            attributes = [element.get(name) or "" for name in DATE_ATTRIBUTES]
            text = text_of(element)
            for candidate in [*attributes, text]:
                if candidate and (date := date_in_text(candidate, published)):
                    return date, element
            if date := _date_among_words(element, attributes, text):
                return date, element
    counts = counts or TextCounts(own)  # no date markup: an element's text read only where it may be a date
    for element in own.iter():  # an element holding only a date, as bare as "<b>"
        if isinstance(element.tag, str) and len(element) <= 1 and counts.digits(element):
            whole = [text_of(element)] if counts.unbracketed(element) <= LONGEST_DATE_LINE else []
            for text in (*whole, collapse_whitespace(element.text or "")):
                text = text.strip(BRACKETS)  # "(22 juin 2018 @11h13)"
                if len(text) <= LONGEST_DATE_LINE and (date := _line_date(text, published)):
                    return date, element
    for element in reversed(list(own.iter())):  # else a date among a short row's parts, the innermost row
        # ("Like · Reply · April 20, 2020")
        if not (isinstance(element.tag, str) and counts.short(element, LONGEST_DATE_LINE)):
            continue
        if len(text := text_of(element)) <= LONGEST_DATE_LINE:
            parts = SEPARATOR.split(text)
            dates = (_line_date(part, published) for part in parts if len(parts) > 1)
            if date := next((found for found in dates if found), None):
                return date, element
    for element in own.iter():  # else a date that begins a line of links ("18.10.2019, 16:18 <a>Reply</a>")
        if not isinstance(element.tag, str) or len(element) <= 1:
            continue  # an element of one child or none: its own text was tried above
        text = collapse_whitespace(element.text or "").strip(BRACKETS)
        if len(text) <= LONGEST_DATE_LINE and (date := _line_date(text, published)):
            return date, element
    return None, None


class TextCounts:
    """What each element's text (``text_of``) holds, counted bottom-up in one walk: its characters that are
    not whitespace, those that are not brackets either, and whether a digit is among them. A text longer
    than a date's, or without a digit, is never read: reading every element's whole text is quadratic in
    the depth of the markup."""

    def __init__(self, root: etree._Element) -> None:
        self._root = root

    @cached_property
    def _counts(self) -> dict[etree._Element, tuple[int, int, bool]]:
        """The counts of every element, made on the first question: one walk, however many readers ask."""
        counts: dict[etree._Element, tuple[int, int, bool]] = {}
        for element in reversed(list(self._root.iter())):
            if isinstance(element.tag, str):
                solid, unbracketed, digits = _counted(element.text)
                for child in element:
                    tail = _counted(child.tail)
                    inner = counts.get(child, (0, 0, False))
                    solid += tail[0] + inner[0]
                    unbracketed += tail[1] + inner[1]
                    digits = digits or tail[2] or inner[2]
                counts[element] = (solid, unbracketed, digits)
        return counts

    def short(self, element: etree._Element, longest: int, dated: bool = True) -> bool:
        """Whether the element's text may be at most ``longest`` characters and, where ``dated``, hold a
        date in figures (a digit)."""
        solid, _, digits = self._counts[element]
        return (digits or not dated) and solid <= longest

    def unbracketed(self, element: etree._Element) -> int:
        """At least how long the element's text is with brackets and whitespace stripped from its ends."""
        return self._counts[element][1]

    def digits(self, element: etree._Element) -> bool:
        """Whether the element's text holds a digit (every date does)."""
        return self._counts[element][2]


def _counted(text: str | None) -> tuple[int, int, bool]:
    """A text's characters that are not whitespace, those of them not brackets, and whether it has a digit."""
    if not text:
        return 0, 0, False
    solid = sum(map(len, text.split()))
    brackets = sum(text.count(bracket) for bracket in BRACKETS.strip())
    return solid, solid - brackets, DIGIT.search(text) is not None


def shows_date(block: etree._Element, counts: TextCounts | None = None) -> bool:
    """Whether a block shows a date: where ``read_date`` finds one, on a line of its own after a line
    break, or in a short line of a few parts around a name ("Anna said, on August 3, 2019 at 3:12 pm")."""
    counts = counts or TextCounts(block)
    if read_date(block, None, counts)[0] is not None or _date_after_break(block):
        return True
    return any(
        isinstance(element.tag, str)
        and len(element) <= LINE_PARTS
        and counts.short(element, LONGEST_BYLINE)
        and len(text := text_of(element)) <= LONGEST_BYLINE
        and date_in_text(text, None) is not None
        for element in block.iter()
    )


def _date_after_break(block: etree._Element) -> bool:
    """Whether a line of bare text after a line break is a date ("<span>Anna</span><br>März 7, 2018<p>")."""
    return any(_break_date(br, None) for br in block.iter("br"))


def date_line_after_break(
    own: etree._Element, published: dt.date | None
) -> tuple[dt.date | None, etree._Element | None]:
    """A date on a line of bare text after a line break, put in a ``span`` of its own so that it gives
    the date and leaves the text (``own`` is the comment's copy, changed here)."""
    for br in own.iter("br"):
        if date := _break_date(br, published):
            line = own.makeelement("span", {})
            line.text, br.tail = br.tail, None
            br.addnext(line)
            return date, line
    return None, None


def _break_date(br: etree._Element, published: dt.date | None) -> dt.date | None:
    line = collapse_whitespace(br.tail or "")
    return parse_date_after(line, published) if line and len(line) <= LONGEST_DATE_LINE else None


def _date_among_words(element: etree._Element, attributes: list[str], text: str) -> dt.date | None:
    """A full date among other words of date markup: in its timestamp attribute ("Mon Apr 20 2020
    10:15:00 GMT+0000"), its short text ("2020-04-20 10:15 am (UTC)"), or a meta line's text ("Anna
    18.10.2019, 19:22 Zum Antworten anmelden")."""
    meta = matches(element, self_test(MARKUP, "skip"))  # never the comment's text
    texts = list(attributes)
    if len(text) <= (LONGEST_BYLINE if meta else LONGEST_DATE_LINE):
        texts.append(text)
    dates = (find_date_in(candidate) for candidate in texts if len(candidate) <= LONGEST_BYLINE)
    return next((date for date in dates if date), None)


@lru_cache(maxsize=4096)
def _line_date(text: str, published: dt.date | None) -> dt.date | None:
    """``parse_date_after`` of a short line, remembered: the blocks of a comment section nested in one
    another (``comment_fallback``) are each asked about the same lines."""
    return parse_date_after(text, published)


def date_in_text(text: str, published: dt.date | None) -> dt.date | None:
    """The date a text consists of, or that follows a name at its start ("Claire 21 avril 2020 · Répondre")
    when the reply words are left out; a text longer than a byline is none."""
    if len(text) > LONGEST_BYLINE or not any(character.isdigit() for character in text):
        return None
    return _byline_date(text, published)


@lru_cache(maxsize=4096)
def _byline_date(text: str, published: dt.date | None) -> dt.date | None:
    """``date_in_text`` of a byline's length, remembered as ``_line_date`` is."""
    if date := parse_date_after(text, published):
        return date
    rest = split_name(text)[1].split()
    reply, before = patterns(WORDS, "reply")[0], patterns(WORDS, "before-date")[0]
    end = next((i for i, word in enumerate(rest) if reply.match(word.strip(".,:;()[]|"))), len(rest))
    end = _trimmed(rest, end, before)
    return parse_date_after(" ".join(rest[:end]), published) if end else None


def _trimmed(words: list[str], end: int, before: re.Pattern[str]) -> int:
    """``end`` moved back over the words that lead to a date ("am", "on", "·")."""
    while end > 0 and before.match(words[end - 1]):
        end -= 1
    return end


def date_in_byline(
    named: etree._Element | None, published: dt.date | None
) -> tuple[dt.date | None, dt.time | None, etree._Element | None]:
    """The date and time glued after the commenter's name, or in the line around it ("Anna said, on
    August 3, 2019 at 3:12 pm"), where the page gives them no element; and the element they are in."""
    for element in (named, named.getparent() if named is not None else None):
        if element is None or len(text := text_of(element)) > LONGEST_BYLINE:
            continue
        if date := date_in_text(text, published):
            return date, parse_time_in(split_name(text)[1]), element
    return None, None, None


def read_time(own: etree._Element, dated: etree._Element | None) -> dt.time | None:
    """The comment's time of day: beside its date, else where the page's markup says time."""
    places = [dated] if dated is not None else []
    places += [element for selector in xpaths(MARKUP, "time") for element in selector(own)]
    for element in places:
        for text in [element.get(name) for name in DATE_ATTRIBUTES] + [text_of(element)]:
            if text and (time := parse_time_in(text)):
                return time
    return None


def leading_date(
    paragraphs: list[Paragraph], published: dt.date | None
) -> tuple[dt.date | None, dt.time | None, list[Paragraph]]:
    """A date standing as the comment's first line (a theme that prints it as bare text), taken out."""
    if not paragraphs:
        return None, None, paragraphs
    first, _, rest = paragraphs[0].text.partition("\n")
    if len(first) > LONGEST_DATE_LINE or not (date := parse_date_after(first, published)):
        return None, None, paragraphs
    time = parse_time_in(first)
    if not rest.strip():
        return date, time, paragraphs[1:]
    cut = len(first) + 1
    spans = [replace(s, start=s.start - cut, end=s.end - cut) for s in paragraphs[0].spans if s.start >= cut]
    return date, time, [Paragraph(rest, spans=spans), *paragraphs[1:]]


def is_leftover(text: str) -> bool:
    """Whether a line is only what is left of a byline: a reply link's word ("Antworten"), a row of
    action links ("Antworten · Gefällt mir · Melden"), a label ("Kommentar von", "says:"), or a time."""
    text = text.strip(" .↓→")
    parts = [part for part in SEPARATOR.split(text) if part]
    actions = [*patterns(WORDS, "reply"), *patterns(WORDS, "action")]
    return bool(
        (parts and all(any(action.match(part) for action in actions) for part in parts))
        or patterns(WORDS, "reply")[0].match(text)
        or patterns(WORDS, "label")[0].match(text)
        or (len(text) <= SHORTEST_TIME and parse_time_in(text) and not any(c.isalpha() for c in text))
    )


def is_permalink(node: etree._Element) -> bool:
    """Whether the node is a link to a comment itself: to its #comment anchor, or one that says it is a
    permalink (django-comments-xtd's "¶" after the name)."""
    if node.tag != "a":
        return False
    marked = "permalink" in (node.get("class") or "").split() or node.get("rel") == "bookmark"
    return marked or "#comment" in (node.get("href") or "")


def _is_reply(node: etree._Element) -> bool:
    reply = patterns(WORDS, "reply")[0]
    return node.tag == "a" and ("replytocom" in (node.get("href") or "") or bool(reply.match(text_of(node))))
