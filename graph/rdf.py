"""The linked corpus in RDF, in the policygraph ontology (ontology/policygraph.ttl).

IRIs are readable and stable across builds: a document with a number lives at
`{base}doc/{code}/{year}/{serial}` (国办发〔2003〕40号 → …/doc/国办发/2003/40), an order at
`{base}doc/{organ}令/{serial}`; documents known only by title or source file get a hash of
that title or path. Every citation is a pg:Citation resource with its relation, evidence,
offsets and confidence, and the direct relations are materialised at both grains (pg:implements
and eli:ensures_implementation_of, eli:cites, pg:inheritsFrom), so SPARQL works without a
reasoner. Output is deterministic: same input, byte-identical Turtle and N-Triples.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SKOS

from .analytics import days_between, province_of
from .compare import Comparison
from .link import Linked
from .measures import load_scheme
from .models import Edge, Measures, Node
from .numbers import parse_canonical

PG = Namespace("https://w3id.org/policygraph/ns#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
DEFAULT_BASE = "https://w3id.org/policygraph/id/"
NATION = "中华人民共和国"

RELATION_PROPERTY = {
    "cites": PG.cites, "implements": PG.implements, "forwards": PG.forwards,
    "issues": PG.issues, "amends": PG.amends, "repeals": PG.repeals,
    "probably-implements": PG.probablyImplements,
}
#: Super-properties materialised beside each relation (the ontology's sub-property axioms).
SUPER = {
    "cites": (ELI.cites,),
    "implements": (ELI.ensures_implementation_of, PG.inheritsFrom, ELI.cites),
    "forwards": (ELI.ensures_implementation_of, PG.inheritsFrom, ELI.cites),
    "issues": (ELI.has_annex, ELI.cites),
    "amends": (ELI.amends, ELI.cites),
    "repeals": (ELI.repeals, ELI.cites),
    "probably-implements": (PG.probablyInheritsFrom,),
}
LEVEL = {"national": PG.national, "provincial": PG.provincial,
         "municipal": PG.municipal, "county": PG.county}
PREFIXES = {"pgm": Namespace("https://w3id.org/policygraph/measures#"),
            "pg": PG, "eli": ELI, "dcterms": DCTERMS, "prov": PROV, "skos": SKOS, "org": ORG,
            "rdfs": RDFS, "xsd": XSD}


def _segment(s: str) -> str:
    """A path segment that keeps Han characters readable and escapes everything unsafe."""
    return "".join(ch if ord(ch) > 127 and ch.isalnum() else quote(ch, safe="") for ch in s)


def _hash(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:16]


def doc_iri(node_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """The stable IRI of a document node id (a number, `title:…` or `src:…`)."""
    dn = parse_canonical(node_id)
    if dn is not None:
        tail = f"{_segment(dn.code)}/{dn.serial}" if dn.year is None else \
            f"{_segment(dn.code)}/{dn.year}/{dn.serial}"
        return URIRef(f"{base}doc/{tail}")
    if node_id.startswith("title:"):
        return URIRef(f"{base}doc/title/{_hash(node_id[6:])}")
    if "#" in node_id and parse_canonical(node_id.split("#")[0]) is None:
        return URIRef(f"{base}doc/part/{_hash(node_id)}")
    return URIRef(f"{base}doc/src/{_hash(node_id)}")


def _place_iri(name: str, base: str) -> URIRef:
    return URIRef(f"{base}place/{_segment(name)}")


def _authority_iri(name: str, base: str) -> URIRef:
    return URIRef(f"{base}authority/{_segment(name)}")


def _citation_iri(e: Edge, base: str) -> URIRef:
    return URIRef(f"{base}citation/{_hash(e.source + '→' + e.target)}")


def _decimal(x: float) -> str:
    """Canonical xsd:decimal lexical form (1, 0.9, 0.85), as every store writes it back."""
    return format(Decimal(str(round(x, 2))).normalize(), "f")


def to_rdf(
    linked: Linked,
    base: str = DEFAULT_BASE,
    measures: Mapping[str, Measures] | None = None,
    comparisons: Iterable[Comparison] = (),
    scheme: str | None = None,
) -> Graph:
    """The linked corpus as an rdflib Graph (data only; the ontology is a separate file).

    With `measures` (by node id) and `comparisons`, also what each document sets and what
    travels down each edge, linked to the measure scheme's concepts (copied into the graph)."""
    if not base.endswith(("/", "#")):
        base += "/"
    g = Graph()
    for p, ns in PREFIXES.items():
        g.bind(p, ns)
    g.bind("id", Namespace(base))
    for lv, iri in LEVEL.items():  # levels are data too, so queries can rank them
        g.add((iri, RDF.type, PG.AdministrativeLevel))
        g.add((iri, PG.rank, Literal(list(LEVEL).index(lv))))
        g.add((iri, SKOS.notation, Literal(lv)))
    places: set[str] = set()
    authorities: set[str] = set()
    for n in linked.nodes.values():
        _add_node(g, n, base, places, authorities)
    for name in sorted(places):
        _add_place(g, name, base)
    for name in sorted(authorities):
        _add_authority(g, name, base)
    for e in linked.edges:
        _add_edge(g, e, linked, base)
    if measures:
        sch = load_scheme(scheme)
        ns = Namespace(sch.namespace)
        g.bind("pgm", ns)
        g += Graph().parse(data=_scheme_text(scheme), format="turtle")
        for node_id in sorted(measures):
            if node_id in linked.nodes:
                _add_measures(g, doc_iri(node_id, base), node_id, measures[node_id], ns, base)
        for c in comparisons:
            _add_comparison(g, c, ns, base)
    return g


