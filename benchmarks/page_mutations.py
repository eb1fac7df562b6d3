"""Damaged variants of real pages through the command line: a book or a one-line reason, in time?

Run: python benchmarks/page_mutations.py [--set tune|small] [--every K [--start I]] [--only KIND] [--check N]
Each page of the set gets the deterministic variants of ``MUTATIONS`` (seeded by page and kind); each
variant is converted by ``export.cli.main([VARIANT, "-o", BOOK, "-q"])`` in a child forked from a warm
process, killed after --timeout seconds (3), and classed: book, refused (non-zero exit, one line, nothing
left), crash (an exception escaped), timeout, left (output or a temporary file left after a refusal) or odd
(exit 0 without a book, or a refusal of several lines). --check N runs EPUBCheck on N books drawn by seed.
A variant that timed out is run again alone in a fresh process, and its CPU seconds printed (load or not).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from book_validity import check_all, chosen_pages, message_id, set_arguments  # noqa: E402
from isolated import run_isolated  # noqa: E402

from export.cli import main as cli_main  # noqa: E402

SEED = 13
Mutation = Callable[[bytes, random.Random], bytes | None]  # None: the page has nothing to mutate there
FRAME_TAGS = re.compile(rb"</?(?:html|head|body)\b[^>]*>", re.IGNORECASE)
BODY_OPEN = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)
BODY_CLOSE = re.compile(rb"</body\s*>", re.IGNORECASE)
HEAD = re.compile(rb"<head\b.*?</head\s*>", re.IGNORECASE | re.DOTALL)
CHARSET = re.compile(rb"""<meta\b[^>]*charset[^>]*>""", re.IGNORECASE)
ATTRIBUTE = re.compile(rb"""\s[a-z-]+=["']""", re.IGNORECASE)


def _cut_inside(opener: bytes, closer: bytes, data: bytes, rng: random.Random) -> bytes | None:
    """``data`` cut at a random point strictly inside one (drawn) ``opener``...``closer`` span."""
    starts = [match.start() for match in re.finditer(re.escape(opener), data, re.IGNORECASE)]
    rng.shuffle(starts)
    for start in starts[:20]:
        end = data.find(closer, start + len(opener))
        if end > start + len(opener) + 1:
            return data[: rng.randrange(start + len(opener), end)]
    return None


def _cut_in_attribute(data: bytes, rng: random.Random) -> bytes | None:
    matches = list(ATTRIBUTE.finditer(data))
    if not matches:
        return None
    match = rng.choice(matches)
    return data[: match.end() + rng.randrange(0, 4)]


def _with_charset(label: bytes, data: bytes) -> bytes:
    """``data`` declaring ``label``: its meta charset replaced, or one put first in its head."""
    meta = b'<meta charset="' + label + b'">'
    if CHARSET.search(data):
        return CHARSET.sub(lambda _: meta, data, count=1)
    head = re.search(rb"<head\b[^>]*>", data, re.IGNORECASE)
    return data[: head.end()] + meta + data[head.end() :] if head else meta + data


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _inserted(data: bytes, rng: random.Random, pool: bytes, count: int) -> bytes:
    places = sorted(rng.randrange(len(data) + 1) for _ in range(count))
    pieces, last = [], 0
    for place in places:
        pieces += [data[last:place], bytes([rng.choice(pool)])]
        last = place
    return b"".join([*pieces, data[last:]])


def _divs(data: bytes, _: random.Random) -> bytes:
    opened, closed = BODY_OPEN.search(data), None
    start = opened.end() if opened else 0
    closed = BODY_CLOSE.search(data, start)
    end = closed.start() if closed else len(data)
    return data[:start] + b"<div>" * 2000 + data[start:end] + b"</div>" * 2000 + data[end:]


def _body_replaced(data: bytes, body: Callable[[bytes], bytes]) -> bytes:
    """The page with its body's content given to ``body`` and replaced by what it returns."""
    opened = BODY_OPEN.search(data)
    if opened is None:
        return data
    closed = BODY_CLOSE.search(data, opened.end())
    end = closed.start() if closed else len(data)
    return data[: opened.end()] + body(data[opened.end() : end]) + data[end:]


def _frameset(data: bytes, _: random.Random) -> bytes:
    head = HEAD.search(data)
    frames = b'<frameset cols="20%,80%"><frame src="menu.html"><frame src="main.html"></frameset>'
    return b"<html>" + (head[0] if head else b"") + frames + b"</html>"


