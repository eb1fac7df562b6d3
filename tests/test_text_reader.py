"""The plain-text page reader: the seed page, variants built from it, small hand-written pages, bad input."""

from __future__ import annotations

import datetime as dt
import pathlib
import re

import pytest

from export.errors import InputError
from export.model import Article, Comment
from export.readers import text as text_reader
from export.readers.dates import parse_date
from export.readers.decode import decode_text
from export.readers.text import parse_text_page, read_text_page

SEED = pathlib.Path(__file__).parent.parent / "seeds" / "000_4421cee95cb58524.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")
COMMENT_HEADER_START = "11 thoughts on"
ARCHIVE_HEADING = "from the archives:"
EDITOR_NOTE = "[DS added the video reports]"


@pytest.fixture(scope="module")
def seed() -> Article:
    return read_text_page(SEED)


def cut(text: str, start: str, end: str | None = None) -> str:
    """``text`` without the part from ``start`` up to ``end`` (or to the end of the text)."""
    begin = text.index(start)
    finish = text.index(end, begin) if end else len(text)
    return text[:begin] + text[finish:]


def page(*blocks: str) -> str:
    """A hand-written page: blocks separated by blank lines."""
    return "\n\n".join(blocks) + "\n"


def texts(paragraphs) -> list[str]:
    return [paragraph.text for paragraph in paragraphs]


# The seed page


def test_seed_title_joins_article_and_companion(seed: Article) -> None:
    assert seed.title == "How Putin\u2019s Leverage Shaped the Syrian Ceasefire"
    assert seed.companion_title == "Will the Syrian Ceasefire End the US-Russia Proxy War?"
    assert seed.source == SEED.name


def test_seed_people_site_crosspost_and_dates(seed: Article) -> None:
    assert [(person.name, person.role) for person in seed.authors] == [
        ("Gareth Porter", "Writer, Dandelion Salad")
    ]
    assert [(person.name, person.role) for person in seed.contributors] == [("Larry Wilkerson", None)]
    assert seed.site == "Dandelion Salad"
    assert seed.crossposted_at == ["Middle East Eye"]
    assert seed.published == dt.date(2016, 3, 28)
    assert seed.updated == dt.date(2016, 4, 1)


def test_seed_figure(seed: Article) -> None:
    assert seed.figure is not None
    assert seed.figure.caption == "No war on Syria protest in San Francisco - August 29"
    assert seed.figure.credit == "Image by Steve Rhodes via Flickr"


def test_seed_standfirst_body_and_bio(seed: Article) -> None:
    assert seed.standfirst is not None
    assert seed.standfirst.text.startswith("By his military withdrawal, Putin was actually enhancing")
    assert seed.standfirst.text.endswith("political negotiations still to come")
    body = seed.body_paragraphs()
    assert len(seed.sections) == 1
    assert len(body) == 13
    assert body[0].text.startswith("When Russian President Vladimir Putin had a substantive meeting")
    assert body[-1].text.startswith("Of course, despite the remarkable diplomatic leverage")
    assert len(seed.bio) == 1
    assert seed.bio[0].text.startswith("Gareth Porter, an investigative historian")
    assert seed.bio[0].text.endswith("He can be contacted at")


def test_seed_editor_note_and_videos(seed: Article) -> None:
    assert seed.editor_notes == ["DS added the video reports"]
    assert [(video.title, video.channel, video.published, video.added_on) for video in seed.videos] == [
        (
            "Will the Syrian Ceasefire End the US-Russia Proxy War?",
            "TheRealNews",
            dt.date(2016, 3, 28),
            None,
        ),
        (
            "Syrian ceasefire 90 percent effective \u2013 investigative journalist",
            "RT America",
            dt.date(2016, 3, 31),
            dt.date(2016, 4, 1),
        ),
    ]
    assert texts(seed.videos[0].description) == [
        "Fmr. Chief of Staff for Colin Powell, Larry Wilkerson, says the ceasefire could be key to lasting "
        "peace in Syria."
    ]
    assert len(seed.videos[1].description) == 1
    assert seed.videos[1].description[0].text.endswith("to discuss its effectiveness.")


