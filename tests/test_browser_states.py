"""Headless Chromium (Debian's chromium + chromedriver, Selenium) on a State page served by a real server: the
page shows the State's votes, the alignment chart (inline SVG, no external resources), the resolutions about
it and the co-sponsors; finding a State from /states leads to its page; no console errors. Screenshots go to
artifacts/ (gitignored)."""
from __future__ import annotations

import pytest
from conftest import served
from test_browser_explorer import ARTIFACTS, console_errors, wait_for
from test_browser_explorer import browser as browser  # the module's Chromium fixture, shared
from test_webapp_states import build_store

from unkg.webapp import create_app

pytestmark = [pytest.mark.browser, pytest.mark.server]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory):
    location = build_store(str(tmp_path_factory.mktemp("browser-states") / "store"))
    app = create_app({"STORE": location, "QUERY_WORKERS": 1})
    with served(app) as url:
        yield url


def test_state_page_in_chromium(base_url, browser):
    from selenium.webdriver.common.by import By

    browser.get(f"{base_url}/states/col")
    wait_for(browser, "#votes-table")
    assert browser.find_element(By.ID, "state-name").text == "Colombia"
    votes = [tr.find_elements(By.TAG_NAME, "td") for tr in browser.find_elements(By.CSS_SELECTOR, "#votes-table tbody tr")]
    assert [(t[0].text, t[3].text) for t in votes] == [("A/RES/78/9993", "absent"), ("A/RES/78/9992", "no"), ("A/RES/77/9991", "yes")]
    chart = browser.find_element(By.CSS_SELECTOR, "svg.chart")
    assert chart.size["width"] > 200 and len(chart.find_elements(By.TAG_NAME, "polyline")) >= 1
    assert "Situation of human rights in Colombia" in browser.find_element(By.ID, "about-table").text
    assert "Brazil" in browser.find_element(By.ID, "cosponsors-table").text
    # every resource the page loaded came from this server
    urls = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert urls and all(u.startswith(base_url) for u in urls)
    browser.save_screenshot(str(ARTIFACTS / "state-col.png"))
    assert console_errors(browser) == []


def test_finding_a_state_leads_to_its_page(base_url, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{base_url}/states")
    box = wait_for(browser, "input[name=q]")
    box.send_keys("brazil")
    box.submit()
    # the list before the search has every State's row: wait for the answer's page, not any row
    WebDriverWait(browser, 30).until(lambda drv: "q=brazil" in drv.current_url)
    wait_for(browser, "#states tbody tr")
    links = browser.find_elements(By.CSS_SELECTOR, "#states tbody a")
    assert [a.text for a in links] == ["Brazil"]
    links[0].click()
    wait_for(browser, "#state-name")
    assert browser.current_url.endswith("/states/bra")
    browser.save_screenshot(str(ARTIFACTS / "state-bra.png"))
    browser.get(f"{base_url}/actors/states/col")
    wait_for(browser, "p.state-page a").click()
    wait_for(browser, "#state-name")
    assert browser.current_url.endswith("/states/col") and console_errors(browser) == []
