"""The linked corpus in RDF, in the policygraph ontology (ontology/policygraph.ttl).

IRIs are readable and stable across builds: a document with a number lives at
`{base}doc/{code}/{year}/{serial}` (国办发〔2003〕40号 → …/doc/国办发/2003/40), an order at
`{base}doc/{organ}令/{serial}`; documents known only by title or source file get a hash of
that title or path. Every citation is a pg:Citation resource (a prov:Entity) with its
relation, evidence, offsets, confidence and the reason for its relation, and the cited fragment
where stated (…/art_12, eli:is_part_of the cited document); the direct relations are
materialised at both grains (pg:implements and eli:ensures_implementation_of, eli:cites,
pg:inheritsFrom), so SPARQL works without a reasoner. Output is deterministic: same input,
byte-identical Turtle and N-Triples.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import groupby
from pathlib import Path

from rdflib import Graph, Namespace

from policygraph.corpus.analytics import days_between
from policygraph.corpus.compare import Comparison, DeadlineChange, TargetChange, heads_of
from policygraph.corpus.link import Linked
from policygraph.export import rdf_shared
from policygraph.export.rdf_shared import (
    authority_names,
    authority_t,
    fragment_t,
    organ_facts,
    place_t,
    work_labels,
)
from policygraph.export.terms import (
    DC,
    DEFAULT_BASE,
    IN_FORCE_T,
    LABEL,
    LEVEL_T,
    PREFIXES,
    PV,
    RANK_T,
    RELATION_T,
    SK,
    SUPER_T,
    VALIDITY_T,
    VERSION_KIND_T,
    A,
    E,
    P,
    Terms,
    Triple,
    boolean,
    citation_iri,
    date,
    decimal,
    doc_t,
    integer,
    iri,
    literal,
    ontology_text,
    short_hash,
    validity_iri,
    work_iri,
    zh,
)
from policygraph.extract.measures import load_scheme
from policygraph.models import RANKS, VALIDITY, Edge, Measures, Node


@dataclass(frozen=True)
class Block:
    """A block of triples, made only when asked (`make`). `inputs` names what the triples are
    made from, so a writer can tell a block that did not change since it last made it: all of
    it, except that a "measures" block ends with the node whose measures it holds and a
    "comparisons" block with the positions of its comparisons, which the caller holds."""

    inputs: tuple
    make: Callable[[], list[Triple]]

    @property
    def kind(self) -> str:
        return self.inputs[0]


def iter_blocks(
    linked: Linked,
    base: str = DEFAULT_BASE,
    measures: Mapping[str, Measures] | None = None,
    comparisons: Sequence[Comparison] = (),
    scheme: str | None = None,
) -> Iterator[Block]:
    """The linked corpus as N-Triples, one block of triples at a time (one document, one
    citation, one comparison …), in a fixed order, so a writer never holds the whole graph.

    With `measures` (by node id) and `comparisons`, also what each document sets and what
    travels down each edge, linked to the measure scheme's concepts (copied in)."""
    if not base.endswith(("/", "#")):
        base += "/"
    yield Block(("levels",), _levels)
    yield Block(("schemes",), _schemes)
    organs = authority_names(linked.nodes.values())
    places = {n.jurisdiction for n in linked.nodes.values() if n.jurisdiction}
    places.update(j for name in organs if (j := organ_facts(name)[0]))
    for node_id in sorted(linked.nodes):
        n = linked.nodes[node_id]
        yield Block(("node", base, n), partial(_node, n, base))
    yield Block(("places", base, tuple(sorted(places))), partial(rdf_shared.places, places, base))
    yield Block(("authorities", base, tuple(sorted(organs))), partial(rdf_shared.authorities, organs, base))
    if linked.as_of:
        yield Block(("as_of", base, linked.as_of), partial(_as_of, linked.as_of, base))
    labels = work_labels(linked.nodes)
    if labels:
        yield Block(("works", base, tuple(labels.items())), partial(rdf_shared.works, labels, base))
    # Edges (and below, comparisons) between the same two documents share IRIs and super-property
    # triples, so they form one block: no triple is then in two blocks, and a store can be
    # updated block by block (build/store.py).
    edges = sorted(linked.edges, key=lambda e: (e.source, e.target, e.relation))
    for (source, target), group in groupby(edges, key=lambda e: (e.source, e.target)):
        same = tuple(group)
        ends = (linked.nodes[target].kind, linked.nodes[source].date, linked.nodes[target].date)
        yield Block(("edges", base, same, ends), partial(_edges, same, linked, base))
    # a fragment cited by several documents is described once, in its document's block
    cited = sorted({(e.target, e.part) for e in linked.edges if e.part})
    for target, pairs in groupby(cited, key=lambda tp: tp[0]):
        parts = tuple(part for _t, part in pairs)
        yield Block(("fragments", base, target, parts), partial(rdf_shared.fragments, target, parts, base))
    if measures:
        yield from _measure_blocks(linked, base, measures, comparisons, scheme)


