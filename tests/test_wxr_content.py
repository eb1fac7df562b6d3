"""A post's content: shortcodes, embeds and wpautop, on snippets taken from the corpus exports."""

from __future__ import annotations

from export.model import ListBlock, Paragraph, Picture, Preformatted, Quote
from export.readers.wxr.autop import autop
from export.readers.wxr.content import read_content
from export.readers.wxr.embeds import embed_markup
from export.readers.wxr.shortcodes import expand_shortcodes

# pelican__wordpressexport.xml, "Caption on image"
PELICAN_CAPTIONS = (
    "Lorem ipsum dolor sit amet.\n\n"
    '[caption attachment_id="42" align="aligncenter" width="300" caption="This is a pelican"]'
    '<img src="/theme/img/xpelican.png.pagespeed.ic.Rjep0025-y.png"/>[/caption]\n\n'
    '[caption attachment_id="43" align="aligncenter" width="300"]'
    '<img src="/theme/img/xpelican-3.png.pagespeed.ic.m-NAIdRCOM.png" width="300" height="216" '
    'class="size-medium wp-image-1055" /> This also a pelican[/caption]\n\n'
    '[caption attachment_id="44" align="aligncenter" width="300"]<a href="https://getpelican.com/">'
    '<img src="/theme/img/xpelican.png.pagespeed.ic.Rjep0025-y.png" alt=""/>'
    " Yet another pelican[/caption]\n\n"
    "Final words."
)
# wptestdata__themeunittestdata.wordpress.xml, "Block category: Embeds"
EMBED_BLOCKS = (
    '<!-- wp:core-embed/twitter {"url":"https://twitter.com/WordPress/status/1057136472321613824"} -->\n'
    '<figure class="wp-block-embed-twitter alignwide wp-block-embed is-type-rich is-provider-twitter">'
    '<div class="wp-block-embed__wrapper">\nhttps://twitter.com/WordPress/status/1057136472321613824\n'
    "</div><figcaption>Twitter,&nbsp; wide width</figcaption></figure>\n<!-- /wp:core-embed/twitter -->\n\n"
    '<!-- wp:core-embed/youtube {"url":"https://youtu.be/ex8fMxXJDJw","type":"video"} -->\n'
    '<figure class="wp-block-embed-youtube wp-block-embed is-type-video is-provider-youtube '
    'wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">\n'
    "https://youtu.be/ex8fMxXJDJw\n</div><figcaption>YouTube<br></figcaption></figure>\n"
    "<!-- /wp:core-embed/youtube -->\n\n"
    "<!-- wp:paragraph -->\n<p>After the embeds,\non one line.</p>\n<!-- /wp:paragraph -->"
)
# "Post Format: Video (YouTube)": the classic editor embeds an address alone on its line.
BARE_VIDEO = """https://www.youtube.com/watch?v=SQEQr7c0-dw

The official music video of “Rolling in the Deep” by Adele."""


def texts(blocks) -> list[str]:
    return [block.text for block in blocks if isinstance(block, Paragraph)]


def test_caption_shortcodes_go_with_their_pictures_and_captions():
    content, images = read_content(PELICAN_CAPTIONS, "http://thisisa.test/")
    assert texts(content.blocks) == ["Lorem ipsum dolor sit amet.", "Final words."]
    assert images.used() == [] and not any(isinstance(block, Picture) for block in content.blocks)


def test_galleries_are_left_out():
    for gallery in (
        '[gallery columns="2" ids="770,771"]',
        '[gallery type="rectangular" columns="4" orderby="rand"]',
    ):
        assert expand_shortcodes(f"Before {gallery} after") == "Before  after"


