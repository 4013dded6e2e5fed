"""Property-based tests of the web app's refusals and IRI routes: hostile SPARQL (updates, LOAD,
SERVICE, malformed, nested past the limit, bytes that are not UTF-8) and any characters in the paths of the
IRI routes; never a 500 nor a traceback, and every refusal a refusal. The cases are tests/serverfuzz.py's; this
is the quick profile (benchmarks/fuzz_server.py runs the long one against a real server)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from serverfuzz import VALID, Case, deep, failure, mutated, route_case, sparql_case
from test_webapp import load_fixture

from unkg.cli import main
from unkg.webapp import create_app

QUICK = settings(max_examples=60, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    app = create_app({"STORE": load_fixture(tmp_path_factory.mktemp("fuzz") / "store"), "QUERY_TIMEOUT": 10,
                      "RESULT_LIMIT": 100, "QUERY_WORKERS": 1})
    yield app.test_client()
    app.extensions["unkg"].pool.close()


def ask(client, case: Case) -> tuple[int, bytes]:
    resp = client.open(case.path, method=case.method, data=case.body, headers=case.headers)
    try:
        return resp.status_code, resp.get_data()
    finally:
        resp.close()


@QUICK
@given(case=sparql_case())
def test_sparql_refusals_never_500(client, case):
    status, body = ask(client, case)
    assert failure(case, status, body) is None, (case, status, body[:300])


@QUICK
@given(case=route_case())
def test_iri_routes_never_500(client, case):
    status, body = ask(client, case)
    assert failure(case, status, body) is None, (case, status, body[:300])


@pytest.mark.parametrize("path", ["/id/A/RES/78/216%0A", "/id/A/RES/78/216%0A.ttl", "/id/A/RES/78/216.html%0A",
                                  "/vocab/%0A", "/actors/%0A", "/resolutions/A/RES/78/216%0A"])
def test_trailing_newline_is_404(client, path):
    resp = client.get(path, headers={"Accept": "text/turtle"})
    assert resp.status_code == 404, (path, resp.status_code, resp.get_data()[:200])


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    return load_fixture(tmp_path_factory.mktemp("fuzz-cli") / "store")


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=st.one_of(mutated(), deep(), st.text(max_size=200), VALID))
def test_unkg_query_never_a_traceback(store, capfd, text):
    code = main(["query", text, "--store", store, "--format", "csv"])
    out, err = capfd.readouterr()
    assert code in (0, 1), (text, code, err)
    assert "Traceback" not in err and len(err.strip().splitlines()) <= 1, (text, err)
    if code == 1:
        assert err.strip(), text
