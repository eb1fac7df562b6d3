"""Stop 19's third round of generic title and author rules, each on synthetic pages shaped as the
markup it follows, with look-alikes that must not trigger it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from metadata_pages import body_metadata as metadata
from metadata_pages import page_metadata

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from corpus_pages import time_limit

from export.readers.html.header_lines import byline_name


@pytest.mark.parametrize("path", ["auteur", "auteurs", "autore", "autori", "autores", "autorzy", "forfatter"])
def test_a_link_to_an_author_page_in_another_language_names_the_author(path):
    # WordPress' author base translated ("/auteur/jeanne-dupont/"), as French, Italian, Spanish, Polish and
    # Danish news CMSs name their authors' pages
    link = f"<a href='https://example.org/{path}/jeanne-dupont/'>Jeanne Dupont</a>"
    body = f"<h1>Titre</h1><p>{link}</p><p>Texte.</p>"
    assert metadata(body).authors_or([]) == ["Jeanne Dupont"]


@pytest.mark.parametrize("address", ["/auteurs-du-monde/", "/autoriser/", "/editorial/"])
def test_a_link_whose_address_only_starts_like_an_author_page_names_no_author(address):
    body = f"<h1>Titre</h1><p><a href='https://example.org{address}'>Jeanne Dupont</a></p><p>Texte.</p>"
    assert metadata(body).authors_or([]) == []


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Artikel von <span>Alexa von Heyden</span>", "Alexa von Heyden"),
        ("Von Ursula von der Leyen", "Ursula von der Leyen"),
        ("Par Jean de la Fontaine", "Jean de la Fontaine"),
        ("Par Jeanne Dupont le 3 mai 2021", "Jeanne Dupont"),
    ],
)
def test_a_byline_line_keeps_the_particles_of_a_name(line, name):
    # a news theme's header: headline, then "Artikel von" and the name in an element of its own
    body = f"<article><h1>Sneaker-Trend</h1><div>{line}</div><p>Der Text des Artikels.</p></article>"
    assert metadata(body).authors_or([]) == [name]


@pytest.mark.parametrize(
    "line",
    ["Vom Grätzltelefon zu Cloud Lösungen", "Von Berlin der Stadt nach Hamburg", "By Jane Doe in Politics"],
)
def test_nouns_a_particle_joins_are_no_byline(line):
    body = f"<article><h1>Titel</h1><div>{line}</div><p>Der Text des Artikels.</p></article>"
    assert metadata(body).authors_or([]) == []


@pytest.mark.parametrize(
    "line",
    ["Bad Homburg, 01.12.2021", "Zürich, 01.12.2021", "Jane Doe, 01.12.2021 und mehr", "Aktuell: 01.12.2021"],
)
def test_words_before_a_date_in_figures_are_no_byline(line):
    # a press release's dateline looks like a name before a date, so neither is read as a byline
    body = f"<div><h1>Lawinen</h1><p class='meta'>{line}</p><p>Der Text des Artikels.</p></div>"
    assert metadata(body).authors_or([]) == []


def title_on(address: str, element: str) -> str | None:
    """The headline of a page that states nothing but its ``title`` element and its address."""
    head = f"<title>{element}</title><link rel='canonical' href='{address}'>"
    return page_metadata(head, "<p>Der Text des Artikels.</p>", lang="de").title


@pytest.mark.parametrize(
    ("address", "element", "expected"),
    [
        # the site's name before a colon (a press room's "BDZV: ...", Blogger's "Blog's Name: Post's Title")
        (
            "https://www.bdzv.de/a",
            "BDZV: Olafur Eliasson gestaltet Titelseite",
            "Olafur Eliasson gestaltet Titelseite",
        ),
        ("https://www.bdzv.de/a", "BDZV: Eliasson gestaltet", "BDZV: Eliasson gestaltet"),
        (
            "https://example.org/a",
            "Saving Data: Reducing the Size of Apps",
            "Saving Data: Reducing the Size of Apps",
        ),
        # the site's name without its small joining words, as its address writes it
        ("https://www.gruene-bundestag.de/a", "COP26 in Glasgow: Grüne im Bundestag", "COP26 in Glasgow"),
        ("https://www.gruene-bundestag.de/a", "COP26 in Glasgow - Grüne im Bundestag", "COP26 in Glasgow"),
        (
            "https://www.gruene-bundestag.de/a",
            "Grüne Welle im Verkehr - Ein Bericht",
            "Grüne Welle im Verkehr - Ein Bericht",
        ),
        (
            "https://tv-orange.de/a",
            "Future of Hope - Island befreit sich - der Film",
            "Future of Hope - Island befreit sich - der Film",
        ),
        # a shop's name after "bei", "at", "chez" at the title's end
        (
            "https://www.zooroyal.de/a",
            "Trixie Kleintierstall mit Gehege bei ZooRoyal",
            "Trixie Kleintierstall mit Gehege",
        ),
        ("https://www.shop.com/a", "Garden Chairs and Tables at Shop", "Garden Chairs and Tables"),
        ("https://example.org/a", "Ein Abend bei Freunden in Berlin", "Ein Abend bei Freunden in Berlin"),
        ("https://www.zooroyal.de/a", "Bei ZooRoyal kaufen", "Bei ZooRoyal kaufen"),
    ],
)
def test_a_sites_name_at_a_titles_start_or_end_is_cut(address, element, expected):
    assert title_on(address, element) == expected


@pytest.mark.parametrize(
    "element",
    ["bei " * 50_000 + "ZooRoyal", "BDZV: " * 50_000, "im " * 50_000 + "Bundestag", "a - " * 30_000],
)
def test_long_titles_of_repeated_words_are_read_in_linear_time(element):
    # a hang guard, not a speed goal
    with time_limit(60):
        title_on("https://www.zooroyal.de/a", element)


@pytest.mark.parametrize(
    "line", ["Von Jane " + "von " * 50_000 + "Doe, 01.12.2021", "Jane" + "-Doe" * 50_000 + ", 01.12.2021"]
)
def test_a_long_byline_line_is_read_in_linear_time(line):
    # header_lines keeps lines of 80 characters at most; byline_name itself is linear in any line
    with time_limit(60):
        byline_name([line], lambda name: True)
