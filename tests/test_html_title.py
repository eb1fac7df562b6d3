"""The headline on synthetic pages: one page per rule of title.py's stop-18 work (generic site-name signals;
the older rules' pages are in test_html_metadata.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from corpus_pages import time_limit
from metadata_pages import TEXT, page_metadata

from export.readers.html.parse import parse_html
from export.readers.html.title import TITLE_SEPARATORS, TRAILING_DATE, logo_names
from export.readers.html.title_parts import split_title


def title(head: str, body: str = "") -> str | None:
    """The headline ``read_metadata`` finds on a page of ``head`` and ``body`` and an article's text."""
    return page_metadata(head, body, lang="de").title


@pytest.mark.parametrize("bar", ["ǀ", "¦", "‖", "∣", "｜"])
def test_a_bars_look_alike_separates_the_sites_name(bar):
    head = (
        f"<title>Papier fordert Reform {bar} EKHN</title><link rel='canonical' href='https://www.ekhn.de/a'>"
    )
    assert title(head) == "Papier fordert Reform"


def test_a_letter_that_is_no_bar_separates_nothing():
    head = "<title>Papier fordert Reform ǁ EKHN</title><link rel='canonical' href='https://www.ekhn.de/a'>"
    assert title(head) == "Papier fordert Reform ǁ EKHN"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # no address, no stated site name: a part that is a host's name is the site's, before or after
        ("<title>Podcasts in Plex einbinden | Disfunctions.de</title>", "Podcasts in Plex einbinden"),
        (
            "<title>Disfunctions.de » Blog Archiv » Podcasts in Plex einbinden</title>",
            "Podcasts in Plex einbinden",
        ),
        ("<title>Winterhechte | petri-heil.ch | Dein Fischereimagazin</title>", "Winterhechte"),
        # a version number or an abbreviation with stops is no host
        ("<title>Release notes - v2.0</title>", "Release notes - v2.0"),
        ("<title>Rioja - D.O.Ca.</title>", "Rioja - D.O.Ca."),
        # ... nor capitalised words with stops: a host's ending is written in small letters
        ("<title>maudlin - A.Word.A.Day</title>", "maudlin - A.Word.A.Day"),
        # ... nor a name whose ending is no top-level domain: a program's or a library's
        ("<title>Ten years of Bootstrap - Vue.js</title>", "Ten years of Bootstrap - Vue.js"),
        ("<title>Getting started: Node.js</title>", "Getting started: Node.js"),
    ],
)
def test_a_part_that_is_a_hosts_name_is_the_sites(head, expected):
    assert title(head) == expected


HEADLINE = "{orga your life} - das Leben organisieren"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a part a copyright notice holds is the site's, with what follows it
        ("<footer><p>© 2023 Ordnungsrausch</p></footer>", HEADLINE),
        ("<footer><p>Copyright 2023 by Ordnungsrausch. Alle Rechte vorbehalten.</p></footer>", HEADLINE),
        # a notice that holds a piece of a part only, or a long text, cuts nothing
        ("<footer><p>© 2023 Rausch GmbH</p></footer>", f"{HEADLINE} | Ordnungsrausch"),
        ("<p>" + "Ordnungsrausch © Bildrechte. " * 10 + "</p>", f"{HEADLINE} | Ordnungsrausch"),
        ("", f"{HEADLINE} | Ordnungsrausch"),
    ],
)
def test_a_part_a_copyright_notice_holds_is_the_sites(body, expected):
    assert title(f"<title>{HEADLINE} | Ordnungsrausch</title>", body) == expected


