"""The article's headline: the stated or ``title`` element's title without the site's name, or the page's
main heading where the title confirms it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from urllib.parse import SplitResult, urlsplit

from lxml import etree
from tld import is_tld

from export.readers.date_times import leading_date_pattern
from export.readers.html.feed_title import feed_site_names, feed_title
from export.readers.html.page_address import registered_domain, unarchived
from export.readers.html.title_parts import SEPARATOR, TITLE_SEPARATORS, split_title
from export.whitespace import collapse_whitespace

WORDS = re.compile(r"\w+")
# A title that ends with a separator: one of its template's slots is empty ("Site -", "Headline |"); it
# comes after the headings.
EMPTY_SLOT = re.compile(rf"\s{SEPARATOR}$")
# A date before the headline: "23.01.2022 - Headline", "2020-01-23 | Headline".
LEADING_DATE = re.compile(leading_date_pattern(r"|\-–—:"))
# A date after the headline, the title's last part: "Headline - 07.12.2017", "Headline | 2020-01-23"; a real
# date's shape (day 1-31, month 1-12, a year of four figures; day-month-year, month/day/year or ISO), so a
# version number ("Firefox – 120.0.1") is none; from a run's start, linear in a long run.
_DAY, _MONTH, _YEAR = r"(?:0?[1-9]|[12]\d|3[01])", r"(?:0?[1-9]|1[0-2])", r"\d{4}"
TRAILING_DATE = re.compile(
    rf"(?<!\s)\s+[|\-–—:]\s+(?:(?:{_DAY}[./-]{_MONTH}|{_MONTH}/{_DAY})[./-]{_YEAR}"
    rf"|{_YEAR}[./-]{_MONTH}[./-]{_DAY})$"
)
COMPACT = re.compile(r"[\W_]+")
# Letters an address spells out in plain ones: "baechli-bergsport.ch" for "Bächli-Bergsport".
SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ø": "o", "æ": "ae", "œ": "oe", "å": "aa"})
# A title's part that is a host's name names the site whatever names the page states: "Disfunctions.de";
# its ending in small letters ("A.Word.A.Day" is none).
HOST_NAME = re.compile(r"(?i:(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*)\.[a-z]{2,6}")
DOMAIN_END = re.compile(r"\.[a-z]{2,6}\W*$", re.IGNORECASE)
HEADINGS = tuple(
    etree.XPath(f"//{tag}[not(ancestor::nav or ancestor::aside or ancestor::footer)]") for tag in ("h1", "h2")
)
MAX_HEADINGS = 3
# A legal form that ends a title's part: "... - Berliner Leichtathletik Verband e.V.".
LEGAL_FORM = re.compile(r"\s(?:GmbH|mbH|e\.\s?V\.?|Inc\.?|Ltd\.?|LLC|S\.A\.)$")
HOME_LINKS = etree.XPath("//a[@href]")
COPYRIGHT_TEXTS = etree.XPath(
    "//body/descendant::text()[contains(., '©') or contains(., 'Copyright')]"
    "[not(parent::script or parent::style)]"
)
MAX_NOTICE = 200  # a copyright notice's characters at most; a longer text is a paragraph that cites one
MIN_NOTICE_NAME = 4  # a site's name a notice holds has this many letters: "Ordnungsrausch", not "Co"
# Elements whose class or id may say "logo"; a word of it must ("site-logo", "headerLogo", not "blogo").
LOGO_CANDIDATES = etree.XPath(
    "//*[contains(translate(@class, 'LOGO', 'logo'), 'logo')"
    " or contains(translate(@id, 'LOGO', 'logo'), 'logo')]"
)
LOGO_ATTRIBUTES = ("alt", "title", "aria-label")
LOGO_WORD = re.compile(r"(?i)(?<![\s_-])[\s_-]*\blogo\b")  # from a run's start: linear in a long run
KICKED_HEADINGS = etree.XPath("//*[self::h1 or self::h2 or self::h3][.//*[@class]]")
KICKER_CLASSES = frozenset({"kicker", "overline", "topline", "label", "dachzeile", "spitzmarke"})
CLASS_WORDS = re.compile(r"[^\W\d_]+")
# Text for screen readers alone ("Navigation und Service", "<span class=aural>: </span>"): no headline's.
SCREEN_READER_CLASSES = frozenset(
    (
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "screen-reader-text",
        "show-for-sr",
        "aural",
        "element-invisible",
    )
)
# A page's only h1, of this many words, is its headline where no title agrees with it.
MIN_LONE_HEADING_WORDS = 4
MAX_SITE_PART_WORDS = 5
MAX_JOIN_LETTERS = 3  # a name's small joining word ("im", "de", "of") that its address leaves out
# Words before a shop's name at a title's end: "Trixie Kleintierstall bei ZooRoyal", "... at Walmart".
AT_WORDS = frozenset({"bei", "at", "chez", "hos", "på"})
MIN_NAME = 3
MAX_KICKER_WORDS = 5
MIN_HEADLINE_WORDS = 3
# A heading is the headline where its words make up this share of the title's words, all of them in it.
COVER = 0.6
# The words of an address's path segment: "gremios-de-los-camioneros", "d_o_ca_-rioja".
SLUG_WORDS = re.compile(r"[^\W_]+")
FILE_ENDING = re.compile(r"\.[a-z]{2,5}$", re.IGNORECASE)  # ".shtml", ".cms"; not "22.04.2020"
MIN_SLUG_WORDS = 3  # an address's segment of fewer words is no headline's slug ("autokredit", "news")
SLUG_COVER = 0.8  # the share of the slug's words the headline's first parts hold, and of theirs it holds
MAX_NAME_LIKE_WORDS = 3  # a last part of more words, most in lower case, is a clause of the headline


def site_names(*names: str | None, source: str | None = None) -> set[str]:
    """The site's names as compact text: its stated names, its address's registered domain ("bbc.co.uk"),
    that domain's name ("bbc") and the host's label before it ("news"), "www" aside; of a Wayback Machine
    copy's address, those of the address it is a copy of."""
    found = {compact(name or "") for name in names}
    source = unarchived(source or "")
    domain = registered_domain(source)
    if domain:
        above = (urlsplit(source or "").hostname or "").removesuffix(domain).split(".")
        found |= {compact(domain), compact(domain.split(".")[0])}
        found |= {compact(label) for label in above[-2:-1] if label != "www"}
    return {name for name in found if len(name) >= MIN_NAME}


