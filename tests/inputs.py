"""Bad and hostile inputs, made from the seed page; one maker per kind of input.

A maker returns Cases: a file's name and bytes and what must come of them. A reader is covered by
adding its makers to MAKERS: the tests run every case through the command line, whichever reader
reads it, so the HTML and XML cases here test the text reader today and their own readers once merged.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_4421cee95cb58524.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")
COMMENTS_AT = SEED_TEXT.index("11 thoughts on")
ARTICLE_TEXT = SEED_TEXT[:COMMENTS_AT]
BODY_START = SEED_TEXT.index("When Russian President")
BODY_END = SEED_TEXT.index("Gareth Porter, an investigative")
BODY_TEXT = SEED_TEXT[BODY_START:BODY_END]
AFTER_BODY = SEED_TEXT[BODY_END:COMMENTS_AT]
# What a book made from a hostile input must never contain: words of a local file it names.
TITLE = "How Putin’s Leverage Shaped the Syrian Ceasefire"
XINCLUDE = "http://www.w3.org/2001/XInclude"
CANARY_TEXT = "canary-7f3a9c-local-file-contents-must-not-reach-the-book"


@dataclass(frozen=True)
class Case:
    """One input: its name, bytes, and the outcome it must have."""

    name: str
    data: bytes
    suffix: str = ".txt"
    outcome: str = "book"  # "book", "error" (one line containing ``problem``) or "either"
    problem: str = ""
    check: bool = False  # run EPUBCheck on its book (a representative few: each costs seconds)


@dataclass(frozen=True)
class Hostile:
    """Where hostile inputs point: a local file that must stay unread and a server that must stay unasked."""

    canary: Path
    server: str  # http://127.0.0.1:PORT


# Bad input: encodings, damage, size, shape, scripts


def bad_text_cases() -> list[Case]:
    """Damaged, odd and oversized saved text pages."""
    seed = SEED_TEXT.encode("utf-8")
    cut_in_character = seed[: seed.rindex("’".encode()) + 1]
    noise = random.Random(7).randbytes(20_000)
    return [
        Case("empty", b"", outcome="error", problem="is empty"),
        Case("whitespace only", " \n\t\r\n\u3000\u200b\n".encode(), outcome="error"),
        Case("binary noise", noise, ".bin", outcome="error", problem="binary"),
        Case("png header", b"\x89PNG\r\n\x1a\n" + noise, ".png", outcome="error", problem="binary"),
        Case("nul bytes", seed.replace(b"\n", b"\x00\n"), outcome="error", problem="binary"),
        Case("truncated utf-8", cut_in_character),
        Case("truncated utf-8 in the middle", seed[:5000] + b"\xe2\x80" + seed[5000:]),
        Case("utf-16 le with bom", b"\xff\xfe" + SEED_TEXT.encode("utf-16-le")),
        Case("utf-16 be with bom", b"\xfe\xff" + SEED_TEXT.encode("utf-16-be")),
        Case("utf-16 bom, odd length", b"\xff\xfe" + SEED_TEXT.encode("utf-16-le") + b"\x00"),
        Case("utf-8 bom", b"\xef\xbb\xbf" + seed),
        Case("cp1252", SEED_TEXT.replace("🙂", ":)").encode("cp1252")),
        Case(
            "xml-illegal controls",
            _sprinkle(SEED_TEXT, "\x01\x08\x0b\x0c\x1b\x7f\ufffe\uffff").encode(),
            check=True,
        ),
        Case(
            "lone surrogates",
            SEED_TEXT.replace("Putin", "Pu\ud800tin\udfff").encode("utf-8", "surrogatepass"),
        ),
        Case(
            "noncharacters and private use",
            SEED_TEXT.replace("Syria", "Syria\ufdd0\U0010fffe\ue000").encode(),
        ),
        Case("cr line endings", SEED_TEXT.replace("\n", "\r").encode()),
        Case("title of 10,000 characters", ("Leverage " * 1112 + "\n" + ARTICLE_TEXT).encode(), check=True),
        Case("title of 10,000 letters", ("x" * 10_000 + "\n\n" + BODY_TEXT).encode()),
        Case("right-to-left", _right_to_left().encode()),
        Case("emoji and combining", _emoji_and_combining().encode(), check=True),
        Case("bidi controls", SEED_TEXT.replace("Putin", "\u202ePutin\u202c\u2066\u200f").encode()),
        Case("10,000 comments", _many_comments(10_000).encode()),
        Case("replies 1,500 deep", _deep_replies(1_500).encode()),
        Case("dates after 2107, past a zip's years", SEED_TEXT.replace(", 2016", ", 9999").encode()),
        Case("dates in the year 1", SEED_TEXT.replace(", 2016", ", 0001").encode()),
        Case("comments numbered alike", _comments_numbered_alike().encode(), check=True),
        Case(
            "comment section only",
            b'3 thoughts on "A Test"\n\n  1. A comment.\n',
            outcome="error",
            problem="no title",
        ),
        Case("only punctuation", b"----\n\n!!! ???\n", outcome="error", problem="no title line"),
        Case("one word", b"Title"),
        Case("lines of 100,000 characters", (("Might it be so? " * 6250 + "\n\n") * 3).encode()),
    ]


def markup_cases() -> list[Case]:
    """Broken and outsized HTML, which the text reader reads as text until the HTML reader lands."""
    return [
        Case(
            "html nested 10,000 deep",
            _html_page("<div>" * 10_000 + BODY_TEXT + "</div>" * 10_000),
            ".html",
            "either",
            check=True,
        ),
        Case(
            "html unclosed tags",
            _html_page("<p><b><i><table><tr><td><ul><li>" + BODY_TEXT * 3),
            ".html",
            "either",
        ),
        Case("html truncated mid-tag", _html_page(BODY_TEXT)[:-40] + b"<a href='", ".html", "either"),
        Case(
            "html attributes of 1 MB",
            _html_page(f'<p title="{"x" * 2**20}">{BODY_TEXT}</p>'),
            ".html",
            "either",
        ),
        Case("html 5,000 comments", _html_page(BODY_TEXT, comments=5_000), ".html", "either"),
        Case(
            # The parser makes these references characters XML forbids; after a dropped script the text
            # was joined to its parent's by lxml, which refused it (a tune page's variant: &#65534;).
            "html character references to xml-illegal characters",
            _html_page(
                f'<p title="a&#1;b">{BODY_TEXT[:400]}<script>x()</script>Then a&#1;b, c&#x1B;d, e&#xfffe;f,'
                f' g&#65535;h, i&#0012j <img src="p.png" alt="&#x8;k"></p>{BODY_TEXT[400:]}'
            ),
            ".html",
            check=True,
        ),
    ]


def big_cases() -> list[Case]:
    """The big inputs the benchmark measures: a 10 MB line, a 50 MB article, 10,000 comments."""
    line = " ".join(BODY_TEXT.split())
    return [
        Case("10 MB single line", ("Leverage\n\n" + _repeat(line + " ", 10 * 2**20)).encode()),
        Case("50 MB article", (SEED_TEXT[:BODY_END] + _repeat(BODY_TEXT, 50 * 2**20) + AFTER_BODY).encode()),
        Case("10,000 comments", _many_comments(10_000).encode()),
    ]


# Hostile markup: active content, remote resources, entity expansion, external entities


def hostile_html_cases(hostile: Hostile) -> list[Case]:
    """Saved pages with scripts, handlers, dangerous links, remote resources and external entities."""
    url, canary = hostile.server, hostile.canary.as_uri()
    active = f"""
