#!/usr/bin/env python3
"""Writes the WARC fixtures of the WARC and audit tests into DIR.

Every text here is made up for the tests. Files:
  news.warc        records of every kind, uncompressed
  news.warc.gz     the same, one gzip member per record (as Common Crawl does)
  truncated.warc.gz  news.warc.gz cut in the middle of a record
  garbage.warc     a record, junk bytes, then a record (the reader resyncs)
"""
import gzip
import sys
import zlib

out = sys.argv[1]


def record(kind, uri, block, ctype, rid, date="2025-03-18T10:00:00Z"):
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Date: {date}\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n"
        f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


def http(body, ctype="text/html; charset=utf-8", status="200 OK", extra=""):
    return f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n{extra}\r\n".encode() + body


HTTP_T = "application/http; msgtype=response"
page = (
    '<html><head><meta property="article:published_time" content="2025-03-17T08:00:00Z">'
    "<script>var s = \"not a quote\";</script></head><body><nav>\"Menu\" said nobody</nav>"
    '<p>"We will not back down on the harbour plan," said Maria Lopez, the mayor of Eastport.</p>'
    "</body></html>"
).encode()
latin = (
    '<html><body><p>"The caf\xe9 stays open," said Henri Dupont, the owner.</p></body></html>'
).encode("latin-1")
gz = zlib.compress(latin)  # zlib-wrapped: "deflate" as servers send it
chunked = b"%x\r\n" % len(gz) + gz + b"\r\n0\r\n\r\n"

records = [
    record("warcinfo", "", b"software: make_warc.py\r\n", "application/warc-fields", "0"),
    record("request", "https://www.eastport-news.example/a", b"GET /a HTTP/1.1\r\n\r\n",
           "application/http; msgtype=request", "1"),
    record("response", "https://www.eastport-news.example/a", http(page), HTTP_T, "2"),
    record("response", "https://www.eastport-news.example/old", http(b"", status="301 Moved Permanently",
           extra="Location: /a\r\n"), HTTP_T, "3"),
    record("response", "https://img.example/logo.png", http(b"\x89PNG\r\n\x1a\n\0\0", ctype="image/png"),
           HTTP_T, "4"),
    record("response", "https://www.valley-times.example/b",
           http(chunked, ctype="text/html; charset=iso-8859-1",
                extra="Content-Encoding: deflate\r\nTransfer-Encoding: chunked\r\n"), HTTP_T, "5"),
    record("conversion", "https://www.valley-times.example/c",
           b'"Rates will fall by spring," said Ana Silva, the treasurer.', "text/plain", "6"),
    record("response", "https://bad.example/d", http(b"<p>\"broken \xff bytes,\" said Sam Reed.</p>"),
           HTTP_T, "7"),
]
plain = b"".join(records)
with open(f"{out}/news.warc", "wb") as f:
    f.write(plain)
members = b"".join(gzip.compress(r) for r in records)
with open(f"{out}/news.warc.gz", "wb") as f:
    f.write(members)
with open(f"{out}/truncated.warc.gz", "wb") as f:
    f.write(members[: len(members) - 200])
with open(f"{out}/garbage.warc", "wb") as f:
    f.write(records[2] + b"this is not a WARC header\r\nnor this\r\n\r\n" + records[6])
