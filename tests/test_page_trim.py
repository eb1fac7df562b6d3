"""What the page reader leaves out of a saved page's article text: teaser links between paragraphs, lists
of the site's other pages, notes after the article's end (synthetic pages and blocks)."""

from __future__ import annotations

from pathlib import Path

from article_pages import PAGE, SENTENCE, saved_page, texts

from export.model import Heading, ListBlock, ListItem, Paragraph, Picture, Span
from export.readers.html.page import read_html, read_html_page
from export.readers.html.trim import NOTE_WORDS, trim_article
from export.readers.origin import Origin, PageInput


def linked(text: str, target: str, start: int = 0) -> Paragraph:
    """A paragraph whose text from ``start`` on is one link to ``target``."""
    return Paragraph(text, spans=[Span(start, len(text), "link", target)])


def saved_text(tmp_path: Path, body: str) -> str:
    """The article text the page reader gives for a saved page at ``PAGE`` whose post holds ``body``."""
    path = saved_page(tmp_path, body, f"<link rel='canonical' href='{PAGE}'>")
    return "\n".join(texts(read_html_page(path).sections[0].blocks))


def test_a_short_paragraph_that_is_one_link_after_a_label_is_a_teaser():
    blocks = [
        Paragraph(SENTENCE),
        linked("Read more: Another story of the same site", "/2024/05/another.html", len("Read more: ")),
        linked("Lesen Sie auch", "https://other.example.org/x"),
        Paragraph(SENTENCE),
    ]
    assert texts(trim_article(blocks, PAGE)) == [SENTENCE, SENTENCE]


def test_links_that_show_an_address_and_links_inside_a_sentence_stay():
    reference = linked("http://www.openpetition.de", "http://www.openpetition.de")
    sentence = Paragraph(f"See {SENTENCE}", spans=[Span(4, 20, "link", "/a.html")])
    long_link = linked("A" * 151, "/long.html")
    blocks = [Paragraph(SENTENCE), reference, sentence, long_link, Paragraph(SENTENCE)]
    assert trim_article(blocks, PAGE) == blocks


def test_a_list_of_links_to_the_site_own_pages_goes_one_to_other_sites_stays():
    def listing(*targets: str) -> ListBlock:
        return ListBlock([ListItem([linked(f"Story {n}", target)]) for n, target in enumerate(targets)])

    related = listing("https://www.example.com/one.html", "/two.html", "https://example.com/three")
    sources = listing("https://science.example.org/paper", "https://journal.example.net/article")
    mixed = ListBlock([ListItem([linked("Story", "/one.html")]), ListItem([Paragraph("A plain item")])])
    single = listing("/only.html")
    blocks = [Paragraph(SENTENCE), related, sources, mixed, single, Paragraph(SENTENCE)]
    assert trim_article(blocks, PAGE) == [Paragraph(SENTENCE), sources, mixed, single, Paragraph(SENTENCE)]


def test_sites_under_a_country_second_level_domain_are_told_apart():
    def listing(*targets: str) -> ListBlock:
        return ListBlock([ListItem([linked(f"Story {n}", target)]) for n, target in enumerate(targets)])

    page = "https://www.paper.co.uk/news/story"
    own = listing("https://sport.paper.co.uk/a", "/b.html")
    others = listing("https://www.other.co.uk/a", "https://news.another.co.uk/b")
    blocks = [Paragraph(SENTENCE), own, others, Paragraph(SENTENCE)]
    assert trim_article(blocks, page) == [Paragraph(SENTENCE), others, Paragraph(SENTENCE)]


def test_notes_among_the_last_blocks_go_the_article_before_them_stays():
    notes = [
        Paragraph("Subscribe now to our print edition for the full story."),
        Paragraph("Jo Smith"),  # a short line between notes is passed over
        Heading("Folgen Sie uns auf Twitter"),
        Paragraph("© 2024 Example News. All rights reserved."),
    ]
    blocks = [Paragraph(SENTENCE + "Our subscribers read it first."), Paragraph(SENTENCE), *notes]
    assert texts(trim_article(blocks, PAGE)) == [blocks[0].text, SENTENCE, "Jo Smith"]


