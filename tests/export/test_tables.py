"""CSV and GraphML as their users open them: GraphML in networkx and Gephi (a readable label, the
attributes a filter groups by, numbers typed as numbers), CSV in Excel (a byte order mark when
asked, and only then)."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from policygraph.corpus.link import Linked
from policygraph.export.tables import province_and_city, write_csv, write_graphml
from policygraph.models import Edge, Node

from .node_facts import corpus

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def _places() -> Linked:
    """Documents of four levels in places the gazetteer knows, one citing another twice."""
    nodes = [
        Node(id="国办发〔2021〕58号", kind="cited", number="国办发〔2021〕58号", title="国务院办公厅关于加快发展社区养老服务的通知",
             level="national", jurisdiction="中华人民共和国", year=2021),
        Node(id="src:dy.txt", kind="document", title="东阳市养老服务实施方案", level="county",
             jurisdiction="浙江省金华市东阳市", year=2022, sources=("dy.txt",)),
        Node(id="src:hd.txt", kind="document", title="海淀区养老服务实施方案", level="county",
             jurisdiction="北京市海淀区", sources=("hd.txt",)),
        Node(id="src:jm.txt", kind="document", level="municipal", jurisdiction="广东省江门市", date="2022-03-01",
             issuers=("江门市人民政府",), sources=("jm.txt",)),
    ]
    edges = (Edge("src:dy.txt", "国办发〔2021〕58号", "implements", "number", 1.0, mentions=2),
             Edge("src:jm.txt", "国办发〔2021〕58号", "cites", "number", 0.9))
    return Linked({n.id: n for n in nodes}, edges)


@pytest.fixture(scope="module")
def graphml(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tables") / "graph.graphml"
    write_graphml(_places(), path)
    return path


def test_networkx_reads_labels_places_and_typed_numbers(graphml: Path) -> None:
    g = nx.read_graphml(graphml)  # networkx's own reader: nothing of ours fills in
    national, county, district, city = (g.nodes[n] for n in ("国办发〔2021〕58号", "src:dy.txt", "src:hd.txt",
                                                              "src:jm.txt"))
    assert national["label"] == "《国务院办公厅关于加快发展社区养老服务的通知》（国办发〔2021〕58号）"
    assert county["label"] == "《东阳市养老服务实施方案》"
    assert city["label"] == "江门市人民政府文件（2022-03-01）"  # no title, no number: its issuer and date
    assert (county["province"], county["city"], county["level"]) == ("浙江省", "金华市", "county")
    assert (district["province"], district["city"]) == ("北京市", "北京市")  # a 直辖市's district
    assert (city["province"], city["city"]) == ("广东省", "江门市")
    assert "province" not in national and "city" not in national  # the nation is no province
    assert county["year"] == 2022 and type(county["year"]) is int
    assert "year" not in district  # unknown: absent, not 0 or ''
    assert county["in_corpus"] is True and national["in_corpus"] is False
    implements = g.edges["src:dy.txt", "国办发〔2021〕58号"]
    assert implements["relation"] == "implements"
    assert implements["weight"] == 2 and type(implements["weight"]) is int
    assert type(implements["confidence"]) is float and implements["stated"] is True


def test_gephi_finds_the_label_and_weight_by_name_and_the_filters_typed(graphml: Path) -> None:
    """Gephi's GraphML importer takes a key named `label` as the node label and one named
    `weight` as the edge weight; the other keys become columns of their declared type."""
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in ET.parse(graphml).iter(f"{GRAPHML}key")}
    assert keys[("node", "label")] == "string" and keys[("edge", "weight")] == "long"
    assert keys[("node", "year")] == "long"
    for name in ("level", "rank", "validity", "province", "city", "jurisdiction"):
        assert keys[("node", name)] == "string", name
    assert keys[("edge", "relation")] == "string"
    ids = [k.get("id") for k in ET.parse(graphml).iter(f"{GRAPHML}key")]
    assert len(ids) == len(set(ids)) and not {"label", "d3", "d7", "weight", "x", "y", "size"} & set(ids)


@pytest.mark.parametrize(("jurisdiction", "expected"), [
    ("新疆维吾尔自治区伊犁哈萨克自治州伊宁市", ("新疆维吾尔自治区", "伊犁哈萨克自治州")),
    ("重庆市万州区", ("重庆市", "重庆市")),
    ("广东省东莞市", ("广东省", "东莞市")),
    ("浙江省", ("浙江省", "")),
    (None, ("", "")),
    ("火星省", ("", "")),
])
def test_province_and_city(jurisdiction: str | None, expected: tuple[str, str]) -> None:
    assert province_and_city(jurisdiction) == expected


def test_csv_has_a_byte_order_mark_only_when_asked(tmp_path: Path) -> None:
    linked = corpus()
    write_csv(linked, tmp_path / "n.csv", tmp_path / "e.csv")
    write_csv(linked, tmp_path / "nb.csv", tmp_path / "eb.csv", bom=True)
    for plain, marked in (("n.csv", "nb.csv"), ("e.csv", "eb.csv")):
        a, b = (tmp_path / plain).read_bytes(), (tmp_path / marked).read_bytes()
        assert not a.startswith(b"\xef\xbb\xbf")
        assert b == b"\xef\xbb\xbf" + a  # the same bytes after the mark
    assert (tmp_path / "n.csv").read_bytes().startswith(b"id,label,")
    with (tmp_path / "nb.csv").open(encoding="utf-8-sig", newline="") as f:  # as Excel and pandas read it
        rows = {r["id"]: r for r in csv.DictReader(f)}
    assert rows["苏政发〔2015〕33号"]["label"] == "《江苏省人民政府关于加强道路运输管理的通知》（苏政发〔2015〕33号）"
