"""What the short lines after the headline say where no markup does: the author ("Von Lisa Petrich",
"Eine Kolumne von Nils Pickert", "Posted by Konstantin @ 12:00 am", "Autorin: Uta Staschewski") and the
date ("06.11.2023 13:30 von Olga", "Wiesbaden, 11. November 2021")."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from itertools import pairwise

from lxml import etree

from export.readers.date_times import find_date_in, leading_date_pattern
from export.readers.html.markup_tables import first_fields
from export.whitespace import collapse_whitespace

# A word of a name: a letter, then letters, digits, dots, apostrophes and hyphens.
NAME_WORD = r"[^\W\d_][\w.'’-]*"
BYLINE_TABLE = "byline_words.tsv"
# Labels that name the author before the name ("Autor:", "Written by", "Författare"), lower case.
LABELS = first_fields(BYLINE_TABLE, "label")
ONE_WORD_LABELS = [label for label in LABELS if " " not in label]  # "Autor", not "Written by"
# The words that lead to a byline's name ("By", "Von", a one-word label: "Autor"); a byline may also start
# "vom" or "written by".
LEAD_WORDS_LIST = first_fields(BYLINE_TABLE, "lead")
LEAD_WORDS = "|".join(map(re.escape, LEAD_WORDS_LIST + ONE_WORD_LABELS))
# The lead word and the name's words; the name's own words are checked for capitals in code.
BYLINE = re.compile(
    rf"(?:^|\s)(?:{LEAD_WORDS}|vom|written by)\s*:?\s+"
    rf"({NAME_WORD}(?:[ \xa0]{NAME_WORD}){{0,3}})",
    re.IGNORECASE,
)
# A date in figures, a separator, and a name of two or three words.
DATED_NAME = re.compile(leading_date_pattern("-–|•·") + r"([^\W\d_][\w'’-]+(?: [^\W\d_][\w'’-]+){1,2})$")
LEAD_AT_END = re.compile(rf"(?:^|\s)(?:{LEAD_WORDS}|vom)\s*:?$", re.IGNORECASE)
# Words that may come before a byline's lead word (besides dates and times): "Posted", "Eine Kolumne".
LEADS = frozenset(first_fields(BYLINE_TABLE, "before"))
# What may follow the name: nothing, a separator, a wide space, a date or a time.
AFTER_NAME = re.compile(r"\s{2,}|\s*(?:$|[|,•·@(/–—-]|\d|am\b|on\b|le\b)", re.IGNORECASE)
HOST_END = re.compile(r"\.(?:com|de|at|ch|org|net|info|fr|it|es|uk|eu|io)$", re.IGNORECASE)
NAME_END = re.compile(r"\s{2,}|[,|•·(@]")
MAX_LINE = 80
MAX_LINES = 120  # texts read after the headline
MAX_LINES_BEFORE = 5
MAX_NAME_WORDS = 3  # besides a name's particles
# Words of a name that are not capitalised ("Ursula von der Leyen", "Vincent van Gogh").
NAME_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "da", "di", "del", "du", "la", "le", "zu", "bin", "al"}
)
# Particles that follow another in a name ("von der Leyen"), never a capitalised word: in
# German "Vom Grätzltelefon zu Cloud Lösungen" they join nouns.
SECOND_PARTICLES = frozenset({"der", "den", "zu"})
TEXTS_AFTER = etree.XPath(
    f"following::text()[normalize-space()][not(parent::script or parent::style)][position() <= {MAX_LINES}]"
)
# The texts just before the headline (in document order), of short lines only.
TEXTS_BEFORE = etree.XPath(
    "preceding::text()[normalize-space()][not(parent::script or parent::style)]"
    f"[position() <= {MAX_LINES_BEFORE}][string-length(normalize-space()) <= {MAX_LINE}]"
)
# The body's shown texts, in one walk (``first_texts`` keeps each element's first ones).
BODY_TEXTS = etree.XPath("//body/descendant::text()[normalize-space()][not(parent::script or parent::style)]")
# Where a line is none of the article's: navigation, footers, sidebars, comments (also dated_links.py's test).
OUTSIDE_ARTICLE = (
    "ancestor::nav or ancestor::footer or ancestor::aside or ancestor::*[contains(@class,'comment')]"
    " or ancestor::*[contains(@id,'comment')]"
)
LEFT_OUT = etree.XPath(OUTSIDE_ARTICLE)


def header_lines(root: etree._Element) -> list[str]:
    """The short text lines among the first texts after the page's first ``h1`` (from the top without
    one), navigation, footers, sidebars and comments left out."""
    heading = root.find(".//h1")
    texts = TEXTS_AFTER(heading) if heading is not None else first_texts(root)
    lines = []
    for text in texts:
        line = text.strip()
        parent = text.getparent()
        if len(line) <= MAX_LINE and parent is not None and not LEFT_OUT(parent):
            lines.append(line)
    return lines


def first_texts(root: etree._Element) -> list[etree._ElementUnicodeResult]:
    """The body's shown texts, of each element its first ``MAX_LINES``, in document order, as the XPath
    ``//body//text()[...][position() <= MAX_LINES]`` counted them (per parent, not the body's first:
    libxml2 took time the square of their number for it)."""
    counts: Counter[etree._Element] = Counter()
    kept: list[etree._ElementUnicodeResult] = []
    for text in BODY_TEXTS(root):
        owner = text.getparent()  # lxml: the element whose text or tail it is
        parent = owner.getparent() if text.is_tail else owner
        counts[parent] += 1
        if counts[parent] <= MAX_LINES:
            kept.append(text)
    return kept


# A label that stands before the author's name in an element of its own: "Text:", "Text & Fotos:",
# "Autorin:", "Geschrieben von", "About the Author -" (byline_words.tsv's labels).
AUTHOR_LABEL = re.compile(
    r"(?:text(?:\s*(?:&|und|and|\+)\s*fotos?)?|"
    + "|".join(map(re.escape, sorted(LABELS, key=len, reverse=True)))
    + r")\s*[:\-–]?",
    re.IGNORECASE,
)
# Plain substrings, one in each label of byline_words.tsv and "text" (a test checks), in lower case and in
# capitals ("ut" of "Autor", "AUTHOR"), cheaper than case-folding every text.
LABEL_PARTS = ("ut", "ext", "ritten", "eschrieben", "fatt", "втор")
# The short texts that may be such a label, found in one pass by those substrings; blank texts (most
# texts between tags) hold none, and are left out before the substrings are looked for.
LABEL_TEXTS = etree.XPath(
    "//body/descendant::text()[string-length() <= 80][normalize-space()]["
    + " or ".join(f"contains(., '{case}')" for part in LABEL_PARTS for case in (part, part.upper()))
    + "][string-length(normalize-space()) <= 30][not(parent::script or parent::style)]"
)
# The text after a label that is its element's own text, or after one that is an element's tail.
AFTER_OWN_TEXT = etree.XPath(
    "(descendant::text()[normalize-space()] | following::text()[normalize-space()])[2]"
)
AFTER_TAIL = etree.XPath("following::text()[normalize-space()][2]")
IN_LINK = etree.XPath("ancestor-or-self::a")
SHORT_NAME = re.compile(rf"{NAME_WORD}(?: {NAME_WORD}){{1,2}}")  # two or three words of a name


def labelled_name(root: etree._Element, person: Callable[[str], bool]) -> str | None:
    """The two or three capitalised words of the text after an author label ("Autor:", "Text & Fotos:"),
    anywhere in the body but in comments and links (tabs: "Author | Recent Posts")."""
    for label in LABEL_TEXTS(root):
        anchor = label.getparent()
        if anchor is None or not AUTHOR_LABEL.fullmatch(label.strip()):
            continue
        own = label.is_text
        if LEFT_OUT(anchor) or IN_LINK(anchor if own else anchor.getparent()):
            continue
        following = (AFTER_OWN_TEXT if own else AFTER_TAIL)(anchor)
        name = collapse_whitespace(following[0]).rstrip(":") if following else ""
        if short_name(name) and person(name):
            return name
    return None


def short_name(text: str) -> bool:
    """Whether the text is two or three capitalised words of a name ("Jane Doe", "Kanae Nakamine")."""
    return SHORT_NAME.fullmatch(text) is not None and capitalised(text.split())


def byline_name(lines: list[str], person: Callable[[str], bool]) -> str | None:
    """The name in the first byline line after the headline that names a ``person`` (not the site); a
    line that ends with its lead word ("By", "| Von", "Ein Interview von") reads with the line after it
    (the name in an element of its own)."""
    for line, following in pairwise([*lines, ""]):
        name = _name_in(f"{line} {following}" if LEAD_AT_END.search(line) else line)
        if name and person(name):
            return name
    return None


def dateline(root: etree._Element, lines: list[str]) -> dt.date | None:
    """The first date written in a line after the headline, else in one of the lines just before it (a
    kicker line: "24. April 2020 | Pressemitteilungen")."""
    after = next((day for day in map(find_date_in, lines) if day), None)
    if after:
        return after
    heading = root.find(".//h1")
    if heading is None:
        return None
    before = (text.strip() for text in reversed(TEXTS_BEFORE(heading)) if not LEFT_OUT(text.getparent()))
    return next((day for day in map(find_date_in, before) if day), None)


def _name_in(line: str) -> str | None:
    """The name in a byline line: the lead word starts it, after a date or words such as "Posted", "Text"
    or "Eine Kolumne"; only a date or a separator follows the name. Or the name alone after a date and a
    separator ("11.12.2019 - Amelie Loevenich")."""
    dated = DATED_NAME.match(line)
    if dated and capitalised(dated[1].split()) and _name_words(dated[1].split()):
        return dated[1]
    match = BYLINE.search(line)
    if not match or not all(_leads(word) for word in line[: match.start()].split()):
        return None
    words = _with_particles(NAME_END.split(match[1])[0].split())
    rest = line[match.start(1) :].removeprefix(" ".join(words))
    if not words or not _name_words(words) or not AFTER_NAME.match(rest) or _sentence(rest):
        return None
    return " ".join(words)


def _with_particles(words: list[str]) -> list[str]:
    """The name's words among a byline's: all of them, or the first three capitalised, each capitalised or
    a particle between two that are ("Alexa von Heyden"; "Jeanne Dupont" of "Jeanne Dupont le 3 mai");
    none where another word comes first ("Jane Doe in ...")."""
    name: list[str] = []
    for word in words:
        after = name[-1] if name else ""
        second = word not in SECOND_PARTICLES or after in NAME_PARTICLES
        particle = after and word in NAME_PARTICLES and second
        if not (word[0].isupper() or particle):
            return []
        name.append(word)
        if sum(part[0].isupper() for part in name) == MAX_NAME_WORDS:
            break
    while name and name[-1] in NAME_PARTICLES:
        name.pop()
    return name


def _name_words(words: list[str]) -> bool:
    """Whether no word ends with a hyphen ("Aymz- Grelle Forelle") and the last is no host's
    ("LeasingMarkt.de")."""
    return not any(word.endswith("-") for word in words) and not HOST_END.search(words[-1])


def _sentence(rest: str) -> bool:
    """Whether what follows the name, past a bracket ("(OSS)"), goes on as a sentence ("ein und ...")."""
    if not rest.lstrip().startswith("("):
        return False
    after = rest.split(")", 1)[1].split() if ")" in rest else []
    return len(after) >= 2 and all(word[:1].islower() for word in after[:2])


def capitalised(words: list[str]) -> bool:
    """Whether each of the words (``str.split``'s: none empty) starts with a capital."""
    return all(word[0].isupper() for word in words)


def _leads(word: str) -> bool:
    return word.casefold() in LEADS or not any(char.isalpha() for char in word)
