"""The byline words of byline_words.tsv as themes print them (Ghost's theme translations, TryGhost/Themes,
MIT; Hugo's Blowfish theme, nunocoracao/blowfish, MIT: the files are named in the table), each with a
look-alike that must stay no author."""

from __future__ import annotations

import pytest
from metadata_pages import body_metadata as metadata

from export.readers.html.header_lines import AUTHOR_LABEL, LABEL_PARTS, LABELS, LEAD_WORDS

HEADLINE = "<h1>The headline of the story</h1>"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        # Ghost's "By {primaryAuthor}" and "Published by:" in German, French, Spanish, Russian.
        ("Von Jana Schmidt", "Jana Schmidt"),
        ("Veröffentlicht von: Jana Schmidt", "Jana Schmidt"),
        ("Publié par : Jeanne Dupont", "Jeanne Dupont"),
        ("Publicado por: Lucía Gómez", "Lucía Gómez"),
        ("Автор: Иван Петров", "Иван Петров"),
        ("Авторы: Иван Петров", "Иван Петров"),
        # Blowfish's author byline titles as labels before the name.
        ("Autore: Mario Rossi", "Mario Rossi"),
        ("Forfatter: Jens Hansen", "Jens Hansen"),
        ("Författare: Anna Lindqvist", "Anna Lindqvist"),
        # Look-alikes: the word in a sentence, a lower-case word after it, a role, a compound.
        ("Par exemple, la ville est belle.", None),
        ("Il est venu par Jean Dupont hier soir.", None),
        ("Від міста до села", None),
        # Ukrainian "Від" is also "from": not a lead word (Ghost's uk.json prints it for "By").
        ("Від Редакції", None),
        ("Від Зеленського — 12:30", None),
        ("Від Києва — 30 хвилин", None),
        ("Forfatteren Jens Hansen skriver om byen.", None),
        ("Autore del libro", None),
    ],
)
def test_a_byline_line_in_a_themes_words_names_the_author(line: str, name: str | None) -> None:
    found = metadata(f"{HEADLINE}<p>{line}</p>")
    assert found.authors_or([]) == ([name] if name else [])


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Autore", "Mario Rossi"),
        ("Auteur :", "Jeanne Dupont"),
        ("Forfatter", "Jens Hansen"),
        ("FÖRFATTARE", "Anna Lindqvist"),
        ("Автор", "Иван Петров"),
    ],
)
def test_a_themes_author_label_in_an_element_of_its_own_names_the_author(label: str, name: str) -> None:
    credits = "<div class='teaser'><span class='author-name'>Nenad Stojkovic</span></div>"
    found = metadata(f"{credits}{HEADLINE}<div><span>{label}</span> <span>{name}</span></div>")
    assert found.authors == [name]


@pytest.mark.parametrize(
    "text", ["Forfatteren", "Author Guidelines", "Autorenrichtlinien", "Авторское право"]
)
def test_a_word_that_starts_like_a_label_is_none(text: str) -> None:
    assert not AUTHOR_LABEL.fullmatch(text)


def test_the_leads_hold_the_tables_one_word_labels_and_no_italian_di() -> None:
    leads = LEAD_WORDS.split("|")
    assert {"by", "von", "autore", "forfatter", "автор"} <= set(leads)
    assert "di" not in leads  # German "Di" (Dienstag) before a weekday's short name: see docs/page-reader.md


def test_each_label_holds_a_part_that_the_label_texts_are_found_by() -> None:
    for label in LABELS:
        assert any(part in label for part in LABEL_PARTS), label
