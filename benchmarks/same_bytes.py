"""Whether a checkout writes the same books, byte for byte, as a recorded reference set.

    python benchmarks/same_bytes.py record REF.json [--checkout DIR]   # e.g. DIR: `git archive main` unpacked
    python benchmarks/same_bytes.py check REF.json [--checkout DIR]

The set: the seeds, every page and export of tests/corpus, a synthetic WordPress export, and a few pages
of corpus-large's tune part (when found, see large_corpus_dir), each with the default options, --claims
all, --style plain and --format kepub; the exports with --jobs 2 and --split too; the pages all in one run
as well. All the books of a checkout are made by one child process (so what one book leaves behind cannot
change the next), with an empty user cache directory; --warm runs the set a second time in that child, over
the cache the first pass filled. Prints the books that differ and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

OPTION_SETS = {
    "default": [],
    "claims-all": ["--claims", "all"],
    "plain": ["--style", "plain"],
    "kepub": ["--format", "kepub"],
}
LARGE_PAGES = 6  # the first tune pages of corpus-large's trafilatura part, by name, and its two largest


def inputs(scratch: Path) -> tuple[list[Path], list[Path]]:
    """The pages and the WordPress exports of the set."""
    from large_corpus import load
    from wxr_synthetic import write_synthetic_export

    pages = sorted((ROOT / "seeds").iterdir()) + sorted((ROOT / "tests/corpus/html").iterdir())
    shared = _shared()
    if shared is not None:
        gold = load(shared / "corpus-large")
        large = sorted(g.page for g in gold if g.source == "trafilatura" and g.part == "tune")
        pages += large[:LARGE_PAGES] + sorted(large, key=lambda path: path.stat().st_size)[-2:]
    else:
        print("same_bytes: no shared corpus (set ANNOTATED_EPUB_SHARED): corpus-large pages left out")
    scratch.mkdir(parents=True, exist_ok=True)
    pages += long_pages(scratch)
    synthetic = scratch / "synthetic-200x5.xml"
    write_synthetic_export(synthetic, 200, 5)
    return pages, [*sorted((ROOT / "tests/corpus/wxr").iterdir()), synthetic]


def long_pages(folder: Path) -> list[Path]:
    """Pages long enough that the writer streams their chapter: the seed's body 8 times over (many
    paragraphs, notes and entries at a glance), and 200 KB of it in one line (a paragraph of many claims)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from inputs import AFTER_BODY, BODY_END, BODY_TEXT, SEED_TEXT

    line = " ".join(BODY_TEXT.split())
    pages = {
        "long-article.txt": SEED_TEXT[:BODY_END] + BODY_TEXT * 8 + AFTER_BODY,
        "long-line.txt": "Leverage\n\n" + (line + " ") * (200_000 // len(line) + 1),
    }
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in pages]


def _shared() -> Path | None:
    folder = Path(os.environ.get("ANNOTATED_EPUB_SHARED", ROOT.parent / "shared"))
    return folder if (folder / "corpus-large").is_dir() else None


def digests(folder: Path) -> dict[str, str]:
    """The sha256 of every file under ``folder``, by its path relative to it.

    A split run's list of finished books is written in the order the workers finish: its lines are sorted.
    """
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            content = path.read_bytes()
            if path.name == ".annotated-epub-done":
                content = b"".join(sorted(content.splitlines(keepends=True)))
            found[str(path.relative_to(folder))] = hashlib.sha256(content).hexdigest()
    return found


def run_set(scratch: Path) -> dict[str, str]:
    """Make every book of the set with the ``export`` package on sys.path; their digests by case."""
    from export.cli import main

    pages, exports = inputs(scratch)
    cases: list[tuple[str, list[str]]] = []
    for name, options in OPTION_SETS.items():
        cases += [(f"{source.name} {name}", [str(source), *options]) for source in pages + exports]
    for source in exports:
        cases += [(f"{source.name} jobs-2", [str(source), "--jobs", "2"])]
        cases += [(f"{source.name} split", [str(source), "--split", "--jobs", "2"])]
    cases.append(("all pages in one run", [str(source) for source in pages]))
    found: dict[str, str] = {}
    for number, (key, argv) in enumerate(cases):
        out = scratch / f"out-{number}"
        with contextlib.redirect_stderr(io.StringIO()):
            status = main([*argv, "-q", "--max-input-size", "0", "-o", f"{out}/"])
        found[f"{key} exit"] = str(status)
        found.update({f"{key}: {name}": digest for name, digest in digests(out).items()})
    return found


def child(result: Path, warm: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        os.environ["XDG_CACHE_HOME"] = str(scratch / "cache")
        found = run_set(scratch / "cold")
        if warm:
            again = run_set(scratch / "warm")
            found.update({f"warm {key}": value for key, value in again.items()})
    result.write_text(json.dumps(found, indent=1, sort_keys=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("record", "check", "child"))
    parser.add_argument("reference", type=Path)
    parser.add_argument("--checkout", type=Path, default=ROOT, help="the checkout whose books to make")
    parser.add_argument("--warm", action="store_true", help="check the set again over a filled cache")
    args = parser.parse_args()
    if args.action == "child":
        child(args.reference, args.warm)
        return
    with tempfile.TemporaryDirectory() as folder:
        result = Path(folder) / "found.json"
        env = {**os.environ, "PYTHONPATH": str(args.checkout.resolve()), "PYTHONHASHSEED": "0"}
        command = [sys.executable, __file__, "child", str(result)] + (["--warm"] * args.warm)
        subprocess.run(command, check=True, env=env, cwd=args.checkout)
        found = json.loads(result.read_text())
    if args.action == "record":
        args.reference.write_text(json.dumps(found, indent=1, sort_keys=True))
        print(f"recorded {len(found)} digests in {args.reference}")
        return
    reference = json.loads(args.reference.read_text())
    wrong = [key for key in sorted(reference) if found.get(key) != reference[key]]
    wrong += [key for key in sorted(found) if key not in reference and not key.startswith("warm ")]
    warm = [key for key in found if key.startswith("warm ")]
    wrong += [key for key in warm if found[key] != reference.get(key.removeprefix("warm "))]
    for key in wrong:
        print(f"differs: {key}")
    print(f"{len(reference) - len(wrong)} of {len(reference)} the same ({len(warm)} checked again warm)")
    sys.exit(1 if wrong else 0)


if __name__ == "__main__":
    main()
