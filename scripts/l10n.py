#!/usr/bin/env python3
"""Adds or updates a UI string in the three language files of one resource at once.

Usage: scripts/l10n.py RESOURCE KEY "English" "简体中文" "繁體中文"
       scripts/l10n.py RESOURCE --tsv FILE      (lines: key<TAB>en<TAB>zh-Hans<TAB>zh-Hant)
RESOURCE is a path without extension, e.g. ComplaintPortal.Web/Resources/UiText.
The .resx files stay the source of truth; this only saves typing the same key three times.
"""
import sys, os
import xml.etree.ElementTree as ET

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
</root>
'''
SUFFIXES = ["", ".zh-Hans", ".zh-Hant"]


def load(path):
    if not os.path.exists(path):
        with open(path, "w", encoding="utf-8") as f:
            f.write(HEADER)
    return ET.parse(path)


def put(tree, key, value):
    root = tree.getroot()
    for data in root.findall("data"):
        if data.get("name") == key:
            data.find("value").text = value
            return
    data = ET.SubElement(root, "data", {"name": key, "xml:space": "preserve"})
    ET.SubElement(data, "value").text = value


def save(tree, path):
    ET.indent(tree, space="  ")
    tree.write(path, encoding="utf-8", xml_declaration=True)
    with open(path, "a", encoding="utf-8") as f:
        f.write("\n")


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    base = argv[1]
    rows = []
    if argv[2] == "--tsv":
        with open(argv[3], encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if line.strip() and not line.startswith("#"):
                    parts = line.split("\t")
                    if len(parts) != 4:
                        print("bad line: " + line)
                        return 2
                    rows.append(parts)
    else:
        rows.append(argv[2:6])
    trees = [load(base + s + ".resx") for s in SUFFIXES]
    for key, *values in rows:
        for tree, value in zip(trees, values):
            put(tree, key, value)
    for tree, s in zip(trees, SUFFIXES):
        save(tree, base + s + ".resx")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
