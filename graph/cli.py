"""The `policygraph` command: a thin layer over the Python API."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from policygraph import __version__
from policygraph.build import Timings, ValidationError, build
from policygraph.export.terms import DEFAULT_BASE, check_iri
from policygraph.export.text import record_text
from policygraph.extract.document import extract
from policygraph.extract.read import iter_corpus
from policygraph.models import Failure, Measures

if TYPE_CHECKING:  # only the commands that read a graph import these
    import networkx as nx
    from rdflib import Graph

    from policygraph.corpus.lookup import Candidate, Resolution


def cmd_inspect(args: argparse.Namespace) -> int:
    """A file read and extracted now; or, given a document too, its record in a build folder."""
    if args.document is not None:
        found = _find_record(Path(args.file), args.document)
        if found is None:
            return 2
        _cand, stored = found
        print(json.dumps(stored, ensure_ascii=False, indent=None if args.compact else 2) if args.json
              else record_text(stored))
        return 0
    if not Path(args.file).exists():
        print(f"policygraph: {args.file}: no such file or folder (to look a document up in a build, "
              f"give the build folder and the document: policygraph inspect DIR DOCUMENT)", file=sys.stderr)
        return 2
    status = 0
    for item in iter_corpus(args.file):
        if isinstance(item, Failure):
            print(f"{item.path}: {item.reason}", file=sys.stderr)
            status = 1
            continue
        rec = extract(item)
        if args.json:
            print(json.dumps(rec.to_dict(), ensure_ascii=False, indent=None if args.compact else 2))
        else:
            print(record_text(rec))
            print()
    return status


def _print_outputs(paths: dict[str, Path]) -> None:
    for name, path in paths.items():
        print(f"{name:<10} {path}")


def cmd_build(args: argparse.Namespace) -> int:
    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"policygraph: {corpus}: no such file or folder", file=sys.stderr)
        return 2
    timings = Timings() if args.timings else None
    try:
        paths = build(corpus, Path(args.out), show_progress=not args.quiet and sys.stderr.isatty(),
                      base=args.base, scheme=args.measures, jobs=args.jobs, use_cache=not args.no_cache,
                      budget=args.budget, check=not args.no_validate, timings=timings)
    except ValidationError as e:
        print(f"policygraph: {e}", file=sys.stderr)
        return 3
    finally:
        if timings and timings.seconds:
            total = sum(timings.seconds.values()) or 1.0
            for stage, seconds in timings.seconds.items():
                print(f"{stage:<26}{seconds:8.2f} s  {seconds / total:4.0%}  "
                      f"peak {timings.peak_mb[stage]:7,.0f} MB", file=sys.stderr)
            if timings.workers_peak_mb:
                print(f"{'(each extraction worker)':<40}peak {timings.workers_peak_mb:7,.0f} MB",
                      file=sys.stderr)
            if timings.beside_private_mb:
                print(f"{'(largest stage beside, own pages)':<40}peak {timings.beside_private_mb:7,.0f} MB",
                      file=sys.stderr)
    if paths.up_to_date and not args.quiet:
        print(f"policygraph: {args.out} is up to date: no input file, setting or part of policygraph "
              "changed since it was built (--no-cache rebuilds it all)", file=sys.stderr)
    _print_outputs(paths)
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from policygraph.sparql.query import bind, format_rows, named_queries, run
    from policygraph.sparql.store import STORE, open_store, run_store

    queries = named_queries()
    if args.list:
        for q in queries.values():
            takes = f"  [params: {', '.join(q.params)}]" if q.params else ""
            print(f"{q.name:<22}{q.question}{takes}")
        return 0
    if args.name:
        if args.name not in queries:
            print(f"policygraph: no named query {args.name!r}; try --list", file=sys.stderr)
            return 2
        text = queries[args.name].text
        needed = set(queries[args.name].params)
    elif args.file:
        text, needed = Path(args.file).read_text(encoding="utf-8"), set()
    elif args.sparql:
        text, needed = args.sparql, set()
    else:
        print("policygraph query: give a query, --file or --name (see --list)", file=sys.stderr)
        return 2
    params = dict(p.split("=", 1) for p in args.param)
    missing = needed - params.keys()
    if missing:
        print(f"policygraph query: missing --param {', '.join(sorted(missing))}", file=sys.stderr)
        return 2
    folder = Path(args.dir)
    store = open_store(folder) if args.engine in ("auto", "oxigraph") else None
    if store is not None:
        names, rows = run_store(store, bind(text, params))
    elif args.engine == "oxigraph":
        print(f"policygraph: {folder / STORE} not found; rebuild with `policygraph build`", file=sys.stderr)
        return 2
    else:
        graph = _load_graph(folder)
        if graph is None:
            return 2
        names, rows = run(graph, bind(text, params))
    sys.stdout.write(format_rows(names, rows, args.format))
    return 0


def _load_graph(folder: Path) -> Graph | None:
    from rdflib import Graph

    ttl = folder / "graph.ttl"
    if not ttl.is_file():
        print(f"policygraph: {ttl} not found; run `policygraph build CORPUS --out {folder}` first",
              file=sys.stderr)
        return None
    return Graph().parse(ttl, format="turtle")


#: The columns of a cascade table, as analytics.cascade names them, with each document's name
#: (corpus/names.py) beside its id; a table for people shows the names only.
CASCADE_COLUMNS = ("level", "id", "name", "jurisdiction", "date", "lag_days", "relation", "parent",
                   "parent_name", "lag_parent_days", "depth")
CASCADE_TABLE = ("name", "jurisdiction", "date", "lag_days", "relation", "parent_name", "lag_parent_days",
                 "depth")
#: Candidates an ambiguous query lists before saying how many more there are.
MAX_CHOICES = 20
_HOW = {"id": "id", "number": "number", "file": "file name", "title": "exact title",
        "prefix": "title beginning", "substring": "part of the title"}


def _pick(res: Resolution, where: str) -> Candidate | None:
    """The one document a query names, or None after telling the person (stderr) what the
    query matched instead: the candidates to choose from, or near matches."""
    if res.found:
        return res.found
    err = sys.stderr
    if res.matches:
        print(f"policygraph: \"{res.query}\" matches {len(res.matches)} documents in {where} "
              f"(by {_HOW[res.how]}); choose one and give its id:", file=err)
        for c in res.matches[:MAX_CHOICES]:
            print(f"  {c.line}", file=err)
        if len(res.matches) > MAX_CHOICES:
            print(f"  … and {len(res.matches) - MAX_CHOICES} more: type more of the title", file=err)
        return None
    near = "; near matches:" if res.suggestions else " (a number in any variant, a title or a part of " \
        "one, a file name or a node id)"
    print(f"policygraph: no document in {where} matches \"{res.query}\"{near}", file=err)
    for c in res.suggestions:
        print(f"  {c.line}", file=err)
    return None


def _graph(folder: Path) -> nx.DiGraph | None:
    from policygraph.export.tables import read_graphml

    path = folder / "graph.graphml"
    if not path.is_file():
        print(f"policygraph: {path} not found; run `policygraph build CORPUS --out {folder}` first",
              file=sys.stderr)
        return None
    return read_graphml(path)


def cmd_cascade(args: argparse.Namespace) -> int:
    from policygraph.corpus.analytics import cascade
    from policygraph.corpus.lookup import graph_candidates, resolve
    from policygraph.sparql.query import format_rows

    g = _graph(Path(args.dir))
    if g is None:
        return 2
    found = _pick(resolve(args.document, graph_candidates(g.nodes(data=True))), args.dir)
    if found is None:
        return 2
    rows = [{**r, "name": _name(g, r["id"]), "parent_name": _name(g, r["parent"])}
            for r in cascade(g, found.id, include_probable=args.probable)]
    if args.html:
        print(f"wrote {_cascade_page(g, found.id, args.probable, Path(args.dir), Path(args.html))}")
    if args.format != "table":
        sys.stdout.write(format_rows(list(CASCADE_COLUMNS), _cells(rows, CASCADE_COLUMNS), args.format))
        return 0
    _print_cascade(g, found.id, rows, args.probable)
    return 0


def _name(g: nx.DiGraph, node: str) -> str:
    from policygraph.corpus.names import attrs_name

    return attrs_name(node, g.nodes[node])


def _cells(rows: list[dict], columns: Sequence[str]) -> list[list[str | None]]:
    return [[None if r[c] is None else str(r[c]) for c in columns] for r in rows]


def _cascade_page(g: nx.DiGraph, root: str, probable: bool, folder: Path, page: Path) -> Path:
    """The explorer page of a cascade, with the build's comparisons along it."""
    from policygraph.corpus.compare import Comparison
    from policygraph.export.html.render import cascade_subgraph, cascade_title, render

    sub = cascade_subgraph(g, root, probable)
    comps = []
    path = folder / "comparisons.jsonl"
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            c = Comparison.from_dict(json.loads(line))
            if c.child in sub and c.parent in sub:
                comps.append(c)
    return render(sub, page, cascade_title(g, root), comps, _labels())


