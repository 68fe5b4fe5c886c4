"""The named queries `descendants` and `cascade` follow the implementation relations
(forwards, issues, implements, based_on), not a provision cross-reference (cites) nor an
amendment; both engines give the same rows."""

from __future__ import annotations

import pyoxigraph
from rdflib import Graph

from policygraph.corpus.link import link
from policygraph.export.rdf import to_rdf
from policygraph.sparql.query import bind, named_queries, run

from ..corpus.records import cite, record

LAW = "中华人民共和国某某法"


def _graph() -> Graph:
    law = record("主席令第1号", LAW, number="主席令第1号", date="2010-01-01", jurisdiction="中华人民共和国",
                 level="national")
    reg = record("src:reg", "某省某某条例", (cite(LAW, f"根据《{LAW}》，制定本条例", relation="based_on"),),
                 date="2012-01-01", jurisdiction="某省", level="provincial")
    city = record("src:city", "某市某某办法", (cite("某省某某条例", "贯彻落实《某省某某条例》", relation="implements"),),
                  date="2013-01-01", jurisdiction="某省某市", level="municipal")
    fine = record("src:fine", "某省另一条例", (cite(LAW, f"依照《{LAW}》第十条的规定处罚"),),
                  date="2014-01-01", jurisdiction="某省", level="provincial")
    amender = record("src:amend", "关于修改某某法的决定", (cite(LAW, f"对《{LAW}》作如下修改", relation="amends"),),
                     date="2015-01-01", jurisdiction="中华人民共和国", level="national")
    return to_rdf(link([law, reg, city, fine, amender]))


def _rows(g: Graph, name: str, **params: str) -> list[dict[str, str | None]]:
    text = bind(named_queries()[name].text, params)
    names, rows = run(g, text)
    store = pyoxigraph.Store()
    store.load(g.serialize(format="nt").encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    sols = store.query(text)
    assert isinstance(sols, pyoxigraph.QuerySolutions)
    assert [[None if s[v] is None else s[v].value for v in sols.variables] for s in sols] == rows, name
    return [dict(zip(names, r, strict=True)) for r in rows]


def test_descendants_follow_based_on_and_implements_only() -> None:
    rows = _rows(_graph(), "descendants", doc="主席令第1号")
    assert [(r["document"], r["level"]) for r in rows] == [("reg.txt", "provincial"), ("city.txt", "municipal")]


def test_cascade_names_each_relation_and_parent() -> None:
    rows = _rows(_graph(), "cascade", doc="主席令第1号")
    assert [(r["document"], r["relation"], r["parent"], r["lag_days"]) for r in rows] == [
        ("reg.txt", "basedOn", "主席令第1号", "730"), ("city.txt", "implements", None, "366")]


def test_the_queries_say_what_they_follow() -> None:
    for name in ("descendants", "cascade"):
        question = " ".join(named_queries()[name].question.split())
        assert "forwards, issues, implements, based_on" in question, name
