"""A WordPress export to one anthology book or a directory of books, one per post, in worker processes."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

from export import __version__
from export.blog.done import FinishedBooks, record_finished
from export.blog.post_key import post_key
from export.blog.progress import Progress
from export.blog.select import PostChoice
from export.blog.summary import Summary
from export.errors import InputError, printable
from export.model import Blog, BlogPost
from export.pipeline import (
    BookSetup,
    ConvertOptions,
    leave_out_pictures,
    remove_stale_temporaries_in,
    slugify,
)
from export.readers.wxr import WxrItem, open_export, plain_title, read_post

if TYPE_CHECKING:
    from export.epub.anthology import PostDocuments

Task = TypeVar("Task")


@dataclass
class BlogOptions:
    """What the command line asks of a blog export, beyond a single page's options."""

    convert: ConvertOptions = field(default_factory=ConvertOptions)
    choice: PostChoice = field(default_factory=PostChoice)
    split: bool = False
    include_unapproved: bool = False
    jobs: int = 1
    quiet: bool = False
    post_covers: bool = False  # split books each get a cover drawn for the post, not the blog's


@dataclass(frozen=True)
class _Context:
    """What every worker needs to turn an export item into chapters or a book, handed to each task."""

    source: Path
    blog: Blog
    options: BlogOptions
    setup: BookSetup
    claims: bool
    directory: Path | None = None  # split books go there


@dataclass
class _Done:
    """What a worker did with one post: its documents or book, and what it counted."""

    kind: str
    comments: int
    links: int
    claims: int
    left_out: dict[str, int]
    documents: PostDocuments | None = None  # for the anthology
    book: str = ""  # the split book's file name
    problem: str = ""  # why the post could not be read


def convert_blog(
    source: Path, options: BlogOptions, place: Callable[[str], Path], warn: Callable[[str], None]
) -> tuple[list[Path], Summary]:
    """Convert the export at ``source``; ``place(name)`` says where a book or directory of that name goes.

    Returns the books written (the anthology, or the split directory's new books) and the summary.
    """
    from export.annotate.lexicon import default_lexicon

    setup = BookSetup.load(options.convert)
    blog, items = open_export(source, warn)
    with contextlib.closing(items):  # the input is closed however the run ends
        blog.language = setup.language(blog.language)
        claims = setup.marks_claims(blog.language)
        if options.split and setup.cover is None and not options.post_covers:
            from export.epub.anthology import blog_cover

            # drawn once: a cover for every post costs more than the rest of its book
            setup = setup._replace(cover=blog_cover(blog))
        if claims:
            default_lexicon()  # read once here, not in every worker
        context = _Context(source, blog, options, setup, claims)
        summary = Summary(claims_marked=claims)
        chosen = _chosen(_named(items, setup.suffix, options.split), options.choice, summary, warn)
        progress = Progress(source.name, items.total_bytes, lambda: items.bytes_read, options.quiet)
        name = slugify(blog.title) or slugify(source.stem) or "blog"
        try:
            if options.split:
                written = _split(context, chosen, place(name), summary, progress)
            else:
                written = [_anthology(context, chosen, place(name + setup.suffix), summary, progress)]
        finally:
            progress.close()
    return written, summary


def _named(items: Iterator[WxrItem], suffix: str, split: bool) -> Iterator[tuple[WxrItem, str]]:
    """Each item with its split book's name, given before any filter so that a rerun keeps the names (an
    anthology, not ``split``, names none)."""
    taken: set[str] = set()
    for item in items:
        named = split and item.info.kind in ("post", "page")
        yield item, _book_name(item, suffix, taken) if named else ""


def _chosen(
    items: Iterator[tuple[WxrItem, str]], choice: PostChoice, summary: Summary, warn: Callable[[str], None]
) -> Iterator[tuple[WxrItem, str]]:
    for item, name in items:
        reason = choice.reason_left_out(item.info)
        if reason is None:
            yield item, name
        else:
            summary.left_out[reason] += 1
    for wanted in choice.unmatched_posts():
        warn(f"--post {wanted}: no post or page has this id or slug")


