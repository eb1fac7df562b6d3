"""The page's metadata: title, authors, dates, site, canonical address and language."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree

from export.readers.date_times import find_date_in
from export.readers.dates import MONTH_NAMES, WEEKDAY_NAMES, make_date, parse_date
from export.readers.html import json_ld
from export.readers.html.dated_links import dated_link_names
from export.readers.html.full_names import full_name
from export.readers.html.header_lines import (
    AUTHOR_LABEL,
    LEAD_WORDS_LIST,
    NAME_PARTICLES,
    ONE_WORD_LABELS,
    byline_name,
    capitalised,
    dateline,
    header_lines,
    labelled_name,
)
from export.readers.html.markup_tables import data_lines
from export.readers.html.title import compact, headline, site_names
from export.whitespace import collapse_whitespace

ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
MAX_AUTHOR_LENGTH = 80
LETTERS = re.compile(r"[^\W\d_]")  # a name has a letter: "25." (a list's number) is none
# Words right before a byline element's name: byline_words.tsv's leads, "BeitragVon" run together,
# Italian "di", German "vom" ("vom Krimiblogger": by the crime blogger, as the byline line reads it).
BYLINE_WORDS = frozenset({*LEAD_WORDS_LIST, "beitragvon", "di", "vom"})
# Words before "by" in a byline's lead: "Posted by NAME", "Zeige alle Beiträge von NAME".
BYLINE_LEADS = frozenset(
    {"posted", "written", "published", "posts", "articles", "stories", "geschrieben", "verfasst", "erstellt"}
    | {"analysis", "opinion", "commentary", "column", "interview", "kommentar", "kolumne", "text", "story"}
    | {"article"}
    | {"veröffentlicht", "beiträge", "artikel", "publié", "publicado", "escrito", "more", "mehr"}
    | {"submitted", "gespeichert"}  # Drupal's "Submitted by NAME on DATE", German "Gespeichert von NAME am"
)
# Words a date before "by" has besides figures: "Posted on March 3, 2020 by NAME" (WordPress' posted-on).
DATE_LEADS = frozenset({"on", "am", "le", "el", "il"})
# The first three letters of the English and German months' names: "Mar", "Mär", "May", "Mai".
MONTH_STARTS = tuple(
    dict.fromkeys(
        name[:3] for pair in zip(MONTH_NAMES["en"], MONTH_NAMES["de"], strict=True) for name in pair
    )
)
BYLINE_END = re.compile(
    r"\s(?:[|•·—–»]|-\s|am\s+\d|on\s+\d|alle\s+artikel\b|all\s+posts\b)|\s\d{1,2}[./]|,\s*\d|\s\d{4}\b"
    rf"|\bupdated\b|\s(?:{'|'.join(MONTH_STARTS)})[^\W\d_]*\.?\s+\d"
    r"|\s(?-i:on|am|in)(?:\s|$)|\b(?:published|posted|veröffentlicht|aktualisiert)\b"
    r"|\s(?:at|um)\s+\d|\s\d{1,2}:\d\d",  # Blogger's "Posted by NAME at 18:52"
    re.IGNORECASE,
)
# A name an organisation has: a company's or an association's form, an editorial desk, an agency.
ORGANISATION = re.compile(
    r"\b(?:GmbH|AG|e\.\s?V\b|Inc\b|Ltd\b|LLC|Corp(?:oration)?|Company|Group|Media|Communications|Publishing"
    r"|Interactive|Verlag|Stiftung|Redaktion|Agenc(?:y|ies))\b",
    re.IGNORECASE,
)
# What joins two names in a byline: "and", "und", "et", "&", an interview's "im Gespräch mit".
NAME_JOINS = re.compile(r"\s+(?:and|und|et|&|im\s+gespräch\s+mit)\s+", re.IGNORECASE)
DATE_LANGUAGES = ("en", "de", "fr", "es")
MAY = 4  # May's index in MONTH_NAMES' tuples


def _date_words() -> frozenset[str]:
    """Months' and weekdays' words and short forms that a date leaves after a name ("Nathan Willis March",
    "Tomas Spahn Fr"), case-folded; not May's ("Mai", "Mayo"), which are names too."""
    months = {
        language: MONTH_NAMES[language][:MAY] + MONTH_NAMES[language][MAY + 1 :]
        for language in DATE_LANGUAGES
    }
    days = {language: WEEKDAY_NAMES[language] for language in DATE_LANGUAGES}
    short = [month[:3] for month in months["en"] + months["de"]] + ["sept"]  # "Jan", "Mär", "Sept"
    short += [day[:3] for day in days["en"]] + [day[:2] for day in days["de"]]  # "Mon", "Mo"
    return frozenset([word for names in (*months.values(), *days.values()) for word in names] + short)


