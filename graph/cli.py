"""The `policygraph` command: a thin layer over the Python API."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
from importlib import resources
from pathlib import Path

from policygraph import __version__
from policygraph.build import Timings, ValidationError, build
from policygraph.build.cluster import ClusterError
from policygraph.build.folder import FolderRefused
from policygraph.cli_args import as_of_arg, iri_arg, positive_int, scheduler_arg, scheme_arg, seconds_arg
from policygraph.cli_documents import (
    DOCUMENT_HELP,
    cmd_cascade,
    cmd_compare,
    cmd_measures,
    doc_param,
    inspect_in_build,
)
from policygraph.export.terms import DEFAULT_BASE
from policygraph.export.text import record_text
from policygraph.extract.document import extract
from policygraph.extract.read import count_files, iter_corpus
from policygraph.files import BUILD_MARKER
from policygraph.models import Failure

#: The files that mark a folder as a build output (build/outputs.py writes both): records alone
#: could be a JSONL corpus of someone's own named documents.jsonl.
BUILD_MARK = ("documents.jsonl", "report.md")


def is_build_folder(folder: Path) -> bool:
    return all((folder / name).is_file() for name in BUILD_MARK)


def build_output_in(path: Path) -> Path | None:
    """The build output folder `path` is, lies in, or holds (its first in sorted order), else
    None: policygraph's own outputs (documents.jsonl, pages, caches) are never read as a corpus."""
    path = path.resolve()
    for folder in (path, *path.parents):
        if is_build_folder(folder):
            return folder
    if path.is_dir():
        for top, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            if set(BUILD_MARK) <= set(names):
                return Path(top)
    return None


def _refuse_build_output(path: Path, command: str) -> int | None:
    """2 after one line on stderr when `path` is, lies in or holds a build output, else None."""
    found = build_output_in(path)
    if found is None:
        return None
    here = path.resolve()
    where = ("is a policygraph build output" if found == here else
             f"lies in the policygraph build output {found}" if found in here.parents else
             f"holds the policygraph build output {found} (move that out of it)")
    print(f"policygraph {command}: {path} {where}; policygraph never reads its own outputs as documents: "
          "give a file or folder of documents", file=sys.stderr)
    return 2


def _refuse_corpus(corpus: Path, out: Path) -> int | None:
    """2 after one line on stderr when `corpus` cannot be built: it is missing or holds no file, it
    is or lies in a build output, or holds one of a policygraph older than the build marker. A marked build
    folder inside it (the --out of this build too) is skipped and listed in the report."""
    if not corpus.exists():
        print(f"policygraph: {corpus}: no such file or folder", file=sys.stderr)
        return 2
    here = corpus.resolve()
    if out.resolve() == here or out.resolve() in here.parents:
        print(f"policygraph build: the output folder {out} is or holds the corpus {corpus}: give --out a "
              "folder of its own (it may lie inside the corpus: a build never reads its output)",
              file=sys.stderr)
        return 2
    if any((f / BUILD_MARKER).is_file() for f in (here, *here.parents)):
        print(f"policygraph build: {corpus} is or lies in a policygraph build output; policygraph never "
              "reads its own outputs as documents: give a file or folder of documents", file=sys.stderr)
        return 2
    found = build_output_in(corpus)
    if found is not None and not (found / BUILD_MARKER).is_file():
        return _refuse_build_output(corpus, "build")
    if count_files(corpus) == 0:  # a wrong folder named: say so, write no empty graph
        print(f"policygraph build: {corpus} holds no file to read (hidden files and folders are left out): "
              "give a file or folder of documents (.txt, .md, .html, .json, .jsonl)", file=sys.stderr)
        return 2
    return None


