"""`unkg mcp`: the store for AI assistants, over the Model Context Protocol on stdio.

The tools are `unkg.assistant.Library`'s methods; this module only declares them to the `mcp` package's
MCPServer (optional dependency: `pip install 'unkg[mcp]'`). Every tool is read-only and every answer carries
`sources` (symbol, paragraph IRI, the official text's address). A name, symbol or query the store cannot
answer comes back as a tool error whose message says why (MCP's `isError`), never as an empty success.
Logging goes to stderr: stdout is the protocol's channel.
"""
from __future__ import annotations

from typing import Any

from unkg import __version__
from unkg.assistant import Library
from unkg.errors import UnkgError

INSTRUCTIONS = """unkg is a knowledge graph of United Nations resolutions (General Assembly, Human Rights Council,
Security Council): for every operative paragraph, who is asked to do what (verb and strength 1-5), the
addressees (duty-bearers), rights, beneficiary groups and mandates. Cite answers with the symbol and paragraph
(e.g. A/RES/78/216, op 11) and the paragraph IRI each result carries in `sources`."""


def build_server(location: str | None = None) -> Any:
    # here, not at the top: mcp is an optional extra, and every module of unkg imports without it
    from mcp.server.mcpserver import MCPServer
    from mcp.server.mcpserver.exceptions import ToolError
    from mcp.types import ToolAnnotations

    library = Library(location)
    server = MCPServer("unkg", instructions=INSTRUCTIONS, version=__version__, log_level="WARNING")
    read_only = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True,
                                open_world_hint=False)

    def answer(fn: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        try:
            return fn(*args, **kwargs)
        except UnkgError as e:
            raise ToolError(str(e)) from None

    @server.tool(annotations=read_only)
    def search_obligations(actor: str | None = None, right: str | None = None, group: str | None = None,
                           verb: str | None = None, min_strength: int | None = None, symbol: str | None = None,
                           limit: int = 20) -> dict[str, Any]:
        """Find provisions (obligations, requests, encouragements ...) of UN resolutions.

        actor: who is addressed, e.g. "States", "business enterprises", "Secretary-General" (narrower actors
        are included); right: e.g. "freedom of expression", "right to privacy"; group: a beneficiary group,
        e.g. "human rights defenders", "women"; verb: e.g. "urge", "request"; min_strength: 1 (notes) to 5
        (decides, demands); symbol: only this resolution, e.g. "A/RES/78/216"; limit: at most 200.
        Give at least one. Results are the strongest first, each with its symbol, paragraph IRI and text."""
        return answer(library.search_obligations, actor=actor, right=right, group=group, verb=verb,
                      min_strength=min_strength, symbol=symbol, limit=limit)

    @server.tool(annotations=read_only)
    def get_resolution(symbol: str, language: str = "en") -> dict[str, Any]:
        """A resolution by symbol (e.g. "A/RES/78/216"): title, date, adopting body, and every paragraph in
        order with its text and, for operative paragraphs, its provisions. language: en, fr, es, ar, zh, ru
        (the English version, or any stored one, when that language is not in the store)."""
        return answer(library.get_resolution, symbol, language)

    @server.tool(annotations=read_only)
    def get_paragraph(symbol: str, paragraph: str, language: str = "en") -> dict[str, Any]:
        """One paragraph of a resolution with its provisions: verb, strength, addressees, rights,
        beneficiaries, mandates; its sub-paragraphs, citations and SDG targets. paragraph: "11" or "op 11"
        (operative paragraph 11), "pp 3" (third preambular paragraph), "B/op/2" (part B)."""
        return answer(library.get_paragraph, symbol, paragraph, language)

    @server.tool(annotations=read_only)
    def diff_resolutions(old: str, new: str, language: str = "en", unchanged: bool = False) -> dict[str, Any]:
        """Compare two resolutions of a series, e.g. old "A/RES/76/174" and new "A/RES/78/216": how many
        paragraphs are unchanged, revised, moved, new, dropped; each changed paragraph's word-level changes
        (equal / delete / insert) with the IRIs of both versions; and what changed in the provisions (verb,
        strength, addressees, rights, beneficiaries, mandates). unchanged: also list unchanged paragraphs."""
        return answer(library.diff, old, new, language, unchanged)

    @server.tool(annotations=read_only)
    def sparql(query: str) -> dict[str, Any]:
        """Run a read-only SPARQL 1.1 query over the whole store (updates, LOAD and SERVICE are refused; the
        web endpoint's time limit and row cap apply). Prefixes: unkg: <https://w3id.org/unkg/ontology#>,
        eli: <http://data.europa.eu/eli/ontology#>. Provisions: ?p unkg:inParagraph ?para ; unkg:verb ?v ;
        unkg:strength ?s ; unkg:addressee ?actor . ?para eli:is_part_of ?resolution . Each language version
        is a named graph; match inside GRAPH ?g { ... } and use DISTINCT. SELECT/ASK give SPARQL JSON results,
        CONSTRUCT/DESCRIBE Turtle."""
        return answer(library.sparql, query)

    server.library = library  # type: ignore[attr-defined]  # closed by `serve`
    return server


def serve(location: str | None = None) -> None:
    """Run the MCP server on stdin/stdout until the client closes it."""
    server = build_server(location)
    try:
        server.run("stdio")
    finally:
        server.library.close()
