"""``python -m export``: the same as the ``annotated-epub`` command."""

from export.cli import run

run()