def test_a_quote_in_guillemets_is_no_title_with_an_empty_slot():
    quote = "« Les privatisations sont au profit d'intérêts privés »"
    head = f"<meta property='og:title' content=\"{quote}\"><link rel='canonical' href='https://france.attac.org/a'>"
    body = "<h1><a href='/'>Attac France</a></h1><h1>L'action citoyenne</h1>"
    assert title(head, body) == quote
    # ... while a title that ends with a "»" alone has one
    assert title("<title>Attac France »</title>", "<h2>Les privatisations</h2>") == "Les privatisations"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # a stated title that is another without parts at its end or start: those parts go, whatever they are
        (
            "<meta property='og:title' content='Alkohol auf dem Boot – Erfahre mehr zu den Risiken'>"
            "<meta name='twitter:title' content='Alkohol auf dem Boot'>",
            "Alkohol auf dem Boot",
        ),
        (
            "<meta property='og:title' content='Kücknitz - So lief die Auktion von St. Johannes'>"
            "<meta name='twitter:title' content='So lief die Auktion von St. Johannes'>",
            "So lief die Auktion von St. Johannes",
        ),
        # a title that is the site's name alone is no such title
        (
            "<meta property='og:title' content='Tanz in der Lokremise | Tagblatt'>"
            "<meta name='twitter:title' content='Tagblatt'><meta property='og:site_name' content='Tagblatt'>",
            "Tanz in der Lokremise",
        ),
        (
            "<title>Tanz in der Lokremise | Tagblatt</title><meta name='twitter:title' content='Tagblatt'>"
            "<meta name='application-name' content='Tagblatt'>",
            "Tanz in der Lokremise",
        ),
        # words of a title that are not a whole part of it are no agreement
        (
            "<meta property='og:title' content='Tanz in der Lokremise | Tagblatt'>"
            "<meta name='twitter:title' content='Tanz in der'>",
            "Tanz in der Lokremise | Tagblatt",
        ),
    ],
)
def test_a_stated_title_that_is_another_without_parts_at_an_end_is_the_headline(head, expected):
    assert title(head) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # a last part after a colon that is one of the site's names is the site's
        ("<title>Tag des Zweinutzungshuhns: Oekolandbau</title>", "Tag des Zweinutzungshuhns"),
        # ... not where it is more than a name of the site
        ("<title>Tag des Huhns: Oekolandbau heute</title>", "Tag des Huhns: Oekolandbau heute"),
        # a first part before a colon that is exactly a site's name is the site's too (stop 19: "BDZV: ..."),
        # where a headline of three words or more follows it
        ("<title>Oekolandbau: Tag des Zweinutzungshuhns</title>", "Tag des Zweinutzungshuhns"),
        ("<title>Oekolandbau heute: Tag des Huhns</title>", "Oekolandbau heute: Tag des Huhns"),
        ("<title>Oekolandbau: Hühner heute</title>", "Oekolandbau: Hühner heute"),
    ],
)
def test_a_last_part_after_a_colon_that_names_the_site_is_the_sites(head, expected):
    assert title(head + "<link rel='canonical' href='https://oekolandbau.de/a'>") == expected


def test_a_heading_that_is_a_hosts_name_is_the_sites_not_the_headline():
    head = "<title>Disfunctions.de » Blog Archiv » Podcasts in Plex einbinden</title>"
    assert (
        title(head, "<h1>Disfunctions.de</h1><h2>Podcasts in Plex einbinden</h2>")
        == "Podcasts in Plex einbinden"
    )
    # ... and a title that is a host's name alone is none
    assert (
        title("<title>Disfunctions.de</title>", "<h2>Podcasts in Plex einbinden</h2>")
        == "Podcasts in Plex einbinden"
    )


def test_a_long_run_of_spaces_is_split_in_linear_time():
    # a hang guard, not a speed goal: a separator was tried from each space of the run
    with time_limit(60):
        assert TITLE_SEPARATORS.split("Headline" + " " * 200_000 + "Site") == [
            "Headline" + " " * 200_000 + "Site"
        ]
        assert TITLE_SEPARATORS.split("Headline" + " " * 200_000 + "| Site") == ["Headline", "Site"]


def test_a_titles_parts_join_back_as_the_title_writes_them():
    split = split_title("Head:  line |  Site -- Slogan")  # no separator without a space before it
    assert split.parts == ["Head:  line", "Site", "Slogan"]
    assert (split.before(1), split.before(2)) == ("Head:  line", "Head:  line |  Site")
    assert (split.after(0), split.after(1)) == ("Site -- Slogan", "Slogan")
    assert split_title("Headline").parts == ["Headline"]


# WordPress core's custom logo markup (get_custom_logo, wp-includes/general-template.php, GPL-2.0-or-later),
# and other themes' header logos whose alt or label says "Logo".
CUSTOM_LOGO = "<a href='https://example.org/' class='custom-logo-link' rel='home'>{}</a>"
HEADLINE_PARTS = ("Der Steinkauz ist der Vogel des Jahres", "Schweizer Jäger Online")


