"""The measure scheme: policy tools as SKOS concepts, with the Chinese terms that name them.

The shipped scheme is `ontology/measures.ttl`; a user may pass their own SKOS file of the same
shape. Its terms are what the tokenizer keeps whole (words.py) and what concepts_in looks for.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Concept:
    id: str  # the part after the scheme namespace, e.g. tax-relief
    label: str  # zh prefLabel
    label_en: str
    group: str  # supply | demand | environment
    terms: tuple[str, ...]  # prefLabel and altLabels @zh
    domains: tuple[str, ...] = ()  # the policy areas it belongs to (dcterms:subject); none: any


@dataclass(frozen=True)
class Scheme:
    namespace: str
    concepts: dict[str, Concept]
    terms: dict[str, str]  # term → concept id
    source: str
    #: policy areas (the objects of the concepts' dcterms:subject given words) → the words that
    #: show a text is about one (its labels, and its concepts' terms); empty: no areas
    domains: dict[str, tuple[str, ...]] = field(default_factory=dict)


SCHEME_NS = "https://w3id.org/policygraph/measures#"


@functools.cache
def load_scheme(path: str | None = None) -> Scheme:
    """The shipped scheme, or a user's SKOS file of the same shape (cached per process)."""
    from rdflib import Graph
    from rdflib.namespace import RDF, SKOS

    text = (Path(path).read_text(encoding="utf-8") if path else
            resources.files("policygraph.ontology").joinpath("measures.ttl").read_text(encoding="utf-8"))
    g = Graph().parse(data=text, format="turtle")
    tops = {str(t) for t in g.objects(None, SKOS.hasTopConcept)}
    area_words = _area_words(g)
    concepts: dict[str, Concept] = {}
    terms: dict[str, str] = {}
    ns = SCHEME_NS
    for c in sorted(g.subjects(RDF.type, SKOS.Concept), key=str):
        iri = str(c)
        if iri in tops or iri in area_words:
            continue
        ns = iri.rsplit("#", 1)[0] + "#" if "#" in iri else iri.rsplit("/", 1)[0] + "/"
        concept = _concept(g, c, iri[len(ns):], tops, area_words)
        concepts[concept.id] = concept
        for t in concept.terms:
            terms.setdefault(t, concept.id)
    # an area shows in its own words and in the terms of its concepts (小额担保贷款 is employment)
    domains = {_local(a): tuple(dict.fromkeys([*words, *(
        t for c in concepts.values() if _local(a) in c.domains for t in c.terms)]))
        for a, words in sorted(area_words.items())}
    return Scheme(ns, concepts, terms, path or "ontology/measures.ttl", domains)


def _area_words(g: Any) -> dict[str, list[str]]:
    """Policy areas: the objects of dcterms:subject the scheme gives words (prefLabel and
    hiddenLabel @zh), with them; a subject without words (a EuroVoc IRI in a user's scheme) is
    no area."""
    from rdflib.namespace import DCTERMS, SKOS

    words = {str(a): _labels(g.objects(a, SKOS.prefLabel), ("zh",))
             + sorted(_labels(g.objects(a, SKOS.hiddenLabel), ("zh", None)))
             for a in set(g.objects(None, DCTERMS.subject))}
    return {a: w for a, w in words.items() if w}


def _concept(g: Any, c: Any, cid: str, tops: set[str], areas: dict[str, list[str]]) -> Concept:
    """One concept of the scheme: its labels as terms, its group (the top concept it is under)
    and its policy areas."""
    from rdflib.namespace import DCTERMS, SKOS

    zh = _labels(g.objects(c, SKOS.prefLabel), ("zh",))
    en = _labels(g.objects(c, SKOS.prefLabel), ("en",))
    alts = sorted(_labels(g.objects(c, SKOS.altLabel), ("zh", None)))
    group = next((b.rsplit("#", 1)[-1] for b in map(str, g.objects(c, SKOS.broader)) if b in tops), "")
    label = zh[0] if zh else cid
    own = tuple(sorted(_local(str(a)) for a in g.objects(c, DCTERMS.subject) if str(a) in areas))
    return Concept(cid, label, en[0] if en else "", group, tuple(dict.fromkeys([label, *alts])), own)


def _local(iri: str) -> str:
    """An IRI's last segment: the id of a concept or area (domain-employment)."""
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _labels(nodes: Iterable[Any], languages: tuple[str | None, ...]) -> list[str]:
    """The literals among `nodes` in one of `languages` (None: no language tag)."""
    from rdflib import Literal

    return [str(x) for x in nodes if isinstance(x, Literal) and x.language in languages]
