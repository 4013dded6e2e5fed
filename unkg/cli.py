"""The `unkg` command: thin wrappers over the library; user mistakes become one line on stderr.

Exit codes: 0 success; 1 a file failed, the store does not conform, or a query is malformed;
2 usage error or the store / shapes could not be loaded.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from importlib.resources import files
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Callable, Sequence

from unkg import __version__, config
from unkg.config import default_store, query_memory
from unkg.errors import QueryError, StoreError, UnkgError, one_line
from unkg.limits import run_capped
from unkg.querykind import check_nesting, classify
from unkg.store import open_store

EXIT_CODES = """exit codes:
  0  success
  1  a file failed to ingest, the store does not conform to the shapes, or a query failed
  2  usage error, or the store or shapes could not be loaded
  3  internal error (a bug: set UNKG_DEBUG=1 to see the traceback)
errors are printed to stderr as one line naming the file (or store) and the problem."""

STORE_HELP = ("a folder (embedded store) or an http(s):// SPARQL endpoint; default $UNKG_STORE, "
              "else a per-user data folder")


class UsageError(UnkgError):
    exit_code = 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line with exit code 2 (never a traceback)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


# -- commands -------------------------------------------------------------------------------------------
def cmd_ingest(args: argparse.Namespace) -> int:
    # here, not at the top: each command loads only its own part (`unkg --help` and `unkg query` start fast)
    from unkg.ingest.pipeline import ingest

    if args.sample:
        args.paths = [*args.paths, str(files("unkg.ingest.sample") / "A_RES_78_216.en.txt")]
    if not args.paths:
        print("unkg ingest: no PATH given; nothing ingested (give files, folders or globs)", file=sys.stderr)
        return 0
    if args.jobs < 1:
        raise UsageError("unkg ingest: --jobs must be at least 1")
    store = _open(args.store)
    try:
        summary = ingest(args.paths, store, meta=args.meta, jobs=args.jobs, progress=None if not args.quiet else False,
                         on_failure=_err)
    finally:
        store.close()
    for path in summary.replaced_earlier:
        print(f"{path}: replaced by a later file for the same resolution expression", file=sys.stderr)
    for warning in summary.unresolved_names:
        print(f"warning: {warning}", file=sys.stderr)
    print(summary.line(), file=sys.stderr)
    return 1 if summary.failed else 0


def cmd_parse(args: argparse.Namespace) -> int:
    # here, not at the top: each command loads only its own part (`unkg --help` and `unkg query` start fast)
    from unkg.ingest.extract import extract
    from unkg.ingest.readers import read

    res = read(Path(args.file))
    res = extract(res) or res
    if args.meta:
        # here, not at the top: each command loads only its own part (`unkg --help` and `unkg query` start fast)
        from unkg.ingest.metadata import apply, load_index

        apply(res, load_index(args.meta))
    if args.explain:
        # here, not at the top: each command loads only its own part
        from unkg.ingest.extract.explain import explain

        _write(explain(res))
    else:  # The JSON document is the default output of `parse` (DESIGN.md); --json names it explicitly.
        _write(json.dumps(res.to_json(), ensure_ascii=False, indent=2) + "\n")
    for w in res.warnings:
        _err(f"{args.file}: warning: {w}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    # here, not at the top: each command loads only its own part (`unkg --help` and `unkg query` start fast)
    from unkg.ingest.pipeline import validate_store

    store = _open(args.store, read_only=True)
    try:
        warned: list[tuple[str, int]] = []
        checked, failures = validate_store(store, warned=warned)
    finally:
        store.close()
    for iri, summary in failures:
        print(f"{iri}: does not conform to the shapes: {summary}", file=sys.stderr)
    # SHACL's sh:conforms means no results at all, so graphs with warnings are counted as such.
    warnings = sum(n for _, n in warned)
    conform = f"{checked - len(failures)} conform"
    if warned:
        conform += f" ({warnings} warning(s) in {len(warned)} graph(s))"
    print(f"validated {checked} graph(s): {conform}, {len(failures)} do not", file=sys.stderr)
    return 1 if failures else 0


def cmd_query(args: argparse.Namespace) -> int:
    sparql = _query_text(args.sparql)
    if not sparql.strip():
        raise QueryError("the query is empty")
    check_nesting(sparql)
    # In a child process limited to the query's memory budget: a query that needs more ends the child, not
    # the machine (unkg/limits.py).
    code, failure = run_capped(lambda cap: _guarded(lambda: _query(args, sparql, cap)), query_memory())
    if failure:
        raise QueryError(f"unkg query: {failure}")
    return code


def _query(args: argparse.Namespace, sparql: str, cap: Callable[[], None]) -> int:
    store = _open(args.store, read_only=True)
    cap()
    try:
        if args.format in ("csv", "json", "tsv", "xml"):
            fmt = args.format if not classify(sparql).is_graph else {"json": "jsonld"}.get(args.format, "turtle")
            _write_bytes(store.query_raw(sparql, fmt))
        else:
            _write(_table(store, sparql))
    finally:
        store.close()
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if (args.dump is None) == (args.format is None):
        raise UsageError("export needs either --format FORMAT (one RDF file) or --dump DIR (the deposit)")
    if args.dump is not None:
        return _export_dump(args)
    fmt = {"nq": "nquads", "ttl": "turtle", "trig": "trig", "jsonld": "jsonld", "nt": "ntriples"}[args.format]
    store = _open(args.store, read_only=True)
    try:
        data = store.dump(fmt)
    finally:
        store.close()
    if args.output and args.output != "-":
        try:
            Path(args.output).write_bytes(data)
        except OSError as e:
            raise UnkgError(f"{args.output}: cannot write: {e.strerror or e}") from None
        print(f"wrote {len(data)} bytes to {args.output}", file=sys.stderr)
    else:
        _write_bytes(data)
    return 0


def _export_dump(args: argparse.Namespace) -> int:
    # here, not at the top: each command loads only its own part (`unkg --help` and `unkg query` start fast)
    from unkg.dump import write_dump

    store = _open(args.store, read_only=True)
    try:
        dump = write_dump(store, args.dump)
    finally:
        store.close()
    print(f"wrote {len(dump.files)} files to {dump.directory}: {dump.quads} quads in {dump.graphs} graphs "
          f"(unkg-{dump.version}.nq.gz), the ontology, vocabularies, void.ttl and SHA256SUMS", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    # here, not at the top: each command loads only its own part (`unkg --help` and `unkg query` start fast)
    from unkg.webapp import serve

    location = args.store or default_store()
    _open(location, read_only=True).close()  # fail here, in one line, if the store cannot be opened
    print(f"serving {location} on http://{args.host}:{args.port}/ (Ctrl-C stops)", file=sys.stderr)
    serve(location, args.host, args.port, workers=args.workers, threads=args.threads, compute=args.compute)
    return 0


def cmd_mcp(args: argparse.Namespace) -> int:
    # here, not at the top: each command loads only its own part (`unkg --help` and `unkg query` start fast)
    from unkg.mcp_server import serve

    if find_spec("mcp") is None:
        raise UnkgError("unkg mcp needs the mcp package: pip install 'unkg[mcp]'")
    _open(args.store, read_only=True).close()  # fail here, in one line, if the store cannot be opened
    serve(args.store)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    store = _open(args.store, read_only=True)
    try:
        stats = store.stats()
    finally:
        store.close()
    if args.json:
        _write(json.dumps(stats, indent=2) + "\n")
    else:
        width = max(len(k) for k in stats)
        _write("".join(f"{k.replace('_', ' '):<{width}}  {v}\n" for k, v in stats.items()))
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    # here, not at the top: each command loads only its own part (`unkg --help` and `unkg query` start fast)
    from unkg.lineage.diff import document, redline
    from unkg.lineage.sources import resolution

    old = resolution(args.old, args.store)
    new = resolution(args.new, args.store)
    doc = document(old, new)
    if args.json:
        _write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        _write(redline(doc, color=sys.stdout.isatty() and not os.environ.get("NO_COLOR")))
    return 0


def cmd_lineage(args: argparse.Namespace) -> int:
    # here, not at the top: each command loads only its own part (`unkg --help` and `unkg query` start fast)
    from unkg.lineage.update import lineage_of, rebuild

    if args.rebuild:
        store = _open(args.store)
        try:
            summary = rebuild(store, jobs=args.jobs)
        finally:
            store.close()
        print(summary.line(), file=sys.stderr)
        if not args.symbol:
            return 0
    if not args.symbol:
        raise UsageError("unkg lineage: give a SYMBOL (or --rebuild)")
    store = _open(args.store, read_only=True)
    try:
        doc = lineage_of(store, args.symbol)
    finally:
        store.close()
    if doc is None:
        raise UnkgError(f"{args.symbol}: no lineage in the store {args.store or '(default)'} (not ingested, or "
                        f"ingested before lineage: run unkg lineage --rebuild)")
    if args.json:
        _write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        lines = [f"{doc['symbol']} in series {doc['series']}",
                 f"predecessor: {doc['predecessor'] or 'none (first of its series in the store)'}"]
        lines += [f"  because: {e}" for e in doc["evidence"]]
        if len(doc["predecessors"]) > 1:
            lines.append("earlier: " + ", ".join(doc["predecessors"][1:]))
        lines.append("successors: " + (", ".join(doc["successors"]) or "none in the store"))
        _write("\n".join(lines) + "\n")
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    # here, not at the top: each command loads only its own part (`unkg --help` and `unkg query` start fast)
    from unkg.ontology.docs import build

    out = build(Path(args.output))
    print(f"wrote ontology documentation to {out}", file=sys.stderr)
    return 0


# -- helpers --------------------------------------------------------------------------------------------
def _open(location: str | None, read_only: bool = False) -> Any:
    return open_store(location, read_only=read_only)


def _query_text(arg: str) -> str:
    """The query itself, `-` for stdin, or the path of a .rq / .sparql file; UTF-8 in each case."""
    if arg == "-":
        return _utf8(sys.stdin.buffer.read(), "stdin")
    p = Path(arg)
    if p.suffix.lower() in (".rq", ".sparql") or (len(arg) < 512 and "\n" not in arg and p.is_file()):
        try:
            return _utf8(p.read_bytes(), arg)
        except OSError as e:
            raise UnkgError(f"{arg}: cannot read the query: {e.strerror or e}") from None
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:  # bytes the terminal's encoding could not decode, kept as surrogates
        raise QueryError("the query is not UTF-8 text") from None
    return arg


def _utf8(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise QueryError(f"{where}: the query is not UTF-8 text (byte {e.start})") from None


def _table(store: Any, sparql: str) -> str:
    """A plain aligned table for SELECT, 'true'/'false' for ASK, Turtle for CONSTRUCT/DESCRIBE."""
    kind = classify(sparql)
    if kind.form == "ASK":
        return ("true" if store.ask(sparql) else "false") + "\n"
    if kind.is_graph:
        return store.construct(sparql).serialize(format="turtle")
    raw = store.query_raw(sparql, "json")
    data = json.loads(raw)
    names = data["head"].get("vars", [])
    rows = [[_cell(b.get(n)) for n in names] for b in data["results"]["bindings"]]
    if not names:
        return ""
    widths = [min(60, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]
    line = lambda cells: "  ".join(c[:60].ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()  # noqa: E731
    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _cell(b: dict[str, str] | None) -> str:
    if not b:
        return ""
    v = " ".join(b.get("value", "").split())
    if b.get("type") == "uri":
        return f"<{v}>"
    if b.get("type") == "bnode":
        return f"_:{v}"
    return v + (f"@{b['xml:lang']}" if "xml:lang" in b else "")


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _write_bytes(data: bytes) -> None:
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


# -- parser ---------------------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="unkg", description="A knowledge graph of United Nations resolutions, mandates and obligations.",
                epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"unkg {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, fn: Callable[[argparse.Namespace], int], help_: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_, description=help_, epilog=EXIT_CODES,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
        sp.set_defaults(func=fn)
        return sp

    sp = command("ingest", cmd_ingest, "read, extract, validate and store resolutions (files, folders or globs)")
    sp.add_argument("paths", nargs="*", metavar="PATH")
    sp.add_argument("--store", help=STORE_HELP)
    sp.add_argument("--meta", action="append", metavar="FILE",
                    help="the UN's metadata extract (JSON file or folder of them); may be repeated")
    sp.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="worker processes (default 1)")
    sp.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    sp.add_argument("--sample", action="store_true",
                    help="also ingest the bundled sample, A/RES/78/216 (text converted from the official PDF)")

    sp = command("parse", cmd_parse, "print one file's document model as JSON (no store)")
    sp.add_argument("file", metavar="FILE")
    out = sp.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="JSON output (the default)")
    out.add_argument("--explain", action="store_true",
                     help="instead of JSON, per provision: why each addressee, right and group was or was not taken")
    sp.add_argument("--meta", action="append", metavar="FILE", help="add the UN's metadata for this resolution")

    sp = command("validate", cmd_validate, "check every resolution graph in the store against the SHACL shapes")
    sp.add_argument("--store", help=STORE_HELP)

    sp = command("query", cmd_query, "run a SPARQL 1.1 query (text, a .rq file, or - for stdin)")
    sp.add_argument("sparql", metavar="SPARQL")
    sp.add_argument("--store", help=STORE_HELP)
    sp.add_argument("--format", choices=["table", "csv", "tsv", "json", "xml"], default="table")

    sp = command("export", cmd_export, "write the whole store as RDF")
    sp.add_argument("--store", help=STORE_HELP)
    sp.add_argument("--format", choices=["trig", "nq", "ttl", "jsonld", "nt"])
    sp.add_argument("-o", "--output", metavar="FILE", help="output file (default stdout)")
    sp.add_argument("--dump", metavar="DIR", help="instead of --format: write the versioned, gzipped N-Quads of the "
                    "whole store, the ontology and vocabularies, a VoID/DCAT description and SHA256SUMS into DIR")

    sp = command("serve", cmd_serve, "serve the web app and SPARQL endpoint (gunicorn's worker processes; waitress on Windows)")
    sp.add_argument("--store", help=STORE_HELP)
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=int, default=8080)
    sp.add_argument("--workers", type=int, default=None, metavar="N",
                    help="worker processes (default: one per core, at most 4; docs/serving.md)")
    sp.add_argument("--threads", type=int, default=8, metavar="N", help="threads per worker process (default 8)")
    sp.add_argument("--compute", type=int, default=None, metavar="N",
                    help="of a worker process's threads, how many make answers at once; the others wait for "
                    "their turn, for /sparql queries or for clients (default 1; 0: all; docs/serving.md)")

    sp = command("mcp", cmd_mcp, "serve the store to AI assistants (Model Context Protocol, stdio)")
    sp.add_argument("--store", help=STORE_HELP)

    sp = command("stats", cmd_stats, "count quads, graphs, resolutions, paragraphs and provisions")
    sp.add_argument("--store", help=STORE_HELP)
    sp.add_argument("--json", action="store_true", help="as JSON")

    sp = command("diff", cmd_diff, "what changed from one resolution to another: a redline, or JSON")
    sp.add_argument("old", metavar="OLD", help="a file in any format unkg reads, or a symbol in the store")
    sp.add_argument("new", metavar="NEW", help="a file in any format unkg reads, or a symbol in the store")
    sp.add_argument("--store", help=STORE_HELP + " (only read for symbols)")
    sp.add_argument("--json", action="store_true", help="the diff document as JSON")

    sp = command("lineage", cmd_lineage, "the series of a resolution: its predecessors, successors and why")
    sp.add_argument("symbol", metavar="SYMBOL", nargs="?")
    sp.add_argument("--store", help=STORE_HELP)
    sp.add_argument("--json", action="store_true", help="as JSON")
    sp.add_argument("--rebuild", action="store_true",
                    help="first place every stored resolution again and rewrite all lineage graphs")
    sp.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="processes for --rebuild (default 1)")

    sp = command("docs", cmd_docs, "build the ontology documentation (HTML)")
    sp.add_argument("-o", "--output", metavar="DIR", default="ontology-docs",
                    help="output folder (default ./ontology-docs)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `unkg` console script; returns the exit code."""
    parser = build_parser()

    def run() -> int:
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help(sys.stderr)
            return 2
        return args.func(args)

    return _guarded(run)


def _guarded(fn: Callable[[], int]) -> int:
    """Run a command: its exit code, or the exit code of the error it raised, printed as one line."""
    try:
        return fn()
    except StoreError as e:
        _err(str(e))
        return 2
    except UnkgError as e:
        _err(str(e))
        return e.exit_code
    except KeyboardInterrupt:
        _err("unkg: interrupted")
        return 130
    except BrokenPipeError:
        # The reader of stdout went away (`unkg export | head`): stop quietly, as Unix tools do.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        return 1
    except SystemExit as e:  # --help / --version
        return int(e.code or 0) if isinstance(e.code, int) else 0
    except Exception as e:  # a bug, not a user mistake: still one line unless asked for more
        if config.debug():
            raise
        _err(f"unkg: internal error: {type(e).__name__}: {e} (set UNKG_DEBUG=1 for the traceback)")
        return 3


def _err(message: str) -> None:
    print(one_line(message), file=sys.stderr)


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL) if hasattr(signal, "SIGPIPE") else None
    sys.exit(main())
