"""Relations in RDF: pg:basedOn at both grains, a cited fragment as a part of the cited
document, the citation's confidence and reason on the reified pg:Citation, the amendment
history's decision; SHACL passes, and refuses a fragment of no document."""

from __future__ import annotations

from dataclasses import replace

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from policygraph.corpus.link import link
from policygraph.export.rdf import to_rdf
from policygraph.export.rdf_shared import fragment_path
from policygraph.export.shacl import validate
from policygraph.export.terms import ELI, PG, doc_iri
from policygraph.models import HistoryEvent

from ..corpus.records import cite, record

LAW = "中华人民共和国行政许可法"


def _graph() -> Graph:
    basis = replace(cite(LAW, f"根据《{LAW}》，制定本条例", relation="based_on"), reason="根据…制定本条例")
    cross = replace(cite("某某条例", "依照《某某条例》第十二条第二款的规定处罚"), part="第十二条第二款",
                    reason="依照…第N条: a provision cross-reference")
    reg = record("src:reg", "某省行政许可条例", (basis, cross), date="2020-01-01", jurisdiction="某省",
                 level="provincial",
                 history=(HistoryEvent("amended", "2021-05-01", "关于修改〈某省行政许可条例〉的决定",
                                       "2021年5月1日某省人民代表大会常务委员会关于修改《某省行政许可条例》的决定修正"),))
    return to_rdf(link([reg]))


def test_based_on_is_asserted_at_both_grains_and_follows_a_cascade() -> None:
    g = _graph()
    reg, law = doc_iri("src:reg"), doc_iri(f"title:{LAW}")
    for prop in (PG.basedOn, ELI.based_on, ELI.cites, PG.inheritsFrom):
        assert (reg, prop, law) in g, prop
    assert (reg, ELI.ensures_implementation_of, law) not in g


def test_a_cited_fragment_is_part_of_the_cited_document() -> None:
    g = _graph()
    cited = doc_iri("title:某某条例")
    frag = URIRef(f"{cited}/art_12/par_2")
    assert (frag, RDF.type, ELI.LegalResourceSubdivision) in g
    assert (frag, ELI.is_part_of, cited) in g
    assert (frag, RDFS.label, Literal("第十二条第二款", lang="zh")) in g
    (citation,) = g.subjects(PG.citedFragment, frag)
    assert (citation, PG.cited, cited) in g
    assert (citation, PG.reason, Literal("依照…第N条: a provision cross-reference")) in g
    assert str(g.value(citation, PG.confidence)) == "0.9"


def test_the_history_decision_amends_the_document_and_says_why() -> None:
    g = _graph()
    reg = doc_iri("src:reg")
    (decision,) = g.subjects(PG.amends, reg)
    assert (decision, ELI.amends, reg) in g
    (citation,) = g.subjects(PG.citing, decision)
    assert str(g.value(citation, PG.foundBy)) == "history"
    assert "关于修改《某省行政许可条例》的决定修正" in str(g.value(citation, PG.reason))


def test_shacl_passes_and_refuses_a_fragment_of_no_document() -> None:
    g = _graph()
    assert validate(g)[0], validate(g)[1]
    frag = next(g.subjects(RDF.type, ELI.LegalResourceSubdivision))
    g.remove((frag, ELI.is_part_of, None))
    ok, report = validate(g)
    assert not ok and "is_part_of" in report


def test_fragment_paths() -> None:
    assert [fragment_path(p) for p in ("第十二条", "第一百零五条第一款第三项", "第三章", "附件", "附件2", "附表")] == [
        "art_12", "art_105/par_1/point_3", "chp_3", "annex", "annex_2", "附表"]
