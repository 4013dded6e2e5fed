"""Pages rendered ahead of requests, like a static site: every resolution's page and its JSON twin, the first
page of every actor, right and group (HTML, JSON and CSV) and every page of the mandates registry's list (HTML
and JSON), into the page cache's folder for the store's version (webapp/cache.py), before `unkg serve` opens
its port.

`unkg serve` calls `prerender(app, processes)` in its parent once the shared results are built
(webapp/serving.py). The paths are divided between `processes` forked children, each with its own read-only
store handle, which answer them through the app as a reader's request would (the same view, the same
`@cached_page` key) and write the answers to the folder; the server's workers then serve them from there.
A page already in the folder for this version (a server started again on the same store) is not rendered
again. What it did is written beside the pages as `prerender.json` (pages, seconds, bytes) and returned.

After an ingest the version changes and its folder starts empty: `render_in_background` (called by `unkg
serve`'s workers when they see the new version) renders the same pages again in a thread of one worker,
while the pages readers ask for first are computed for them; nothing is taken from the old version.
"""
from __future__ import annotations

import json
import os
import threading
import time
import traceback
import urllib.parse
from dataclasses import asdict, dataclass

from flask import Flask
from flask.testing import FlaskClient

from unkg.store import open_store
from unkg.webapp import mandates
from unkg.webapp.cache import PageCache, request_key, version_key
from unkg.webapp.links import local
from unkg.webapp.pages import all_works

ACCEPT = "text/html"  # what a browser's Accept selects; a suffixed page answers its suffix's format anyway


@dataclass
class Done:
    """What a pre-rendering did: pages rendered now, pages found already rendered, failures, seconds, bytes
    of the version's folder afterwards."""

    rendered: int = 0
    kept: int = 0
    failed: int = 0
    seconds: float = 0.0
    bytes: int = 0

    def line(self) -> str:
        return (f"pre-rendered {self.rendered} pages ({self.kept} kept from before, {self.failed} failed) in "
                f"{self.seconds:.1f} s; the version's page folder holds {self.bytes / 2**20:.0f} MiB")