DATE_WORDS = _date_words()
COPYRIGHT_TEXTS = etree.XPath(
    "//body/descendant::text()[contains(., '©') or contains(., 'Copyright') or contains(., 'COPYRIGHT')"
    " or contains(., '(c)')]"
    "[not(parent::script or parent::style)]"
)
# "©" (or "(c)" as "©", "Copyright" also in capitals), years and dashes, then a name of two or three
# capitalised words and a stop. Bounded runs: a text of marks or of one long word is read in linear time.
COPYRIGHT_HOLDER = re.compile(
    r"(?:©|Copyright|COPYRIGHT)[\s\d©–,-]{0,40}"
    r"([A-Z][\w'’-]{1,40}(?: [A-Z][\w'’.-]{1,40}){1,2})\s*(?:[.,|]|$)"
)
ADDRESS_DAY = re.compile(
    r"(?<![\d])(?:(?P<year>(?:19|20)\d\d)/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)"
    r"|(?P<day2>[0-3]?\d)-(?P<month2>[01]?\d)-(?P<year2>(?:19|20)\d\d))(?![\d])"
)
# A role a byline puts before the name, alone or as a compound's last part ("SPIEGEL-Redakteurin").
ROLE_WORDS = frozenset(
    {
        "experte",
        "expertin",
        "redakteur",
        "redakteurin",
        "autor",
        "autorin",
        "korrespondent",
        "korrespondentin",
    }
    | {"reporter", "reporterin", "kolumnist", "kolumnistin", "editor", "correspondent", "columnist"}
    | {"writer", "contributor", "producer", "editor-at-large"}
)
# A company's legal form after its name ("Web Commerce GmbH", "WEGEWERK GMBH", "Acme Inc.").
LEGAL_FORM = re.compile(r"\b(?:(?i:GmbH|Inc|Ltd|LLC|Corp|Corporation|SARL)|AG|KG|UG|SA|S\.A|SAS|BV|B\.V)\b")
COMPANY_WORD_START = 5  # letters of a company's first word that start the site's name where it is the site's
# News agencies, as they sign: no person ("ERRIN HAINES, Associated Press", "FR mit dpa").
AGENCIES = re.compile(rf"\b(?:{'|'.join(map(re.escape, data_lines('agencies.txt')))})\b")
# Elements that start a line of their own: an author element's role or affiliation below the name
# ("<a>Mark Di Stefano</a><div class=byline__title>BuzzFeed News Reporter</div>") is another line.
LINE_ELEMENTS = frozenset(
    {"div", "p", "br", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "section", "header", "footer"}
    | {"table", "tr", "td", "ul", "ol", "figure", "figcaption", "blockquote"}
)
# Signs after a name: a link's arrow ("Stefanus →"), a colon.
NAME_TAIL = " :→›>»"
NAME_HEAD = " |~•·–—"  # before a name: "~ Cem Basman"
# Who checked the article, not who wrote it: "Geprüft von Dr. med. Stefan Frädrich", "Medically reviewed by".
REVIEWER = re.compile(
    r"\s*(?:medically\s+|medizinisch\s+)?(?:reviewed|fact[- ]?checked|geprüft|überprüft|faktengeprüft)"
    r"\s+(?:by|von)\b",
    re.IGNORECASE,
)
# An author label at the start of a byline's text: "Autor: Jane Doe", "Author - Jane Doe".
LABEL_LEAD = re.compile(rf"^(?:{AUTHOR_LABEL.pattern})(?<=[:\-–])\s+", re.IGNORECASE)
# A site's account, not a person's name.
ACCOUNTS = frozenset({"admin", "administrator", "siteadmin", "webmaster", "superuser", "publisher"})
LINE_BREAK = " | "
LINE_MARK = "\x00"  # no text of a parsed page holds it
# WordPress marks each comment the post's own author wrote "bypostauthor"; its commenter's name is the
# post author's (a username where the theme shows no byline).
POST_AUTHOR_COMMENT = etree.XPath(
    "(//*[contains(concat(' ',normalize-space(@class),' '),' bypostauthor ')])[1]"
)
# Words a site's name puts after its brand ("googleblog", "heisenews"): "Anna" is no brand of annaschmidt.
SITE_WORDS = frozenset(
    {"blog", "blogs", "news", "online", "magazin", "magazine", "media", "tv", "post", "daily", "net", "web"}
    | {"digital", "today", "press", "journal", "group", "hq", "shop", "store", "app", "apps"}
)
# "admin sagt:"; lower case only, so that a surname stays ("Edward Said says:" is "Edward Said")
SAYS = re.compile(r"\s+(?:said|says|sagt|schreibt|dit|dice|disse)\b.*")
COMMENTER_NAMES = (
    etree.XPath("(.//*[contains(concat(' ',normalize-space(@class),' '),' fn ')][normalize-space()])[1]"),
    etree.XPath("(.//*[contains(@class,'author')][normalize-space()])[1]"),
)
# Labels alone on a line before the author's name ("Autor | Jane Doe").
AUTHOR_LABEL_WORDS = frozenset({*ONE_WORD_LABELS, "text", "текст"})
TAG_RULES = ("//meta[", "//link[")
TAG_ATTRIBUTES = ("name", "property", "content", "http-equiv", "itemprop", "rel", "href")


