"""What of a WordPress item a split run's book digest is made from: every field its book is made of."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from export.readers.wxr import RawComment, WxrItem


def post_key(item: WxrItem) -> str:
    """The item's fields, named one by one, as one string for its book's digest.

    Written as the dataclasses' repr wrote them when split runs began to keep digests, so that books made
    before stay up to date; a field added to ``WxrItem``, ``PostInfo`` or ``RawComment`` changes no digest
    until it is added here (tests/test_post_key.py asks for that choice)."""
    info = item.info
    comments = ", ".join(_comment_key(comment) for comment in item.comments)
    return (
        f"WxrItem(info=PostInfo(post_id={info.post_id!r}, kind={info.kind!r}, status={info.status!r}, "
        f"slug={info.slug!r}, title={info.title!r}, published={info.published!r}, "
        f"author_login={info.author_login!r}, author_name={info.author_name!r}, "
        f"categories={info.categories!r}, password_protected={info.password_protected!r}), "
        f"content={item.content!r}, excerpt={item.excerpt!r}, link={item.link!r}, creator={item.creator!r}, "
        f"comments=[{comments}])"
    )


def _comment_key(comment: RawComment) -> str:
    return (
        f"RawComment(id={comment.id!r}, parent={comment.parent!r}, author={comment.author!r}, "
        f"author_url={comment.author_url!r}, date={comment.date!r}, type={comment.type!r}, "
        f"approved={comment.approved!r}, content={comment.content!r})"
    )
