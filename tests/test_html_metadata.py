"""A page's title, authors and date on synthetic pages: one page per rule of metadata.py, title.py and
header_lines.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from lxml import etree
from metadata_pages import TEXT
from metadata_pages import page_metadata as metadata

from export.readers.html.page import read_html_page
from export.readers.html.title import headline, site_names


def canonical(host: str) -> str:
    return f"<link rel='canonical' href='https://www.{host}/2020/a-story'>"


def json_ld(data: str) -> str:
    return f"<script type='application/ld+json'>{data}</script>"


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        # the h1 a stated title confirms, its site name after a separator aside
        (
            "<meta property='og:title' content='Senate passes the bill | TheHill'>"
            + canonical("thehill.com"),
            "<h1>Senate passes the bill</h1>",
            "Senate passes the bill",
        ),
        # a stated title that only names the site is no title: the title element's, stripped
        (
            "<meta property='og:title' content='Krimiblog'><meta property='og:site_name' content='Krimiblog'>"
            "<title>Krimiblog » The murder on the Orient Express</title>",
            "",
            "The murder on the Orient Express",
        ),
        # a WordPress breadcrumb title: the longest part after the site's name
        (
            "<title>Four Years Remaining » Blog Archive » Interning of small integers</title>"
            + canonical("fouryears.eu"),
            "",
            "Interning of small integers",
        ),
        # the site's name as a domain, and the slogan after it, cut off
        (
            "<title>Bielersee-Winterhechte | petri-heil.ch | Dein Schweizer Fischereimagazin</title>"
            + canonical("petri-heil.ch"),
            "",
            "Bielersee-Winterhechte",
        ),
        # a site's name that begins the part ("MyOOS Community Forum")
        (
            "<title>Was ist Freie Software - MyOOS Community Forum</title>" + canonical("myoos.de"),
            "",
            "Was ist Freie Software",
        ),
        # the page's only h1, long, where no title agrees with it
        (
            "<meta property='og:title' content='Privatkredit-Zinsen: So ermitteln Sie Ihre Kosten'>",
            "<h1>Wie hoch sind die Zinsen für einen Privatkredit?</h1>",
            "Wie hoch sind die Zinsen für einen Privatkredit?",
        ),
        # an h1 that adds a kicker to the stated title gives way to it, even marked as the headline
        (
            "<meta property='og:title' content='Große Aufgaben für die neue Regierung'>",
            "<h1 itemprop='headline'><span>Tunesien</span> Große Aufgaben für die neue Regierung</h1>",
            "Große Aufgaben für die neue Regierung",
        ),
        # an h1 that is the whole title keeps the words that look like the site's name
        (
            "<meta property='og:title' content='Welpen kaufen – Tipps zu jeder Hunderasse'>"
            "<meta property='og:site_name' content='Welpen'>",
            "<h1>Welpen kaufen – Tipps zu jeder Hunderasse</h1>",
            "Welpen kaufen – Tipps zu jeder Hunderasse",
        ),
        # a blog's name in h1, the post's title in h2, confirmed by the title
        (
            "<title>Liebe Menschen Europas | Echte Demokratie</title><meta property='og:site_name' "
            "content='Echte Demokratie'>",
            "<h1>Echte Demokratie</h1><h2>Liebe Menschen Europas</h2>",
            "Liebe Menschen Europas",
        ),
        # the page's only h1, short, whose words the title holds (the title adds a slogan)
        (
            "<title>1000 Euro Kredit » 1000 EUR sofort aufs Konto | GIROMATCH</title>",
            "<h1>1000 Euro Kredit</h1>",
            "1000 Euro Kredit",
        ),
        # an h1 that links to the site's home page is the site's name, not the headline
        (
            "<title>Four Years Remaining » Blog Archive » Interning of small integers</title>",
            "<h1><a href='http://fouryears.eu'>Four Years Remaining</a></h1>"
            "<h2>Interning of small integers</h2>",
            "Interning of small integers",
        ),
        # ... also in the Wayback Machine's copy of the page
        (
            "<title>Muffin Grundrezept : Muffin Rezepte</title>",
            "<h1 class='logo'><a href='https://web.archive.org/web/20160330101229/http://muffinrezept.net/'>"
            "Muffin Rezepte</a></h1><h2><a href='https://web.archive.org/web/20160330101229/http://"
            "muffinrezept.net/muffin-grundrezept/'>Muffin Grundrezept</a></h2>",
            "Muffin Grundrezept",
        ),
        # a title of one part that holds more than the site's name stays whole
        (
            "<meta property='og:title' content='SibenLab privacy policy'>",
            "<h1><a href='http://sibenlab.blogspot.com/'>privacy policy</a></h1>",
            "SibenLab privacy policy",
        ),
        # a kicker the h1's first element holds, marked by its class, is left out
        (
            "<title>Die Zukunft der Arbeit - Wir dekorieren die Liegestühle um</title>",
            "<h1><span class='overline'>Die Zukunft der Arbeit</span>Wir dekorieren die Liegestühle um</h1>",
            "Wir dekorieren die Liegestühle um",
        ),
        (
            "<meta property='og:title' content='Patch Notes - Patchnotes 4.47.4 - Bugfix Build'>",
            "<h1><a href='/threads/3976/'><span class='label label--blue'>Patch Notes</span> "
            "Patchnotes 4.47.4 - Bugfix Build</a></h1>",
            "Patchnotes 4.47.4 - Bugfix Build",
        ),
        # a heading for screen readers alone is none, nor is text for them within one, nor a kicker a
        # class word marks anywhere in it; an h1 that holds the title's words, but not as one run, is
        # no title with a kicker added
        (
            "<meta property='og:title' content='Energiewende und nachhaltiges Wirtschaften - BMBF'>",
            "<header><h1 class='aural'>Navigation und Service</h1></header>"
            "<h1><span>Energiewende, Mobilität und nachhaltiges Wirtschaften</span><span class='aural'>: "
            "</span><small class='c-topline'><span class='aural'>, Thema:</span> Forschung</small></h1>",
            "Energiewende, Mobilität und nachhaltiges Wirtschaften",
        ),
        (
            "<title>Lässt sich die Ausbreitung kontrollieren? - Spektrum</title>",
            "<h1><span class='content__kicker'>Covid-19</span><span class='sr-only'>: </span>"
            "<span>Lässt sich die Ausbreitung kontrollieren?</span></h1>",
            "Lässt sich die Ausbreitung kontrollieren?",
        ),
        # a kicker a heading marks by its class is cut from the headline that starts with it
        (
            "<meta property='og:title' content='Covid-19: Lässt sich die Ausbreitung kontrollieren?'>",
            "<ol><li><h1>Covid-19: Lässt sich die Ausbreitung kontrollieren?</h1></li></ol><h2><span "
            "class='content__kicker'>Covid-19</span><span class='sr-only'>: </span> <span "
            "class='content__title'>Lässt sich die Ausbreitung "
            "kontrollieren?</span></h2>",
            "Lässt sich die Ausbreitung kontrollieren?",
        ),
        # ... not where only a teaser's heading marks it
        (
            "<meta property='og:title' content='Interview: Warum wir schlafen müssen'>",
            "<h1>Interview: Warum wir schlafen müssen</h1><h3><span class='kicker'>Interview</span> "
            "Eine andere Geschichte</h3>",
            "Interview: Warum wir schlafen müssen",
        ),
        # a title that ends with a separator has an empty slot, perhaps the headline's: it comes after the
        # first h2 where no other title and no h1 are left
        (
            "<title>National Rail Enquiries -</title>",
            "<h2><span>Rail Replacement Services Travel Advice</span></h2><p>Buses are not trains.</p>"
            "<h2>General Information</h2>",
            "Rail Replacement Services Travel Advice",
        ),
        # ... yet with no heading, the title without its separator
        ("<title>Über André Loibl |</title>", "", "Über André Loibl"),
        # a date before the headline is no part of it; nor is a documentation page's anchor mark
        (
            "<title>23.01.2022 - Wierer darf beim Abschluss noch jubeln - Biathlon</title>",
            "<h1>23.01.2022 - Wierer darf beim Abschluss noch jubeln</h1>",
            "Wierer darf beim Abschluss noch jubeln",
        ),
        (
            "<title>Evolve: Shared Mutable History — evolve extension</title>",
            "<h1>Evolve: Shared Mutable History<a class='headerlink' href='#evolve'>¶</a></h1>",
            "Evolve: Shared Mutable History",
        ),
    ],
)
def test_the_headline_is_found(head, body, expected):
    assert metadata(head, body).title == expected


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        # the meta author names the site: the byline's name instead
        (
            "<meta name='author' content='Badische Zeitung'>"
            "<meta property='og:site_name' content='Badische Zeitung'>",
            "<div class='byline'>Von <span class='author'>Lisa Petrich</span></div>",
            ["Lisa Petrich"],
        ),
        # the site's host as author
        ("<meta name='author' content='Makronom'>" + canonical("makronom.de"), "", []),
        # an organisation in JSON-LD is no author
        (
            json_ld('{"@type": "NewsArticle", "author": {"@type": "Organization", "name": "LN"}}'),
            "<p class='byline'><span class='author'>Cosima Künzel</span></p>",
            ["Cosima Künzel"],
        ),
        # a Twitter handle is left out of the name
        ("", "<span class='author'>Williams Perdomo @wperdomod</span>", ["Williams Perdomo"]),
        # a link to the author's page
        ("", "<p class='date'>2020-01-02 <a href='/author/fabian/'>Fabian</a></p>", ["Fabian"]),
        # author class names in other languages
        ("", "<div><span class='auteurs'>Didier Roy</span></div>", ["Didier Roy"]),
        # a forum thread's first post
        (
            "",
            "<article class='message' data-author='Pepemaus'><p>Hallo</p></article>"
            "<article class='message' data-author='Other'><p>Antwort</p></article>",
            ["Pepemaus"],
        ),
        # Cxense's author tag
        ("<meta property='cXenseParse:author' content='Lisa Petrich'>", "", ["Lisa Petrich"]),
        # "Mehr von" leads a byline
        ("", "<a href='/authors/catch'>Mehr von Catch more fish</a>", ["Catch more fish"]),
    ],
)
def test_authors_are_found_and_the_site_is_no_author(head, body, expected):
    assert metadata(head, body).authors == expected


def test_trafilatura_names_that_are_the_site_are_dropped():
    found = metadata("<meta property='og:site_name' content='The Planetary Press'>")
    assert found.persons(["The Planetary Press", "Julie Mollins"]) == ["Julie Mollins"]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Eine Kolumne von Nils Pickert", "Nils Pickert"),
        ("Posted by Konstantin @ 12:00 am", "Konstantin"),
        ("06.11.2023 13:30 von Olga", "Olga"),
        ("Text von Christian Seiler \xa0 \xa0Illustration von Markus Roost", "Christian Seiler"),
        ("Autorin: Uta Staschewski, Projektleiterin", "Uta Staschewski"),
        ("Mary Magdalene by Titian", None),  # a caption
        ("Soziale Nachhaltigkeit von Klimaschutz und Energiewende", None),  # a phrase
        ("Neu im Programm von Abu Garcia ist die Spike Serie.", None),  # a sentence
    ],
)
def test_a_byline_line_after_the_headline_names_the_author(line, name):
    found = metadata("", f"<h1>The headline of the story</h1><p><em>{line}</em></p>")
    assert found.authors == [] and found.bylined == ([name] if name else [])


def test_byline_lines_before_the_headline_or_in_navigation_are_not_read():
    before = metadata("", "<p>Von Max Muster</p><h1>The headline of the story</h1>")
    inside_nav = metadata("", "<h1>The headline of the story</h1><nav><p>Von Max Muster</p></nav>")
    assert before.bylined == [] and inside_nav.bylined == []


def test_a_date_written_after_the_headline_is_the_date_where_nothing_else_gives_one(tmp_path: Path):
    body = "<h1>Hybridbatterie</h1><p>Hofheim am Taunus | Wiesbaden, 11. November 2021</p>" + TEXT
    path = tmp_path / "page.html"
    path.write_text(f"<!DOCTYPE html><html lang='de'><head><title>T</title></head><body>{body}</body></html>")
    assert read_html_page(path, "ours").published == dt.date(2021, 11, 11)
    marked = body.replace("<h1>", "<time class='published' datetime='2021-11-10'>10.11.</time><h1>")
    path.write_text(
        f"<!DOCTYPE html><html lang='de'><head><title>T</title></head><body>{marked}</body></html>"
    )
    assert read_html_page(path, "ours").published == dt.date(2021, 11, 10)


def test_the_site_is_the_author_only_where_no_person_is_named():
    found = metadata(
        "<meta name='author' content='Telebasel'><meta property='og:site_name' content='Telebasel'>"
    )
    assert found.authors == [] and found.authors_or([]) == ["Telebasel"]
    assert found.authors_or(["Telebasel", "Anna Muster"]) == ["Anna Muster"]
    named = metadata(
        "<meta name='author' content='Telebasel'><meta property='og:site_name' content='Telebasel'>",
        "<span class='author'>Anna Muster</span>",
    )
    assert named.authors_or([]) == ["Anna Muster"]


def test_rdfa_property_lists_and_dublin_core_properties_are_read():
    listed = metadata(
        "<title>Title Element</title><meta property='x:title dc:title' content='Preferred title'>"
        "<meta property='og:title twitter:title' content='A title'>"
        "<meta property='dc:creator twitter:site_name' content='Creator Name'>"
        "<meta name='author' content='Meta name author'>"
    )
    assert listed.title == "Preferred title" and listed.authors == ["Creator Name"]
    ordered = metadata(
        "<meta property='og:title' content='Open Graph title'><meta property='dc:title' content='DC title'>"
    )
    assert ordered.title == "DC title"


def test_an_organisation_is_no_author():
    found = metadata(
        "<meta name='author' content='Hanns-Seidel-Stiftung e.V.'>",
        "<h1>The headline of the story</h1><p><strong>Autorin: Uta Staschewski, Projektleiterin</strong></p>",
    )
    assert found.authors == [] and found.bylined == ["Uta Staschewski"]
    assert metadata("<meta name='author' content='Web Commerce GmbH'>").authors == []


@pytest.mark.parametrize(
    "byline",
    [
        "<span>By</span><span><a href='/team/alex'>Alex Bozarjian</a></span>",
        "<span class='screen-reader-text'>| By </span> <span>Cara Stiles</span> | <time>May 3</time>",
        "<p><em>Von <span>Cosima Künzel</span></em></p>",
    ],
)
def test_a_lead_word_alone_reads_with_the_name_after_it(byline):
    found = metadata("", f"<h1>The headline of the story</h1>{byline}")
    assert found.bylined[0] in ("Alex Bozarjian", "Cara Stiles", "Cosima Künzel")


def test_a_first_name_alone_gives_way_to_the_full_name_of_the_byline_line():
    found = metadata(
        "",
        "<h1>The headline of the story</h1><a href='/author/nils/'>Nils</a><p>Kolumne von Nils Pickert</p>",
    )
    assert found.authors == ["Nils Pickert"]
    other = metadata(
        "", "<h1>The headline of the story</h1><a href='/author/nils/'>Nils</a><p>Von Max Muster</p>"
    )
    assert other.authors == ["Nils"]


def test_names_a_byline_joins_are_apart():
    found = metadata("<meta name='author' content='Richard David Precht im Gespräch mit Karin Fischer'>")
    assert found.authors == ["Richard David Precht", "Karin Fischer"]
    assert metadata("<meta name='author' content='Anna Muster and Max Muster'>").authors == [
        "Anna Muster",
        "Max Muster",
    ]


def test_a_dates_month_or_weekday_after_a_name_is_left_out():
    found = metadata("", "<span class='author'>Von Tomas Spahn Fr, 20.12.2019</span>")
    assert found.authors == ["Tomas Spahn"]
    assert found.authors_or(["Nathan Willis March"]) == ["Tomas Spahn"]
    assert metadata("").authors_or(["Nathan Willis March"]) == ["Nathan Willis"]
    assert metadata("").authors_or(["Bruno Mars"]) == ["Bruno Mars"]  # two words stay


def test_a_role_before_a_name_is_left_out():
    found = metadata("<meta name='author' content='FOCUS-Online-Experte Robin Tschöpe'>")
    assert found.authors == ["Robin Tschöpe"]
    assert metadata("").authors_or(["Redakteurin Anna Muster"]) == ["Anna Muster"]
    assert metadata("").authors_or(["Autor Muster"]) == ["Autor Muster"]  # two words stay


def test_a_name_after_a_date_and_a_separator_is_the_byline():
    found = metadata("", "<h1>Variablen und ihr Zuhause</h1><p>11.12.2019 - Amelie Loevenich</p>")
    assert found.bylined == ["Amelie Loevenich"]
    assert metadata("", "<h1>Variablen und ihr Zuhause</h1><p>11.12.2019 - neue Regeln</p>").bylined == []


def test_the_copyright_holder_is_the_author_where_nothing_else_names_one():
    footer = "<footer><p>Copyright (c) 2012- Gregory Szorc. All rights reserved.</p></footer>"
    assert metadata("", footer).authors_or([]) == ["Gregory Szorc"]
    assert metadata("", footer).authors_or(["Jo Doe"]) == ["Jo Doe"]
    company = "<footer><p>© 2020 Muster Verlag GmbH. Alle Rechte vorbehalten.</p></footer>"
    assert metadata("", company).authors_or([]) == []
    assert metadata("", "<footer><p>© 2020 Axios Media.</p></footer>").authors_or([]) == []


def test_a_date_in_a_line_just_before_the_headline_or_in_the_address():
    before = metadata(
        "", "<p class='category'>24. April 2020 | Pressemitteilungen</p><h1>Olafur Eliasson</h1>"
    )
    assert before.dated == dt.date(2020, 4, 24)
    after = metadata("", "<p>24. April 2020</p><h1>Olafur Eliasson</h1><p>Berlin, 25. April 2020</p>")
    assert after.dated == dt.date(2020, 4, 25)
    addressed = metadata("<link rel='canonical' href='https://weisser-ring.de/meldungen/29-10-2021'>")
    assert addressed.dated == dt.date(2021, 10, 29)
    assert metadata(canonical("blog.org").replace("2020/a-story", "2019/05/07/a-story")).dated == dt.date(
        2019, 5, 7
    )
    assert metadata("<link rel='canonical' href='https://shop.org/item/31-02-2021'>").dated is None


def test_the_byline_the_reader_sees_wins_over_a_meta_tags_name():
    head = "<meta name='author' content='Paul Soldan'>"
    body = "<h1>Interview</h1><p><em>Ein Interview von <strong>Eugen Zentner</strong></em></p>"
    assert metadata(head, body).authors == ["Eugen Zentner"]
    assert metadata(head, "<h1>Interview mit Sonja Silberhorn</h1>").authors == ["Paul Soldan"]
    marked = "<h1>Interview</h1><span class='author'>Paul Soldan</span><p>Von Eugen Zentner</p>"
    assert metadata("", marked).authors == ["Paul Soldan"]  # visible markup is not overruled
    created = (
        "<h1>Podcasts in Plex</h1><p>Erstellt von <a href='/author/fabian/'>Fabian</a> am 6. Mai 2014</p>"
    )
    assert metadata("<meta name='author' content='Matthias Hille'>", created).authors == ["Fabian"]


def test_a_byline_that_names_the_site_gives_way_to_the_next_one():
    body = (
        "<h1>Management of intact forestlands</h1><p>by The Planetary Press</p>"
        "<p><em>By <a href='https://forestsnews.org/63537'>Julie Mollins</a></em></p>"
    )
    found = metadata("<meta property='og:site_name' content='The Planetary Press'>", body)
    assert found.bylined == ["Julie Mollins"]


def test_the_site_names_come_from_the_registered_domain():
    """bbc.co.uk is the BBC's domain: "bbc" and "bbccouk" name the site, "couk" (the country's
    second level) does not."""
    assert site_names(source="https://www.bbc.co.uk/news/uk-1") == {"bbc", "bbccouk"}
    assert site_names(source="https://news.bbc.co.uk/2/hi/uk.stm") == {"bbc", "bbccouk", "news"}
    assert site_names(source="https://deleuze.enacademic.com/1") == {"deleuze", "enacademic", "enacademiccom"}


def test_the_site_names_of_an_archived_copy_are_the_original_sites():
    archived = "https://web.archive.org/web/20120611024252/http://www.he.xinhuanet.com/news/1.htm"
    assert {"xinhuanet", "xinhuanetcom"} <= site_names(source=archived)
    assert "archive" not in site_names(source=archived)


def test_the_icons_host_names_the_site_only_where_the_page_states_no_address():
    icon = "<link rel='SHORTCUT ICON' href='http://musterclub.de/bbr/favicon.ico'>"
    title = "<title>EFC Musterclub Ulm - Die Weichen für die Zukunft - Presse - News</title>"
    assert metadata(title + icon).title == "Die Weichen für die Zukunft"
    icon = "<link rel='icon' href='https://static1.squarespace.com/favicon.ico'>"
    title = "<title>Why we left Squarespace | Example</title>"
    assert metadata(title + icon + canonical("example.com")).title == "Why we left Squarespace"


def test_a_site_name_with_accents_matches_its_plain_domain():
    found = metadata(
        "<meta property='og:title' content='Produkttester werden │ Nestlé Marktplatz'>"
        + canonical("nestle-marktplatz.de")
    )
    assert found.title == "Produkttester werden"


def test_the_byline_line_wins_over_trafilaturas_names_unless_they_hold_it():
    """trafilatura may take a commenter's or an editor's name where the byline line names the author; where
    its names hold the byline's name, they are the byline's co-authors too."""
    found = metadata("", "<h1>The headline of the story</h1><p>Posted by Konstantin</p>")
    assert found.authors_or(["Flappy Bird"]) == ["Konstantin"]
    assert found.authors_or(["Konstantin", "Jo Doe"]) == ["Konstantin", "Jo Doe"]
    assert metadata("", "<h1>The headline of the story</h1>").authors_or(["Jo Doe"]) == ["Jo Doe"]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("<p><strong>Text:</strong> Klausmartin Friedrich</p>", "Klausmartin Friedrich"),
        ("<table><tr><td><b>Text &amp; Fotos:</b> Ivan Valetny </td></tr></table>", "Ivan Valetny"),
        ("<div>About the Author - <span>Florina Ionescu</span></div>", "Florina Ionescu"),
        ("<div class='author'><p>Autor</p><p>Mark Newton:</p></div>", "Mark Newton"),
        ("<div>Geschrieben von<a href='/u/elisa'>Elisa Marvena</a></div>", "Elisa Marvena"),
        ("<p><b>WRITTEN BY:</b> Elisa Marvena</p>", "Elisa Marvena"),  # any case, as the label's pattern
        ("<p>GESCHRIEBEN VON <span>Elisa Marvena</span></p>", "Elisa Marvena"),
        ("<ul><li><a href='#a'>Author</a></li><li><a href='#p'>Recent Posts</a></li></ul>", None),  # tabs
        ("<p>Text:</p><p>the quick brown fox</p>", None),  # no name
        ("<div class='comment'><b>Autor:</b> Jo Commenter</div>", None),  # a comment's
    ],
)
def test_a_labelled_name_is_the_author_before_author_markup(body, name):
    """An author label's name wins over author classes elsewhere (image credits, teaser lists)."""
    credits = "<div class='teaser'><span class='author-name'>Nenad Stojkovic</span></div>"
    found = metadata("", f"{credits}<h1>The headline of the story</h1>{body}")
    assert found.authors == ([name] if name else ["Nenad Stojkovic"])