@dataclass
class PageMetadata:
    """What the page says about its article, each field None or empty where it says nothing."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: dt.date | None = None
    updated: dt.date | None = None
    site: str | None = None
    source: str | None = None
    language: str | None = None
    site_names: set[str] = field(default_factory=set, repr=False)  # compact, as ``title.site_names``
    bylined: list[str] = field(default_factory=list)  # named in the text alone ("Von Lisa Petrich")
    dated: dt.date | None = None  # written in the text alone, where no markup gives ``published``

    site_authors: list[str] = field(default_factory=list)  # the site named where an author is stated
    holders: list[str] = field(default_factory=list)  # a person the copyright line names ("© 2012 Jo Doe")
    comment_signer: list[str] = field(default_factory=list)  # the post author's name on their own comments

    def persons(self, names: list[str]) -> list[str]:
        """The names that are not the site's (its stated name, publisher or host), an organisation's nor a
        news agency's."""
        return [name for name in names if self.is_person(name)]

    def is_person(self, name: str) -> bool:
        """Whether the name is not the site's, an organisation's (by a word or legal form) nor an agency's."""
        return not (
            self.is_site(name)
            or ORGANISATION.search(name)
            or LEGAL_FORM.search(name)
            or AGENCIES.search(name)
        )

    def is_site(self, name: str) -> bool:
        """Whether the name is the site's (its stated name, publisher or host) or its brand: one word the
        site's name is with a word such as "blog" after it ("Google" for googleblog.com)."""
        folded = compact(name)
        brand = (
            len(name.split()) == 1
            and len(folded) >= 4
            and any(site.startswith(folded) and site[len(folded) :] in SITE_WORDS for site in self.site_names)
        )
        return folded in self.site_names or brand

    def other_company(self, name: str) -> bool:
        """Whether the name is a company's (its legal form: "Web Commerce GmbH") whose first word does not
        start as one of the site's names does (a web agency's; "ZooRoyal Petcare GmbH" is zooroyal.de's)."""
        first = compact(name.split()[0])[:COMPANY_WORD_START]
        return bool(LEGAL_FORM.search(name)) and not any(site.startswith(first) for site in self.site_names)

    def authors_or(self, others: list[str]) -> list[str]:
        """The page's own authors, else a byline line's name (``others``, trafilatura's, where they hold it:
        co-authors), else the name on the post author's own comments, else ``others``, else the copyright
        line's person, else the site, a desk or an agency where the page or ``others`` name it as the author
        (not another company: a web agency's meta tag, "Web Commerce GmbH"). A person's name of
        two words or more written in capitals, wherever it was found, is given in name case ("TOM KRISHER"
        -> "Tom Krisher"); the site's name is not."""
        named = _joined_apart([_name(name) for name in others])
        theirs = self.persons(named)
        bylined = {compact(name) for name in self.bylined}
        confirmed = bylined & {compact(name) for name in theirs}
        people = self.authors or (theirs if confirmed else self.bylined) or self.comment_signer
        people = people or theirs or self.holders
        if people:
            return [_in_name_case(name) for name in people]
        last = [name for name in self.site_authors + named if not self.is_person(name)]
        return [name for name in last if not self.other_company(name)][:1]


