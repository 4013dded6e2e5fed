"""The page cache computes a page once when many requests for it arrive together (webapp/cache.py): the
others wait for the first answer and are served it, as a burst of readers opening the same new page does."""
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
