"""The SPARQL 1.1 Protocol's side of `serve`, free of any server: what a request asks, in which
format the answer goes, and which query texts are refused before any parser or worker sees them.

Refusals here are cheap text checks made in the server process: a query nested deep enough to
overflow Oxigraph's recursive parser (limits.check_query_shape), and `SERVICE`, which would make
the server send requests wherever the query says (SSRF) unless the user listed that endpoint.
SPARQL processes `\\uXXXX` escapes before parsing the query, so both checks read the text with
its escapes processed, as Oxigraph will.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qs

import pyoxigraph as ox

from policygraph.sparql.limits import MAX_DEPTH, MAX_LENGTH, check_query_shape, unescape

RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
TEXT = "text/plain; charset=utf-8"
#: Form fields a request may carry: more is no SPARQL client, only a way to spend our memory.
MAX_FIELDS = 50


@dataclass(frozen=True)
class Refusal:
    """An answer given without running anything: status and a one-line reason."""

    status: int
    message: str

    def body(self) -> bytes:
        return (self.message.rstrip("\n") + "\n").encode("utf-8")


@dataclass(frozen=True)
class QueryRequest:
    """A query to run and the Accept header its answer is negotiated against."""

    text: str
    accept: str


def negotiate(accept: str, offers: Mapping[str, object], default: str) -> str | None:
    """The offered media type the Accept header prefers (q-values honoured); None if none fits."""
    if not accept.strip():
        return default
    prefs = []
    for i, part in enumerate(accept.split(",")[:64]):
        fields = [f.strip() for f in part.split(";")]
        mtype, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        prefs.append((-q, i, mtype))
    for negq, _i, mtype in sorted(prefs):
        if negq >= 0:
            continue
        if mtype in offers:
            return mtype
        if mtype == "*/*":
            return default
        if mtype.endswith("/*"):
            family = mtype[:-1]
            return default if default.startswith(family) else next(
                (o for o in offers if o.startswith(family)), None)
    return None


def _form(text: str) -> dict[str, list[str]] | Refusal:
    try:
        return parse_qs(text, max_num_fields=MAX_FIELDS)
    except ValueError:
        return Refusal(400, f"more than {MAX_FIELDS} form fields")


def _from_fields(fields: dict[str, list[str]], accept: str, where: str) -> QueryRequest | Refusal:
    if "update" in fields:
        return READ_ONLY
    if "query" not in fields:
        return Refusal(400, f"missing {where}query=")
    if len(fields["query"]) > 1:
        return Refusal(400, "more than one query= in the request")
    return QueryRequest(fields["query"][0], accept)


READ_ONLY = Refusal(403, "this endpoint is read-only: SPARQL Update and writes are refused")


def parse_request(method: str, query_string: str, ctype: str, body: bytes, accept: str
                  ) -> QueryRequest | Refusal:
    """The query a /sparql request carries (GET ?query=, POST form or sparql-query), or why not."""
    if method in ("GET", "HEAD"):
        fields = _form(query_string)
        return fields if isinstance(fields, Refusal) else _from_fields(fields, accept, "?")
    if method != "POST":
        return READ_ONLY if method in ("PUT", "DELETE", "PATCH") else Refusal(405, f"{method} is not allowed")
    mtype = ctype.split(";")[0].strip().lower()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return Refusal(400, "the request body is not UTF-8")
    if mtype == "application/sparql-update":
        return READ_ONLY
    if mtype == "application/sparql-query":
        return QueryRequest(text, accept)
    if mtype == "application/x-www-form-urlencoded":
        fields = _form(text)
        return fields if isinstance(fields, Refusal) else _from_fields(fields, accept, "")
    return Refusal(415, "use application/sparql-query or application/x-www-form-urlencoded")


# Strings and comments hide words; IRIs are kept whole (SERVICE's endpoint is one).
_TOKEN = re.compile(
    r"""(?P<skip>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\""""
    r"""|'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*"|\#[^\n\r]*)"""
    r"""|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)"""
    r"""|(?P<lang>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)"""
    # a variable has no dot (?o.SERVICE is ?o . SERVICE); a prefixed name's dots stand inside it
    r"""|(?P<word>[?$]\w+|(?:[^\W\d](?:[\w.-]*[\w-])?)?:(?:[\w.:%-]*[\w:%-])?|[^\W\d]\w*)"""
    r"""|(?P<space>\s+)|(?P<other>.)""",
    re.DOTALL,
)


_SERVICE_WORD = re.compile(r"(?<![\w:?$])service(?![\w:])", re.IGNORECASE)


def service_refusal(text: str, allowed: frozenset[str]) -> Refusal | None:
    """400 when the query calls a SERVICE whose endpoint is not an IRI in `allowed`."""
    if "service" not in text.lower():
        return None
    tokens = [(m.lastgroup, m.group()) for m in _TOKEN.finditer(text)
              if m.lastgroup not in ("skip", "space")]
    # a failsafe: the word SERVICE anywhere outside strings, comments and IRIs that the tokens
    # above do not read as the keyword (a spelling not foreseen) is refused all the same
    bare = " ".join(value for kind, value in tokens
                    if kind != "iri" and not (kind == "word" and ":" in value))  # a prefixed name is one
    keywords = sum(kind == "word" and value.upper() == "SERVICE" for kind, value in tokens)
    if len(_SERVICE_WORD.findall(bare)) > keywords:
        return Refusal(400, "SERVICE refused: the query names SERVICE in a form this endpoint does not "
                            "read as a plain keyword; write it as SERVICE <IRI>")
    for i, (kind, value) in enumerate(tokens):
        if kind != "word" or value.upper() != "SERVICE":
            continue
        j = i + 1
        if j < len(tokens) and tokens[j][1].upper() == "SILENT":
            j += 1
        target = tokens[j] if j < len(tokens) else ("other", "")
        if target[0] == "iri" and target[1][1:-1] in allowed:
            continue
        shown = target[1][:200] or "(nothing)"
        if not allowed:
            return Refusal(400, f"SERVICE {shown} refused: this endpoint sends no requests to other "
                                "servers (start it with --allow-service URL to allow one)")
        return Refusal(400, f"SERVICE {shown} refused: only these endpoints are allowed, each written "
                            f"as a full <IRI>: {', '.join(sorted(allowed))}")
    return None


def check_query(text: str, allowed: frozenset[str], max_length: int = MAX_LENGTH,
                max_depth: int = MAX_DEPTH) -> Refusal | None:
    """Why this query text is not run (too long, too deeply nested, a SERVICE), or None."""
    if len(text) > max_length:  # before unescaping a text that could be huge
        return Refusal(400, check_query_shape(text, max_length, max_depth) or "query too long")
    problem = check_query_shape(text, max_length, max_depth)
    if problem:
        return Refusal(400, problem)
    return service_refusal(unescape(text), allowed)