def cmd_inspect(args: argparse.Namespace) -> int:
    """A file read and extracted now; or, given a document too, its record in a build folder."""
    if args.document is not None:
        return inspect_in_build(Path(args.file), args.document, args.json, args.compact)
    if not Path(args.file).exists():
        print(f"policygraph: {args.file}: no such file or folder (to look a document up in a build, "
              f"give the build folder and the document: policygraph inspect DIR DOCUMENT)", file=sys.stderr)
        return 2
    if is_build_folder(Path(args.file)):
        print(f"policygraph inspect: {args.file} is a build folder: give a DOCUMENT of it too "
              f"(policygraph inspect {args.file} DOCUMENT; {DOCUMENT_HELP})", file=sys.stderr)
        return 2
    refused = _refuse_build_output(Path(args.file), "inspect")
    if refused is not None:
        return refused
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
    refused = _refuse_corpus(corpus, Path(args.out))
    if refused is not None:
        return refused
    timings = Timings() if args.timings else None
    try:
        terminal = sys.stderr.isatty()
        paths = build(corpus, Path(args.out), show_progress=not args.quiet and terminal,
                      base=args.base, scheme=args.measures, jobs=args.jobs, use_cache=not args.no_cache,
                      budget=args.budget, check=not args.no_validate, timings=timings, as_of=args.as_of,
                      excel=args.excel, log_every=None if args.quiet or terminal else args.log_every,
                      force=args.force, scheduler=args.scheduler)
    except (FolderRefused, ClusterError) as e:
        print(f"policygraph build: {e}", file=sys.stderr)
        return 2
    except ValidationError as e:
        print(f"policygraph: {e}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print(f"policygraph build: interrupted; {args.out} keeps what was written, the next build goes "
              "on from it", file=sys.stderr)
        return 130
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
    for entry in paths.moved:
        print(f"policygraph build: --force: moved aside {entry} (nothing deleted)", file=sys.stderr)
    if paths.removed and not args.quiet:
        print(f"policygraph build: removed {len(paths.removed):,} file(s) the previous build wrote and this "
              f"one did not (e.g. {paths.removed[0]})", file=sys.stderr)
    if paths.up_to_date and not args.quiet:
        print(f"policygraph: {args.out} is up to date: no input file, setting or part of policygraph "
              "changed since it was built (--no-cache rebuilds it all)", file=sys.stderr)
    _print_outputs(paths)
    return 0


def _query_text(args: argparse.Namespace, queries: dict) -> tuple[str, set[str]] | str:
    """The query to run and the parameters it needs, or why there is none (one line)."""
    if args.name:
        if args.name not in queries:
            return f"no named query {args.name!r}; try --list"
        return queries[args.name].text, set(queries[args.name].params)
    if args.file:
        try:
            return Path(args.file).read_text(encoding="utf-8"), set()
        except UnicodeDecodeError:
            return f"{args.file}: not UTF-8 text"
        except OSError as e:
            return f"{args.file}: {e.strerror or e}"
    if args.sparql:
        return args.sparql, set()
    return "give a query, --file or --name (see --list)"


def cmd_query(args: argparse.Namespace) -> int:
    from policygraph.sparql.bounded import QueryError, answer
    from policygraph.sparql.query import format_rows, named_queries
    from policygraph.sparql.store import STORE

    queries = named_queries()
    if args.list:
        for q in queries.values():
            takes = f"  [params: {', '.join(q.params)}]" if q.params else ""
            print(f"{q.name:<22}{q.question}{takes}")
        return 0
    got = _query_text(args, queries)
    if isinstance(got, str):
        print(f"policygraph query: {got}", file=sys.stderr)
        return 2
    text, needed = got
    if any("=" not in p for p in args.param):
        print("policygraph query: --param takes NAME=VALUE", file=sys.stderr)
        return 2
    folder = Path(args.dir)
    params = dict(p.split("=", 1) for p in args.param)
    if "doc" in params:
        params["doc"] = doc_param(folder, params["doc"])
    missing = needed - params.keys()
    if missing:
        print(f"policygraph query: missing --param {', '.join(sorted(missing))}", file=sys.stderr)
        return 2
    stored = args.engine == "oxigraph" or (args.engine == "auto" and (folder / STORE).is_dir())
    engine = "oxigraph" if stored else "rdflib"
    try:
        result = answer(folder, text, params, engine, args.timeout)
    except QueryError as e:
        print(f"policygraph query: {e}", file=sys.stderr)
        return e.status
    sys.stdout.write(result.turtle if result.turtle is not None else
                     format_rows(result.names, result.rows, args.format))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from policygraph.sparql.serve_cmd import cmd_serve as serve

    return serve(args)