def test_a_note_word_far_from_the_end_in_a_quotation_or_a_long_paragraph_stays():
    quoted = Paragraph("“Who will still pay for a digital subscription?” she asks.")
    long_one = Paragraph(SENTENCE * 4 + "Follow the money.")
    early = Paragraph("Subscribe to the newsletter.")
    blocks = [early, *[Paragraph(SENTENCE)] * 4, long_one, quoted]
    assert trim_article(blocks, PAGE) == blocks
    blocks = [Paragraph(SENTENCE), quoted, Paragraph(SENTENCE * 5)]
    assert trim_article(blocks, PAGE) == blocks


def test_note_words_are_whole_words():
    assert NOTE_WORDS.search("Subscribers get it first") and NOTE_WORDS.search("Copyright 2020")
    assert not NOTE_WORDS.search("the followers of the band") and not NOTE_WORDS.search("a login form")
    assert not NOTE_WORDS.search("finanziell unterstützt") and NOTE_WORDS.search("Unterstütze uns")


def test_a_saved_page_loses_its_teasers_and_closing_notes(tmp_path: Path):
    body = (
        f"<p>{SENTENCE * 3}</p><p>Mire: <a href='/otra-noticia'>Otra noticia del mismo sitio</a></p>"
        f"<p>{SENTENCE * 3}</p><ul><li><a href='/uno'>Uno</a></li><li><a href='/dos'>Dos</a></li></ul>"
        f"<p>{SENTENCE * 2}</p><p><em>Follow the Example Times on Twitter and Instagram.</em></p>"
    )
    text = saved_text(tmp_path, body)
    assert SENTENCE.strip() in text
    assert "Otra noticia" not in text and "Uno" not in text and "Follow" not in text


def test_a_related_label_goes_with_the_links_and_pictures_right_after_it():
    teasers = linked("Why the story goes on: four reasons, and what the others say about them", "/more.html")
    blocks = [
        Paragraph(SENTENCE),
        Heading("Auch auf example.com"),
        teasers,
        Picture(None, alt=""),
        Paragraph("By Jo Smith"),
        Paragraph(SENTENCE),
        Paragraph("Mehr Themen:"),
    ]
    assert texts(trim_article(blocks, PAGE)) == [SENTENCE, SENTENCE]


def test_a_related_label_over_the_article_own_text_goes_alone_and_like_words_stay():
    blocks = [
        Heading("Most read in world news"),
        Paragraph("Tourists were stranded in the town as a result."),  # short, but the article's
        Heading("Relatedness of the two findings"),
        Paragraph("Related posts on this topic were written by the same author over many years."),
    ]
    assert texts(trim_article(blocks, PAGE)) == texts(blocks[1:])


def test_a_saved_page_loses_a_related_label_and_its_links(tmp_path: Path):
    teaser = (
        "<p><a href='https://other.example.org/story'>Another long story from another site, told at length "
        "over many paragraphs and pictures</a> and a few words after the link.</p>"
    )
    body = f"<p>{SENTENCE * 3}</p><p>{SENTENCE * 3}</p><h3>Lesen Sie auch:</h3>{teaser}<p>{SENTENCE * 2}</p>"
    text = saved_text(tmp_path, body)
    assert SENTENCE.strip() in text
    assert "Lesen Sie" not in text and "Another long story" not in text