def _scheme_text(scheme: str | None) -> str:
    if scheme:
        return Path(scheme).read_text(encoding="utf-8")
    return ontology_text("measures.ttl")


def _add_measures(g: Graph, d: URIRef, node_id: str, m: Measures, ns: Namespace, base: str) -> None:
    for x in m.measures:
        mm = URIRef(f"{base}measure/{_hash(node_id + '|' + x['concept'] + '|' + x['provision'])}")
        g.add((d, PG.setsMeasure, mm))
        g.add((mm, RDF.type, PG.MeasureMention))
        g.add((mm, PG.concept, ns[x["concept"]]))
        g.add((mm, PG.provision, Literal(x["provision"])))
        g.add((mm, PG.evidence, Literal(x["text"], lang="zh")))
        for dl in x["deadlines"]:
            if dl.get("date"):
                g.add((mm, PG.deadline, Literal(dl["date"], datatype=XSD.date)))
            g.add((mm, PG.deadlineText, Literal(dl["text"])))
        for a in x["agencies"]:
            g.add((mm, PG.agency, Literal(a)))
    for t in m.targets:
        tt = URIRef(f"{base}target/{_hash(node_id + '|' + t['text'] + '|' + str(t['start']))}")
        g.add((d, PG.setsTarget, tt))
        g.add((tt, RDF.type, PG.Target))
        if t.get("indicator"):
            g.add((tt, PG.indicator, Literal(t["indicator"])))
        g.add((tt, PG.value, Literal(_decimal(t["value"]), datatype=XSD.decimal)))
        g.add((tt, PG.unit, Literal(t["unit"])))
        g.add((tt, PG.comparator, Literal(t["comparator"])))
        g.add((tt, PG.provision, Literal(t["provision"])))
        g.add((tt, PG.evidence, Literal(t["text"], lang="zh")))
        if t.get("year"):
            g.add((tt, PG.targetYear, Literal(t["year"])))


def _add_comparison(g: Graph, c: Comparison, ns: Namespace, base: str) -> None:
    key = c.child + "→" + c.parent
    cc = URIRef(f"{base}comparison/{_hash(key)}")
    g.add((cc, RDF.type, PG.Comparison))
    g.add((cc, PG.child, doc_iri(c.child, base)))
    g.add((cc, PG.parent, doc_iri(c.parent, base)))
    g.add((cc, PG.via, Literal(c.via)))
    g.add((cc, PG.reuseShare, Literal(_decimal(c.reuse["share"]), datatype=XSD.decimal)))
    for prop, concepts in ((PG.inheritsMeasure, c.inherited), (PG.addsMeasure, c.added),
                           (PG.dropsMeasure, c.dropped)):
        for concept in concepts:
            g.add((cc, prop, ns[concept]))
    for ch in c.changes:
        if ch["kind"] == "target":
            x = URIRef(f"{base}change/{_hash(key + '|target|' + ch['indicator'])}")
            g.add((x, RDF.type, PG.TargetChange))
            g.add((x, PG.indicator, Literal(ch["indicator"])))
            g.add((x, PG.unit, Literal(ch["parent"]["unit"])))
            g.add((x, PG.parentValue, Literal(_decimal(ch["parent"]["value"]), datatype=XSD.decimal)))
            g.add((x, PG.childValue, Literal(_decimal(ch["child"]["value"]), datatype=XSD.decimal)))
            g.add((x, PG.parentComparator, Literal(ch["parent"]["comparator"])))
            g.add((x, PG.childComparator, Literal(ch["child"]["comparator"])))
        elif ch["kind"] == "deadline":
            x = URIRef(f"{base}change/{_hash(key + '|deadline|' + ch['concept'])}")
            g.add((x, RDF.type, PG.DeadlineChange))
            g.add((x, PG.concept, ns[ch["concept"]]))
            g.add((x, PG.parentDeadline, Literal(ch["parent"]["date"], datatype=XSD.date)))
            g.add((x, PG.childDeadline, Literal(ch["child"]["date"], datatype=XSD.date)))
            if ch["days"] is not None:
                g.add((x, PG.days, Literal(ch["days"])))
        else:
            continue
        g.add((x, PG.direction, Literal(ch["direction"])))
        g.add((cc, PG.hasChange, x))