def test_video_shortcodes_become_players_and_other_embeds_links():
    assert "youtube.com/embed/SQEQr7c0-dw" in expand_shortcodes(
        "[embed]https://www.youtube.com/watch?v=SQEQr7c0-dw[/embed]"
    )
    assert "youtube.com/embed/dQw4w9WgXcQ" in expand_shortcodes(
        "[youtube=http://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;w=640]"
    )
    assert "youtube.com/embed/dQw4w9WgXcQ" in expand_shortcodes("[youtube https://youtu.be/dQw4w9WgXcQ]")
    assert "player.vimeo.com/video/76979871" in expand_shortcodes("[vimeo 76979871]")
    assert "player.vimeo.com/video/76979871" in expand_shortcodes("[vimeo https://vimeo.com/76979871]")
    link = expand_shortcodes("[embed]https://twitter.com/WordPress/status/1[/embed]")
    assert '<a href="https://twitter.com/WordPress/status/1">' in link
    assert embed_markup("javascript:alert(1)") == ""


def test_unknown_shortcodes_lose_their_brackets_and_escaped_ones_stay_written():
    assert expand_shortcodes('[foo a="b"]text[/foo], [bar]more[/bar] and [baz /].') == "text, more and ."
    assert expand_shortcodes("[[gallery]] and [[caption]x[/caption]]") == "[gallery] and [caption]x[/caption]"
    assert expand_shortcodes("He said [sic] twice [1].") == "He said [sic] twice [1]."


def test_block_editor_embeds_become_a_video_and_a_link_and_keep_their_line_breaks_as_spaces():
    content, _ = read_content(EMBED_BLOCKS, "https://wpthemetestdata.wordpress.com/")
    assert [video.url for video in content.videos] == ["https://www.youtube.com/watch?v=ex8fMxXJDJw"]
    link, after = content.blocks
    assert link.text == "https://twitter.com/WordPress/status/1057136472321613824"
    assert link.spans[0].target == link.text
    assert after.text == "After the embeds, on one line."


def test_a_video_address_alone_on_its_line_is_embedded():
    content, _ = read_content(BARE_VIDEO, None)
    assert [video.url for video in content.videos] == ["https://www.youtube.com/watch?v=SQEQr7c0-dw"]
    assert texts(content.blocks) == ["The official music video of “Rolling in the Deep” by Adele."]


def test_autop_makes_paragraphs_and_line_breaks_as_wordpress_does():
    assert autop("One\ntwo\n\nThree") == "<p>One<br />\ntwo</p>\n<p>Three</p>\n"
    assert autop("<ul>\n<li>a</li>\n</ul>\nAfter") == "<ul>\n<li>a</li>\n</ul>\n<p>After</p>\n"
    assert autop("<pre>x\n\ny</pre>\n\nz") == "<pre>x\n\ny</pre>\n<p>z</p>\n"
    assert autop("<blockquote>q1\n\nq2</blockquote>") == "<blockquote><p>q1</p>\n<p>q2</p></blockquote>\n"
    assert autop('<a\nhref="https://a.example/">link</a>') == '<p><a href="https://a.example/">link</a></p>\n'
    assert autop(" \n\n ") == ""


def test_classic_post_reads_as_blocks():
    classic = (
        "Intro line\nsecond line\n\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\n\n"
        "<blockquote>Quoted</blockquote>\n\n<pre>a\n\n  b</pre>"
    )
    content, _ = read_content(classic, None)
    first, listing, quote, code = content.blocks
    assert first.text == "Intro line\nsecond line"
    assert isinstance(listing, ListBlock) and len(listing.items) == 2
    assert isinstance(quote, Quote) and texts(quote.blocks) == ["Quoted"]
    assert isinstance(code, Preformatted) and code.text == "a\n\n  b"


def test_remote_pictures_leave_nothing_behind_but_data_pictures_stay():
    figure = (
        '<figure class="wp-block-image"><img src="https://a.example/p.jpg" alt="A">'
        "<figcaption>Cap</figcaption></figure>"
    )
    content, _ = read_content(f"<!-- wp:image -->{figure}<!-- /wp:image --><p>Text</p>", None)
    assert texts(content.blocks) == ["Text"]
    gif = "data:image/gif;base64,R0lGODlhAgACAIAAAAAAAP///yH5BAAAAAAALAAAAAACAAIAAAICRAEAOw=="
    content, images = read_content(f'<p>Text</p><p><img src="{gif}" alt="Dots"></p>', None)
    assert [block.alt for block in content.blocks if isinstance(block, Picture)] == ["Dots"]
    assert len(images.used()) == 1
