"""Configuration read from the environment, in one place: every `UNKG_*` variable is read here (and listed in
README.md; tests/test_docs.py checks both)."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir

from unkg.errors import UnkgError

DEFAULT_BASE_IRI = "https://w3id.org/unkg/id/"
ONTOLOGY_NS = "https://w3id.org/unkg/ontology#"
VOCAB_NS = "https://w3id.org/unkg/vocab/"


def base_iri() -> str:
    """Base of data IRIs; `UNKG_BASE_IRI` overrides it (it must end with '/')."""
    base = os.environ.get("UNKG_BASE_IRI", DEFAULT_BASE_IRI)
    return base if base.endswith("/") else base + "/"


DEFAULT_MAX_INPUT_MB = 8


def max_input_bytes() -> int:
    """The largest input file unkg reads, and the most a zip package (DOCX) may unpack to: `UNKG_MAX_INPUT_MB`
    megabytes (default 8; UN resolutions are well under 1 MB, and reading and extraction hold many times a text
    input in memory: docs/inputs.md)."""
    raw = os.environ.get("UNKG_MAX_INPUT_MB", "").strip()
    try:
        mb = float(raw) if raw else DEFAULT_MAX_INPUT_MB
        if not mb > 0:
            raise ValueError
    except ValueError:
        raise UnkgError(f"UNKG_MAX_INPUT_MB={raw!r}: not a positive number of megabytes") from None
    return int(mb * (1 << 20))


def default_store() -> str:
    """`$UNKG_STORE`, else a per-user data folder."""
    env = os.environ.get("UNKG_STORE")
    if env:
        return env
    return str(Path(user_data_dir("unkg")) / "store")


def corpus_dir() -> Path | None:
    """The shared corpus of real UN documents, if present: `$UNKG_CORPUS`, else ../shared/corpus."""
    env = os.environ.get("UNKG_CORPUS")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve().parent.parent
    candidates += [here.parent / "shared" / "corpus", Path.cwd().parent / "shared" / "corpus"]
    for c in candidates:
        if (c / "akn").is_dir():
            return c
    return None

# The dataset as a whole (VoID / DCAT): served at /dataset and /.well-known/void.
DATASET_IRI = "https://w3id.org/unkg/dataset"
# What unkg makes (the graphs: extractions, links, evidence) is under CC BY 4.0, like its vocabularies; the
# texts of the resolutions are the United Nations' and stay under the UN's terms of use.
DATA_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
UN_TERMS = "https://www.un.org/en/about-us/terms-of-use"


def dump_url() -> str | None:
    """Where the dumps that `unkg export --dump DIR` writes are published (`$UNKG_DUMP_URL`), if anywhere."""
    return os.environ.get("UNKG_DUMP_URL") or None


def debug() -> bool:
    """`UNKG_DEBUG` set (to anything but empty): the command line shows the traceback of an internal error."""
    return bool(os.environ.get("UNKG_DEBUG"))


def assets_root() -> Path:
    """Where the explorer's third-party editor is installed: `$UNKG_ASSETS`, else the per-user cache folder."""
    return Path(os.environ.get("UNKG_ASSETS") or Path(user_cache_dir("unkg")) / "assets")


def store_credentials() -> tuple[str | None, str | None]:
    """User and password for a remote store when its URL carries none: `UNKG_STORE_USER`, `UNKG_STORE_PASSWORD`."""
    return os.environ.get("UNKG_STORE_USER"), os.environ.get("UNKG_STORE_PASSWORD")


def store_auth() -> str:
    """How a remote store is logged into: `UNKG_STORE_AUTH=basic`, else HTTP Digest (Virtuoso's)."""
    return "basic" if os.environ.get("UNKG_STORE_AUTH", "").lower() == "basic" else "digest"


def update_endpoint() -> str | None:
    """A remote store's SPARQL Update endpoint, when it is not where unkg derives it: `UNKG_UPDATE_ENDPOINT`."""
    return os.environ.get("UNKG_UPDATE_ENDPOINT") or None


def gsp_endpoint() -> str | None:
    """A remote store's Graph Store Protocol endpoint, when it is not where unkg derives it: `UNKG_GSP_ENDPOINT`."""
    return os.environ.get("UNKG_GSP_ENDPOINT") or None


DEFAULT_QUERY_MEMORY = 1 << 30


def parse_size(text: str, setting: str) -> int:
    """Bytes from "512M", "1G", "1.5G", "800000" (K, M, G, T are powers of 1024); 0 means no limit."""
    t = text.strip().upper().removesuffix("B").removesuffix("I")
    factor = 1
    if t[-1:] in ("K", "M", "G", "T"):
        factor = 1024 ** ("KMGT".index(t[-1]) + 1)
        t = t[:-1]
    try:
        value = float(t)
    except ValueError:
        raise UnkgError(f"{setting}: {text!r} is not a size (e.g. 512M, 1G, or 0 for no limit)") from None
    if value < 0 or value != value or value == float("inf"):
        raise UnkgError(f"{setting}: {text!r} is not a size (e.g. 512M, 1G, or 0 for no limit)")
    return int(value * factor)


def query_memory() -> int:
    """The memory one SPARQL query may take, in bytes, beyond what its process holds before it starts (0: no
    limit): `UNKG_QUERY_MEMORY` (e.g. 512M, 2G), else 1 GiB. Applies to each query worker of `unkg serve`
    and to `unkg query`; docs/limits.md says how it is enforced."""
    env = os.environ.get("UNKG_QUERY_MEMORY", "").strip()
    return parse_size(env, "UNKG_QUERY_MEMORY") if env else DEFAULT_QUERY_MEMORY


def progress_every() -> float:
    """Seconds between the progress lines `unkg ingest` prints where no terminal shows a bar (a log, CI):
    `UNKG_PROGRESS_EVERY`, default 30."""
    try:
        return float(os.environ.get("UNKG_PROGRESS_EVERY", "30"))
    except ValueError:
        return 30.0


def page_cache(store: str) -> str | None:
    """Where `unkg serve` keeps the answers of its pages, shared by its worker processes (docs/serving.md):
    `UNKG_PAGE_CACHE` (a folder; `off` keeps them in each process's memory only), else a folder for this
    store in the per-user cache folder."""
    env = os.environ.get("UNKG_PAGE_CACHE", "").strip()
    if env.lower() == "off":
        return None
    if env:
        return env
    where = store if store.startswith(("http://", "https://")) else str(Path(store).resolve())
    return str(Path(user_cache_dir("unkg")) / "pages" / hashlib.sha256(where.encode("utf-8")).hexdigest()[:16])
