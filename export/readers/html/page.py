"""A saved web page to an ``Article``: metadata, the article's text, pictures, videos, comments, links."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from export.errors import InputError
from export.model import Article, CommentThread, Person, Section, block_paragraphs
from export.readers.html import json_ld
from export.readers.html.blocks import BodyContent, read_body
from export.readers.html.body import find_container, take_standfirst
from export.readers.html.choice import MainText, choose_body, reader_for
from export.readers.html.comment_json_ld import json_ld_comments
from export.readers.html.comments import read_comment_thread
from export.readers.html.images import ImageStore
from export.readers.html.inline import read_inline
from export.readers.html.main_text import Reading, read_with_trafilatura
from export.readers.html.metadata import read_metadata
from export.readers.html.page_address import document_base, page_source, saved_from
from export.readers.html.parse import clean_tree, parse_html, parse_page
from export.readers.html.picture_sources import source_addresses
from export.readers.html.sections import read_comments_and_related
from export.readers.html.subtitle import take_subtitle
from export.readers.html.tree import drop
from export.readers.html.trim import trim_article
from export.readers.html.videos import mark_videos
from export.readers.language import detect_language, language_sample
from export.readers.origin import PageInput

DEFAULT_LANGUAGE = "en"


def read_html_page(path: Path, main_text: MainText = "hybrid") -> Article:
    """The article of the web page saved at ``path`` (pictures from its ``<name>_files/`` folder)."""
    return read_html(PageInput.from_file(path), main_text)


def read_html(page: PageInput, main_text: MainText = "hybrid") -> Article:
    """The article of a web page, saved or fetched.

    ``main_text`` says who finds the article's text: our container finder, trafilatura, or the
    better of the two by ``choose_body``; ours alone on a page too big for trafilatura (``reader_for``).
    """
    data = page.data
    parsed = parse_page(data, page.name, page.charset)
    root = parsed.root
    graph = json_ld.read(root)  # decoded once: for the metadata, and for comments a script draws
    metadata = read_metadata(root, graph)
    main_text = reader_for(root, main_text)
    reading = read_with_trafilatura(parsed.markup, root) if main_text != "ours" else Reading()
    address = page.origin.address
    metadata.source = page_source(metadata.source, address) or saved_from(data)
    base = metadata.source  # the links the book keeps resolve as the saved page's would
    fetch_base = document_base(root, address) if address else None  # what is fetched: as a browser
    mark_videos(root)
    clean_tree(root)
    thread, archive, consumed = read_comments_and_related(root, base, metadata.published, fetch_base)
    if not thread.comments:  # a thread a script draws, stated in the page's JSON-LD
        thread.comments = json_ld_comments(graph.articles)
    for element in consumed:
        drop(element)
    title = metadata.title or page.origin.stem
    images = ImageStore(page.origin.path, source_addresses(root) if address else None, fetch_base)
    lead = take_standfirst(root)
    if lead is None:
        lead = take_subtitle(root, metadata.title)
    standfirst = read_inline(lead, base) if lead is not None else None
    container = find_container(root)
    content = read_body(container.element, base, images, title)
    if reading.body is not None:
        their_images = images.fork()
        theirs = read_body(reading.body, base, their_images, title)
        chosen = choose_body(content, container.named, theirs, main_text, thread, standfirst)
        if chosen is not content:
            content = BodyContent(chosen.blocks, chosen.footnotes, content.videos)
            images = their_images
    content.blocks = trim_article(content.blocks, base, images.from_web)
    # htmldate's is right more often (corpus-large); a date in the lines after the headline last
    published = reading.published or metadata.published or metadata.dated
    if not content.blocks:
        raise InputError(page.name, "holds no article text that could be found")
    return Article(
        title=title,
        authors=[Person(name) for name in metadata.authors_or(reading.authors)],
        site=metadata.site,
        published=published,
        updated=metadata.updated if metadata.updated != published else None,
        language=metadata.language
        or detect_language(language_sample(title, (p.text for p in block_paragraphs(content.blocks))))
        or DEFAULT_LANGUAGE,
        source=metadata.source,
        standfirst=standfirst if standfirst and standfirst.text else None,
        sections=[Section(content.blocks)],
        footnotes=content.footnotes,
        videos=content.videos,
        images=images.used(),
        archive=archive,
        thread=thread,
    )


def read_comment_page(page: PageInput, published: dt.date | None = None) -> CommentThread:
    """The comment thread of another page of an article's thread, fetched, with its links to the others.

    ``published``, the article's date, dates comments that leave the year out."""
    root = parse_html(page.data, page.name, page.charset)
    address = page.origin.address
    source = page_source(read_metadata(root).source, address)
    mark_videos(root)
    clean_tree(root)
    fetch_base = document_base(root, address) if address else None
    return read_comment_thread(root, source, published=published, fetched_from=fetch_base)
