"""`policygraph serve`: its options, and its start-up errors as one line each, not tracebacks."""

from __future__ import annotations

import argparse
import errno
import logging
import signal
import sys
from pathlib import Path

from policygraph.sparql.pool import Limits


def add_arguments(ps: argparse.ArgumentParser) -> None:
    """The serve subcommand's options."""
    ps.add_argument("dir", help="a build output folder")
    ps.add_argument("--host", default="127.0.0.1",
                    help="address to bind (default 127.0.0.1: this machine only; to publish the "
                         "endpoint, put a reverse proxy in front of it)")
    ps.add_argument("--port", type=int, default=8080, help="port (default 8080; 0: any free one)")
    ps.add_argument("--timeout", type=float, default=30.0, help="seconds a query may run (default 30)")
    ps.add_argument("--max-bytes", type=int, default=50 * 1024 * 1024,
                    help="largest answer in bytes (default 50 MB); a larger one is cut")
    ps.add_argument("--max-memory", type=int, default=2048, metavar="MB",
                    help="memory a query worker may use beyond the open store (default 2048 MB)")
    ps.add_argument("--cache", type=int, default=64, metavar="MB",
                    help="answers kept for repeated queries until the store changes (default 64 MB; 0: none)")
    ps.add_argument("--whole-bytes", type=int, default=1 << 20, help=argparse.SUPPRESS)  # tests: answers
    # up to this size are sent whole with Content-Length (a status that can still be 413); larger ones
    # are streamed and cut at --max-bytes
    ps.add_argument("--workers", type=int, default=2,
                    help="query worker processes, the queries that run at once (default 2)")
    ps.add_argument("--allow-service", action="append", default=[], metavar="URL",
                    help="a SERVICE endpoint queries may call (repeatable); none by default")
    ps.add_argument("--cors", metavar="ORIGIN",
                    help="let web pages from ORIGIN read answers (Access-Control-Allow-Origin); "
                         "none by default")


def _check(args: argparse.Namespace) -> str | None:
    folder = Path(args.dir)
    if not (folder / "graph.ttl").is_file() and not (folder / "store").is_dir():
        return f"{folder / 'graph.ttl'} not found; run `policygraph build CORPUS --out {folder}` first"
    if not 0 <= args.port <= 65535:
        return f"--port {args.port}: a port is 0 to 65535"
    if args.timeout <= 0 or args.max_bytes <= 0 or args.max_memory <= 0 or args.workers < 1 \
            or args.whole_bytes < 0 or args.cache < 0:
        return "--timeout, --max-bytes, --max-memory and --workers must be positive"
    for url in args.allow_service:
        if not url.startswith(("http://", "https://")) or any(c in url for c in '<> "{}|\\^`'):
            return f"--allow-service {url}: not an http(s) URL"
    return None


def _bind_error(e: OSError, host: str, port: int) -> str:
    if e.errno == errno.EADDRINUSE:
        return f"port {port} on {host} is already in use (another server?); choose another with --port"
    if e.errno in (errno.EACCES, errno.EPERM):
        return f"not allowed to bind {host}:{port} (ports below 1024 need privileges); use --port"
    if e.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT):
        return f"cannot bind {host}: no such address on this machine ({e.strerror})"
    return f"cannot listen on {host}:{port}: {e.strerror or e}"


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve a build until interrupted; a client that hangs up never ends the server."""
    from policygraph.sparql.serve import Settings, exposure_warning, make_server

    problem = _check(args)
    if problem:
        print(f"policygraph: {problem}", file=sys.stderr)
        return 2
    if hasattr(signal, "SIGPIPE"):  # cli.main makes a closed pipe end the process: not here
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _interrupt)  # `kill`, systemd: close as on Ctrl-C
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "task queue depth" under load
    limits = Limits(timeout=args.timeout, max_bytes=args.max_bytes, memory=args.max_memory << 20,
                    whole=args.whole_bytes, cache=args.cache << 20)
    settings = Settings(cors=args.cors, services=frozenset(args.allow_service), workers=args.workers)
    try:
        server = make_server(Path(args.dir), args.host, args.port, limits, settings)
    except OSError as e:
        print(f"policygraph: {_bind_error(e, args.host, args.port)}", file=sys.stderr)
        return 2
    except ValueError:  # waitress: the name does not resolve
        print(f"policygraph: --host {args.host}: not an address or a name this machine resolves",
              file=sys.stderr)
        return 2
    warning = exposure_warning(args.host)
    if warning:
        print(warning, file=sys.stderr)
    print(f"SPARQL endpoint {server.url}/sparql (read-only); explorer {server.url}/", file=sys.stderr,
          flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    return 0
