"""A title's parts between its separators ("Headline | Site - Slogan") and its text before or after one."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Between a title's parts: "Headline | Site"; also the bar's look-alikes ("ǀ", "¦", "‖", "∣", "｜").
SEPARATOR = r"[|\-–—»:·•/│~ǀ¦‖∣｜]{1,3}"
TITLE_SEPARATORS = re.compile(rf"(?<!\s)\s+{SEPARATOR}\s+")  # from a run's start: linear in a long run


@dataclass(frozen=True)
class TitleParts:
    """A title split at its separators: ``parts`` the texts between them, ``separators`` their spans."""

    title: str
    parts: list[str]
    separators: list[tuple[int, int]]

    def before(self, index: int) -> str:
        """The title's text before part ``index`` (1 or more) and its separator, ends stripped."""
        return self.title[: self.separators[index - 1][0]].strip()

    def after(self, index: int) -> str:
        """The title's text after part ``index`` (not the last) and the separator after it, stripped."""
        return self.title[self.separators[index][1] :].strip()


def split_title(title: str) -> TitleParts:
    """The title split at its separators: "Headline | Site - Slogan" -> "Headline", "Site", "Slogan"."""
    separators = [match.span() for match in TITLE_SEPARATORS.finditer(title)]
    bounds = [0, *(point for span in separators for point in span), len(title)]
    return TitleParts(
        title, [title[bounds[index] : bounds[index + 1]] for index in range(0, len(bounds), 2)], separators
    )
