"""The texts of the fresh2 claims sets, rebuilt from ../shared/ as when they were labelled.

``benchmarks/data/claims_fresh2_sources.tsv`` names each document's source: ``corpus-large:PATH`` (a
saved page of corpus-large's tune part, its text extracted by trafilatura as for the fresh sets) or
``wxr:FILE#POST_ID`` (a post of a WordPress export in corpus/wxr: its content as WordPress shows it,
one paragraph per block). Only a document's first 60 sentences are labelled.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree, html

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "benchmarks" / "data" / "claims_fresh2_sources.tsv"
LABELS = ROOT / "benchmarks" / "data" / "claims_fresh2_en.tsv"
# The blocks whose text the fresh2 labels were made from, innermost ones alone: not the page reader's
# inline.BLOCK_TAGS (containers as div, ul and section, no table cells or captions), and fixed, since
# another list would change the labelled texts.
BLOCKS = (
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "td",
    "th",
    "dt",
    "dd",
    "figcaption",
)


def sources() -> dict[str, str]:
    """Each fresh2 document's source, by document name."""
    found = {}
    for line in SOURCES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            document, source = line.split("\t")
            found[document] = source
    return found


def page_text(path: Path) -> str:
    """A saved page's article text, extracted by trafilatura as for the fresh and fresh2 labels."""
    import trafilatura

    extracted = trafilatura.extract(
        path.read_bytes(), include_comments=False, include_tables=False, favor_precision=True
    )
    return extracted or ""


def post_text(export: Path, post_id: str) -> str:
    """The text of one post of a WordPress export: its paragraphs, one per block, blank-line separated."""
    from export.readers.wxr.autop import autop

    content = _contents(export).get(post_id)
    return "" if content is None else _paragraphs(autop(content))


@cache
def _contents(export: Path) -> dict[str, str]:
    """The content of each post of a WordPress export by its id (the first item with it), read once for all
    the posts of one export."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.parse(str(export), parser).getroot()
    found: dict[str, str] = {}
    for item in root.iter("item"):
        fields = {etree.QName(child).localname: child.text or "" for child in item}
        if "post_id" in fields:
            content = next((child.text or "" for child in item if _is_content(child)), "")
            found.setdefault(fields["post_id"], content)
    return found


def _is_content(element: etree._Element) -> bool:
    """Whether ``element`` is the item's ``content:encoded`` (the post's body)."""
    name = etree.QName(element)
    return name.localname == "encoded" and (name.namespace or "").endswith("/content/")


def _paragraphs(markup: str) -> str:
    """The text of each innermost block of ``markup``, whitespace collapsed, blank-line separated."""
    if not markup.strip():
        return ""
    tree = html.fragment_fromstring(markup, create_parent="div", parser=html.HTMLParser(no_network=True))
    pieces = []
    for element in tree.iter(*BLOCKS):
        if any(child.tag in BLOCKS for child in element.iterdescendants()):
            continue
        words = " ".join(element.text_content().split())
        if words:
            pieces.append(words)
    return "\n\n".join(pieces)


def texts(shared: Path, documents: set[str] | None = None) -> dict[str, str]:
    """The fresh2 documents' texts (those of ``documents`` only, if given), or {} if ../shared is absent."""
    found = {}
    for document, source in sorted(sources().items()):
        if documents is not None and document not in documents:
            continue
        scheme, _, where = source.partition(":")
        if scheme == "corpus-large":
            path = shared / "corpus-large" / where
            if not path.is_file():
                return {}
            found[document] = page_text(path)
        else:
            file, _, post_id = where.partition("#")
            path = shared / "corpus" / "wxr" / file
            if not path.is_file():
                return {}
            found[document] = post_text(path, post_id)
    return found