def test_seed_archive(seed: Article) -> None:
    assert [link.authors for link in seed.archive] == [
        ["David Swanson"],
        ["David Swanson", "War Is A Total Lie!"],
        ["Gareth Porter"],
        ["Gareth Porter"],
        ["William Blum"],
    ]
    assert seed.archive[1].title == "How Would Knowing the Truth Change U.S. Policy on ISIS?"
    assert seed.archive[4].title.startswith("Pres. Obama, Which is Most Important to You: Destroying ISIS")


def test_seed_pingbacks(seed: Article) -> None:
    thread = seed.thread
    assert thread.announced == 11
    assert thread.closed is True
    pingbacks = thread.comments[:4]
    assert [(c.kind, c.number, c.site) for c in pingbacks] == [
        ("pingback", number, "Dandelion Salad") for number in (1, 2, 3, 4)
    ]
    assert pingbacks[0].title == "The Real US Syria Scandal: Supporting Sectarian War by Gareth Porter"
    assert pingbacks[2].title == (
        "Chris Hedges: Saudi Arabia Plays a \u2018Dark Role\u2019 in the Middle East, Empowered by US"
    )
    assert pingbacks[3].title == "Putin: The Spy Who Came in Out of the Cold"


def test_seed_comment_and_reply(seed: Article) -> None:
    comments = seed.thread.comments
    assert len(comments) == 5
    comment = comments[4]
    assert (comment.kind, comment.number, comment.author) == ("comment", 5, None)
    assert len(comment.paragraphs) == 8
    assert comment.paragraphs[0].text.startswith("Larry Wilkerson is being tactfully disingenuous.")
    assert comment.paragraphs[7].text.endswith("Politics without law, is lunacy.")
    assert len(comment.replies) == 1
    reply = comment.replies[0]
    assert (reply.kind, reply.number, reply.replies) == ("comment", None, [])
    assert reply.paragraphs[0].text == "David,\nHow are you."
    assert len(reply.paragraphs) == 7
    assert reply.paragraphs[-1].text.startswith("By the way, Lo.")
    assert len(seed.thread.all_comments()) == 6


def test_reader_has_no_words_of_the_seed_article() -> None:
    source = pathlib.Path(text_reader.__file__).read_text(encoding="utf-8")
    for word in ("Dandelion", "Salad", "Porter", "Wilkerson", "Magnier", "Putin", "TheRealNews", "DS"):
        assert not re.search(rf"\b{word}\b", source), word


# Variants of the seed


def test_without_comments() -> None:
    article = parse_text_page(cut(SEED_TEXT, COMMENT_HEADER_START))
    assert article.thread.comments == []
    assert article.thread.announced is None
    assert article.thread.closed is False
    assert len(article.archive) == 5


def test_without_archive_list() -> None:
    article = parse_text_page(cut(SEED_TEXT, ARCHIVE_HEADING, COMMENT_HEADER_START))
    assert article.archive == []
    assert len(article.videos) == 2
    assert len(article.videos[1].description) == 1
    assert len(article.thread.comments) == 5


def test_without_videos() -> None:
    article = parse_text_page(cut(SEED_TEXT, EDITOR_NOTE, ARCHIVE_HEADING))
    assert article.videos == []
    assert article.editor_notes == []
    assert article.updated is None
    assert len(article.body_paragraphs()) == 13
    assert len(article.bio) == 1
    assert len(article.archive) == 5


def test_without_figure() -> None:
    text = SEED_TEXT.replace("No war on Syria protest in San Francisco - August 29\n", "")
    text = text.replace("Image by Steve Rhodes via Flickr\n", "")
    article = parse_text_page(text)
    assert article.figure is None
    assert article.authors[0].name == "Gareth Porter"
    assert article.standfirst is not None
    assert len(article.body_paragraphs()) == 13


