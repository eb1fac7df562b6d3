"""WordPress's wpautop: classic-editor text to paragraphs (blank lines) and line breaks (single newlines)."""

from __future__ import annotations

import re
from collections.abc import Callable

# Possessive quantifiers (*+, ++) keep the rules linear: a failed match does not backtrack through text;
# rules start with a literal "<" so that the regex engine jumps from tag to tag. Tags are matched in
# lower case only, as WordPress does.
BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area"
    r"|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header"
    r"|footer|nav|figure|figcaption|details|menu|summary)"
)
# A lazy run to the first </pre>: a possessive group here is mis-compiled by CPython before 3.11.5.
PRE = re.compile(r"<pre\b.*?</pre>", re.DOTALL)
PRE_MARK = re.compile(r"<pre wp-pre-tag-(\d+)></pre>")
TAG_ACROSS_LINES = re.compile(r"<[^<>\n]*+\n[^<>]*+>")
DOUBLE_BR = re.compile(r"<br\s*/?>\s*<br\s*/?>")
BLOCK_OPEN = re.compile(rf"<({BLOCKS}[\s/>])")
BLOCK_CLOSE = re.compile(rf"</({BLOCKS})>")
BLANK_LINES = re.compile(r"\n\s*\n")
EMPTY_P = re.compile(r"<p>\s*</p>")
P_AROUND_CLOSE = re.compile(r"<p>([^<]++)</(div|address|form)>")
P_AROUND_BLOCK = re.compile(rf"<p>\s*+(</?{BLOCKS}[^>]*+>)\s*+</p>")
P_AROUND_LI = re.compile(r"<p>(<li.+?)</p>")
QUOTE_OPEN = re.compile(r"<p><blockquote([^>]*)>")
P_BEFORE_BLOCK = re.compile(rf"<p>\s*+(</?{BLOCKS}[^>]*+>)")
P_AFTER_BLOCK = re.compile(rf"<(/?{BLOCKS}[^>]*+>)\s*+</p>")
ANY_BR = re.compile(r"<br\s*/?>")
BR_AFTER_BLOCK = re.compile(rf"<(/?{BLOCKS}[^>]*+>)\s*+<br />")
BLANKS_AT_LINE_END = re.compile(r"(?<![ \t])[ \t]++\n")  # from a run's start only: linear
BR_BEFORE_BLOCK = re.compile(r"<br />(\s*+</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)\b[^>]*+>)")


def autop(text: str) -> str:
    """``text`` with ``<p>`` around its paragraphs and ``<br />`` for its other line breaks, as WordPress
    shows a classic-editor post: not inside ``<pre>``, not around block-level tags."""
    if not text.strip():
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n") + "\n"
    kept: list[str] = []

    def keep_pre(match: re.Match[str]) -> str:
        kept.append(match.group())
        return f"<pre wp-pre-tag-{len(kept) - 1}></pre>"

    if "<pre" in text:
        text = _sub_before_last(PRE, keep_pre, text, "</pre>")
    if "<" in text:
        text = TAG_ACROSS_LINES.sub(
            lambda match: match.group().replace("\n", " "), text
        )  # a tag's own breaks
        text = DOUBLE_BR.sub("\n\n", text)
    blocks = BLOCK_OPEN.search(text) or BLOCK_CLOSE.search(text)
    if blocks:
        text = BLOCK_CLOSE.sub(_around("</", ">\n\n"), BLOCK_OPEN.sub(_around("\n\n<"), text))
    paragraphs = [piece.strip("\n") for piece in BLANK_LINES.split(text) if piece.strip()]
    text = "".join(f"<p>{piece}</p>\n" for piece in paragraphs)
    if blocks:  # the rules below only move <p> and <br /> away from block-level tags
        text = EMPTY_P.sub("", text)
        text = P_AROUND_CLOSE.sub(r"<p>\1</p></\2>", text)
        group = _around("")
        text = P_AROUND_BLOCK.sub(group, text)
        text = "\n".join(_sub_before_last(P_AROUND_LI, group, line, "</p>") for line in text.split("\n"))
        text = QUOTE_OPEN.sub(r"<blockquote\1><p>", text).replace("</blockquote></p>", "</p></blockquote>")
        text = P_AFTER_BLOCK.sub(_around("<"), P_BEFORE_BLOCK.sub(group, text))
    if "<br" in text:
        text = ANY_BR.sub("<br />", text)
    text = _line_breaks(text)
    text = BR_BEFORE_BLOCK.sub(_around(""), BR_AFTER_BLOCK.sub(_around("<"), text))
    if kept:
        text = PRE_MARK.sub(lambda match: kept[int(match.group(1))], text)
    return text


def _around(before: str, after: str = "") -> Callable[[re.Match[str]], str]:
    """A replacement: the match's first group between ``before`` and ``after``, as the template
    ``before\\1after`` (a template is expanded in Python once per match, a far slower call)."""
    return lambda match: before + match[1] + after


def _sub_before_last(
    pattern: re.Pattern[str], replacement: str | Callable[[re.Match[str]], str], text: str, closer: str
) -> str:
    """``pattern.sub`` on ``text`` up to its last ``closer``, which every match ends with: the same result,
    but a start after it, which cannot match, is not rescanned to the end once for each (quadratic)."""
    cut = text.rfind(closer)
    if cut < 0:
        return text
    cut += len(closer)
    return pattern.sub(replacement, text[:cut]) + text[cut:]


def _line_breaks(text: str) -> str:
    """Each newline left inside a paragraph as ``<br />`` (one at most), the spaces before it dropped."""
    if " \n" in text or "\t\n" in text:
        text = BLANKS_AT_LINE_END.sub("\n", text)
    return text.rstrip(" \t").replace("\n", "<br />\n").replace("<br /><br />\n", "<br />\n")