def _measure_blocks(linked: Linked, base: str, measures: Mapping[str, Measures],
                    comparisons: Sequence[Comparison], scheme: str | None) -> Iterator[Block]:
    sch = load_scheme(scheme)
    ns = Terms(sch.namespace)
    yield Block(("scheme", _scheme_text(scheme)), partial(_scheme_triples, scheme))
    for node_id in sorted(measures):
        if node_id in linked.nodes:
            yield Block(("measures", base, sch.namespace, node_id),
                        partial(_node_measures, node_id, measures, ns, base))
    heads = heads_of(comparisons)
    order = sorted(range(len(heads)), key=heads.__getitem__)
    for _pair, group in groupby(order, key=lambda i: heads[i][:2]):
        at = tuple(group)
        yield Block(("comparisons", base, sch.namespace, at),
                    partial(_comparisons, comparisons, at, ns, base))


def _levels() -> list[Triple]:  # levels are data, so queries can rank them
    return [t for i, (lv, level) in enumerate(LEVEL_T.items())
            for t in ((level, A, P.AdministrativeLevel), (level, P.rank, integer(i)),
                      (level, SK.notation, literal(lv)))]


#: Chinese names of what made a version (the English ones are the ontology's).
_VERSION_KIND_ZH = {"original": "原文", "amended": "修正", "revised": "修订"}


def _schemes() -> list[Triple]:
    """The concepts of rank, validity and version kind as data, so queries can show their names."""
    out: list[Triple] = []
    for cls, scheme, concepts, names in (
            (P.LegalRank, P.LegalRanks, RANK_T, RANKS),
            (P.ValidityStatus, P.ValidityStatuses, VALIDITY_T, VALIDITY),
            (P.VersionKind, P.VersionKinds, VERSION_KIND_T, _VERSION_KIND_ZH)):
        for key, concept in concepts.items():
            out += [(concept, A, cls), (concept, A, SK.Concept), (concept, SK.inScheme, scheme),
                    (concept, SK.prefLabel, zh(names[key])), (concept, SK.notation, literal(key))]
    return out


def _as_of(day: str, base: str) -> list[Triple]:
    """The date every document's validity is given on, stated once for the whole corpus."""
    c = iri(f"{base}corpus")
    return [(c, A, P.LinkedCorpus), (c, P.validityAsOf, date(day))]


def _edges(edges: tuple[Edge, ...], linked: Linked, base: str) -> list[Triple]:
    return [t for e in edges for t in _edge(e, linked, base)]


def _node_measures(node_id: str, measures: Mapping[str, Measures], ns: Terms, base: str) -> list[Triple]:
    return _measures(doc_t(node_id, base), node_id, measures[node_id], ns, base)


def _comparisons(cs: Sequence[Comparison], at: tuple[int, ...], ns: Terms, base: str) -> list[Triple]:
    return [t for i in at for t in _comparison(cs[i], ns, base)]  # decoded only when made


def to_rdf(
    linked: Linked,
    base: str = DEFAULT_BASE,
    measures: Mapping[str, Measures] | None = None,
    comparisons: Iterable[Comparison] = (),
    scheme: str | None = None,
) -> Graph:
    """The linked corpus as an in-memory rdflib Graph (data only; the ontology is a separate
    file): handy for small corpora and notebooks; builds stream the same triples to disk."""
    lines = [f"{s} {p} {o} ." for block in iter_blocks(linked, base, measures, list(comparisons), scheme)
             for s, p, o in block.make()]
    g = Graph()
    for p, ns in PREFIXES.items():
        g.bind(p, ns)
    g.bind("id", Namespace(base if base.endswith(("/", "#")) else base + "/"))
    if measures:
        g.bind("pgm", Namespace(load_scheme(scheme).namespace))
    g.parse(data="\n".join(lines), format="nt")
    return g


def _scheme_text(scheme: str | None) -> str:
    if scheme:
        return Path(scheme).read_text(encoding="utf-8")
    return ontology_text("measures.ttl")


def _scheme_triples(scheme: str | None) -> list[Triple]:
    g = Graph().parse(data=_scheme_text(scheme), format="turtle")
    out = []
    for line in g.serialize(format="nt").splitlines():
        if line.strip():
            s, rest = line.split(" ", 1)
            p, o = rest.rstrip()[:-1].rstrip().split(" ", 1)
            out.append((s, p, o))
    return out


