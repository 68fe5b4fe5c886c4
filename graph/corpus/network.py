"""The linked corpus as a networkx graph, and its tabular exports (CSV for R/Stata/pandas,
GraphML for Gephi). Edges point child → parent, the way citations do."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from policygraph.corpus.link import Linked

NODE_FIELDS = ("id", "kind", "number", "title", "level", "jurisdiction", "date", "year",
               "authority", "issuer_code", "issuers", "sources", "embedded_in", "in_corpus")
EDGE_FIELDS = ("source", "target", "relation", "via", "stated", "confidence", "mentions",
               "origin", "start", "end", "evidence", "reason")


def _node_row(n) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "id": n.id, "kind": n.kind, "number": n.number or "", "title": n.title or "",
        "level": n.level or "", "jurisdiction": n.jurisdiction or "", "date": n.date or "",
        "year": n.year or "", "authority": n.authority or "", "issuer_code": n.issuer_code or "",
        "issuers": "、".join(n.issuers), "sources": ";".join(n.sources),
        "embedded_in": ";".join(n.embedded_in), "in_corpus": n.in_corpus,
    }


def _edge_row(e) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "source": e.source, "target": e.target, "relation": e.relation, "via": e.via,
        "stated": e.stated, "confidence": e.confidence, "mentions": e.mentions,
        "origin": e.origin, "start": "" if e.start is None else e.start,
        "end": "" if e.end is None else e.end, "evidence": e.evidence, "reason": e.reason,
    }


def to_networkx(linked: Linked) -> nx.DiGraph:
    """A DiGraph with every node and edge attribute (strings, numbers, booleans only, so it
    writes to GraphML as is). Empty values are empty strings."""
    g = nx.DiGraph()
    for n in linked.nodes.values():
        row = _node_row(n)
        g.add_node(n.id, **{k: v for k, v in row.items() if k != "id"})
    for e in linked.edges:
        row = _edge_row(e)
        g.add_edge(e.source, e.target, **{k: v for k, v in row.items() if k not in ("source", "target")})
    return g


def write_csv(linked: Linked, nodes_path: Path, edges_path: Path) -> None:
    with nodes_path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=NODE_FIELDS, lineterminator="\n")
        w.writeheader()
        for n in linked.nodes.values():
            w.writerow(_node_row(n))
    with edges_path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=EDGE_FIELDS, lineterminator="\n")
        w.writeheader()
        for e in linked.edges:
            w.writerow(_edge_row(e))


#: GraphML key types; an attribute that is sometimes empty ('' for an unknown year) is written
#: only where it has a value, and read_graphml gives '' where it is absent.
NODE_TYPES = {"in_corpus": "boolean", "year": "long"}
EDGE_TYPES = {"stated": "boolean", "confidence": "double", "mentions": "long", "start": "long",
              "end": "long"}
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0
_HEAD = ('<?xml version="1.0" encoding="utf-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
         'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.'
         'graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')


def _xml(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return escape(_NOT_XML.sub("", str(v)))


def write_graphml(linked: Linked, path: Path) -> None:
    """The graph as GraphML (Gephi, yEd, networkx, igraph), one key per attribute with its type,
    written as it goes: a networkx graph of a large corpus would hold every attribute again."""
    node_keys = {name: f"n{i}" for i, name in enumerate(NODE_FIELDS[1:])}
    edge_keys = {name: f"e{i}" for i, name in enumerate(EDGE_FIELDS[2:])}
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(_HEAD)
        for scope, keys, types in (("node", node_keys, NODE_TYPES), ("edge", edge_keys, EDGE_TYPES)):
            f.write("".join(f'  <key id="{k}" for="{scope}" attr.name="{name}" '
                            f'attr.type="{types.get(name, "string")}" />\n' for name, k in keys.items()))
        f.write('  <graph edgedefault="directed">\n')
        for n in linked.nodes.values():
            row = _node_row(n)
            f.write(f"    <node id={quoteattr(_xml(n.id))}>\n")
            f.write("".join(f'      <data key="{k}">{_xml(row[name])}</data>\n'
                            for name, k in node_keys.items() if row[name] != ""))
            f.write("    </node>\n")
        last = {(e.source, e.target): e for e in linked.edges}  # one edge a pair, as in a DiGraph
        for e in last.values():
            row = _edge_row(e)
            f.write(f"    <edge source={quoteattr(_xml(e.source))} target={quoteattr(_xml(e.target))}>\n")
            f.write("".join(f'      <data key="{k}">{_xml(row[name])}</data>\n'
                            for name, k in edge_keys.items() if row[name] != ""))
            f.write("    </edge>\n")
        f.write("  </graph>\n</graphml>\n")


def read_graphml(path: Path) -> nx.DiGraph:
    """Read a build's graph.graphml back; empty attributes come back as empty strings."""
    g = nx.read_graphml(path)
    for _n, data in g.nodes(data=True):
        for name in NODE_FIELDS[1:]:
            data.setdefault(name, "")
    for _s, _t, data in g.edges(data=True):
        for name in EDGE_FIELDS[2:]:
            data.setdefault(name, "")
    return g
