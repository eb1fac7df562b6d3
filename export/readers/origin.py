"""An input page's bytes and where they came from: a saved file or a web address."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from export.errors import InputError


class Origin(NamedTuple):
    """Where an input comes from: a file (whose folder may hold the page's pictures) or a web address."""

    name: str  # what messages name: the file as given, or the address
    path: Path | None = None  # the saved file; None for a fetched page
    address: str | None = None  # the final address a fetched page came from

    @classmethod
    def file(cls, path: Path) -> Origin:
        return cls(str(path), path=path)

    @property
    def _name_path(self) -> PurePosixPath:
        if self.path is not None:
            return PurePosixPath(self.path.name)
        return PurePosixPath(unquote(urlsplit(self.address or self.name).path).rstrip("/"))

    @property
    def suffix(self) -> str:
        """The file name's suffix (of the address's last segment for a fetched page): ".html", or ""."""
        return self._name_path.suffix

    @property
    def stem(self) -> str:
        """The file's name without its suffix; for an address, its last segment's, else its host."""
        return self._name_path.stem or (urlsplit(self.address or self.name).hostname or "")


class PageInput(NamedTuple):
    """A whole input page: its bytes, its origin and, for a fetched page, the charset the server declared."""

    data: bytes
    origin: Origin
    charset: str | None = None

    @classmethod
    def from_file(cls, path: Path) -> PageInput:
        """The page saved at ``path``; InputError if it is a directory, missing or unreadable."""
        if path.is_dir():
            raise InputError(path, "is a directory")
        try:
            return cls(path.read_bytes(), Origin.file(path))
        except FileNotFoundError:
            raise InputError(path, "no such file") from None
        except OSError as error:
            raise InputError(path, f"cannot be read: {error.strerror}") from None

    @property
    def name(self) -> str:
        """What messages about this page name."""
        return self.origin.name
