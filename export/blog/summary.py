"""The summary a blog conversion ends with: what went in, and what was left out and why."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from export.words import count_of

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
    books_up_to_date: int = 0
    left_out: Counter[tuple[str, str]] = field(default_factory=Counter)  # items by reason (one, several)
    comments_left_out: Counter[str] = field(default_factory=Counter)  # by reason, e.g. "spam comment"
    problems: list[str] = field(default_factory=list)  # why posts could not be read
    claims_marked: bool = True  # False with --no-claims, or when the blog's language is not the detector's

    def lines(self, label: str) -> list[str]:
        """The summary as short lines, each starting with ``label`` (the input's name)."""
        kept = [count_of(self.posts, "post")]
        if self.pages:
            kept.append(count_of(self.pages, "page"))
        kept.append(count_of(self.comments, "comment"))
        kept.append(count_of(self.links, "pingback or trackback", "pingbacks and trackbacks"))
        claims = count_of(self.claims, "claim") + " marked" if self.claims_marked else "claims not marked"
        lines = [f"{label}: {', '.join(kept)}; {claims}"]
        if self.books_up_to_date:
            done = count_of(self.books_up_to_date, "book was", "books were")
            lines.append(f"{label}: {done} already made from the same post and options, and kept")
        if self.left_out or self.comments_left_out:
            lines.append(f"{label}: left out {self.left_out_text()}")
        return lines

    def left_out_text(self) -> str:
        """What was left out and why, largest counts first: "3 drafts (add --include-drafts); 1 page"."""
        left = [count_of(count, *reason) for reason, count in sorted(self.left_out.items(), key=_largest)]
        return "; ".join(left + self._comments_left_out())

    def left_out_for_readers(self) -> list[tuple[int, str, str]]:
        """What the title page says was left out, without command-line advice: (count, words for one,
        for several) of posts, pages and comments."""
        left = [
            (count, HINT.sub("", reason[0]), HINT.sub("", reason[1]))
            for reason, count in sorted(self.left_out.items(), key=_largest)
            if not reason[1].startswith(NOT_CONTENT)
        ]
        comments = sorted(self.comments_left_out.items(), key=_largest)
        return left + [(count, reason, reason + "s") for reason, count in comments]

    def _comments_left_out(self) -> list[str]:
        return [
            count_of(count, reason) for reason, count in sorted(self.comments_left_out.items(), key=_largest)
        ]


def _largest(item: tuple) -> tuple:
    return (-item[1], item[0])