def test_a_credit_line_goes_unless_it_follows_a_picture_the_book_shows():
    shown = Picture("images/one.jpg", alt="A boat")
    blocks = [
        Paragraph("Foto: unsplash/Jo Smith"),
        Paragraph(SENTENCE),
        Paragraph("(Bild: Hersteller)"),
        Picture(None, alt="A harbour"),
        Paragraph("© Agency/Photographer"),
        shown,
        Paragraph("Photo: Jo Smith"),
        Paragraph("Fotografie ist ihr Beruf: Jo Smith lebt davon."),  # no label: the article's
        Paragraph("Bild: " + SENTENCE * 2),  # too long for a credit
    ]
    kept = trim_article(blocks, PAGE)
    assert kept == [blocks[1], blocks[3], shown, blocks[6], blocks[7], blocks[8]]


def test_a_credit_line_after_a_picture_fetched_later_stays():
    """A fetched page's pictures have only their address when the text is trimmed; they are shown."""
    remote = Picture(None, alt="A boat", address="https://example.org/boat.jpg")
    blocks = [Paragraph(SENTENCE), remote, Paragraph("Foto: Jo Smith"), Paragraph(SENTENCE)]
    assert trim_article(blocks, PAGE, pictures_fetched=True) == blocks
    assert trim_article(blocks, PAGE) == [blocks[0], remote, blocks[3]]  # a saved page's: never fetched
    body = (
        f"<p>{SENTENCE * 3}</p><img src='/boat.jpg' alt='A boat'><p>Foto: Jo Smith</p><p>{SENTENCE * 3}</p>"
    )
    html = f"<html><head><title>T</title></head><body><article>{body}</article></body></html>"
    fetched = read_html(PageInput(html.encode(), Origin("fetched", address=PAGE)))
    assert "Foto: Jo Smith" in texts(fetched.sections[0].blocks)


def test_a_saved_page_loses_a_credit_line(tmp_path: Path):
    body = f"<p>{SENTENCE * 3}</p><p>Foto: unsplash/Jo Smith</p><p>{SENTENCE * 3}</p><p>{SENTENCE * 2}</p>"
    text = saved_text(tmp_path, body)
    assert SENTENCE.strip() in text and "unsplash" not in text


def test_a_labelled_title_of_another_page_goes_without_a_link():
    blocks = [
        Paragraph(SENTENCE),
        Heading("Mire: El cantante da positivo a COVID-19 y cancela su gira por el país"),
        Paragraph("Related: The 15 Weirdest Galaxies in Our Universe"),
        Paragraph(SENTENCE),
        Paragraph("Related to this, the town council met again on Monday."),  # the article's sentence
        Heading("Related work"),  # a section of the article
        Paragraph(SENTENCE),
    ]
    assert trim_article(blocks, PAGE) == [blocks[0], blocks[3], blocks[4], blocks[5], blocks[6]]


def test_lines_about_the_article_go_wherever_they_stand():
    metadata = [
        Paragraph("Category : Press Releases"),
        Paragraph("Tags: Eigentum, Facebook, Open Source"),
        Paragraph("Letzte Änderung 14.02.2019"),
        Paragraph("Keine Kommentare (Kommentare erscheinen erst nach unserer Freigabe)"),
    ]
    kept = [
        Paragraph("Tagged and released, the birds flew north."),  # "tagged" without its colon's sense
        Paragraph("Categories: " + SENTENCE * 2),  # too long for a metadata line
        Paragraph("Last updated in 1990, the law still stands."),  # a sentence
        Heading("Comments on the draft law"),
    ]
    blocks = [metadata[0], Paragraph(SENTENCE), *kept, *metadata[1:], Paragraph(SENTENCE)]
    assert trim_article(blocks, PAGE) == [Paragraph(SENTENCE), *kept, Paragraph(SENTENCE)]


def test_a_saved_page_loses_its_metadata_lines(tmp_path: Path):
    body = (
        f"<p>{SENTENCE * 3}</p><p>Posted in News, Politics</p><p>{SENTENCE * 3}</p>"
        "<p>Last updated: 13 July 2020</p>"
    )
    text = saved_text(tmp_path, body)
    assert SENTENCE.strip() in text and "Posted in" not in text and "Last updated" not in text


