"""The page cache computes a page once when many requests for it arrive together (webapp/cache.py): the
others wait for the first answer and are served it, as a burst of readers opening the same new page does;
and it keeps no answer begun on a version of the store that has changed since."""
from __future__ import annotations

import threading
import time

from unkg.webapp import create_app
from unkg.webapp.cache import cached_page
from unkg.webapp.represent import respond


def test_concurrent_requests_for_one_page_compute_it_once(webapp_store):
    app = create_app({"STORE": webapp_store, "QUERY_WORKERS": 1})
    calls: list[str] = []

    @app.route("/slow")
    @app.route("/slow.<any(json):fmt>")
    @cached_page
    def slow(fmt: str | None = None):
        calls.append(fmt or "")
        time.sleep(0.3)  # long enough for every request below to arrive while the first computes
        return respond({"title": "slow", "n": len(calls)}, "error.html", base_path="/slow", suffix=fmt,
                       offered=("json",))

    answers: list[tuple[int, int]] = []

    def ask() -> None:
        r = app.test_client().get("/slow.json")
        answers.append((r.status_code, r.get_json()["n"]))

    try:
        threads = [threading.Thread(target=ask) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert calls == ["json"]
        assert answers == [(200, 1)] * 8
        assert app.test_client().get("/slow.json?again=1").get_json()["n"] == 2  # another page: computed
    finally:
        app.extensions["unkg"].pool.close()


def test_an_answer_begun_before_the_version_changed_is_not_kept(tmp_path):
    """A request that began on the old version may have read what it said: its answer is sent, not kept
    for the new version (a background rendering after an ingest makes many such requests)."""
    from flask import Response

    from unkg.webapp.cache import PageCache

    pc = PageCache(tmp_path)
    pc.use_version("v1")
    pc.use_version("v2")  # an ingest committed while the answer was computed
    sent = pc.put("/actors\nformat:html", Response(b"old"), "v1")
    assert sent.get_data() == b"old"
    assert not pc.has("/actors\nformat:html") and pc.get("/actors\nformat:html") is None
    pc.put("/actors\nformat:html", Response(b"new"), "v2")
    assert pc.get("/actors\nformat:html").get_data() == b"new"
