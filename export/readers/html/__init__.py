"""The HTML reader: a page saved from the browser becomes an ``Article``."""