def page_paths(app: Flask) -> list[str]:
    """Every resolution's page and its JSON twin; every actor's, right's and group's first page as HTML, JSON
    and CSV (`?page=1`); every page of the mandates registry's list as HTML and JSON; as a reader's request
    names them (percent-encoded)."""
    with app.app_context():
        works = sorted(all_works())
        paths = [p for w in works if (p := local(w))]
    out = [urllib.parse.quote(p) + suffix for p in paths for suffix in (".html", ".json")]
    client = app.test_client()
    for listing in ("/actors.json", "/rights.json", "/groups.json"):
        resp = client.get(listing)
        if resp.status_code == 200:
            links = [r["link"] for r in resp.get_json()["rows"] if r.get("link")]
            out += [p + suffix for p in links for suffix in ("", ".json?page=1", ".csv?page=1")]
    with app.app_context():
        pages = max(1, -(-len(mandates.rows()) // mandates.PER_PAGE))
    out += [f"/mandates{suffix}?page={n}" for n in range(1, pages + 1) for suffix in ("", ".json")]
    return out


def prerender(app: Flask, processes: int = 1, paths: list[str] | None = None) -> Done | None:
    """Render `paths` (default `page_paths`) into the page cache's folder with `processes` forked children;
    None when the app keeps its pages in memory only (nothing would outlive the children)."""
    st = app.extensions["unkg"]
    pc = st.pages
    if pc.folder is None:
        return None
    t0 = time.perf_counter()
    pc.use_version(version_key(st))
    pc.prune()  # a server of an older unkg, or an older store, left its pages here
    paths = page_paths(app) if paths is None else paths
    done = Done()
    todo = []
    for p in paths:
        if pc.has(_key(app, p)):
            done.kept += 1
        else:
            todo.append(p)
    if todo:
        processes = max(1, min(processes, len(todo)))
        if processes == 1 or not hasattr(os, "fork"):
            done.failed += _render(app, todo)
        else:
            # in runs, so that a page's HTML and JSON, next to each other, go to the same child
            done.failed += _render_forked(app, [todo[i * len(todo) // processes:(i + 1) * len(todo) // processes]
                                                for i in range(processes)])
        done.rendered = len(todo) - done.failed
    done.seconds = time.perf_counter() - t0
    _report(pc, done)
    return done


def _report(pc: PageCache, done: Done) -> None:
    """The folder's size into `done`, and `done` into the folder as prerender.json."""
    folder = pc.version_folder()
    done.bytes = sum(f.stat().st_size for f in folder.iterdir() if f.is_file()) if folder and folder.is_dir() else 0
    if folder is not None and folder.is_dir():
        (folder / "prerender.json").write_text(json.dumps(asdict(done)), encoding="utf-8")


def render_in_background(app: Flask) -> threading.Thread | None:
    """Render the pages of the store's current version into the page cache's folder in a thread of this
    process, unless another process of the server already does (the one that creates the version folder's
    marker file). `unkg serve`'s workers call it when they see that an ingest changed the store, so that
    the new version's pages are on disk before most readers ask for them; a page a reader asks for first
    is computed for that reader, as before. None when nothing is rendered."""
    st = app.extensions["unkg"]
    pc = st.pages
    if pc.folder is None:
        return None
    version = version_key(st)
    pc.use_version(version)
    folder = pc.version_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)  # type: ignore[union-attr]
        os.close(os.open(folder / ".rendering", os.O_CREAT | os.O_EXCL | os.O_WRONLY))  # type: ignore[operator]
    except OSError:  # another process renders this version (or the folder cannot be written: nothing to keep)
        return None
    thread = threading.Thread(target=_render_behind, args=(app, version), daemon=True, name="unkg-prerender")
    thread.start()
    return thread


def _render_behind(app: Flask, version: str) -> None:
    """Every page of `page_paths` not on disk yet, one at a time, resting after each as long as it took, so
    that the readers' requests in this process get at least half of its time; given up if the version
    changes again (the next version's own rendering takes over)."""
    st = app.extensions["unkg"]
    t0 = time.perf_counter()
    done = Done()
    try:
        client = app.test_client()
        for p in page_paths(app):
            if version_key(st) != version:
                return
            if st.pages.has(_key(app, p)):
                done.kept += 1
                continue
            began = time.perf_counter()
            ok = _answer(client, p)
            done.rendered += ok
            done.failed += not ok
            time.sleep(min(1.0, time.perf_counter() - began))
    except Exception:  # said on stderr; the pages not rendered are computed on a reader's request
        traceback.print_exc()
    done.seconds = time.perf_counter() - t0
    if version_key(st) == version:
        _report(st.pages, done)


def _key(app: Flask, path: str) -> str:
    """The page cache's key of `path` asked for with ACCEPT, as `@cached_page` makes it."""
    with app.test_request_context(path, headers={"Accept": ACCEPT}):
        return request_key()


def _render(app: Flask, paths: list[str]) -> int:
    """Answer each path once; the number that did not answer 200."""
    client = app.test_client()
    return sum(not _answer(client, p) for p in paths)


def _answer(client: FlaskClient, path: str) -> bool:
    """Ask for `path` as a reader's browser does (its answer goes into the page cache); whether it answered 200."""
    resp = client.get(path, headers={"Accept": ACCEPT})
    resp.close()
    return resp.status_code == 200


def _render_forked(app: Flask, shares: list[list[str]]) -> int:
    """Each share in a forked child with its own read-only store handle (a RocksDB handle does not survive a
    fork); the failures the children count, a child that dies counting all of its share."""
    st = app.extensions["unkg"]
    children: dict[int, tuple[int, int]] = {}
    for share in shares:
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: render, report, and leave without running the parent's cleanup
            os.close(r)
            code = 1
            try:
                st.store = open_store(app.config["STORE"], read_only=True)
                os.write(w, str(_render(app, share)).encode())
                code = 0
            except BaseException:  # said on stderr; the parent counts the share as failed
                traceback.print_exc()
            finally:
                os._exit(code)
        os.close(w)
        children[pid] = (r, len(share))
    failed = 0
    for pid, (r, size) in children.items():
        with os.fdopen(r, "rb") as f:
            said = f.read()
        _, status = os.waitpid(pid, 0)
        failed += int(said) if status == 0 and said else size
    return failed