<script>document.write('scripted')</script><script src="{url}/script.js"></script>
<p onclick="alert(1)" onmouseover="alert(2)" style="background:url({url}/bg.png)">Handlers here.</p>
<a href="javascript:alert(1)">a javascript link</a> <a href="JaVaScRiPt&colon;alert(2)">encoded</a>
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">a data link</a>
<a href="vbscript:msgbox(1)">vb</a> <a href="file:///etc/passwd">a file link</a>
<svg xmlns="http://www.w3.org/2000/svg" onload="alert(3)"><script>alert(4)</script>
<image href="{url}/svg-image.png"/><use href="{url}/sprite.svg#x"/></svg>
<iframe src="{url}/frame.html"></iframe><iframe srcdoc="&lt;script&gt;alert(5)&lt;/script&gt;"></iframe>
<img src="{url}/image.png" srcset="{url}/image-2x.png 2x" onerror="alert(6)" alt="remote">
<picture><source srcset="{url}/source.webp"></picture>
<video src="{url}/video.mp4" poster="{url}/poster.jpg"></video><audio src="{url}/audio.mp3"></audio>
<object data="{url}/object.swf"></object><embed src="{url}/embed.swf">
<link rel="stylesheet" href="{url}/style.css"><link rel="preload" href="{url}/font.woff2" as="font">
<style>@import url({url}/import.css); @font-face {{ font-family: x; src: url({url}/font.woff); }}
body {{ background: url({url}/body.png) }}</style>
<meta http-equiv="refresh" content="0; url={url}/refresh"><base href="{url}/base/">
<form action="{url}/form"><input type="image" src="{url}/input.png"></form>
<math><maction actiontype="statusline" xlink:href="javascript:alert(7)">m</maction></math>
"""
    xxe = f"""<!DOCTYPE html [
<!ENTITY canary SYSTEM "{canary}">
<!ENTITY remote SYSTEM "{url}/entity.txt">
<!ENTITY % dtd SYSTEM "{url}/parameter.dtd"> %dtd;
]>"""
    return [
        Case(
            "html active content and remote resources",
            _html_page(active * 2, comments=3, comment_html=active),
            ".html",
            "either",
            check=True,
        ),
        Case(
            "html external entities",
            _html_page(f"<p>&canary; &remote;</p>{BODY_TEXT}", doctype=xxe),
            ".html",
            "either",
        ),
        Case(
            "xhtml external dtd",
            _html_page(BODY_TEXT, doctype=f'<!DOCTYPE html SYSTEM "{url}/xhtml.dtd">'),
            ".xhtml",
            "either",
        ),
        Case(
            "html xinclude",
            _html_page(f'<xi:include xmlns:xi="{XINCLUDE}" href="{canary}" parse="text"/>{BODY_TEXT}'),
            ".html",
            "either",
        ),
    ]


def hostile_xml_cases(hostile: Hostile) -> list[Case]:
    """WordPress-export-like XML with entity bombs, external entities and DTD retrieval."""
    url, canary = hostile.server, hostile.canary.as_uri()
    laughs = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    quadratic = "a" * 50_000
    return [
        Case(
            "xml billion laughs",
            wxr_with_doctype('<!ENTITY lol0 "lol">' + laughs, "&lol9;"),
            ".xml",
            "either",
        ),
        Case(
            "xml quadratic blow-up",
            wxr_with_doctype(f'<!ENTITY a "{quadratic}">', "&a;" * 50_000),
            ".xml",
            "either",
        ),
        Case(
            "xml external entity, local file",
            wxr_with_doctype(f'<!ENTITY xxe SYSTEM "{canary}">', "&xxe;"),
            ".xml",
            "either",
        ),
        Case(
            "xml external entity, url",
            wxr_with_doctype(f'<!ENTITY xxe SYSTEM "{url}/entity.xml">', "&xxe;"),
            ".xml",
            "either",
        ),
        Case(
            "xml parameter entity",
            wxr_with_doctype(f'<!ENTITY % p SYSTEM "{url}/parameter.dtd"> %p;', "text"),
            ".xml",
            "either",
        ),
        Case("xml external dtd", wxr_with_doctype("", "text", system=f"{url}/wxr.dtd"), ".xml", "either"),
        Case(
            "xml xinclude of a local file",
            wxr_with_doctype("", f'<xi:include xmlns:xi="{XINCLUDE}" href="{canary}" parse="text"/>'),
            ".xml",
            "either",
        ),
        Case("xml unclosed", wxr_with_doctype("", "text")[:-200], ".xml", "either"),
    ]


def hostile_feed_cases(hostile: Hostile) -> list[Case]:
    """The XML cases as RSS feeds (no WordPress namespace), and a feed whose item holds active content."""
    cases = [
        Case(case.name.replace("xml", "feed", 1), _as_feed(case.data), ".xml", "either")
        for case in hostile_xml_cases(hostile)
    ]
    page = hostile_html_cases(hostile)[0].data.decode("utf-8").replace("]]>", "")
    item = f"<item><title>{TITLE}</title><content:encoded><![CDATA[{page}]]></content:encoded></item>"
    active = _as_feed(wxr_with_doctype("", "text")).replace(b"<item>", item.encode() + b"<item>", 1)
    return [*cases, Case("feed item with active content and remote resources", active, ".xml", "either")]


def _as_feed(export: bytes) -> bytes:
    return export.replace(b' xmlns:wp="http://wordpress.org/export/1.2/"', b"")


def blog_export() -> bytes:
    """A small WordPress export: the seed's article as a post with a comment and a reply, and another post."""
    body = _xml_text(BODY_TEXT)
    return wxr_export(_commented_post(body) + wxr_item(2, "Second", body))


