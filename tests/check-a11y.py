#!/usr/bin/python3
"""Walks the accessibility tree (AT-SPI) of a running Traction and lists
every control a screen reader could not name: buttons, toggles, check
boxes, entries, spin buttons and drop-downs with no name of their own and
no label pointing at them. Every view is in the tree (the window keeps
them all), so one walk covers the app. Exit 1 when one is found.

Usage: check-a11y.py APP-NAME"""
import re
import sys
import time

import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

CONTROLS = {"push button", "toggle button", "check box", "radio button",
            "entry", "text", "password text", "spin button", "combo box",
            "menu button", "slider", "switch"}
# GTK names an unnamed widget after its type; that is no name to a person.
TYPE_NAME = re.compile(r"(Gtk|Adw|Traction)[A-Za-z]+")


def find_app(name):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_name() == name:
            return app
    return None


def has_name(text):
    return bool(text and text.strip()) and not TYPE_NAME.fullmatch(text)


def named(node):
    """Its own name, a label pointing at it (that has a name), or, for a
    menu button, the name of the button inside it."""
    if has_name(node.get_name()):
        return True
    for relation in node.get_relation_set() or []:
        if relation.get_relation_type() != Atspi.RelationType.LABELLED_BY:
            continue
        for i in range(relation.get_n_targets()):
            target = relation.get_target(i)
            if target is not None and has_name(target.get_name()):
                return True
    if node.get_child_count() == 1:
        child = node.get_child_at_index(0)
        if child is not None and child.get_role_name() in CONTROLS:
            return named(child)
    return False


def main():
    app = None
    for _ in range(100):
        app = find_app(sys.argv[1])
        if app is not None and app.get_child_count() > 0:
            break
        time.sleep(0.2)
    if app is None:
        print("the app did not appear on the accessibility bus")
        return 1

    # Views load their data on worker threads and rebuild rows when it
    # lands: a node can go while the walk is on it. Such a walk is done
    # again; and a control counts as unnamed only if two walks in a row
    # find it so (a row being made is not yet named for an instant).
    previous = None
    for attempt in range(8):
        result = walk_app(app)
        if result is not None:
            seen, unnamed = result
            if previous is not None and unnamed == previous:
                break
            previous = unnamed
        time.sleep(0.5)
    else:
        if previous is None:
            print("the accessibility tree kept changing during every walk")
            return 1
        unnamed = previous

    for line in unnamed:
        print(f"unnamed: {line}")
    print(f"{seen} controls, {len(unnamed)} without a name")
    return 1 if unnamed or seen == 0 else 0


def walk_app(app):
    """(controls seen, sorted list of unnamed ones), or None when the tree
    changed under the walk."""
    unnamed = []
    seen = 0

    def walk(node, path, inside_control):
        nonlocal seen
        role = node.get_role_name()
        name = node.get_name() or ""
        label = "" if TYPE_NAME.fullmatch(name) else name[:40]
        here = path + [f"{role} '{label}'" if label else role]
        is_control = role in CONTROLS
        # The parts inside a named control (a drop-down's button, a spin
        # button's text) are named by it.
        if is_control and not inside_control:
            seen += 1
            if not named(node):
                unnamed.append(" > ".join(here[-6:]))
        for i in range(node.get_child_count()):
            child = node.get_child_at_index(i)
            if child is not None:
                walk(child, here, inside_control or is_control)

    try:
        walk(app, [], False)
    except gi.repository.GLib.Error:
        return None
    return seen, sorted(unnamed)


if __name__ == "__main__":
    sys.exit(main())
