"""Run by calibre's own Python (``calibre-debug``): ebook-convert with its chance choices made repeatable.

Arguments: SEED UUID INPUT OUTPUT [ebook-convert options]. calibre draws the MOBI header's id from
``random``, a UUID for a book without a calibre id from ``uuid4``, and walks the manifest, a set of
objects, in memory order (which numbers the stylesheets); all three are fixed here.
"""

import random
import sys
import uuid

from calibre.ebooks.conversion.cli import main
from calibre.ebooks.oeb.base import Manifest

random.seed(int(sys.argv[1]))
book_uuid = uuid.UUID(sys.argv[2])
uuid.uuid4 = lambda: book_uuid
Manifest.__iter__ = lambda self: iter(sorted(self.items, key=lambda item: item.href))
Manifest.values = lambda self: sorted(self.items, key=lambda item: item.href)
sys.exit(main(["ebook-convert", *sys.argv[3:]]))
