"""Headless Chromium on a real server over a store of real corpus resolutions with the UN metadata: the General
Assembly's five resolutions on the situation of human rights in the Democratic People's Republic of Korea
(75/190, 76/177, 77/226, 78/218, 79/181: one a year) and the Human Rights Council's two of that title in the
corpus (55/21, 58/17). The registry's facets, a mandate's history through the five years with its source
paragraph, the Assembly's and the Council's report requests to the Special Rapporteur flagged as possible
duplicates, an entity's reporting load drawn as a chart (inline SVG: nothing the page's CSP refuses), and the
actor page's link to the mandates its actor holds. Screenshots go to artifacts/ (gitignored)."""
from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import test_browser_explorer as chromium
from conftest import served

from unkg.cli import main
from unkg.webapp import create_app

ARTIFACTS, console_errors, wait_for = chromium.ARTIFACTS, chromium.console_errors, chromium.wait_for
browser = chromium.browser  # the same module-scoped fixture: one headless Chromium per module

pytestmark = [pytest.mark.browser, pytest.mark.server, pytest.mark.corpus, pytest.mark.slow]
SERIES = [("ga/75/en", "75_190_E.xml"), ("ga/76/en", "A_RES_76_177-*.xml"), ("ga/77/en", "A_RES_77_226-*.xml"),
          ("ga/78/en", "A_RES_78_218-*.xml"), ("ga/79/en", "A_RES_79_181-*.xml"), ("hrc/55/en", "A_HRC_RES_55_21E.xml"),
          ("hrc/58/en", "A_HRC_RES_58_17E.xml")]


@pytest.fixture(scope="module")
def base_url(corpus: Path, tmp_path_factory: pytest.TempPathFactory):
    files = [str(next((corpus / "akn" / folder).glob(pattern))) for folder, pattern in SERIES]
    location = str(tmp_path_factory.mktemp("mandates-browser") / "store")
    meta = [a for body in ("ga", "hrc") for a in ("--meta", str(corpus / "meta" / body))]
    assert main(["ingest", "--store", location, "-q", *meta, *files]) == 0
    app = create_app({"STORE": location, "QUERY_WORKERS": 1})
    with served(app) as url:
        yield url


def fetch_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=60) as r:
        return json.loads(r.read().decode("utf-8"))


def shot(drv, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    drv.save_screenshot(str(ARTIFACTS / f"{name}.png"))


def _row(base_url: str, entity_words: str) -> dict:
    rows = fetch_json(f"{base_url}/mandates.json?task=report&body=General+Assembly")["rows"]
    return next(r for r in rows if r["symbol"] == "A/RES/79/181" and entity_words in r["entity"])


def test_registry_facets_and_a_mandates_history_through_five_years(base_url, browser):
    from selenium.webdriver.common.by import By

    drv = browser
    drv.get(f"{base_url}/mandates")
    wait_for(drv, "#mandates tbody tr")
    total = int(drv.find_element(By.ID, "count").text)
    assert total >= 5
    drv.find_element(By.CSS_SELECTOR, 'ul.facet[data-facet="task"] a[data-value="report"]').click()
    wait_for(drv, "ul.facet[data-facet='task'] strong.chosen")
    reports = int(drv.find_element(By.ID, "count").text)
    assert 0 < reports < total
    assert all(td.text == "report" for td in drv.find_elements(By.CSS_SELECTOR, "#mandates tbody tr td:nth-child(2) a.mandate"))
    shot(drv, "mandates-registry-reports")

    sg = _row(base_url, "Secretary-General")
    assert sg["first_given_by"] == "A/RES/75/190" and sg["renewals"] == 4
    drv.get(base_url + sg["page"])
    wait_for(drv, "table.history-steps tbody tr")
    steps = [tr.get_attribute("data-symbol") for tr in drv.find_elements(By.CSS_SELECTOR, "table.history-steps tbody tr")]
    assert steps == ["A/RES/75/190", "A/RES/76/177", "A/RES/77/226", "A/RES/78/218", "A/RES/79/181"]
    assert "First given by A/RES/75/190" in drv.find_element(By.CSS_SELECTOR, "section.history").text
    shot(drv, "mandate-history")
    drv.find_element(By.ID, "source").click()
    from selenium.webdriver.support.ui import WebDriverWait

    # the history page has an h1 too: wait for the source's URL, not for an element both pages have
    WebDriverWait(drv, 30).until(lambda d: "/id/A/RES/79/181" in d.current_url)
    wait_for(drv, "h1")
    assert "/id/A/RES/79/181" in drv.current_url and "#op-" in drv.current_url
    assert console_errors(drv) == []


def test_same_report_asked_by_the_assembly_and_the_council_is_flagged(base_url, browser):
    from selenium.webdriver.common.by import By

    rapporteur = _row(base_url, "Special Rapporteur")
    assert rapporteur["duplicates"], "the Council's request of the same title should be flagged"
    drv = browser
    drv.get(base_url + rapporteur["page"])
    wait_for(drv, "#duplicates li")
    assert "A/HRC/RES/58/17" in drv.find_element(By.ID, "duplicates").text
    shot(drv, "mandate-duplicates")


def test_entity_load_chart_and_actor_page_link(base_url, browser):
    from selenium.webdriver.common.by import By

    drv = browser
    drv.get(f"{base_url}/actors/secretary-general")
    wait_for(drv, "#mandates-held")
    drv.find_element(By.ID, "mandates-held").click()
    wait_for(drv, "#load-chart")
    assert drv.current_url.endswith("/mandates/entity/secretary-general")
    bars = drv.find_elements(By.CSS_SELECTOR, "#load-chart g.bar")
    load = fetch_json(f"{base_url}/mandates/entity/secretary-general.json")["load"]
    assert [b.get_attribute("data-year") for b in bars] == [y["year"] for y in load]
    assert [y["year"] for y in load] == ["2020", "2021", "2022", "2023", "2024"]
    heights = [float(b.find_element(By.TAG_NAME, "rect").get_attribute("height")) for b in bars]
    assert max(heights) > 0 and all(h > 0 for h in heights)
    assert console_errors(drv) == []  # a chart the CSP refused would be logged here
    shot(drv, "mandates-entity-load")
    drv.find_element(By.ID, "registry-link").click()
    wait_for(drv, "ul.facet[data-facet='entity'] strong.chosen")
    assert urllib.parse.unquote_plus(drv.current_url).endswith("entity=Secretary-General")