def test_caption_without_credit() -> None:
    article = parse_text_page(SEED_TEXT.replace("Image by Steve Rhodes via Flickr\n", ""))
    assert article.figure is not None
    assert article.figure.caption == "No war on Syria protest in San Francisco - August 29"
    assert article.figure.credit is None


def test_credit_without_caption() -> None:
    text = SEED_TEXT.replace("No war on Syria protest in San Francisco - August 29\n", "")
    article = parse_text_page(text.replace("Image by Steve Rhodes via Flickr", "Photo: Jane Roe / Agency"))
    assert article.figure is not None
    assert article.figure.caption is None
    assert article.figure.credit == "Photo: Jane Roe / Agency"


@pytest.mark.parametrize(
    "date_line", ["28 March 2016", "2016-03-28", "Mar. 28, 2016", "Posted on Mar 28, 2016"]
)
def test_other_published_date_formats(date_line: str) -> None:
    article = parse_text_page(SEED_TEXT.replace("\nMarch 28, 2016\n", f"\n{date_line}\n"))
    assert article.published == dt.date(2016, 3, 28)
    assert article.crossposted_at == ["Middle East Eye"]


def test_standfirst_absent_when_first_paragraph_is_a_sentence() -> None:
    text = SEED_TEXT.replace(
        "negotiations still to come\n", "negotiations still to come, say critics here.\n", 1
    )
    article = parse_text_page(text)
    assert article.standfirst is None
    body = article.body_paragraphs()
    assert len(body) == 14
    assert body[0].text.startswith("By his military withdrawal")


def test_update_notes_keep_the_latest_date() -> None:
    text = SEED_TEXT.replace(EDITOR_NOTE, "Update: March 30, 2016")
    article = parse_text_page(text)
    assert article.updated == dt.date(2016, 4, 1)
    assert [video.added_on for video in article.videos] == [dt.date(2016, 3, 30), dt.date(2016, 4, 1)]


def test_one_thought_and_spelled_out_counts() -> None:
    text = SEED_TEXT.replace(COMMENT_HEADER_START, "Twelve thoughts on")
    assert parse_text_page(text).thread.announced == 12
    text = SEED_TEXT.replace(COMMENT_HEADER_START, "One thought on")
    assert parse_text_page(text).thread.announced == 1


# Small hand-written pages

ARTICLE_BODY = (
    "The first paragraph of the article says something plain.",
    "The second paragraph goes on with more of the argument.",
)


def test_title_without_by_and_two_authors() -> None:
    article = parse_text_page(
        page(
            "A Plain Title: Nothing Else",
            "by Ann Lee + Bob Stone\nEditors, Example Review\nJune 2, 2019",
            *ARTICLE_BODY,
        )
    )
    assert article.title == "A Plain Title: Nothing Else"
    assert article.companion_title is None
    assert [(p.name, p.role) for p in article.authors] == [
        ("Ann Lee", "Editors, Example Review"),
        ("Bob Stone", "Editors, Example Review"),
    ]
    assert article.contributors == []
    assert article.site == "Example Review"
    assert article.published == dt.date(2019, 6, 2)
    assert article.figure is None
    assert article.standfirst is None
    assert len(article.body_paragraphs()) == 2


def test_title_containing_by_and_name_list_with_and() -> None:
    article = parse_text_page(
        page(
            "Stand by Me by Ann Lee and Carl Diaz: A Talk Given by Many",
            "By Ann Lee\noriginally published at The Example Times",
            *ARTICLE_BODY,
        )
    )
    assert article.title == "Stand by Me"
    assert article.companion_title == "A Talk Given by Many"
    assert [p.name for p in article.authors] == ["Ann Lee"]
    assert [p.name for p in article.contributors] == ["Carl Diaz"]
    assert article.site is None
    assert article.crossposted_at == ["The Example Times"]


