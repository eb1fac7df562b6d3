"""How well a page's language is told from its text, on corpus-large pages whose markup declares one.

Run: python benchmarks/language_eval.py [--corpus DIR] [--candidates] [--pages]. For each page whose markup
(lang, content-language, og:locale, JSON-LD inLanguage) names a language, the title and article text our
reader extracts are given to the detector, without the declaration, and the primary subtags compared.
With --candidates, the language identifiers that are installed are measured side by side (py3langid,
langdetect, lingua-language-detector); --pages lists each disagreement.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus_pages import article_text, corpus_argument, corpus_pages, page_name, read_page

from export.readers.html.metadata import read_metadata
from export.readers.html.parse import parse_html
from export.readers.language import by_common_words, detect_language

Detector = Callable[[str], "str | None"]


def candidates() -> dict[str, Detector]:
    """The other language identifiers that are installed, each as text -> primary subtag."""
    found: dict[str, Detector] = {}
    try:
        import py3langid

        found["py3langid"] = lambda text: py3langid.classify(text)[0]
    except ImportError:
        pass
    try:
        import langdetect

        langdetect.DetectorFactory.seed = 0

        def detect(text: str) -> str | None:
            try:
                return langdetect.detect(text).split("-")[0]
            except langdetect.LangDetectException:
                return None

        found["langdetect"] = detect
    except ImportError:
        pass
    try:
        from lingua import LanguageDetectorBuilder

        lingua = LanguageDetectorBuilder.from_all_languages().build()

        def classify(text: str) -> str | None:
            language = lingua.detect_language_of(text)
            return language.iso_code_639_1.name.lower() if language else None

        found["lingua"] = classify
    except ImportError:
        pass
    return found


def declared_language(page: Path) -> str | None:
    """The primary subtag of the language the page's markup declares."""
    language = read_metadata(parse_html(page.read_bytes(), page)).language
    return language.split("-")[0].lower() if language else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    corpus_argument(parser)
    parser.add_argument("--candidates", action="store_true", help="measure the other installed identifiers")
    parser.add_argument("--pages", action="store_true", help="list each page where a detector disagrees")
    args = parser.parse_args()
    detectors: dict[str, Detector] = {"ours": detect_language}
    if args.candidates:
        detectors |= candidates()
    right: Counter[str] = Counter()
    seconds: dict[str, list[float]] = {name: [] for name in detectors}
    by_language: Counter[str] = Counter()
    undeclared = unread = 0
    decided = decided_right = 0  # pages the commonest words alone tell, and of those, told right
    for page in corpus_pages(args.corpus):
        article = read_page(page)
        if isinstance(article, str):
            unread += 1
            continue
        declared = declared_language(page)
        if not declared:
            undeclared += 1
            continue
        by_language[declared] += 1
        text = article_text(article)
        if common := by_common_words(text[:20_000]):
            decided += 1
            decided_right += common == declared
        for name, detect in detectors.items():
            started = time.perf_counter()
            found = detect(text)
            seconds[name].append(time.perf_counter() - started)
            right[name] += found == declared
            if found != declared and args.pages:
                print(f"  {name:10} {declared} -> {found}  {page_name(args.corpus, page)}")
    total = sum(by_language.values())
    print(f"{total} pages declare a language ({undeclared} do not, {unread} unread):")
    print("  " + ", ".join(f"{language} {count}" for language, count in by_language.most_common()))
    print(
        f"told by the commonest words alone: {decided}/{total} pages, "
        f"{decided_right} of them right ({decided_right / max(decided, 1):.3f}); the rest go to py3langid"
    )
    for name in detectors:
        times = seconds[name]
        print(
            f"{name:10} right {right[name]:4}/{total} = {right[name] / max(total, 1):.3f}   "
            f"median {statistics.median(times) * 1000:6.2f} ms  max {max(times) * 1000:7.1f} ms per page"
        )


if __name__ == "__main__":
    main()