def test_a_heading_nested_thousands_deep_is_read():
    root = etree.Element("html")
    node = etree.SubElement(etree.SubElement(root, "body"), "h1")
    for _ in range(20_000):
        node = etree.SubElement(node, "span")
    node.text = "Ein tief verschachtelter Titel"
    assert (
        headline(root, [], "Ein tief verschachtelter Titel - Site", set()) == "Ein tief verschachtelter Titel"
    )


def _comment(name: str, *, by_post_author: bool, reply: str = "") -> str:
    classes = "comment byuser" + (" bypostauthor" if by_post_author else "")
    return (
        f"<li class='{classes}'><div class='comment-author vcard'><cite class='fn'>{name}</cite> said:</div>"
        f"<p>Thanks for reading this, and for the question.</p>{reply}</li>"
    )


def test_the_post_authors_own_comment_names_the_author_where_nothing_else_does():
    """WordPress marks the comments the post's author wrote ``bypostauthor``: their name is the author's
    (a username, even the blog's own name), after the byline line and before trafilatura's names."""
    reply = "<ul class='children'>" + _comment("MikeNils", by_post_author=True) + "</ul>"
    thread = "<ol class='commentlist'>" + _comment("Montana", by_post_author=False, reply=reply) + "</ol>"
    found = metadata("<meta property='og:site_name' content='happyface313'>", f"<h1>A test</h1>{thread}")
    assert found.authors_or(["D-Zug"]) == ["MikeNils"]
    own_blog = thread.replace("MikeNils", "happyface313")
    assert metadata("<meta property='og:site_name' content='happyface313'>", own_blog).authors_or([]) == [
        "happyface313"
    ]
    bylined = metadata("", f"<h1>A test</h1><p>Von Lisa Petrich</p>{thread}")
    assert bylined.authors_or([]) == ["Lisa Petrich"]
    assert metadata("", "<h1>A test</h1>" + thread.replace(" bypostauthor", "")).authors_or(["Jo Doe"]) == [
        "Jo Doe"
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a role in an element of its own below the name
        (
            "<div class='author'><a href='/author/ben'>Ben Silverman</a>"
            "<div class='author-title'>Games Editor</div></div>",
            ["Ben Silverman"],
        ),
        ("<div class='author'>Jane Doe<br>Staff Writer</div>", ["Jane Doe"]),
        # a label in a line of its own before the name; the name's inline parts stay together
        (
            "<aside class='author'><h4>About the author</h4><div><strong>Scott Cunningham</strong></div>"
            "<div>Senior Vice President of Technology</div></aside>",
            ["Scott Cunningham"],
        ),
        ("<p class='byline'>By <a href='/a'>Jane</a> Doe and <b>John Roe</b></p>", ["Jane Doe", "John Roe"]),
        # a role, a place or an agency after a comma; co-authors a comma joins
        ("<p class='byline'>By TOM KRISHER, AP Auto Writer</p>", ["TOM KRISHER"]),
        ("<p class='byline'>Analysis by Chris Cillizza, CNN Editor-at-large</p>", ["Chris Cillizza"]),
        ("<span class='author'>Jill Disis, CNN Business</span>", ["Jill Disis"]),
        (
            "<span class='author'>Markus Haefliger, London, Beat Bumbacher</span>",
            ["Markus Haefliger", "Beat Bumbacher"],
        ),
        (
            "<span class='author'>Posted by Nathan Parker, Varun Khaneja and Kiran C Nair - Chrome</span>",
            ["Nathan Parker", "Varun Khaneja", "Kiran C Nair"],
        ),
        (
            "<span class='author'>MEG KINNARD, ERRIN HAINES, Associated Press</span>",
            ["MEG KINNARD", "ERRIN HAINES"],
        ),
        ("<span class='author'>Schmitz, Karin</span>", ["Schmitz, Karin"]),  # surname first stays whole
    ],
)
def test_roles_places_and_agencies_beside_a_name_are_left_out(body, expected):
    assert metadata("", f"<h1>The headline of the story</h1>{body}").authors == expected


