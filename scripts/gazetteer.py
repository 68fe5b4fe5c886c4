"""Regenerate the vendored gazetteer, `ontology/divisions/`, from jionlp's location dictionary.

jionlp (Apache-2.0) ships China's administrative divisions (GB/T 2260 codes, full and short
names, down to villages) and a log of the changes since 2002. policygraph needs three levels
of the first and all of the second, and must not import jionlp at run time (16 MB, heavy
imports), so this script reads the wheel once and writes two small TSV files:

    divisions.tsv  code, parent code, level (province | prefecture | county), name, short name
    changes.tsv    date, approval, former province / prefecture / county, current ones, code

Usage: python scripts/gazetteer.py [--wheel jionlp-1.5.31-py2.py3-none-any.whl] [--out DIR]
Without --wheel, `pip download jionlp==1.5.31 --no-deps` fetches it into a temporary folder.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

VERSION = "1.5.31"
ROOT = Path(__file__).resolve().parent.parent
LOCATION = "jionlp/dictionary/china_location.zip"
CHANGES = "jionlp/dictionary/china_location_change.txt"
LICENSE = f"jionlp-{VERSION}.dist-info/licenses/LICENSE"
#: Placeholders jionlp uses for units directly under a province or city, not divisions.
PLACEHOLDERS = ("省直辖行政区划", "市直辖行政区划")

HEADER = """\
# {what}
# Source: jionlp {version} (https://github.com/dongrixinyu/JioNLP), file {src} of the wheel
# on PyPI; licensed under the Apache License 2.0 (LICENSE and NOTICE.md in this folder).
# Regenerate: python scripts/gazetteer.py (downloads jionlp=={version} with pip); do not edit by hand.
"""


def _wheel(path: str | None) -> Path:
    """The jionlp wheel: the one given, or downloaded with pip into a temporary folder."""
    if path:
        return Path(path)
    tmp = Path(tempfile.mkdtemp(prefix="jionlp-"))
    subprocess.run([sys.executable, "-m", "pip", "download", f"jionlp=={VERSION}", "--no-deps",
                    "-d", str(tmp)], check=True)
    return next(tmp.glob("jionlp-*.whl"))


def divisions(tree: str) -> list[tuple[str, str, str, str, str]]:
    """(code, parent code, level, name, short) for every province, prefecture and county of
    jionlp's tab-indented tree (province / prefecture / county / town / village), skipping
    placeholders, units without a code, and units repeating a code already given (a 直辖市's
    repeated self as its own prefecture; Hong Kong's and Macao's districts, which carry the
    region's code)."""
    rows: list[tuple[str, str, str, str, str]] = []
    parents: list[str] = ["", "", ""]
    seen: set[str] = set()
    for line in tree.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        fields = line.strip().split("\t")
        if depth > 2 or len(fields) != 3 or not fields[1].isdigit():
            continue
        name, code, short = fields
        parent = parents[depth - 1] if depth else ""
        if name in PLACEHOLDERS or code in seen:
            parents[depth] = parent  # its children belong to the unit above
            continue
        parents[depth] = code
        seen.add(code)
        rows.append((code, parent, ("province", "prefecture", "county")[depth], name, short))
    return rows


def changes(log: str, rows: list[tuple[str, str, str, str, str]]) -> list[tuple[str, ...]]:
    """The change log, one row per distinct change, with the code of the current unit (former
    names have none of their own in jionlp; they keep their successor's place). The log names
    some units otherwise than the tree (三江县 for 三江侗族自治县, 玉环区 for 玉环市): those are
    found by short name in their prefecture; a change newer than the tree (湟中县 → 湟中区) by
    the former name, still in the tree. A unit found neither way has no code."""
    by_path = _paths(rows)
    by_short = {(path[:-1], rows_short): code for path, code, rows_short in _shorts(rows)}
    out: list[tuple[str, ...]] = []
    for line in log.splitlines():
        if "=>" not in line:
            continue
        old, new = ([f.strip() for f in part.split("\t")] for part in line.strip().split("=>"))
        date, approval, names = old[0], old[1], old[2::2]  # old: date, approval, name, short, …
        old_path = (names + [""] * 3)[:3]
        new_path = (new + [""] * 3)[:3]
        new_key, old_key = tuple(p for p in new_path if p), tuple(p for p in old_path if p)
        code = (by_path.get(new_key) or by_short.get((new_key[:-1], _short(new_key[-1])))
                or by_path.get(old_key, ""))
        row = (date, approval, *old_path, *new_path, code)
        if row not in out:
            out.append(row)
    return sorted(out)


def _paths(rows: list[tuple[str, str, str, str, str]]) -> dict[tuple[str, ...], str]:
    """Each division's path of names (province, prefecture, county) → its code."""
    by_code = {r[0]: r for r in rows}
    out: dict[tuple[str, ...], str] = {}
    for code, parent, _level, name, _short in rows:
        path = [name]
        while parent:
            path.insert(0, by_code[parent][3])
            parent = by_code[parent][1]
        out[tuple(path)] = code
    return out


def _short(name: str) -> str:
    """A county's name without its kind: 三江县 → 三江, 玉环区 → 玉环."""
    for suffix in ("自治县", "县", "区", "市", "旗"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def _shorts(rows: list[tuple[str, str, str, str, str]]) -> list[tuple[tuple[str, ...], str, str]]:
    """(path, code, short name) of every division."""
    short = {r[0]: r[4] for r in rows}
    return [(path, code, short[code]) for path, code in _paths(rows).items()]


def _write(path: Path, what: str, src: str, head: str, rows: list[tuple[str, ...]]) -> None:
    lines = [HEADER.format(what=what, version=VERSION, src=src).rstrip("\n"), head]
    lines += ["\t".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", help="a downloaded jionlp wheel (else pip downloads it)")
    ap.add_argument("--out", default=str(ROOT / "ontology" / "divisions"))
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(_wheel(args.wheel)) as whl:
        with zipfile.ZipFile(io.BytesIO(whl.read(LOCATION))) as inner:
            tree = inner.read("china_location.txt").decode("utf-8")
        log = whl.read(CHANGES).decode("utf-8")
        (out / "LICENSE").write_bytes(whl.read(LICENSE))
    rows = divisions(tree)
    _write(out / "divisions.tsv",
           "China's administrative divisions (GB/T 2260): provinces, prefecture- and county-level units.",
           LOCATION, "code\tparent\tlevel\tname\tshort", list(rows))
    _write(out / "changes.tsv",
           "Changes of division names since 2002 (襄樊市 → 襄阳市, 县 → 区/市); code: the current unit's.",
           CHANGES, "date\tapproval\told_province\told_prefecture\told_county\t"
           "province\tprefecture\tcounty\tcode", changes(log, rows))
    print(f"{len(rows)} divisions written to {out}")


if __name__ == "__main__":
    main()
