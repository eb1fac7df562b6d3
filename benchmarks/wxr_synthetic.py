"""A synthetic WordPress export of any size, for timing and memory measurements of the WXR reader.

Run: python benchmarks/wxr_synthetic.py OUT.xml [--posts N] [--comments K]. Or import
``write_synthetic_export``. The same arguments give the same file (seeded random): classic-editor and
block-editor posts of some 600 words with shortcodes and embeds, and nested comment threads with
pingbacks, held, spam and trashed comments. The prose is real: sentences drawn from the labelled
sentences of real blog pages in tests/data/claims_en.tsv, so claims come at their natural rate (17%).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path
from typing import TextIO
from xml.sax.saxutils import escape

LABELLED = Path(__file__).resolve().parent.parent / "tests" / "data" / "claims_en.tsv"
SENTENCES = [
    line.split("\t")[-1].strip()
    for line in LABELLED.read_text(encoding="utf-8").splitlines()
    if not line.startswith("#") and line.count("\t") >= 3
]
FIRST_DAY = dt.datetime(2004, 3, 1, 9, 0)
HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>A Synthetic Blog</title>
<link>https://synthetic.example</link>
<description>Posts written by a seeded random generator</description>
<language>en-US</language>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_blog_url>https://synthetic.example</wp:base_blog_url>
<wp:author><wp:author_login><![CDATA[editor]]></wp:author_login>
<wp:author_display_name><![CDATA[The Editor]]></wp:author_display_name></wp:author>
"""
CAPTION = (
    '[caption id="attachment_7" width="300"]<img src="https://synthetic.example/a.jpg"> A caption[/caption]'
)
IMAGE_BLOCK = (
    '<!-- wp:image -->\n<figure class="wp-block-image"><img src="https://synthetic.example/b.jpg" alt=""/>'
    "<figcaption>Caption</figcaption></figure>\n<!-- /wp:image -->"
)
EMBED_BLOCK = (
    '<!-- wp:embed {"url":"https://youtu.be/ex8fMxXJDJw"} -->\n'
    '<figure class="wp-block-embed is-provider-youtube wp-block-embed-youtube">'
    '<div class="wp-block-embed__wrapper">\nhttps://youtu.be/ex8fMxXJDJw\n</div></figure>\n<!-- /wp:embed -->'
)
APPROVALS = ("1",) * 17 + ("0", "spam", "trash")


def write_synthetic_export(path: Path, posts: int, comments_per_post: int, seed: int = 1) -> None:
    """Write an export of ``posts`` posts with ``comments_per_post`` comments each to ``path``."""
    chance = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for number in range(1, posts + 1):
            _write_item(out, chance, number, comments_per_post)
        out.write("</channel>\n</rss>\n")


def _sentence(chance: random.Random) -> str:
    return escape(chance.choice(SENTENCES))


def _title(chance: random.Random) -> str:
    words = chance.choice(SENTENCES).split()[:8]
    return escape(" ".join(words).rstrip(",.;:"))


def _paragraph(chance: random.Random) -> str:
    return " ".join(_sentence(chance) for _ in range(chance.randint(2, 4)))


def _classic(chance: random.Random) -> str:
    parts = [_paragraph(chance) for _ in range(9)]
    parts[2] += "\nA line of its own after a break."
    parts.insert(3, CAPTION)
    if chance.random() < 0.2:
        parts.insert(5, "https://www.youtube.com/watch?v=SQEQr7c0-dw")
    if chance.random() < 0.2:
        parts.insert(6, '[gallery ids="1,2,3"]')
    parts.insert(7, "<ul>\n<li>One point</li>\n<li>Another, <em>stressed</em></li>\n</ul>")
    return "\n\n".join(parts)


def _block(chance: random.Random) -> str:
    parts = [f"<!-- wp:paragraph -->\n<p>{_paragraph(chance)}</p>\n<!-- /wp:paragraph -->" for _ in range(9)]
    parts.insert(1, "<!-- wp:heading -->\n<h2>A heading</h2>\n<!-- /wp:heading -->")
    parts.insert(4, IMAGE_BLOCK)
    if chance.random() < 0.2:
        parts.insert(6, EMBED_BLOCK)
    return "\n\n".join(parts)


def _comments(chance: random.Random, number: int, count: int, posted: dt.datetime) -> str:
    parts = []
    first = number * 1000
    for index in range(count):
        comment_id = first + index
        parent = chance.choice([0, 0, *range(first, comment_id)]) if index else 0
        kind = "pingback" if index == count - 1 and count > 3 else ""
        text = "\n\n".join(_sentence(chance) for _ in range(chance.randint(1, 3)))
        if index % 7 == 3:
            text += ' See <a href="https://example.org/">this</a> &amp; <em>that</em>.'
        parts.append(
            f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>"
            f"<wp:comment_author><![CDATA[Reader {index}]]></wp:comment_author>"
            f"<wp:comment_author_url>https://reader{index}.example/</wp:comment_author_url>"
            f"<wp:comment_date>{posted + dt.timedelta(minutes=37 * (index + 1)):%Y-%m-%d %H:%M:%S}"
            "</wp:comment_date>"
            f"<wp:comment_content><![CDATA[{text}]]></wp:comment_content>"
            f"<wp:comment_approved>{chance.choice(APPROVALS)}</wp:comment_approved>"
            f"<wp:comment_type>{kind}</wp:comment_type><wp:comment_parent>{parent}</wp:comment_parent>"
            "</wp:comment>\n"
        )
    return "".join(parts)


def _write_item(out: TextIO, chance: random.Random, number: int, comments: int) -> None:
    content = _block(chance) if number % 2 else _classic(chance)
    when = FIRST_DAY + dt.timedelta(hours=13 * number)  # about two posts a day, over years
    out.write(
        f"<item><title>{_title(chance)}</title>"
        f"<link>https://synthetic.example/{number}/</link>"
        f"<pubDate>{when:%a, %d %b %Y %H:%M:%S} +0000</pubDate><dc:creator><![CDATA[editor]]></dc:creator>"
        f"<content:encoded><![CDATA[{content}]]></content:encoded>"
        f"<excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>{number}</wp:post_id>"
        f"<wp:post_date>{when:%Y-%m-%d %H:%M:%S}</wp:post_date><wp:post_name>post-{number}</wp:post_name>"
        f"<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
        f'<category domain="category" nicename="news"><![CDATA[News]]></category>\n'
        f"{_comments(chance, number, comments, when)}</item>\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--comments", type=int, default=20)
    arguments = parser.parse_args()
    write_synthetic_export(arguments.out, arguments.posts, arguments.comments)


if __name__ == "__main__":
    main()