def _joined_apart(names: list[str]) -> list[str]:
    """The names with those a byline joins apart ("Richard David Precht im Gespräch mit Karin Fischer")
    where each part is a person's full name (``_name_shaped``: not "Johnson & Johnson", "Procter & Gamble"),
    each name once."""
    found: dict[str, str] = {}  # compact name -> name
    for name in filter(None, names):
        parts = NAME_JOINS.split(name)
        if not all(_name_shaped(part, name.isupper()) for part in parts):
            parts = [name]
        for part in parts:
            found.setdefault(compact(part), part)
    return list(found.values())


def _in_name_case(name: str) -> str:
    """A name of two words or more in capitals with each word's first letter alone capitalised ("JEAN-LUC
    O'NEIL" -> "Jean-Luc O'Neil"); other names as they are (initials "DT", "Jane DOE")."""
    return name.title() if name.isupper() and len(name.split()) > 1 else name


def _load_rules() -> list[tuple[str, etree.XPath]]:
    rules = []
    for line in data_lines("metadata.tsv"):
        name, xpath = line.split("\t", 1)
        rules.append((name, etree.XPath(xpath)))
    return rules


def _tags(root: etree._Element) -> etree._Element:
    """A small tree of copies of the page's ``meta`` and ``link`` elements: the rules that read only
    these (``//meta[...]``, ``//link[...]``) run on it instead of walking the whole page each."""
    tags = etree.Element("head")
    for element in root.iter("meta", "link"):
        kept = {name: element.get(name) for name in TAG_ATTRIBUTES if element.get(name) is not None}
        tags.append(etree.Element(element.tag, kept))
    return tags


def _tree(xpath: etree.XPath, root: etree._Element, tags: etree._Element) -> etree._Element:
    return tags if xpath.path.startswith(TAG_RULES) else root


RULES = _load_rules()