def test_an_agency_is_no_person_and_is_cut_off_after_a_name():
    assert metadata("<meta name='author' content='Associated Press'>").authors == []
    assert metadata("").authors_or(["JILL LAWLESS Associated Press"]) == ["Jill Lawless"]
    assert metadata("").authors_or(["Reuters"]) == ["Reuters"]  # the last resort, as the site


def test_a_username_or_a_first_name_gives_way_to_the_full_name_the_page_writes():
    """A username's parts as a written name's first and last words; a first name alone and the word after
    it in an author element (an author box); nothing where the page writes no such name."""
    handle = json_ld('{"@type": "NewsArticle", "author": "christian.stadtfeld"}')
    closing = (
        "<h1>Die Wahl</h1><p>Die Gemeinde bleibt spannend. <strong>(Christian P. Stadtfeld)</strong></p>"
    )
    assert metadata(handle, closing).authors == ["Christian P. Stadtfeld"]
    assert metadata(handle, "<h1>Die Wahl</h1>").authors == ["christian.stadtfeld"]
    box = (
        "<div class='byline'><a class='author' href='/author/nuts/'>Stefanus →</a></div>"
        "<div class='author-box'><p>Stefanus Stahl - Maschinenbauer und Abenteurer</p></div>"
    )
    assert metadata("", f"<h1>Tubeless</h1>{box}").authors == ["Stefanus Stahl"]
    elsewhere = box.replace("author-box", "teaser")
    assert metadata("", f"<h1>Tubeless</h1>{elsewhere}").authors == ["Stefanus"]