def _measures(d: str, node_id: str, m: Measures, ns: Terms, base: str) -> list[Triple]:
    out: list[Triple] = []
    add = out.append
    for x in m.measures:
        mm = iri(f"{base}measure/{short_hash(node_id + '|' + x.concept + '|' + x.provision)}")
        add((d, P.setsMeasure, mm))
        add((mm, A, P.MeasureMention))
        add((mm, P.concept, ns[x.concept]))
        add((mm, P.provision, literal(x.provision)))
        add((mm, P.evidence, zh(x.text)))
        for dl in x.deadlines:
            if dl.date:
                add((mm, P.deadline, date(dl.date)))
            add((mm, P.deadlineText, literal(dl.text)))
        for a in x.agencies:
            add((mm, P.agency, literal(a)))
    for t in m.targets:
        tt = iri(f"{base}target/{short_hash(node_id + '|' + t.text + '|' + str(t.start))}")
        add((d, P.setsTarget, tt))
        add((tt, A, P.Target))
        if t.indicator:
            add((tt, P.indicator, literal(t.indicator)))
        add((tt, P.value, decimal(t.value)))
        add((tt, P.unit, literal(t.unit)))
        add((tt, P.comparator, literal(t.comparator)))
        add((tt, P.provision, literal(t.provision)))
        add((tt, P.evidence, zh(t.text)))
        if t.year:
            add((tt, P.targetYear, integer(t.year)))
        if t.value_high is not None:  # a range: 3—5个
            add((tt, P.valueHigh, decimal(t.value_high)))
        if t.start_year:  # 2015年至2017年…
            add((tt, P.startYear, integer(t.start_year)))
        if t.base_year:  # 较2012年下降18%
            add((tt, P.baseYear, integer(t.base_year)))
        if t.change:  # 增长5%左右: a rise from the present, not a level
            add((tt, P.change, literal(t.change)))
    return out


def _comparison(c: Comparison, ns: Terms, base: str) -> list[Triple]:
    key = c.child + "→" + c.parent
    cc = iri(f"{base}comparison/{short_hash(key)}")
    out: list[Triple] = [
        (cc, A, P.Comparison),
        (cc, P.child, doc_t(c.child, base)),
        (cc, P.parent, doc_t(c.parent, base)),
        (cc, P.via, literal(c.via)),
        (cc, P.reuseShare, decimal(c.reuse["share"])),
    ]
    add = out.append
    for prop, concepts in ((P.inheritsMeasure, c.inherited), (P.addsMeasure, c.added),
                           (P.dropsMeasure, c.dropped)):
        for concept in concepts:
            add((cc, prop, ns[concept]))
    for i, ch in enumerate(c.changes):
        if isinstance(ch, TargetChange):
            x = iri(f"{base}change/{_change_hash(key, i, ch)}")
            add((x, A, P.TargetChange))
            add((x, P.indicator, literal(ch.indicator)))
            add((x, P.unit, literal(ch.parent.unit)))
            add((x, P.parentValue, decimal(ch.parent.value)))
            add((x, P.childValue, decimal(ch.child.value)))
            add((x, P.parentComparator, literal(ch.parent.comparator)))
            add((x, P.childComparator, literal(ch.child.comparator)))
        elif isinstance(ch, DeadlineChange) and ch.parent.date and ch.child.date:  # compare() dates both
            x = iri(f"{base}change/{_change_hash(key, i, ch)}")
            add((x, A, P.DeadlineChange))
            add((x, P.concept, ns[ch.concept]))
            add((x, P.parentDeadline, date(ch.parent.date)))
            add((x, P.childDeadline, date(ch.child.date)))
            if ch.days is not None:
                add((x, P.days, integer(ch.days)))
        else:
            continue
        add((x, P.direction, literal(ch.direction)))
        add((cc, P.hasChange, x))
    return out


def _change_hash(key: str, index: int, ch: TargetChange | DeadlineChange) -> str:
    """A change's IRI addresses all of it and its place among the comparison's changes, not its
    indicator alone: two changes of one indicator (two targets of 就业 moved), even two equal ones
    (a parent stating one target twice), are two resources, never one with two values."""
    return short_hash(f"{key}|{index}|" + json.dumps(ch.to_dict(), ensure_ascii=False, sort_keys=True))


def _node(n: Node, base: str) -> list[Triple]:
    d = doc_t(n.id, base)
    return _identity(n, d, base) + _facts(n, d, base) + _version(n, d, base) + _validity(n, d, base)