def home_link_names(root: etree._Element, source: str | None) -> set[str]:
    """The names the page's links to its own home page show (their text, a logo's ``alt``, their ``title``),
    compact: "<a href="/"><img alt="Steinzeit & Co"></a>". A link to another site's home page names that
    site, so only links without a host, or to the host's registered domain, count."""
    domain = registered_domain(unarchived(source or ""))
    found = set()
    for link in HOME_LINKS(root):
        href = link.get("href") or ""
        if "?" in href or "#" in href or "/" in href.rsplit("//", 1)[-1].rstrip("/"):
            continue  # a path below a home page's (an archived copy's address ends the link), unparsed
        address = _home_address(href)
        if address is None or (address.netloc and registered_domain(f"//{address.netloc}/") != domain):
            continue
        texts = ["".join(link.itertext()), link.get("title") or ""]
        found |= {compact(text) for text in texts + [image.get("alt") or "" for image in link.iter("img")]}
    return {name for name in found if len(name) >= MIN_NAME}


def logo_names(root: etree._Element) -> set[str]:
    """The names the page's logos show ("Schweizer Jäger Logo" -> "schweizerjager"), compact, the word
    "logo" aside."""
    found = {
        compact(LOGO_WORD.sub("", node.get(name) or ""))
        for element in LOGO_CANDIDATES(root)
        if _says_logo(element)
        for node in element.iter()
        for name in LOGO_ATTRIBUTES
    }
    return {name for name in found if len(name) >= MIN_NAME}


