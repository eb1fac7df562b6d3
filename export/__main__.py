"""``python -m export``: the same as the ``annotated-epub`` command."""

from export.entry import run

run()