def _labels() -> dict[str, str]:
    """The label of each concept of the shipped measure scheme."""
    from policygraph.extract.measures import load_scheme

    return {k: v.label for k, v in load_scheme().concepts.items()}


def _print_cascade(g: nx.DiGraph, root: str, rows: list[dict], probable: bool) -> None:
    """The cascade as tables: the root, its cascade level by level, its reach by province."""
    from policygraph.corpus.analytics import by_level, province_reach
    from policygraph.sparql.query import format_rows

    a = g.nodes[root]
    print(f"cascade of {_name(g, root)}")
    print(f"  {a.get('level') or 'level unknown'}, {a.get('jurisdiction') or ''}, "
          f"{a.get('date') or 'date unknown'}; "
          f"{'stated and probable links' if probable else 'stated links only'}")
    for level, group in by_level(rows).items():
        print(f"\n{level} ({len(group)})")
        sys.stdout.write(format_rows(list(CASCADE_TABLE), _cells(group, CASCADE_TABLE), "table"))
    reach = province_reach(g, root, include_probable=probable)
    if reach:
        print("\nreach by province")
        sys.stdout.write(format_rows(list(reach[0]), _cells(reach, list(reach[0])), "table"))


def _find_record(folder: Path, wanted: str) -> tuple[Candidate, dict] | None:
    """The record (or embedded part) of a build that `wanted` names (corpus/lookup.py), or None
    after saying why: missing build, no match, several matches, or a document only cited."""
    from policygraph.corpus.lookup import record_candidates, resolve

    path = folder / "documents.jsonl"
    if not path.is_file():
        print(f"policygraph: {path} not found; run `policygraph build CORPUS --out {folder}` first",
              file=sys.stderr)
        return None
    with path.open(encoding="utf-8") as f:  # one record decoded at a time: a build can be large
        cands = record_candidates(json.loads(line) for line in f)
    res = resolve(wanted, [c for c, _i, _k in cands])
    if not res.matches:
        cited = _cited_only(folder, wanted)
        if cited is not None:
            print(f"policygraph: {cited.name} is only cited in this build: it has no text in the "
                  "corpus, so no record or measures", file=sys.stderr)
            return None
    found = _pick(res, str(folder))
    if found is None:
        return None
    i, k = next((i, k) for c, i, k in cands if c is found)
    with path.open(encoding="utf-8") as f:
        rec = json.loads(next(line for n, line in enumerate(f) if n == i))
    return found, rec if k is None else rec["parts"][k]


