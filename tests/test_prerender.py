"""Pages rendered ahead of requests (webapp/prerender.py): in forked children, into the page
cache's folder, the same bytes a reader's request computes, found there by the server's next request, and
not rendered again for the same store version."""
from __future__ import annotations

import os
import time

import pytest

from unkg.webapp import create_app
from unkg.webapp.prerender import page_paths, prerender
from unkg.webapp.serving import can_fork


@pytest.fixture()
def cached_app(webapp_store, tmp_path):
    app = create_app({"STORE": webapp_store, "QUERY_WORKERS": 1, "PAGE_CACHE": str(tmp_path / "pages")})
    yield app
    app.extensions["unkg"].close()


@pytest.mark.skipif(not can_fork(), reason="the children are forked")
def test_every_resolution_page_is_rendered_once_and_served_from_the_folder(cached_app, webapp_store):
    paths = page_paths(cached_app)
    assert sorted(p for p in paths if p.startswith("/id/")) == sorted(
        f"/id/A/RES/78/{n}.{f}" for n in (216, 999) for f in ("html", "json"))
    assert {"/actors/states", "/actors/states.json?page=1", "/actors/states.csv?page=1"} <= set(paths)
    assert {"/mandates?page=1", "/mandates.json?page=1"} <= set(paths)
    assert any(p.startswith("/rights/") for p in paths) and any(p.startswith("/groups/") for p in paths)
    old = cached_app.extensions["unkg"].pages.folder / ("0" * 32)  # another version's pages, left long ago
    old.mkdir(parents=True)
    (old / "page").write_text("stale")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    done = prerender(cached_app, processes=2)
    assert (done.rendered, done.kept, done.failed) == (len(paths), 0, 0)
    assert not old.exists()
    folder = cached_app.extensions["unkg"].pages.version_folder()
    assert (folder / "prerender.json").is_file() and done.bytes > 0

    fresh = create_app({"STORE": webapp_store, "QUERY_WORKERS": 1})  # computes each page itself
    try:
        pc = cached_app.extensions["unkg"].pages
        for p in paths:
            misses = pc.misses
            got = cached_app.test_client().get(p, headers={"Accept": "text/html"})
            assert got.status_code == 200 and pc.misses == misses, f"{p} was computed again"
            assert got.data == fresh.test_client().get(p).data, p
    finally:
        fresh.extensions["unkg"].close()

    again = prerender(cached_app, processes=2)
    assert (again.rendered, again.kept) == (0, len(paths))


def test_a_json_page_is_one_answer_whatever_accept_says(cached_app):
    """A suffix fixes the format: a browser's and a script's request for `.json` share one answer."""
    c = cached_app.test_client()
    first = c.get("/id/A/RES/78/216.json", headers={"Accept": "text/html,*/*;q=0.8"})
    pc = cached_app.extensions["unkg"].pages
    misses = pc.misses
    second = c.get("/id/A/RES/78/216.json", headers={"Accept": "application/json"})
    assert first.mimetype == second.mimetype == "application/json"
    assert second.data == first.data and pc.misses == misses


def test_without_a_folder_nothing_is_rendered(webapp_store):
    app = create_app({"STORE": webapp_store, "QUERY_WORKERS": 1})
    try:
        assert prerender(app, processes=2) is None
    finally:
        app.extensions["unkg"].close()