def read_metadata(root: etree._Element, graph: json_ld.Graph | None = None) -> PageMetadata:
    """The metadata of the page ``root``: JSON-LD first (its ``graph``, read here unless given), then meta
    tags and markup."""
    found = _from_json_ld(json_ld.read(root) if graph is None else graph)
    tags = _tags(root)
    values = _rule_values(root, tags)
    found.site = found.site or _first(values, "site")
    found.source = next(filter(_parses, values.get("source", [])), None)  # the first stated that parses
    stated_sites = {compact(name) for name in (found.site, *values.get("site", [])) if name}
    element = root.find(".//title")  # below, an icon's host names the site where the page states no address
    names = site_names(*stated_sites, source=found.source or _first(values, "icon"))
    found.title = headline(
        root,
        [title for title in (found.title, *values.get("title", [])) if title],
        _title_text(element, names) if element is not None else None,
        names,
        found.source,
    )
    found.site_names = stated_sites | site_names(source=found.source)
    found.published = found.published or _day(_first(values, "published"))
    lines = _read_authors(found, root, tags)
    found.dated = None if found.published else dateline(root, lines) or _address_day(found.source)
    found.updated = found.updated or _day(_first(values, "updated"))
    found.language = _language(_first(values, "language")) or found.language
    return found


def _rule_values(root: etree._Element, tags: etree._Element) -> dict[str, list[str]]:
    """The texts of metadata.tsv's rules but the author's, by name: each name's first rule that finds any
    (every rule's for the title)."""
    values: dict[str, list[str]] = {}
    for name, xpath in RULES:
        if name == "author" or (values.get(name) and name != "title"):
            continue
        results = xpath(_tree(xpath, root, tags))
        values.setdefault(name, []).extend(text for text in (_text(result) for result in results) if text)
    return values


def _read_authors(found: PageMetadata, root: etree._Element, tags: etree._Element) -> list[str]:
    """Set ``found``'s authors (over JSON-LD's, which it holds), byline and the names to fall back on;
    return the header lines read for the byline (none where neither byline nor date was wanted)."""
    stated, found.authors = found.authors, []
    hidden = False  # the names come from meta tags, which the reader does not see
    for named, unseen in _author_lists(root, tags, stated, found.is_person):
        found.site_authors += [name for name in named if not found.is_person(name)]
        found.authors, hidden = found.persons(named), unseen
        if named and compact(named[0]) in found.site_names:
            found.authors = []  # the article's byline names the site: the rest are teasers' bylines
        if found.authors:
            break
    first_name_only = len(found.authors) == 1 and len(found.authors[0].split()) == 1
    byline_wanted = not found.authors or first_name_only or hidden
    lines = header_lines(root) if byline_wanted or not found.published else []
    bylined = byline_name(lines, found.is_person) if byline_wanted else None  # a person's, never the site's
    if first_name_only and bylined and bylined.split()[0].casefold() == found.authors[0].casefold():
        found.authors = [bylined]  # "Nils" in the markup, "Eine Kolumne von Nils Pickert" in the text
    elif hidden and bylined and bylined not in found.authors:
        found.authors = [bylined]  # the byline the reader sees over a meta tag's name (a site's editor)
    if len(found.authors) == 1 and (written := full_name(root, found.authors[0])):
        found.authors = [written]  # "christian.stadtfeld" in the markup, "(Christian P. Stadtfeld)" below
    found.bylined = [bylined] if bylined and not found.authors else []
    unnamed = not found.authors and not found.bylined
    # the post author's account, even where its name is the site's (a one-person blog), if no organisation's
    signer = _post_author_comment_name(root) if unnamed else []
    found.comment_signer = [name for name in signer if not ORGANISATION.search(name)]
    found.holders = found.persons(_copyright_holders(root)) if unnamed else []
    return lines


def _post_author_comment_name(root: etree._Element) -> list[str]:
    """The commenter's name on the first comment the post's author wrote (WordPress' ``bypostauthor``)."""
    for comment in POST_AUTHOR_COMMENT(root):
        for xpath in COMMENTER_NAMES:
            names = _names([SAYS.sub("", _lines(element)) for element in xpath(comment)])
            if names:
                return names[:1]
    return []


def _copyright_holders(root: etree._Element) -> list[str]:
    """The person a copyright line names: "© 2012- Gregory Szorc. All rights reserved."."""
    for text in COPYRIGHT_TEXTS(root):
        match = COPYRIGHT_HOLDER.search(text.replace("(c)", "©").replace("(C)", "©"))
        if match:
            return [match[1]]
    return []


