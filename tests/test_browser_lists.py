"""Headless Chromium on a real server over a store of real corpus documents (tests/corpus_sample.py): the
explorer's examples and its error text, /resolutions' filters, search, sorting and paging, facet counts
after a filter, a whole CSV export, the actor search box, and highlighted agreed-language search.
Screenshots go to artifacts/ (gitignored)."""
from __future__ import annotations

import csv
import io
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import test_browser_explorer as chromium
from conftest import served
from corpus_sample import shared_sample_store

from unkg.webapp import assets, create_app

ARTIFACTS, console_errors, wait_for = chromium.ARTIFACTS, chromium.console_errors, chromium.wait_for
browser = chromium.browser  # the same module-scoped fixture: one headless Chromium per module

pytestmark = [pytest.mark.browser, pytest.mark.server, pytest.mark.corpus, pytest.mark.slow]
CAP = 20  # rows the endpoint gives here: some examples answer within it, others above it


@pytest.fixture(scope="module")
def base_url(corpus: Path):
    import unkg.webapp.pages as pages

    saved = pages.HTML_PAGE
    pages.HTML_PAGE = 10  # paging on a small store
    app = create_app({"STORE": shared_sample_store(corpus), "QUERY_TIMEOUT": 60, "QUERY_WORKERS": 1,
                      "RESULT_LIMIT": CAP})
    with served(app) as url:
        yield url
    pages.HTML_PAGE = saved


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as r:
        return r.read().decode("utf-8")