def _anthology(
    context: _Context,
    items: Iterator[tuple[WxrItem, str]],
    target: Path,
    summary: Summary,
    progress: Progress,
) -> Path:
    """Write the anthology to ``target``: streamed into place as EPUB, or converted once complete."""
    from export.pipeline import streamed_output, write_atomically

    if context.options.convert.format == "epub":  # the one format written as it is made
        with streamed_output(target, [context.source]) as stream:
            _write_anthology(context, items, stream, summary, progress)
    else:
        import tempfile

        from export.epub.anthology import cover_article

        with tempfile.TemporaryFile() as stream:
            _write_anthology(context, items, stream, summary, progress)
            stream.seek(0)
            epub = stream.read()
        data = context.setup.convert(epub, cover_article(context.blog), context.source)
        write_atomically(target, data, [context.source])
    return target


def _write_anthology(
    context: _Context,
    items: Iterator[tuple[WxrItem, str]],
    stream: BinaryIO,
    summary: Summary,
    progress: Progress,
) -> None:
    from export.epub.anthology import AnthologyBook
    from export.epub.blog_front import AnthologyStats

    book = AnthologyBook(stream, context.blog, context.setup.book_options(context.claims))
    try:
        posts = (item for item, _ in items)
        with contextlib.closing(_run(context, enumerate(posts, start=1), _render_post)) as results:
            for done in results:  # the workers are stopped at once should this loop fail
                if _count(done, summary) and done.documents is not None:
                    book.add_post(done.documents)
                progress.update(summary.posts + summary.pages)
        if not book.entries:  # a book of no chapters is never what was asked for
            raise _nothing_to_write(context, summary)
    except BaseException:
        book.abandon()
        raise
    dates = [entry.published.date() for entry in book.entries if entry.published]
    book.finish(
        AnthologyStats(
            posts=summary.posts,
            pages=summary.pages,
            comments=summary.comments,
            links=summary.links,
            claims=summary.claims if context.claims else None,
            first=min(dates) if dates else None,
            last=max(dates) if dates else None,
            skipped=summary.left_out_for_readers(),
        )
    )


def _split(
    context: _Context,
    items: Iterator[tuple[WxrItem, str]],
    directory: Path,
    summary: Summary,
    progress: Progress,
) -> list[Path]:
    if directory.exists() and not directory.is_dir():
        raise InputError(directory, "is not a directory, and --split writes one book per post in a directory")
    created = not directory.exists()
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(directory, f"cannot create the output directory: {error.strerror}") from None
    context = dataclasses.replace(context, directory=directory)
    finished = FinishedBooks(directory)
    remove_stale_temporaries_in(directory)  # once here, not for every book
    options_key = _options_key(context)
    written: list[Path] = []

    def tasks() -> Iterator[tuple[int, WxrItem, str, str]]:
        for index, (item, name) in enumerate(items, start=1):
            key = options_key + post_key(item)
            digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
            if finished.up_to_date(name, digest):
                summary.books_up_to_date += 1
                continue
            yield index, item, name, digest

    with contextlib.closing(_run(context, tasks(), _write_post_book)) as results:
        for done in results:  # the workers are stopped at once should this loop fail
            if _count(done, summary):
                written.append(directory / done.book)
            progress.update(summary.posts + summary.pages + summary.books_up_to_date)
    if not written and not summary.books_up_to_date:
        if created:
            with contextlib.suppress(OSError):
                directory.rmdir()  # made for this run, and empty
        raise _nothing_to_write(context, summary)
    return written


def _nothing_to_write(context: _Context, summary: Summary) -> InputError:
    """The error of a run that chose no post or page, or could read none of those it chose."""
    left = summary.left_out_text()
    problem = "no post or page to make a book of" + (f" (left out {left})" if left else "")
    return InputError(context.source, problem + "; nothing written")


def _run(
    context: _Context, tasks: Iterator[Task], work: Callable[[_Context, Task], _Done]
) -> Generator[_Done, None, None]:
    """``work(context, task)`` on each task, in this process or in ``--jobs`` workers (forked, so the
    context is theirs from the start); results come back in task order."""
    if context.options.jobs <= 1:
        for task in tasks:
            yield work(context, task)
        return
    from export.blog.workers import WorkerLost, in_workers  # multiprocessing: loaded for --jobs only

    try:
        yield from in_workers(tasks, functools.partial(work, context), context.options.jobs)
    except WorkerLost as error:
        raise InputError(context.source, str(error)) from None


