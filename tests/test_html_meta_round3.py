"""Stop 19's third round of generic title and author rules, each on synthetic pages shaped as the
markup it follows, with look-alikes that must not trigger it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from metadata_pages import page_metadata

from export.readers.html.metadata import PageMetadata


def metadata(body: str, head: str = "") -> PageMetadata:
    return page_metadata(head, body)


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