def _identity(n: Node, d: str, base: str) -> list[Triple]:
    """What the document is and what names it: kinds, number, titles, label, sources, host."""
    out: list[Triple] = [
        (d, A, P.PolicyDocument),
        (d, A, {"document": P.CorpusDocument, "embedded": P.EmbeddedDocument}.get(n.kind, P.CitedDocument)),
        (d, P.inCorpus, boolean(n.in_corpus)),
    ]
    add = out.append
    if n.kind == "embedded":
        add((d, A, P.CorpusDocument))
    if n.number:
        add((d, E.id_local, literal(n.number)))
    if n.issuer_code:
        add((d, P.issuerCode, literal(n.issuer_code)))
    for t in n.titles or ((n.title,) if n.title else ()):
        add((d, DC.title, zh(t)))
    if n.title:
        add((d, LABEL, zh(n.number + " " + n.title if n.number else n.title)))
    elif n.number:
        add((d, LABEL, zh(n.number)))
    for src in n.sources:
        add((d, P.sourceFile, literal(src)))
    for host in n.embedded_in:
        h = doc_t(host, base)
        add((d, P.isEmbeddedIn, h))
        add((d, E.is_part_of, h))
    return out


def _facts(n: Node, d: str, base: str) -> list[Triple]:
    """Dates, rank, level, place and issuers: each ELI's property where it has one."""
    out: list[Triple] = []
    add = out.append
    for prop, value in ((E.date_document, n.date), (E.date_publication, n.date_publication),
                        (E.first_date_entry_in_force, n.date_in_force)):
        if value:
            add((d, prop, date(value)))
    if n.year:
        add((d, P.year, integer(n.year)))
    if n.rank in RANK_T:  # a sub-property of eli:type_document, materialised beside it
        add((d, P.legalRank, RANK_T[n.rank]))
        add((d, E.type_document, RANK_T[n.rank]))
    if n.level in LEVEL_T:
        add((d, P.level, LEVEL_T[n.level]))
    if n.jurisdiction:
        add((d, E.jurisdiction, place_t(n.jurisdiction, base)))
    for name in n.issuers or ((n.authority,) if n.authority else ()):
        add((d, E.passed_by, authority_t(name, base)))
    return out


def _version(n: Node, d: str, base: str) -> list[Triple]:
    """The document as a dated version of a work: ELI's membership of the abstract resource,
    its version date and kind, and the version before it."""
    out: list[Triple] = []
    if n.work:
        out.append((d, E.is_member_of, iri(str(work_iri(n.work, base)))))
    if n.version_date:
        out.append((d, E.version_date, date(n.version_date)))
    if n.version_kind in VERSION_KIND_T:
        out += [(d, P.versionKind, VERSION_KIND_T[n.version_kind]),
                (d, E.version, VERSION_KIND_T[n.version_kind])]
    if n.previous_version:
        out.append((d, P.previousVersion, doc_t(n.previous_version, base)))
    return out


def _validity(n: Node, d: str, base: str) -> list[Triple]:
    """Validity on the build's date: our concept and ELI's in-force value on the document, and
    the evidence on an assessment (a prov:Entity) the document points to."""
    if n.validity not in VALIDITY_T:
        return []
    v = iri(str(validity_iri(n.id, base)))
    out: list[Triple] = [
        (d, P.validity, VALIDITY_T[n.validity]), (d, E.in_force, IN_FORCE_T[n.validity]),
        (d, P.validityAssessment, v), (v, A, P.ValidityAssessment), (v, A, PV.Entity),
        (v, P.validity, VALIDITY_T[n.validity]), (v, PV.wasDerivedFrom, d),
    ]
    if n.validity_evidence:
        out.append((v, P.evidence, zh(n.validity_evidence)))
    return out


def _edge(e: Edge, linked: Linked, base: str) -> list[Triple]:
    s, t = doc_t(e.source, base), doc_t(e.target, base)
    prop = RELATION_T.get(e.relation, P.cites)
    c = iri(str(citation_iri(e, base)))
    out: list[Triple] = [(s, prop, t)]
    out += [(s, sup, t) for sup in SUPER_T.get(e.relation, ())]
    out += [
        (c, A, P.Citation), (c, P.citing, s), (c, P.cited, t), (c, P.relation, prop),
        (c, P.foundBy, literal(e.via)), (c, P.confidence, decimal(e.confidence)),
        (c, P.mentions, integer(e.mentions)), (c, PV.wasDerivedFrom, s),
    ]
    add = out.append
    if e.evidence:
        add((c, P.evidence, zh(e.evidence)))
    if e.reason:
        add((c, P.reason, literal(e.reason)))
    if e.part:
        add((c, P.citedFragment, fragment_t(e.target, e.part, base)))
    if e.start is not None and e.end is not None:
        add((c, P.start, integer(e.start)))
        add((c, P.end, integer(e.end)))
    if e.origin:
        add((c, DC.source, literal(e.origin)))
    if linked.nodes[e.target].kind in ("cited", "title") and e.stated:
        add((t, PV.wasDerivedFrom, s))  # what we know of a cited-only document comes from s
    lag = days_between(linked.nodes[e.source].date, linked.nodes[e.target].date)
    if lag is not None:
        add((c, P.lagDays, integer(lag)))
    return out