def _cited_only(folder: Path, wanted: str) -> Candidate | None:
    """The document only cited (not in the corpus) that `wanted` names, if the build has one."""
    from policygraph.corpus.lookup import graph_candidates, resolve
    from policygraph.export.tables import read_graphml

    path = folder / "graph.graphml"
    if not path.is_file():
        return None
    g = read_graphml(path)
    found = resolve(wanted, graph_candidates(g.nodes(data=True))).found
    return found if found and g.nodes[found.id].get("kind") in ("cited", "title") else None


def cmd_measures(args: argparse.Namespace) -> int:
    from policygraph.export.text import measures_text

    found = _find_record(Path(args.dir), args.document)
    if found is None:
        return 2
    cand, d = found
    if args.format == "json":
        keys = ("provisions", "measures", "targets", "deadlines", "money")
        print(json.dumps({"id": cand.id, "name": cand.name, **{k: d.get(k, []) for k in keys}},
                         ensure_ascii=False, indent=2))
        return 0
    print(measures_text(cand.name, Measures.from_dict(d)))
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from policygraph.corpus.compare import compare
    from policygraph.export.text import comparison_text

    child = _find_record(Path(args.dir), args.child)
    parent = _find_record(Path(args.dir), args.parent) if child else None
    if child is None or parent is None:
        return 2
    (cc, cd), (pc, pd) = child, parent
    c = compare(cc.id, pc.id, Measures.from_dict(cd), Measures.from_dict(pd),
                same_scale=bool(cd.get("jurisdiction")) and cd.get("jurisdiction") == pd.get("jurisdiction"))
    if args.format == "json":
        print(json.dumps({**c.to_dict(), "child_name": cc.name, "parent_name": pc.name},
                         ensure_ascii=False, indent=2))
        return 0
    print(comparison_text(c, _labels(), {cc.id: cc.name, pc.id: pc.name}))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import logging

    from policygraph.sparql.serve import make_server

    folder = Path(args.dir)
    if not (folder / "graph.ttl").is_file():
        print(f"policygraph: {folder / 'graph.ttl'} not found; run `policygraph build` first",
              file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    server = make_server(folder, args.host, args.port, args.timeout, args.max_bytes)
    host, port = server.server_address[:2]
    host = host.decode() if isinstance(host, bytes) else host  # an address, as socketserver types it
    print(f"SPARQL endpoint http://{host}:{port}/sparql (read-only); explorer http://{host}:{port}/",
          file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    from policygraph.export.terms import DEFAULT_BASE
    from policygraph.sparql.push import PushError, push

    graph = args.graph or DEFAULT_BASE + "graph"
    try:
        state = push(Path(args.dir), args.endpoint, graph, args.chunk,
                     progress=lambda k, n: print(f"  chunk {k}/{n}", file=sys.stderr))
    except PushError as e:
        print(f"policygraph: {e}\n(run the same command again to resume)", file=sys.stderr)
        return 1
    print(f"pushed {state['triples']:,} triples in {state['chunks']} chunk(s) into <{graph}> "
          f"at {args.endpoint}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    root = resources.files("policygraph.examples").joinpath("corpus")
    with resources.as_file(root) as corpus:
        paths = build(corpus, Path(args.out))
    done = "Already built (nothing changed since)" if paths.up_to_date else "Built"
    print(f"{done}: the bundled example corpus ({sum(1 for _ in Path(corpus).rglob('*.*'))} files) in "
          f"{Path(args.out).resolve()}:")
    _print_outputs(paths)
    return 0


def _iri_arg(text: str) -> str:
    try:
        return check_iri(text, "")
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e).strip()) from None


#: How every command taking a document says what it accepts (corpus/lookup.py).
DOCUMENT_HELP = ("a number in any written variant, a title or its beginning or a part of it, a file "
                 "name or path, or a node id")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="policygraph",
        description="Extract identities and citations from Chinese policy documents.",
    )
    p.add_argument("--version", action="version", version=f"policygraph {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    pi = sub.add_parser("inspect", help="show what one document is and what it cites")
    pi.add_argument("file", help="a .txt, .html, .json or .jsonl file to read now; or a build folder, "
                    "with DOCUMENT")
    pi.add_argument("document", nargs="?", help=f"a document of the build folder: {DOCUMENT_HELP}")
    pi.add_argument("--json", action="store_true", help="print the document record as JSON")
    pi.add_argument("--compact", action="store_true", help="one JSON object per line")
    pi.set_defaults(func=cmd_inspect)

    pb = sub.add_parser("build", help="extract a whole corpus into an output folder")
    pb.add_argument("corpus", help="a folder (searched recursively) or a file")
    pb.add_argument("--out", required=True, help="output folder")
    pb.add_argument("--quiet", action="store_true", help="no progress bar")
    pb.add_argument("--timings", action="store_true",
                    help="print the seconds each stage took and the peak memory after it (stderr)")
    pb.add_argument("--base", default=DEFAULT_BASE, type=_iri_arg,
                    help=f"base IRI of the data (default {DEFAULT_BASE})")
    pb.add_argument("--jobs", type=int, default=None, help="worker processes (default: one per core)")
    pb.add_argument("--no-cache", action="store_true",
                    help="extract every document again (default: reuse DIR/.cache for unchanged ones)")
    pb.add_argument("--budget", type=float, default=120.0, metavar="SECONDS",
                    help="give up on a document after this long and report it (default 120)")
    pb.add_argument("--no-validate", action="store_true",
                    help="skip the SHACL validation of the graph (about a seventh of a large build)")
    pb.add_argument("--measures", metavar="SCHEME.ttl",
                    help="a SKOS measure scheme of your own (default: the shipped ontology/measures.ttl)")
    pb.set_defaults(func=cmd_build)

    pq = sub.add_parser("query", help="run SPARQL over a build (prefixes pg:, eli:, dcterms: … declared)")
    pq.add_argument("dir", nargs="?", default=".", help="a build output folder")
    pq.add_argument("sparql", nargs="?", help="a SPARQL SELECT or ASK query")
    pq.add_argument("--file", help="read the query from a file")
    pq.add_argument("--name", help="run a named query shipped with policygraph (see --list)")
    pq.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                    help="bind a parameter of a named query, e.g. doc=中发〔2002〕12号")
    pq.add_argument("--format", choices=("table", "csv", "tsv", "json"), default="table")
    pq.add_argument("--list", action="store_true", help="list the named queries and exit")
    pq.add_argument("--engine", choices=("auto", "oxigraph", "rdflib"), default="auto",
                    help="auto: the build's on-disk Oxigraph store (DIR/store), else graph.ttl in rdflib")
    pq.set_defaults(func=cmd_query)

    pc = sub.add_parser("cascade", help="the documents implementing or forwarding a document")
    pc.add_argument("dir", help="a build output folder")
    pc.add_argument("document", help=DOCUMENT_HELP)
    pc.add_argument("--probable", action="store_true", help="also follow probable links")
    pc.add_argument("--html", metavar="FILE", help="also write an interactive page of the cascade")
    pc.add_argument("--format", choices=("table", "csv", "tsv", "json"), default="table")
    pc.set_defaults(func=cmd_cascade)

    pm = sub.add_parser("measures", help="the measures a document sets, by provision")
    pm.add_argument("dir", help="a build output folder")
    pm.add_argument("document", help=DOCUMENT_HELP)
    pm.add_argument("--format", choices=("table", "json"), default="table")
    pm.set_defaults(func=cmd_measures)

    pv = sub.add_parser("compare", help="a child against a parent: inherited, changed, added, dropped")
    pv.add_argument("dir", help="a build output folder")
    pv.add_argument("child", help=DOCUMENT_HELP)
    pv.add_argument("parent", help=DOCUMENT_HELP)
    pv.add_argument("--format", choices=("table", "json"), default="table")
    pv.set_defaults(func=cmd_compare)

    ps = sub.add_parser("serve", help="a read-only SPARQL 1.1 endpoint and the explorer over a build")
    ps.add_argument("dir", help="a build output folder")
    ps.add_argument("--host", default="127.0.0.1",
                    help="address to bind (default 127.0.0.1: this machine only)")
    ps.add_argument("--port", type=int, default=8080)
    ps.add_argument("--timeout", type=float, default=30.0, help="seconds a query may run (default 30)")
    ps.add_argument("--max-bytes", type=int, default=50 * 1024 * 1024, help="largest answer (default 50 MB)")
    ps.set_defaults(func=cmd_serve)

    pp = sub.add_parser("push", help="upload a build's graph to a SPARQL 1.1 Graph Store (resumable)")
    pp.add_argument("dir", help="a build output folder")
    pp.add_argument("--endpoint", required=True, help="Graph Store URL, e.g. http://localhost:7878/store")
    pp.add_argument("--graph", type=_iri_arg, help="named graph IRI (default: the data base IRI + 'graph')")
    pp.add_argument("--chunk", type=int, default=50_000, help="triples per request (default 50,000)")
    pp.set_defaults(func=cmd_push)

    pd = sub.add_parser("demo", help="build the bundled example corpus")
    pd.add_argument("--out", default="out", help="output folder (default: ./out)")
    pd.set_defaults(func=cmd_demo)

    args = p.parse_args(argv)
    if hasattr(signal, "SIGPIPE") and argv is None:
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `policygraph … | head` ends quietly
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
