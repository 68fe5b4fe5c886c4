"""The linked corpus as tables: CSV for R, Stata and pandas, GraphML for Gephi (and read back
into networkx). Node and edge columns are corpus.network's."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from policygraph.corpus.link import Linked
from policygraph.corpus.network import EDGE_FIELDS, NODE_FIELDS, edge_row, node_row


def write_csv(linked: Linked, nodes_path: Path, edges_path: Path) -> None:
    with nodes_path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=NODE_FIELDS, lineterminator="\n")
        w.writeheader()
        for n in linked.nodes.values():
            w.writerow(node_row(n))
    with edges_path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=EDGE_FIELDS, lineterminator="\n")
        w.writeheader()
        for e in linked.edges:
            w.writerow(edge_row(e))


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
            row = node_row(n)
            f.write(f"    <node id={quoteattr(_xml(n.id))}>\n")
            f.write("".join(f'      <data key="{k}">{_xml(row[name])}</data>\n'
                            for name, k in node_keys.items() if row[name] != ""))
            f.write("    </node>\n")
        last = {(e.source, e.target): e for e in linked.edges}  # one edge a pair, as in a DiGraph
        for e in last.values():
            row = edge_row(e)
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
