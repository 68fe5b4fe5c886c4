"""The linked corpus as a networkx graph, and its tabular exports (CSV for R/Stata/pandas,
GraphML for Gephi). Edges point child → parent, the way citations do."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from .link import Linked

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


def write_graphml(g: nx.DiGraph, path: Path) -> None:
    nx.write_graphml(g, path, encoding="utf-8", prettyprint=True)


def read_graphml(path: Path) -> nx.DiGraph:
    """Read a build's graph.graphml back; empty attributes come back as empty strings."""
    return nx.read_graphml(path)