def test_reviewers_and_site_accounts_are_no_authors():
    reviewed = "<a class='author' href='/author/sf/'>Geprüft von Dr. med. Stefan Frädrich</a>"
    assert metadata("", f"<h1>Innere Zufriedenheit</h1>{reviewed}").authors == []
    checked = (
        "<span class='author'>Medically reviewed by Jane Doe, MD</span><span class='author'>Jo Roe</span>"
    )
    assert metadata("", f"<h1>Sleep</h1>{checked}").authors == ["Jo Roe"]
    assert metadata("<meta name='author' content='Super User'>").authors == []
    assert metadata("", "<h1>Rezept</h1><p class='byline'>By admin</p>").authors_or([]) == []


def test_trafilaturas_names_lose_their_lead_word_in_any_language():
    assert metadata("").authors_or(["Par Sébastien Farcis"]) == ["Sébastien Farcis"]
    assert metadata("").authors_or(["Von Lisa Petrich"]) == ["Lisa Petrich"]


def test_a_word_the_sites_name_starts_with_is_the_site_not_a_person():
    """Blogger's profile link names the company ("Google" on googleblog.com); the byline's authors in a
    ``byline-author`` element are the authors."""
    body = (
        "<h1>Safe Browsing</h1><a rel='author' href='https://plus.google.com/1123'>Google</a>"
        "<span class='byline-author'>Posted by Nathan Parker and Eric Mill - Chrome</span>"
    )
    found = metadata(canonical("googleblog.com"), body)
    assert found.authors == ["Nathan Parker", "Eric Mill"]
    assert found.authors_or([]) == ["Nathan Parker", "Eric Mill"]
    assert metadata(canonical("googleblog.com")).authors_or(["BY: Google"]) == ["Google"]  # the last resort
    assert metadata(canonical("annasblog.org")).authors_or(["Anna Berg"]) == ["Anna Berg"]  # two words


