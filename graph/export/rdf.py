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
import pickle
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache, partial
from importlib import resources
from itertools import groupby
from pathlib import Path
from typing import Protocol
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SKOS

from policygraph import __version__
from policygraph.corpus.analytics import days_between, province_of
from policygraph.corpus.compare import Comparison, heads_of
from policygraph.corpus.link import Linked
from policygraph.extract.measures import load_scheme
from policygraph.extract.numbers import parse_canonical
from policygraph.models import NATION, Edge, Measures, Node

PG = Namespace("https://w3id.org/policygraph/ns#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
DEFAULT_BASE = "https://w3id.org/policygraph/id/"

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


def check_iri(iri: str, what: str = "base IRI") -> str:
    """`iri` if it is an absolute IRI, else ValueError saying why. The build writes IRIs made
    from a user's base into graph.nt, and the store's loader refuses an invalid one only after
    extraction; checking first turns that late crash into a clear message."""
    try:
        ox.NamedNode(iri)
    except ValueError as e:
        raise ValueError(f"{what} {iri!r} is not an absolute IRI: {e}") from None
    return iri


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


@lru_cache(maxsize=1 << 16)
def _doc_t(node_id: str, base: str) -> str:
    """doc_iri in N-Triples syntax. Cached: a document's IRI is spelt for every citation,
    comparison and measure that names it (a bounded cache: memory does not grow with a corpus)."""
    return f"<{doc_iri(node_id, base)}>"


def _place_iri(name: str, base: str) -> URIRef:
    return URIRef(f"{base}place/{_segment(name)}")


def _authority_iri(name: str, base: str) -> URIRef:
    return URIRef(f"{base}authority/{_segment(name)}")


def _citation_iri(e: Edge, base: str) -> URIRef:
    return URIRef(f"{base}citation/{_hash(e.source + '→' + e.target)}")


@lru_cache(maxsize=4096)  # shares and target values: a few hundred distinct values
def _decimal(x: float) -> str:
    """Canonical xsd:decimal lexical form (1, 0.9, 0.85), as every store writes it back."""
    return format(Decimal(str(round(x, 2))).normalize(), "f")


Triple = tuple[str, str, str]  # subject, predicate, object, each already in N-Triples syntax


class _Terms:
    """IRIs of one namespace in N-Triples syntax: `_Terms(PG).cites` is '<…#cites>'."""

    def __init__(self, ns: str) -> None:
        self._ns = str(ns)

    def __getattr__(self, name: str) -> str:
        term = f"<{self._ns}{name}>"
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> str:
        return f"<{self._ns}{name}>"


P, E, DC, PV, SK, OG = (_Terms(ns) for ns in (PG, ELI, DCTERMS, PROV, SKOS, ORG))
A = f"<{RDF.type}>"
LABEL = f"<{RDFS.label}>"
_LEVEL_T = {lv: f"<{iri}>" for lv, iri in LEVEL.items()}
_RELATION_T = {k: f"<{v}>" for k, v in RELATION_PROPERTY.items()}
_SUPER_T = {k: tuple(f"<{v}>" for v in vs) for k, vs in SUPER.items()}
_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_XSD = {name: f"<{XSD}{name}>" for name in ("integer", "decimal", "boolean", "date")}


def _s(text: str) -> str:
    """A plain (xsd:string) literal."""
    return f'"{text.translate(_ESCAPE)}"'


def _zh(text: str) -> str:
    return f'"{text.translate(_ESCAPE)}"@zh'


def _int(n: int) -> str:
    return f'"{int(n)}"^^{_XSD["integer"]}'


def _dec(x: float) -> str:
    return f'"{_decimal(x)}"^^{_XSD["decimal"]}'


def _date(d: str) -> str:
    return f'"{d.translate(_ESCAPE)}"^^{_XSD["date"]}'


def _bool(b: bool) -> str:
    return f'"{"true" if b else "false"}"^^{_XSD["boolean"]}'


def _iri(iri: str) -> str:
    return f"<{iri}>"


@dataclass(frozen=True)
class Block:
    """A block of triples, made only when asked: `key`, when set, names everything the triples
    depend on, so a writer can copy an unchanged block from the previous build instead."""

    key: int | None
    make: Callable[[], list[Triple]]


#: Bump when the triples made for the same input change in a way the version does not capture.
RDF_FORMAT = 1


def _key(*parts: object) -> int:
    data = pickle.dumps((__version__, RDF_FORMAT, parts), protocol=5)
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def iter_blocks(
    linked: Linked,
    base: str = DEFAULT_BASE,
    measures: Mapping[str, Measures] | None = None,
    comparisons: Sequence[Comparison] = (),
    scheme: str | None = None,
    comparison_keys: Sequence[int] | None = None,
) -> Iterator[Block]:
    """The linked corpus as N-Triples, one block of triples at a time (one document, one
    citation, one comparison …), in a fixed order, so a writer never holds the whole graph.

    With `measures` (by node id) and `comparisons`, also what each document sets and what
    travels down each edge, linked to the measure scheme's concepts (copied in). Measures
    from a MeasureIndex are keyed by their packed record's digest, so they are not decoded
    to tell that they did not change; comparisons are keyed by `comparison_keys` when given (a
    key per comparison naming all it was made from, see memo.pair_key), else by their content."""
    if not base.endswith(("/", "#")):
        base += "/"
    yield Block(_key("levels"), _levels)
    places: set[str] = set()
    authorities: set[str] = set()
    for node_id in sorted(linked.nodes):
        n = linked.nodes[node_id]
        if n.jurisdiction:
            places.add(n.jurisdiction)
        authorities.update(n.issuers or ((n.authority,) if n.authority else ()))
        yield Block(_key("node", base, n), partial(_node, n, base))
    yield Block(_key("places", base, sorted(places)), partial(_places, places, base))
    yield Block(_key("authorities", base, sorted(authorities)), partial(_authorities, authorities, base))
    # Edges (and below, comparisons) between the same two documents share IRIs and super-property
    # triples, so they form one block: no triple is then in two blocks, and a store can be
    # updated block by block (store.sync_store).
    edges = sorted(linked.edges, key=lambda e: (e.source, e.target, e.relation))
    for (source, target), group in groupby(edges, key=lambda e: (e.source, e.target)):
        same = tuple(group)
        ends = (linked.nodes[target].kind, linked.nodes[source].date, linked.nodes[target].date)
        yield Block(_key("edges", base, same, ends), partial(_edges, same, linked, base))
    if measures:
        sch = load_scheme(scheme)
        ns = _Terms(sch.namespace)
        yield Block(_key("scheme", _scheme_text(scheme)), partial(_scheme_triples, scheme))
        digest = getattr(measures, "digest", None)
        for node_id in sorted(measures):
            if node_id in linked.nodes:
                key = _key("measures", base, sch.namespace, node_id, digest(node_id)) if digest else None
                yield Block(key, partial(_node_measures, node_id, measures, ns, base))
        heads = heads_of(comparisons)
        order = sorted(range(len(heads)), key=heads.__getitem__)
        for _pair, group in groupby(order, key=lambda i: heads[i][:2]):
            at = tuple(group)
            made_of = tuple(comparisons[i] for i in at) if comparison_keys is None else \
                tuple(comparison_keys[i] for i in at)
            yield Block(_key("comparisons", base, sch.namespace, made_of),
                        partial(_comparisons, comparisons, at, ns, base))


def _levels() -> list[Triple]:  # levels are data, so queries can rank them
    return [t for i, (lv, iri) in enumerate(_LEVEL_T.items())
            for t in ((iri, A, P.AdministrativeLevel), (iri, P.rank, _int(i)), (iri, SK.notation, _s(lv)))]


def _edges(edges: tuple[Edge, ...], linked: Linked, base: str) -> list[Triple]:
    return [t for e in edges for t in _edge(e, linked, base)]


def _node_measures(node_id: str, measures: Mapping[str, Measures], ns: _Terms, base: str) -> list[Triple]:
    return _measures(_doc_t(node_id, base), node_id, measures[node_id], ns, base)


def _comparisons(cs: Sequence[Comparison], at: tuple[int, ...], ns: _Terms, base: str) -> list[Triple]:
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


def _measures(d: str, node_id: str, m: Measures, ns: _Terms, base: str) -> list[Triple]:
    out: list[Triple] = []
    add = out.append
    for x in m.measures:
        mm = _iri(f"{base}measure/{_hash(node_id + '|' + x['concept'] + '|' + x['provision'])}")
        add((d, P.setsMeasure, mm))
        add((mm, A, P.MeasureMention))
        add((mm, P.concept, ns[x["concept"]]))
        add((mm, P.provision, _s(x["provision"])))
        add((mm, P.evidence, _zh(x["text"])))
        for dl in x["deadlines"]:
            if dl.get("date"):
                add((mm, P.deadline, _date(dl["date"])))
            add((mm, P.deadlineText, _s(dl["text"])))
        for a in x["agencies"]:
            add((mm, P.agency, _s(a)))
    for t in m.targets:
        tt = _iri(f"{base}target/{_hash(node_id + '|' + t['text'] + '|' + str(t['start']))}")
        add((d, P.setsTarget, tt))
        add((tt, A, P.Target))
        if t.get("indicator"):
            add((tt, P.indicator, _s(t["indicator"])))
        add((tt, P.value, _dec(t["value"])))
        add((tt, P.unit, _s(t["unit"])))
        add((tt, P.comparator, _s(t["comparator"])))
        add((tt, P.provision, _s(t["provision"])))
        add((tt, P.evidence, _zh(t["text"])))
        if t.get("year"):
            add((tt, P.targetYear, _int(t["year"])))
    return out


def _comparison(c: Comparison, ns: _Terms, base: str) -> list[Triple]:
    key = c.child + "→" + c.parent
    cc = _iri(f"{base}comparison/{_hash(key)}")
    out: list[Triple] = [
        (cc, A, P.Comparison),
        (cc, P.child, _doc_t(c.child, base)),
        (cc, P.parent, _doc_t(c.parent, base)),
        (cc, P.via, _s(c.via)),
        (cc, P.reuseShare, _dec(c.reuse["share"])),
    ]
    add = out.append
    for prop, concepts in ((P.inheritsMeasure, c.inherited), (P.addsMeasure, c.added),
                           (P.dropsMeasure, c.dropped)):
        for concept in concepts:
            add((cc, prop, ns[concept]))
    for ch in c.changes:
        if ch["kind"] == "target":
            x = _iri(f"{base}change/{_hash(key + '|target|' + ch['indicator'])}")
            add((x, A, P.TargetChange))
            add((x, P.indicator, _s(ch["indicator"])))
            add((x, P.unit, _s(ch["parent"]["unit"])))
            add((x, P.parentValue, _dec(ch["parent"]["value"])))
            add((x, P.childValue, _dec(ch["child"]["value"])))
            add((x, P.parentComparator, _s(ch["parent"]["comparator"])))
            add((x, P.childComparator, _s(ch["child"]["comparator"])))
        elif ch["kind"] == "deadline":
            x = _iri(f"{base}change/{_hash(key + '|deadline|' + ch['concept'])}")
            add((x, A, P.DeadlineChange))
            add((x, P.concept, ns[ch["concept"]]))
            add((x, P.parentDeadline, _date(ch["parent"]["date"])))
            add((x, P.childDeadline, _date(ch["child"]["date"])))
            if ch["days"] is not None:
                add((x, P.days, _int(ch["days"])))
        else:
            continue
        add((x, P.direction, _s(ch["direction"])))
        add((cc, P.hasChange, x))
    return out


def _node(n: Node, base: str) -> list[Triple]:
    d = _doc_t(n.id, base)
    out: list[Triple] = [
        (d, A, P.PolicyDocument),
        (d, A, {"document": P.CorpusDocument, "embedded": P.EmbeddedDocument}.get(n.kind, P.CitedDocument)),
        (d, P.inCorpus, _bool(n.in_corpus)),
    ]
    add = out.append
    if n.kind == "embedded":
        add((d, A, P.CorpusDocument))
    if n.number:
        add((d, E.id_local, _s(n.number)))
    if n.issuer_code:
        add((d, P.issuerCode, _s(n.issuer_code)))
    for t in n.titles or ((n.title,) if n.title else ()):
        add((d, DC.title, _zh(t)))
    if n.title:
        add((d, LABEL, _zh(n.number + " " + n.title if n.number else n.title)))
    elif n.number:
        add((d, LABEL, _zh(n.number)))
    if n.date:
        add((d, E.date_document, _date(n.date)))
    if n.year:
        add((d, P.year, _int(n.year)))
    if n.level in _LEVEL_T:
        add((d, P.level, _LEVEL_T[n.level]))
    if n.jurisdiction:
        add((d, E.jurisdiction, _iri(str(_place_iri(n.jurisdiction, base)))))
    for name in n.issuers or ((n.authority,) if n.authority else ()):
        add((d, E.passed_by, _iri(str(_authority_iri(name, base)))))
    for src in n.sources:
        add((d, P.sourceFile, _s(src)))
    for host in n.embedded_in:
        h = _doc_t(host, base)
        add((d, P.isEmbeddedIn, h))
        add((d, E.is_part_of, h))
    return out


def _broader(name: str) -> str | None:
    """The next jurisdiction up: 江苏省淮安市 → 江苏省 → 中华人民共和国."""
    if name == NATION:
        return None
    m = re.match(r"^(.+?(?:省|自治区))?(.+?市)(.+?(?:县|区|旗|市))$", name)
    if m and m.group(1):
        return m.group(1) + m.group(2)
    prov = province_of(name)
    return prov if prov and prov != name else NATION


def _places(names: set[str], base: str) -> list[Triple]:
    out: list[Triple] = []
    done: set[str] = set()
    for name in sorted(names):
        while name and name not in done:
            done.add(name)
            p = _iri(str(_place_iri(name, base)))
            out += [(p, A, P.Jurisdiction), (p, SK.prefLabel, _zh(name))]
            up = _broader(name)
            if up:
                out.append((p, SK.broader, _iri(str(_place_iri(up, base)))))
            name = up  # type: ignore[assignment]
    return out


def parent_organ(name: str) -> str | None:
    """The organ an office belongs to: 国务院办公厅 → 国务院, 中共江门市委办公室 → 中共江门市委."""
    m = re.match(r"^(中共.+委|中共中央|.*?人民政府|国务院)办公[厅室]$", name)
    return m.group(1) if m else None


def _authorities(names: set[str], base: str) -> list[Triple]:
    out: list[Triple] = []
    done: set[str] = set()
    for name in sorted(names):
        while name and name not in done:
            done.add(name)
            a = _iri(str(_authority_iri(name, base)))
            out += [(a, A, P.Authority), (a, A, OG.Organization), (a, SK.prefLabel, _zh(name))]
            parent = parent_organ(name)
            if parent:
                out.append((a, OG.subOrganizationOf, _iri(str(_authority_iri(parent, base)))))
            name = parent  # type: ignore[assignment]
    return out


def _edge(e: Edge, linked: Linked, base: str) -> list[Triple]:
    s, t = _doc_t(e.source, base), _doc_t(e.target, base)
    prop = _RELATION_T.get(e.relation, P.cites)
    c = _iri(str(_citation_iri(e, base)))
    out: list[Triple] = [(s, prop, t)]
    out += [(s, sup, t) for sup in _SUPER_T.get(e.relation, ())]
    out += [
        (c, A, P.Citation), (c, P.citing, s), (c, P.cited, t), (c, P.relation, prop),
        (c, P.foundBy, _s(e.via)), (c, P.confidence, _dec(e.confidence)),
        (c, P.mentions, _int(e.mentions)), (c, PV.wasDerivedFrom, s),
    ]
    add = out.append
    if e.evidence:
        add((c, P.evidence, _zh(e.evidence)))
    if e.reason:
        add((c, P.reason, _s(e.reason)))
    if e.start is not None and e.end is not None:
        add((c, P.start, _int(e.start)))
        add((c, P.end, _int(e.end)))
    if e.origin:
        add((c, DC.source, _s(e.origin)))
    if linked.nodes[e.target].kind in ("cited", "title") and e.stated:
        add((t, PV.wasDerivedFrom, s))  # what we know of a cited-only document comes from s
    lag = days_between(linked.nodes[e.source].date, linked.nodes[e.target].date)
    if lag is not None:
        add((c, P.lagDays, _int(lag)))
    return out


_SAFE_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


class _TurtleTerms:
    """Turtle spelling of N-Triples terms: well-known IRIs as prefixed names where the local
    part is plainly safe, everything else as in N-Triples (which Turtle accepts as is)."""

    #: Typed literals remembered (their datatype shortened): numbers, dates and shares repeat.
    MAX_KNOWN = 1 << 16

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self._by_ns = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
        self.starts = tuple("<" + ns for ns in prefixes.values())
        self.known: dict[str, str] = {A: "a"}

    def __call__(self, t: str) -> str:
        known = self.known.get(t)
        if known is not None:
            return known
        if t[0] == '"':
            if t[-1] != ">":  # a plain or language-tagged literal: no IRI to shorten
                return t
            head, sep, dt = t.rpartition("^^")
            short = f"{head}^^{self(dt)}" if sep and dt.startswith(self.starts) else t
            if len(self.known) < self.MAX_KNOWN:
                self.known[t] = short
            return short
        if not t.startswith(self.starts):  # the corpus's own IRIs
            return t
        iri, short = t[1:-1], t
        for p, ns in self._by_ns:
            if iri.startswith(ns) and _SAFE_LOCAL.match(iri[len(ns):]):
                short = f"{p}:{iri[len(ns):]}"
                break
        self.known[t] = short  # vocabulary terms: a small, bounded set
        return short


@dataclass(frozen=True)
class Written:
    """What write_rdf wrote: the triple count; where each block lies in the N-Triples file
    (digest, offset, length: three unsigned 64-bit numbers a block), so the next build can
    tell which blocks changed and update a store by those alone; and for each keyed block
    (key, N-Triples offset and length, Turtle offset and length, triples, digest), so the next
    build can copy the blocks whose key it finds (memo.PreviousRdf)."""

    triples: int
    blocks: array
    keyed: array


def block_digest(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


class Reusable(Protocol):
    def locate(self, key: int) -> tuple[int, int, int, int, int, int] | None: ...
    def read(self, o: int, n: int, to: int, tn: int) -> tuple[bytes, bytes]: ...


#: Bytes of unchanged blocks copied from the previous files in one read.
COPY_RUN = 8 << 20


def write_rdf(blocks: Iterable[Block], ttl: Path, nt: Path, extra_prefixes: Mapping[str, str] | None = None,
              previous: Reusable | None = None, tee: Callable[[bytes], None] | None = None) -> Written:
    """Stream blocks of triples to N-Triples and Turtle at once.

    Each block is de-duplicated and sorted, and blocks come in a fixed order, so both files are
    byte-identical for the same input while only one block is ever held in memory. A keyed
    block that `previous` holds is copied from there, not made. `tee` is given the N-Triples
    too as they are written, in whole lines (a store loading them meanwhile)."""
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    prefixes["rdf"] = str(RDF)
    prefixes.update(extra_prefixes or {})
    term = _TurtleTerms(prefixes)
    head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes.items())).encode("utf-8")
    count = offset = 0
    t_offset = len(head)
    index, keyed = array("Q"), array("Q")
    run = [0, 0, 0, 0]  # unchanged blocks lying one after another in the previous files
    with nt.open("wb", buffering=1 << 20) as fn, ttl.open("wb", buffering=1 << 20) as ft:
        def write(data: bytes, turtle: bytes) -> None:
            fn.write(data)
            ft.write(turtle)
            if tee is not None:
                tee(data)

        def flush() -> None:
            if run[1] or run[3]:
                write(*previous.read(*run))  # type: ignore[union-attr]
            run[:] = [0, 0, 0, 0]

        ft.write(head)
        for block in blocks:
            hit = previous.locate(block.key) if previous is not None and block.key is not None else None
            if hit is not None:
                o, size, to, t_size, n, digest = hit
                if not n:
                    continue
                if (o != run[0] + run[1] or to != run[2] + run[3] or run[1] + size > COPY_RUN):
                    flush()
                    run[0], run[2] = o, to
                run[1] += size
                run[3] += t_size
            else:
                triples = sorted(set(block.make()))
                n = len(triples)
                if not n:
                    continue
                flush()
                data = "".join(f"{s} {p} {o} .\n" for s, p, o in triples).encode("utf-8")
                turtle = _turtle(triples, term).encode("utf-8")
                digest = block_digest(data)
                size, t_size = len(data), len(turtle)
                write(data, turtle)
            count += n
            index.extend((digest, offset, size))
            if block.key is not None:
                keyed.extend((block.key, offset, size, t_offset, t_size, n, digest))
            offset += size
            t_offset += t_size
        flush()
    return Written(count, index, keyed)


