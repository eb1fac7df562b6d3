"""Labels that real themes print (Hugo Stack and Blowfish, Nikola; sources in the tables' headers) leave the
article text; article sentences that start with the same words stay (synthetic blocks)."""

from __future__ import annotations

from article_pages import PAGE, SENTENCE

from export.model import Heading, ListBlock, ListItem, Paragraph, Span
from export.readers.html.tidy import tidy_blocks
from export.readers.html.trim import trim_article


def teasers() -> ListBlock:
    story = "Another story"
    return ListBlock([ListItem([Paragraph(story, spans=[Span(0, len(story), "link", "/another.html")])])])


def test_theme_related_labels_go_with_their_links_and_sentences_alike_stay():
    blocks = [
        Paragraph(SENTENCE),
        Heading("Verwandte Inhalte"),  # Stack, de
        teasers(),
        Paragraph(SENTENCE),
        Heading("Relacionados"),  # Blowfish, es
        teasers(),
        Paragraph(SENTENCE),
        Paragraph("Weiterlesen"),  # Nikola, de
        teasers(),
        Paragraph(SENTENCE),
        Heading("Relacionados con el caso"),  # a section of the article: the label is one only alone
        Paragraph("Weiterlesen lohnt sich, denn der zweite Teil erklärt die Zahlen."),  # a sentence
        Paragraph("Más publicaciones sobre el tema aparecieron después de las elecciones."),
    ]
    kept = trim_article(blocks, PAGE)
    assert kept == [blocks[0], blocks[3], blocks[6], blocks[9], blocks[10], blocks[11], blocks[12]]


def test_theme_share_and_post_navigation_lines_go_sentences_alike_stay():
    furniture = [
        "Auf Facebook teilen",
        "Compartir en LinkedIn:",
        "Previous post",
        "Nächster Eintrag",
        "Pin on Pinterest",
        "Föregående inlägg",
        "Предыдущая запись",
    ]
    article = [
        "The previous post explained why the next post would matter.",
        "Compartir en Facebook es fácil, dijo la portavoz.",
        "Auf Facebook teilen viele Nutzer solche Bilder.",
        "Nästa inlägg handlar om skatterna i kommunen.",
    ]
    blocks = [Paragraph(SENTENCE)] + [Paragraph(text) for text in furniture + article]
    kept = [block.text for block in tidy_blocks(blocks) if isinstance(block, Paragraph)]
    assert kept == [SENTENCE, *article]


def test_theme_words_that_are_also_ordinary_headings_stay():
    # a hi-fi review's driver headings; a Dutch section "Delen" ("parts"): themes print both as share buttons
    blocks = [Paragraph(SENTENCE), Heading("Woofer"), Paragraph(SENTENCE), Heading("Tweeter")]
    blocks += [Paragraph(SENTENCE), Heading("Delen"), Paragraph(SENTENCE)]
    assert tidy_blocks(blocks) == blocks