MUTATIONS: dict[str, Mutation] = {
    "cut mid-tag": lambda data, rng: _cut_inside(b"<", b">", data, rng),
    "cut mid-comment": lambda data, rng: _cut_inside(b"<!--", b"-->", data, rng),
    "cut mid-script": lambda data, rng: _cut_inside(b"<script", b"</script", data, rng),
    "cut mid-attribute": _cut_in_attribute,
    "cut at random byte": lambda data, rng: data[: rng.randrange(len(data))],
    "latin-1 label on UTF-8": lambda data, _: _with_charset(b"iso-8859-1", data),
    "UTF-8 label on cp1252": lambda data, _: _with_charset(
        b"utf-8", _text(data).encode("cp1252", "xmlcharrefreplace")
    ),
    "UTF-16 BOM on UTF-8": lambda data, _: b"\xff\xfe" + data,
    "UTF-16 bytes, UTF-8 label": lambda data, _: (
        _with_charset(b"utf-8", data).decode("utf-8", "replace").encode("utf-16-le")
    ),
    "UTF-16 with BOM, UTF-8 label": lambda data, _: (
        _with_charset(b"utf-8", data).decode("utf-8", "replace").encode("utf-16")
    ),
    "XML declaration first": lambda data, _: b'<?xml version="1.0" encoding="ISO-8859-1"?>\n' + data,
    "UTF-8 BOM first": lambda data, _: b"\xef\xbb\xbf" + data,
    "saved-from comment first": lambda data, _: (
        b"<!-- saved from url=(0026)https://example.org/a -->\r\n" + data
    ),
    "NUL bytes": lambda data, rng: _inserted(data, rng, b"\x00", 50),
    "C0 controls": lambda data, rng: _inserted(data, rng, bytes([*range(1, 9), 11, 12, *range(14, 32)]), 50),
    "no html/head/body tags": lambda data, _: FRAME_TAGS.sub(b"", data),
    "2,000 divs around the body": _divs,
    "frameset": _frameset,
    "noscript only": lambda data, _: _body_replaced(data, lambda body: b"<noscript>" + body + b"</noscript>"),
    "head only": lambda data, _: (b"<html>" + head[0] + b"</html>") if (head := HEAD.search(data)) else None,
}


def variant(page: Path, name: str, kind: str) -> bytes | None:
    """The page's variant of ``kind``, drawn with a generator seeded by the page and the kind."""
    return MUTATIONS[kind](page.read_bytes(), random.Random(f"{SEED}:{name}:{kind}"))


def convert(task: tuple[str, str, str, str]) -> tuple[int, str, list[str]] | None:
    """The command line's exit status on one variant, its stderr and the files left in its folder; None
    when the page has nothing to mutate there. The variant is made here, in the child, and removed after."""
    page, name, kind, folder = task
    data = variant(Path(page), name, kind)
    if data is None:
        return None
    source, book = Path(folder) / "page.html", Path(folder) / "book.epub"
    source.write_bytes(data)
    said = io.StringIO()
    with contextlib.redirect_stderr(said):
        status = cli_main([str(source), "-o", str(book), "-q"])
    source.unlink()
    return status, said.getvalue().strip(), sorted(path.name for path in Path(folder).iterdir())


def fresh_cpu(page: Path, name: str, kind: str) -> str:
    """The CPU seconds and exit status of the command line on the variant in a fresh process, alone."""
    with tempfile.TemporaryDirectory() as folder:
        source, book = Path(folder) / "page.html", Path(folder) / "book.epub"
        source.write_bytes(variant(page, name, kind) or b"")
        command = [sys.executable, "-m", "export", str(source), "-o", str(book), "-q"]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
    return f"{usage.ru_utime + usage.ru_stime:.2f} CPU s alone in a fresh process, exit {status >> 8}"


def classify(status: str, value: object, book: Path) -> str:
    """The class of one run (see the module's docstring)."""
    if status == "timeout":
        return "timeout"
    if status != "ok":
        return "crash"
    assert isinstance(value, tuple)
    code, said, left = value
    if code == 0:
        return "book" if left == [book.name] else "odd"
    if left:
        return "left"
    return "refused" if said.startswith("annotated-epub: ") and "\n" not in said else "odd"


