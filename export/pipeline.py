"""The driver: read an input, annotate its claims, write the book atomically."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import os
import re
import signal
import stat
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

from export.errors import InputError
from export.model import Article, BookFormat, ClaimsLevel, Collection, Person, Picture, without_blank_pictures
from export.records import Record
from export.words import byte_size

if TYPE_CHECKING:
    from export.epub.cover import CoverImage
    from export.epub.package import BookOptions
    from export.readers.feed_choice import FeedChoice
    from export.readers.origin import PageInput
    from export.web.limits import FetchLimits

DEFAULT_STYLE = "book"
DEFAULT_MAX_INPUT_SIZE = 32 * 2**20  # a saved page is rarely over 2 MB; past 32 MB it is not one page
UNCONVERTIBLE = (MemoryError, RecursionError)  # an input too large or too deep for this machine
Source = Path | str  # an input: a file, or a web address
Warn = Callable[[str, str], None]  # told (the input, what went wrong) of a problem that does not stop the run
# Not delivered while a book is written and renamed, so an interrupted run leaves no temporary file.
DEFERRED_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM)})
# Names that Windows reserves for devices, in any case and with any extension.
RESERVED_STEMS = frozenset(
    {"con", "prn", "aux", "nul", *(f"{port}{digit}" for port in ("com", "lpt") for digit in range(10))}
)


@dataclass(eq=False, repr=False)
class ConvertOptions(Record):
    """Everything the command line can change about one conversion."""

    style: str = DEFAULT_STYLE
    claims: bool = True
    language: str | None = None
    claims_level: ClaimsLevel = "default"
    claims_in_comments: bool = False
    format: BookFormat = "epub"
    cover: Path | None = None  # the user's PNG or JPEG; None means a generated cover
    max_input_size: int = DEFAULT_MAX_INPUT_SIZE  # bytes; 0 for no limit
    title: str | None = None  # a collection's or feed's title; None: the feed's, or one made of its articles
    feed: FeedChoice | None = None  # which items of a feed; None: the newest ten
    images: bool = True  # False: every picture left out, captions and alternative text kept

    def fetch_limits(self) -> FetchLimits:
        """The limits of fetching a web address: the run's size limit, the usual timeouts and retries."""
        from export.web import limits

        return dataclasses.replace(limits.BASE_LIMITS, max_bytes=self.max_input_size)


class BookSetup(NamedTuple):
    """What every book of a run shares, made once from its options: stylesheet, cover, claims, format.

    Both a single page (``build_book``) and a blog run (``export.blog.convert``) make their books with it.
    """

    options: ConvertOptions
    stylesheet: bytes
    cover: CoverImage | None  # None: a cover drawn for each book

    @classmethod
    def load(cls, options: ConvertOptions) -> BookSetup:
        """The set-up of ``options``, its stylesheet and cover read (InputError if they cannot be)."""
        cover = load_cover(options.cover) if options.cover else None
        return cls(options, load_stylesheet(options.style), cover)

    @property
    def suffix(self) -> str:
        """The suffix of the books' file names, after their format."""
        from export.formats import FORMATS

        return FORMATS[self.options.format].suffix

    def language(self, found: str) -> str:
        """The book's language: the one asked for, else ``found`` (the input's)."""
        return self.options.language or found

    def marks_claims(self, language: str) -> bool:
        """Whether books in ``language`` get their claims marked: asked for, and a lexicon for it."""
        from export.annotate import supports_language

        return self.options.claims and supports_language(language)

    def mark_claims(self, article: Article) -> int:
        """Mark the article's claims at the level asked for; returns how many were marked."""
        from export.annotate import annotate_article

        in_comments = self.options.claims_in_comments
        annotate_article(article, self.options.claims_level, in_comments)
        return sum(len(paragraph.claims) for paragraph in article.paragraphs(with_comments=in_comments))

    def prepare(self, article: Article) -> bool:
        """Set the article's language (the one asked for, else its own) and mark its claims if books in
        it get them; whether it did."""
        article.language = self.language(article.language)
        claims = self.marks_claims(article.language)
        if claims:
            self.mark_claims(article)
        return claims

    def book_options(self, claims_marked: bool) -> BookOptions:
        """What the EPUB writer needs besides the article."""
        from export.epub.package import BookOptions

        return BookOptions(self.stylesheet, claims_marked, self.cover)

    def epub(self, article: Article, claims_marked: bool) -> bytes:
        """The article's EPUB."""
        from export.epub.package import write_epub

        return write_epub(article, self.book_options(claims_marked))

    def convert(self, epub: bytes, article: Article, source: Path | str) -> bytes:
        """The book in the format asked for, made from the article's ``epub``."""
        from export.formats import convert_book

        return convert_book(epub, self.options.format, article, source)


