#!/usr/bin/env python3
"""Checks the app icon: the scalable and symbolic SVGs exist, and each PNG
size (rendered by build-aux/render-icons.py) is as large as its folder
says and has an alpha channel."""
import os
import struct
import sys

root, app_id = sys.argv[1], sys.argv[2]
failures = []
for name in ("scalable/apps/" + app_id + ".svg", "symbolic/apps/" + app_id + "-symbolic.svg"):
    if not os.path.isfile(os.path.join(root, name)):
        failures.append(f"{name} is missing")
for size in (16, 24, 32, 48, 64, 128, 256, 512):
    path = os.path.join(root, f"{size}x{size}", "apps", app_id + ".png")
    try:
        with open(path, "rb") as f:
            head = f.read(26)
    except OSError as e:
        failures.append(f"{size}x{size}: {e.strerror}")
        continue
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        failures.append(f"{size}x{size}: not a PNG")
        continue
    width, height = struct.unpack(">II", head[16:24])
    colour_type = head[25]
    if (width, height) != (size, size):
        failures.append(f"{size}x{size}: the PNG is {width}x{height}")
    if colour_type not in (4, 6):
        failures.append(f"{size}x{size}: no alpha channel")
for failure in failures:
    print(f"icons: {failure}")
print("ok" if not failures else f"{len(failures)} problem(s)")
sys.exit(1 if failures else 0)
