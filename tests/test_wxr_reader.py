"""The WXR reader on every export of the test corpus, checked against a plain parse of the same file."""

from __future__ import annotations

import html
import pickle
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import CORPUS
from wxr_gold import GoldComment, read_gold

from export.model import Blog, BlogPost, Comment, block_texts
from export.readers.wxr import looks_like_wxr, open_export, read_post

WXR = CORPUS / "wxr"
FILES = sorted(WXR.glob("*.xml"))
KEPT = {"1", "approve"}
HELD = {"0", "hold", ""}
LEFT_OUT = {"spam": "spam comment", "trash": "trashed comment"}
BLOGS = {
    "isso__wordpress.xml": Blog("isso__wordpress", None, None, "en", []),
    "jekyllimport__sitetitle.wordpress.2025-01-19.000.xml": Blog(
        "My Site Title", None, "https://jekyllbot.wordpress.com", "en", []
    ),
    "pelican__wordpressexport.xml": Blog(
        "Pelican test channel", "Not a real feed, just for test", "http://thisisa.test", "en", []
    ),
    "remark42__realmenweardress_xmlTestWP.xml": Blog(
        "Real Men Wear Dress.es",
        "SuperAdmin's gaming and technological musings",
        "https://realmenweardress.es",
        "en-US",
        [],
    ),
    "wpimporter__a11y-unit-test-data.xml": Blog(
        "Theme Accessibility Unit Test Data",
        "Just another WordPress website with a purposefully really long description",
        "http://wpthemetestdata.wordpress.com",
        "en",
        [],
    ),
    "wptestdata__themeunittestdata.wordpress.xml": Blog(
        "Theme Unit Test Data",
        "Just another WordPress website with a purposefully really long description",
        "https://wpthemetestdata.wordpress.com",
        "en",
        [],
    ),
}


def read(path: Path, include_unapproved: bool = False) -> tuple[Blog, list[BlogPost], list[str]]:
    warnings: list[str] = []
    blog, items = open_export(path, warnings.append)
    posts = [read_post(item, blog, include_unapproved) for item in items]
    return blog, posts, warnings


def expected_pairs(comments: list[GoldComment], keep: set[str]) -> Counter:
    """(words, parent's words, kind) of each comment kept: its parent the nearest kept ancestor."""
    by_id = {comment.comment_id: comment for comment in comments}
    pairs = Counter()
    for comment in comments:
        if comment.approved not in keep:
            continue
        parent, seen = by_id.get(comment.parent), set()
        while parent is not None and parent.approved not in keep and parent.comment_id not in seen:
            seen.add(parent.comment_id)
            parent = by_id.get(parent.parent)
        pairs[(letters(comment.words), letters(parent.words) if parent else None, comment.kind)] += 1
    return pairs


def letters(words: str) -> str:
    """The letters of ``words`` in sorted order: a picture inside a paragraph follows it in the book (as in
    an article), so a comment's parts may come in another order than in its source; its letters may not."""
    return "".join(sorted(words))


def read_pairs(post: BlogPost) -> Counter:
    pairs = Counter()

    def walk(comment: Comment, parent: Comment | None) -> None:
        words = letters("".join("".join(block_texts(comment.blocks)).split()))
        parent_words = letters("".join("".join(block_texts(parent.blocks)).split())) if parent else None
        pairs[(words, parent_words, comment.kind)] += 1
        for reply in comment.replies:
            walk(reply, comment)

    for comment in post.article.thread.comments:
        walk(comment, None)
    return pairs


def test_the_corpus_is_there():
    assert len(FILES) == 6


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_every_file_is_sniffed_as_an_export(path):
    assert looks_like_wxr(path.read_bytes()[:4096])


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_blog_is_read_from_the_channel(path):
    blog, _, _ = read(path)
    expected = BLOGS[path.name]
    assert (blog.title, blog.description, blog.url, blog.language) == (
        expected.title,
        expected.description,
        expected.url,
        expected.language,
    )


