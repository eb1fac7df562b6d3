"""Blog exports to books: choosing the posts, converting them in parallel, counting what was done."""