def _author_lists(
    root: etree._Element, tags: etree._Element, stated: list[str], person: Callable[[str], bool]
) -> Iterator[tuple[list[str], bool]]:
    """JSON-LD's names, an author label's ("Text & Fotos: Ivan Valetny"), then each author line's of
    metadata.tsv, then a link's in the date line; each with whether the reader does not see them (meta
    tags; JSON-LD is trusted)."""
    yield stated, False
    labelled = labelled_name(root, person)
    yield [labelled] if labelled else [], False
    for name, xpath in RULES:
        if name == "author":
            results = xpath(_tree(xpath, root, tags))
            yield _names([_lines(result) for result in results]), xpath.path.startswith(TAG_RULES)
    yield dated_link_names(root, person), False


def author_sources(root: etree._Element, others: list[str]) -> list[tuple[str, list[str]]]:
    """Each author source's persons on the page read alone, in the reader's order (JSON-LD, the author
    label, metadata.tsv's author lines by number, the date line's links, the byline line after the
    headline, ``others``: trafilatura's names): for measuring how often each names the right person."""
    graph = json_ld.read(root)
    found = read_metadata(root, graph)
    stated = _from_json_ld(graph).authors
    named = [names for names, _ in _author_lists(root, _tags(root), stated, found.is_person)]
    sources = [("json-ld", named[0]), ("label", named[1])]
    sources += [(f"line {number}", names) for number, names in enumerate(named[2:-1], 1)]
    sources += [("date line link", named[-1])]
    bylined = byline_name(header_lines(root), found.is_person)
    sources += [("byline line", [bylined or ""]), ("trafilatura", [_name(name) for name in others])]
    return [(source, found.persons([name for name in names if name])) for source, names in sources]


def _title_text(element: etree._Element, names: set[str]) -> str:
    """The ``title`` element's text, whitespace collapsed, without its last line where each part starts a
    line of its own and that line is one of the site's names (``names``) whole: "<newline>Headline<newline>
    Vipflash" on vipflash.de, a line break as the template's separator ("Pendeln<newline>in Berlin" and
    "Eine Frage der<newline>Zeit" on zeit.de are a headline wrapped)."""
    whole = "".join(element.itertext())
    lines = [text for line in whole.strip().splitlines() if (text := _text(line))]
    own_lines = whole.lstrip(" \t").startswith(("\n", "\r"))  # the headline not on the tag's line
    if len(lines) > 1 and own_lines and compact(lines[-1]) in names:
        lines.pop()
    return " ".join(lines)


def _text(result: str | etree._Element) -> str:
    """A result's text, whitespace collapsed and entities that pages escape twice resolved; a ``meta``
    element's ``content`` (microdata's value of an element that shows none)."""
    if isinstance(result, str):
        text = result
    else:
        text = result.get("content") or "" if result.tag == "meta" else "".join(result.itertext())
    return collapse_whitespace(html.unescape(text))


def _lines(result: str | etree._Element) -> str:
    """A result's text as ``_text``, its lines apart by " | " where an element of its own starts or ends
    one; a ``meta`` element's ``content``."""
    if isinstance(result, str) or result.tag == "meta":
        return _text(result)
    parts: list[str] = []
    for event, element in etree.iterwalk(result, events=("start", "end")):
        if isinstance(element.tag, str) and element.tag in LINE_ELEMENTS:
            parts.append(LINE_MARK)
        if event == "start" and isinstance(element.tag, str):
            parts.append(element.text or "")
        elif event == "end" and element is not result:
            parts.append(element.tail or "")
    return LINE_BREAK.join(line for line in map(_text, "".join(parts).split(LINE_MARK)) if line)


def _parses(address: str) -> bool:
    """Whether ``address`` parses as a URL ("http://[cookie-preferences]/" does not)."""
    try:
        urlsplit(address)
    except ValueError:
        return False
    return True