def test_a_label_that_is_one_only_as_the_whole_line_goes_with_the_links_after_it():
    teasers = ListBlock([ListItem([linked("Another story", "/another.html")]), ListItem([Paragraph("More")])])
    blocks = [
        Paragraph(SENTENCE),
        Heading("Related"),
        teasers,
        Paragraph(SENTENCE),
        Paragraph("Read more:"),
        Paragraph(SENTENCE),
        Heading("Related work"),  # a section of the article
        Paragraph("Read more below the chart."),  # a sentence
    ]
    assert trim_article(blocks, PAGE) == [blocks[0], blocks[3], blocks[5], blocks[6], blocks[7]]


def test_a_note_that_names_the_site_goes_among_the_last_blocks():
    page = "https://www.haitiantimes.com/2024/05/story/"
    blocks = [
        Paragraph(SENTENCE * 2),
        Paragraph(
            SENTENCE + "The mayor told The Haitian Times on Monday."
        ),  # the article's, not among the last
        Paragraph(SENTENCE * 2),
        Paragraph("Get the latest news straight to your phone with the Haitian Times app."),
        Paragraph("Jo Smith"),  # a short line between notes is passed over
        Paragraph("Die Printausgabe der Haitian Times erscheint jeden Donnerstag."),
    ]
    assert trim_article(blocks, page) == [*blocks[:3], blocks[4]]
    archived = "https://web.archive.org/web/20200101000000/https://www.haitiantimes.com/2024/05/story/"
    assert trim_article(blocks, archived) == [*blocks[:3], blocks[4]]
    # a short site name is part of too many words to tell
    bbc = [Paragraph(SENTENCE * 2), Paragraph("The BBC asked the minister again.")]
    assert trim_article(bbc, "https://www.bbc.co.uk/news/1") == bbc


def test_a_heading_that_names_the_site_and_a_subscription_goes_anywhere_with_its_box():
    page = "https://www.pcgamer.com/skyrim/"
    box = [
        Heading("PC Gamer Newsletter"),
        Paragraph("Sign up to get the best content of the week, and great gaming deals."),
    ]
    kept = [
        Heading("Grok für Tesla und X-Abonnenten"),  # a subscription, but not the site's
        Paragraph(SENTENCE),
        Heading("What PC Gamer thinks"),  # the site, but no note
        Paragraph("Sign up for the beta, the developers say, and see for yourself."),
    ]
    blocks = [Paragraph(SENTENCE), *box, Paragraph(SENTENCE), *kept, *[Paragraph(SENTENCE * 3)] * 5]
    assert trim_article(blocks, page) == [Paragraph(SENTENCE), Paragraph(SENTENCE), *kept, *blocks[-5:]]


def test_a_paragraph_that_names_the_site_and_a_subscription_goes_anywhere():
    page = "https://haitiantimes.com/2024/05/story/"
    paywall = Paragraph("To view the full story, please subscribe to The Haitian Times.")
    said = Paragraph("The Haitian Times asked the mayor about the new fees.")  # no note word
    quoted = Paragraph("“Subscribe to The Haitian Times? Never,” he said.")  # someone's words
    blocks = [Paragraph(SENTENCE), paywall, said, quoted, *[Paragraph(SENTENCE * 3)] * 5]
    assert trim_article(blocks, page) == [blocks[0], said, quoted, *blocks[4:]]


def test_the_trim_never_leaves_an_article_without_text():
    notes = [Paragraph("Subscribe to our newsletter"), Paragraph("© 2024 Example News")]
    assert trim_article(notes, PAGE) == notes


def test_a_site_the_article_names_often_is_its_subject_and_signs_no_note():
    page = "https://en.blog.wordpress.com/2019/06/19/story/"
    body = [Paragraph(f"WordPress grew again this year, {n} times. " + SENTENCE * 4) for n in range(5)]
    ask = Paragraph("Would you like to help the WordPress project? Get in touch with Jill today!")
    assert trim_article([*body, ask], page) == [*body, ask]
    assert trim_article([*body[:2], ask], page) == body[:2]  # named twice: the site's note