def test_initials_give_way_to_the_name_their_authors_page_holds():
    """ "DT" linking to /author/donaldtownsend/ is the "Donald Townsend" the page writes; not without the
    link's address, nor another name with the same initials."""
    byline = "<h1>Nach langer Zeit</h1><p>Posted by <a rel='author' href='/author/donaldtownsend/'>DT</a></p>"
    widget = "<aside><p>Über mich: <a href='/about'>Donald Townsend</a></p></aside>"
    assert metadata("", byline + widget).authors == ["Donald Townsend"]
    assert metadata("", byline + widget.replace("Donald Townsend", "Deutsche Telekom")).authors == ["DT"]
    unlinked = byline.replace("/author/donaldtownsend/", "/about")
    assert metadata("", unlinked + widget).authors_or([]) == ["DT"]


def test_a_name_is_given_once_and_without_the_signs_around_it():
    body = "<h1>Zapfsäulen</h1><span class='author'>~ Cem Basman</span><span class='author'>Cem Basman</span>"
    assert metadata("", body).authors == ["Cem Basman"]
    spelled = "<span class='author'>Maria Preuß</span><span class='author'>Maria Preuss</span>"
    assert metadata("", f"<h1>Selfcare</h1>{spelled}").authors == ["Maria Preuß"]


