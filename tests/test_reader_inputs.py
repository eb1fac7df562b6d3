"""Pages as they come: XML declarations, BOMs and "saved from" comments before the page, wrong or missing
encoding declarations, and no language stated (the book's language and claim notes follow the text)."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from export.pipeline import ConvertOptions, build_book
from export.readers import is_blog_export, looks_like_html, looks_like_wxr
from export.readers.decode import decode_text
from export.readers.html.page import read_html_page
from export.readers.html.parse import decode_html
from export.readers.kinds import INPUT_KINDS, inputs_help
from export.readers.prologue import root_tag, skip_prologue
from export.readers.text import read_text_page

GERMAN = (
    "Die Regierung will das Gesetz im Herbst ändern. Kritiker sagen, dass die Reform wahrscheinlich "
    "scheitern wird, weil die Länder nicht zustimmen. Der Minister könnte den Entwurf noch einmal "
    "überarbeiten, heißt es aus dem Ministerium. Die weibliche Genitalverstümmelung bleibt verboten."
)
ENGLISH = (
    "The government will change the law in the autumn. Critics say the reform will probably fail, "
    "because the states may not agree. The minister could revise the draft once more, sources said."
)
RUSSIAN = (
    "Правительство изменит закон осенью. Критики говорят, что реформа, вероятно, провалится, потому "
    "что регионы не согласятся. Министр может ещё раз переработать проект, сообщают источники."
)
WXR_ROOT = b'<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>'


def html(body: str, head: str = "", html_attributes: str = "") -> str:
    return (
        f"<html{html_attributes}><head>{head}<title>Ein Titel der Seite</title></head>"
        f"<body><article><h1>Ein Titel der Seite</h1><p>{body}</p><p>{body}</p></article></body></html>"
    )


def write(tmp_path: Path, data: bytes, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# What may come before the page


@pytest.mark.parametrize(
    "start",
    [
        b" " * 28 + b"<!DOCTYPE html><html>",
        b"<?xml version='1.0' encoding='utf-8'?>\n<html>",
        b"<!-- saved from url=(0040)https://www.example.com/2020/04/a-page/ -->\r\n<html>",
        b"<!-- one --><!-- two -->\n\n<?pi x?><head>",
        "<!DOCTYPE html>".encode("utf-16"),
    ],
)
def test_pages_are_told_by_what_follows_their_prologue(start):
    assert looks_like_html(start)
    assert not looks_like_wxr(start)


def test_an_export_is_told_past_a_long_prologue_and_nothing_else_is():
    prologue = b"\n" * 5000 + b"<?xml version='1.0'?><!-- a -- b --><!DOCTYPE rss [<!ENTITY x '>'>]>\n"
    assert looks_like_wxr(prologue + WXR_ROOT)
    assert not looks_like_wxr(prologue + b"<html>")
    assert not looks_like_wxr(b"<!-- never closed " + WXR_ROOT)
    assert not looks_like_html(b"Title\n\n<html> quoted in a text page")


def test_the_prologue_is_skipped_in_one_pass():
    assert skip_prologue(b"  <!-- a --> <?x y?>\n<html>") == 21
    assert skip_prologue(b"<!DOCTYPE html><html>") == 0
    assert skip_prologue(b"<!DOCTYPE html><html>", doctype=True) == 15
    assert skip_prologue(b"<!-- cut short") is None
    assert skip_prologue(b"<!---->" * 10_000 + b"<a>") == 70_000


def test_the_root_tag_follows_the_prologue():
    assert root_tag(b"<!-- a -->\n<html>") == 11
    assert root_tag(b"<!DOCTYPE html><html>", doctype=True) == 15
    assert root_tag(b"<!-- a --> A text page") is None
    assert root_tag(b"<!-- cut short") is None


def test_a_file_of_leading_spaces_is_not_an_export(tmp_path):
    """It once took 17 s at 28 spaces, each more doubling it; now the sniffing reads a bounded prefix once."""
    path = write(tmp_path, b" " * 100_000 + b"A Title\n\nSome text.\n", "page.txt")
    assert not is_blog_export(path)


def test_the_registry_tries_the_blog_first_and_text_last(tmp_path):
    """Each kind of input is told by the first kind in order whose sniff takes it; plain text takes all."""
    page = write(tmp_path, b"<!doctype html><title>T</title><p>Text.</p>", "page.txt")
    export = write(
        tmp_path, b'<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/">', "x.xml"
    )
    told = {
        path.name: next(kind for kind in INPUT_KINDS if kind.sniff(path.read_bytes(), path)).name
        for path in (page, export)
    }
    assert told == {"page.txt": "html", "x.xml": "wordpress-export"}
    assert INPUT_KINDS[-1].sniff(b"", tmp_path / "anything")
    assert inputs_help(pages_only=True) == "saved HTML page(s) or plain-text page(s)"


@pytest.mark.parametrize(
    ("name", "prefix"),
    [
        ("xml declaration", b'<?xml version="1.0" encoding="UTF-8"?>\n'),
        ("latin-1 xml declaration", b'<?xml version="1.0" encoding="ISO-8859-1"?>\n'),
        ("utf-8 bom", b"\xef\xbb\xbf"),
        ("saved from url", b"<!-- saved from url=(0040)https://www.example.com/2020/04/a-page/ -->\r\n"),
    ],
)
def test_pages_with_a_prologue_read_normally(tmp_path, name, prefix):
    encoding = "iso-8859-1" if name.startswith("latin-1") else "utf-8"
    article = read_html_page(write(tmp_path, prefix + html(GERMAN).encode(encoding), "page.txt"))
    assert article.title == "Ein Titel der Seite"
    assert "Genitalverstümmelung" in article.sections[0].blocks[0].text


def test_the_saved_from_address_is_the_source_unless_the_page_names_one(tmp_path):
    saved = b"<!-- saved from url=(0040)https://www.example.com/2020/04/a-page/ -->\n"
    article = read_html_page(write(tmp_path, saved + html(ENGLISH).encode()))
    assert article.source == "https://www.example.com/2020/04/a-page/"
    canonical = '<link rel="canonical" href="https://www.example.org/canonical/">'
    article = read_html_page(write(tmp_path, saved + html(ENGLISH, canonical).encode()))
    assert article.source == "https://www.example.org/canonical/"
    intranet = b"<!-- saved from url=(0014)about:internet -->\n"
    assert read_html_page(write(tmp_path, intranet + html(ENGLISH).encode())).source is None


# Encodings


def test_valid_utf8_is_utf8_whatever_the_page_declares():
    declared = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    assert "Genitalverstümmelung" in decode_html(html(GERMAN, declared).encode("utf-8"))
    xml = '<?xml version="1.0" encoding="windows-1252"?>' + html(GERMAN)
    assert "Genitalverstümmelung" in decode_html(xml.encode("utf-8"))


def test_correct_declarations_are_kept():
    for encoding in ("iso-8859-1", "windows-1252", "iso-8859-15"):
        declared = f'<meta charset="{encoding}">'
        assert "Genitalverstümmelung" in decode_html(html(GERMAN, declared).encode(encoding))
    assert RUSSIAN in decode_html(html(RUSSIAN, '<meta charset="koi8-r">').encode("koi8-r"))
    xml = '<?xml version="1.0" encoding="ISO-8859-1"?>' + html(GERMAN)
    assert "Genitalverstümmelung" in decode_html(xml.encode("iso-8859-1"))


def test_undeclared_legacy_encodings_are_detected():
    western = html(GERMAN + " “Zitat” – café").encode("cp1252")
    assert "Genitalverstümmelung" in decode_html(western)
    assert "“Zitat” – café" in decode_html(western)
    assert RUSSIAN in decode_html(html(RUSSIAN).encode("cp1251"))
    assert RUSSIAN in decode_text((RUSSIAN + "\n\n" + RUSSIAN).encode("cp1251"), "page.txt")


def test_utf8_with_a_few_damaged_bytes_stays_utf8():
    damaged = html(GERMAN).encode("utf-8").replace(b"Gesetz", b"Ges\xe9tz", 1)
    text = decode_html(b'<meta charset="utf-8">' + damaged)
    assert "Genitalverstümmelung" in text and "Ges\ufffdtz" in text


# Language


def build(path: Path, **options) -> tuple[str, bool, bytes]:
    """The book's language, whether any claim was marked, and its package document."""
    article, data = build_book(path, ConvertOptions(**options))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        package = archive.read("EPUB/content.opf")
    return article.language, any(paragraph.claims for paragraph in article.paragraphs()), package


