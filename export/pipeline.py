"""The driver: read an input, annotate its claims, write the book atomically."""

from __future__ import annotations

import io
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from export.errors import InputError
from export.model import Article

DEFAULT_STYLE = "book"


@dataclass
class ConvertOptions:
    """Everything the command line can change about one conversion."""

    style: str = DEFAULT_STYLE
    claims: bool = True
    language: str | None = None
    claims_level: str = "default"  # strict, default or all (see export.annotate.claims.LEVELS)
    claims_in_comments: bool = False
    format: str = "epub"  # or "kepub", "azw3" (export.formats.SUFFIXES)
    cover: Path | None = None  # the user's PNG or JPEG; None means a generated cover


def build_book(source: Path, options: ConvertOptions) -> tuple[Article, bytes]:
    """Read ``source``, mark its claims and return the article with its book's bytes in ``options.format``."""
    from export.annotate import annotate_article
    from export.epub.package import BookOptions, write_epub
    from export.formats import convert_book
    from export.readers import read_article

    stylesheet = load_stylesheet(options.style)
    cover = load_cover(options.cover) if options.cover else None
    article = read_article(source)
    if options.language:
        article.language = options.language
    claims = options.claims and has_claim_lexicon(article.language)
    if claims:
        annotate_article(article, options.claims_level, options.claims_in_comments)
    epub = write_epub(article, BookOptions(stylesheet=stylesheet, claims_marked=claims, cover=cover))
    return article, convert_book(epub, options.format, article, source)


def has_claim_lexicon(language: str) -> bool:
    """True when the claim detector has a cue lexicon for the language (``de-DE`` looks for ``cues_de``)."""
    primary = language.split("-")[0].split("_")[0].lower()
    return (Path(__file__).resolve().parent / "annotate" / f"cues_{primary}.tsv").is_file()


def book_file_name(article: Article, source: Path, fmt: str = "epub") -> str:
    """The book's file name: a slug of the article's title, else of the input's name, then the suffix."""
    from export.formats import SUFFIXES

    return (slugify(article.title) or slugify(source.stem) or "book") + SUFFIXES[fmt]


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


def load_cover(path: Path):
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


def write_atomically(output: Path, data: bytes, inputs: list[Path]) -> None:
    """Write ``data`` to a temporary file beside ``output`` and rename it into place."""
    if output.is_dir():
        raise InputError(output, "is a directory; give a file name or a directory for several inputs")
    if any(output.resolve() == source.resolve() for source in inputs):
        raise InputError(output, "would overwrite the input; choose another output name")
    if not output.parent.is_dir():
        raise InputError(output, "cannot write: the directory does not exist")
    temporary = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    try:
        temporary.unlink(missing_ok=True)  # left by a killed run that had this process id
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise InputError(output, f"cannot write: {error.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, output)
    except OSError as error:
        raise InputError(output, f"cannot write: {error.strerror}") from None
    finally:
        if temporary.exists():
            temporary.unlink()
