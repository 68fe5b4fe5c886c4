"""The measure scheme: policy tools as SKOS concepts, with the Chinese terms that name them.

The shipped scheme is `ontology/measures.ttl`; a user may pass their own SKOS file of the same
shape. Its terms are what the tokenizer keeps whole (words.py) and what concepts_in looks for.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Scheme:
    namespace: str
    concepts: dict[str, Concept]
    terms: dict[str, str]  # term → concept id
    source: str


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
    concepts: dict[str, Concept] = {}
    terms: dict[str, str] = {}
    ns = SCHEME_NS
    for c in sorted(g.subjects(RDF.type, SKOS.Concept), key=str):
        iri = str(c)
        if iri in tops:
            continue
        ns = iri.rsplit("#", 1)[0] + "#" if "#" in iri else iri.rsplit("/", 1)[0] + "/"
        zh = _labels(g.objects(c, SKOS.prefLabel), ("zh",))
        en = _labels(g.objects(c, SKOS.prefLabel), ("en",))
        alts = sorted(_labels(g.objects(c, SKOS.altLabel), ("zh", None)))
        broader = [str(b) for b in g.objects(c, SKOS.broader)]
        group = next((b.rsplit("#", 1)[-1] for b in broader if b in tops), "")
        cid = iri[len(ns):]
        label = zh[0] if zh else cid
        concept = Concept(cid, label, en[0] if en else "", group, tuple(dict.fromkeys([label, *alts])))
        concepts[cid] = concept
        for t in concept.terms:
            terms.setdefault(t, cid)
    return Scheme(ns, concepts, terms, path or "ontology/measures.ttl")


def _labels(nodes: Iterable[Any], languages: tuple[str | None, ...]) -> list[str]:
    """The literals among `nodes` in one of `languages` (None: no language tag)."""
    from rdflib import Literal

    return [str(x) for x in nodes if isinstance(x, Literal) and x.language in languages]