def _first(values: dict[str, list[str]], name: str) -> str | None:
    return next(iter(values.get(name, [])), None)


def _day(text: str | None) -> dt.date | None:
    if not text:
        return None
    match = ISO_DAY.search(text)
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return parse_date(text) or find_date_in(text)


def _address_day(address: str | None) -> dt.date | None:
    """The day the page's address holds in its path: ".../2020/04/24/...", ".../meldungen/29-10-2021"."""
    path = urlsplit(address or "").path
    if match := ADDRESS_DAY.search(path):
        return make_date(
            match["year"] or match["year2"],
            int(match["month"] or match["month2"]),
            match["day"] or match["day2"],
        )
    return None


def _names(texts: list[str]) -> list[str]:
    """The names in bylines, those a byline joins ("Anna Muster und Max Muster", "A, B and C") apart, a
    role, place or agency after a comma left out ("TOM KRISHER, AP Auto Writer", "Sandee LaMotte, CNN");
    a text without a letter is no name."""
    names: list[str] = []
    seen: set[str] = set()  # compact, as ``title.compact``
    for text in texts:
        byline = _name(text)
        if "://" in byline or len(byline) > MAX_AUTHOR_LENGTH:
            continue
        for part in _comma_names(byline):
            for name in NAME_JOINS.split(part):
                if LETTERS.search(name) and (key := compact(name)) not in seen:
                    seen.add(key)
                    names.append(name)  # once: "Maria Preuß" and "Maria Preuss" are one name
    return names


def _comma_names(byline: str) -> list[str]:
    """The byline's parts between commas that are names: the first, then those of two to four capitalised
    words without a role or an agency; "Doe, Jane" (surname first) stays whole."""
    first, *rest = [part.strip() for part in byline.split(",")]
    if len(rest) == 1 and len(first.split()) == 1 and 1 <= len(rest[0].split()) <= 2:
        return [byline]
    others = [name for part in rest for name in NAME_JOINS.split(part)]
    return [first] + [name for name in others if _name_shaped(name, first.isupper())]


def _name_shaped(text: str, capitals: bool) -> bool:
    """Two to four words, each capitalised or a name's particle, none a role's and no agency's, with no
    acronym unless the byline is in capitals ("Jill Disis, CNN Business")."""
    words = text.split()
    return (
        2 <= len(words) <= 4
        and all(word[0].isupper() or word in NAME_PARTICLES for word in words)
        and (capitals or not any(word.isupper() and len(word) > 1 for word in words))
        and not any(_role(word) for word in words)
        and not AGENCIES.search(text)
        and not ORGANISATION.search(text)
    )


def _role(word: str) -> bool:
    return word.strip(".,:").casefold() in ROLE_WORDS or word.rsplit("-", 1)[-1].casefold() in ROLE_WORDS


def tidy_name(name: str) -> str:
    """The name without an agency after it ("JILL LAWLESS Associated Press"), without a month's or
    weekday's word a date left after it ("Nathan Willis March", "Tomas Spahn Fr") and without a role
    before it ("FOCUS-Online-Experte Robin Tschöpe"), where two words or more remain."""
    agency = AGENCIES.search(name)
    if agency and agency.start() > 0 and agency.end() == len(name):  # "JILL LAWLESS Associated Press"
        name = name[: agency.start()].strip(" ,")
    words = name.split()
    if len(words) > 2 and words[-1].strip(".,").casefold() in DATE_WORDS:
        words = words[:-1]
    if len(words) > 2 and words[0].rsplit("-", 1)[-1].casefold() in ROLE_WORDS:
        words = words[1:]
    return " ".join(words)


