"""Series and lineage in the web app: /compare (redline of two stored resolutions, obligations first),
/series (members with their counts), previous / next on resolution pages, each with JSON / CSV twins;
through the test client and in headless Chromium against a real server. The store holds the three-member
fixture series (tests/fixtures/lineage), ingested by the real pipeline."""
from __future__ import annotations

import csv
import io
import shutil
import threading
from pathlib import Path

import pytest
from waitress.server import create_server

from unkg.cli import main
from unkg.webapp import create_app

FIXTURES = Path(__file__).parent / "fixtures" / "lineage"


@pytest.fixture(scope="module")
def location(tmp_path_factory) -> str:
    loc = str(tmp_path_factory.mktemp("webapp-lineage") / "store")
    files = [str(FIXTURES / n) for n in ("old.txt", "new.txt", "newer.txt")]
    assert main(["ingest", "--store", loc, "-q", *files]) == 0
    return loc


@pytest.fixture(scope="module")
def app(location):
    a = create_app({"STORE": location, "QUERY_WORKERS": 1})
    yield a
    a.extensions["unkg"].pool.close()


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


def test_compare_json_and_csv(client):
    r = client.get("/compare.json?from=A/RES/77/9001&to=A/RES/79/9001")
    assert r.status_code == 200
    doc = r.get_json()
    assert (doc["from"], doc["to"]) == ("A/RES/77/9001", "A/RES/79/9001")
    assert doc["summary"] == {"unchanged": 7, "revised": 3, "moved": 0, "new": 1, "dropped": 0}
    weakened = [p for p in doc["obligations"] if p["strength_change"] == "weakened"]
    assert [(p["verb_from"], p["verb_to"]) for p in weakened] == [("urge", "encourage")]
    rows = list(csv.DictReader(io.StringIO(client.get("/compare.csv?from=A/RES/77/9001&to=A/RES/79/9001").data.decode())))
    assert len(rows) == len(doc["paragraphs"])
    assert {"status": "new", "to_number": "5"}.items() <= next(r for r in rows if r["status"] == "new").items()
    assert "Link" in client.get("/compare?from=A/RES/77/9001&to=A/RES/79/9001").headers


@pytest.mark.parametrize("query,status,words", [
    ("?from=A/RES/77/9001", 400, "give ?to="),
    ("?from=not-a-symbol&to=A/RES/79/9001", 400, "not a UN document symbol"),
    ("?from=A/RES/77/9999&to=A/RES/79/9001", 404, "A/RES/77/9999 is not in the store"),
])
def test_compare_errors_are_the_one_error_shape(client, query, status, words):
    r = client.get("/compare.json" + query)
    assert r.status_code == status and words in r.get_json()["error"] and r.get_json()["ok"] is False


def test_series_page_and_twins(client):
    doc = client.get("/series.json?symbol=A/RES/79/9001").get_json()
    assert [r["symbol"] for r in doc["rows"]] == ["A/RES/75/9001", "A/RES/77/9001", "A/RES/79/9001"]
    assert doc["rows"][0]["predecessor"] is None and doc["rows"][0]["unchanged"] is None
    assert (doc["rows"][1]["unchanged"], doc["rows"][1]["new"], doc["rows"][1]["dropped"]) == (3, 1, 1)
    rows = list(csv.DictReader(io.StringIO(client.get("/series.csv?symbol=A/RES/79/9001").data.decode())))
    assert [r["symbol"] for r in rows] == ["A/RES/75/9001", "A/RES/77/9001", "A/RES/79/9001"]


def test_resolution_page_links_previous_and_next(client):
    doc = client.get("/id/A/RES/77/9001.json").get_json()
    assert (doc["series"]["previous"], doc["series"]["next"]) == ("A/RES/75/9001", "A/RES/79/9001")
    html = client.get("/id/A/RES/77/9001", follow_redirects=True).data.decode()
    assert 'rel="prev" href="/id/A/RES/75/9001"' in html and 'rel="next" href="/id/A/RES/79/9001"' in html


@pytest.mark.browser
@pytest.mark.server
def test_in_chromium_from_a_resolution_to_what_changed(app):
    webdriver = pytest.importorskip("selenium.webdriver")
    chromium, driver_path = shutil.which("chromium") or "/usr/bin/chromium", shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not (Path(chromium).exists() and Path(driver_path).exists()):
        pytest.skip("Debian chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    srv = create_server(app, host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=srv.run, daemon=True).start()
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(driver_path), options=opts)
    try:
        drv.get(f"http://127.0.0.1:{srv.effective_port}/id/A/RES/79/9001")
        drv.find_element(By.CSS_SELECTOR, "#series a.what-changed").click()
        # the click starts the navigation: wait for the comparison's page before reading it
        WebDriverWait(drv, 30).until(lambda d: "/compare?" in d.current_url)
        assert "/compare?from=A/RES/77/9001&to=A/RES/79/9001" in drv.current_url
        assert "1 new" in WebDriverWait(drv, 30).until(lambda d: d.find_element(By.ID, "summary")).text
        obligations = drv.find_element(By.ID, "obligations").text
        assert "Urges (4)" in obligations and "Encourages (2)" in obligations and "weakened" in obligations
        deleted = [e.text for e in drv.find_elements(By.CSS_SELECTOR, "#redline del")]
        inserted = [e.text for e in drv.find_elements(By.CSS_SELECTOR, "#redline ins")]
        assert "Urges" in deleted and "Encourages" in inserted
        drv.get(f"http://127.0.0.1:{srv.effective_port}/series?symbol=A/RES/79/9001")
        cells = [td.text for td in drv.find_elements(By.CSS_SELECTOR, "#members tbody tr td:first-child")]
        assert cells == ["A/RES/75/9001", "A/RES/77/9001", "A/RES/79/9001"]
        assert not [e for e in drv.get_log("browser") if e["level"] == "SEVERE"]
    finally:
        drv.quit()
        srv.close()


def test_series_by_path(client):
    doc = client.get("/series/A/RES/75/9001.json").get_json()
    assert [r["symbol"] for r in doc["rows"]] == ["A/RES/75/9001", "A/RES/77/9001", "A/RES/79/9001"]
    assert client.get("/series/not-a-symbol.json").status_code == 404


def test_paragraph_history(client):
    doc = client.get("/history.json?paragraph=https://w3id.org/unkg/id/A/RES/79/9001/op/1").get_json()
    assert [(s["symbol"], s["status"]) for s in doc["steps"]] == [
        ("A/RES/75/9001", "first"), ("A/RES/77/9001", "revised"), ("A/RES/79/9001", "revised")]
    assert doc["steps"][2]["changes"][:2] == [{"op": "delete", "text": "Urges"}, {"op": "insert", "text": "Encourages"}]
    assert doc["first_with_this_wording"] == "A/RES/75/9001"  # "Encourages" again, as in 2020
    rows = list(csv.DictReader(io.StringIO(client.get(
        "/history.csv?paragraph=https://w3id.org/unkg/id/A/RES/79/9001/op/1").data.decode())))
    assert [r["symbol"] for r in rows] == ["A/RES/75/9001", "A/RES/77/9001", "A/RES/79/9001"]
    assert client.get("/history.json?paragraph=https://w3id.org/unkg/id/A/RES/79/9001/op/99").status_code == 404
    assert client.get("/history.json?paragraph=<bad>").status_code == 400