def _add_node(g: Graph, n: Node, base: str, places: set[str], authorities: set[str]) -> None:
    d = doc_iri(n.id, base)
    g.add((d, RDF.type, PG.PolicyDocument))
    g.add((d, RDF.type, {"document": PG.CorpusDocument, "embedded": PG.EmbeddedDocument}.get(
        n.kind, PG.CitedDocument)))
    if n.kind == "embedded":
        g.add((d, RDF.type, PG.CorpusDocument))
    g.add((d, PG.inCorpus, Literal(n.in_corpus)))
    if n.number:
        g.add((d, ELI.id_local, Literal(n.number)))
    if n.issuer_code:
        g.add((d, PG.issuerCode, Literal(n.issuer_code)))
    for t in n.titles or ((n.title,) if n.title else ()):
        g.add((d, DCTERMS.title, Literal(t, lang="zh")))
    if n.title:
        g.add((d, RDFS.label, Literal(n.number + " " + n.title if n.number else n.title, lang="zh")))
    elif n.number:
        g.add((d, RDFS.label, Literal(n.number, lang="zh")))
    if n.date:
        g.add((d, ELI.date_document, Literal(n.date, datatype=XSD.date)))
    if n.year:
        g.add((d, PG.year, Literal(n.year)))
    if n.level in LEVEL:
        g.add((d, PG.level, LEVEL[n.level]))
    if n.jurisdiction:
        places.add(n.jurisdiction)
        g.add((d, ELI.jurisdiction, _place_iri(n.jurisdiction, base)))
    names = n.issuers or ((n.authority,) if n.authority else ())
    for name in names:
        authorities.add(name)
        g.add((d, ELI.passed_by, _authority_iri(name, base)))
    for src in n.sources:
        g.add((d, PG.sourceFile, Literal(src)))
    for host in n.embedded_in:
        g.add((d, PG.isEmbeddedIn, doc_iri(host, base)))
        g.add((d, ELI.is_part_of, doc_iri(host, base)))


def _broader(name: str) -> str | None:
    """The next jurisdiction up: 江苏省淮安市 → 江苏省 → 中华人民共和国."""
    if name == NATION:
        return None
    m = re.match(r"^(.+?(?:省|自治区))?(.+?市)(.+?(?:县|区|旗|市))$", name)
    if m and m.group(1):
        return m.group(1) + m.group(2)
    prov = province_of(name)
    return prov if prov and prov != name else NATION


def _add_place(g: Graph, name: str, base: str) -> None:
    while name:
        p = _place_iri(name, base)
        g.add((p, RDF.type, PG.Jurisdiction))
        g.add((p, SKOS.prefLabel, Literal(name, lang="zh")))
        up = _broader(name)
        if up:
            g.add((p, SKOS.broader, _place_iri(up, base)))
        name = up  # type: ignore[assignment]


def parent_organ(name: str) -> str | None:
    """The organ an office belongs to: 国务院办公厅 → 国务院, 中共江门市委办公室 → 中共江门市委."""
    m = re.match(r"^(中共.+委|中共中央|.*?人民政府|国务院)办公[厅室]$", name)
    return m.group(1) if m else None


def _add_authority(g: Graph, name: str, base: str) -> None:
    while name:
        a = _authority_iri(name, base)
        g.add((a, RDF.type, PG.Authority))
        g.add((a, RDF.type, ORG.Organization))
        g.add((a, SKOS.prefLabel, Literal(name, lang="zh")))
        parent = parent_organ(name)
        if parent:
            g.add((a, ORG.subOrganizationOf, _authority_iri(parent, base)))
        name = parent  # type: ignore[assignment]