def test_a_common_word_that_is_the_sites_name_signs_no_note():
    """On nature.com an article's last paragraph saying "in nature" stays; "Subscribe to Nature" goes, as
    does a line with the site's address."""
    page = "https://www.nature.com/articles/d41586-024-0001"
    last = Paragraph("Such patterns are rare in nature, the authors say, and hard to find again.")
    blocks = [Paragraph(SENTENCE * 2), Paragraph(SENTENCE * 2), Paragraph(SENTENCE * 2), last]
    assert trim_article(blocks, page) == blocks
    notes = [Paragraph("Subscribe to Nature for the week's news."), Paragraph("Write to us: desk@nature.com")]
    assert trim_article([*blocks, *notes], page) == blocks


def test_paragraphs_and_lists_of_links_in_a_row_go_one_alone_stays():
    teaser = (
        "The title of another story, and the first lines of it that a teaser shows " * 3
    )  # no teaser: long
    menu = [linked(teaser, "/world"), linked(teaser, "https://other.example.org/sport")]
    more = ListBlock([ListItem([linked("Another story", "/another.html")])])
    blocks = [Paragraph(SENTENCE), *menu, Picture(alt="a banner"), more, Paragraph(SENTENCE)]
    assert texts(trim_article(blocks, PAGE)) == [SENTENCE, "Picture", SENTENCE]
    half_linked = Paragraph(SENTENCE, spans=[Span(0, len(SENTENCE) // 2, "link", "/a.html")])
    alone = [Paragraph(SENTENCE), menu[1], half_linked, more, Paragraph(SENTENCE)]
    assert trim_article(alone, PAGE) == alone
    sources = [
        linked(f"https://www.example.org/paper-{n}.html", f"https://www.example.org/paper-{n}.html")
        for n in (1, 2)
    ]
    cited = [Paragraph(SENTENCE), *sources, Paragraph(SENTENCE)]
    assert trim_article(cited, PAGE) == cited


def test_headings_that_end_the_text_go_one_before_its_picture_stays():
    blocks = [Heading("The story", 2), Paragraph(SENTENCE), Heading("More", 2), Heading("Elsewhere", 3)]
    assert texts(trim_article(blocks, PAGE)) == ["The story", SENTENCE]
    pictured = [Paragraph(SENTENCE), Heading("The bridge today", 2), Picture(alt="the bridge")]
    assert trim_article(pictured, PAGE) == pictured
    source = [
        Paragraph(SENTENCE),
        Heading("First in the magazine: https://www.magazine.org/2019/the-interview", 3),
    ]
    assert trim_article(source, PAGE) == source


def test_a_paragraph_that_is_the_page_own_address_goes_other_addresses_stay():
    own = linked(PAGE.replace("https://", "http://www.") + "/", PAGE)
    other = linked("https://news.example.com/2024/05/another-story.html", "/2024/05/another-story.html")
    sentence = Paragraph(f"{SENTENCE} {PAGE}")
    after = [Paragraph(SENTENCE)] * 4  # the article goes on: no closing note among the last blocks
    blocks = [Paragraph(SENTENCE), other, own, sentence, *after]
    assert trim_article(blocks, PAGE) == [Paragraph(SENTENCE), other, sentence, *after]
    assert trim_article(blocks, None) == blocks


def test_a_saved_page_loses_its_own_address_shown_alone(tmp_path: Path):
    body = f"<p>{SENTENCE * 3}</p><p>{PAGE}</p><p>{SENTENCE * 3}</p><p>{SENTENCE * 2}</p>"
    text = saved_text(tmp_path, body)
    assert SENTENCE.strip() in text and PAGE not in text