def _turtle(triples: list[Triple], term: _TurtleTerms) -> str:
    # The common cases of term() inlined: this runs for every triple of a build.
    get, starts = term.known.get, term.starts
    out: list[str] = []
    add = out.append
    current = None
    for s, p, o in triples:
        pt = get(p) or term(p)
        ot = get(o)
        if ot is None:
            ot = term(o) if (o[-1] == ">" if o[0] == '"' else o.startswith(starts)) else o
        if s != current:
            if current is not None:
                add(" .\n")
            add(f"\n{term(s)}\n    {pt} {ot}")
            current = s
        else:
            add(f" ;\n    {pt} {ot}")
    if current is not None:
        add(" .\n")
    return "".join(out)


def ontology_text(name: str = "policygraph.ttl") -> str:
    return resources.files("policygraph.ontology").joinpath(name).read_text(encoding="utf-8")


def load_shapes() -> Graph:
    return Graph().parse(data=ontology_text("shapes.ttl"), format="turtle")


def validate(data: Graph | ox.Store, jobs: int = 1,
             changed: Iterable[str] | None = None) -> tuple[bool, str]:
    """Validate a build's data against the shipped SHACL shapes: (conforms, report text).

    The shapes are compiled to SPARQL and run on Oxigraph (graph/shacl.py), which scales to
    builds pySHACL cannot finish. Builds type every resource with all its classes (a
    pg:CitedDocument is also a pg:PolicyDocument), so no ontology needs to be mixed in. With
    `changed`, a store that conformed before is checked only where those IRIs' changes reach."""
    from policygraph.export.shacl import validate_store

    if isinstance(data, Graph):
        store = ox.Store()
        store.load(data.serialize(format="nt").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        data = store
    return validate_store(data, load_shapes(), jobs, changed)