def _says_logo(element: etree._Element) -> bool:
    """Whether a word of the element's class or id is a logo's ("logo", "site-logo", "headerLogo")."""
    marks = CLASS_WORDS.findall(f"{element.get('class') or ''} {element.get('id') or ''}".casefold())
    return any(mark.endswith("logo") and not mark.endswith("blogo") for mark in marks)


def copyright_notices(root: etree._Element) -> list[str]:
    """The page's short texts with a copyright sign or word ("© 2023 Ordnungsrausch"), compact."""
    return [compact(text) for text in COPYRIGHT_TEXTS(root) if len(text) <= MAX_NOTICE]


def _noticed(part: str, notices: list[str]) -> bool:
    """Whether a copyright notice holds the title's part ("Ordnungsrausch" in "© 2023 Ordnungsrausch")."""
    text = compact(part)
    return len(text) >= MIN_NOTICE_NAME and any(text in notice for notice in notices)


def compact(text: str) -> str:
    """Letters and digits alone, case-folded and without accents: "TheHill.com" -> "thehillcom", "Nestlé" ->
    "nestle"."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return COMPACT.sub("", "".join(char for char in folded if not unicodedata.combining(char)))


def names_site(part: str, names: set[str], strict: bool = False) -> bool:
    """Whether a title's part names the site: it is one of its names or a host's name ("Disfunctions.de")
    (``strict``), or else starts or ends with one, is mostly one ("petri-heil.ch", "MyOOS Community
    Forum"), or is part of one; its letters also as an address spells them out ("Bächli" as "baechli",
    "Ørsted" as "orsted"), also without small joining words ("Grüne im Bundestag", exactly)."""
    if len(part.split()) > MAX_SITE_PART_WORDS:
        return False
    if HOST_NAME.fullmatch(host := part.strip()) and is_tld(host.rsplit(".", 1)[1].casefold()):
        return True
    shown = DOMAIN_END.sub("", part)
    texts = {text for text in (compact(shown), compact(shown.casefold().translate(SPELLED_OUT))) if text}
    if texts & names or _joined(shown) in names:
        return True
    return not strict and any(
        text.startswith(name)
        or text.endswith(name)
        or (name in text and len(name) > len(text) / 2)
        or (len(text) >= 4 and text in name)
        for name in names
        for text in texts
    )


def _joined(part: str) -> str:
    """The part as an address writes it: without its small lower-case joining words, letters spelled out
    ("Grüne im Bundestag" as gruene-bundestag.de's "gruenebundestag"); "" where it has no such word."""
    kept = [word for word in part.split() if not (word.islower() and len(word) <= MAX_JOIN_LETTERS)]
    return compact(" ".join(kept).casefold().translate(SPELLED_OUT)) if len(kept) < len(part.split()) else ""


def without_site_name(title: str | None, names: set[str], strict: bool = False) -> str | None:
    """The title without its parts, after a separator, that name the site and what follows them; also
    without a last part after a colon that follows a word where that part is one of the site's names
    ("Tag des Zweinutzungshuhns: Oekolandbau")."""
    if not title:
        return None
    head, colon, tail = title.rpartition(": ")
    if colon and head and not head[-1].isspace() and names_site(tail, names, True):
        title = head
    head, colon, tail = title.partition(": ")
    if colon and head and len(words(tail)) >= MIN_HEADLINE_WORDS and names_site(head, names, True):
        title = tail  # "BDZV: Olafur Eliasson gestaltet ..." on bdzv.de
    title = _without_shop(title, names)
    split = split_title(title)
    parts = split.parts
    if len(parts) < 2:  # the whole title: no title where it is the site's name alone
        return None if names_site(title, names, True) else title
    naming = [index for index, part in enumerate(parts) if names_site(part, names, strict)]
    if not naming:
        return title
    if naming[0] > 0:  # "Headline | Site | Slogan"
        return split.before(naming[0]) or None
    if naming[-1] < len(parts) - 1:  # "Site » Headline", "Site » Blog Archive » Headline"
        rest = parts[naming[-1] + 1 :]
        if len(rest) > 1:
            return max(rest, key=len).strip()
        return split.after(naming[-1]) or None
    return None


def _without_shop(title: str, names: set[str]) -> str:
    """The title without its last words where they are "bei", "at", ... and the site's name: "Trixie
    Natura Kleintierstall bei ZooRoyal" on zooroyal.de."""
    found = title.split()
    for index in range(len(found) - 2, MIN_HEADLINE_WORDS - 1, -1):
        if found[index].casefold() in AT_WORDS:
            return " ".join(found[:index]) if names_site(" ".join(found[index + 1 :]), names, True) else title
    return title


def words(text: str | None) -> list[str]:
    return WORDS.findall((text or "").casefold())


def headline(
    root: etree._Element, stated: list[str], element: str | None, names: set[str], source: str | None = None
) -> str | None:
    """The headline of the page ``root``.

    ``stated`` are the titles its metadata states (JSON-LD headline, og:title, ...), ``element`` its
    ``title`` element's text; ``names`` the site's names; ``source`` the page's address. A title first
    gives way to another given title that is it without whole parts at an end (``_agreed``). In order: the
    stated title the first ``h1`` holds after a kicker; an ``h1`` a title confirms (an ``h2`` where no
    ``h1`` but the site's name is there); a title the first ``h1`` holds with more around it; the page's
    only, long ``h1``; the first title that is more than the site's name; the first ``h1``; the first
    ``h2``; a title with an empty slot ("Über André Loibl |"), which the steps before pass over, without
    its separator. The titles of the third and fifth steps also lose a part, and what follows it, that
    is exactly a name the page's home links show ("Headline | Müritzurlauber"), or is short and ends with
    a legal form ("... - Verband e.V.") or a copyright notice holds it ("© 2023 Ordnungsrausch"), and
    before those, parts a logo's text names ("Schweizer Jäger Logo") or, exactly, a feed link's site
    ("Netz Für Alle » Feed"), where the longest part is left; after all those, where no title is stated,
    last parts the address's slug leaves out (``_without_unslugged_parts``). Where no title is stated, a
    WordPress post's feed link states one (``feed_title``). Last, a kicker is cut off where a heading is
    the title and its class marks the kicker. A closing "»" after
    an opening "«" ends a quote, not an empty slot. docs/page-reader.md gives the figures for each.
    """
    return _without_page_kicker(root, _headline(root, stated, element, names, source))


def _without_page_kicker(root: etree._Element, title: str | None) -> str | None:
    """The title without a kicker where a heading is the title and marks that kicker by its class
    ("<h2><span class=content__kicker>Covid-19</span>: Lässt sich ...</h2>" -> "Lässt sich ...")."""
    if not title:
        return title
    title_words = words(title)
    for heading in KICKED_HEADINGS(root):
        if words(_shown_text(heading)) != title_words:
            continue  # most headings: one walk of the heading, not three
        rest = _without_kicker(heading)
        if words(rest) != title_words:
            return rest
    return title


def _headline(
    root: etree._Element, stated: list[str], element: str | None, names: set[str], source: str | None
) -> str | None:
    """The headline, before a kicker the page marks in a heading is cut from it (``headline`` says how)."""
    if not stated and (posted := feed_title(root)):
        stated = [posted]  # a WordPress post's title, where none is stated
    given = [title for title in (*stated, element) if title]
    stated = [_agreed(title, given, names) for title in stated]
    element = _agreed(element, given, names) if element else element
    found = [_headings(root, xpath) for xpath in HEADINGS]
    shown = [text for headings in found for text, _ in headings]
    titles = [
        _without_dates(title, shown) for title in (*stated, element) if title and not _empty_slot(title)
    ]
    names = names | {compact(text) for headings in found for text, home in headings if home}
    h1s, h2s = (
        [text for text in (without_site_name(text, names, True) for text, _ in headings) if text]
        for headings in found
    )
    stripped = [title for title in (without_site_name(title, names) for title in titles) if title]
    if any(TITLE_SEPARATORS.search(title) for title in stripped):  # the home links read only where needed
        home, notices = home_link_names(root, source), copyright_notices(root)
        logos, feeds = logo_names(root), {compact(name) for name in feed_site_names(root)}
        stripped = [_without_named_part(title, logos) for title in stripped]
        stripped = [_without_named_part(title, feeds, strict=True) for title in stripped]
        stripped = [_without_site_part(title, home, notices) for title in stripped]
        slug = set() if stated else slug_words(source)  # a stated title is the CMS's headline, the slug less
        stripped = [_without_unslugged_parts(title, slug) for title in stripped]
    stripped = [_without_last_date(title, shown) for title in stripped]  # "Headline - 07.12.2017 - Site"
    for heading in h1s[:1]:
        kicked = next((title for title in titles if _after_kicker(heading, title)), None)
        if kicked:
            return kicked
    for heading in h1s[:MAX_HEADINGS]:
        if any(_covers(heading, title, names) for title in titles):
            return heading
    for heading in [] if h1s else h2s[:MAX_HEADINGS]:
        if titles and _covers(heading, titles[0], names):  # a blog's post title under its name's h1
            return heading
    for heading in h1s[:1]:
        within = next((title for title in stripped if _framed(heading, title)), None)
        if within:  # the heading adds a kicker or a site's name to the title
            return within
        if len(h1s) == 1 and (
            len(words(heading)) >= MIN_LONE_HEADING_WORDS
            or any(set(words(heading)) <= set(words(title)) for title in titles)
        ):
            return heading
    if stripped or h1s or h2s:
        return stripped[0] if stripped else h1s[0] if h1s else h2s[0]
    slots = [EMPTY_SLOT.sub("", title) for title in (*stated, element) if title and _empty_slot(title)]
    return next((title for title in slots if WORDS.search(title)), None)  # "Über André Loibl |"


def _agreed(title: str, given: list[str], names: set[str]) -> str:
    """The other given title that is this one without parts at its start or end, else this one: where the
    ``og:title`` is "Headline", the ``title`` element "Headline | Some Site" gives way to it, whatever the
    site's name. A title that is the site's name alone (``names``) is no such other title."""
    parts = TITLE_SEPARATORS.split(title)
    own = words(title)
    for other in given:
        found = words(other)
        if not found or found == own or names_site(other, names, True):
            continue
        if any(
            found in (words(" ".join(parts[:cut])), words(" ".join(parts[cut:])))
            for cut in range(1, len(parts))
        ):
            return other
    return title


def _without_dates(title: str, shown: list[str]) -> str:
    """The title without a date in figures as its first or last part (the last as ``_without_last_date``)."""
    return _without_last_date(LEADING_DATE.sub("", title), shown)


def _without_last_date(title: str, shown: list[str]) -> str:
    """The title without a date as its last part, unless a heading (``shown``) states the title with the date:
    "Gemeinderatssitzung - 12.03.2024" as the ``h1`` too is that meeting's name."""
    if not TRAILING_DATE.search(title):
        return title
    own = set(words(title))
    return title if any(own <= set(words(heading)) for heading in shown) else TRAILING_DATE.sub("", title)


def _empty_slot(title: str) -> bool:
    """Whether the title ends with a separator, not with the guillemet that closes a quote ("« Les
    privatisations ... »")."""
    return bool(EMPTY_SLOT.search(title)) and not (title.endswith("»") and "«" in title)


def _without_site_part(title: str, home: set[str], notices: list[str]) -> str:
    """The title without its last parts from one that is a name the site's home links show, or a short
    one that ends with a legal form ("GmbH", "e.V.") or that a copyright notice holds (``notices``)."""
    split = split_title(title)
    naming = [
        index
        for index, part in enumerate(split.parts)
        if index
        and (
            compact(part) in home
            or (
                len(part.split()) <= MAX_SITE_PART_WORDS
                and (LEGAL_FORM.search(part) or _noticed(part, notices))
            )
        )
    ]
    return split.before(naming[0]) if naming else title


def slug_words(source: str | None) -> set[str]:
    """The words of the page's address's segment with the most words (its slug: "/2022/05/04/gremios-de-los-
    camioneros-no-descartan.shtml" -> gremios, de, los, ...), compact; none with fewer than three."""
    try:
        path = urlsplit(unarchived(source or "")).path
    except ValueError:
        return set()
    segments = [SLUG_WORDS.findall(FILE_ENDING.sub("", segment)) for segment in path.split("/")]
    found = max(segments, key=len, default=[])
    return {compact(word) for word in found} if len(found) >= MIN_SLUG_WORDS else set()


def _without_unslugged_parts(title: str, slug: set[str]) -> str:
    """The title without its last parts where its first parts and the address's slug agree (each holds most
    of the other's words) and the last hold no word of the slug the first do not: "Gremios de los camioneros
    ...: realizarán consulta nacional | Nacional" on ".../gremios-de-los-camioneros-...-nacional.shtml".
    A headline's own separator stays where the slug spells its words on both sides, and so does a clause the
    slug leaves out: every last part must look like a site's, a section's or a tagline's (``_name_like``)."""
    if not slug:
        return title
    split = split_title(title)
    parts = split.parts
    held = [[compact(word) for word in words(part)] for part in parts]
    named = [True] * len(parts)  # named[i]: parts i and after all look like names
    for index in range(len(parts) - 1, 0, -1):
        named[index - 1] = named[index] and _name_like(parts[index])
    every = slug & set().union(*held)
    covered: set[str] = set()
    kept = in_slug = 0
    for index, found in enumerate(held[:-1]):
        covered |= slug.intersection(found)
        kept, in_slug = kept + len(found), in_slug + sum(word in slug for word in found)
        if (
            len(covered) == len(every)  # covered <= every: the last parts add no word of the slug
            and len(covered) >= SLUG_COVER * len(slug)
            and in_slug >= SLUG_COVER * kept
            and named[index]
        ):
            return split.before(index + 1)
    return title


def _name_like(part: str) -> bool:
    """Whether a title's part reads as a name, a section or a tagline rather than a clause of the headline:
    at most ``MAX_NAME_LIKE_WORDS`` words ("Nacional", "Not a flagship"), or at least half of its words
    start with no lower-case letter ("Vinos Y Tapas und Vinho Iberico"; not "what it means for you")."""
    found = WORDS.findall(part)  # as written: ``words`` folds the case
    capitalised = sum(not word[0].islower() for word in found)
    return len(found) <= MAX_NAME_LIKE_WORDS or 2 * capitalised >= len(found)


def _without_named_part(title: str, names: set[str], strict: bool = False) -> str:
    """The title without its parts that name the site as its logos or feed links show it (``names``, as
    ``names_site`` matches), where it has parts and its longest is left: a logo's text that is the headline
    (a teaser's image) cuts nothing."""
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    rest = without_site_name(title, names, strict)
    return rest if rest and max(parts, key=len) in rest else title


def _after_kicker(heading: str, title: str) -> bool:
    """Whether the heading is the title after a kicker of a few words ("Tunesien Große Aufgaben ...")."""
    found, within = words(heading), words(title)
    extra = len(found) - len(within)
    return 0 < extra <= MAX_KICKER_WORDS and len(within) >= MIN_HEADLINE_WORDS and found[extra:] == within


def _framed(heading: str, title: str) -> bool:
    """Whether the heading is the title with words before or after it (a kicker, the site's name), not
    within it ("Energiewende, Mobilität und ..." holds the words of "Energiewende und ..." but is not it)."""
    found, within = words(heading), words(title)
    return bool(within) and any(
        found[start : start + len(within)] == within for start in range(len(found) - len(within) + 1)
    )


def _covers(heading: str, title: str, names: set[str]) -> bool:
    """Whether the heading is the title's longest part, or all its words are in the title and make up most of
    the title's words (site name aside)."""
    found = words(heading)
    within = words(without_site_name(title, names) or title)
    if not found or not within:
        return False
    if words(max(TITLE_SEPARATORS.split(title), key=len)) == found:  # "Headline - Site"
        return True
    return set(found) <= set(words(title)) and len(set(found) & set(within)) >= COVER * len(set(within))


def _headings(root: etree._Element, xpath: etree.XPath) -> list[tuple[str, bool]]:
    """The headings' texts without a marked kicker, a leading date or text for screen readers alone, each with
    whether it is a link to the site's home page (a logo's)."""
    shown = (heading for heading in xpath(root) if not _for_screen_readers(heading))
    found = ((LEADING_DATE.sub("", _without_kicker(heading)), heading) for heading in shown)
    return [(text, _home_link(heading, text)) for text, heading in found if WORDS.search(text)]


def _for_screen_readers(element: etree._Element) -> bool:
    return bool(SCREEN_READER_CLASSES & set((element.get("class") or "").split()))


def _kicker_or_hidden(element: etree._Element) -> bool:
    """Whether a class word marks the element as a kicker ("overline", "content__kicker", "c-topline") or
    it is for screen readers alone."""
    marks = set(CLASS_WORDS.findall((element.get("class") or "").casefold()))
    return bool(KICKER_CLASSES & marks) or _for_screen_readers(element)


def _shown_text(
    element: etree._Element, left_out: Callable[[etree._Element], bool] = _for_screen_readers
) -> str:
    """The element's text, whitespace collapsed, without what its ``left_out`` descendants hold (a walk, not
    a recursion: markup may nest thousands deep)."""
    pieces: list[str] = []
    hidden = None
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if event == "start" and hidden is None and isinstance(node.tag, str):
            if node is not element and left_out(node):
                hidden = node
            else:
                pieces.append(node.text or "")
        elif event == "end":
            if node is hidden:
                hidden = None
            if hidden is None and node is not element:
                pieces.append(node.tail or "")
    return collapse_whitespace("".join(pieces))


def _without_kicker(heading: etree._Element) -> str:
    """The heading's text without the kickers its elements hold where a class marks them ("overline",
    "kicker", a forum thread's "label", "topline"), if more text is left, and without text for screen
    readers alone."""
    text = _shown_text(heading).removesuffix("¶").rstrip()  # Sphinx's anchor
    rest = _shown_text(heading, _kicker_or_hidden).removesuffix("¶").rstrip()
    return rest if WORDS.search(rest) else text


def _home_link(heading: etree._Element, text: str) -> bool:
    """Whether the heading's text is all one link to a site's home page ("/", "https://site.org", or the
    Wayback Machine's copy of one)."""
    links = list(heading.iter("a"))
    if len(links) != 1 or collapse_whitespace("".join(links[0].itertext())) != text:
        return False
    return _home_address(links[0].get("href")) is not None


def _home_address(href: str | None) -> SplitResult | None:
    """The link's address where it is a site's home page ("/", "https://site.org", or the Wayback Machine's
    copy of one), else None (also for an address that does not parse: "http://[cookie-preferences]")."""
    try:
        address = urlsplit(unarchived(href or "#"))
    except ValueError:
        return None
    home = address.path in ("", "/") and not address.query and not address.fragment
    return address if home and (address.netloc or address.path) else None
