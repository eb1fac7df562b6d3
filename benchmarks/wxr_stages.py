import time, io, sys
from pathlib import Path
from export.readers.wxr import open_export, read_post
from export.annotate import annotate_article
from export.annotate.lexicon import default_lexicon
from export.epub.anthology import post_documents
default_lexicon()
src = Path(sys.argv[1])
t0 = time.perf_counter()
blog, items = open_export(src, lambda m: None)
items = list(items); t1 = time.perf_counter()
posts = [read_post(i, blog) for i in items]; t2 = time.perf_counter()
for p in posts: annotate_article(p.article)
t3 = time.perf_counter()
docs = [post_documents(p, n) for n, p in enumerate(posts, 1)]; t4 = time.perf_counter()
import zipfile
z = zipfile.ZipFile(io.BytesIO(), "w")
for d in docs:
    for c in d.chapters + ([d.comments] if d.comments else []):
        z.writestr(c.file_name, c.content, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
t5 = time.perf_counter()
n = len(items)
for name, a, b in [("parse", t0, t1), ("read_post", t1, t2), ("claims", t2, t3), ("xhtml", t3, t4), ("zip", t4, t5)]:
    print(f"{name:10} {(b-a)/n*1000:6.2f} ms/post")
print(f"{'total':10} {(t5-t0)/n*1000:6.2f} ms/post")
