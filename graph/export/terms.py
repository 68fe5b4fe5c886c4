"""The vocabulary and the spelling of RDF terms: namespaces, stable IRIs, N-Triples literals.

IRIs are readable and stable across builds: a document with a number lives at
`{base}doc/{code}/{year}/{serial}` (国办发〔2003〕40号 → …/doc/国办发/2003/40), an order at
`{base}doc/{organ}令/{serial}`; documents known only by title or source file get a hash of
that title or path. Triples are made as strings already in N-Triples syntax, which is several
times faster than making rdflib terms and serialising them.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SKOS

from policygraph.extract.numbers import parse_canonical
from policygraph.models import RANKS, VALIDITY, Edge

PG = Namespace("https://w3id.org/policygraph/ns#")


ELI = Namespace("http://data.europa.eu/eli/ontology#")


DEFAULT_BASE = "https://w3id.org/policygraph/id/"


RELATION_PROPERTY = {
    "cites": PG.cites, "implements": PG.implements, "forwards": PG.forwards,
    "issues": PG.issues, "based_on": PG.basedOn, "amends": PG.amends, "repeals": PG.repeals,
    "probably-implements": PG.probablyImplements,
}


#: Super-properties materialised beside each relation (the ontology's sub-property axioms).
SUPER = {
    "cites": (ELI.cites,),
    "implements": (ELI.ensures_implementation_of, PG.inheritsFrom, ELI.cites),
    "forwards": (ELI.ensures_implementation_of, PG.inheritsFrom, ELI.cites),
    "issues": (ELI.has_annex, PG.inheritsFrom, ELI.cites),
    "based_on": (ELI.based_on, PG.inheritsFrom, ELI.cites),
    "amends": (ELI.amends, ELI.cites),
    "repeals": (ELI.repeals, ELI.cites),
    "probably-implements": (PG.probablyInheritsFrom,),
}


LEVEL = {"national": PG.national, "provincial": PG.provincial,
         "municipal": PG.municipal, "county": PG.county}


#: The concepts of the ontology's schemes by the record's ids: 效力级别 (models.RANKS), 时效性
#: (models.VALIDITY) and what made a version (原文, 修正, 修订).
RANK = {r: PG[f"Rank-{r}"] for r in RANKS}
VALIDITY_CONCEPT = {v: PG[f"Validity-{v}"] for v in VALIDITY}
VERSION_KIND = {k: PG[f"Version-{k}"] for k in ("original", "amended", "revised")}
#: ELI's coarser in-force value for each validity: a version a later one replaced is no longer
#: the text in force, and one not yet in force is not in force either.
IN_FORCE = {v: ELI["InForce-inForce" if v == "in_force" else "InForce-notInForce"] for v in VALIDITY}


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


def segment(s: str) -> str:
    """A path segment that keeps Han characters readable and escapes everything unsafe."""
    return "".join(ch if ord(ch) > 127 and ch.isalnum() else quote(ch, safe="") for ch in s)


def short_hash(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:16]


def doc_iri(node_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """The stable IRI of a document node id (a number, `title:…` or `src:…`)."""
    dn = parse_canonical(node_id)
    if dn is not None:
        tail = f"{segment(dn.code)}/{dn.serial}" if dn.year is None else \
            f"{segment(dn.code)}/{dn.year}/{dn.serial}"
        return URIRef(f"{base}doc/{tail}")
    if node_id.startswith("title:"):
        return URIRef(f"{base}doc/title/{short_hash(node_id[6:])}")
    if "#" in node_id and parse_canonical(node_id.split("#")[0]) is None:
        return URIRef(f"{base}doc/part/{short_hash(node_id)}")
    return URIRef(f"{base}doc/src/{short_hash(node_id)}")


@lru_cache(maxsize=1 << 16)
def doc_t(node_id: str, base: str) -> str:
    """doc_iri in N-Triples syntax. Cached: a document's IRI is spelt for every citation,
    comparison and measure that names it (a bounded cache: memory does not grow with a corpus)."""
    return f"<{doc_iri(node_id, base)}>"


def place_iri(name: str, base: str, code: str | None = None) -> URIRef:
    """A place by its GB/T 2260 code when the gazetteer knows it (…/place/320800), else by name."""
    return URIRef(f"{base}place/{code}" if code else f"{base}place/{segment(name)}")


def work_iri(work: str, base: str) -> URIRef:
    """The work (the abstract act its dated versions realise) a node's `work` names."""
    return URIRef(f"{base}work/{short_hash(work)}")


def validity_iri(node_id: str, base: str) -> URIRef:
    """The validity assessment of a node (its status on the build's date, with evidence)."""
    return URIRef(f"{base}validity/{short_hash(node_id)}")


def authority_iri(name: str, base: str) -> URIRef:
    return URIRef(f"{base}authority/{segment(name)}")


def citation_iri(e: Edge, base: str) -> URIRef:
    return URIRef(f"{base}citation/{short_hash(e.source + '→' + e.target)}")


@lru_cache(maxsize=4096)  # shares and target values: a few hundred distinct values
def decimal_form(x: float) -> str:
    """Canonical xsd:decimal lexical form (1, 0.9, 0.85), as every store writes it back."""
    return format(Decimal(str(round(x, 2))).normalize(), "f")


Triple = tuple[str, str, str]  # subject, predicate, object, each already in N-Triples syntax


class Terms:
    """IRIs of one namespace in N-Triples syntax: `Terms(PG).cites` is '<…#cites>'."""

    def __init__(self, ns: str) -> None:
        self._ns = str(ns)

    def __getattr__(self, name: str) -> str:
        term = f"<{self._ns}{name}>"
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> str:
        return f"<{self._ns}{name}>"


P, E, DC, PV, SK, OG = (Terms(str(ns)) for ns in (PG, ELI, DCTERMS, PROV, SKOS, ORG))
A = f"<{RDF.type}>"


LABEL = f"<{RDFS.label}>"


LEVEL_T = {lv: f"<{iri}>" for lv, iri in LEVEL.items()}


RANK_T = {k: f"<{v}>" for k, v in RANK.items()}


VALIDITY_T = {k: f"<{v}>" for k, v in VALIDITY_CONCEPT.items()}


VERSION_KIND_T = {k: f"<{v}>" for k, v in VERSION_KIND.items()}


IN_FORCE_T = {k: f"<{v}>" for k, v in IN_FORCE.items()}


RELATION_T = {k: f"<{v}>" for k, v in RELATION_PROPERTY.items()}


SUPER_T = {k: tuple(f"<{v}>" for v in vs) for k, vs in SUPER.items()}


_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


XSD_T = {name: f"<{XSD}{name}>" for name in ("integer", "decimal", "boolean", "date")}


def literal(text: str) -> str:
    """A plain (xsd:string) literal."""
    return f'"{text.translate(_ESCAPE)}"'


def zh(text: str) -> str:
    return f'"{text.translate(_ESCAPE)}"@zh'


def integer(n: int) -> str:
    return f'"{int(n)}"^^{XSD_T["integer"]}'


def decimal(x: float) -> str:
    return f'"{decimal_form(x)}"^^{XSD_T["decimal"]}'


def date(d: str) -> str:
    return f'"{d.translate(_ESCAPE)}"^^{XSD_T["date"]}'


def boolean(b: bool) -> str:
    return f'"{"true" if b else "false"}"^^{XSD_T["boolean"]}'


def iri(value: str) -> str:
    return f"<{value}>"


def ontology_text(name: str = "policygraph.ttl") -> str:
    return resources.files("policygraph.ontology").joinpath(name).read_text(encoding="utf-8")
