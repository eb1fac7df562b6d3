"""The WordPress export (WXR) reader: the blog, its items, and each post read as an article.

Names are imported on first use, so that sniffing a file (``sniff``) does not load the whole reader.
"""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # what the names below are, for the type checker, which cannot follow __getattr__
    from export.readers.wxr.items import RawComment, WxrItem
    from export.readers.wxr.opening import open_export
    from export.readers.wxr.post import plain_title, read_post
    from export.readers.wxr.sniff import looks_like_wxr

_HOMES = {
    "RawComment": "items",
    "WxrItem": "items",
    "looks_like_wxr": "sniff",
    "open_export": "opening",
    "plain_title": "post",
    "read_post": "post",
}
__all__ = ["RawComment", "WxrItem", "looks_like_wxr", "open_export", "plain_title", "read_post"]


def __getattr__(name: str) -> object:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
