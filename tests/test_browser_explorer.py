"""Headless Chromium (Debian's chromium + chromedriver, Selenium) against a real server: the explorer runs an
example query and shows the result table; the business-enterprises actor page lists 78/216 paragraph 28;
the browser console has no errors. Screenshots go to artifacts/ (gitignored)."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from conftest import load_webapp_store as load_fixture
from conftest import served

from unkg.webapp import assets, create_app

pytestmark = [pytest.mark.browser, pytest.mark.server]
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
EXAMPLES = Path(__file__).parent / "fixtures" / "webapp" / "queries"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory):
    location = load_fixture(tmp_path_factory.mktemp("browser") / "store")
    app = create_app({"STORE": location, "QUERY_TIMEOUT": 20, "QUERY_WORKERS": 1, "EXAMPLE_QUERIES": str(EXAMPLES)})
    with served(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver")
    chromium, driver_path = shutil.which("chromium") or "/usr/bin/chromium", shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not (Path(chromium).exists() and Path(driver_path).exists()):
        pytest.skip("Debian chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    profile = tempfile.mkdtemp(prefix="unkg-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                f"--user-data-dir={profile}", "--window-size=1400,1000"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    from selenium.webdriver.chrome.service import Service

    drv = webdriver.Chrome(service=Service(driver_path), options=opts)
    drv.set_page_load_timeout(60)
    ARTIFACTS.mkdir(exist_ok=True)
    yield drv
    drv.quit()
    shutil.rmtree(profile, ignore_errors=True)


def console_errors(drv) -> list[str]:
    return [e["message"] for e in drv.get_log("browser") if e["level"] == "SEVERE"]


def wait_for(drv, css: str, timeout: float = 30):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(drv, timeout).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))


@pytest.fixture(scope="module")
def yasgui_assets() -> bool:
    """The explorer's YASGUI, installed from the npm registry into the cache (not the repository)."""
    try:
        assets.install()
    except Exception as e:  # no npm or no registry: the explorer uses unkg's own small editor instead
        print(f"YASGUI not installed ({e}); testing the fallback editor")
    return assets.installed()


def test_explorer_runs_example_query(base_url, browser, yasgui_assets):
    from selenium.webdriver.common.by import By

    browser.get(base_url + "/explore")
    wait_for(browser, "button.example")
    if yasgui_assets:
        wait_for(browser, ".yasqe .CodeMirror")  # the YASGUI editor is up
        assert browser.execute_script("return typeof window.Yasgui") == "function"
    buttons = browser.find_elements(By.CSS_SELECTOR, "button.example")
    mine = next(b for b in buttons if "most provisions" in b.text)
    mine.click()
    cell_css = ".yasr table tbody tr td" if yasgui_assets else "#plain-results table tbody tr td"
    wait_for(browser, cell_css)
    table_text = browser.find_element(By.CSS_SELECTOR, ".yasr table" if yasgui_assets else "#plain-results table").text
    assert "business-enterprises" in table_text or "business enterprises" in table_text
    browser.save_screenshot(str(ARTIFACTS / "explorer.png"))
    assert console_errors(browser) == []


def test_actor_page_shows_paragraph_28(base_url, browser):
    from selenium.webdriver.common.by import By

    browser.get(base_url + "/actors/business-enterprises")
    wait_for(browser, "#provisions tbody tr")
    rows = browser.find_elements(By.CSS_SELECTOR, "#provisions tbody tr")
    found = [(r.get_attribute("data-symbol"), r.get_attribute("data-paragraph")) for r in rows]
    assert ("A/RES/78/216", "28") in found
    link = browser.find_element(By.CSS_SELECTOR, 'tr[data-paragraph="28"] a.para')
    browser.save_screenshot(str(ARTIFACTS / "actor-business-enterprises.png"))
    link.click()
    wait_for(browser, "li#op-28")
    # the paragraph's IRI answers 303 to the resolution's HTML document, keeping the anchor
    assert browser.current_url.endswith("/id/A/RES/78/216.html#op-28")
    assert "business enterprises" in browser.find_element(By.ID, "op-28").text
    browser.save_screenshot(str(ARTIFACTS / "resolution-78-216.png"))
    assert console_errors(browser) == []


def test_markup_shows_as_text_in_browser(base_url, browser):
    from selenium.webdriver.common.by import By

    browser.get(base_url + "/id/A/RES/78/999")
    wait_for(browser, "li#op-1")
    assert "<script>alert('xss')</script>" in browser.find_element(By.ID, "op-1").text
    assert browser.execute_script("return document.querySelectorAll('main script').length") == 0
    assert console_errors(browser) == []


def test_fallback_editor_without_yasgui(base_url, browser, tmp_path, monkeypatch):
    """Where YASGUI is not installed, unkg's own editor runs the query and shows the table."""
    from selenium.webdriver.common.by import By

    monkeypatch.setenv("UNKG_ASSETS", str(tmp_path))  # an empty asset folder: no YASGUI
    browser.get(base_url + "/explore")
    wait_for(browser, "#plain-query")
    assert browser.execute_script("return typeof window.Yasgui") == "undefined"
    next(b for b in browser.find_elements(By.CSS_SELECTOR, "button.example") if "most provisions" in b.text).click()
    wait_for(browser, "#plain-results table tbody tr td")
    assert "business-enterprises" in browser.find_element(By.ID, "plain-results").text
    href = browser.find_element(By.ID, "plain-csv").get_attribute("href")
    assert "/sparql?format=csv&query=" in href
    browser.save_screenshot(str(ARTIFACTS / "explorer-fallback.png"))
    assert console_errors(browser) == []


def test_editor_completes_terms_from_the_store(base_url, browser, yasgui_assets):
    """YASQE's property completion asks this server (not the public LOV service) for the store's terms."""
    if not yasgui_assets:
        pytest.skip("YASGUI is not installed: the fallback editor has no completion")
    from selenium.webdriver.common.by import By

    browser.get(base_url + "/explore")
    wait_for(browser, ".yasqe .CodeMirror")
    browser.execute_script(
        "const y = document.querySelector('.yasqe .CodeMirror').CodeMirror;"
        "y.setValue('PREFIX unkg: <https://w3id.org/unkg/ontology#>\\nSELECT * WHERE { ?p unkg:addr');"
        "y.focus(); y.setCursor(y.lineCount() - 1, 100); y.autocomplete();")
    hint = wait_for(browser, ".CodeMirror-hints li", 15)
    texts = [li.text for li in browser.find_elements(By.CSS_SELECTOR, ".CodeMirror-hints li")]
    assert "unkg:addressee" in texts, texts
    assert hint is not None and console_errors(browser) == []