def _add_edge(g: Graph, e: Edge, linked: Linked, base: str) -> None:
    s, t = doc_iri(e.source, base), doc_iri(e.target, base)
    prop = RELATION_PROPERTY.get(e.relation, PG.cites)
    g.add((s, prop, t))
    for sup in SUPER.get(e.relation, ()):
        g.add((s, sup, t))
    c = _citation_iri(e, base)
    g.add((c, RDF.type, PG.Citation))
    g.add((c, PG.citing, s))
    g.add((c, PG.cited, t))
    g.add((c, PG.relation, prop))
    g.add((c, PG.foundBy, Literal(e.via)))
    g.add((c, PG.confidence, Literal(_decimal(e.confidence), datatype=XSD.decimal)))
    g.add((c, PG.mentions, Literal(e.mentions)))
    if e.evidence:
        g.add((c, PG.evidence, Literal(e.evidence, lang="zh")))
    if e.reason:
        g.add((c, PG.reason, Literal(e.reason)))
    if e.start is not None and e.end is not None:
        g.add((c, PG.start, Literal(e.start)))
        g.add((c, PG.end, Literal(e.end)))
    if e.origin:
        g.add((c, DCTERMS.source, Literal(e.origin)))
    g.add((c, PROV.wasDerivedFrom, s))
    if linked.nodes[e.target].kind in ("cited", "title") and e.stated:
        g.add((t, PROV.wasDerivedFrom, s))  # what we know of a cited-only document comes from s
    lag = days_between(linked.nodes[e.source].date, linked.nodes[e.target].date)
    if lag is not None:
        g.add((c, PG.lagDays, Literal(lag)))


_IRI_TERM = re.compile(r"^<([^>]*)>$")
_SAFE_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def turtle_from_ntriples(lines: list[str], prefixes: dict[str, str]) -> str:
    """Turtle from sorted N-Triples lines: triples grouped by subject, well-known IRIs written
    as prefixed names where the local part is plainly safe, every other term as in N-Triples
    (which Turtle accepts as is). Much faster than rdflib's Turtle writer, and deterministic."""
    by_ns = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))

    def term(t: str) -> str:
        m = _IRI_TERM.match(t)
        if not m:
            return t
        iri = m.group(1)
        if iri == str(RDF.type):
            return "a"
        for p, ns in by_ns:
            if iri.startswith(ns) and _SAFE_LOCAL.match(iri[len(ns):]):
                return f"{p}:{iri[len(ns):]}"
        return t

    out = [f"@prefix {p}: <{ns}> ." for p, ns in sorted(prefixes.items())]
    current = None
    for line in lines:
        s, rest = line.split(" ", 1)
        p, o = rest[:-2].split(" ", 1)  # each line ends with " ."
        if s != current:
            if current is not None:
                out[-1] += " ."
            out.append("")
            out.append(term(s))
            current = s
        else:
            out[-1] += " ;"
        out.append(f"    {term(p)} {term(o)}")
    if current is not None:
        out[-1] += " ."
    return "\n".join(out) + "\n"


def write_rdf(g: Graph, ttl: Path, nt: Path | None = None) -> None:
    """N-Triples, sorted, and Turtle written from them (both byte-identical for the same graph)."""
    lines = sorted({line for line in g.serialize(format="nt").splitlines() if line.strip()})
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    prefixes["rdf"] = str(RDF)
    ttl.write_text(turtle_from_ntriples(lines, prefixes), encoding="utf-8", newline="\n")
    if nt is not None:
        nt.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def ontology_text(name: str = "policygraph.ttl") -> str:
    return resources.files("policygraph.ontology").joinpath(name).read_text(encoding="utf-8")


def validate(data: Graph) -> tuple[bool, str]:
    """Validate a build's data against the shipped SHACL shapes (pySHACL, no inference).

    Builds type every resource with all its classes (a pg:CitedDocument is also a
    pg:PolicyDocument), so no ontology needs to be mixed in and the graph is checked in place."""
    from pyshacl import validate as shacl_validate

    shapes = Graph().parse(data=ontology_text("shapes.ttl"), format="turtle")
    conforms, _graph, text = shacl_validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=False, inplace=True,
    )
    return bool(conforms), str(text)
