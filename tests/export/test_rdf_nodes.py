"""Rank, dates, versions, validity and issuing organisations in the RDF, on the hand-made
corpus of node_facts.py, and the same facts in the CSV and GraphML columns."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, SKOS, XSD

from policygraph.export.rdf import to_rdf
from policygraph.export.shacl import validate
from policygraph.export.tables import read_graphml, write_csv, write_graphml
from policygraph.export.terms import DEFAULT_BASE, ELI, PG, authority_iri, doc_iri, validity_iri, work_iri

from .node_facts import WORK, corpus


@pytest.fixture(scope="module")
def graph() -> Graph:
    return to_rdf(corpus())


def test_the_hand_made_corpus_conforms(graph: Graph) -> None:
    assert validate(graph) == (True, "Validation Report\nConforms: True\n")


def test_rank_is_a_concept_and_an_eli_document_type(graph: Graph) -> None:
    c = doc_iri("src:c.txt")
    assert graph.value(c, PG.legalRank) == graph.value(c, ELI.type_document) == PG["Rank-local_regulation"]
    assert graph.value(PG["Rank-local_regulation"], SKOS.prefLabel) == Literal("地方性法规", lang="zh")
    assert (doc_iri("src:county.txt"), PG.legalRank, None) not in graph  # unknown rank: no triple


def test_dates_with_their_eli_meanings(graph: Graph) -> None:
    c = doc_iri("src:c.txt")
    assert graph.value(c, ELI.date_document) == Literal("2016-03-30", datatype=XSD.date)
    assert graph.value(c, ELI.date_publication) == Literal("2016-04-01", datatype=XSD.date)
    assert graph.value(c, ELI.first_date_entry_in_force) == Literal("2016-05-01", datatype=XSD.date)


def test_versions_belong_to_their_work_in_order(graph: Graph) -> None:
    w = work_iri(WORK, DEFAULT_BASE)
    members = set(graph.subjects(ELI.is_member_of, w))
    assert members == {doc_iri(f"src:{x}.txt") for x in "abc"}
    assert (w, RDF.type, PG.Work) in graph and graph.value(w, RDFS.label) == Literal(WORK, lang="zh")
    assert graph.value(doc_iri("src:c.txt"), PG.previousVersion) == doc_iri("src:b.txt")
    assert graph.value(doc_iri("src:b.txt"), PG.previousVersion) == doc_iri("src:a.txt")
    assert graph.value(doc_iri("src:a.txt"), PG.previousVersion) is None
    assert graph.value(doc_iri("src:b.txt"), ELI.version) == PG["Version-amended"]
    assert graph.value(doc_iri("src:b.txt"), ELI.version_date) == Literal("2010-07-01", datatype=XSD.date)


def test_validity_beside_elis_in_force_with_its_evidence(graph: Graph) -> None:
    r = doc_iri("苏政发〔2015〕33号")
    assert graph.value(r, PG.validity) == PG["Validity-repealed"]
    assert graph.value(r, ELI.in_force) == ELI["InForce-notInForce"]
    assert graph.value(doc_iri("src:c.txt"), ELI.in_force) == ELI["InForce-inForce"]
    v = validity_iri("苏政发〔2015〕33号", DEFAULT_BASE)
    assert graph.value(r, PG.validityAssessment) == v
    assert (v, RDF.type, PROV.Entity) in graph and graph.value(v, PROV.wasDerivedFrom) == r
    assert "同时废止" in str(graph.value(v, PG.evidence))
    assert (doc_iri("src:district.txt"), PG.validity, None) not in graph  # unknown validity


def _organ(name: str) -> URIRef:
    return authority_iri(name, DEFAULT_BASE)


def test_issuers_are_organisations_with_place_level_and_parent(graph: Graph) -> None:
    npc = _organ("江苏省人民代表大会常务委员会")
    assert (npc, RDF.type, ORG.Organization) in graph
    assert graph.value(npc, ORG.subOrganizationOf) == _organ("江苏省人民代表大会")
    assert graph.value(npc, PG.level) == PG.provincial
    place = graph.value(npc, PG.jurisdiction)
    assert graph.value(place, SKOS.prefLabel) == Literal("江苏省", lang="zh")
    office = _organ("南京市人民政府办公厅")
    assert graph.value(office, ORG.subOrganizationOf) == _organ("南京市人民政府")
    assert graph.value(_organ("南京市人民政府"), PG.level) == PG.municipal
    assert str(graph.value(graph.value(office, PG.jurisdiction), SKOS.prefLabel)) == "江苏省南京市"
    # The parent organ, named by no document, is an organisation too.
    assert (_organ("江苏省人民代表大会"), RDF.type, PG.Authority) in graph


def test_csv_and_graphml_carry_the_new_columns_and_a_readable_label(tmp_path: Path) -> None:
    linked = corpus()
    write_csv(linked, tmp_path / "nodes.csv", tmp_path / "edges.csv")
    with (tmp_path / "nodes.csv").open(encoding="utf-8") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    b = rows["src:b.txt"]
    assert (b["rank"], b["version_date"], b["previous_version"], b["work"], b["validity"]) == (
        "local_regulation", "2010-07-01", "src:a.txt", WORK, "amended")
    assert (rows["src:c.txt"]["date_publication"], rows["src:c.txt"]["date_in_force"]) == ("2016-04-01", "2016-05-01")
    assert rows["苏政发〔2015〕33号"]["label"] == "《江苏省人民政府关于加强道路运输管理的通知》（苏政发〔2015〕33号）"
    assert rows["src:a.txt"]["label"] == f"《{WORK}》（2004-06-01原文）"  # versions apart by date and kind
    write_graphml(linked, tmp_path / "graph.graphml")
    g = read_graphml(tmp_path / "graph.graphml")
    assert g.nodes["苏政发〔2023〕1号"]["validity"] == "not_yet_in_force"
    assert g.nodes["苏政发〔2023〕1号"]["label"] == "《江苏省人民政府关于道路运输的决定》（苏政发〔2023〕1号）"
    assert g.nodes["src:c.txt"]["version_kind"] == "revised"
    assert g.nodes["src:district.txt"]["rank"] == ""


def _place(code_or_name: str) -> URIRef:
    return URIRef(f"{DEFAULT_BASE}place/{code_or_name}")


def test_places_by_gb_t_2260_code_up_to_the_nation(graph: Graph) -> None:
    nanjing = graph.value(_organ("南京市人民政府"), PG.jurisdiction)
    assert nanjing == _place("320100")
    assert graph.value(nanjing, SKOS.notation) == Literal("320100")
    assert graph.value(nanjing, SKOS.broader) == _place("320000")
    assert graph.value(doc_iri("src:c.txt"), ELI.jurisdiction) == _place("320000")
    assert graph.value(_place("320000"), SKOS.broader) == _place("中华人民共和国")  # no code: by name
    assert graph.value(_place("中华人民共和国"), SKOS.broader) is None


def test_a_former_name_is_the_same_place_and_a_special_area_keeps_its_name() -> None:
    from policygraph.corpus.link import Linked
    from policygraph.models import Node

    nodes = [Node(id="鄂樊政发〔2005〕1号", kind="document", number="鄂樊政发〔2005〕1号", jurisdiction="湖北省襄樊市"),
             Node(id="鄂襄政发〔2015〕1号", kind="document", number="鄂襄政发〔2015〕1号", jurisdiction="湖北省襄阳市"),
             Node(id="冀雄政发〔2019〕1号", kind="document", number="冀雄政发〔2019〕1号", jurisdiction="河北省雄安新区")]
    g = to_rdf(Linked({n.id: n for n in nodes}, ()))
    assert validate(g)[0]
    xiangyang = _place("420600")  # 襄樊市 was renamed 襄阳市 in 2010: one division, one code
    assert {g.value(doc_iri(n.id), ELI.jurisdiction) for n in nodes[:2]} == {xiangyang}
    assert g.value(xiangyang, SKOS.prefLabel) == Literal("湖北省襄阳市", lang="zh")
    assert g.value(xiangyang, SKOS.altLabel) == Literal("湖北省襄樊市", lang="zh")
    xiongan = g.value(doc_iri("冀雄政发〔2019〕1号"), ELI.jurisdiction)
    assert xiongan == _place("河北省雄安新区")  # no GB/T 2260 code of its own
    assert g.value(xiongan, SKOS.broader) == _place("130000")