def test_blog_owners_are_the_authors_display_names_in_file_order():
    owners = {path.name: [person.name for person in read(path)[0].owners] for path in FILES}
    assert owners["wptestdata__themeunittestdata.wordpress.xml"] == ["Theme Buster", "Theme Reviewer"]
    assert owners["wpimporter__a11y-unit-test-data.xml"] == ["Accessibility Tester"]
    assert owners["isso__wordpress.xml"] == []


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_every_item_is_yielded_with_its_kind_status_and_password(path):
    _, posts, _ = read(path)
    gold = read_gold(path)
    assert len(posts) == len(gold)
    for post, fields in zip(posts, [item.fields for item in gold], strict=True):
        assert post.info.kind == (fields.get("post_type") or "post")
        assert post.info.status == (fields.get("status") or "publish")
        assert post.info.password_protected == bool(fields.get("post_password"))
        assert post.info.title == fields.get("title", "")
        shown = re.sub(r"</?(?:em|b|sup)>", "", post.info.title)  # the corpus's inline title markup
        assert post.article.title == (" ".join(html.unescape(shown).split()) or "(untitled)")


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_approved_comments_are_all_there_nested_under_their_parents(path):
    _, posts, _ = read(path)
    for post, comments in zip(posts, [item.comments for item in read_gold(path)], strict=True):
        assert read_pairs(post) == expected_pairs(comments, KEPT), post.info.title
        assert all(comment.approved for comment in post.article.thread.all_comments())


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_held_comments_are_kept_on_request_not_approved(path):
    _, posts, _ = read(path, include_unapproved=True)
    for post, comments in zip(posts, [item.comments for item in read_gold(path)], strict=True):
        assert read_pairs(post) == expected_pairs(comments, KEPT | HELD), post.info.title
        held = Counter(comment.words for comment in comments if comment.approved in HELD)
        found = Counter(
            "".join("".join(block_texts(comment.blocks)).split())
            for comment in post.article.thread.all_comments()
            if not comment.approved
        )
        assert found == held


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_left_out_comments_are_counted_by_reason(path):
    _, posts, _ = read(path)
    for post, comments in zip(posts, [item.comments for item in read_gold(path)], strict=True):
        reasons = Counter(
            LEFT_OUT.get(comment.approved, "unapproved comment")
            for comment in comments
            if comment.approved not in KEPT
        )
        assert post.left_out == dict(reasons)


def test_the_corpus_has_what_the_checks_need():
    """Trash, held and empty approvals, pingbacks, trackbacks, a reply to a pingback, deep threads."""
    everything = [comment for path in FILES for item in read_gold(path) for comment in item.comments]
    approvals = Counter(comment.approved for comment in everything)
    assert approvals["trash"] == 1 and approvals["0"] == 4 and approvals[""] == 1
    kinds = Counter(comment.kind for comment in everything)
    assert kinds["pingback"] == 8 and kinds["trackback"] == 2


def test_a_reply_to_a_pingback_stays_under_it():
    path = WXR / "remark42__realmenweardress_xmlTestWP.xml"
    _, posts, _ = read(path)
    pingbacks = [
        comment
        for post in posts
        for comment in post.article.thread.all_comments()
        if comment.kind == "pingback"
    ]
    assert len(pingbacks) == 1 and [reply.kind for reply in pingbacks[0].replies] == ["comment"]
    assert pingbacks[0].url and pingbacks[0].title


def test_http_and_https_namespaces_and_wxr_1_0_all_read():
    namespaces = {
        path.name: re.search(rb"xmlns:wp=\"([^\"]+)\"", path.read_bytes()).group(1) for path in FILES
    }
    assert namespaces["wptestdata__themeunittestdata.wordpress.xml"].startswith(b"https://")
    assert namespaces["isso__wordpress.xml"] == b"http://wordpress.org/export/1.0/"
    for name in (
        "wptestdata__themeunittestdata.wordpress.xml",
        "isso__wordpress.xml",
        "pelican__wordpressexport.xml",
    ):
        _, posts, _ = read(WXR / name)
        assert sum(len(post.article.thread.all_comments()) for post in posts) > 0


def test_comment_dates_times_and_authors():
    _, posts, _ = read(WXR / "isso__wordpress.xml")
    first = posts[0].article.thread.comments[0]
    assert (first.author, str(first.date), str(first.time), first.author_url) == (
        "Ohai",
        "2014-01-14",
        "17:32:12",
        "http://example.tld/",
    )
    multiline = next(c for c in posts[0].article.thread.all_comments() if c.author == "Multiline Author")
    assert [p.text for p in multiline.paragraphs] == [
        "When you have a comment with multiple lines:\nWordPress exports it like this."
    ]


def test_whitespace_in_cdata_is_stripped_and_untyped_items_warned_once():
    _, posts, warnings = read(WXR / "isso__wordpress.xml")
    assert [p.text for p in posts[0].article.thread.comments[0].paragraphs] == ["Erster!1"]
    assert len([warning for warning in warnings if "post_type" in warning]) == 1
    assert len([warning for warning in warnings if "line breaks" in warning]) == 1
    assert [post.info.kind for post in posts] == ["post", "post", "post"]
    _, _, clean = read(WXR / "wptestdata__themeunittestdata.wordpress.xml")
    assert clean == []


