"""Amendment history and batch decisions: a header line naming the decision that amended a
document makes an `amends` edge from the decision to it; documents amended by one decision
are never linked to each other."""

from __future__ import annotations

from dataclasses import replace

from policygraph.corpus.link import link
from policygraph.models import DocumentRecord, HistoryEvent

from .records import cite, record

BATCH = "关于修改〈山东省甲条例〉等十二件地方性法规的决定"
LINE = "2015年7月24日 山东省第十二届人民代表大会常务委员会第十五次会议关于修改《山东省甲条例》等十二件地方性法规的决定第一次修正"


def _amended(rid: str, title: str) -> DocumentRecord:
    """A Shandong regulation whose header names the batch decision; the extractor reads the
    sibling named inside the decision's title as an `amends` citation (as it did before)."""
    history = (HistoryEvent("adopted", "2003-09-26", None, "2003年9月26日 …通过"),
               HistoryEvent("amended", "2015-07-24", BATCH, LINE))
    sibling = cite("山东省甲条例", "".join(LINE.split()), relation="amends")
    return record(rid, title, (sibling,), date="2015-07-24", jurisdiction="山东省", level="provincial",
                  history=history)


def test_the_history_line_makes_the_decision_amend_the_document() -> None:
    linked = link([_amended("src:gas", "山东省燃气管理条例")])
    decision = "title:关于修改山东省甲条例等十二件地方性法规的决定@2015-07-24"
    assert [(e.source, e.target, e.relation, e.via) for e in linked.edges] == [
        (decision, "src:gas", "amends", "history")]
    edge = linked.edges[0]
    assert edge.evidence == LINE and LINE in edge.reason
    assert linked.nodes[decision].date == "2015-07-24"
    assert linked.nodes[decision].jurisdiction == "山东省"


def test_two_documents_amended_by_one_batch_decision_are_not_linked() -> None:
    first = record("src:first", "山东省甲条例", date="2003-01-01", jurisdiction="山东省", level="provincial",
                   history=(HistoryEvent("amended", "2015-07-24", BATCH, LINE),))
    linked = link([first, _amended("src:gas", "山东省燃气管理条例")])
    pairs = {(e.source, e.target) for e in linked.edges}
    decision = "title:关于修改山东省甲条例等十二件地方性法规的决定@2015-07-24"
    assert pairs == {(decision, "src:first"), (decision, "src:gas")}


def test_an_amends_citation_between_siblings_outside_the_header_is_dropped_too() -> None:
    """Whatever sentence links them, two documents whose headers name one decision (title and
    date) do not amend each other."""
    a = record("src:a", "山东省甲条例", date="2003-01-01", jurisdiction="山东省",
               history=(HistoryEvent("amended", "2015-07-24", BATCH, LINE),))
    b = record("src:b", "山东省乙条例", (cite("山东省甲条例", "修改《山东省甲条例》", relation="amends"),),
               jurisdiction="山东省", history=(HistoryEvent("amended", "2015-07-24", BATCH, "另一行"),))
    relations = {(e.source, e.target): e.relation for e in link([a, b]).edges}
    assert ("src:b", "src:a") not in relations
    # an amends citation between documents of different decisions stays
    c = record("src:c", "山东省丙条例", (cite("山东省甲条例", "修改《山东省甲条例》", relation="amends"),),
               jurisdiction="山东省")
    assert {(e.source, e.target): e.relation for e in link([a, c]).edges}[("src:c", "src:a")] == "amends"


def test_a_decision_in_the_corpus_is_the_source_and_its_own_list_stays() -> None:
    decision = record("src:dec", BATCH,
                      (cite("山东省燃气管理条例", "将《山东省燃气管理条例》第五条修改为", relation="amends"),),
                      date="2015-07-24", jurisdiction="山东省", level="provincial")
    linked = link([decision, _amended("src:gas", "山东省燃气管理条例")])
    edges = {(e.source, e.target): e for e in linked.edges}
    assert set(edges) == {("src:dec", "src:gas")}
    assert edges["src:dec", "src:gas"].relation == "amends"


def test_one_title_in_two_years_is_two_decisions() -> None:
    """关于修改〈中华人民共和国会计法〉的决定 of 1993 and of 2017 are different decisions."""
    t = "关于修改〈中华人民共和国会计法〉的决定"
    law = record("src:law", "中华人民共和国会计法", date="2017-11-04", jurisdiction="中华人民共和国",
                 history=(HistoryEvent("amended", "1993-12-29", t, "1993年12月29日…修正"),
                          HistoryEvent("amended", "2017-11-04", t, "2017年11月4日…修正")))
    sources = sorted(e.source for e in link([law]).edges)
    assert sources == ["title:关于修改中华人民共和国会计法的决定@1993-12-29",
                       "title:关于修改中华人民共和国会计法的决定@2017-11-04"]


def test_edges_carry_the_citations_part_and_reason() -> None:
    c = cite("中华人民共和国行政许可法", "依照《中华人民共和国行政许可法》第十二条", relation="cites")
    c = replace(c, part="第十二条", reason="依照…第N条: a provision cross-reference")
    linked = link([record("src:x", "某省某办法", (c,), jurisdiction="某省")])
    (edge,) = linked.edges
    assert (edge.part, edge.reason) == ("第十二条", "依照…第N条: a provision cross-reference")
