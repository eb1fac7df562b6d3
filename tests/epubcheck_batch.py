"""EPUBCheck for the tests in one Java process: its command line takes one book, so each book would
otherwise cost a JVM's start (seconds under load); in a warm JVM a check takes about a second."""

from __future__ import annotations

import subprocess
import tempfile
import threading
from pathlib import Path

from export.validate import QUICK_START_JVM, CheckReport, check_epub, read_report

SOURCE = Path(__file__).with_name("EpubCheckBatch.java")


class EpubCheckBatch:
    """A Java process checking book after book; one JVM per book where Java cannot run a source file."""

    def __init__(self, java: str, jar: Path) -> None:
        self._single = [java, *QUICK_START_JVM, "-jar", str(jar)]
        self._scratch = tempfile.TemporaryDirectory(prefix="epubcheck-")
        self._lock = threading.Lock()
        self._count = 0
        self._process: subprocess.Popen[str] | None = subprocess.Popen(
            [java, "-XX:+UseSerialGC", "-cp", str(jar), str(SOURCE)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )

    def check(self, book: Path) -> CheckReport:
        """EPUBCheck's report on ``book``."""
        assert "\t" not in str(book) and "\n" not in str(book), book
        with self._lock:
            self._count += 1
            result = Path(self._scratch.name) / f"{self._count}.json"
            if not self._answered(f"{book}\t{result}\n"):
                return check_epub(book, self._single)
        if not result.is_file():
            return CheckReport(errors=[f"EPUBCheck did not run on {book}"])
        return read_report(result)

    def _answered(self, request: str) -> bool:
        """Whether the Java process took the request and answered; if not, it is given up for good."""
        if self._process is None:
            return False
        assert self._process.stdin and self._process.stdout
        try:
            self._process.stdin.write(request)
            self._process.stdin.flush()
            if self._process.stdout.readline():
                return True
        except BrokenPipeError:
            pass
        self._process.wait()
        self._process = None
        return False

    def close(self) -> None:
        if self._process is not None:
            assert self._process.stdin
            self._process.stdin.close()
            self._process.wait(timeout=60)
        self._scratch.cleanup()