def test_a_german_page_without_lang_gets_a_german_book_and_no_english_claim_notes(tmp_path):
    language, claims, package = build(write(tmp_path, html(GERMAN).encode()))
    assert language == "de" and not claims
    assert b"<dc:language>de</dc:language>" in package and b'xml:lang="de"' in package


def test_an_english_page_without_lang_keeps_its_claim_notes(tmp_path):
    language, claims, _ = build(write(tmp_path, html(ENGLISH).encode()))
    assert language == "en" and claims


def test_the_markup_language_wins_over_the_text(tmp_path):
    for markup in (' lang="fr"', ""):
        head = "" if markup else '<meta property="og:locale" content="fr_FR">'
        language, _, _ = build(write(tmp_path, html(GERMAN, head, markup).encode()))
        assert language.startswith("fr")


def test_a_text_page_gets_its_language_unless_one_is_given(tmp_path):
    path = write(tmp_path, f"Ein Titel\n\n{GERMAN}\n\n{GERMAN}\n".encode(), "page.txt")
    assert read_text_page(path).language == "de"
    assert build(path, claims_level="all")[:2] == ("de", False)
    # Read as English, German "will" (wants) is a bare will, which only level all marks.
    language, claims, _ = build(path, language="en", claims_level="all")
    assert language == "en" and claims