@pytest.mark.parametrize(
    ("body", "cut"),
    [
        (CUSTOM_LOGO.format("<img class='custom-logo' alt='Schweizer Jäger Logo'>"), True),
        ("<div id='headerLogo'><img src='l.png' alt='Schweizer Jäger'></div>", True),
        ("<span class='c-logo' aria-label='Schweizer-Jäger-Logo'></span>", True),
        # "...blogo" is no logo, nor is "logo..." or an image without one
        ("<div class='meinblogo'><img alt='Schweizer Jäger'></div>", False),
        ("<div class='logoverview'><img alt='Schweizer Jäger'></div>", False),
        ("<div class='teaser'><img alt='Schweizer Jäger'></div>", False),
    ],
)
def test_a_part_a_logo_names_is_the_sites(body, cut):
    for whole in (" | ".join(HEADLINE_PARTS), " - ".join(reversed(HEADLINE_PARTS))):
        assert title(f"<title>{whole}</title>", body) == (HEADLINE_PARTS[0] if cut else whole)


def test_a_logos_text_that_is_the_headline_cuts_nothing():
    body = "<div class='post-logo'><img alt='Anglertalk mit Stephan Höferer'></div>"
    assert title("<title>Anglertalk mit Stephan Höferer</title>", body) == "Anglertalk mit Stephan Höferer"
    assert title("<title>Anglertalk mit Stephan Höferer | Fischerhütte</title>", body) == (
        "Anglertalk mit Stephan Höferer | Fischerhütte"
    )


# WordPress core's feed links (feed_links and feed_links_extra, wp-includes/general-template.php,
# GPL-2.0-or-later) on a post's page: the site's feeds and the post's comments feed.
FEEDS = (
    "<link rel='alternate' type='application/rss+xml' title='Zugreiseblog &raquo; Feed'"
    " href='https://zug.example/feed/'>"
    "<link rel='alternate' type='application/rss+xml' title='Zugreiseblog &raquo; Kommentar-Feed'"
    " href='https://zug.example/comments/feed/'>"
)
ENGLISH_FEEDS = (
    "<link rel='alternate' type='application/rss+xml' title='Zugreiseblog &raquo; Feed'"
    " href='https://zug.example/{folder}feed/'>"
    "<link rel='alternate' type='application/rss+xml' title='Zugreiseblog &raquo; Comments Feed'"
    " href='https://zug.example/{folder}comments/feed/'>"
)
POST_FEED = (
    "<link rel='alternate' type='application/rss+xml' title='Zugreiseblog &raquo; {} Kommentar-Feed'"
    " href='https://zug.example/{}/feed/'>"
)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # no title stated: the post's feed names the post's title, not the title element's SEO title
        (FEEDS + POST_FEED.format("DB Lounge: Kein Zugang mehr", "db-lounge"), "DB Lounge: Kein Zugang mehr"),
        # a stated title comes first
        (
            FEEDS
            + POST_FEED.format("DB Lounge: Kein Zugang mehr", "db-lounge")
            + "<meta property='og:title' content='Lounge ohne Sparpreis'>",
            "Lounge ohne Sparpreis",
        ),
        # a site's own feeds (a home page's) name no post, nor does a feed at a site's address
        (FEEDS, "DB Lounge: Zutritt verweigert"),
        (
            FEEDS + POST_FEED.format("DB Lounge: Kein Zugang mehr", "comments"),
            "DB Lounge: Zutritt verweigert",
        ),
        # another site's feed names none of this one's posts
        (
            FEEDS + POST_FEED.format("DB Lounge: Kein Zugang mehr", "x").replace("Zugreiseblog", "Andere"),
            "DB Lounge: Zutritt verweigert",
        ),
        # a site in a folder (or a language's): its own comments feed is no post's
        (ENGLISH_FEEDS.format(folder="blog/"), "DB Lounge: Zutritt verweigert"),
        (ENGLISH_FEEDS.format(folder="de/"), "DB Lounge: Zutritt verweigert"),
    ],
)
def test_a_posts_feed_link_names_its_title_where_none_is_stated(head, expected):
    assert title(f"<title>DB Lounge: Zutritt verweigert</title>{head}") == expected


@pytest.mark.parametrize(
    ("whole", "expected"),
    [
        ("Netzpolitik als Wahlkampfthema - Netz Für Alle", "Netzpolitik als Wahlkampfthema"),
        ("Netz Für Alle » Blog Archive » Netzpolitik als Wahlkampfthema", "Netzpolitik als Wahlkampfthema"),
        # a part that starts with the feed's site name is no name of the site
        ("Netz Für Alle Projekte - Netzpolitik als Wahlkampfthema", None),
    ],
)
def test_a_part_the_sites_feed_links_name_is_the_sites(whole, expected):
    feed = (
        "<link rel='alternate' type='application/atom+xml' title='Netz Für Alle &raquo; Feed' href='/feed/'>"
    )
    assert title(f"<title>{whole}</title>{feed}") == (expected or whole)