def test_a_first_name_the_sites_name_starts_with_is_no_brand_unless_a_site_word_follows():
    """ "Google" on googleblog.com is the company; "Anna" on annaschmidt.de is the blogger."""
    anna = metadata(canonical("annaschmidt.de"), "<h1>Mein Garten</h1><a rel='author' href='/about'>Anna</a>")
    assert anna.is_person("Anna") and anna.authors_or([]) == ["Anna"]
    assert not metadata(canonical("googleblog.com")).is_person("Google")
    assert not metadata(canonical("heisenews.de")).is_person("Heise")


def test_a_surname_that_is_a_word_of_saying_stays_on_the_post_authors_comment():
    thread = "<ol class='commentlist'>" + _comment("Edward Said", by_post_author=True) + "</ol>"
    assert metadata("", f"<h1>A test</h1>{thread}").authors_or([]) == ["Edward Said"]
    assert metadata(
        "", f"<h1>A test</h1>{thread.replace('</cite> said:', ' says:</cite>')}"
    ).comment_signer == ["Edward Said"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # the article as a web page's main entity
        ('{"@type": "WebPage", "mainEntity": {"@type": "Article", "author": "Liesa Oguz"}}', ["Liesa Oguz"]),
        # a type named with its vocabulary
        ('{"@type": "http://schema.org/NewsArticle", "author": "Jane Doe"}', ["Jane Doe"]),
        ('{"@type": ["schema:BlogPosting"], "author": "Jane Doe"}', ["Jane Doe"]),
        # a subtype of Article beyond the common ones
        ('{"@type": "OpinionNewsArticle", "author": {"@type": "Person", "name": "Jane Doe"}}', ["Jane Doe"]),
        # a person's name in parts
        ('{"@type": "Article", "author": {"givenName": "Jane", "familyName": "Doe"}}', ["Jane Doe"]),
        # an organisation of any kind is no author; the person beside it is
        (
            '{"@type": "NewsArticle", "author": [{"@type": "NewsMediaOrganization", "name": "The Ledger"},'
            ' {"@type": "Person", "name": "Jane Doe"}]}',
            ["Jane Doe"],
        ),
        # Organization's subtypes not named "...Organization" are no author either
        ('{"@type": "NewsArticle", "author": {"@type": "Corporation", "name": "Acme Inc"}}', []),
        ('{"@type": "NewsArticle", "author": [{"@type": "NGO", "name": "Oxfam"}, "Jane Doe"]}', ["Jane Doe"]),
        ('{"@type": "Article", "author": {"@type": ["LocalBusiness"], "name": "Bäckerei Roth"}}', []),
        # a person's type written in lower case is still a person
        ('{"@type": "Article", "author": {"@type": "person", "name": "Jane Doe"}}', ["Jane Doe"]),
        # an empty type names no type, and spaces around one do not hide it
        ('{"@type": "Article", "author": {"@type": "", "name": "Jane Doe"}}', ["Jane Doe"]),
        ('{"@type": "Article", "author": {"@type": [" Person "], "name": "Jane Doe"}}', ["Jane Doe"]),
        ('{"@type": " Article ", "author": {"@type": ["schema:"], "name": "Jane Doe"}}', ["Jane Doe"]),
    ],
)
def test_json_ld_articles_and_their_authors_are_read(data, expected):
    assert metadata(json_ld(data)).authors == expected


