"""The SPARQL-compiled SHACL validator against pySHACL, the reference implementation.

Builds validate with graph/shacl.py (pySHACL cannot finish a 100k-document graph); these tests
break a real build's graph in every way the shipped shapes forbid and require both validators
to report exactly the same (focus node, constraint component) pairs.
"""

from __future__ import annotations

from dataclasses import replace
from importlib import resources
from pathlib import Path

import pyoxigraph
import pytest
from pyshacl import validate as pyshacl_validate
from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SH

from policygraph.build import extract_all
from policygraph.corpus.compare import (
    Comparison,
    DeadlineChange,
    TargetChange,
    compare_along,
    measures_by_node,
)
from policygraph.corpus.link import Linked, link
from policygraph.export.rdf import to_rdf
from policygraph.export.shacl import (
    UnsupportedShape,
    compile_shapes,
    load_shapes,
    run_checks,
    validate,
    validate_store,
)
from policygraph.export.terms import ELI, PG, doc_iri, ontology_text
from policygraph.extract.read import iter_corpus
from policygraph.models import Measures
from policygraph.sparql.query import named_queries

from ..conftest import needs_shared

EXAMPLES = Path(str(resources.files("policygraph.examples").joinpath("corpus")))


@pytest.fixture(scope="module")
def graph() -> Graph:
    result = extract_all(iter_corpus(EXAMPLES))
    linked = link(result.records)
    measures = measures_by_node(result.records)
    comparisons = compare_along(linked.edges, measures,
                                places={n.id: n.jurisdiction for n in linked.nodes.values()})
    return to_rdf(linked, measures=measures, comparisons=comparisons)


def _ours(g: Graph) -> set[tuple[str, str]]:
    store = pyoxigraph.Store()
    store.load(g.serialize(format="nt").encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return {(v.focus if v.focus.startswith("http") else "_:", v.component)
            for v in run_checks(store, compile_shapes(load_shapes()))}


def _reference(g: Graph) -> set[tuple[str, str]]:
    _conforms, report, _text = pyshacl_validate(g, shacl_graph=load_shapes(), inference="none",
                                                advanced=True)
    out = set()
    for r in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(r, SH.focusNode)
        component = str(report.value(r, SH.sourceConstraintComponent)).split("#")[1]
        out.add((str(focus) if isinstance(focus, URIRef) else "_:", component))
    return out


def test_a_real_build_conforms_for_both(graph: Graph) -> None:
    assert len(graph) > 1000
    assert _ours(graph) == _reference(graph) == set()
    assert validate(graph) == (True, "Validation Report\nConforms: True\n")


def _broken(graph: Graph) -> Graph:
    """The graph broken in every way the shipped shapes forbid."""
    bad = Graph()
    for t in graph:
        bad.add(t)
    docs = sorted(set(bad.subjects(RDF.type, PG.CorpusDocument)), key=str)
    cits = sorted(set(bad.subjects(RDF.type, PG.Citation)), key=str)
    comps = sorted(set(bad.subjects(RDF.type, PG.Comparison)), key=str)
    targets = sorted(set(bad.subjects(RDF.type, PG.Target)), key=str)
    bad.add((docs[0], ELI.id_local, Literal("not a number")))                        # pattern
    bad.add((docs[1], ELI.id_local, Literal("国办发〔2003〕41号")))                   # maxCount
    bad.set((docs[2], PG.year, Literal(1800)))                                        # minInclusive
    bad.set((docs[3], PG.year, Literal("abc", datatype=XSD.integer)))                 # ill-formed
    bad.remove((docs[4], PG.inCorpus, None))                                          # minCount
    bad.set((docs[5], PG.level, PG.galactic))                                         # in
    bad.add((docs[5], ELI.cites, URIRef("https://example.org/nowhere")))              # class
    for p in (ELI.id_local, DCTERMS.title, PG.sourceFile):                            # or
        bad.remove((docs[6], p, None))
    bad.add((docs[0], DCTERMS.title, Literal("no language tag")))                     # datatype
    bad.remove((cits[0], PG.citing, None))
    bad.add((cits[1], PG.relation, PG.probablyImplements))                            # or + maxCount
    bad.set((cits[2], PG.confidence, Literal(1.5)))
    bad.add((cits[3], PG.foundBy, Literal("guess")))
    bad.add((BNode(), RDF.type, PG.Citation))                                         # nodeKind
    change = next(c for cc in comps for c in bad.objects(cc, PG.hasChange))
    bad.set((change, PG.direction, Literal("sideways")))                              # sequence path
    bad.remove((targets[0], PG.unit, None))
    return bad


def test_every_kind_of_breakage_is_found_as_pyshacl_finds_it(graph: Graph) -> None:
    bad = _broken(graph)
    found = _ours(bad)
    assert found == _reference(bad)
    components = {c for _f, c in found}
    assert components >= {"PatternConstraintComponent", "MaxCountConstraintComponent",
                          "MinInclusiveConstraintComponent", "DatatypeConstraintComponent",
                          "MinCountConstraintComponent", "InConstraintComponent",
                          "ClassConstraintComponent", "OrConstraintComponent",
                          "NodeKindConstraintComponent", "MaxInclusiveConstraintComponent"}
    conforms, text = validate(bad)
    assert not conforms
    assert "id_local" in text and "citing" in text and "canonical document number" in text


def test_a_shape_feature_it_cannot_compile_is_refused() -> None:
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ;
            sh:property [ sh:path ex:p ; sh:uniqueLang true ] .
    """, format="turtle")
    with pytest.raises(UnsupportedShape, match="uniqueLang"):
        compile_shapes(shapes)


def test_counts_other_than_one_are_checked_as_pyshacl_checks_them() -> None:
    # The shipped shapes only ask for "at least one" and "at most one"; a user's may ask more.
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ;
            sh:property [ sh:path ex:p ; sh:minCount 2 ; sh:maxCount 3 ] ;
            sh:property [ sh:path ( ex:q ex:p ) ; sh:minCount 1 ] .
    """, format="turtle")
    data = Graph().parse(data="""
        @prefix ex: <https://example.org/> .
        ex:none a ex:C .
        ex:one a ex:C ; ex:p 1 ; ex:q ex:one .
        ex:two a ex:C ; ex:p 1, 2 ; ex:q ex:none .
        ex:three a ex:C ; ex:p 1, 2, "3" ; ex:q ex:two .
        ex:four a ex:C ; ex:p 1, 2, 3, ex:x .
    """, format="turtle")
    _conforms, report, _text = pyshacl_validate(data, shacl_graph=shapes, inference="none")
    expected = {(str(report.value(r, SH.focusNode)),
                 str(report.value(r, SH.sourceConstraintComponent)).split("#")[1])
                for r in report.subjects(RDF.type, SH.ValidationResult)}
    found = {(v.focus, v.component) for v in run_checks(_store(data), compile_shapes(shapes))}
    assert found == expected
    assert ("https://example.org/one", "MinCountConstraintComponent") in found
    assert ("https://example.org/four", "MaxCountConstraintComponent") in found


