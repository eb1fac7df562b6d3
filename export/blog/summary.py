"""The summary a blog conversion ends with: what went in, and what was left out and why."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

HINT = re.compile(r" \(add --[a-z-]+\)$")  # the option that would have kept an item, for the summary only
NOT_CONTENT = ("attachments", "items of type")  # left out of every book, so not worth a reader's notice


@dataclass
class Summary:
    """Counts of one export's conversion."""

    posts: int = 0
    pages: int = 0
    comments: int = 0
    links: int = 0  # pingbacks and trackbacks
    claims: int = 0
    books_written: int = 0
    books_up_to_date: int = 0
    left_out: Counter[tuple[str, str]] = field(default_factory=Counter)  # items by reason (one, several)
    comments_left_out: Counter[str] = field(default_factory=Counter)  # by reason, e.g. "spam comment"
    problems: list[str] = field(default_factory=list)  # why posts could not be read
    claims_marked: bool = True  # False with --no-claims, or when the blog's language is not the detector's

    def lines(self, label: str) -> list[str]:
        """The summary as short lines, each starting with ``label`` (the input's name)."""
        kept = [_count(self.posts, ("post", "posts"))]
        if self.pages:
            kept.append(_count(self.pages, ("page", "pages")))
        kept.append(_count(self.comments, ("comment", "comments")))
        kept.append(_count(self.links, ("pingback or trackback", "pingbacks and trackbacks")))
        claims = (
            _count(self.claims, ("claim", "claims")) + " marked"
            if self.claims_marked
            else "claims not marked"
        )
        lines = [f"{label}: {', '.join(kept)}; {claims}"]
        if self.books_up_to_date:
            done = _count(self.books_up_to_date, ("book was", "books were"))
            lines.append(f"{label}: {done} already made from the same post and options, and kept")
        if self.left_out or self.comments_left_out:
            lines.append(f"{label}: left out {self.left_out_text()}")
        return lines

    def left_out_text(self) -> str:
        """What was left out and why, largest counts first: "3 drafts (add --include-drafts); 1 page"."""
        left = [_count(count, reason) for reason, count in sorted(self.left_out.items(), key=_largest)]
        left += [
            _count(count, (reason, reason + "s"))
            for reason, count in sorted(self.comments_left_out.items(), key=_largest)
        ]
        return "; ".join(left)

    def left_out_for_readers(self) -> list[str]:
        """What the title page says was left out: posts, pages and comments, without command-line advice."""
        left = [
            _count(count, tuple(HINT.sub("", words) for words in reason))
            for reason, count in sorted(self.left_out.items(), key=_largest)
            if not reason[1].startswith(NOT_CONTENT)
        ]
        left += [
            _count(count, (reason, reason + "s"))
            for reason, count in sorted(self.comments_left_out.items(), key=_largest)
        ]
        return left


def _largest(item: tuple) -> tuple:
    return (-item[1], item[0])


def _count(count: int, words: tuple[str, str]) -> str:
    return f"1 {words[0]}" if count == 1 else f"{count:,} {words[1]}"
