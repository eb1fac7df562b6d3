"""WordPress exports to books: the anthology and --split, on every export in the corpus."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from books import NS, convert, documents, entry
from conftest import CORPUS
from inputs import BODY_TEXT, TITLE, wxr_export, wxr_item, wxr_with_doctype
from wxr_gold import read_gold, snippet

from export.cli import main

EXPORTS = sorted((CORPUS / "wxr").glob("*.xml"))
THEME_TEST = CORPUS / "wxr" / "wptestdata__themeunittestdata.wordpress.xml"
REMARK42 = CORPUS / "wxr" / "remark42__realmenweardress_xmlTestWP.xml"
PELICAN = CORPUS / "wxr" / "pelican__wordpressexport.xml"


@pytest.fixture(scope="module")
def anthologies(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("anthologies")
    books = {}
    for path in EXPORTS:
        books[path.name] = folder / f"{path.stem}.epub"
        assert convert(path, "-o", books[path.name]) == 0
    return books


def text_of(element) -> str:
    return " ".join("".join(element.itertext()).split())


def in_order(words: str, text: str) -> bool:
    """Whether the words are in ``text`` in their order, whatever lies between them (a picture's alt text,
    or no space where the export's blocks meet)."""
    position = 0
    for word in words.split():
        position = text.find(word, position)
        if position < 0:
            return False
        position += len(word)
    return True


def comment_boxes(book: Path) -> list:
    """Every comment, pingback and trackback entry of the book's comment appendices."""
    found = []
    for name, root in documents(book).items():
        if name.endswith("-comments.xhtml"):
            found += root.xpath("//h:ol[@class='comments' or @class='pingbacks']//h:li[@id]", namespaces=NS)
    return found


@pytest.fixture(scope="module")
def anthology_reports(anthologies, epubcheck) -> dict:
    """EPUBCheck's report on each anthology."""
    return {name: epubcheck(book) for name, book in anthologies.items()}


@pytest.mark.parametrize("path", EXPORTS, ids=lambda path: path.stem)
def test_anthology_passes_epubcheck(path, anthology_reports):
    report = anthology_reports[path.name]
    assert report.errors == [] and report.warnings == []


@pytest.mark.parametrize("path", EXPORTS, ids=lambda path: path.stem)
def test_every_approved_comment_is_in_the_anthology_nested_under_its_parent(path, anthologies):
    boxes = comment_boxes(anthologies[path.name])
    texts = [(box, text_of(box)) for box in boxes]
    posts = [post for post in read_gold(path) if post.published]
    expected = [comment for post in posts for comment in post.comments if comment.approved == "1"]
    by_id = {comment.comment_id: comment for comment in expected}
    for comment in expected:
        words = snippet(comment.text)
        holders = [box for box, text in texts if in_order(words, text)]
        assert holders, f"comment {comment.comment_id} ({words!r}) is missing"
        parent = by_id.get(comment.parent)
        if parent is None or not snippet(parent.text):
            continue
        own = min(holders, key=lambda box: len(text_of(box)))  # the innermost entry holding the words
        above = [text_of(box) for box in own.iterancestors(f"{{{NS['h']}}}li")]
        assert any(in_order(snippet(parent.text), text) for text in above), (
            f"comment {comment.comment_id} is not nested under {parent.comment_id}"
        )
    assert len(boxes) >= len(expected)


def test_every_corpus_comment_count_is_stated(anthologies):
    gold = read_gold(THEME_TEST)
    approved = sum(comment.approved == "1" for post in gold if post.published for comment in post.comments)
    assert len(comment_boxes(anthologies[THEME_TEST.name])) == approved


def test_unapproved_comments_are_left_out_unless_asked_for_and_then_marked(tmp_path, anthologies):
    held = [
        comment
        for post in read_gold(REMARK42)
        if post.published
        for comment in post.comments
        if comment.approved == "0"
    ]
    assert held
    words = snippet(held[0].text)
    default = " ".join(text_of(box) for box in comment_boxes(anthologies[REMARK42.name]))
    assert words not in default
    book = tmp_path / "all.epub"
    assert convert(REMARK42, "-o", book, "--include-unapproved") == 0
    marked = [box for box in comment_boxes(book) if words in text_of(box)]
    assert marked and "not approved" in text_of(marked[-1])


def test_pingbacks_are_kept_apart_from_readers_comments(anthologies):
    book = anthologies[THEME_TEST.name]
    pingbacks = [
        root
        for name, root in documents(book).items()
        if name.endswith("-comments.xhtml") and root.xpath("//h:ol[@class='pingbacks']", namespaces=NS)
    ]
    assert pingbacks
    for root in pingbacks:
        for item in root.xpath("//h:ol[@class='pingbacks']/h:li", namespaces=NS):
            assert text_of(item).startswith(("Pingback", "Trackback"))


def test_contents_group_posts_by_year_and_month(anthologies):
    nav = entry(anthologies[THEME_TEST.name], "EPUB/nav.xhtml")
    top = [text_of(a) for a in nav.xpath("//h:nav[@id='toc']/h:ol/h:li/h:a", namespaces=NS)]
    years = [title for title in top if title.isdigit()]
    assert years and years == sorted(years)
    year = nav.xpath(f"//h:nav[@id='toc']/h:ol/h:li[h:a[.='{years[0]}']]", namespaces=NS)[0]
    months = [text_of(a) for a in year.xpath("h:ol/h:li/h:a", namespaces=NS)]
    assert months and all(month.endswith(years[0]) for month in months)
    assert "Comments" in top


def test_anthology_metadata_names_the_blog_and_its_source(anthologies):
    opf = entry(anthologies[THEME_TEST.name], "EPUB/content.opf")
    title = opf.findtext(".//dc:title", namespaces=NS)
    assert title == "Theme Unit Test Data"
    assert opf.findtext(".//dc:source", namespaces=NS).startswith("http")
    assert opf.findtext(".//dc:creator", namespaces=NS)


def test_posts_and_their_comments_link_both_ways(anthologies):
    docs = documents(anthologies[THEME_TEST.name])
    commented = [
        post
        for post in read_gold(THEME_TEST)
        if post.published and any(comment.approved == "1" for comment in post.comments)
    ]
    linked = 0
    for name, root in docs.items():
        for link in root.xpath("//h:p[@class='comments-link']/h:a/@href", namespaces=NS):
            target = link.partition("#")[0]
            back = docs[f"EPUB/{target}"].xpath("//h:p[@class='article-link']/h:a/@href", namespaces=NS)
            assert back == [f"{name.removeprefix('EPUB/')}#title"]
            linked += 1
    assert linked == len(commented)


def test_anthology_is_reproducible_and_the_same_with_two_jobs(tmp_path, anthologies):
    again, jobs = tmp_path / "again.epub", tmp_path / "jobs.epub"
    assert convert(THEME_TEST, "-o", again) == 0
    assert convert(THEME_TEST, "-o", jobs, "--jobs", "2") == 0
    first = anthologies[THEME_TEST.name].read_bytes()
    assert again.read_bytes() == first
    assert jobs.read_bytes() == first


def test_split_writes_a_valid_book_per_post_and_a_rerun_keeps_them(tmp_path, epubcheck, capsys):
    shelf = tmp_path / "shelf"
    assert main([str(PELICAN), "--split", "-o", str(shelf), "--jobs", "2"]) == 0
    books = sorted(shelf.glob("*.epub"))
    posts = [post for post in read_gold(PELICAN) if post.published]
    assert len(books) == len(posts)
    with_comments = max(books, key=lambda book: len(comment_documents(book)))
    for book in (books[0], with_comments):
        report = epubcheck(book)
        assert report.errors == [] and report.warnings == []
    times = {book: book.stat().st_mtime_ns for book in books}
    capsys.readouterr()
    assert main([str(PELICAN), "--split", "-o", str(shelf)]) == 0
    assert {book: book.stat().st_mtime_ns for book in books} == times
    assert f"{len(books)} books were already made" in capsys.readouterr().err


def comment_documents(book: Path) -> list:
    with zipfile.ZipFile(book) as archive:
        names = [name for name in archive.namelist() if "comments" in name]
    return names


def test_filters_choose_posts(tmp_path):
    shelf = tmp_path / "one"
    gold = [post for post in read_gold(THEME_TEST) if post.published]
    assert convert(THEME_TEST, "--split", "-o", shelf, "--post", gold[0].post_id) == 0
    assert len(list(shelf.glob("*.epub"))) == 1
    shelf = tmp_path / "year"
    assert convert(THEME_TEST, "--split", "-o", shelf, "--since", "2013-01-01", "--until", "2013-12-31") == 0
    assert all(book.name.startswith("2013-") for book in shelf.glob("*.epub"))
    shelf = tmp_path / "none"
    assert convert(THEME_TEST, "--split", "-o", shelf, "--author", "nobody-at-all") == 1
    assert not shelf.exists()


def test_summary_counts_what_was_kept_and_what_was_left_out(tmp_path, capsys):
    assert main([str(REMARK42), "-o", str(tmp_path / "b.epub")]) == 0
    err = capsys.readouterr().err.splitlines()
    label = f"{REMARK42.name}: "
    assert err[0] == label + "1 post, 2 comments, 1 pingback or trackback; 0 claims marked"
    assert err[1] == label + "left out 1 attachment; 1 unapproved comment"


def test_claims_in_a_post_become_footnotes(tmp_path):
    export = tmp_path / "blog.xml"
    export.write_bytes(wxr_with_doctype("", "Plain text."))
    book = tmp_path / "blog.epub"
    assert convert(export, "-o", book) == 0
    chapters = [root for name, root in documents(book).items() if name.endswith("post-00001.xhtml")]
    assert chapters and chapters[0].xpath("//h:a[@class='noteref']", namespaces=NS)
    assert chapters[0].xpath("//h:span[@class='speculative']//h:span[@class='cue']", namespaces=NS)
    assert TITLE in text_of(chapters[0]) and BODY_TEXT.split()[3] in text_of(chapters[0])


def test_a_broken_export_gets_one_line_and_leaves_no_book(tmp_path, capsys):
    export = tmp_path / "broken.xml"
    export.write_bytes(THEME_TEST.read_bytes()[:200_000])
    book = tmp_path / "broken.epub"
    assert main([str(export), "-o", str(book)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len([line for line in err if "broken.xml" in line]) == 1
    assert not book.exists() and list(tmp_path.iterdir()) == [export]


def test_pages_and_drafts_come_on_request_with_pages_first_in_the_contents(tmp_path, capsys):
    book = tmp_path / "all.epub"
    assert main([str(PELICAN), "-o", str(book), "--include-pages", "--include-drafts"]) == 0
    err = capsys.readouterr().err
    assert "2 pages" in err and "drafts" not in err
    nav = entry(book, "EPUB/nav.xhtml")
    top = [text_of(a) for a in nav.xpath("//h:nav[@id='toc']/h:ol/h:li/h:a", namespaces=NS)]
    assert top[1] == "Pages"


def test_a_kobo_anthology_passes_epubcheck(tmp_path, epubcheck):
    book = tmp_path / "blog.kepub.epub"
    assert convert(REMARK42, "--format", "kepub", "-o", book) == 0
    with zipfile.ZipFile(book) as archive:
        assert b"koboSpan" in archive.read("EPUB/post-00001.xhtml")
    report = epubcheck(book)
    assert report.errors == [] and report.warnings == []


def test_since_after_until_is_a_usage_error_and_writes_nothing(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        convert(THEME_TEST, "-o", tmp_path / "b.epub", "--since", "2020-01-01", "--until", "2010-01-01")
    assert stop.value.code == 2
    assert "--since 2020-01-01 is after --until 2010-01-01" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_title_page_lists_left_out_posts_and_comments_without_command_line_advice(anthologies):
    page = entry(anthologies[THEME_TEST.name], "EPUB/titlepage.xhtml")
    facts = [text_of(element) for element in page.iter(f"{{{NS['h']}}}dd")]
    assert "21 pages, 1 draft, 1 password-protected post, 1 scheduled post, 1 unapproved comment" in facts


def test_title_page_counts_pingbacks_apart_from_comments(anthologies):
    page = entry(anthologies[THEME_TEST.name], "EPUB/titlepage.xhtml")
    facts = [text_of(element) for element in page.iter(f"{{{NS['h']}}}dd")]
    assert "55 posts, 22 comments, 4 pingbacks and trackbacks" in facts


def test_a_posts_data_picture_is_packaged_in_the_anthology(tmp_path, epubcheck):
    """A picture carried in a data: address is the post's own: the anthology packages it (it once only
    pointed at it, and EPUBCheck found the file missing)."""
    gif = "data:image/gif;base64,R0lGODlhAgACAIAAAAAAAP///yH5BAAAAAAALAAAAAACAAIAAAICRAEAOw=="
    figure = f'<p>Before.</p><figure><img src="{gif}" alt="A dot"></figure>'
    body = figure.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    export = tmp_path / "blog.xml"
    export.write_bytes(wxr_export(wxr_item(1, "A picture", body)))
    book = tmp_path / "blog.epub"
    assert convert(export, "-o", book) == 0
    with zipfile.ZipFile(book) as archive:
        assert [name for name in archive.namelist() if name.startswith("EPUB/images/")]
    report = epubcheck(book)
    assert report.errors == [] and report.warnings == []
