"""Blocks of triples written as N-Triples and as Turtle at once, byte for byte the same for
the same triples: each block de-duplicated and sorted, Turtle's prefixed names used only where
the local part is plainly safe."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rdflib import RDF

from policygraph.export.terms import PREFIXES, A, Triple

_SAFE_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


class TurtleTerms:
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


def _turtle(triples: list[Triple], term: TurtleTerms) -> str:
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


class Serializer:
    """N-Triples and Turtle of blocks of triples, with the Turtle prefixes of the vocabulary
    and `extra_prefixes` (the measure scheme's namespace)."""

    def __init__(self, extra_prefixes: Mapping[str, str] | None = None) -> None:
        prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
        prefixes["rdf"] = str(RDF)
        prefixes.update(extra_prefixes or {})
        self.terms = TurtleTerms(prefixes)
        self.header = "".join(f"@prefix {p}: <{ns}> .\n"
                              for p, ns in sorted(prefixes.items())).encode("utf-8")

    def block(self, triples: Iterable[Triple]) -> tuple[int, bytes, bytes]:
        """(how many distinct triples, their N-Triples, their Turtle)."""
        unique = sorted(set(triples))
        nt = "".join(f"{s} {p} {o} .\n" for s, p, o in unique).encode("utf-8")
        return len(unique), nt, _turtle(unique, self.terms).encode("utf-8")
