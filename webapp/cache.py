"""Pages answered from what was computed once per store version, shared by the server's worker processes.

Two layers, both keyed by the version of the store the process reads (`version_key`):

- results: `AppState.cached(key, build)` (webapp/state.py) keeps a value per key, built once per store
  version in each process: the vocabularies, the provision table, the addressee pairs, the State data.
  `unkg serve` builds them before it forks its workers, which then share them (docs/serving.md).
- answers: `@cached_page` keeps a view's whole answer (status, headers, body) per store version, path with
  query string, and the format the request negotiates (HTML, JSON, CSV, RDF: by suffix, `format=` or
  Accept). An answer lives in this process's memory (the most recently used, up to MEMORY_BYTES) and, when
  the app is given a folder (config PAGE_CACHE; `unkg serve` gives one, see `unkg.config.page_cache`), on
  disk, where every worker process of the server finds what another one computed. Large answers (whole
  exports) are streamed to the client and to the disk at once, and later served from the file.

How a view uses it: put `@cached_page` under its route decorators.

    @bp.route("/mandates")
    @bp.route("/mandates.<any(json,csv):fmt>")
    @cached_page
    def mandates(fmt: str | None = None) -> Response:
        ...
        return respond(data, "mandates.html", base_path="/mandates", suffix=fmt, offered=("html", "json", "csv"))

The view must give the same answer for the same store, path, query string and negotiated format (nothing
from cookies, the host name or the time). Only 200 answers to GET and HEAD are kept; an error is computed
again each time. Answers made by `represent.respond` or `listing.stream_export` say which formats the page
offers, so that the key holds the format Accept selects rather than the Accept header's text (a browser's
and a script's Accept give one entry); any other answer is keyed by the Accept header as sent.

When the store changes (an ingest commits, `AppState.pick_up_writes` notices), the version changes: no
answer of the old version is served again, the memory layer is emptied and the old folder on disk removed.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import shutil
import tempfile
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any, Callable, Iterator

from flask import Response, current_app, request

from unkg.webapp.gate import holding

MEMORY_BYTES = 16 << 20  # answers kept in one process's memory (the disk's are read from the OS's file cache)
MEMORY_ITEM = 2 << 20  # a larger answer is kept on disk only
_HOP = {"content-length", "transfer-encoding", "connection", "set-cookie", "date", "server"}
_OLD_AFTER = 60.0  # seconds a folder of another version is left for a worker still reading it


class PageCache:
    """Answers by key, in memory and optionally in `folder` on disk (one sub-folder per store version)."""

    def __init__(self, folder: str | os.PathLike[str] | None = None):
        self.folder = Path(folder) if folder else None
        self._lock = threading.Lock()
        self._mem: OrderedDict[str, tuple[int, list[tuple[str, str]], bytes]] = OrderedDict()
        self._size = 0
        self._offered: dict[str, tuple[str, ...]] = {}  # path + query -> formats the page offers
        self._version: str | None = None
        self.hits = self.misses = 0
        self._computing: dict[str, list[Any]] = {}  # page -> [lock, how many requests hold or wait for it]

    # -- versions ---------------------------------------------------------------------------------------
    def use_version(self, version: str) -> None:
        """Called with the store's version before each lookup: a new one drops what the old one computed."""
        if version == self._version:
            return
        with self._lock:
            if version == self._version:
                return
            old, self._version = self._version, version
        self.clear()
        if old is not None and self.folder is not None:
            self._prune(version)

    def clear(self) -> None:
        """Forget this process's answers (the version changed within the process: an update it made)."""
        with self._lock:
            self._mem.clear()
            self._offered.clear()
            self._size = 0

    def prune(self) -> None:
        """Remove the folders of other versions (of the store or of the code) left by earlier servers."""
        if self._version is not None:
            self._prune(self._version)

    def _prune(self, keep: str) -> None:
        """Remove the folders of other versions that no process has written to for a while."""
        if not self.folder or not self.folder.is_dir():
            return
        now = time.time()
        for d in self.folder.iterdir():
            try:
                if d.name != _folder_name(keep) and d.is_dir() and now - d.stat().st_mtime > _OLD_AFTER:
                    shutil.rmtree(d, ignore_errors=True)
            except OSError:
                pass

    # -- lookups ----------------------------------------------------------------------------------------
    def _dir(self) -> Path | None:
        if self.folder is None or self._version is None:
            return None
        return self.folder / _folder_name(self._version)

    def version_folder(self) -> Path | None:
        """The folder of the current version's answers (None when answers are kept in memory only)."""
        return self._dir()

    def has(self, key: str) -> bool:
        """Whether an answer is kept under `key`, in memory or on disk."""
        if key in self._mem:
            return True
        d = self._dir()
        return d is not None and (d / _digest(key)).is_file()

    @contextlib.contextmanager
    def computing(self, page: str) -> Iterator[None]:
        """Held while this process computes an answer of `page`: requests for the same page that arrive
        meanwhile wait for it and then find the answer kept, instead of computing it once each."""
        with self._lock:
            entry = self._computing.setdefault(page, [threading.Lock(), 0])
            entry[1] += 1
        try:
            with holding(entry[0]):  # the thread computing it is waited for outside the gate (webapp/gate.py)
                yield
        finally:
            with self._lock:
                entry[1] -= 1
                if entry[1] == 0:
                    self._computing.pop(page, None)

    def offered(self, page: str) -> tuple[str, ...] | None:
        found = self._offered.get(page)
        if found is None and (d := self._dir()) is not None:
            try:
                found = tuple(json.loads((d / (_digest(page) + ".offered")).read_text(encoding="utf-8")))
            except (OSError, ValueError):
                return None
            self._offered[page] = found
        return found

    def learn_offered(self, page: str, offered: tuple[str, ...]) -> None:
        self._offered[page] = offered
        if (d := self._dir()) is not None:
            _write_atomic(d / (_digest(page) + ".offered"), json.dumps(list(offered)).encode("utf-8"))

    def get(self, key: str) -> Response | None:
        with self._lock:
            entry = self._mem.get(key)
            if entry is not None:
                self._mem.move_to_end(key)
        if entry is not None:
            self.hits += 1
            status, headers, body = entry
            return Response(body, status=status, headers=headers)
        d = self._dir()
        if d is None:
            self.misses += 1
            return None
        try:
            f = open(d / _digest(key), "rb")  # noqa: SIM115 - handed to the response, closed by it
        except OSError:
            self.misses += 1
            return None
        try:
            status, headers = json.loads(f.readline())
            size = os.fstat(f.fileno()).st_size - f.tell()
            if size <= MEMORY_ITEM:
                body = f.read()
                f.close()
                self._remember(key, status, headers, body)
                self.hits += 1
                return Response(body, status=status, headers=headers)
        except (OSError, ValueError):
            f.close()
            self.misses += 1
            return None
        self.hits += 1
        return Response(_chunks_of(f), status=status, headers=headers, direct_passthrough=True)

    def put(self, key: str, resp: Response, version: str | None = None) -> Response:
        """Keep `resp` under `key`; a streamed answer is kept as it goes out. Returns what to send. With
        `version` (the store's version when the answer was begun), an answer begun before the version
        changed is sent but not kept: it may hold what the old version said."""
        if version is not None and version != self._version:
            return resp
        headers = [(k, v) for k, v in resp.headers.items() if k.lower() not in _HOP]
        head = json.dumps([resp.status_code, headers]).encode("utf-8") + b"\n"
        d = self._dir()
        if not resp.is_streamed:
            body = resp.get_data()
            self._remember(key, resp.status_code, headers, body)
            if d is not None:
                _write_atomic(d / _digest(key), head + body)
            return resp
        if d is None:
            return resp
        resp.response = _tee(resp.iter_encoded(), d, _digest(key), head)
        return resp

    def _remember(self, key: str, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
        if len(body) > MEMORY_ITEM:
            return
        with self._lock:
            old = self._mem.pop(key, None)
            if old is not None:
                self._size -= len(old[2])
            self._mem[key] = (status, headers, body)
            self._size += len(body)
            while self._size > MEMORY_BYTES and self._mem:
                _, (_, _, b) = self._mem.popitem(last=False)
                self._size -= len(b)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _folder_name(version: str) -> str:
    """A version's folder: the store's version and the code that renders the pages, so that a server of
    another unkg (other views, other templates) never serves the answers this one kept."""
    return _digest(_code_stamp() + "\n" + version)


@functools.cache
def _code_stamp() -> str:
    """The web app's files as installed (path, size, modification time): what the answers were made by."""
    here = Path(__file__).resolve().parent
    parts = []
    for f in sorted(here.rglob("*")):
        if f.suffix in (".py", ".html", ".css", ".js") and f.is_file():
            st = f.stat()
            parts.append(f"{f.relative_to(here)}:{st.st_size}:{st.st_mtime_ns}")
    return _digest("\n".join(parts))


def _write_atomic(path: Path, data: bytes) -> None:
    """Write a whole file or nothing: another process never reads half of one. A full disk or a read-only
    folder only means the answer is not kept."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except (OSError, UnboundLocalError):
            pass


def _chunks_of(f: Any, size: int = 1 << 16) -> Iterator[bytes]:
    with f:
        while chunk := f.read(size):
            yield chunk


def _tee(body: Iterator[bytes], folder: Path, name: str, head: bytes) -> Iterator[bytes]:
    """Send the chunks and write them to a file, which becomes the cached answer only once complete (a
    client that leaves half-way leaves nothing behind)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        out = os.fdopen(fd, "wb")
        out.write(head)
    except OSError:
        yield from body
        return
    done = False
    try:
        for chunk in body:
            out.write(chunk)
            yield chunk
        done = True
    finally:
        out.close()
        try:
            if done:
                os.replace(tmp, folder / name)
            else:
                os.unlink(tmp)
        except OSError:
            pass


def version_key(app_state: Any) -> str:
    """The version of the store this process reads, equal in every process that reads the same state: the
    store's own snapshot name where it has one (an embedded store opened read-only), else this process and
    its count of updates (an answer on disk is then never found by another process)."""
    return store_snapshot(app_state.store) or f"process-{os.getpid()}-{id(app_state)}-{app_state.generation}"


def store_snapshot(store: Any) -> str | None:
    """`store.snapshot()` where the store has one (unkg/store/embedded.py), else None."""
    snap = getattr(store, "snapshot", None)
    return snap() if callable(snap) else None


def cache() -> PageCache:
    return current_app.extensions["unkg"].pages


def _page_key() -> str:
    return request.full_path if request.query_string else request.path


def _accept_key() -> str:
    return "accept:" + request.headers.get("Accept", "")


def _format_key(offered: tuple[str, ...]) -> str:
    """The format the request gets among `offered`: its path's suffix where the path has one of them (the
    view answers that whatever Accept says), else what `format=` or Accept selects."""
    from unkg.webapp.represent import choose  # here: represent's helpers import nothing of the cache

    for fmt in offered:
        if request.path.endswith("." + fmt):
            return "format:" + fmt
    return "format:" + choose(None, offered)


def request_key(pc: PageCache | None = None) -> str:
    """The key of the current request's answer: its page (path and query string) and the format it gets,
    or its Accept header as sent while the page's formats are not known yet."""
    page = _page_key()
    offered = (pc or cache()).offered(page)
    return f"{page}\n{_format_key(offered) if offered else _accept_key()}"


def cached_page(view: Callable[..., Any]) -> Callable[..., Any]:
    """Serve the view's answer from the page cache, computing it once per store version (see the module)."""

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        st = current_app.extensions["unkg"]
        if request.method not in ("GET", "HEAD"):
            with st.gate.computing():
                return view(*args, **kwargs)
        pc: PageCache = st.pages
        version = version_key(st)
        pc.use_version(version)
        page = _page_key()

        def lookup() -> tuple[str, Response | None]:
            key = request_key(pc)
            return key, pc.get(key)

        with st.gate.in_turn():  # a kept answer is read at once, or in turn when others wait (webapp/gate.py)
            key, hit = lookup()
        if hit is not None:
            return hit
        with pc.computing(page):  # by page, not by format: the formats a page offers are learnt from its first answer
            key, hit = lookup()
            if hit is not None:
                return hit
            with st.gate.computing():  # only to compute: a kept answer is sent without it (webapp/gate.py)
                resp = current_app.make_response(view(*args, **kwargs))
            if resp.status_code != 200:
                return resp
            got = getattr(resp, "offered", None)
            if got:
                if pc.offered(page) is None:
                    pc.learn_offered(page, tuple(got))
                key = f"{page}\n{_format_key(tuple(got))}"
            return pc.put(key, resp, version)

    wrapper.gates_itself = True  # type: ignore[attr-defined]
    return wrapper