def test_title_names_are_authors_without_byline() -> None:
    article = parse_text_page(page("Why Rivers Flood by Dana Park", "Photo by Eve Moss", *ARTICLE_BODY))
    assert article.title == "Why Rivers Flood"
    assert [p.name for p in article.authors] == ["Dana Park"]
    assert article.figure is not None
    assert article.figure.credit == "Photo by Eve Moss"
    assert article.figure.caption is None
    assert len(article.body_paragraphs()) == 2


def test_bio_with_is_and_archive_variants() -> None:
    article = parse_text_page(
        page(
            "Some Title",
            "by Dana Park\nSept 3, 2016",
            "A short standfirst line",
            *ARTICLE_BODY,
            "Dana Park is a writer who lives by the sea.",
            "Related posts:",
            "\u2022 Old Piece by Ann Lee & Bob Stone\n\u2022 An Entry With No Author",
        )
    )
    assert article.published == dt.date(2016, 9, 3)
    assert article.standfirst is not None
    assert article.standfirst.text == "A short standfirst line"
    assert texts(article.bio) == ["Dana Park is a writer who lives by the sea."]
    assert texts(article.body_paragraphs()) == list(ARTICLE_BODY)
    assert [(link.title, link.authors) for link in article.archive] == [
        ("Old Piece", ["Ann Lee", "Bob Stone"]),
        ("An Entry With No Author", []),
    ]


def test_pull_quote_makes_a_standfirst() -> None:
    quote = "The river rose faster than anyone in the valley had expected."
    article = parse_text_page(
        page("Some Title", "by Dana Park", quote, "Witnesses agreed: " + quote.lower(), ARTICLE_BODY[1])
    )
    assert article.standfirst is not None
    assert article.standfirst.text == quote
    assert len(article.body_paragraphs()) == 2


def test_comments_from_one_with_nested_replies() -> None:
    comments = "\n".join(
        [
            "One thought on \u201cSome Title",
            "",
            "  1. First comment, first line",
            "    still the first paragraph.",
            "",
            "    Second paragraph.",
            "    \u2022 A reply",
            "      \u25e6 A reply to the reply",
            "        continued here.",
            "      back in the reply.",
            "    \u2022 Second reply",
            "",
            "  2. Trackback: Elsewhere",
        ]
    )
    article = parse_text_page(page("Some Title", "by Dana Park", *ARTICLE_BODY, comments))
    thread = article.thread
    assert thread.announced == 1
    assert thread.closed is False
    first, second = thread.comments
    assert (first.number, texts(first.paragraphs)) == (
        1,
        ["First comment, first line\nstill the first paragraph.", "Second paragraph."],
    )
    reply, second_reply = first.replies
    assert texts(reply.paragraphs) == ["A reply", "back in the reply."]
    assert [(r.number, texts(r.paragraphs)) for r in reply.replies] == [
        (None, ["A reply to the reply\ncontinued here."])
    ]
    assert texts(second_reply.paragraphs) == ["Second reply"]
    assert second == Comment(kind="trackback", number=2, title="Elsewhere", site=None)
    assert len(thread.all_comments()) == 5


def test_comment_list_ends_at_an_unindented_line() -> None:
    comments = page(
        "3 responses to \u201cSome Title\u201d",
        "1. Hello there\n   more",
        "Leave a Reply",
        "Comments are closed.",
    )
    thread = parse_text_page(page("Some Title", *ARTICLE_BODY, comments)).thread
    assert thread.announced == 3
    assert thread.closed is True
    assert [texts(c.paragraphs) for c in thread.comments] == [["Hello there\nmore"]]


def test_video_title_and_channel_in_one_paragraph() -> None:
    article = parse_text_page(
        page("Some Title", *ARTICLE_BODY, "A Video\nSome Channel on 5 May 2020", "What it shows.")
    )
    assert [(v.title, v.channel, v.published) for v in article.videos] == [
        ("A Video", "Some Channel", dt.date(2020, 5, 5))
    ]
    assert texts(article.videos[0].description) == ["What it shows."]
    assert len(article.body_paragraphs()) == 2


