"""The named queries on ranks, validity and versions, run on a small hand-made corpus
(tests/export/node_facts.py) with both engines, against answers worked out by hand."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import Graph

from policygraph.export.rdf import to_rdf
from policygraph.sparql.query import bind, named_queries, run

from ..export.node_facts import AS_OF, WORK, corpus


@pytest.fixture(scope="module")
def graph() -> Graph:
    return to_rdf(corpus())


def _answers(g: Graph, name: str, **params: str) -> list[dict[str, str | None]]:
    """Rows of a named query as dicts, after checking Oxigraph gives exactly rdflib's rows."""
    text = bind(named_queries()[name].text, params)
    names, rows = run(g, text)
    store = pyoxigraph.Store()
    store.load(g.serialize(format="nt").encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    sols = store.query(text)
    assert [[None if s[v] is None else s[v].value for v in sols.variables] for s in sols] == rows, name
    return [dict(zip(names, r, strict=True)) for r in rows]


def test_resting_on_repealed_names_the_changed_document_by_number_and_title(graph: Graph) -> None:
    rows = _answers(graph, "resting-on-repealed")
    got = [(r["document"], r["rests_on"], r["rests_on_title"], r["changed_by"], r["change"]) for r in rows]
    repealed = "江苏省人民政府关于加强道路运输管理的通知"
    assert got == [
        # The 2004 text was replaced by the 2010 version; the district notice still cites it.
        ("district.txt", "a.txt", WORK, None, "amended"),
        # Expired by its own term, no repealing document in the corpus.
        ("宁政办发〔2013〕1号", "苏政办发〔2012〕9号", "江苏省人民政府办公厅关于道路运输试点的通知", None, "expired"),
        # Repealed by 苏政发〔2021〕102号: the city's implementing opinion and, through it, the county's.
        ("county.txt", "苏政发〔2015〕33号", repealed, "苏政发〔2021〕102号", "repeals"),
        ("宁政发〔2016〕5号", "苏政发〔2015〕33号", repealed, "苏政发〔2021〕102号", "repeals"),
    ]
    assert rows[2]["changed_by_title"] == "江苏省人民政府关于印发道路运输新规的通知"
    assert rows[1]["evidence"] == "有效期至2017年12月31日"


def test_not_in_force_lists_every_document_not_in_force_with_its_evidence(graph: Graph) -> None:
    rows = _answers(graph, "not-in-force")
    assert [(r["validity"], r["document"], r["rank"], r["in_force"]) for r in rows] == [
        ("amended", "a.txt", "local_regulation", "notInForce"),
        ("amended", "b.txt", "local_regulation", "notInForce"),
        ("expired", "苏政办发〔2012〕9号", "normative_document", "notInForce"),
        ("not_yet_in_force", "苏政发〔2023〕1号", "normative_document", "notInForce"),
        ("repealed", "苏政发〔2015〕33号", "normative_document", "notInForce"),
    ]
    assert rows[3]["evidence"] == "自2024年1月1日起施行"
    assert {r["as_of"] for r in rows} == {AS_OF}
    assert rows[4]["title"] == "江苏省人民政府关于加强道路运输管理的通知"


def test_versions_of_a_work_in_order(graph: Graph) -> None:
    rows = _answers(graph, "versions", doc=WORK)  # the versions' title and the work's name
    assert [(r["version_date"], r["kind"], r["document"], r["validity"], r["previous"]) for r in rows] == [
        ("2004-06-01", "original", "a.txt", "amended", None),
        ("2010-07-01", "amended", "b.txt", "amended", "a.txt"),
        ("2016-03-30", "revised", "c.txt", "in_force", "b.txt"),
    ]
    assert {r["work"] for r in rows} == {WORK}


def test_versions_of_a_document_that_is_no_version_is_empty(graph: Graph) -> None:
    assert _answers(graph, "versions", doc="苏政发〔2015〕33号") == []


@pytest.mark.parametrize("rank", ["地方性法规", "local_regulation"])
def test_documents_by_rank(graph: Graph, rank: str) -> None:
    rows = _answers(graph, "documents-by-rank", rank=rank)
    assert [(r["document"], r["date"], r["validity"]) for r in rows] == [
        ("a.txt", "2004-06-01", "amended"), ("b.txt", "2010-07-01", "amended"),
        ("c.txt", "2016-03-30", "in_force")]
    assert {(r["level"], r["jurisdiction"]) for r in rows} == {("provincial", "江苏省")}


def test_descendants_carry_each_documents_rank(graph: Graph) -> None:
    rows = _answers(graph, "descendants", doc="苏政发〔2015〕33号")
    assert [(r["document"], r["rank"]) for r in rows] == [("宁政发〔2016〕5号", "normative_document"),
                                                         ("county.txt", None)]


def test_most_cited_carries_the_rank(graph: Graph) -> None:
    rows = _answers(graph, "most-cited")
    # 苏政发〔2015〕33号 is cited by two documents (the repeal, the city's opinion); three others by one.
    assert (rows[0]["number"], rows[0]["rank"], rows[0]["cited_by"]) == ("苏政发〔2015〕33号", "normative_document", "2")
    assert {(r["title"], r["rank"]) for r in rows[1:]} == {
        (WORK, "local_regulation"), ("南京市人民政府关于贯彻落实省道路运输通知的意见", "normative_document"),
        ("江苏省人民政府办公厅关于道路运输试点的通知", "normative_document")}
