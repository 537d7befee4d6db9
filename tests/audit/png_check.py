#!/usr/bin/env python3
"""Checks that a PNG screenshot is not blank and shows the report's charts.

    png_check.py SHOT.png [--min-colours N] [--colours RRGGBB,RRGGBB,...:MIN_PIXELS]

Decodes the PNG with the standard library only (zlib), counts the distinct
colours and the pixels of the listed colours together (the chart bars'
exact fills), and exits 1 with the reason when a check fails.
"""
import argparse
import struct
import sys
import zlib


def decode(path):
    """Returns (width, height, channels, rows of bytes) of an 8-bit RGB/RGBA PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width = 8, bytearray(), None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour_type not in (2, 6) or interlace:
                raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour_type})")
            channels = 3 if colour_type == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(bytes(idat))
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        ftype, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 255
            elif ftype == 2:
                line[i] = (line[i] + b) & 255
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("png")
    ap.add_argument("--min-colours", type=int, default=20)
    ap.add_argument("--colours", action="append", default=[], help="RRGGBB,RRGGBB,...:MIN_PIXELS")
    args = ap.parse_args()
    width, height, channels, rows = decode(args.png)
    counts = {}
    for line in rows:
        for x in range(0, len(line), channels):
            rgb = line[x:x + 3]
            counts[rgb] = counts.get(rgb, 0) + 1
    failures = []
    if len(counts) < args.min_colours:
        failures.append(f"only {len(counts)} distinct colours (want >= {args.min_colours}): blank page?")
    for spec in args.colours:
        hexes, want = spec.split(":")
        got = sum(counts.get(bytes.fromhex(h), 0) for h in hexes.split(","))
        print(f"colours {hexes}: {got} pixels")
        if got < int(want):
            failures.append(f"colours {hexes}: {got} pixels (want >= {want}): chart bars not drawn?")
    print(f"{args.png}: {width}x{height}, {len(counts)} distinct colours")
    for f in failures:
        print(f"FAIL: {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
