#!/usr/bin/env python3
"""Checks the Flatpak manifest: the app id, the GNOME runtime, the sandbox
(no network, no broad file access: files go through the portal), and that
every library the build links and the runtime lacks is a module."""
import json
import sys

path, app_id = sys.argv[1], sys.argv[2]
failures = []

with open(path, encoding="utf-8") as f:
    manifest = json.load(f)

def check(cond, what):
    if not cond:
        failures.append(what)

check(manifest.get("id") == app_id, f"id is {manifest.get('id')!r}, not {app_id!r}")
check(manifest.get("runtime") == "org.gnome.Platform", "runtime is not org.gnome.Platform")
check(manifest.get("sdk") == "org.gnome.Sdk", "sdk is not org.gnome.Sdk")
check(str(manifest.get("runtime-version", "")).isdigit(), "runtime-version is not a GNOME release")
check(manifest.get("command") == "traction", "command is not traction")

args = manifest.get("finish-args", [])
for arg in args:
    check(arg != "--share=network", "the sandbox has the network (Traction works offline)")
    check(not arg.startswith("--filesystem="),
          f"{arg}: files are opened through the file chooser portal, not by path")
    check(not arg.startswith("--talk-name=org.freedesktop.Flatpak"), f"{arg}: escapes the sandbox")
check("--socket=wayland" in args, "no Wayland socket")
check("--socket=fallback-x11" in args, "no X11 fallback")

modules = {m.get("name"): m for m in manifest.get("modules", []) if isinstance(m, dict)}
# Not in the GNOME runtime: libcsv and libical (GTK, libadwaita, json-glib
# and SQLite are).
check("libcsv" in modules, "libcsv is not built as a module")
check("libical" in modules, "libical is not built as a module")
app = modules.get("traction")
check(app is not None and app.get("buildsystem") == "meson", "traction is not a meson module")
check(list(modules)[-1] == "traction", "traction is not the last module")
if app is not None:
    check("-Dwidget_tests=false" in app.get("config-opts", []),
          "widget tests need a display the builder does not have")

for failure in failures:
    print(f"flatpak manifest: {failure}")
print("ok" if not failures else f"{len(failures)} problem(s)")
sys.exit(1 if failures else 0)