def test_classes_subclasses_and_two_targets_are_checked_as_pyshacl_checks_them() -> None:
    # Class tests are joins by hashing, not per-value lookups; they must still mean what
    # SHACL means: an instance of a subclass conforms, a literal or an untyped node does not,
    # and each focus node is checked once however many targets select it.
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:targetSubjectsOf ex:r ;
            sh:property [ sh:path ex:p ; sh:class ex:A ; sh:class ex:B ] ;
            sh:property [ sh:path ( ex:q ex:p ) ; sh:class ex:A ; sh:minCount 1 ] ;
            sh:property [ sh:path ex:r ; sh:hasValue ex:ok ] .
    """, format="turtle")
    data = Graph().parse(data="""
        @prefix ex: <https://example.org/> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        ex:A2 rdfs:subClassOf ex:A . ex:AB rdfs:subClassOf ex:A2, ex:B .
        ex:good a ex:C ; ex:p ex:ab ; ex:q ex:good ; ex:r ex:ok .
        ex:ab a ex:AB .
        ex:onlyA a ex:C ; ex:p ex:a ; ex:q ex:onlyA ; ex:r ex:ok .
        ex:a a ex:A2 .
        ex:lit a ex:C ; ex:p "x" ; ex:q ex:good ; ex:r ex:ok .
        ex:untyped ex:r ex:no ; ex:p ex:nowhere ; ex:q ex:lit .
    """, format="turtle")
    _conforms, report, _text = pyshacl_validate(data, shacl_graph=shapes, inference="none")
    expected = {(str(report.value(r, SH.focusNode)), _n3(report.value(r, SH.value)),
                 str(report.value(r, SH.sourceConstraintComponent)).split("#")[1])
                for r in report.subjects(RDF.type, SH.ValidationResult)}
    found = {(v.focus, v.value, v.component) for v in run_checks(_store(data), compile_shapes(shapes))}
    assert found == expected
    ex = "https://example.org/"
    assert (f"{ex}onlyA", f"<{ex}a>", "ClassConstraintComponent") in found  # an A, not a B
    assert (f"{ex}untyped", '"x"', "ClassConstraintComponent") in found  # the end of q/p
    assert (f"{ex}untyped", None, "HasValueConstraintComponent") in found  # a target by ex:r
    assert not any(f == f"{ex}good" for f, _v, _c in found)


def _n3(term: object) -> str | None:
    return None if term is None else term.n3()  # type: ignore[attr-defined]


def _store(g: Graph) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.load(g.serialize(format="nt").encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return store


def test_a_document_losing_its_class_breaks_the_citations_pointing_to_it(graph: Graph) -> None:
    # sh:class on pg:cited reads the cited node's triples, not the citing one's.
    cited = next(o for o in graph.objects(None, PG.cited)
                 if (o, RDF.type, PG.PolicyDocument) in graph)
    broken = Graph()
    for t in graph:
        broken.add(t)
    broken.remove((cited, RDF.type, PG.PolicyDocument))
    store = _store(broken)
    shapes = load_shapes()
    conforms, text = validate_store(store, shapes)
    assert not conforms and "ClassConstraintComponent" in text and str(PG.cited) in text


def test_node_facts_conform_and_a_version_chain_that_loops_is_found_as_pyshacl_finds_it() -> None:
    from dataclasses import replace

    from .node_facts import corpus

    linked = corpus()
    assert _ours(to_rdf(linked)) == _reference(to_rdf(linked)) == set()
    first = linked.nodes["src:a.txt"]
    # The 2004 text said to follow the 2016 one: a loop, and a previous version dated later.
    looped = replace(linked, nodes={**linked.nodes, first.id: replace(first, previous_version="src:c.txt")})
    g = to_rdf(looped)
    found = _ours(g)
    assert found == _reference(g) == {(str(doc_iri("src:a.txt")), "LessThanConstraintComponent")}
    conforms, text = validate(g)
    assert not conforms and "previous version must be dated before" in text


def test_a_rank_validity_or_version_kind_outside_the_schemes_is_refused() -> None:
    from .node_facts import corpus

    g = to_rdf(corpus())
    doc = doc_iri("苏政发〔2015〕33号")
    g.add((doc, PG.legalRank, PG["Rank-decree"]))                 # a second rank, and not one of ours
    g.set((doc, PG.validity, PG["Validity-dormant"]))
    g.add((doc, ELI.date_publication, Literal("2015年3月2日")))   # not an xsd:date
    found = _ours(g)
    assert found == _reference(g)
    assert {(f, c) for f, c in found} == {(str(doc), "MaxCountConstraintComponent"),
                                          (str(doc), "InConstraintComponent"),
                                          (str(doc), "DatatypeConstraintComponent")}


@pytest.fixture(scope="module")
def built() -> tuple[Linked, dict[str, Measures], list[Comparison]]:
    result = extract_all(iter_corpus(EXAMPLES))
    linked = link(result.records)
    measures = measures_by_node(result.records)
    return linked, measures, list(compare_along(linked.edges, measures,
                                                places={n.id: n.jurisdiction for n in linked.nodes.values()}))


def _ontology() -> Graph:
    return Graph().parse(data=ontology_text(), format="turtle")


def _conforms_with_rdfs(g: Graph, ontology: Graph) -> tuple[bool, str]:
    conforms, _report, text = pyshacl_validate(g, shacl_graph=load_shapes(), ont_graph=ontology,
                                               inference="rdfs", advanced=True)
    return bool(conforms), str(text)


def test_a_real_build_conforms_under_rdfs_inference_with_the_ontology(graph: Graph) -> None:
    conforms, text = _conforms_with_rdfs(graph, _ontology())
    assert conforms, text[:2000]


def test_a_domain_the_data_contradicts_is_caught_under_rdfs_inference(graph: Graph) -> None:
    # Targets and measures carry pg:evidence too: declaring it a citation's property makes a
    # reasoner type every target a citation, which the citation shape then rejects.
    wrong = _ontology()
    wrong.add((PG.evidence, RDFS.domain, PG.Citation))
    assert not _conforms_with_rdfs(graph, wrong)[0]


def _two_changes_of_one_indicator(comparisons: list[Comparison]) -> Comparison:
    c = next(c for c in comparisons if any(isinstance(ch, TargetChange) for ch in c.changes))
    tc = next(ch for ch in c.changes if isinstance(ch, TargetChange))
    # another direction than the first: a shared IRI would mix the two (and multiply query rows)
    other = replace(tc, child=replace(tc.child, value=tc.child.value * 2 + 1),
                    direction="loosened" if tc.direction == "tightened" else "tightened")
    return replace(c, changes=(*c.changes, other))


def test_two_changes_of_one_indicator_are_two_resources_and_conform(
        built: tuple[Linked, dict[str, Measures], list[Comparison]]) -> None:
    linked, measures, comparisons = built
    c = _two_changes_of_one_indicator(comparisons)
    g = to_rdf(linked, measures=measures, comparisons=[c])
    indicator = next(ch.indicator for ch in c.changes if isinstance(ch, TargetChange))
    made = set(g.subjects(PG.indicator, Literal(indicator))) & set(g.subjects(RDF.type, PG.TargetChange))
    assert len(made) == sum(isinstance(ch, TargetChange) and ch.indicator == indicator for ch in c.changes) >= 2
    assert _ours(g) == _reference(g) == set()


def test_a_change_iri_shared_by_two_changes_is_found_by_both_validators(graph: Graph) -> None:
    bad = Graph()
    for t in graph:
        bad.add(t)
    change = next(iter(sorted(bad.subjects(RDF.type, PG.TargetChange), key=str)))
    bad.add((change, PG.direction, Literal("loosened" if (change, PG.direction, Literal("tightened")) in bad
                                           else "tightened")))
    bad.add((change, PG.parentValue, Literal("99", datatype=XSD.decimal)))
    found = _ours(bad)
    assert found == _reference(bad)
    assert (str(change), "MaxCountConstraintComponent") in found


def test_two_equal_changes_are_two_resources_and_two_rows(
        built: tuple[Linked, dict[str, Measures], list[Comparison]]) -> None:
    # a parent stating one target twice: the comparison holds two equal changes
    linked, measures, comparisons = built
    c = next(c for c in comparisons if any(isinstance(ch, TargetChange) for ch in c.changes))
    tc = replace(next(ch for ch in c.changes if isinstance(ch, TargetChange)), direction="tightened")
    g = to_rdf(linked, measures=measures, comparisons=[replace(c, changes=(tc, tc))])
    assert len(set(g.subjects(RDF.type, PG.TargetChange))) == 2
    assert len(list(g.query(named_queries()["escalations"].text))) == 2


def test_the_escalations_query_and_the_comparisons_agree_row_for_row(
        built: tuple[Linked, dict[str, Measures], list[Comparison]]) -> None:
    linked, measures, comparisons = built
    comparisons = [_two_changes_of_one_indicator(comparisons), *comparisons[1:]]
    g = to_rdf(linked, measures=measures, comparisons=comparisons)
    rows = list(g.query(named_queries()["escalations"].text))
    expected = [ch for c in comparisons for ch in c.changes
                if ch.direction in ("tightened", "earlier")
                and (isinstance(ch, TargetChange) or (isinstance(ch, DeadlineChange)
                                                      and ch.parent.date and ch.child.date))]
    assert len(rows) == len(expected) >= 2
    assert sorted(str(r.what) for r in rows) == sorted(
        ch.indicator if isinstance(ch, TargetChange) else ch.label for ch in expected)


@needs_shared
def test_the_seeds_build_conforms_under_rdfs_inference(seeds_out: Path) -> None:
    data = Graph().parse(seeds_out / "graph.ttl")
    conforms, text = _conforms_with_rdfs(data, _ontology())
    assert conforms, text[:2000]


def test_memory_is_handed_back_after_every_check_even_one_that_fails(graph: Graph) -> None:
    # A build gives back what each check freed (heap.release) as soon as the check is done,
    # from whichever thread ran it; a check that raises still hands back.
    from policygraph.build import heap

    store = pyoxigraph.Store()
    store.load(graph.serialize(format="nt").encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    checks = compile_shapes(load_shapes())
    calls: list[int] = []

    def counted() -> None:
        heap.release()
        calls.append(1)

    assert run_checks(store, checks, jobs=2, after_each=counted) == []
    assert len(calls) == len(checks) > 10
    calls.clear()
    broken = [replace(checks[0], query="SELECT ?x WHERE { ?x ?p }")]  # a syntax error
    with pytest.raises(SyntaxError):
        run_checks(store, broken, after_each=counted)
    assert calls == [1]
    conforms, _report = validate(store, 2, counted)
    assert conforms and len(calls) == 1 + len(checks)
