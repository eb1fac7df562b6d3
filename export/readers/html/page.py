"""A saved web page to an ``Article``: metadata, the article's text, pictures, videos, comments, links."""

from __future__ import annotations

import copy
from pathlib import Path

from export.errors import InputError
from export.model import Article, Person, Section, block_paragraphs
from export.readers.html.blocks import BodyContent, read_body
from export.readers.html.body import find_container, take_standfirst
from export.readers.html.choice import MainText, choose_body
from export.readers.html.images import ImageStore
from export.readers.html.inline import read_inline
from export.readers.html.main_text import Reading, read_with_trafilatura
from export.readers.html.metadata import read_metadata
from export.readers.html.page_address import saved_from
from export.readers.html.parse import clean_tree, parse_html
from export.readers.html.sections import read_comments_and_related
from export.readers.html.videos import mark_videos
from export.readers.language import detect_language

DEFAULT_LANGUAGE = "en"


def read_html_page(path: Path, main_text: MainText = "hybrid") -> Article:
    """The article of the web page saved at ``path`` (pictures from its ``<name>_files/`` folder).

    ``main_text`` says who finds the article's text: our container finder, trafilatura, or the
    better of the two by ``choose_body``.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror}") from None
    root = parse_html(data, path)
    metadata = read_metadata(root)
    reading = read_with_trafilatura(copy.deepcopy(root)) if main_text != "ours" else Reading()
    metadata.source = metadata.source or saved_from(data)
    mark_videos(root)
    clean_tree(root)
    thread, archive, consumed = read_comments_and_related(root, metadata.source, metadata.published)
    for element in consumed:
        element.drop_tree()
    title = metadata.title or path.stem
    images = ImageStore(path)
    lead = take_standfirst(root)
    standfirst = read_inline(lead, metadata.source) if lead is not None else None
    container = find_container(root)
    content = read_body(container.element, metadata.source, images, title)
    if reading.body is not None:
        their_images = images.fork()
        theirs = read_body(reading.body, metadata.source, their_images, title)
        if choose_body(content, container.named, theirs, main_text, thread, standfirst) is theirs:
            content = BodyContent(theirs.blocks, theirs.footnotes, content.videos)
            images = their_images
    # htmldate's is right more often (corpus-large); a date in the lines after the headline last
    published = reading.published or metadata.published or metadata.dated
    if not content.blocks:
        raise InputError(path, "holds no article text that could be found")
    text = "\n".join([title, *(paragraph.text for paragraph in block_paragraphs(content.blocks))])
    return Article(
        title=title,
        authors=[Person(name) for name in metadata.authors_or(reading.authors)],
        site=metadata.site,
        published=published,
        updated=metadata.updated if metadata.updated != published else None,
        language=metadata.language or detect_language(text) or DEFAULT_LANGUAGE,
        source=metadata.source,
        standfirst=standfirst if standfirst and standfirst.text else None,
        sections=[Section(content.blocks)],
        footnotes=content.footnotes,
        videos=content.videos,
        images=images.used(),
        archive=archive,
        thread=thread,
    )
