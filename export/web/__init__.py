"""Fetching from the web: an address's bytes within limits, with retries, a polite client and a cache.

``fetch.fetch`` is the one entry point; ``client.Client`` is the shared connection pool (and cache).
"""