def _name(text: str) -> str:
    """A byline's name: after "By"/"Von" or a "View all posts by" (also after a date: "Posted on March 3,
    2020 by"), before a date, a separator, "on", "in" or "Published"; lines of lead words alone before it
    ("Autor | Jane Doe") and a label ("Autor: Jane Doe") left out; none for a reviewer's line or a site's
    account ("admin")."""
    if REVIEWER.match(text):
        return ""
    lines = text.strip(" |").split(LINE_BREAK)
    while len(lines) > 1 and (AUTHOR_LABEL.fullmatch(lines[0]) or all(map(_lead, lines[0].split()))):
        lines = lines[1:]
    words = LABEL_LEAD.sub("", LINE_BREAK.join(lines), count=1).split()
    figures, dated = False, True  # of the words so far: "Posted on March 3, 2020" before "by"
    for index, word in enumerate(words):
        lead = word.rstrip(":").casefold() in BYLINE_WORDS and index < len(words) - 1  # "By", "BY:", "von"
        glued = _after_glued_lead(word)  # "Geschrieben von<a>Elisa Marvena</a>"
        if (lead or glued) and (
            index == 0 or words[index - 1].casefold() in BYLINE_LEADS or (figures and dated)
        ):
            words = [glued] * bool(glued) + words[index + 1 :]
            break
        figures = figures or any(char.isdigit() for char in word)
        dated = dated and _date_lead(word)
    if len(words) > 2 and words[0].rstrip(":").casefold() in AUTHOR_LABEL_WORDS and capitalised(words[1:3]):
        words = words[1:]  # a label without its colon: "Текст Венера Ерофеева", "Autor Jane Doe"
    name = " ".join(word for word in words if "@" not in word).lstrip(NAME_HEAD)  # handles, e-mails
    cut = BYLINE_END.search(name)
    name = tidy_name((name[: cut.start()] if cut else name).rstrip(NAME_TAIL).strip(" ,"))
    if compact(name) in ACCOUNTS or all(map(_lead, name.split())):
        return ""  # a site's account ("admin"), or lead words alone ("Article by")
    return name


def _after_glued_lead(word: str) -> str:
    """The name's first word where a lower-case byline word is written onto it ("vonElisa" -> "Elisa",
    a label's element and the name's link without a space between), else ""."""
    for lead in BYLINE_WORDS:
        rest = word[len(lead) :]
        if word.startswith(lead) and rest[:1].isupper() and rest[1:2].islower():
            return rest
    return ""


def _date_lead(word: str) -> bool:
    """Whether a word before a byline's "by" may be of a lead and a date ("Posted", "on", "March", "3,");
    words all so, one with a figure among them, are a date before the name: "Posted on March 3, 2020"."""
    return (
        _lead(word)
        or word.casefold() in DATE_LEADS
        or word.strip(".,").casefold() in DATE_WORDS
        or not any(char.isalpha() for char in word)
    )


def _lead(word: str) -> bool:
    """A word that leads to a name: "By", "Posted", "Autor:", "Text"."""
    folded = word.strip(":").casefold()
    return (
        folded in BYLINE_WORDS
        or folded in BYLINE_LEADS
        or folded in ROLE_WORDS
        or folded in AUTHOR_LABEL_WORDS
    )


def _language(text: str | None) -> str | None:
    if not text:
        return None
    tag = text.split(",")[0].strip().replace("_", "-")
    return tag if LANGUAGE_TAG.match(tag) else None


def _from_json_ld(graph: json_ld.Graph) -> PageMetadata:
    found = PageMetadata()
    for item in graph.articles:
        found.title = found.title or json_ld.string(item.get("headline"))
        found.authors = found.authors or _names(json_ld.person_names(item.get("author"), graph.nodes))
        found.published = found.published or _day(json_ld.string(item.get("datePublished")))
        found.updated = found.updated or _day(json_ld.string(item.get("dateModified")))
        publisher = item.get("publisher")
        if isinstance(publisher, dict):
            found.site = found.site or json_ld.string(publisher.get("name"))
        found.language = found.language or _language(json_ld.string(item.get("inLanguage")))
    return found