def build_book(
    source: Source, options: ConvertOptions, setup: BookSetup | None = None, warn: Warn | None = None
) -> tuple[Article, bytes]:
    """Read ``source`` (a file, or a web address given as a str), mark its claims and return the article
    with its book's bytes in ``options.format``; ``setup`` is the run's, made once for many inputs, and
    ``warn`` hears of each picture or comment page of an address that was left out."""
    setup = setup or BookSetup.load(options)
    article = read_input(source, options, warn)
    return article, _article_book(setup, article, source)


def read_input(source: Source, options: ConvertOptions, warn: Warn | None = None) -> Article:
    """The article of a saved file, or of a web address (a str) fetched within the options' limits, with
    its pictures (``--no-images``: none) and, for an address, every page of its comment thread."""
    if isinstance(source, str):
        from export.web.page import fetch_page

        return web_article(fetch_page(source, options.fetch_limits()), options, warn)
    from export.readers import read_article

    check_input(source, options.max_input_size)
    return finished(read_article(source), options)


def web_article(page: PageInput, options: ConvertOptions, warn: Warn | None = None) -> Article:
    """The article of a fetched page, its pictures and comment pages fetched too; ``warn`` hears of each
    one left out."""
    from export.readers import read_page
    from export.web.complete import complete_from_web

    article = read_page(page)
    for problem in complete_from_web(article, page, options.fetch_limits(), options.images):
        if warn is not None:
            warn(page.origin.name, problem)
    return finished(article, options)


def finished(article: Article, options: ConvertOptions) -> Article:
    """The article with its pictures left out if asked (``--no-images``), and pictures that came to
    nothing taken out."""
    if not options.images:
        leave_out_pictures(article)
    for section in article.sections:  # one absent picture stands for a page of pictures none of which came
        section.blocks = without_blank_pictures(section.blocks) or ([Picture()] if section.blocks else [])
    return article


def leave_out_pictures(article: Article) -> None:
    """Take every picture out of the article (``--no-images``); captions and alternative text stay."""
    for picture in article.pictures():
        picture.image = None
        picture.address = None
    article.images = []


def build_input(
    source: Source, options: ConvertOptions, warn: Warn | None = None, setup: BookSetup | None = None
) -> tuple[str | None, bytes]:
    """The book of one input on its own: a page's article, or a feed's newest items; with the title its
    file is named after (None when it has none). ``setup`` is the run's, made once for many inputs."""
    setup = setup or BookSetup.load(options)
    part = read_part(source, options, warn)
    if part.origin == "feed":
        part.title = options.title or part.title
        return part.title, _collection_book(setup, part, source)
    (article,) = part.articles
    return article.title, _article_book(setup, article, source)


def _article_book(setup: BookSetup, article: Article, source: Source) -> bytes:
    claims = setup.prepare(article)
    return setup.convert(setup.epub(article, claims), article, source)


def build_collection(
    sources: list[Source], options: ConvertOptions, warn: Warn | None = None
) -> tuple[Collection, bytes]:
    """Read every input into one collection (a page is an article, a feed its newest items), mark each
    article's claims in its own language, and return it with its book's bytes in ``options.format``.

    The first input that cannot be read ends it all with an InputError naming that input.
    """
    setup = BookSetup.load(options)
    collection = read_collection(sources, options, warn)
    return collection, _collection_book(setup, collection, sources[0])


def _collection_book(setup: BookSetup, collection: Collection, source: Source) -> bytes:
    from export.epub.anthology import cover_article
    from export.epub.collection import collection_head, write_collection

    marked = False
    for article in collection.articles:
        marked = setup.prepare(article) or marked  # every article prepared, whatever the ones before did
    collection.language = setup.language(collection.language)
    epub = write_collection(collection, setup.book_options(marked))
    return setup.convert(epub, cover_article(collection_head(collection)), source)


