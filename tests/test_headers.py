"""Security headers and CORS: a Content-Security-Policy under which the explorer (YASGUI included)
still works in real headless Chromium while an injected inline script does not run; nosniff; no framing;
CORS on /sparql and the machine-readable twins, never on an HTML page."""
from __future__ import annotations

import urllib.request

import pytest
from test_browser_explorer import base_url, browser, console_errors, wait_for, yasgui_assets  # noqa: F401
from test_webapp import load_fixture

from unkg.webapp import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    app = create_app({"STORE": load_fixture(tmp_path_factory.mktemp("headers") / "store"), "QUERY_WORKERS": 1})
    yield app.test_client()
    app.extensions["unkg"].pool.close()


HTML_PAGES = ["/explore", "/actors", "/actors/business-enterprises", "/id/A/RES/78/216.html", "/search?q=privacy",
              "/rights", "/nope"]
MACHINE = ["/sparql?query=ASK%7B%7D", "/id/A/RES/78/216.ttl", "/id/A/RES/78/216.jsonld", "/actors.json",
           "/actors.csv", "/search.json?q=privacy"]


@pytest.mark.parametrize("path", HTML_PAGES + MACHINE)
def test_every_answer_is_locked_down(client, path):
    r = client.get(path, headers={"Accept": "text/html" if path in HTML_PAGES else "*/*"})
    csp = r.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "object-src 'none'" in csp
    assert r.headers["X-Content-Type-Options"] == "nosniff" and r.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", HTML_PAGES)
def test_no_cors_on_html_pages(client, path):
    r = client.get(path, headers={"Accept": "text/html"})
    assert r.mimetype == "text/html", (path, r.status_code)
    assert "Access-Control-Allow-Origin" not in r.headers


@pytest.mark.parametrize("path", MACHINE)
def test_cors_on_sparql_and_twins(client, path):
    r = client.get(path)
    assert r.status_code == 200 and r.mimetype != "text/html", (path, r.status_code)
    assert r.headers["Access-Control-Allow-Origin"] == "*"


def test_sparql_errors_readable_cross_origin(client):
    r = client.get("/sparql?query=SELECT", headers={"Origin": "https://elsewhere.example"})
    assert r.status_code == 400 and r.headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.browser
@pytest.mark.server
def test_explorer_works_under_csp_and_inline_script_is_blocked(base_url, browser, yasgui_assets):  # noqa: F811
    from selenium.webdriver.common.by import By

    with urllib.request.urlopen(base_url + "/explore", timeout=30) as r:
        assert "script-src 'self'" in r.headers["Content-Security-Policy"]
    browser.get(base_url + "/explore")
    wait_for(browser, "button.example")
    if yasgui_assets:
        wait_for(browser, ".yasqe .CodeMirror")
    next(b for b in browser.find_elements(By.CSS_SELECTOR, "button.example") if "most provisions" in b.text).click()
    wait_for(browser, ".yasr table tbody tr td" if yasgui_assets else "#plain-results table tbody tr td")
    assert not [m for m in console_errors(browser) if "Content Security Policy" in m]
    # what a stored or reflected injection would try: an inline handler and an inline script
    browser.execute_script(
        "window.__refused = [];"
        "document.addEventListener('securitypolicyviolation', function (e) { window.__refused.push(e.effectiveDirective); });"
        "document.body.insertAdjacentHTML('beforeend', '<img src=\"data:,\" onerror=\"window.__owned = 1\">');"
        "var s = document.createElement('script'); s.textContent = 'window.__owned2 = 1'; document.body.appendChild(s);")
    from selenium.webdriver.support.ui import WebDriverWait

    # the handler is refused only once the image has failed: wait for both refusals, then neither ran
    WebDriverWait(browser, 30).until(
        lambda d: {"script-src-attr", "script-src-elem"} <= set(d.execute_script("return window.__refused")))
    assert browser.execute_script("return [window.__owned, window.__owned2]") == [None, None]
    assert any("Content Security Policy" in m for m in console_errors(browser))
