"""The linked corpus as tables: CSV for R, Stata, pandas and Excel, GraphML for Gephi (and read
back into networkx). Node and edge columns are corpus.network's; GraphML adds what Gephi
filters and sizes by: each node's province and city, each edge's weight."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from policygraph.corpus.link import Linked
from policygraph.corpus.network import EDGE_FIELDS, NODE_FIELDS, edge_row, node_row
from policygraph.extract.gazetteer import load as gazetteer
from policygraph.models import NATION, Edge, Node


def csv_encoding(bom: bool) -> str:
    """UTF-8, with a byte order mark when `bom`: Excel (on Chinese Windows above all) opens a
    CSV without one in the system's code page (GBK) and garbles every Chinese character."""
    return "utf-8-sig" if bom else "utf-8"


def write_csv(linked: Linked, nodes_path: Path, edges_path: Path, bom: bool = False) -> None:
    """nodes.csv and edges.csv; `bom`: for Excel (csv_encoding)."""
    with nodes_path.open("w", encoding=csv_encoding(bom), newline="") as f:
        w = csv.DictWriter(f, fieldnames=NODE_FIELDS, lineterminator="\n")
        w.writeheader()
        for n in linked.nodes.values():
            w.writerow(node_row(n))
    with edges_path.open("w", encoding=csv_encoding(bom), newline="") as f:
        w = csv.DictWriter(f, fieldnames=EDGE_FIELDS, lineterminator="\n")
        w.writeheader()
        for e in linked.edges:
            w.writerow(edge_row(e))


#: GraphML key types; an attribute that is sometimes empty ('' for an unknown year) is written
#: only where it has a value, and read_graphml gives '' where it is absent.
NODE_TYPES = {"in_corpus": "boolean", "year": "long"}


EDGE_TYPES = {"stated": "boolean", "confidence": "double", "mentions": "long", "start": "long",
              "end": "long", "weight": "long"}

#: Columns GraphML adds to corpus.network's (unless that module comes to have them): the place
#: a Gephi partition filter groups by, and `weight`, the name Gephi reads an edge's weight by.
GRAPHML_NODE_EXTRA = tuple(f for f in ("province", "city") if f not in NODE_FIELDS)
GRAPHML_EDGE_EXTRA = tuple(f for f in ("weight",) if f not in EDGE_FIELDS)


def province_and_city(jurisdiction: str | None) -> tuple[str, str]:
    """The province (直辖市 and autonomous regions included) and the prefecture-level city of a
    jurisdiction string; a 直辖市's districts are in that city; '' for the nation or what the
    gazetteer does not know.

    >>> province_and_city("浙江省金华市东阳市"), province_and_city("北京市海淀区")
    (('浙江省', '金华市'), ('北京市', '北京市'))
    >>> province_and_city("广东省江门市"), province_and_city("江苏省"), province_and_city("中华人民共和国")
    (('广东省', '江门市'), ('江苏省', ''), ('', ''))
    """
    if not jurisdiction or jurisdiction == NATION:
        return "", ""
    g = gazetteer()
    d = g.division_of(jurisdiction)
    province = g.province_of(jurisdiction) or ""
    if d is None or d.level == "province":
        return province, ""
    if d.level == "prefecture":
        return province, d.name
    return province, d.prefecture or (d.province if d.province.endswith("市") else "")


def graphml_node_row(n: Node) -> dict[str, object]:
    """A node's GraphML attributes: corpus.network's row and GRAPHML_NODE_EXTRA."""
    row = node_row(n)
    row.update(zip(("province", "city"), province_and_city(n.jurisdiction), strict=True))
    return row


def graphml_edge_row(e: Edge) -> dict[str, object]:
    """An edge's GraphML attributes: corpus.network's row, and its weight (how often the child
    mentions the parent)."""
    return {**edge_row(e), "weight": e.mentions}


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
    node_keys = {name: f"n{i}" for i, name in enumerate((*NODE_FIELDS[1:], *GRAPHML_NODE_EXTRA))}
    edge_keys = {name: f"e{i}" for i, name in enumerate((*EDGE_FIELDS[2:], *GRAPHML_EDGE_EXTRA))}
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(_HEAD)
        for scope, keys, types in (("node", node_keys, NODE_TYPES), ("edge", edge_keys, EDGE_TYPES)):
            f.write("".join(f'  <key id="{k}" for="{scope}" attr.name="{name}" '
                            f'attr.type="{types.get(name, "string")}" />\n' for name, k in keys.items()))
        f.write('  <graph edgedefault="directed">\n')
        for n in linked.nodes.values():
            row = graphml_node_row(n)
            f.write(f"    <node id={quoteattr(_xml(n.id))}>\n")
            f.write("".join(f'      <data key="{k}">{_xml(row[name])}</data>\n'
                            for name, k in node_keys.items() if row[name] != ""))
            f.write("    </node>\n")
        last = {(e.source, e.target): e for e in linked.edges}  # one edge a pair, as in a DiGraph
        for e in last.values():
            row = graphml_edge_row(e)
            f.write(f"    <edge source={quoteattr(_xml(e.source))} target={quoteattr(_xml(e.target))}>\n")
            f.write("".join(f'      <data key="{k}">{_xml(row[name])}</data>\n'
                            for name, k in edge_keys.items() if row[name] != ""))
            f.write("    </edge>\n")
        f.write("  </graph>\n</graphml>\n")


def read_graphml(path: Path) -> nx.DiGraph:
    """Read a build's graph.graphml back; empty attributes come back as empty strings."""
    g = nx.read_graphml(path)
    for _n, data in g.nodes(data=True):
        for name in (*NODE_FIELDS[1:], *GRAPHML_NODE_EXTRA):
            data.setdefault(name, "")
    for _s, _t, data in g.edges(data=True):
        for name in (*EDGE_FIELDS[2:], *GRAPHML_EDGE_EXTRA):
            data.setdefault(name, "")
    return g
