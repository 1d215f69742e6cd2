#!/usr/bin/python3
"""Renders the app icon's PNG sizes from the scalable SVG (the same
loader GTK uses): data/icons/hicolor/NxN/apps/<app id>.png. Run it after
changing the SVG and commit the result."""
import os
import sys

import gi
gi.require_version("GdkPixbuf", "2.0")
from gi.repository import GdkPixbuf  # noqa: E402

APP_ID = "io.github.tractionapp.Traction"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "icons", "hicolor")
svg = os.path.join(root, "scalable", "apps", APP_ID + ".svg")
for size in SIZES:
    folder = os.path.join(root, f"{size}x{size}", "apps")
    os.makedirs(folder, exist_ok=True)
    pixbuf = GdkPixbuf.Pixbuf.new_from_file_at_size(svg, size, size)
    pixbuf.savev(os.path.join(folder, APP_ID + ".png"), "png", [], [])
    print(f"{size}x{size}")
sys.exit(0)