def warm() -> None:
    """Load what a conversion loads once in this process, so the children forked from it start warm."""
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "warm.html"
        # No language stated, and not one of the stopword languages: the identifier's model is loaded too.
        text = "Говорят, что этот текст согревает процесс перед работой. " * 5
        page.write_text(f"<html><title>Тепло</title><p>{text}</p></html>", encoding="utf-8")
        convert((str(page), "warm", "UTF-8 BOM first", folder))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    set_arguments(parser)
    parser.add_argument("--every", type=int, default=1, metavar="K", help="only every K-th page (1: all)")
    parser.add_argument("--start", type=int, default=0, metavar="I", help="with --every, from the I-th page")
    parser.add_argument("--only", help="only the kinds whose name holds this")
    parser.add_argument("--timeout", type=float, default=3.0, help="seconds a variant may take (default 3)")
    parser.add_argument("--check", type=int, default=0, metavar="N", help="EPUBCheck N books drawn by seed")
    options = parser.parse_args()
    pages, base = chosen_pages(options)
    pages = pages[options.start :: options.every]
    warm()
    kinds = [kind for kind in MUTATIONS if not options.only or options.only.lower() in kind.lower()]
    tallies: dict[str, Counter[str]] = defaultdict(Counter)
    reasons = Counter[str]()
    with tempfile.TemporaryDirectory(prefix="mutations-") as scratch:
        tasks = [
            (str(page), str(page.relative_to(base)), kind, str(Path(scratch) / f"{number}-{index}"))
            for number, page in enumerate(pages)
            for index, kind in enumerate(kinds)
        ]
        for *_, folder in tasks:
            Path(folder).mkdir()
        chosen = set(random.Random(SEED).sample(range(len(tasks)), min(options.check, len(tasks))))
        books: list[tuple[Path, str, str]] = []
        for index, status, value in run_isolated(convert, tasks, options.jobs, options.timeout):
            _, name, kind, folder = tasks[index]
            if status == "ok" and value is None:
                continue
            book = Path(folder) / "book.epub"
            verdict = classify(status, value, book)
            tallies[kind][verdict] += 1
            if verdict == "book" and index in chosen:
                books.append((book, kind, name))
            elif verdict == "book":
                book.unlink()
            elif verdict == "timeout":
                print(f"timeout: {kind}: {name}: {fresh_cpu(Path(tasks[index][0]), name, kind)}", flush=True)
            elif verdict == "refused":
                reasons[value[1].rpartition("page.html: ")[2]] += 1
            else:
                print(f"{verdict}: {kind}: {name}: {str(value)[:300]}", flush=True)
        report(options, len(pages), tallies)
        print("\nreasons given:")
        for reason, number in reasons.most_common():
            print(f"  {number:6}  {reason}")
        if books:
            check_sample(sorted(books), options.jobs)


def report(options: argparse.Namespace, pages: int, tallies: dict[str, Counter[str]]) -> None:
    """The table of verdicts per mutation kind."""
    variants = sum(sum(counts.values()) for counts in tallies.values())
    print(f"\nset {options.set}: {pages} pages, {variants} variants, limit {options.timeout:g} s")
    verdicts = ("book", "refused", "crash", "timeout", "left", "odd")
    print(f"{'mutation':30}" + "".join(f"{verdict:>9}" for verdict in verdicts))
    for kind in MUTATIONS:
        if kind in tallies:
            print(f"{kind:30}" + "".join(f"{tallies[kind][verdict]:9}" for verdict in verdicts))
    total = sum(tallies.values(), Counter[str]())
    print(f"{'all':30}" + "".join(f"{total[verdict]:9}" for verdict in verdicts))


def check_sample(books: list[tuple[Path, str, str]], jobs: int) -> None:
    """EPUBCheck on the sampled books: the ones with findings, and the findings counted by id."""
    reports = check_all([book for book, _, _ in books], jobs)
    counts = Counter[str]()
    failing = 0
    for (_, kind, name), result in zip(books, reports, strict=True):
        lines = result.errors + result.warnings
        if lines:
            failing += 1
            print(f"EPUBCheck: {kind}: {name}: {lines[0][:240]}")
        counts.update(message_id(line) for line in lines)
    print(f"\nEPUBCheck on {len(books)} books of variants: {failing} with an error or warning")
    for identifier, number in counts.most_common():
        print(f"  {identifier:28} {number:6}")


if __name__ == "__main__":
    main()
