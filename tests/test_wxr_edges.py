"""Small hand-made exports for the edges of a blog run: namesakes, undated and untitled posts, no posts."""

from __future__ import annotations

import zipfile
from pathlib import Path

from conftest import ROOT

from export.cli import main

HEADER = (ROOT / "benchmarks" / "wxr_synthetic.py").read_text(encoding="utf-8").split('HEADER = """')[1]
HEADER = HEADER.split('"""')[0]


def item(post_id: int, slug: str, title: str = "A title", day: str = "2020-05-04", kind: str = "post") -> str:
    """One published item of an export, with a paragraph of text."""
    date = f"{day} 10:00:00" if day else "0000-00-00 00:00:00"
    return f"""<item><title>{title}</title><dc:creator><![CDATA[editor]]></dc:creator>
<content:encoded><![CDATA[The text of post {post_id} is written here in a sentence.]]></content:encoded>
<wp:post_id>{post_id}</wp:post_id><wp:post_date>{date}</wp:post_date>
<wp:post_date_gmt>{date}</wp:post_date_gmt><wp:post_name>{slug}</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>{kind}</wp:post_type></item>
"""


def export(folder: Path, *items: str, header: str = HEADER) -> Path:
    """An export of ``items`` in ``folder``."""
    path = folder / "blog.xml"
    path.write_text(header + "".join(items) + "</channel></rss>\n", encoding="utf-8")
    return path


def books(folder: Path) -> dict[str, str]:
    """The split books in ``folder`` by name, each with the text of its post."""
    found = {}
    for book in sorted(folder.glob("*.epub")):
        with zipfile.ZipFile(book) as archive:
            text = " ".join(
                archive.read(name).decode() for name in archive.namelist() if name.endswith("html")
            )
        found[book.name] = next(f"post {n}" for n in range(1, 10) if f"text of post {n} " in text)
    return found


def test_namesakes_keep_their_book_names_whichever_posts_a_run_chooses(tmp_path):
    source = export(tmp_path, item(1, "hello"), item(2, "hello"), item(3, "hello"))
    shelf = tmp_path / "shelf"
    assert main([str(source), "--split", "-o", str(shelf), "-q", "--post", "3"]) == 0
    assert books(shelf) == {"2020-05-04-hello-3.epub": "post 3"}
    assert main([str(source), "--split", "-o", str(shelf), "-q"]) == 0
    assert books(shelf) == {
        "2020-05-04-hello.epub": "post 1",
        "2020-05-04-hello-2.epub": "post 2",
        "2020-05-04-hello-3.epub": "post 3",
    }


def test_an_anthology_with_no_post_chosen_is_refused_with_one_line_and_nothing_written(tmp_path, capsys):
    source = export(tmp_path, item(1, "hello"), item(2, "about", kind="page"))
    target = tmp_path / "out" / "blog.epub"
    target.parent.mkdir()
    assert main([str(source), "-o", str(target), "--author", "nobody"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"annotated-epub: {source}: no post or page to make a book of "
        "(left out 2 items not chosen by the filters); nothing written"
    ]
    assert list(target.parent.iterdir()) == []


def test_a_split_with_no_post_chosen_is_refused_with_one_line_and_no_directory_left(tmp_path, capsys):
    source = export(tmp_path, item(1, "hello"), item(2, "about", kind="page"))
    shelf = tmp_path / "shelf"
    assert main([str(source), "--split", "-o", str(shelf), "--since", "2030-01-01"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"annotated-epub: {source}: no post or page to make a book of "
        "(left out 2 items not chosen by the filters); nothing written"
    ]
    assert not shelf.exists()
    shelf.mkdir()
    assert main([str(source), "--split", "-o", str(shelf), "--post", "99", "-q"]) == 1
    assert list(shelf.iterdir()) == []


def test_a_post_asked_for_that_is_not_in_the_export_gets_a_warning(tmp_path, capsys):
    source = export(tmp_path, item(1, "hello"), item(2, "world"))
    shelf = tmp_path / "shelf"
    assert main([str(source), "--split", "-o", str(shelf), "--post", "world", "--post", "99"]) == 0
    err = capsys.readouterr().err
    assert f"annotated-epub: warning: {source}: --post 99: no post or page has this id or slug" in err
    assert "--post world" not in err
    assert list(books(shelf).values()) == ["post 2"]


def test_split_into_an_existing_file_is_one_clear_line(tmp_path, capsys):
    source = export(tmp_path, item(1, "hello"))
    target = tmp_path / "book.epub"
    target.write_bytes(b"mine")
    assert main([str(source), "--split", "-o", str(target)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"annotated-epub: {target}: is not a directory, and --split writes one book per post in a directory"
    ]
    assert target.read_bytes() == b"mine"


def test_two_blogs_of_one_title_split_into_directories_of_their_own(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = export(tmp_path / "a", item(1, "hello")), export(tmp_path / "b", item(2, "hello"))
    shelf = tmp_path / "shelf"
    assert main([str(first), str(second), "--split", "-o", f"{shelf}/", "-q"]) == 0
    assert books(shelf / "a-synthetic-blog") == {"2020-05-04-hello.epub": "post 1"}
    assert books(shelf / "a-synthetic-blog-2") == {"2020-05-04-hello.epub": "post 2"}


def test_title_page_of_a_blog_without_claims_says_none_were_found(tmp_path):
    source = export(tmp_path, item(1, "hello"))
    book = tmp_path / "blog.epub"
    assert main([str(source), "-o", str(book), "-q"]) == 0
    with zipfile.ZipFile(book) as archive:
        page = archive.read("EPUB/titlepage.xhtml").decode()
    assert "<dd>none found</dd>" in page


def test_a_german_blog_is_summed_up_and_titled_as_without_marked_claims(tmp_path, capsys):
    source = export(tmp_path, item(1, "hallo"), header=HEADER.replace("en-US", "de-DE"))
    book = tmp_path / "blog.epub"
    assert main([str(source), "-o", str(book)]) == 0
    assert "1 post, 0 comments, 0 pingbacks and trackbacks; claims not marked" in capsys.readouterr().err
    with zipfile.ZipFile(book) as archive:
        page = archive.read("EPUB/titlepage.xhtml").decode()
    assert "<dd>in diesem Buch nicht markiert</dd>" in page  # the German blog's book speaks German
    assert "automatischer Detektor" not in page


def test_markup_in_a_title_is_dropped_but_an_escaped_tag_stays_text(tmp_path):
    source = export(
        tmp_path,
        item(1, "", "<![CDATA[Title <em>With</em> <b>Mark<sup>up</sup></b>]]>"),
        item(2, "", "Some &lt;html&gt; in a title"),
    )
    shelf = tmp_path / "shelf"
    assert main([str(source), "--split", "-o", str(shelf), "-q"]) == 0
    assert books(shelf) == {
        "2020-05-04-some-html-in-a-title.epub": "post 2",
        "2020-05-04-title-with-markup.epub": "post 1",
    }
    with zipfile.ZipFile(shelf / "2020-05-04-title-with-markup.epub") as archive:
        assert ">Title With Markup</h1>" in archive.read("EPUB/titlepage.xhtml").decode()


def test_an_untyped_item_is_named_by_its_post_id_in_the_warning(tmp_path, capsys):
    source = export(tmp_path, item(1, "hello").replace("<wp:post_type>post</wp:post_type>", ""))
    assert main([str(source), "-o", str(tmp_path / "b.epub")]) == 0
    err = capsys.readouterr().err
    assert "has items without wp:post_type (read as posts; first: the item with post id 1)" in err