def read_collection(sources: list[Source], options: ConvertOptions, warn: Warn | None = None) -> Collection:
    """One collection of every input's articles, in the order given: one feed alone keeps its own title,
    description and address; several inputs are named by ``options.title`` or by the writer."""
    parts: list[Collection] = []
    for source in sources:
        try:
            parts.append(read_part(source, options, warn))
        except UNCONVERTIBLE:
            raise InputError(source, "too large or too deep to convert") from None
    if len(parts) == 1 and parts[0].origin == "feed":
        collection = parts[0]
        collection.title = options.title or collection.title
        return collection
    articles = [article for part in parts for article in part.articles]
    sites = {article.site for article in articles}
    authors = dict.fromkeys(person.name for article in articles for person in article.authors)
    return Collection(
        articles=articles,
        title=options.title,
        site=sites.pop() if len(sites) == 1 else None,
        language=articles[0].language,
        owners=[Person(name) for name in authors],
    )


def read_part(source: Source, options: ConvertOptions, warn: Warn | None = None) -> Collection:
    """What one input gives a collection: a page's article, or a feed's chosen items (the pages of those
    with only a summary fetched, ``warn`` told of those that cannot be); InputError for a blog export."""
    from export.readers import input_makes, read_article
    from export.readers.kinds import sniffed_kind
    from export.readers.origin import PageInput

    def item_page(address: str) -> Article:
        from export.web.page import fetch_page
        from export.web.reach import is_local

        # A feed from elsewhere may not send us to this machine or a local network.
        local = not isinstance(source, str) or is_local(source)
        return web_article(fetch_page(address, options.fetch_limits(), local=local), options, warn)

    def feed(page: PageInput) -> Collection:
        from export.readers.feed import read_feed  # feedparser and the HTML reader: only for a feed
        from export.readers.feed_choice import FeedChoice

        return read_feed(page, options.feed or FeedChoice(), item_page, warn)

    if isinstance(source, str):
        from export.web.page import fetch_page

        page = fetch_page(source, options.fetch_limits())
        if sniffed_kind(page.data, page.origin).makes == "feed":
            return feed(page)
        return Collection([web_article(page, options, warn)])
    check_input(source, options.max_input_size)
    makes = input_makes(source)
    if makes == "blog":
        raise InputError(source, "is a WordPress export, a book of its own: it cannot join others")
    if makes == "feed":
        return feed(PageInput.from_file(source))
    return Collection([finished(read_article(source), options)])


def titled_file_name(title: str | None, source: Source, fmt: BookFormat = "epub") -> str:
    """A book's file name: a slug of ``title``, else of the input's name, then the format's suffix."""
    from export.formats import FORMATS
    from export.readers.origin import Origin

    origin = Origin.file(source) if isinstance(source, Path) else Origin(source, address=source)
    stem = slugify(title or "") or slugify(origin.stem) or "book"
    return ("book-" + stem if stem in RESERVED_STEMS else stem) + FORMATS[fmt].suffix


def check_input(source: Path, limit: int) -> None:
    """InputError if ``source`` is a device or pipe, or larger than ``limit`` bytes (0: no limit)."""
    try:
        info = source.stat()
    except OSError:
        return  # the reader says what is wrong with a missing or unreadable file
    if stat.S_ISDIR(info.st_mode):
        return
    if not stat.S_ISREG(info.st_mode):
        raise InputError(source, "is not a regular file (a device, pipe or socket)")
    if limit and info.st_size > limit:
        raise InputError(
            source,
            f"is {byte_size(info.st_size)}, over the input size limit of {byte_size(limit)} "
            "(raise it with --max-input-size)",
        )


