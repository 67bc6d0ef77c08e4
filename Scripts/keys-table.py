#!/usr/bin/env python3
"""Prints the README's table of reader keys from Sources/LedeUI/Input/Action.swift (the one
key map); with --write, replaces the table in README.md. A test checks that they agree."""
import os, re, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
src = open(os.path.join(root, "Sources/LedeUI/Input/Action.swift"), encoding="utf-8").read()
labels = {".down": "↓", ".up": "↑", ".pageDown": "PgDn", ".pageUp": "PgUp", ".home": "Home", ".end": "End",
          ".tab": "Tab", ".enter": "Enter", ".escape": "Esc", ".left": "←", ".right": "→", ".backspace": "Backspace"}
rows = ["| keys | action |", "| --- | --- |"]
for m in re.finditer(r'Binding\(action: \.(\w+), keys: \[(.*?)\], help: "(.*?)"\)', src):
    keys = []
    for char, ctrl, named in re.findall(r'\.char\("((?:\\"|[^"])*)"\)|\.ctrl\("(\w)"\)|(\.\w+)', m.group(2)):
        if char:
            keys.append("Space" if char == " " else char.replace('\\"', '"'))
        elif ctrl:
            keys.append("Ctrl-" + ctrl.upper())
        else:
            keys.append(labels[named])
    rows.append("| " + " ".join("`" + k + "`" for k in keys) + " | " + m.group(3) + " |")
table = "\n".join(rows)
if "--write" in sys.argv:
    path = os.path.join(root, "README.md")
    readme = open(path, encoding="utf-8").read()
    start = readme.index("| keys | action |")
    end = readme.index("\n\n", start)
    open(path, "w", encoding="utf-8").write(readme[:start] + table + readme[end:])
else:
    print(table)
