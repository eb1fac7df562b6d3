"""Run by calibre's own Python (``calibre-debug``): ebook-convert with its manifest walked in name order.

Arguments: INPUT OUTPUT [ebook-convert options]. This is the project's one workaround inside another
program: calibre keeps a book's manifest as a set of objects and walks it in memory order, which numbers
the AZW3's stylesheets and pictures differently from run to run. A fixed environment does not fix it
(three books converted in four temporary folders gave two different AZW3s each); this file does.
Everything else calibre leaves to chance is set afterwards from the book (``export.formats.azw3``).
Tested with calibre 6.13.
"""

import sys

from calibre.ebooks.conversion.cli import main
from calibre.ebooks.oeb.base import Manifest

if not (callable(getattr(Manifest, "__iter__", None)) and callable(getattr(Manifest, "values", None))):
    sys.exit("this calibre's manifest has no __iter__ and values to put in order (calibre changed)")


def _in_name_order(manifest: Manifest) -> list:
    return sorted(manifest.items, key=lambda item: item.href)


Manifest.__iter__ = lambda self: iter(_in_name_order(self))
Manifest.values = _in_name_order
sys.exit(main(["ebook-convert", *sys.argv[1:]]))
