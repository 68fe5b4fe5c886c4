"""SPARQL over a build: named queries shipped in ontology/queries, parameters, output formats.

A named query is a `.rq` file whose header comments give its name, the question it answers
and its parameters (`# params: doc = …`). Parameters are bound by a VALUES clause inserted
at the top of the WHERE block, which every SPARQL 1.1 engine understands, so the same text
runs on rdflib and on Oxigraph.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib import resources
from typing import cast

from rdflib import XSD, Graph, Literal
from rdflib.query import ResultRow

from policygraph.export.terms import PREFIXES

_HEADER = re.compile(r"^#\s*(name|question|params):\s*(.*)$")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    question: str
    params: tuple[str, ...]
    text: str


def named_queries() -> dict[str, NamedQuery]:
    """The queries shipped with policygraph, by name."""
    out = {}
    folder = resources.files("policygraph.ontology").joinpath("queries")
    for f in sorted(folder.iterdir(), key=lambda p: p.name):
        if not f.name.endswith(".rq"):
            continue
        text = f.read_text(encoding="utf-8")
        meta: dict[str, str] = {}
        key = None
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            m = _HEADER.match(line)
            if m:
                key = m.group(1)
                meta[key] = m.group(2).strip()
            elif key:
                meta[key] += " " + line.lstrip("# ").strip()
        params = tuple(p.split("=")[0].strip() for p in meta.get("params", "").split(";")
                       if p.strip() and p.strip() != "none")
        name = meta.get("name", f.name[:-3])
        out[name] = NamedQuery(name, meta.get("question", ""), params, text)
    return out


def prefixes_header() -> str:
    """PREFIX lines for the namespaces every build uses, prepended to user queries."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(PREFIXES.items()))


def bind(text: str, params: dict[str, str]) -> str:
    """Insert `VALUES ?name { "value" }` for each parameter at the top of the WHERE block."""
    return bind_at(text, params)[0]


def bind_at(text: str, params: dict[str, str]) -> tuple[str, int | None]:
    """`bind`, and the offset in `text` where the VALUES lines were inserted (None: nowhere)."""
    if not params:
        return text, None
    m = re.search(r"\bWHERE\s*\{", text, re.IGNORECASE)
    if not m:
        raise ValueError("the query has no WHERE block to bind parameters in")
    values = "".join(f"  VALUES ?{k} {{ {json.dumps(v, ensure_ascii=False)} }}\n"
                     for k, v in sorted(params.items()))
    return text[:m.end()] + "\n" + values + text[m.end():], m.end()


def prepare(text: str) -> str:
    """Declare the usual prefixes unless the query declares its own."""
    if re.search(r"^\s*PREFIX\s", text, re.IGNORECASE | re.MULTILINE):
        return text
    return prefixes_header() + text


def run(graph: Graph, text: str) -> tuple[list[str], list[list[str | None]]]:
    """Run a SELECT or ASK query on an rdflib graph; values as plain strings (None if unbound)."""
    res = graph.query(prepare(text))
    if res.type == "ASK":
        return ["ask"], [[str(bool(res.askAnswer)).lower()]]
    if res.type != "SELECT":
        raise ValueError("only SELECT and ASK queries are supported here; use `serve` for CONSTRUCT")
    names = [str(v) for v in res.vars or ()]
    rows = [[plain(row[i]) for i in range(len(names))] for row in cast("Iterable[ResultRow]", res)]
    return names, rows


def plain(v: object) -> str | None:
    """A result value as text; decimals in canonical form (1.0 → 1) as every engine prints them."""
    if v is None:
        return None
    if isinstance(v, Literal) and v.datatype == XSD.decimal:
        try:
            return format(Decimal(str(v)).normalize(), "f")
        except InvalidOperation:
            return str(v)
    return str(v)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def format_rows(names: list[str], rows: list[list[str | None]], fmt: str = "table") -> str:
    """Render results as an aligned table (CJK-aware), CSV, TSV or JSON."""
    if fmt == "json":
        records = [dict(zip(names, r, strict=True)) for r in rows]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(names)
        w.writerows([["" if v is None else v for v in r] for r in rows])
        return buf.getvalue()
    cells = [names] + [["" if v is None else v for v in r] for r in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(names))]
    lines = []
    for k, row in enumerate(cells):
        lines.append("  ".join(v + " " * (widths[i] - _width(v)) for i, v in enumerate(row)).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