def _read(context: _Context, item: WxrItem) -> tuple[BlogPost, int]:
    """The post of ``item`` with its claims marked; and how many were marked."""
    post = read_post(item, context.blog, context.options.include_unapproved)
    if not context.options.convert.images:
        leave_out_pictures(post.article)
    return post, context.setup.mark_claims(post.article) if context.claims else 0


def _render_post(context: _Context, task: tuple[int, WxrItem]) -> _Done:
    from export.epub.anthology import post_documents

    index, item = task
    try:
        post, claims = _read(context, item)
        documents = post_documents(post, index)
    except Exception as error:  # one post's failure leaves it out, never ends the run
        return _unreadable(item, error)
    return _done(post, claims, documents=documents)


def _write_post_book(context: _Context, task: tuple[int, WxrItem, str, str]) -> _Done:
    from export.pipeline import signals_deferred, write_atomically

    _, item, name, digest = task
    directory = context.directory
    assert directory is not None, "split books are written into the split's directory"
    try:
        post, claims = _read(context, item)
        epub = context.setup.epub(post.article, context.claims)
    except Exception as error:  # one post's failure leaves it out, never ends the run
        return _unreadable(item, error)
    data = context.setup.convert(epub, post.article, context.source)
    with signals_deferred():  # a book in place is always noted as finished
        write_atomically(directory / name, data, [context.source], durable=False, tidy=False)
        record_finished(directory, name, digest)
    return _done(post, claims, book=name)


def _unreadable(item: WxrItem, error: Exception) -> _Done:
    """The result of a post that could not be read or rendered, naming the post and the cause."""
    cause = error.problem if isinstance(error, InputError) else f"{type(error).__name__}: {error}"
    name = f"post {item.info.post_id}" + (f" ({item.info.title!r})" if item.info.title else "")
    return _Done("unreadable", 0, 0, 0, {}, problem=printable(f"{name}: {cause}"))


def _done(post: BlogPost, claims: int, **more: Any) -> _Done:
    comments, links = post.article.thread.counts()
    return _Done(post.info.kind, comments, links, claims, post.left_out, **more)


def _count(done: _Done, summary: Summary) -> bool:
    """Add ``done`` to the summary; False when its post could not be read."""
    if done.kind == "unreadable":
        summary.left_out[("post that could not be read", "posts that could not be read")] += 1
        summary.problems.append(done.problem)
        return False
    if done.kind == "page":
        summary.pages += 1
    else:
        summary.posts += 1
    summary.comments += done.comments
    summary.links += done.links
    summary.claims += done.claims
    summary.comments_left_out.update(done.left_out)
    return True


def _book_name(item: WxrItem, suffix: str, taken: set[str]) -> str:
    """``2016-03-28-slug.epub``: the post's date and slug (or title, or id), unique in the directory.

    A name already taken by an earlier item of the export gets the post's id: ``2016-03-28-slug-42.epub``.
    """
    info = item.info
    stem = (
        slugify(info.slug or "")
        or slugify(plain_title(info.title))
        or f"post-{slugify(info.post_id) or 'untitled'}"
    )
    if info.published:
        stem = f"{info.published:%Y-%m-%d}-{stem}"
    name, count = stem + suffix, 2
    if name in taken:  # the post's id tells it apart from its namesakes whichever of them a run chooses
        stem = f"{stem}-{slugify(info.post_id) or 'post'}"
        name = stem + suffix
    while name in taken:
        name, count = f"{stem}-{count}{suffix}", count + 1
    taken.add(name)
    return name


def _options_key(context: _Context) -> str:
    """Everything besides the post that a split book depends on, as one string for its digest."""
    convert, cover = context.options.convert, context.setup.cover
    parts = [
        __version__,
        hashlib.sha256(context.setup.stylesheet).hexdigest(),
        hashlib.sha256(cover.content).hexdigest() if cover else "generated",
        repr(context.blog),
        str(context.claims),
        convert.claims_level,
        str(convert.claims_in_comments),
        convert.format,
        str(context.options.include_unapproved),
        *([] if convert.images else ["no images"]),  # books made before the option keep their digest
    ]
    return "\x1f".join(parts)
