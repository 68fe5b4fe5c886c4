"""Linking, cascades, RDF and SPARQL: the seeds against gold.json, and the example corpus."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef

from policygraph.build import build, extract_all
from policygraph.cli import main
from policygraph.corpus.analytics import cascade, level_skips, most_cited, province_reach
from policygraph.corpus.link import link, title_relations
from policygraph.corpus.network import to_networkx
from policygraph.export.rdf import to_rdf
from policygraph.export.shacl import validate
from policygraph.export.tables import read_graphml
from policygraph.export.terms import PG, doc_iri
from policygraph.extract.read import iter_corpus
from policygraph.models import Citation, DocumentRecord
from policygraph.sparql.query import bind, named_queries, run

from ..conftest import needs_shared

EXAMPLES = Path(str(resources.files("policygraph.examples").joinpath("corpus")))
SEED_001 = "src:001_e7125c7c6b1146b2.txt"


def _gold_id(x: str) -> str:
    return "src:" + x if x.endswith(".txt") else x


@needs_shared
def test_all_gold_edges_are_graph_edges(seeds_out: Path, gold: dict) -> None:
    g = read_graphml(seeds_out / "graph.graphml")
    for child, relation, parent in gold["expected_edges"]:
        child, parent = _gold_id(child), _gold_id(parent)
        assert g.has_edge(child, parent), (child, parent)
        assert g.edges[child, parent]["relation"] == relation, (child, parent)
        assert g.edges[child, parent]["stated"] is True


@needs_shared
def test_all_gold_levels(seeds_out: Path, gold: dict) -> None:
    g = read_graphml(seeds_out / "graph.graphml")
    for number, level in gold["expected_levels"].items():
        assert g.nodes[number]["level"] == level, number


@needs_shared
def test_cascade_of_the_central_notice(seeds_out: Path) -> None:
    g = read_graphml(seeds_out / "graph.graphml")
    rows = cascade(g, "中发〔2002〕12号")
    assert {r["id"] for r in rows} == {"国办发〔2003〕40号", "劳社部发〔2002〕20号", "粤府办〔2003〕60号",
                                       "连政发〔2003〕97号", SEED_001}
    assert [r["level"] for r in rows] == ["national", "national", "provincial", "municipal", "municipal"]
    by_id = {r["id"]: r for r in rows}
    # The root's own date is unknown (cited only); lags to a dated parent are known.
    assert all(r["lag_days"] is None for r in rows)
    assert by_id["粤府办〔2003〕60号"]["parent"] == "国办发〔2003〕40号"
    assert by_id["粤府办〔2003〕60号"]["lag_parent_days"] == 86  # 2003-05-12 → 2003-08-06
    assert by_id["连政发〔2003〕97号"]["path"] == ["连政发〔2003〕97号", "劳社部发〔2002〕20号", "中发〔2002〕12号"]
    reach = {r["province"]: r["documents"] for r in province_reach(g, "中发〔2002〕12号")}
    assert reach == {"中华人民共和国": 2, "广东省": 1, "江苏省": 2}


@needs_shared
def test_probable_link_is_found_and_kept_apart(seeds_out: Path) -> None:
    g = read_graphml(seeds_out / "graph.graphml")
    e = g.edges["苏政发〔2003〕64号", "国办发〔2003〕40号"]
    assert (e["relation"], e["via"], e["stated"]) == ("probably-implements", "probable", False)
    assert "省政府关于加快推进再就业工作的通知" in e["reason"]
    assert "苏政发〔2003〕64号" not in {r["id"] for r in cascade(g, "国办发〔2003〕40号")}
    assert "苏政发〔2003〕64号" in {r["id"] for r in cascade(g, "国办发〔2003〕40号", include_probable=True)}


@needs_shared
def test_title_implied_relation(seeds_out: Path) -> None:
    g = read_graphml(seeds_out / "graph.graphml")
    e = g.edges["劳社部发〔2002〕20号", "中发〔2002〕12号"]
    assert (e["relation"], e["via"]) == ("implements", "title-implied")


@needs_shared
def test_turtle_parses_identically_with_oxigraph_and_passes_shacl(seeds_out: Path) -> None:
    ttl = (seeds_out / "graph.ttl").read_bytes()
    ours = Graph().parse(data=ttl.decode("utf-8"), format="turtle")
    store = pyoxigraph.Store()
    store.load(ttl, format=pyoxigraph.RdfFormat.TURTLE)
    oxi = {(_ox_term(q.subject), _ox_term(q.predicate), _ox_term(q.object)) for q in store}
    mine = {(_rdflib_term(s), _rdflib_term(p), _rdflib_term(o)) for s, p, o in ours}
    assert len(oxi) == len(mine) == len(ours) > 500
    assert oxi == mine  # same triples (literals compared by value: Oxigraph writes 1.0 as "1")
    assert validate(ours)[0]


def _rdflib_term(t: object) -> tuple:
    if isinstance(t, Literal):
        return ("L", t.toPython() if t.datatype else str(t), str(t.datatype or ""), t.language or "")
    return ("I", str(t))


def _ox_term(t: object) -> tuple:
    if isinstance(t, pyoxigraph.Literal):
        dt = "" if t.language or t.datatype.value.endswith("#string") else t.datatype.value
        return _rdflib_term(Literal(t.value, datatype=dt or None, lang=t.language))
    return ("I", t.value)  # type: ignore[attr-defined]


@needs_shared
def test_named_queries_agree_on_rdflib_and_oxigraph(seeds_out: Path) -> None:
    ttl = (seeds_out / "graph.ttl").read_bytes()
    g = Graph().parse(data=ttl.decode("utf-8"), format="turtle")
    store = pyoxigraph.Store()
    store.load(ttl, format=pyoxigraph.RdfFormat.TURTLE)
    for name, q in named_queries().items():
        text = bind(q.text, {"doc": "中发〔2002〕12号"} if q.params else {})
        names, rows = run(g, text)
        sols = store.query(text)
        ox = [[None if s[v] is None else s[v].value for v in sols.variables] for s in sols]
        assert ox == rows, name
    names, rows = run(g, bind(named_queries()["descendants"].text, {"doc": "中发〔2002〕12号"}))
    docs = [r[names.index("document")] for r in rows]
    assert sorted(docs) == sorted(["国办发〔2003〕40号", "劳社部发〔2002〕20号", "粤府办〔2003〕60号",
                                   "连政发〔2003〕97号", "001_e7125c7c6b1146b2.txt"])


def test_shacl_catches_a_broken_graph(tmp_path: Path) -> None:
    result = extract_all(iter_corpus(EXAMPLES))
    g = to_rdf(link(result.records))
    assert validate(g)[0]
    bad = Graph()
    for t in g:
        bad.add(t)
    doc = doc_iri("国办发〔2021〕58号")
    bad.add((doc, URIRef("http://data.europa.eu/eli/ontology#id_local"), Literal("not a number")))
    citation = next(bad.subjects(PG.relation, PG.implements))
    bad.remove((citation, PG.citing, None))
    conforms, text = validate(bad)
    assert not conforms
    assert "id_local" in text and "citing" in text


def test_outputs_are_byte_identical_across_processes(tmp_path: Path) -> None:
    """Two builds in fresh interpreters with different hash seeds give the same bytes."""
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "policygraph.cli", "build", str(EXAMPLES), "--out", str(out),
                        "--quiet"], check=True, env=env, capture_output=True)
        outs.append(out)
    for name in ("documents.jsonl", "graph.ttl", "graph.nt", "edges.csv", "nodes.csv", "graph.graphml",
                 "comparisons.jsonl", "graph.html", "report.md"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_example_corpus_cascade_and_exports(tmp_path: Path) -> None:
    build(EXAMPLES, tmp_path)
    g = read_graphml(tmp_path / "graph.graphml")
    rows = cascade(g, "国办发〔2021〕58号")
    assert {(r["id"], r["level"]) for r in rows} == {
        ("浙政办发〔2021〕66号", "provincial"), ("苏政发〔2021〕102号", "provincial"),
        ("宁政发〔2022〕15号", "municipal"), ("杭政办函〔2022〕9号", "municipal"),
        ("src:06_county_and_fragment.jsonl#L2", "municipal"), ("桐政发〔2022〕3号", "county"),
    }
    lags = {r["id"]: r["lag_days"] for r in rows}
    assert lags["浙政办发〔2021〕66号"] == 21  # 2021-09-18 → 2021-10-09
    skips = {(s["child"], s["parent"]) for s in level_skips(g)}
    assert ("宁政发〔2022〕15号", "国办发〔2021〕58号") in skips
    assert most_cited(g, 1) == [("国办发〔2021〕58号", 4)]
    with (tmp_path / "edges.csv").open(encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    assert {"source", "target", "relation", "via", "stated", "evidence"} <= edges[0].keys()
    assert any(e["relation"] == "repeals" and e["target"] == "苏政发〔2015〕33号" for e in edges)
    # The embedded national text and the national file are one node.
    assert g.nodes["国办发〔2021〕58号"]["kind"] == "document"
    assert g.nodes["国办发〔2021〕58号"]["embedded_in"] == "浙政办发〔2021〕66号"


def _record(rid: str, title: str | None, citations: list[Citation], level: str = "municipal",
            issuers: tuple[str, ...] = ()) -> DocumentRecord:
    return DocumentRecord(id=rid, source=rid + ".txt", number=rid if "〔" in rid else None, title=title,
                          issuers=issuers, jurisdiction=None, level=level, date=None, web_date=None,
                          citations=tuple(citations), parts=(), warnings=())


def _cit(title: str | None = None, number: str | None = None, evidence: str = "", relation: str = "implements") -> Citation:
    return Citation(relation=relation, evidence=evidence or f"根据《{title}》精神", start=0, end=1,
                    confidence=1.0, number=number, title=title, found_by="number" if number else "title")


def test_shortened_title_merges_only_with_the_issuer_named() -> None:
    parent = _record("国办发〔2003〕40号", "国务院办公厅关于加快推进再就业工作的通知", [], "national", ("国务院办公厅",))
    named = _record("A市政发〔2003〕1号", None, [_cit("关于加快推进再就业工作的通知",
                                                   evidence="根据国务院办公厅《关于加快推进再就业工作的通知》精神")])
    unnamed = _record("B市政发〔2003〕2号", None, [_cit("关于加快推进再就业工作的通知")])
    linked = link([parent, named, unnamed])
    targets = {e.source: e.target for e in linked.edges}
    assert targets["A市政发〔2003〕1号"] == "国办发〔2003〕40号"
    assert targets["B市政发〔2003〕2号"] == "title:关于加快推进再就业工作的通知"


def test_same_title_from_two_issuers_is_never_merged() -> None:
    a = _record("苏政发〔2003〕64号", "省政府关于加快推进再就业工作的通知", [], "provincial")
    b = _record("粤府〔2003〕64号", "省政府关于加快推进再就业工作的通知", [], "provincial")
    c = _record("某政发〔2003〕9号", None, [_cit("省政府关于加快推进再就业工作的通知")])
    linked = link([a, b, c])
    # Neither picked nor merged into one title node: unresolved, and said so.
    assert linked.edges == ()
    assert "title:省政府关于加快推进再就业工作的通知" not in linked.nodes
    assert linked.warnings == ("《省政府关于加快推进再就业工作的通知》 cited by 某政发〔2003〕9号 names 2 documents "
                               "of different issuers: unresolved",)


def test_number_variants_are_one_node() -> None:
    a = _record("甲市政发〔2003〕1号", None, [_cit(number="中发〔2002〕12号", title="中共中央、国务院关于某事的通知")])
    b = _record("乙市政发〔2003〕2号", None, [_cit(title="中共中央、国务院关于某事的通知")])
    linked = link([a, b])
    assert {e.target for e in linked.edges} == {"中发〔2002〕12号"}
    assert linked.nodes["中发〔2002〕12号"].kind == "cited"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("关于贯彻落实《国务院关于某事的通知》的实施意见", [("implements", "国务院关于某事的通知")]),
        ("关于贯彻落实中共中央国务院关于某事的通知若干问题的意见", [("implements", "中共中央国务院关于某事的通知")]),
        ("某省人民政府办公厅转发国务院办公厅关于某事的通知的通知", [("forwards", "国务院办公厅关于某事的通知")]),
        ("关于印发《某市某工作实施方案》的通知", [("issues", "某市某工作实施方案")]),
        ("关于加快推进再就业工作的通知", []),
    ],
)
def test_title_relations(title: str, expected: list[tuple[str, str]]) -> None:
    assert title_relations(title) == expected


def test_cli_query_and_cascade(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build(EXAMPLES, tmp_path)
    assert main(["query", str(tmp_path), "--name", "descendants", "--param", "doc=国办发〔2021〕58号",
                 "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["document"] for r in rows} >= {"浙政办发〔2021〕66号", "桐政发〔2022〕3号"}
    assert main(["query", str(tmp_path), "SELECT (COUNT(*) AS ?n) WHERE { ?d a pg:CorpusDocument }",
                 "--format", "csv"]) == 0
    # 7 documents: the national notice's own file and its copy embedded in 02 are one node.
    assert capsys.readouterr().out.splitlines() == ["n", "7"]
    assert main(["query", str(tmp_path), "--name", "descendants"]) == 2  # missing --param
    capsys.readouterr()
    assert main(["cascade", str(tmp_path), "国办发[2021]58号"]) == 0
    out = capsys.readouterr().out
    assert "county (1)" in out and "桐政发〔2022〕3号" in out


def test_networkx_graph_has_every_edge_attribute() -> None:
    result = extract_all(iter_corpus(EXAMPLES))
    g = to_networkx(link(result.records))
    for _s, _t, a in g.edges(data=True):
        assert {"relation", "via", "stated", "confidence", "evidence"} <= a.keys()


def test_example_named_queries_on_both_engines(tmp_path: Path) -> None:
    build(EXAMPLES, tmp_path)
    ttl = (tmp_path / "graph.ttl").read_bytes()
    g = Graph().parse(data=ttl.decode("utf-8"), format="turtle")
    store = pyoxigraph.Store()
    store.load(ttl, format=pyoxigraph.RdfFormat.TURTLE)
    answers = {}
    for name, q in named_queries().items():
        text = bind(q.text, {"doc": "国办发〔2021〕58号"} if q.params else {})
        names, rows = run(g, text)
        sols = store.query(text)
        assert [[None if s[v] is None else s[v].value for v in sols.variables] for s in sols] == rows, name
        answers[name] = [dict(zip(names, r, strict=True)) for r in rows]
    assert answers["resting-on-repealed"] == [{
        "document": "06_county_and_fragment.jsonl#L2", "rests_on": "苏政发〔2015〕33号",
        "rests_on_title": "省政府关于推进居家养老服务的意见", "changed_by": "苏政发〔2021〕102号",
        "changed_by_title": "江苏省人民政府关于加快发展社区养老服务的实施意见", "change": "repeals",
        "evidence": None}]
    assert {(r["document"], r["parent"]) for r in answers["level-skips"]} == {
        ("宁政发〔2022〕15号", "国办发〔2021〕58号"), ("杭政办函〔2022〕9号", "国办发〔2021〕58号")}
    assert answers["cited-only"][0]["number"] == "民政部令第66号"
    lags = {(r["document"], r["parent"]): r["lag_days"] for r in answers["cascade"]}
    assert lags[("浙政办发〔2021〕66号", "国办发〔2021〕58号")] == "21"
    assert lags[("桐政发〔2022〕3号", "杭政办函〔2022〕9号")] == "74"


def test_probable_parent_governs_the_child_and_is_the_latest_namesake() -> None:
    """Same-titled notices of several provinces: a 淮安 document probably implements Jiangsu's
    latest one before it, never Zhejiang's, and never every namesake at once."""
    from policygraph.corpus.link import probable_links
    from policygraph.models import Node

    core = "关于进一步做好高校毕业生就业工作的通知"

    def doc(i: str, issuer: str, level: str, place: str, date: str) -> Node:
        return Node(id=i, kind="document", number=i, title=issuer + core, titles=(issuer + core,),
                    level=level, jurisdiction=place, date=date, year=int(date[:4]))

    nodes = {n.id: n for n in (
        doc("苏政发〔2019〕1号", "江苏省人民政府", "provincial", "江苏省", "2019-03-01"),
        doc("苏政发〔2020〕2号", "江苏省人民政府", "provincial", "江苏省", "2020-03-01"),
        doc("苏政发〔2022〕3号", "江苏省人民政府", "provincial", "江苏省", "2022-03-01"),  # after the child
        doc("浙政发〔2020〕9号", "浙江省人民政府", "provincial", "浙江省", "2020-06-01"),
        doc("淮政发〔2021〕5号", "淮安市人民政府", "municipal", "江苏省淮安市", "2021-01-10"),
        doc("杭政发〔2021〕7号", "杭州市人民政府", "municipal", "浙江省杭州市", "2021-02-10"),
    )}
    found = {(e.source, e.target) for e in probable_links(nodes, {})}
    assert found == {("淮政发〔2021〕5号", "苏政发〔2020〕2号"), ("杭政发〔2021〕7号", "浙政发〔2020〕9号")}
