"""annotated-epub: a saved web article becomes an annotated EPUB 3 book."""

__version__ = "0.1.0"