def _commented_post(body: str) -> str:
    return wxr_item(1, TITLE, body, _wxr_comments([(1, 0), (2, 1)]))


def bad_wxr_cases() -> list[Case]:
    """Damaged, odd and outsized WordPress exports; each starts like one, so it reaches the WXR reader."""
    body = _xml_text(BODY_TEXT)
    post = _commented_post(body)
    whole = blog_export()
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>A Feed</title>
<item><title>{TITLE}</title><description>{body}</description></item></channel></rss>"""
    return [
        Case("wxr empty", b"", ".xml", "error", "is empty"),
        Case("wxr not xml", wxr_export("<item><<<>>> & </channel>"), ".xml", "error", "not well-formed XML"),
        Case(
            "wxr truncated mid-item",
            whole[: whole.index(b"Second") + 3],
            ".xml",
            "error",
            "not well-formed XML",
        ),
        Case(
            "wxr wrong root",
            whole.replace(b"<rss", b"<feed").replace(b"</rss>", b"</feed>"),
            ".xml",
            "either",
        ),
        Case("wxr rss feed, not an export", feed.encode(), ".xml", "book"),  # a feed's book
        Case("wxr item with no content", wxr_export(wxr_item(1, TITLE, "")), ".xml", check=True),
        Case("wxr no items", wxr_export(""), ".xml", "either"),
        Case(
            "wxr 2,000-deep replies",
            wxr_export(wxr_item(1, TITLE, body, _wxr_comments([(n, n - 1) for n in range(1, 2001)]))),
            ".xml",
        ),
        Case(
            "wxr comment its own parent",
            wxr_export(wxr_item(1, TITLE, body, _wxr_comments([(7, 7)]))),
            ".xml",
        ),
        Case(
            "wxr comments in a cycle",
            wxr_export(wxr_item(1, TITLE, body, _wxr_comments([(1, 3), (2, 1), (3, 2), (4, 2)]))),
            ".xml",
        ),
        Case(
            "wxr invalid dates",
            whole.replace(b"2016-03-28 1", b"2016-13-45 9").replace(b"Mon, 28", b"Xyz, 99"),
            ".xml",
        ),
        Case("wxr control characters", wxr_export(_sprinkle(post, "\x00\x01\x0b\x1f")), ".xml"),
        Case(
            "wxr undeclared atom prefix",
            wxr_export(post, '<atom:link rel="self" href="https://a.example/"/>'),
            ".xml",
        ),
        Case("wxr 5 MB post", wxr_export(wxr_item(1, TITLE, _repeat(body + "\n\n", 5 * 2**20))), ".xml"),
    ]


# Adversarial runs: what made a regular expression or a parser slow, 10^5 times over

RUN = 100_000
ADVERSARIAL_RUNS = {
    "whitespace": " \t\n" * (RUN // 3),
    "spaces": " " * RUN,
    "one long comment": "<!--" + "- a " * (RUN // 4) + "-->",
    "nested comments": "<!-- " * (RUN // 5) + " -->" * (RUN // 4),
    "unclosed comment openers": "<!--" * (RUN // 4),
    "div tags": "<div>" * (RUN // 5),
    "ampersand entities": "&amp;" * (RUN // 5),
    "brackets": "[" * RUN,
    "angle brackets": "<" * RUN,
    "processing instructions": "<?x ?>" * (RUN // 6),
    "exclamation marks": "!" * RUN,
}


def adversarial_cases() -> list[Case]:
    """Each run before and inside a saved page, a text page, a WordPress export and a zipped export."""
    cases = []
    for name, run in ADVERSARIAL_RUNS.items():
        escaped = _xml_text(run)
        wxr_inside = wxr_export(wxr_item(1, TITLE, f"{escaped}\n\n{_xml_text(BODY_TEXT)}"))
        wxr_before = run.encode() + wxr_export(wxr_item(1, TITLE, _xml_text(BODY_TEXT)))
        cases += [
            Case(f"html, {name} before", run.encode() + _html_page(BODY_TEXT), ".html", "either"),
            Case(f"html, {name} inside", _html_page(run + BODY_TEXT), ".html", "either"),
            Case(f"text, {name} before", (run + SEED_TEXT).encode(), ".txt", "either"),
            Case(
                f"text, {name} inside", (ARTICLE_TEXT + run + "\n\n" + BODY_TEXT).encode(), ".txt", "either"
            ),
            Case(f"wxr, {name} before", wxr_before, ".xml", "either"),
            Case(f"wxr, {name} inside", wxr_inside, ".xml", "either"),
            Case(f"zip, {name} before", _zip({"export.xml": wxr_before}), ".zip", "either"),
            Case(f"zip, {name} inside", _zip({"export.xml": wxr_inside}), ".zip", "either"),
        ]
    return cases


def deep_cases() -> list[Case]:
    """Markup nested thousands of levels deep, as broken comment sections make it: each still gives a book."""
    cases = []
    for tag in ("div", "blockquote"):  # what the parser keeps, deeper than the block reader's recursion went
        nested = f"<{tag}>" * 246 + BODY_TEXT + f"</{tag}>" * 246
        cases.append(Case(f"html {tag} nested 246 deep", _html_page(nested), ".html"))
    for depth in (5_000, 50_000):
        for tag in ("div", "blockquote"):
            nested = f"<{tag}>" * depth + BODY_TEXT + f"</{tag}>" * depth
            cases.append(Case(f"html {tag} nested {depth:,} deep", _html_page(nested), ".html"))
        unclosed = "".join(
            "<div class='comment'>" + (f"<p>Reply {n} might be so.</p>" if n % 100 == 0 else "")
            for n in range(depth)
        )
        cases.append(Case(f"html unclosed divs {depth:,} deep", _html_page(BODY_TEXT + unclosed), ".html"))
        content = _xml_text("<div>" * depth + BODY_TEXT + "</div>" * depth)
        cases.append(
            Case(f"wxr content nested {depth:,} deep", wxr_export(wxr_item(1, TITLE, content)), ".xml")
        )
    return cases


def _wordpress_thread(depth: int) -> str:
    """A WordPress thread of ``depth`` comments, each the reply to the one before (``ol.children``)."""
    opened = "".join(
        f'<li class="comment" id="comment-{n}"><article class="comment-body"><footer class="comment-meta">'
        f'<div class="comment-author vcard"><b class="fn">Reader {n}</b> <span class="says">says:</span>'
        "</div>"
        f'<div class="comment-metadata"><a href="#comment-{n}"><time datetime="2016-03-28T10:00:00">'
        f"March 28, 2016 at 10:00 am</time></a></div></footer>"
        f'<div class="comment-content"><p>Reply {n} might be so.</p></div></article><ol class="children">'
        for n in range(depth)
    )
    return f'<ol class="commentlist">{opened}{"</ol></li>" * depth}</ol>'


def _div_thread(depth: int) -> str:
    """A thread of nested ``div`` comments without list markup, ``depth`` replies deep."""
    opened = "".join(
        f'<div class="comment"><div class="author">Reader {n}</div><div class="date">28.03.2016</div>'
        f"<p>Reply {n} might be so.</p>"
        for n in range(depth)
    )
    return f'<div id="comments">{opened}{"</div>" * depth}</div>'


def _one_comment(content: str) -> str:
    """A WordPress thread of one comment holding ``content``."""
    return (
        '<ol class="commentlist"><li class="comment" id="comment-1"><div class="comment-author vcard">'
        f'<cite class="fn">Reader</cite></div><div class="comment-content">{content}</div></li></ol>'
    )


def _stress_page(body: str, thread: str = "", header: str = "") -> bytes:
    """A page of the article's text with ``body`` after it, ``header`` in its byline and ``thread`` after."""
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{TITLE}</title></head>
<body><article class="post"><header><h1 class="entry-title">{TITLE}</h1>
<p class="byline">by <span class="author vcard">Gareth Porter</span>{header}
<time datetime="2016-03-28">March 28, 2016</time></p></header>
<div class="entry-content">{BODY_TEXT}{body}</div></article>{thread}</body></html>"""
    return page.encode("utf-8")


def _nested(tags: tuple[str, ...], depth: int, inner: str, text: str = "") -> str:
    """``inner`` inside ``depth`` elements, their tags in turn from ``tags``, ``text`` at each level."""
    names = [tags[level % len(tags)] for level in range(depth)]
    return (
        "".join(f"<{name}>{text}" for name in names) + inner + "".join(f"</{name}>" for name in names[::-1])
    )


def stress_cases() -> list[Case]:
    """Pages shaped to make a tree walk quadratic: threads, comments and articles nested thousands deep (and
    250 levels, below the parser's 256, which the reader flattens past 160), 10^5 rows, links, paragraphs."""
    row = "<div>Like · Reply · Share</div>"
    dated_row = '<div class="row">Anna · 28.03.2016</div>'
    cases = [
        ("wordpress thread 5,000 deep", _stress_page("", _wordpress_thread(5_000))),
        ("wordpress thread 60 deep", _stress_page("", _wordpress_thread(60))),
        ("div thread 5,000 deep", _stress_page("", _div_thread(5_000))),
        ("div thread 120 deep", _stress_page("", _div_thread(120))),
        (
            "comment inline 10,000 deep",
            _stress_page("", _one_comment(_nested(("b", "i"), 10_000, "A reply."))),
        ),
        (
            "comment 250 deep, text at each level",
            _stress_page("", _one_comment(_nested(("span",), 250, "", "It might be so. " * 20))),
        ),
        ("comment of 100,000 short rows", _stress_page("", _one_comment(row * 100_000))),
        ("comment of 100,000 dated rows", _stress_page("", _one_comment(dated_row * 100_000))),
        ("body of 100,000 dated rows", _stress_page(dated_row * 100_000)),
        ("100,000 links in a paragraph", _stress_page("<p>" + '<a href="/x">link</a> ' * 100_000 + "</p>")),
        ("100,000 paragraphs", _stress_page("<p>It might be so.</p>" * 100_000)),
        (
            "body 250 deep, text at each level",
            _stress_page(_nested(("div",), 250, "", "It might be so. " * 20)),
        ),
        (
            "body 10,000 deep, text at each level",
            _stress_page(_nested(("div",), 10_000, "", "It might be so.")),
        ),
        ("byline 250 deep", _stress_page("", header=_nested(("span",), 250, "Anna Smith", "by "))),
        ("byline 10,000 deep", _stress_page("", header=_nested(("span",), 10_000, "Anna Smith", "by "))),
        (
            "10,000 headings and times",
            _stress_page('<h1>A heading</h1><time datetime="2016-03-28">March 28, 2016</time>' * 10_000),
        ),
    ]
    return [Case(name, data, ".html") for name, data in cases]


# The makers by the format they pretend to be; a new reader's makers are added here.
MAKERS: dict[str, Callable[[], list[Case]]] = {
    "text": bad_text_cases,
    "html": markup_cases,
    "wxr": bad_wxr_cases,
}
HOSTILE_MAKERS: dict[str, Callable[[Hostile], list[Case]]] = {
    "html": hostile_html_cases,
    "xml": hostile_xml_cases,
    "feed": hostile_feed_cases,
}


# Builders


def _sprinkle(text: str, characters: str) -> str:
    """``text`` with the characters spread through it, one every 300 characters."""
    pieces = [text[index : index + 300] for index in range(0, len(text), 300)]
    return "".join(piece + characters[index % len(characters)] for index, piece in enumerate(pieces))


def _zip(members: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, (2016, 3, 28, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _repeat(text: str, size: int) -> str:
    return text * (size // len(text) + 1)


def _right_to_left() -> str:
    arabic = "قد يكون وقف إطلاق النار في سوريا مفتاحا لسلام دائم، حسب مصادر مطلعة. "
    hebrew = "ייתכן שההפסקה תחזיק מעמד, אומרים מקורות. "
    return (
        f"هدنة سوريا by Gareth Porter\n\nby Gareth Porter\nMarch 28, 2016\n\n"
        f"{arabic * 20}\n\n{hebrew * 20}\n\n" + BODY_TEXT
    )


def _emoji_and_combining() -> str:
    zalgo = "".join(char + "\u0301\u0316\u0337\u0489" for char in "Ceasefire")
    flags = "🇸🇾🇺🇸🇷🇺 👩🏽‍💻 👨‍👩‍👧‍👦 🏳️‍🌈 "
    return f"{zalgo} {flags}\n\n{BODY_TEXT.replace('Putin', 'Putin 🙂' + zalgo)}\n\n{flags * 50}\n"


def _many_comments(count: int) -> str:
    lines = [ARTICLE_TEXT.rstrip(), "", f"{count} thoughts on “A Test”", ""]
    for number in range(1, count + 1):
        lines += [f"  {number}. Comment {number}: Putin may well have wanted this, sources said.", ""]
        if number % 10 == 0:
            lines += ["    • A reply that could be speculative.", "      And a second line.", ""]
    return "\n".join(lines)


def _comments_numbered_alike() -> str:
    items = [
        "1. Pingback: A post | A site",
        "1. A first comment.",
        "1. Another first.",
        "2. Two.",
        "0. Zero.",
    ]
    return "\n\n".join([ARTICLE_TEXT.rstrip(), "5 thoughts on “A Test”", *(f"  {item}" for item in items)])


def _deep_replies(depth: int) -> str:
    lines = [ARTICLE_TEXT.rstrip(), "", "3 thoughts on “A Test”", "", "  1. The first comment."]
    lines += [" " * (level + 3) + f"• Reply at depth {level}, which might be deep." for level in range(depth)]
    return "\n".join(lines) + "\n"


def _html_page(
    body: str, comments: int = 0, comment_html: str = "", doctype: str = "<!DOCTYPE html>"
) -> bytes:
    items = "".join(
        f'<li class="comment" id="comment-{n}"><div class="comment-author vcard"><cite class="fn">'
        f'<a href="javascript:alert({n})" rel="external nofollow">Reader {n}</a></cite></div>'
        f'<div class="comment-content"><p>Comment {n} could be speculative.</p>{comment_html}</div></li>'
        for n in range(1, comments + 1)
    )
    thread = (
        f'<div id="comments"><h2 class="comments-title">{comments} thoughts on “A Test”</h2>'
        f'<ol class="comment-list">{items}</ol></div>'
    )
    page = f"""{doctype}
<html lang="en"><head><meta charset="utf-8"><title>{TITLE}</title></head>
<body><article class="post"><h1 class="entry-title">{TITLE}</h1>
<p class="byline">by <span class="author vcard">Gareth Porter</span>
<time datetime="2016-03-28">March 28, 2016</time></p>
<div class="entry-content">{body}</div></article>{thread if comments else ""}</body></html>"""
    return page.encode("utf-8")


def wxr_with_doctype(internal_subset: str, content: str, system: str | None = None) -> bytes:
    """A one-post export with ``content`` in its post and comment, under a DOCTYPE with ``internal_subset``
    (or naming the external DTD ``system``)."""
    doctype = f'<!DOCTYPE rss SYSTEM "{system}">' if system else f"<!DOCTYPE rss [{internal_subset}]>"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
{doctype}
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>A Blog</title><wp:wxr_version>1.2</wp:wxr_version>
<item><title>{TITLE}</title><dc:creator>Gareth Porter</dc:creator>
<wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
<content:encoded>{content} {BODY_TEXT.replace("&", "&amp;").replace("<", "&lt;")}</content:encoded>
<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>{content}</wp:comment_author>
<wp:comment_content>It might be {content}.</wp:comment_content>
<wp:comment_approved>1</wp:comment_approved></wp:comment>
</item></channel></rss>
""".encode()


WXR_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>A Blog</title><link>https://blog.example</link><language>en-US</language>
<wp:wxr_version>1.2</wp:wxr_version>{channel}
"""


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def wxr_export(items: str, channel: str = "") -> bytes:
    """A WordPress export of ``items`` (XML), ``channel`` added to its channel's head."""
    return (WXR_HEAD.format(channel=channel) + items + "</channel></rss>\n").encode()


def wxr_item(number: int, title: str, content: str, comments: str = "") -> str:
    """A published post's ``<item>``: post ``number``, ``title``, ``content`` (XML text) and ``comments``."""
    return f"""<item><title>{_xml_text(title)}</title><link>https://blog.example/{number}/</link>
<pubDate>Mon, 28 Mar 2016 10:00:00 +0000</pubDate><dc:creator>gareth</dc:creator>
<content:encoded>{content}</content:encoded><wp:post_id>{number}</wp:post_id>
<wp:post_date>2016-03-28 10:00:00</wp:post_date><wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type>
{comments}</item>
"""


def _wxr_comments(pairs: list[tuple[int, int]]) -> str:
    """Comments by (id, parent id): each says it might be reply {id}."""
    return "".join(
        f"<wp:comment><wp:comment_id>{comment}</wp:comment_id><wp:comment_author>Reader {comment}"
        f"</wp:comment_author><wp:comment_date>2016-03-28 11:00:00</wp:comment_date>"
        f"<wp:comment_content>It might be reply {comment}.</wp:comment_content>"
        f"<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>{parent}</wp:comment_parent>"
        "</wp:comment>\n"
        for comment, parent in pairs
    )


# Running a case and looking into its book

XML_PARSER_OPTIONS = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": True}
ACTIVE_ELEMENTS = frozenset(
    {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "base", "style"}
    | {"audio", "video", "source", "picture", "canvas", "foreignObject", "use", "image", "maction"}
)
RESOURCE_ATTRIBUTES = ("src", "srcset", "poster", "data", "background", "action", "formaction")
CONTENT = {"http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg", "http://www.w3.org/1998/Math/MathML"}
SAFE_LINK_SCHEMES = ("http:", "https:", "mailto:", "#")


def file_name(case: Case) -> str:
    """A file name for the case: its words joined by hyphens, and its suffix."""
    stem = "".join(char if char.isalnum() else "-" for char in case.name.lower())
    return stem + case.suffix


@dataclass
class Run:
    """What one conversion did: exit status, error lines, and the files it left in its output folder."""

    source: Path
    status: int
    errors: list[str]
    outputs: list[Path]


def convert(case: Case, folder: Path, *options: str) -> Run:
    """Write the case's input into ``folder`` and run the command line on it in this process."""
    import contextlib
    import io

    from export.cli import main

    source = folder / file_name(case)
    source.write_bytes(case.data)
    out = folder / "out"
    out.mkdir()
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        status = main([str(source), "-o", f"{out}/", "-q", *options])
    return Run(source, status, stderr.getvalue().splitlines(), sorted(out.iterdir()))


def outcome_problems(case: Case, run: Run) -> list[str]:
    """How the run broke the promise: a valid book or one line naming the file, and nothing else left."""
    if run.status == 0 and case.outcome in ("book", "either"):
        if len(run.outputs) == 1 and run.outputs[0].suffix == ".epub" and not run.errors:
            return []
        return [f"a book run left {run.outputs} and said {run.errors}"]
    if run.status == 1 and case.outcome in ("error", "either"):
        line_ok = len(run.errors) == 1 and str(run.source) in run.errors[0] and case.problem in run.errors[0]
        return [] if line_ok and not run.outputs else [f"error run left {run.outputs} and said {run.errors}"]
    return [f"exit status {run.status} where {case.outcome} was due: {run.errors}"]


def book_problems(book: Path, secrets: tuple[str, ...] = (CANARY_TEXT,)) -> list[str]:
    """What in ``book`` is active, fetched, outside the book, or a secret; an empty list for a clean book."""
    import zipfile

    from lxml import etree

    problems: list[str] = []
    with zipfile.ZipFile(book) as archive:
        names = set(archive.namelist())
        for name in sorted(names):
            data = archive.read(name)
            problems += [f"{name}: holds {secret!r}" for secret in secrets if secret.encode() in data]
            if name.endswith(".css"):
                css = data.decode("utf-8", "replace").lower()
                if "@import" in css or "url(" in css:
                    problems.append(f"{name}: loads a resource")
            if not name.endswith((".xhtml", ".opf", ".ncx", ".xml")):
                continue
            tree = etree.fromstring(data, etree.XMLParser(**XML_PARSER_OPTIONS))
            if b"<!ENTITY" in data or re.search(rb"<!DOCTYPE[^>\[]*\[", data):
                problems.append(f"{name}: declares a DTD subset")
            for element in tree.iter(etree.Element):
                problems += _element_problems(name, element, names)
    return problems


def _element_problems(entry: str, element, names: set[str]) -> list[str]:
    from lxml import etree

    qname = etree.QName(element)
    local = qname.localname
    found = [f"{entry}: <{local}> element"] if local in ACTIVE_ELEMENTS and qname.namespace in CONTENT else []
    if local == "meta" and element.get("http-equiv"):
        found.append(f"{entry}: <meta http-equiv>")
    for attribute, value in element.attrib.items():
        name = etree.QName(attribute).localname.lower()
        target = "".join(value.split()).lower()
        if name.startswith("on") or name == "srcdoc":
            found.append(f"{entry}: <{local} {name}>")
        elif name in RESOURCE_ATTRIBUTES or (name == "href" and local in ("link", "item")):
            urls = (
                [part.split()[0] for part in value.split(",") if part.split()]
                if name == "srcset"
                else [value]
            )
            found += [
                f"{entry}: <{local} {name}={url[:60]!r}> is not in the book"
                for url in urls
                if _outside(entry, url, names)
            ]
        elif name == "href" and ":" in target.split("/")[0] and not target.startswith(SAFE_LINK_SCHEMES):
            found.append(f"{entry}: <{local} href={value[:60]!r}>")
    return found


def _outside(entry: str, href: str, names: set[str]) -> bool:
    import posixpath

    path = posixpath.normpath(posixpath.join(posixpath.dirname(entry), href.split("#")[0]))
    return path not in names