def test_too_little_text_keeps_the_default_language(tmp_path):
    path = write(tmp_path, b"Titel\n\nKurz.\n", "page.txt")
    assert read_text_page(path).language == "en"


def test_an_interrupt_while_a_book_is_written_still_waits_after_the_language_model_loaded(
    tmp_path, monkeypatch
):
    """The identifier's numerical library starts threads; a Ctrl-C must not reach the book's writing
    through them (it did: they did not block the signal the main thread holds back)."""
    import os
    import signal

    from export import pipeline
    from export.readers.language import detect_language

    assert detect_language(ENGLISH) == "en"
    assert read_html_page(write(tmp_path, html(ENGLISH).encode())).paragraphs()  # imports trafilatura
    target = tmp_path / "book.epub"
    target.write_bytes(b"the old book")
    real_fsync = os.fsync

    def interrupted_fsync(handle: int) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        real_fsync(handle)

    monkeypatch.setattr(pipeline.os, "fsync", interrupted_fsync)
    with pytest.raises(KeyboardInterrupt):
        pipeline.write_atomically(target, b"the new, complete book", [tmp_path])
    assert target.read_bytes() == b"the new, complete book"


def test_plainly_one_languages_text_is_told_by_its_commonest_words_without_the_model():
    from export.readers.language import by_common_words, detect_language

    assert by_common_words(f"{ENGLISH} {ENGLISH} {ENGLISH}") == "en"
    german = (
        "Der Mann ist nicht mit dem Auto in die Stadt gefahren, und er wird auch nicht mit der Bahn fahren, "
        "weil sie zu teuer ist. Das ist für ihn eine Frage des Geldes und nicht der Zeit. "
    )
    assert by_common_words(german * 3) == "de"
    assert detect_language(GERMAN) == "de"  # fewer common words: the identifier tells it
    assert by_common_words("Kurz.") is None  # too few words: the identifier decides, or nobody does
    mixed = " ".join(["the and of"] * 10 + ["der die das"] * 10)
    assert by_common_words(mixed) is None  # no language plainly ahead


def test_the_seed_is_read_without_loading_the_language_model():
    code = (
        "import sys; from export.readers.text import read_text_page; from pathlib import Path; "
        "article = read_text_page(Path('seeds/000_4421cee95cb58524.txt')); "
        "print(article.language, 'numpy' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.split() == ["en", "False"]
