"""Which items of a blog export become chapters or books, and why the others are left out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from export.model import PostInfo

Reason = tuple[str, str]  # why an item is left out: the words for one item, and for several
DRAFT_STATUSES: dict[str, Reason] = {
    "draft": ("draft", "drafts"),
    "auto-draft": ("draft", "drafts"),
    "pending": ("post pending review", "posts pending review"),
    "future": ("scheduled post", "scheduled posts"),
    "private": ("private post", "private posts"),
}
ASK_DRAFTS = " (add --include-drafts)"


@dataclass
class PostChoice:
    """What the command line asks for: filters, and which kinds of items to keep beyond published posts."""

    posts: list[str] = field(default_factory=list)  # ids or slugs
    since: dt.date | None = None
    until: dt.date | None = None
    categories: list[str] = field(default_factory=list)  # names or slugs
    authors: list[str] = field(default_factory=list)  # logins or display names
    include_pages: bool = False
    include_drafts: bool = False
    include_protected: bool = False
    matched: set[str] = field(default_factory=set, repr=False)  # the --post ids and slugs found so far

    def unmatched_posts(self) -> list[str]:
        """The ids and slugs asked for with ``posts`` that no item of the export had."""
        return [name for name in self.posts if name not in self.matched]

    def reason_left_out(self, info: PostInfo) -> Reason | None:
        """Why the item ``info`` is left out, in words for the summary; None when it is kept."""
        if info.kind == "attachment":
            return ("attachment", "attachments")
        if info.kind not in ("post", "page"):
            return (f"item of type {info.kind}", f"items of type {info.kind}")
        if not self._wanted(info):
            return ("item not chosen by the filters", "items not chosen by the filters")
        if info.kind == "page" and not self.include_pages:
            return ("page (add --include-pages)", "pages (add --include-pages)")
        if info.status == "trash":
            return ("post in the trash", "posts in the trash")
        if info.status not in ("publish", "inherit") and not (
            self.include_drafts and info.status in DRAFT_STATUSES
        ):
            one, many = DRAFT_STATUSES.get(
                info.status, (f"post with status {info.status}", f"posts with status {info.status}")
            )
            return (one + ASK_DRAFTS, many + ASK_DRAFTS)
        if info.password_protected and not self.include_protected:
            ask = " (add --include-protected)"
            return ("password-protected post" + ask, "password-protected posts" + ask)
        return None

    def _wanted(self, info: PostInfo) -> bool:
        if self.posts:
            found = {info.post_id, info.slug or ""} & set(self.posts)
            if not found:
                return False
            self.matched |= found
        day = info.published.date() if info.published else None
        if (self.since or self.until) and (
            day is None or (self.since and day < self.since) or (self.until and day > self.until)
        ):
            return False
        if self.categories and not _any_named(self.categories, info.categories):
            return False
        names = [name for name in (info.author_login, info.author_name) if name]
        return not self.authors or _any_named(self.authors, names)


def _any_named(wanted: list[str], names: list[str]) -> bool:
    folded = {name.casefold() for name in names}
    return any(name.casefold() in folded for name in wanted)