@pytest.mark.parametrize(
    ("head", "body"),
    [
        # meta names in any case
        ("<meta name='Author' content='Jane Doe'>", ""),
        ("<meta name='DCTERMS.creator' content='Jane Doe'>", ""),
        # microdata's name in a meta element: its content
        ("", "<div itemprop='author' itemscope><meta itemprop='name' content='Jane Doe'></div>"),
    ],
)
def test_author_tags_in_any_case_and_microdata_meta_values_are_read(head, body):
    assert metadata(head, body).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        # the site's name as its logo's home link shows it, after the headline
        ("<a href='/'><img alt='Ethify' src='logo.png'></a>", "Vegetarian for a year"),
        ("<a href='https://www.greenplates.org/' title='Ethify'>Home</a>", "Vegetarian for a year"),
        # another site's home link names that site, not this one
        ("<a href='https://ethify.net/'>Ethify</a>", "Vegetarian for a year | Ethify"),
    ],
)
def test_a_title_part_the_home_link_names_is_the_site(link, expected):
    head = "<title>Vegetarian for a year | Ethify</title>" + canonical("greenplates.org")
    assert metadata(head, f"<header>{link}</header>").title == expected


def test_a_heading_link_that_does_not_parse_is_no_home_link():
    assert metadata("", "<h1><a href='http://[cookie-preferences]/'>A story</a></h1>").title == "A story"