def test_whitespace_is_normalised() -> None:
    article = parse_text_page(
        "\n\n  Some\u00a0\u00a0Title \t \n\n\n\nFirst  line\u00a0here.\n\n\n\nSecond.\n"
    )
    assert article.title == "Some Title"
    assert texts(article.body_paragraphs()) == ["First line here.", "Second."]


# Dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 28, 2016", dt.date(2016, 3, 28)),
        ("Mar 28, 2016", dt.date(2016, 3, 28)),
        ("Mar. 28, 2016", dt.date(2016, 3, 28)),
        ("28 March 2016", dt.date(2016, 3, 28)),
        ("2016-03-28", dt.date(2016, 3, 28)),
        ("Sept 3, 2016", dt.date(2016, 9, 3)),
        ("Monday, March 28th, 2016", dt.date(2016, 3, 28)),
        ("February 30, 2016", None),
        ("Ma 28, 2016", None),
        ("March 2016", None),
        ("The war began in March 28, 2016", None),
        ("joi, 12 martie 2019", dt.date(2019, 3, 12)),  # Romanian's Thursday
        ("Joined 12 March 2019", None),  # a word that begins with "joi" is no weekday
        ("Lunita 12 March 2019", None),
        ("Tues. 12 March 2019", dt.date(2019, 3, 12)),
        ("Wedding 12 March 2019", None),  # an English word that begins with a weekday's start is none
        ("Monthly 12 March 2019", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


# Encodings and bad input

SMALL_PAGE = "Caf\u00e9 Talk by Ann Lee\n\nby Ann Lee\n\nIt\u2019s a plain paragraph.\n"


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig", "utf-16", "utf-32"])
def test_encodings(tmp_path: pathlib.Path, encoding: str) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(SMALL_PAGE.replace("\n", "\r\n").encode(encoding))
    article = read_text_page(path)
    assert article.title == "Caf\u00e9 Talk"
    assert texts(article.body_paragraphs()) == ["It\u2019s a plain paragraph."]


def test_damaged_utf8_stays_utf8_and_a_lone_legacy_byte_is_cp1252() -> None:
    page = "Caf\u00e9 \u201cTalk\u201d \u2014 na\u00efve r\u00e9sum\u00e9\n\nIt\u2019s here \u2019".encode()
    assert decode_text(page[:-1], "p.txt").startswith("Caf\u00e9 \u201cTalk\u201d \u2014")
    assert decode_text(page[:-1], "p.txt").endswith("\ufffd")
    damaged = page.replace("na\u00efve".encode(), b"na\xefve")
    assert "r\u00e9sum\u00e9" in decode_text(damaged, "p.txt")
    assert decode_text(b"Menu\n\nCaf\xe9", "p.txt") == "Menu\n\nCaf\u00e9"


def test_decode_cleans_text() -> None:
    data = b"A Title\x0b here\r\nthe next line\rand the last\x81"
    assert decode_text(data, "p.txt") == "A Title here\nthe next line\nand the last\x81"
    assert (
        decode_text(b"Caf\xe9 au lait, s'il vous pla\xeet\x8d", "p.txt")
        == "Caf\u00e9 au lait, s'il vous pla\u00eet\x8d"
    )


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "is empty"),
        (b" \n\t\r\n  ", "is empty"),
        ("  \n".encode("utf-16"), "is empty"),
        (b"Title\x00\n\nText", "looks like a binary file"),
        (bytes(range(1, 32)) * 20 + b"Title", "looks like a binary file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file"),
        (b"----\n\n***\n", "has no title line"),
    ],
)
def test_bad_input(tmp_path: pathlib.Path, data: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_text_page(path)
    assert problem in str(caught.value)
    assert str(path) in str(caught.value)


def test_missing_file_and_directory(tmp_path: pathlib.Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(InputError, match="no such file") as caught:
        read_text_page(missing)
    assert caught.value.path == str(missing)
    with pytest.raises(InputError, match="is a directory") as caught:
        read_text_page(tmp_path)
    assert caught.value.path == str(tmp_path)