def slugify(text: str, limit: int = 80) -> str:
    """A lower-case ASCII file-name stem made of words joined by hyphens, never a path."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-")


def styles_dir() -> Path:
    """The bundled stylesheets: inside the installed package, or ``styles/`` of a checkout."""
    return _bundled("styles")


def seeds_dir() -> Path:
    """The seed articles: ``seeds/`` in the current directory, else the ones bundled with the package."""
    local = Path("seeds")
    return local if local.is_dir() else _bundled("seeds")


def _bundled(name: str) -> Path:
    package = Path(__file__).resolve().parent
    installed = package / name
    return installed if installed.is_dir() else package.parent / name


def load_stylesheet(style: str) -> bytes:
    """The CSS of a bundled style NAME, or of a stylesheet file PATH."""
    path = Path(style)
    if path.suffix.lower() != ".css" or not path.exists():
        path = styles_dir() / f"{style}.css"
    if not path.is_file():
        names = ", ".join(sorted(css.stem for css in styles_dir().glob("*.css")))
        raise InputError(style, f"no such style or stylesheet (bundled styles: {names})")
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot read the stylesheet: {error.strerror}") from None


def load_cover(path: Path) -> CoverImage:
    """The user's cover image, a PNG or JPEG file."""
    from export.epub.cover import CoverImage, cover_image_type

    try:
        content = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot read the cover image: {error.strerror}") from None
    kind = cover_image_type(content)
    if kind is None:
        raise InputError(path, "the cover is not a PNG or JPEG image")
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(content)) as image:
            image.load()
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError) as error:
        raise InputError(path, f"the cover image is damaged: {error}") from None
    return CoverImage(content, *kind)


def write_atomically(
    output: Path, data: bytes, inputs: list[Path], *, durable: bool = True, tidy: bool = True
) -> None:
    """Write ``data`` to a temporary file beside ``output`` and rename it into place.

    Interrupting signals wait until the book is in place or the temporary file is gone. ``durable``
    syncs the file to disk first; ``tidy`` removes temporary files that killed runs left beside it.
    """
    with signals_deferred(), streamed_output(output, inputs, durable=durable, tidy=tidy) as stream:
        stream.write(data)


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold interrupting signals until the block ends, so that what it does is done whole or not at all."""
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, DEFERRED_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


@contextlib.contextmanager
def streamed_output(
    output: Path, inputs: list[Path], *, durable: bool = True, tidy: bool = True
) -> Iterator[BinaryIO]:
    """A temporary file beside ``output`` to write a long book into; renamed into place if all goes well.

    On an error or interruption the temporary file is removed and no book is left half-written.
    """
    check_output(output, inputs)
    if tidy:
        remove_stale_temporaries(output)
    temporary = temporary_path(output, os.getpid())
    try:  # from before the file exists: an interrupt just after it is made still removes it
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        with signals_deferred():
            os.replace(temporary, output)
    except OSError as error:
        raise InputError(output, f"cannot write: {error.strerror}") from None
    finally:
        temporary.unlink(missing_ok=True)


def check_output(output: Path, inputs: list[Path]) -> None:
    """InputError if ``output`` is a directory, one of the inputs, or in a directory that does not exist."""
    if output.is_dir():
        raise InputError(output, "is a directory; give a file name or a directory for several inputs")
    if any(output.resolve() == source.resolve() for source in inputs):
        raise InputError(output, "would overwrite the input; choose another output name")
    if not output.parent.is_dir():
        raise InputError(output, "cannot write: the directory does not exist")


def temporary_path(output: Path, pid: int) -> Path:
    """The temporary file that process ``pid`` writes before renaming it to ``output``."""
    return output.with_name(f".{output.name}.{pid}.tmp")


def remove_stale_temporaries(output: Path) -> None:
    """Remove the temporary files for ``output`` left by runs that were killed (SIGKILL, power loss)."""
    _remove_stale(output.parent, f".{output.name}.")


def remove_stale_temporaries_in(directory: Path) -> None:
    """Remove every temporary book file in ``directory`` left by runs that were killed."""
    _remove_stale(directory, ".")


def _remove_stale(directory: Path, prefix: str) -> None:
    try:
        leftovers = [path for path in directory.iterdir() if path.name.startswith(prefix)]
    except OSError:
        return
    for path in leftovers:
        pid = path.name[len(prefix) :].removesuffix(".tmp").rpartition(".")[2]
        if (
            path.name.endswith(".tmp")
            and _is_pid(pid)
            and (int(pid) == os.getpid() or not _running(int(pid)))
        ):
            with contextlib.suppress(OSError):  # not ours to remove: leave it
                path.unlink(missing_ok=True)


def _is_pid(text: str) -> bool:
    return text.isascii() and text.isdigit() and len(text) <= 9


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # alive, but another user's
    return True
