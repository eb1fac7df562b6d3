"""WordPress shortcodes: media dropped (img tags kept), code kept, videos embedded, others unwrapped."""

from __future__ import annotations

import bisect
import html
import re
from functools import cache

from export.readers.wxr.embeds import embed_markup, table_rows

# [name attributes], [name=value], [name /], [/name], and [[name]] for a shortcode written out literally.
TAG = re.compile(r"\[(\[?)(/?)([A-Za-z][\w-]*)((?:[\s=][^\[\]]*)?)\](\]?)")
ADDRESS = re.compile(r"https?://[^\s\"'\[\]<>]+", re.IGNORECASE)
NAMED_ADDRESS = re.compile(r"""\b(?:url|src|id)\s*=\s*["']?([^\s"'\]]+)""", re.IGNORECASE)
BARE_ID = re.compile(r"^[=\s]*[\"']?([\w-]+)")
IMAGE = re.compile(r"<img\b[^<>]*>", re.IGNORECASE)


@cache
def _actions() -> dict[str, tuple[str, str]]:
    """Each known shortcode's action ("drop" or "video") and, for a video, its page by id."""
    return {row[0].lower(): (row[1], row[2] if len(row) > 2 else "") for row in table_rows("shortcode")}


def expand_shortcodes(text: str) -> str:
    """``text`` with its shortcodes replaced (see shortcodes.tsv); ``[[x]]`` becomes ``[x]``.

    A bracketed word is taken for a shortcode only when it has attributes, closes itself or is closed
    later (``[sic]`` stays), so prose in brackets is kept.
    """
    if "[" not in text:
        return text
    tags = list(TAG.finditer(text))
    closers: dict[str, list[int]] = {}
    for index, tag in enumerate(tags):
        if tag.group(2) and not tag.group(1):
            closers.setdefault(tag.group(3).lower(), []).append(index)
    pieces: list[str] = []
    cursor = 0
    index = 0
    opened: set[str] = set()
    while index < len(tags):
        tag = tags[index]
        escaped, closing, name, attributes, _ = tag.groups()
        name = name.lower()
        pieces.append(text[cursor : tag.start()])
        cursor = tag.end()
        index += 1
        if escaped and tag.group(5):
            pieces.append(tag.group()[1:-1])
        elif escaped and not closing and (end := _escaped_end(tags, closers, name, index)) is not None:
            pieces.append(text[tag.start() + 1 : tags[end].end() - 1])  # [[x]...[/x]] is written out
            cursor, index = tags[end].end(), end + 1
        elif escaped or tag.group(5):
            pieces.append(tag.group())
        elif closing:
            pieces.append("" if name in opened or name in _actions() else tag.group())
        else:
            close_at = _next(closers.get(name, []), index)
            self_closing = attributes.rstrip().endswith("/")
            enclosed = ""
            if _actions().get(name, ("",))[0] == "code" and (close_at is None or self_closing):
                pieces.append(tag.group())  # a language's name in brackets, not around code
                continue
            if close_at is not None and not self_closing and name in _actions():
                enclosed = text[cursor : tags[close_at].start()]
                cursor = tags[close_at].end()
                index = close_at + 1
            if name in _actions():
                pieces.append(_replacement(name, attributes, enclosed))
            elif attributes.strip() or self_closing or close_at is not None:
                opened.add(name)
            else:
                pieces.append(tag.group())
    pieces.append(text[cursor:])
    return "".join(pieces)


def _escaped_end(
    tags: list[re.Match[str]], closers: dict[str, list[int]], name: str, index: int
) -> int | None:
    """The closing tag of an escaped enclosing shortcode (``[/x]]``), else None."""
    end = _next(closers.get(name, []), index)
    return end if end is not None and tags[end].group(5) else None


def _next(positions: list[int], after: int) -> int | None:
    """The first of the sorted ``positions`` at or after ``after``, else None."""
    found = bisect.bisect_left(positions, after)
    return positions[found] if found < len(positions) else None


def _replacement(name: str, attributes: str, enclosed: str) -> str:
    action, page_by_id = _actions()[name]
    if action == "code":  # entities or not, the code's own characters, in a block autop leaves alone
        code = html.escape(html.unescape(enclosed).strip("\n"), quote=False)
        return f'\n\n<pre class="code">{code}</pre>\n\n' if code.strip() else ""
    if action == "drop":  # the pictures stay, for the reader to keep if the export has them, or to count
        return " ".join(image.group() for image in IMAGE.finditer(enclosed))
    found = NAMED_ADDRESS.search(attributes) or ADDRESS.search(attributes) or ADDRESS.search(enclosed)
    if found:
        address = found.group(1) if found.re is NAMED_ADDRESS else found.group()
        if not address.lower().startswith(("http://", "https://")) and page_by_id:
            address = page_by_id.format(address)
        return "\n\n" + embed_markup(address) + "\n\n"
    bare = BARE_ID.match(attributes)
    if bare and page_by_id:
        return "\n\n" + embed_markup(page_by_id.format(bare.group(1))) + "\n\n"
    return ""
