"""A Drupal author field (metadata.tsv): core's field template prints a field's machine name as a class,
"field--name-field-author" (Drupal 8+, ``core/themes/classy/templates/field/field.html.twig``, GPL-2.0)
or "field-name-field-author" (Drupal 7); a site's own author field ends so ("field-term-author")."""

from __future__ import annotations

import pytest
from metadata_pages import body_metadata as metadata

PARAGRAPH = "<p>Text of the article.</p>"


@pytest.mark.parametrize(
    "classes",
    [
        # helmholtz-klima.de's meta line, beside the date
        "field field--name-field-term-author field--type-entity-reference field--label-hidden field--item",
        "field field--name-field-author field--type-string",
        "field field-name-field-autor field-type-text",  # Drupal 7
        "field field--name-field-article-authors",
    ],
)
def test_a_drupal_author_field_names_the_author(classes):
    body = (
        f"<h1>Headline</h1><div class='meta'><h5 class='{classes}'>Christian Mihatsch</h5></div>{PARAGRAPH}"
    )
    assert metadata(body).authors_or([]) == ["Christian Mihatsch"]


@pytest.mark.parametrize(
    "classes",
    [
        "field field--name-field-author-image field--type-image",  # the author's picture field
        "field field--name-field-author-bio",
        "post-author",  # no Drupal field
        "field field--name-field-tags",
    ],
)
def test_a_field_that_is_no_author_field_names_no_author(classes):
    body = f"<h1>Headline</h1><div class='{classes}'>Christian Mihatsch</div>{PARAGRAPH}"
    assert metadata(body).authors_or([]) == []


def test_an_author_field_in_a_comment_names_no_author():
    field = "<span class='field field--name-field-author'>Jo Commenter</span>"
    body = f"<h1>Headline</h1>{PARAGRAPH}<div class='comment'>{field}<p>Nice.</p></div>"
    assert metadata(body).authors_or([]) == []