def cmd_push(args: argparse.Namespace) -> int:
    from policygraph.export.terms import DEFAULT_BASE
    from policygraph.sparql.push import Limits, PushError, push, resume_command

    graph = args.graph or DEFAULT_BASE + "graph"
    try:
        state = push(Path(args.dir), args.endpoint, graph, args.chunk, force=args.force,
                     limits=Limits(args.connect_timeout, args.timeout, args.deadline),
                     query=args.query_endpoint,
                     progress=lambda k, n: print(f"  chunk {k}/{n}", file=sys.stderr),
                     note=lambda text: print(f"policygraph push: {text}", file=sys.stderr))
    except PushError as e:
        resume = f"; resume with: {resume_command(vars(args))}" if e.status == 1 else ""
        print(f"policygraph push: {e}{resume}", file=sys.stderr)
        return e.status
    except OSError as e:  # graph.nt or the progress file
        print(f"policygraph push: {e.filename or args.dir}: {e.strerror or e}", file=sys.stderr)
        return 1
    if state.get("already"):
        print(f"already pushed: <{graph}> at {args.endpoint} holds the build's {state['remote']:,} triples "
              "(--force pushes again)")
        return 0
    print(f"pushed {state['triples']:,} triples in {state['chunks']} chunk(s) into <{graph}> "
          f"at {args.endpoint}; it holds {state['remote']:,}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    root = resources.files("policygraph.examples").joinpath("corpus")
    with resources.as_file(root) as corpus:
        try:
            paths = build(corpus, Path(args.out))
        except FolderRefused as e:
            print(f"policygraph demo: {e}", file=sys.stderr)
            return 2
    done = "Already built (nothing changed since)" if paths.up_to_date else "Built"
    print(f"{done}: the bundled example corpus ({sum(1 for _ in Path(corpus).rglob('*.*'))} files) in "
          f"{Path(args.out).resolve()}:")
    _print_outputs(paths)
    out = Path(args.out)
    # the command as the user can type it: on PATH, or the virtual environment's own
    prog = "policygraph" if shutil.which("policygraph") else str(Path(sys.executable).parent / "policygraph")
    print(f"\nNext: open {(out / 'graph.html').resolve()} in a browser (offline; click a document\n"
          f"for its links and its text), read {out / 'report.md'}, or try\n"
          f"  {prog} cascade {out} 国办发〔2021〕58号  the documents putting it into effect\n"
          f"  {prog} query {out} --list  the named SPARQL queries\n"
          f"  {prog} serve {out}  a SPARQL endpoint and the explorer at http://127.0.0.1:8080/")
    return 0


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

    pb = sub.add_parser("build", help="extract a whole corpus into an output folder",
                        description="Exit status: 0 built, 1 failed, 2 bad input (a corpus or --out "
                        "refused), 3 the graph does not conform to the SHACL shapes (a bug).")
    pb.add_argument("corpus", help="a folder (searched recursively) or a file")
    pb.add_argument("--out", required=True, help="output folder")
    pb.add_argument("--quiet", action="store_true", help="no progress bar (nor progress lines)")
    pb.add_argument("--force", action="store_true",
                    help="build into a folder that is neither empty nor a policygraph build's; entries at "
                    "the names a build writes are moved aside to NAME.before-policygraph, nothing is deleted")
    pb.add_argument("--log-every", type=float, default=10.0, metavar="SECONDS",
                    help="if stderr is no terminal (a log file, CI), a progress line this often (default 10)")
    pb.add_argument("--excel", action="store_true",
                    help="CSV with a UTF-8 byte order mark, so that Excel (Chinese Windows too) reads them")
    pb.add_argument("--timings", action="store_true",
                    help="print the seconds each stage took and the peak memory after it (stderr)")
    pb.add_argument("--base", default=DEFAULT_BASE, type=iri_arg,
                    help=f"base IRI of the data (default {DEFAULT_BASE})")
    pb.add_argument("--jobs", type=positive_int, default=None,
                    help="worker processes (default: one per core)")
    pb.add_argument("--no-cache", action="store_true",
                    help="extract every document again (default: reuse DIR/.cache for unchanged ones)")
    pb.add_argument("--budget", type=seconds_arg, default=120.0, metavar="SECONDS",
                    help="give up on a document after this long and report it (default 120)")
    pb.add_argument("--no-validate", action="store_true",
                    help="skip the SHACL validation of the graph (about a seventh of a large build)")
    pb.add_argument("--measures", metavar="SCHEME.ttl", type=scheme_arg,
                    help="a SKOS measure scheme of your own (default: the shipped ontology/measures.ttl)")
    pb.add_argument("--scheduler", type=scheduler_arg, metavar="tcp://HOST:8786",
                    help="extract the documents on this Dask cluster (pip install 'policygraph[cluster]' "
                    "on this machine and every worker); the rest of the build runs here")
    pb.add_argument("--as-of", type=as_of_arg, default=None, metavar="YYYY-MM-DD",
                    help="the date validity (in force, amended, repealed …) is given on "
                         "(default: the newest document date of the corpus)")
    pb.set_defaults(func=cmd_build)

    pq = sub.add_parser("query", help="run SPARQL over a build (prefixes pg:, eli:, dcterms: … declared)",
                        description="SELECT and ASK print rows, CONSTRUCT and DESCRIBE print Turtle. Exit "
                        "status: 0 answered, 1 failed or timed out, 2 bad query or input.")
    pq.add_argument("dir", nargs="?", default=".", help="a build output folder")
    pq.add_argument("sparql", nargs="?", help="a SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE query")
    pq.add_argument("--file", help="read the query from a file")
    pq.add_argument("--name", help="run a named query shipped with policygraph (see --list)")
    pq.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                    help="bind a parameter of a named query, e.g. doc=中发〔2002〕12号 (doc: a number in any "
                    "variant, a title, a file name)")
    pq.add_argument("--format", choices=("table", "csv", "tsv", "json"), default="table")
    pq.add_argument("--list", action="store_true", help="list the named queries and exit")
    pq.add_argument("--engine", choices=("auto", "oxigraph", "rdflib"), default="auto",
                    help="auto: the build's on-disk Oxigraph store (DIR/store), else graph.ttl in rdflib")
    pq.add_argument("--timeout", type=seconds_arg, default=60.0, metavar="SECONDS",
                    help="stop the query after this long (default 60); exit status 1")
    pq.set_defaults(func=cmd_query)

    pc = sub.add_parser("cascade", help="the documents implementing or forwarding a document")
    pc.add_argument("dir", help="a build output folder")
    pc.add_argument("document", help=DOCUMENT_HELP)
    pc.add_argument("--probable", action="store_true", help="also follow probable links")
    pc.add_argument("--relations", metavar="REL,…",
                    help="also follow these relations (cites, amends, repeals; 'only:REL,…' for just those); "
                         "default: the implementation relations forwards, issues, implements, based_on")
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
    from policygraph.sparql.serve_cmd import add_arguments as serve_arguments

    serve_arguments(ps)
    ps.set_defaults(func=cmd_serve)

    pp = sub.add_parser("push", help="upload a build's graph to a SPARQL 1.1 Graph Store (resumable)",
                        description="The remote count is checked after the push. Exit status: 0 pushed "
                        "(or already there), 1 failed (the same command resumes), 2 bad input.")
    pp.add_argument("dir", help="a build output folder")
    pp.add_argument("--endpoint", required=True, help="Graph Store URL, e.g. http://localhost:7878/store")
    pp.add_argument("--graph", type=iri_arg, help="named graph IRI (default: the data base IRI + 'graph')")
    pp.add_argument("--chunk", type=positive_int, default=50_000,
                    help="triples per request (default 50,000)")
    pp.add_argument("--force", action="store_true",
                    help="push everything again, even what the saved progress says the store holds")
    pp.add_argument("--query-endpoint", metavar="URL",
                    help="SPARQL query endpoint the pushed triples are counted at (default: beside the Graph "
                         "Store for Oxigraph's /store and Fuseki's /data; else the graph is fetched)")
    pp.add_argument("--connect-timeout", type=seconds_arg, default=10.0, metavar="SECONDS",
                    help="give up connecting after this long (default 10)")
    pp.add_argument("--timeout", type=seconds_arg, default=120.0, metavar="SECONDS",
                    help="give up when the server is silent this long (default 120)")
    pp.add_argument("--deadline", type=seconds_arg, default=3600.0, metavar="SECONDS",
                    help="give up when the whole push takes longer (default 3600); a resumed push "
                         "goes on from the last chunk sent")
    pp.set_defaults(func=cmd_push)

    pd = sub.add_parser("demo", help="build the bundled example corpus")
    pd.add_argument("--out", default="out", help="output folder (default: ./out)")
    pd.set_defaults(func=cmd_demo)

    args, extra = p.parse_known_args(argv)
    if args.command == "query" and args.sparql is None and len(extra) == 1 and not extra[0].startswith("-"):
        args.sparql = extra.pop()  # a query given after an option (`query DIR --timeout 5 'SELECT …'`)
    if extra:
        p.error(f"unrecognized arguments: {' '.join(extra)}")
    if hasattr(signal, "SIGPIPE") and argv is None:
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `policygraph … | head` ends quietly
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
