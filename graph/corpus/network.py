"""The linked corpus as a networkx graph, edges pointing child → parent the way citations do;
a node's and an edge's attributes as the graph, CSV and GraphML all give them."""

from __future__ import annotations

import networkx as nx

from policygraph.corpus.link import Linked
from policygraph.corpus.names import node_name
from policygraph.models import Edge, Node

NODE_FIELDS = ("id", "label", "kind", "number", "title", "level", "jurisdiction", "rank", "date",
               "date_publication", "date_in_force", "year", "validity", "work", "version_date",
               "version_kind", "previous_version", "authority", "issuer_code", "issuers", "sources",
               "embedded_in", "in_corpus")
EDGE_FIELDS = ("source", "target", "relation", "via", "stated", "confidence", "mentions",
               "origin", "start", "end", "evidence", "reason")


def node_row(n: Node) -> dict[str, object]:
    """A node's columns: its name as people read it (`label`, which Gephi shows), ids (level,
    rank, validity, version kind as models' ids), dates as ISO strings, '' where unknown."""
    return {
        "id": n.id, "label": node_name(n), "kind": n.kind, "number": n.number or "", "title": n.title or "",
        "level": n.level or "", "jurisdiction": n.jurisdiction or "", "rank": n.rank or "",
        "date": n.date or "", "date_publication": n.date_publication or "",
        "date_in_force": n.date_in_force or "", "year": n.year or "", "validity": n.validity or "",
        "work": n.work or "", "version_date": n.version_date or "", "version_kind": n.version_kind or "",
        "previous_version": n.previous_version or "",
        "authority": n.authority or "", "issuer_code": n.issuer_code or "",
        "issuers": "、".join(n.issuers), "sources": ";".join(n.sources),
        "embedded_in": ";".join(n.embedded_in), "in_corpus": n.in_corpus,
    }


def edge_row(e: Edge) -> dict[str, object]:
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
        row = node_row(n)
        g.add_node(n.id, **{k: v for k, v in row.items() if k != "id"})
    for e in linked.edges:
        row = edge_row(e)
        g.add_edge(e.source, e.target, **{k: v for k, v in row.items() if k not in ("source", "target")})
    return g


