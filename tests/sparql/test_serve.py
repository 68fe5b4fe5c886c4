"""The SPARQL endpoint, exercised with a real SPARQL protocol client (SPARQLWrapper)."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from policygraph.build import build
from policygraph.sparql.serve import make_server

EXAMPLES = Path(str(resources.files("policygraph.examples").joinpath("corpus")))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("served")
    build(EXAMPLES, out, jobs=1)
    (out / ".secret").write_text("never served", encoding="utf-8")
    srv = make_server(out, "127.0.0.1", 0, timeout=5.0, max_bytes=200_000)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    host, port = srv.server_address[:2]
    yield f"http://{host}:{port}"
    srv.shutdown()
    srv.server_close()


def refused(request: str | urllib.request.Request) -> tuple[int, bytes]:
    """The status and body of an answer that must be an HTTP error; its connection closed."""
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request)
    with err.value as e:
        return e.code, e.read()


def client(base: str, query: str) -> SPARQLWrapper:
    s = SPARQLWrapper(base + "/sparql")
    s.setQuery(query)
    return s


def test_select_in_every_results_format(server: str) -> None:
    q = "SELECT ?n WHERE { ?d eli:id_local ?n ; pg:level pg:national } ORDER BY ?n"
    s = client(server, q)
    s.setReturnFormat(JSON)
    rows = [b["n"]["value"] for b in s.query().convert()["results"]["bindings"]]
    assert rows == ["中发〔2019〕7号", "国办发〔2021〕58号", "民政部令第66号"]
    s.setReturnFormat(XML)
    assert "国办发〔2021〕58号" in s.query().convert().toxml()
    s.setReturnFormat(CSV)
    assert s.query().convert().decode("utf-8").splitlines() == ["n", *rows]
    s.setMethod(POST)
    s.setReturnFormat(JSON)
    assert len(s.query().convert()["results"]["bindings"]) == 3


def test_tsv_and_ask_and_construct(server: str) -> None:
    req = urllib.request.Request(
        server + "/sparql?query=" + urllib.parse.quote("SELECT ?n WHERE { ?d eli:id_local ?n } LIMIT 1"),
        headers={"Accept": "text/tab-separated-values"})
    with urllib.request.urlopen(req) as r:
        assert r.headers["Content-Type"].startswith("text/tab-separated-values")
        assert r.read().decode().startswith("?n")
    s = client(server, "ASK { ?d pg:forwards ?p }")
    s.setReturnFormat(JSON)
    assert s.query().convert()["boolean"] is True
    s = client(server, "CONSTRUCT { ?d pg:forwards ?p } WHERE { ?d pg:forwards ?p }")
    s.setReturnFormat(TURTLE)
    ttl = s.query().convert().decode("utf-8")
    assert "forwards" in ttl and "浙政办发" in ttl


def test_updates_and_writes_are_refused(server: str) -> None:
    s = SPARQLWrapper(server + "/sparql")
    s.setMethod(POST)
    s.setQuery("INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }")
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)):
        s.query()
    for method, data, ctype in (("POST", b"update=DROP+ALL", "application/x-www-form-urlencoded"),
                                ("POST", b"DROP ALL", "application/sparql-update"),
                                ("PUT", b"<a> <b> <c> .", "text/turtle")):
        req = urllib.request.Request(server + "/sparql", data=data, method=method,
                                     headers={"Content-Type": ctype})
        assert refused(req)[0] == 403
    s = client(server, "ASK { <http://x/a> <http://x/b> <http://x/c> }")
    s.setReturnFormat(JSON)
    assert s.query().convert()["boolean"] is False


def test_limits_and_errors_are_clear(server: str) -> None:
    code, body = refused(server + "/sparql?query=" + urllib.parse.quote("SELECT * WHERE { ?s ?p ?o }"))
    assert code == 413 and b"LIMIT" in body
    code, body = refused(server + "/sparql?query=SELEKT")
    assert code == 400 and b"syntax" in body


def test_explorer_pages_are_served_and_nothing_else(server: str) -> None:
    with urllib.request.urlopen(server + "/") as r:
        assert r.headers["Content-Type"].startswith("text/html") and b"pg-data" in r.read()
    for path in ("/.secret", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/.cache"):
        assert refused(server + path) == (404, b"not found\n")
