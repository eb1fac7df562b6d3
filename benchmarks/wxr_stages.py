"""Milliseconds per post of each stage of a blog anthology: parsing, reading, claims, XHTML, zip.

python benchmarks/wxr_stages.py EXPORT.xml     (make one with benchmarks/wxr_synthetic.py)
"""

from __future__ import annotations

import io
import sys
import time
import zipfile
from pathlib import Path

from export.annotate import annotate_article
from export.annotate.lexicon import default_lexicon
from export.epub.anthology import post_documents
from export.readers.wxr import open_export, read_post


def main() -> None:
    source = Path(sys.argv[1])
    default_lexicon()
    started = time.process_time()
    blog, export_items = open_export(source, lambda message: None)
    items = list(export_items)
    parsed = time.process_time()
    posts = [read_post(item, blog) for item in items]
    read = time.process_time()
    for post in posts:
        annotate_article(post.article)
    annotated = time.process_time()
    rendered = [post_documents(post, index) for index, post in enumerate(posts, start=1)]
    written = time.process_time()
    with zipfile.ZipFile(io.BytesIO(), "w") as archive:
        for documents in rendered:
            for document in documents.documents:
                archive.writestr(document.file_name, document.content, zipfile.ZIP_DEFLATED, 6)
    zipped = time.process_time()
    stages = [
        ("parse", started, parsed),
        ("read_post", parsed, read),
        ("claims", read, annotated),
        ("xhtml", annotated, written),
        ("zip", written, zipped),
        ("total", started, zipped),
    ]
    for name, start, end in stages:
        print(f"{name:10} {(end - start) / len(items) * 1000:6.2f} ms/post (CPU)")


if __name__ == "__main__":
    main()