def test_undeclared_atom_prefix_is_repaired_with_exactly_one_warning(tmp_path):
    source = (WXR / "wptestdata__themeunittestdata.wordpress.xml").read_bytes()
    assert b"xmlns:atom" not in source
    damaged = source.replace(
        b"<channel>", b'<channel>\n<atom:link rel="search" href="https://a.example/os"/>', 1
    )
    damaged = damaged.replace(b"<item>", b'<item><atom:link rel="self" href="https://a.example/"/>', 3)
    path = tmp_path / "atom.xml"
    path.write_bytes(damaged)
    _, posts, warnings = read(path)
    assert len(posts) == 186
    assert len(warnings) == 1 and "atom:" in warnings[0]


def test_posts_are_read_as_articles():
    blog, posts, _ = read(WXR / "wptestdata__themeunittestdata.wordpress.xml")
    by_title = {post.article.title: post for post in posts}
    post = by_title["Template: Comments"]
    assert post.article.site == blog.title and post.article.language == "en"
    assert post.article.source == "https://wpthemetestdata.wordpress.com/2012/01/03/template-comments/"
    assert (post.info.author_login, post.info.author_name) == ("themedemos", "Theme Buster")
    assert [person.name for person in post.article.authors] == ["Theme Buster"]
    assert post.info.categories == [
        "Classic",
        "Template",
        "Uncategorized",
        "classic",
        "template-2",
        "uncategorized",
    ]
    assert post.article.published is not None and post.info.published is not None
    assert post.article.published == post.info.published.date()
    video = by_title["Post Format: Video (YouTube)"]
    assert [v.url for v in video.article.videos] == ["https://www.youtube.com/watch?v=SQEQr7c0-dw"]
    embeds = by_title["Block category: Embeds"]
    assert [v.url for v in embeds.article.videos] == ["https://www.youtube.com/watch?v=ex8fMxXJDJw"]
    assert all(post.article.images == [] for post in posts)


def test_no_picture_placeholder_stays_in_a_post_but_one_that_was_only_a_picture():
    from export.model import Picture

    only_pictures = []
    for path in FILES:
        for post in read(path)[1]:
            blocks = [block for section in post.article.sections for block in section.blocks]
            pictures = [block for block in blocks if isinstance(block, Picture)]
            if pictures:  # the placeholder that says the post was a picture, alone
                assert blocks == pictures and len(pictures) == 1, post.info.title
                assert pictures[0].image is None
                only_pictures.append(post.info.title)
    assert "Post Format: Image (Caption)" in only_pictures


def test_items_survive_pickling_for_worker_processes():
    _, items = open_export(WXR / "remark42__realmenweardress_xmlTestWP.xml", lambda message: None)
    for item in items:
        assert pickle.loads(pickle.dumps(item)) == item


def test_sniffing_tells_exports_from_feeds_and_pages():
    head = b'<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
    assert looks_like_wxr(b"\xef\xbb\xbf" + b'<?xml version="1.0"?>\n<!-- generator="WordPress" -->\n' + head)
    assert looks_like_wxr(head.replace(b"http:", b"https:").replace(b"1.2", b"1.0"))
    assert looks_like_wxr("\ufeff".encode("utf-16-le") + head.decode().encode("utf-16-le"))
    assert not looks_like_wxr(b'<?xml version="1.0"?><rss version="2.0"><channel><title>A feed</title>')
    assert not looks_like_wxr(b"<!DOCTYPE html><html><body><pre>" + head)
    assert not looks_like_wxr(b"Plain text that mentions " + head)
    for page in sorted((CORPUS / "html").glob("*.html")):
        assert not looks_like_wxr(page.read_bytes()[:4096]), page.name


def test_a_declared_prefix_is_not_declared_again(tmp_path):
    source = (WXR / "remark42__realmenweardress_xmlTestWP.xml").read_bytes()
    declared = source.replace(b"<rss ", b'<rss xmlns:atom = "http://www.w3.org/2005/Atom" ', 1)
    declared = declared.replace(
        b"<channel>", b'<channel><atom:link rel="self" href="https://a.example/"/>', 1
    )
    path = tmp_path / "declared.xml"
    path.write_bytes(declared)
    _, posts, warnings = read(path)
    assert len(posts) == 2 and warnings == []
