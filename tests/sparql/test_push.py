"""Push to a real Graph Store: the Oxigraph server from PyPI, started on a loopback port."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from policygraph.build import build
from policygraph.cli import main
from policygraph.sparql.push import PushError, _send, push

EXAMPLES = Path(str(resources.files("policygraph.examples").joinpath("corpus")))
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
GRAPH = "https://example.org/policygraph/test"


@pytest.fixture(scope="module")
def store() -> Iterator[str]:
    if not Path(OXIGRAPH).exists():
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([OXIGRAPH, "serve", "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            time.sleep(0.1)
    else:
        proc.terminate()
        proc.wait(timeout=10)
        pytest.fail(f"the oxigraph server did not answer at {base}")
    yield base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("push")
    build(EXAMPLES, out, jobs=1)
    return out


def count(base: str) -> int:
    q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}"
    req = urllib.request.Request(base + "/query?query=" + urllib.parse.quote(q),
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req) as r:
        return int(json.load(r)["results"]["bindings"][0]["n"]["value"])


def test_push_in_chunks(store: str, built: Path) -> None:
    triples = len((built / "graph.nt").read_bytes().splitlines())
    state = push(built, store + "/store", GRAPH, chunk=300)
    assert state["done"] == state["chunks"] > 3
    assert count(store) == triples
    # Pushing again replaces the graph (the first chunk is a PUT): no duplicates, same count.
    push(built, store + "/store", GRAPH, chunk=300)
    assert count(store) == triples


def test_an_interrupted_push_resumes(store: str, built: Path) -> None:
    (built / ".push-state.json").unlink(missing_ok=True)
    calls: list[str] = []

    def flaky(url: str, method: str, body: bytes, timeout: float) -> None:
        if len(calls) == 3:
            raise PushError("connection reset")
        calls.append(method)
        _send(url, method, body, timeout)

    with pytest.raises(PushError):
        push(built, store + "/store", GRAPH, chunk=250, send=flaky)
    saved = json.loads((built / ".push-state.json").read_text(encoding="utf-8"))
    assert saved["done"] == 3
    resumed: list[str] = []

    def record(url: str, method: str, body: bytes, timeout: float) -> None:
        resumed.append(method)
        _send(url, method, body, timeout)

    state = push(built, store + "/store", GRAPH, chunk=250, send=record)
    assert resumed and all(m == "POST" for m in resumed) and len(resumed) == state["chunks"] - 3
    assert count(store) == len((built / "graph.nt").read_bytes().splitlines())


def test_cli_push(store: str, built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["push", str(built), "--endpoint", store + "/store", "--graph", GRAPH]) == 0
    assert "pushed" in capsys.readouterr().out
    assert main(["push", str(built), "--endpoint", "http://127.0.0.1:9/store"]) == 1