def test_a_long_run_before_a_logos_word_is_cut_in_linear_time():
    # a hang guard, not a speed goal: the run before "logo" was tried from each of its characters
    with time_limit(60):
        assert (
            logo_names(
                parse_html(f"<div class='logo'><img alt='{'_' * 200_000}x'></div>{TEXT}".encode(), "p.html")
            )
            == set()
        )
        assert logo_names(
            parse_html(
                f"<div class='logo'><img alt='Netz{' ' * 200_000}Logo'></div>{TEXT}".encode(), "p.html"
            )
        ) == {"netz"}


@pytest.mark.parametrize(
    ("whole", "expected"),
    [
        ("Una solución para la cuestión mapuche - 07.12.2017", "Una solución para la cuestión mapuche"),
        ("Neue Regeln für Radwege | 2020-01-23", "Neue Regeln für Radwege"),
        (
            "Una solución para la cuestión mapuche - 07.12.2017 - LA NACION",
            "Una solución para la cuestión mapuche",
        ),
        # look-alikes: a date inside the headline, figures that are no date, a year alone
        ("Was am 07.12.2017 geschah", "Was am 07.12.2017 geschah"),
        ("Ergebnis der Wahl - 52.3 Prozent", "Ergebnis der Wahl - 52.3 Prozent"),
        ("Die besten Alben - 2017", "Die besten Alben - 2017"),
        # a real date's shape: month/day/year; version numbers and impossible days or months are none
        ("City council votes on budget | 12/25/2024", "City council votes on budget"),
        ("Firefox – 120.0.1", "Firefox – 120.0.1"),
        ("What changed in Django - 4.2.1", "What changed in Django - 4.2.1"),
        ("Ergebnisse - 32.13.2024", "Ergebnisse - 32.13.2024"),
        ("Kurz notiert - 07.12.17", "Kurz notiert - 07.12.17"),
    ],
)
def test_a_date_as_the_titles_last_part_is_no_headlines(whole, expected):
    address = "<link rel='canonical' href='https://www.lanacion.com.ar/a'>"
    assert title(f"<title>{whole}</title>{address}") == expected


@pytest.mark.parametrize(
    ("whole", "heading"),
    [
        ("Gemeinderatssitzung - 12.03.2024", "Gemeinderatssitzung - 12.03.2024"),
        ("Gemeinderatssitzung - 12.03.2024 | Gemeinde Musterdorf", "Gemeinderatssitzung vom 12.03.2024"),
        ("Firefox – 120.0.1", "Firefox – 120.0.1"),
    ],
)
def test_a_last_date_that_the_pages_heading_states_stays(whole, heading):
    assert title(f"<title>{whole}</title><h1>{heading}</h1><p>Text.</p>") == heading


def test_a_long_run_of_spaces_before_a_date_is_read_in_linear_time():
    # a hang guard, not a speed goal: the date's separator was tried from each space of the run
    with time_limit(60):
        assert not TRAILING_DATE.search("Headline" + " " * 200_000 + "x 07.12.2017")
        assert TRAILING_DATE.search("Headline" + " " * 200_000 + "- 07.12.2017")


