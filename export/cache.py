"""Files kept in the user's cache directory by the digest of what made them, so that a later run reads them.

Only what is slow to make and fully decided by its digest goes there (a generated cover): a book is the
same whether a file came from the cache or was made anew. Where the directory cannot be written, nothing
is kept and nothing fails.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

APPLICATION = "annotated-epub"


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/annotated-epub``, by default ``~/.cache/annotated-epub``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / APPLICATION


def digest(*parts: str | bytes) -> str:
    """The hex sha256 of ``parts``, each length-prefixed so that no two lists of parts give the same."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big") + data)
    return hasher.hexdigest()


def read(kind: str, key: str) -> bytes | None:
    """The file kept for ``key`` under ``kind`` (such as "covers"), or None."""
    try:
        return (cache_dir() / kind / key).read_bytes()
    except OSError:
        return None


def keep(kind: str, key: str, content: bytes) -> None:
    """Keep ``content`` for ``key`` under ``kind``, written beside and renamed: a reader sees all or none."""
    with contextlib.suppress(OSError):
        write_whole(cache_dir() / kind / key, content)


def read_sealed(kind: str, key: str) -> bytes | None:
    """What ``keep_sealed`` kept for ``key`` under ``kind``; None where there is none, or where it is not
    what was written (a damaged file)."""
    kept = read(kind, key)
    if kept is None or hashlib.sha256(kept[_SEAL:]).digest() != kept[:_SEAL]:
        return None
    return kept[_SEAL:]


def keep_sealed(kind: str, key: str, content: bytes) -> None:
    """Keep ``content`` for ``key`` under ``kind`` after the sha256 of it, which ``read_sealed`` checks."""
    keep(kind, key, hashlib.sha256(content).digest() + content)


_SEAL = hashlib.sha256().digest_size


def write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` (its folders made) and rename it into place, so
    that a reader sees all of it or none; OSError if it cannot be written."""
    import tempfile  # only to write: a run that finds all it needs in the cache does without it

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