def wait_url(drv, part: str, timeout: float = 30) -> None:
    """Until the browser has navigated to a URL holding `part` (the old page's elements would go stale)."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(drv, timeout).until(lambda d: part in d.current_url)


def shot(drv, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    drv.save_screenshot(str(ARTIFACTS / f"{name}.png"))


def facet_counts(drv, facet: str) -> dict[str, int]:
    from selenium.webdriver.common.by import By

    out = {}
    for li in drv.find_elements(By.CSS_SELECTOR, f'ul.facet[data-facet="{facet}"] li'):
        n = li.find_elements(By.CSS_SELECTOR, "span.n")
        if n:
            out[li.text.rsplit(" ", 1)[0].rstrip(" ×")] = int(n[0].text)
    return out


def test_explorer_examples_answer_or_show_the_endpoints_message(base_url, browser):
    from selenium.webdriver.common.by import By

    try:
        assets.install()
    except Exception as e:  # no npm: the fallback editor is tested instead
        print(f"YASGUI not installed ({e})")
    yasgui = assets.installed()
    browser.get(base_url + "/explore")
    wait_for(browser, "button.example")
    buttons = {b.get_attribute("title"): b for b in browser.find_elements(By.CSS_SELECTOR, "button.example")}
    # cq09 (who cites 53/144) answers within the cap on the sample
    buttons["cq09_cited_by"].click()
    wait_for(browser, ".yasr table tbody tr td" if yasgui else "#plain-results table tbody tr td")
    shot(browser, "explorer-example")
    # cq15 (the adoption of every resolution) has more rows than this server's cap: its message shows
    buttons["cq15_adoption"].click()
    status_css = "#query-status.error" if yasgui else "#plain-status.error"
    status = wait_for(browser, status_css)
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 30).until(lambda d: "limit" in d.find_element(By.CSS_SELECTOR, status_css).text)
    assert f"more than the limit of {CAP}" in status.text and "aborted" not in status.text
    shot(browser, "explorer-error")
    # the refused request and YASGUI's own rethrow of it are logged; nothing else is
    assert [e for e in console_errors(browser) if "/sparql" not in e and "\"status\":413" not in e] == []


def test_resolutions_filters_paging_and_sorting(base_url, browser):
    from selenium.webdriver.common.by import By

    browser.get(base_url + "/resolutions")
    wait_for(browser, "#resolutions tbody tr")
    total = int(browser.find_element(By.ID, "count").text)
    assert total >= 25 and len(browser.find_elements(By.CSS_SELECTOR, "#resolutions tbody tr")) == 10
    # SC resolutions have titles (from the UN metadata)
    sc = [r for r in browser.find_elements(By.CSS_SELECTOR, "#resolutions tbody tr")
          if r.get_attribute("data-symbol").startswith("S/RES/")]
    browser.get(base_url + "/resolutions?body=Security+Council")
    sc = browser.find_elements(By.CSS_SELECTOR, "#resolutions tbody tr")
    assert sc and all(r.find_elements(By.TAG_NAME, "td")[3].text for r in sc)
    # a filter by clicking its facet; the other facets' counts follow it
    browser.get(base_url + "/resolutions")
    browser.find_element(By.CSS_SELECTOR, 'ul.facet[data-facet="body"] a[data-value="General Assembly"]').click()
    wait_for(browser, 'ul.facet[data-facet="body"] strong.chosen')
    ga = int(browser.find_element(By.ID, "count").text)
    assert 0 < ga < total
    assert sum(facet_counts(browser, "year").values()) == ga
    assert sum(facet_counts(browser, "adoption").values()) == ga
    shot(browser, "resolutions-ga")
    # paging keeps the filter
    browser.find_element(By.CSS_SELECTOR, "nav.pager a[rel=next]").click()
    wait_url(browser, "page=2")
    wait_for(browser, "#resolutions tbody tr")
    assert "page=2" in browser.current_url and "body=General+Assembly" in browser.current_url
    symbols = [r.get_attribute("data-symbol") for r in browser.find_elements(By.CSS_SELECTOR, "#resolutions tbody tr")]
    assert symbols and all(s.startswith("A/RES/78/") for s in symbols)
    # sorted by symbol, numbers as numbers
    browser.get(base_url + "/resolutions?body=General+Assembly&sort=symbol&page=all")
    numbers = [int(r.get_attribute("data-symbol").rsplit("/", 1)[1])
               for r in browser.find_elements(By.CSS_SELECTOR, "#resolutions tbody tr")]
    assert numbers == sorted(numbers) and len(numbers) == ga
    # the search box
    browser.get(base_url + "/resolutions")
    box = browser.find_element(By.ID, "q")
    box.send_keys("human rights")
    box.submit()
    wait_url(browser, "q=human")
    wait_for(browser, "#resolutions tbody tr")
    titles = [r.find_elements(By.TAG_NAME, "td")[3].text.lower() for r in browser.find_elements(By.CSS_SELECTOR, "#resolutions tbody tr")]
    assert titles and all("human rights" in t for t in titles)
    shot(browser, "resolutions-search")
    assert console_errors(browser) == []


def test_actor_facets_after_a_filter_and_the_whole_csv(base_url, browser):
    from selenium.webdriver.common.by import By

    browser.get(base_url + "/actors/states")
    wait_for(browser, "#provisions tbody tr")
    total = int(browser.find_element(By.ID, "count").text)
    verbs = facet_counts(browser, "verb")
    assert verbs and "strength" in {e.get_attribute("data-facet") for e in browser.find_elements(By.CSS_SELECTOR, "ul.facet")}
    verb, n = max(verbs.items(), key=lambda kv: kv[1])
    browser.find_element(By.CSS_SELECTOR, f'ul.facet[data-facet="verb"] a[data-value="{verb}"]').click()
    wait_for(browser, 'ul.facet[data-facet="verb"] strong.chosen')
    count = int(browser.find_element(By.ID, "count").text)
    assert count == n < total
    assert sum(facet_counts(browser, "body").values()) == count  # facet counts follow the filter
    assert sum(facet_counts(browser, "strength").values()) == count
    shot(browser, "actor-states-verb")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#provisions tbody tr")) == min(10, count)
    # the CSV link exports every filtered row, not the page
    href = browser.find_element(By.ID, "export-csv").get_attribute("href")
    rows = list(csv.DictReader(io.StringIO(fetch(href))))
    assert len(rows) == count and all(r["text"] for r in rows)
    # a date range
    browser.find_element(By.CSS_SELECTOR, '#daterange input[name="from"]').send_keys("2024")
    browser.find_element(By.CSS_SELECTOR, "#daterange button").click()
    wait_url(browser, "from=2024")
    wait_for(browser, "#count")
    dated = int(browser.find_element(By.ID, "count").text)
    assert dated <= count and set(facet_counts(browser, "year")) <= {"2024"}
    assert console_errors(browser) == []


def test_actor_search_box(base_url, browser):
    from selenium.webdriver.common.by import By

    browser.get(base_url + "/actors")
    box = browser.find_element(By.ID, "q")
    box.send_keys("states")
    box.submit()
    wait_url(browser, "q=states")
    wait_for(browser, "#actors tbody tr")
    labels = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#actors tbody tr td:first-child a")]
    assert labels and all("states" in t.lower() for t in labels)
    browser.get(base_url + "/actors?q=" + urllib.parse.quote("Colombia"))
    assert "Colombia" in browser.find_element(By.ID, "states").text
    shot(browser, "actors-search")


def test_agreed_language_search_highlights_and_opens_versions(base_url, browser):
    from selenium.webdriver.common.by import By

    browser.get(base_url + "/search?q=" + urllib.parse.quote("human rights defenders"))
    wait_for(browser, "#results tbody tr")
    marks = [m.text.lower() for m in browser.find_elements(By.CSS_SELECTOR, "#results mark.hit")]
    assert {"human", "rights", "defenders"} <= set(marks)
    shot(browser, "search-highlight")
    # a result of 78/216, which the sample has in English and French: open the French paragraph
    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, "#results a.version[hreflang=fr]"))
    target = link.get_attribute("href")
    anchor = target.split("#", 1)[1]
    link.click()
    wait_for(browser, f"li#{anchor}")
    assert "lang=fr" in browser.current_url
    assert browser.find_element(By.ID, anchor).text.strip()
    assert browser.find_element(By.CSS_SELECTOR, "#versions strong").text == "fr"
    shot(browser, "search-opens-french")
    assert console_errors(browser) == []