@pytest.mark.parametrize(
    ("whole", "address", "expected"),
    [
        (
            "Gremios de los camioneros no descartan nueva movilización: realizarán consulta | Nacional",
            "/noticias/nacional/2022/05/04/gremios-de-los-camioneros-no-descartan-nueva-movilizacion.shtml",
            "Gremios de los camioneros no descartan nueva movilización: realizarán consulta",
        ),
        (
            "D.O.Ca. Rioja, Spanien - Iberische Weine in Berlin",
            "/wein/spanien/d_o_ca_-rioja/",
            "D.O.Ca. Rioja, Spanien",
        ),
        (
            "Alkohol auf dem Boot » 1000 EUR sofort aufs Konto",
            "/magazine/alkohol-auf-dem-boot/",
            "Alkohol auf dem Boot",
        ),
        # look-alikes: a headline's own " - " or " | " whose both sides the slug spells, a slug of fewer
        # than three words, a slug that holds few of the first part's words, a headline whose words are
        # also the last part's
        ("Brexit deal agreed - what it means for you", "/news/brexit-deal-agreed-what-it-means", None),
        # a clause of the headline the editor left out of the slug: more than three words, most in lower
        # case (a tagline of that shape, "– Erfahre mehr zu den Risiken", is given up with it)
        (
            "Brexit deal agreed by EU leaders - what it means for you",
            "/news/brexit-deal-agreed-by-eu-leaders.html",
            None,
        ),
        ("Alkohol auf dem Boot – Erfahre mehr zu den Risiken", "/magazine/alkohol-auf-dem-boot/", None),
        ("Jazz | Blues | Soul: drei Alben der Woche", "/musik/jazz-blues-soul-drei-alben", None),
        ("Autokredit - Angebote vergleichen", "/kredit/autokredit", None),
        ("Alkohol auf dem Boot – Erfahre mehr zu den Risiken", "/magazine/boot-1234/", None),
        ("Der Kredit für Studenten - Kredit", "/der-kredit-fur-studenten", "Der Kredit für Studenten"),
        ("Alkohol auf dem Boot – Erfahre mehr zu den Risiken", "/2022/05/04/", None),
        # a slug that leaves out most of the first part's words is a keyword's, no headline's
        ("How to Grow a Lemon Tree from Seed | Step-by-Step Guide", "/lemon-tree-from-seed/", None),
        # a date's dots in the slug end no file's name: the slug holds both sides of the headline's " – "
        (
            "Bericht zur Lage vom 22.04.2020 – worauf wartet die Politik?",
            "/artikel/bericht_zur_lage_vom_22.04.2020_worauf_wartet_die_politik",
            None,
        ),
    ],
)
def test_last_parts_that_the_addresss_slug_leaves_out_are_no_headlines(whole, address, expected):
    head = f"<title>{whole}</title><link rel='canonical' href='https://www.example-news.de{address}'>"
    assert title(head) == (expected or whole)


def test_a_long_slug_and_title_are_read_in_linear_time():
    # a hang guard, not a speed goal: each of the title's parts is matched against the slug's words once
    with time_limit(60):
        slug = "-".join(["wort"] * 20_000)
        whole = " - ".join(["Wort"] * 20_000)
        assert title(f"<title>{whole}</title><link rel='canonical' href='https://example.de/{slug}'>")


def test_a_stated_title_keeps_the_parts_the_slug_leaves_out():
    # the og:title is the CMS's headline: the slug is weaker evidence than it
    head = (
        "<title>Alkohol auf dem Boot – Erfahre mehr zu den Risiken</title>"
        "<meta property='og:title' content='Alkohol auf dem Boot – Erfahre mehr zu den Risiken'>"
        "<link rel='canonical' href='https://www.example-news.de/magazine/alkohol-auf-dem-boot/'>"
    )
    assert title(head) == "Alkohol auf dem Boot – Erfahre mehr zu den Risiken"


@pytest.mark.parametrize(
    ("whole", "expected"),
    [
        (
            "\nEhezoff der Pochers eskaliert - Jetzt schießt Olli gegen Amira\nVipflash\n",
            "Ehezoff der Pochers eskaliert - Jetzt schießt Olli gegen Amira",
        ),
        # look-alikes: a headline wrapped over lines, a last line that holds the site's name within a
        # sentence, the site's name alone
        (
            "Vipflash trifft die Pochers:\nJetzt schießt Olli gegen Amira",
            "Vipflash trifft die Pochers: Jetzt schießt Olli gegen Amira",
        ),
        (
            "Ehezoff der Pochers eskaliert:\nJetzt fragt Vipflash nach, Olli schweigt zu allem",
            "Ehezoff der Pochers eskaliert: Jetzt fragt Vipflash nach, Olli schweigt zu allem",
        ),
        ("\nVipflash\n", None),
    ],
)
def test_a_last_line_of_the_title_element_that_names_the_site_is_no_headlines(whole, expected):
    head = f"<title>{whole}</title><link rel='canonical' href='https://vipflash.de/contents/1-a'>"
    assert title(head) == expected


@pytest.mark.parametrize(
    ("whole", "address", "expected"),
    [
        ("Eine Frage der\n Zeit", "https://www.zeit.de/kultur/eine-frage", "Eine Frage der Zeit"),
        ("Pendeln\nin Berlin", "https://www.berlin.de/tourismus/pendeln", "Pendeln in Berlin"),
        ("\nPendeln\nin Berlin\n", "https://www.berlin.de/tourismus/pendeln", "Pendeln in Berlin"),
    ],
)
def test_a_wrapped_headlines_last_line_stays_though_it_holds_the_sites_name(whole, address, expected):
    # a last line that starts or ends with the site's name, or is it on a headline's own first line
    head = f"<title>{whole}</title><link rel='canonical' href='{address}'>"
    assert title(head) == expected
