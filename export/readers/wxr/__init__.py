"""The WordPress export (WXR) reader: the blog, its items, and each post read as an article.

Names are imported on first use, so that sniffing a file (``sniff``) does not load the whole reader.
"""

import importlib

_HOMES = {
    "RawComment": "items",
    "WxrItem": "items",
    "looks_like_wxr": "sniff",
    "open_export": "export",
    "plain_title": "post",
    "read_post": "post",
}
__all__ = sorted(_HOMES)


def __getattr__(name: str) -> object:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
