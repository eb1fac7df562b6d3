"""Template text: the lines of a page's body that the page shows twice or more (a teaser title in two lists,
a fact box or a category name repeated), found in one pass over the tree."""

from __future__ import annotations

from collections import Counter

from lxml import etree

from export.whitespace import collapse_whitespace

# Elements that start and end a line of the page's text (the rest are inline: their text joins the line).
LINE_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
MIN_SHOWN = 2  # a line shown this often is the page's own template, not the article's


def repeated_lines(root: etree._Element) -> frozenset[str]:
    """The lines (whitespace collapsed) of the page's body that it shows ``MIN_SHOWN`` times or more."""
    counts: Counter[str] = Counter()
    parts: list[str] = []

    def end_line() -> None:
        line = collapse_whitespace("".join(parts))
        if line:
            counts[line] += 1
        parts.clear()

    body = next(root.iter("body"), root)
    for event, node in etree.iterwalk(body, events=("start", "end")):
        is_element = isinstance(node.tag, str)
        if is_element and node.tag.lower() in LINE_TAGS:
            end_line()
        if event == "start" and is_element and node.text:
            parts.append(node.text)
        if event == "end" and node.tail:
            parts.append(node.tail)
    end_line()
    return frozenset(line for line, count in counts.items() if count >= MIN_SHOWN)
