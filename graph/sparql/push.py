"""Push a build's graph to any SPARQL 1.1 Graph Store (Oxigraph, Fuseki, GraphDB …).

The build's graph.nt (its triples in a fixed order) is sent in chunks into one named graph: the
first chunk with PUT (replacing whatever the graph held), the rest with POST. Progress is saved after
every chunk in DIR/.push-state.json, keyed by endpoint, graph and the content's hash, so a
push that was interrupted resumes where it stopped instead of starting again.
"""

from __future__ import annotations

import hashlib
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

from policygraph.files import write_atomic

STATE = ".push-state.json"


class PushError(RuntimeError):
    pass


def _send(url: str, method: str, body: bytes, timeout: float) -> None:
    req = urllib.request.Request(url, data=body, method=method,
                                 headers={"Content-Type": "application/n-triples"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            r.read()
    except urllib.error.HTTPError as e:
        detail = e.read()[:500].decode("utf-8", "replace")
        raise PushError(f"{method} {url} answered {e.code} {e.reason}: {detail}") from e
    except urllib.error.URLError as e:
        raise PushError(f"{method} {url} failed: {e.reason}") from e


def _save(path: Path, state: dict) -> None:
    write_atomic(path, json.dumps(state, ensure_ascii=False, sort_keys=True).encode("utf-8"))


def push(
    folder: Path,
    endpoint: str,
    graph: str,
    chunk: int = 50_000,
    timeout: float = 120.0,
    send: Callable[[str, str, bytes, float], None] = _send,
    progress: Callable[[int, int], None] | None = None,
) -> dict:
    """Upload DIR/graph.nt into `graph` at the Graph Store `endpoint`; return the final state."""
    nt = folder / "graph.nt"
    if not nt.is_file():
        raise PushError(f"{nt} not found; run `policygraph build` first")
    data = nt.read_bytes()
    lines = data.splitlines(keepends=True)
    chunks = [b"".join(lines[i:i + chunk]) for i in range(0, len(lines), chunk)] or [b""]
    digest = hashlib.sha256(data).hexdigest()
    state_path = folder / STATE
    state = {"endpoint": endpoint, "graph": graph, "digest": digest, "chunks": len(chunks),
             "triples": len(lines), "done": 0}
    done = 0
    if state_path.is_file():
        old = json.loads(state_path.read_text(encoding="utf-8"))
        if all(old.get(k) == state[k] for k in ("endpoint", "graph", "digest", "chunks")):
            state["done"] = done = min(int(old.get("done", 0)), len(chunks))
    url = f"{endpoint}{'&' if '?' in endpoint else '?'}graph={urllib.parse.quote(graph, safe='')}"
    for i in range(done, len(chunks)):
        send(url, "PUT" if i == 0 else "POST", chunks[i], timeout)
        state["done"] = i + 1
        _save(state_path, state)
        if progress:
            progress(i + 1, len(chunks))
    return state