@pytest.mark.parametrize(
    ("title", "host"),
    [
        ("Einblick in die Theorie von Lawinen - Bächli-Bergsport", "baechli-bergsport.ch"),
        ("Einblick in die Theorie von Lawinen | Ørsted", "orsted.de"),
    ],
)
def test_a_site_name_matches_its_address_spelled_out(title, host):
    found = metadata(f"<title>{title}</title>" + canonical(host))
    assert found.title == "Einblick in die Theorie von Lawinen"


def test_a_text_without_a_letter_is_no_name():
    body = "<ol><li class='author'>25.</li></ol><p><a href='/author/jane-doe/'>Jane Doe</a></p>"
    assert metadata("", body).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By TOM KRISHER, AP Auto Writer", ["Tom Krisher"]),
        ("By JEAN-LUC O'NEIL", ["Jean-Luc O'Neil"]),
        ("By Jane DOE", ["Jane DOE"]),  # not all in capitals: as written
    ],
)
def test_a_byline_in_capitals_gives_the_name_in_name_case(byline, expected):
    assert metadata("", f"<p class='byline'>{byline}</p>").authors_or([]) == expected


def test_a_title_part_that_ends_with_a_legal_form_is_the_site():
    head = "<title>Norddeutschland findet seine Meister - Berliner Leichtathletik Verband e.V.</title>"
    assert metadata(head).title == "Norddeutschland findet seine Meister"


@pytest.mark.parametrize(
    "head",
    [
        "<meta name='DCTERMS.title' content='The council meets again'>",
        "<meta itemprop='headline' content='The council meets again'>",
    ],
)
def test_dc_titles_in_any_case_and_a_microdata_meta_headline_are_titles(head):
    assert metadata(head + "<title>Other words | Site</title>").title == "The council meets again"


def test_json_ld_nested_deep_is_read_or_passed_over_without_an_error():
    deep = '{"mainEntity": ' * 900 + '{"@type": "Article", "author": "Jane Doe"}' + "}" * 900
    assert metadata(json_ld(deep)).authors == ["Jane Doe"]
    listed = '{"@type": "Article", "author": ' + "[" * 900 + '"Jane Doe"' + "]" * 900 + "}"
    assert metadata(json_ld(listed)).authors == ["Jane Doe"]
    too_deep = "[" * 100_000 + "]" * 100_000  # deeper than the decoder goes: no JSON-LD, no error
    assert metadata(json_ld(too_deep) + json_ld('{"@type": "Article", "author": "Jane Doe"}')).authors == [
        "Jane Doe"
    ]


def test_a_stated_address_that_does_not_parse_is_passed_over():
    head = "<link rel='canonical' href='http://[cookie-preferences]/'><title>A story about the bridge</title>"
    found = metadata(head)
    assert found.source is None
    assert found.title == "A story about the bridge"


@pytest.mark.parametrize("agency", ["ČTK", "ANSA", "PAP", "Belga", "Lusa", "Xinhua", "Kyodo", "TASS"])
def test_a_link_to_an_agencys_author_page_names_no_person(agency):
    links = (
        "<a href='https://www.example.cz/autori/ales-vavra'>Aleš Vávra</a>, "
        f"<a href='https://www.example.cz/autori/agentura'>{agency}</a>"
    )
    body = f"<h1>Titulek článku o něčem</h1><p>Autoři: {links}</p><p>Text článku je tady a pokračuje dál.</p>"
    assert metadata("", body).authors == ["Aleš Vávra"]
