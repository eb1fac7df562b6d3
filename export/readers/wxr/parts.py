"""A zipped WordPress export (as WordPress.com gives it): its WXR parts, in name order, read as one export
straight from the archive, never unzipped to disk."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from pathlib import Path

from export.errors import InputError
from export.model import Blog
from export.readers.wxr.export import ExportReader
from export.readers.wxr.export_items import ExportItems
from export.readers.wxr.items import WxrItem
from export.readers.wxr.sniff import SNIFF_BYTES, ZIP_MAGIC, looks_like_wxr

NO_EXPORT = (
    "is a zip archive with no WordPress export in it (no .xml member with a wordpress.org/export namespace)"
)
DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError)
ENCRYPTED = 0x1  # general purpose flag bit 0
NAMED_IGNORED = 3


def is_zip(path: Path) -> bool:
    """True for a regular file that starts like a zip archive and whose directory zipfile can find."""
    if not path.is_file():  # never open a pipe
        return False
    try:
        with path.open("rb") as stream:
            if stream.read(len(ZIP_MAGIC)) != ZIP_MAGIC:
                return False
    except OSError:
        return False
    return zipfile.is_zipfile(path)


def is_zipped_export(path: Path) -> bool:
    """True for a zip archive with a WXR member (or an .xml member too damaged or locked to tell)."""
    if not is_zip(path):
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            return bool(export_members(path, archive)[0])
    except InputError:
        return True  # the export reader names the problem
    except (OSError, *DAMAGE):
        return False


def zip_problem(path: Path) -> InputError:
    """Why a file that starts like a zip archive is not read as a WordPress export."""
    if not zipfile.is_zipfile(path):
        return InputError(path, "is a damaged zip archive (its directory of members is missing)")
    return InputError(path, NO_EXPORT)


def export_members(path: Path, archive: zipfile.ZipFile) -> tuple[list[zipfile.ZipInfo], list[str]]:
    """The archive's WXR members in name order, and the names of the other files in it."""
    members: list[zipfile.ZipInfo] = []
    ignored: list[str] = []
    for info in sorted(archive.infolist(), key=lambda info: info.filename):
        if info.is_dir():
            continue
        if info.filename.lower().endswith(".xml") and _sniff(path, archive, info):
            members.append(info)
        else:
            ignored.append(info.filename)
    return members, ignored


def open_parts(path: Path, warn: Callable[[str], None]) -> tuple[Blog, ExportItems]:
    """The blog the first part's channel describes, and the items of every part in turn."""
    try:
        archive = zipfile.ZipFile(path)
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror}") from None
    except DAMAGE as error:
        raise InputError(path, f"is a damaged zip archive ({error})") from None
    count = _Count()
    try:
        members, ignored = export_members(path, archive)
        if not members:
            raise InputError(path, NO_EXPORT)
        if ignored:
            warn(_ignored(ignored))
        first = _open_part(path, archive, members[0], warn, count, None)
    except BaseException:
        archive.close()
        raise
    items = _items(path, archive, members[1:], first, warn, count)
    total = sum(info.file_size for info in members)
    return first.blog, ExportItems(items, lambda: count.bytes, [first.reader.raw, archive], total)


class _Count:
    bytes = 0


class _Member:
    """A member's bytes as they are decompressed, counted, with zip errors raised as ``InputError``."""

    def __init__(self, path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, count: _Count) -> None:
        self.path, self.name, self.count = path, info.filename, count
        with _as_input_error(path, info):
            self.stream = archive.open(info)

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes; never the whole member at once unless asked."""
        with _as_input_error(self.path, self.name):
            data = self.stream.read(size)
        self.count.bytes += len(data)
        return data

    def close(self) -> None:
        self.stream.close()


class _Part:
    def __init__(self, reader: ExportReader, blog: Blog) -> None:
        self.reader, self.blog = reader, blog


def _open_part(
    path: Path,
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    warn: Callable[[str], None],
    count: _Count,
    earlier: ExportReader | None,
) -> _Part:
    """A reader at the first item of the member ``info``, its channel read; the member closed on failure."""
    member = _Member(path, archive, info, count)
    reader = ExportReader(path, member, warn, info.filename)  # type: ignore[arg-type]
    if earlier is not None:
        reader.follow(earlier)
    try:
        return _Part(reader, reader.read_blog())
    except BaseException:
        member.close()
        raise


def _items(
    path: Path,
    archive: zipfile.ZipFile,
    rest: list[zipfile.ZipInfo],
    first: _Part,
    warn: Callable[[str], None],
    count: _Count,
) -> Generator[WxrItem, None, None]:
    """The first part's items, then each later part's (each part ends with its own channel)."""
    reader = first.reader
    try:
        yield from reader.items()
        for info in rest:
            reader = _open_part(path, archive, info, warn, count, reader).reader
            yield from reader.items()
    finally:
        archive.close()


def _sniff(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    with _as_input_error(path, info), archive.open(info) as stream:
        return looks_like_wxr(stream.read(SNIFF_BYTES))


@contextmanager
def _as_input_error(path: Path, member: zipfile.ZipInfo | str) -> Iterator[None]:
    """Zip errors met opening or reading ``member`` as the one-line error naming the archive and member."""
    name = member if isinstance(member, str) else member.filename
    if isinstance(member, zipfile.ZipInfo) and member.flag_bits & ENCRYPTED:
        raise InputError(path, f"{name}: is encrypted (a password is needed to read it)")
    try:
        yield
    except RuntimeError as error:
        if "password" not in str(error) and "encrypted" not in str(error):
            raise
        raise InputError(path, f"{name}: is encrypted (a password is needed to read it)") from None
    except NotImplementedError as error:
        raise InputError(path, f"{name}: cannot be unpacked ({error})") from None
    except DAMAGE as error:
        raise InputError(path, f"{name}: is damaged ({error})") from None


def _ignored(names: list[str]) -> str:
    shown = ", ".join(names[:NAMED_IGNORED])
    more = f" and {len(names) - NAMED_IGNORED} more" if len(names) > NAMED_IGNORED else ""
    return f"holds files that are not WordPress exports (ignored them: {shown}{more})"
