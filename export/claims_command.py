"""``annotated-epub claims INPUT...``: list an article's speculative claims without writing a book."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from export.annotate import annotate_article, supports_language
from export.errors import InputError
from export.model import CLAIMS_LEVELS, Article, Paragraph
from export.pipeline import ConvertOptions, read_input
from export.readers.kinds import inputs_help
from export.web.address import file_or_address
from export.whitespace import collapse_whitespace

LISTINGS = ("text", "jsonl")  # how the claims are listed
EPILOG = """\
examples:
  annotated-epub claims page.txt                     one claim a paragraph: place, kind, quote, note
  annotated-epub claims page.txt --as jsonl          one JSON object a line, offsets into the paragraph
  annotated-epub claims page.txt --claims strict --claims-in-comments

exit status: 0 success, 1 bad input, 2 bad usage
"""


def build_claims_parser() -> argparse.ArgumentParser:
    """The argument parser of ``annotated-epub claims``."""
    parser = argparse.ArgumentParser(
        prog="annotated-epub claims",
        description="List the speculative claims the book of each INPUT would mark, in reading order.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        type=file_or_address,
        metavar="INPUT",
        help=inputs_help(pages_only=True) + " to read, or the http or https address of a page",
    )
    parser.add_argument(
        "--as",
        dest="listing",
        choices=LISTINGS,
        default="text",
        help="text, one claim a paragraph, or jsonl, one JSON object a line (default: text)",
    )
    parser.add_argument(
        "--claims",
        choices=CLAIMS_LEVELS,
        default="default",
        help="sensitivity (default: default)",
    )
    parser.add_argument(
        "--claims-in-comments", action="store_true", help="list claims in the readers' comments too"
    )
    parser.add_argument("--language", metavar="CODE", help="read the text as this language, e.g. en")
    return parser


def placed_paragraphs(article: Article, with_comments: bool) -> list[tuple[str, Paragraph]]:
    """Every claim-bearing paragraph of ``Article.paragraphs``, in its order, with where it stands."""
    places = {id(article.standfirst): "standfirst"} if article.standfirst else {}
    places.update((id(paragraph), "author's bio") for paragraph in article.bio)
    for number, video in enumerate(article.videos, start=1):
        places.update((id(paragraph), f"video {number}") for paragraph in video.description)
    if with_comments:
        for index, comment in enumerate(article.thread.all_comments(), start=1):
            where = f"comment {comment.number if comment.number is not None else index}"
            places.update((id(paragraph), where) for paragraph in comment.paragraphs)
    return [
        (places.get(id(paragraph), "article"), paragraph) for paragraph in article.paragraphs(with_comments)
    ]


def claim_records(source: Path | str, article: Article, with_comments: bool) -> list[dict]:
    """One dictionary per claim: source, place, paragraph index, offsets, kind, cues, note and text."""
    records = []
    for index, (place, paragraph) in enumerate(placed_paragraphs(article, with_comments)):
        for claim in paragraph.claims:
            records.append(
                {
                    "source": str(source),
                    "place": place,
                    "paragraph": index,
                    "start": claim.start,
                    "end": claim.end,
                    "kind": claim.kind,
                    "cues": claim.cues,
                    "note": claim.note,
                    "text": paragraph.text[claim.start : claim.end],
                }
            )
    return records


def _text_lines(source: Path | str, records: list[dict], level: str) -> list[str]:
    lines = [f"{source}: {len(records)} claim{'' if len(records) == 1 else 's'} (level {level})"]
    for number, record in enumerate(records, start=1):
        text = collapse_whitespace(record["text"])
        lines.append(f"{number:3}. {record['kind']}, {record['place']}: “{text}”")
        lines.append(f"     {record['note']}")
    return lines


def claims_main(argv: list[str]) -> int:
    """Run ``annotated-epub claims``; returns the exit status."""
    args = build_claims_parser().parse_args(argv)
    try:
        return _list_claims(args)
    except BrokenPipeError:  # the reader stopped early (| head): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _list_claims(args: argparse.Namespace) -> int:
    status = 0
    for source in args.inputs:
        try:
            article = read_input(source, ConvertOptions())
        except InputError as error:
            print(f"annotated-epub: {error}", file=sys.stderr)
            status = 1
            continue
        article.language = args.language or article.language
        if not supports_language(article.language):
            print(
                f"annotated-epub: {source}: no claim lexicon for the language {article.language!r}, "
                "so no claims are listed (--language en reads it as English)",
                file=sys.stderr,
            )
            continue
        annotate_article(article, args.claims, args.claims_in_comments)
        records = claim_records(source, article, args.claims_in_comments)
        if args.listing == "jsonl":
            lines = [json.dumps(record, ensure_ascii=False) for record in records]
        else:
            lines = _text_lines(source, records, args.claims)
        if lines:
            print("\n".join(lines))
    return status
