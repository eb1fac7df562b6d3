"""Run DAISY Ace on books made from the seed (each format and style, and without claims) and print its
findings by impact. Not part of the test suite: Ace needs Node, Chromium and an npm install.

Set-up (see shared/design/checking-tools.md): apt-get install chromium; in a scratch folder
PUPPETEER_SKIP_DOWNLOAD=1 npm install @daisy/ace-cli. Then:
  python docs/check_accessibility.py SCRATCH_FOLDER/node_modules/.bin/ace-cli
Exit status 1 when Ace finds a serious or critical violation.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_4421cee95cb58524.txt"
BOOKS = {
    "seed.epub": [],
    "seed-plain.epub": ["--style", "plain"],
    "seed-no-claims.epub": ["--no-claims"],
    "seed.kepub.epub": ["--format", "kepub"],
}


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    ace = sys.argv[1]
    sys.path.insert(0, str(ROOT))
    from export.cli import main as annotated_epub

    env = {
        **os.environ,
        "PUPPETEER_EXECUTABLE_PATH": os.environ.get("PUPPETEER_EXECUTABLE_PATH", "/usr/bin/chromium"),
    }
    failed = False
    with tempfile.TemporaryDirectory() as scratch:
        for name, options in BOOKS.items():
            book, report = Path(scratch) / name, Path(scratch) / f"{name}-report"
            annotated_epub([str(SEED), "-q", "-o", str(book), *options])
            subprocess.run([ace, "-f", "-s", "-o", str(report), str(book)], check=True, env=env)
            result = json.loads((report / "report.json").read_text(encoding="utf-8"))
            impacts: Counter[str] = Counter()
            for document in result.get("assertions", []):
                for assertion in document.get("assertions", []):
                    test = assertion["earl:test"]
                    impacts[test["earl:impact"]] += 1
                    print(
                        f"  {document['earl:testSubject']['url']}: {test['earl:impact']}: {test['dct:title']}"
                    )
            outcome = result["earl:result"]["earl:outcome"]
            counts = (
                ", ".join(f"{count} {impact}" for impact, count in sorted(impacts.items())) or "no violations"
            )
            print(f"{name}: Ace {outcome}: {counts}")
            failed = failed or impacts["serious"] > 0 or impacts["critical"] > 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
