"""Run by calibre's own Python (``calibre-debug``): ebook-convert with its random choices made repeatable.

Arguments: SEED UUID INPUT OUTPUT [ebook-convert options]. calibre draws the MOBI header's id from
``random`` and, for a book without a calibre id, a UUID from ``uuid4``; both are fixed here.
"""

import random
import sys
import uuid

from calibre.ebooks.conversion.cli import main

random.seed(int(sys.argv[1]))
book_uuid = uuid.UUID(sys.argv[2])
uuid.uuid4 = lambda: book_uuid
sys.exit(main(["ebook-convert", *sys.argv[3:]]))
