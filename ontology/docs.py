"""HTML documentation of the ontology and its SKOS vocabularies, made with pyLODE.

`build(out_dir)` writes out_dir/index.html (the ontology, pyLODE's OntPub profile) and
out_dir/vocab/<name>.html (each vocabulary, pyLODE's VocPub profile), and returns the index path.
The lead's `unkg docs` command and the webapp's /ontology route call it.
"""
from __future__ import annotations

import html
import importlib.metadata
import sys
import types
import warnings
from pathlib import Path

import rdflib

from unkg.errors import UnkgError
from unkg.ontology import ontology_graph, vocab_paths


def _import_pylode():
    """Import pyLODE. pyLODE 3.4 reads its version from a pyproject.toml that wheels do not ship, so give it
    the installed version first (a stand-in module for pylode.version) instead of failing at import."""
    if "pylode.version" not in sys.modules:
        try:
            import pylode  # noqa: F401  (works on releases that fix version.py)
            return pylode
        except FileNotFoundError:
            for name in [n for n in sys.modules if n == "pylode" or n.startswith("pylode.")]:
                del sys.modules[name]
            stub = types.ModuleType("pylode.version")
            stub.__version__ = importlib.metadata.version("pylode")
            sys.modules["pylode.version"] = stub
        except ModuleNotFoundError as e:
            if e.name != "pylode":  # pyLODE itself is broken: a fault to see, not a missing extra
                raise
            raise UnkgError("cannot build the documentation: pyLODE is not installed (pip install 'unkg[docs]')") from None
    # pyLODE is optional (the docs extra): imported only when documentation is built
    import pylode

    return pylode


def _self_contained(path: Path) -> rdflib.Graph:
    """One vocabulary without its concepts' links to resources described elsewhere (States -> actors/member-states,
    UNBIS, Wikidata): pyLODE's VocPub can only render links to concepts of the same vocabulary."""
    g = rdflib.Graph().parse(path, format="turtle")
    described = set(g.subjects())
    concepts = set(g.subjects(rdflib.RDF.type, rdflib.SKOS.Concept))
    for s, p, o in list(g):
        if s in concepts and p != rdflib.RDF.type and isinstance(o, rdflib.URIRef) and o not in described:
            g.remove((s, p, o))
    return g


def build(out_dir: str | Path) -> Path:
    """Write the HTML documentation into out_dir; returns out_dir/index.html."""
    pylode = _import_pylode()
    with warnings.catch_warnings():
        # pyLODE leaves the files it reads and writes to the garbage collector; nothing of ours to close
        warnings.simplefilter("ignore", ResourceWarning)
        return _build(pylode, Path(out_dir))


def _build(pylode, out: Path) -> Path:
    (out / "vocab").mkdir(parents=True, exist_ok=True)
    index = out / "index.html"
    pylode.OntPub(ontology=ontology_graph()).make_html(destination=index)
    for path in vocab_paths():
        try:
            pylode.VocPub(ontology=_self_contained(path)).make_html(destination=out / "vocab" / f"{path.stem}.html")
        except Exception as e:  # pyLODE rejects some vocabularies (e.g. no single ConceptScheme): say which
            (out / "vocab" / f"{path.stem}.html").write_text(
                f"<!DOCTYPE html><title>{path.stem}</title><p>pyLODE could not document {path.name}: {e}</p>",
                encoding="utf-8")
    _vocab_index(out / "vocab", [p.stem for p in vocab_paths()])
    return index


def _vocab_index(folder: Path, names: list[str]) -> None:
    items = "".join(f'<li><a href="{n}.html">{html.escape(n)}</a></li>' for n in names)
    folder.joinpath("index.html").write_text(
        '<!DOCTYPE html><html lang="en"><meta charset="utf-8"><title>unkg vocabularies</title>'
        f'<h1>unkg vocabularies</h1><p><a href="../index.html">The unkg ontology</a></p><ul>{items}</ul></html>',
        encoding="utf-8")
