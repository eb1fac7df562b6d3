"""The WordPress export (WXR) reader: the blog, its items, and each post read as an article."""

from export.readers.wxr.export import open_export
from export.readers.wxr.items import RawComment, WxrItem
from export.readers.wxr.post import plain_title, read_post
from export.readers.wxr.sniff import looks_like_wxr

__all__ = ["RawComment", "WxrItem", "looks_like_wxr", "open_export", "plain_title", "read_post"]
