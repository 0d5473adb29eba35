"""The explorer as a standalone page (Voilà) in a real headless browser (Debian's chromium).

Loads the page served on 127.0.0.1, moves the 2024 leakage slider with the keyboard, reads the
updated key figure, saves a scenario with the button and validates the file with ``samen
validate``. Skipped, with the reason, where chromium, chromedriver, selenium or voila is missing
(``apt-get install -y chromium chromium-driver``). Every wait is bounded.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
VOILA = Path(sys.executable).with_name("voila")
PAGE_TIMEOUT = 90  # s: kernel start, imports and the first run
STEP_TIMEOUT = 30  # s: one slider move or one save

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="no headless browser: install Debian's chromium and chromium-driver "
           "(apt-get install -y chromium chromium-driver)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, proc: subprocess.Popen, timeout: float) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"voila exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


@pytest.fixture()
def page(tmp_path: Path):
    """The explorer notebook served by Voilà on 127.0.0.1, saving into ``tmp_path/saved``."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    pm = pytest.importorskip("papermill")
    if not VOILA.is_file():
        pytest.skip("voila is not installed")
    folder, saved = tmp_path / "scenarios", tmp_path / "saved"
    shutil.copytree(ROOT / "scenarios", folder)
    notebook = tmp_path / "explorer.ipynb"
    pm.execute_notebook(str(ROOT / "notebooks" / "05_explorer.ipynb"), str(notebook),
                        parameters={"scenario_dir": str(folder), "save_dir": str(saved)},
                        prepare_only=True, progress_bar=False)
    port = _free_port()
    log = open(tmp_path / "voila.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [str(VOILA), notebook.name, "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
         "--ServerApp.port_retries=0"],
        cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        env={**os.environ, "JUPYTER_PLATFORM_DIRS": "1"})
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=1500,1300"):
        options.add_argument(arg)
    driver = None
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait_http(url, proc, PAGE_TIMEOUT)
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        driver.set_page_load_timeout(PAGE_TIMEOUT)
        driver.get(url)
        yield driver, folder, saved, tmp_path
    finally:
        if driver is not None:
            driver.quit()
        # voila and the kernel it started are one process group (ours): stop both
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=3)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        log.close()


def test_move_a_slider_read_the_key_figure_and_save(page) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    driver, folder, saved, tmp_path = page
    figure = ("td[data-key='deviation_transition_eur'][data-column='what_if']")
    WebDriverWait(driver, PAGE_TIMEOUT).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, figure))
    before = driver.find_element(By.CSS_SELECTOR, figure).text
    assert before == "−€ 0,01 mln"  # realised_2023: the calibrated square deviation 2023-2025
    readout = driver.find_element(By.CSS_SELECTOR, ".samen-lever-leakage_2024 .widget-readout")
    assert readout.text == "10.0%"

    # move the 2024 leakage slider by ten steps of 1% with the keyboard: 10% -> 20%
    handle = driver.find_element(By.CSS_SELECTOR, ".samen-lever-leakage_2024 .noUi-handle")
    handle.click()
    for _ in range(10):
        handle.send_keys(Keys.ARROW_RIGHT)
    WebDriverWait(driver, STEP_TIMEOUT).until(
        lambda d: d.find_element(By.CSS_SELECTOR, ".samen-lever-leakage_2024 .widget-readout")
        .text == "20.0%")
    WebDriverWait(driver, STEP_TIMEOUT).until(
        lambda d: "2024: 0.2" in d.find_element(By.CSS_SELECTOR, ".samen-changes").text)
    after = driver.find_element(By.CSS_SELECTOR, figure).text
    assert after != before and after.startswith("€ ")  # now a larger overrun, in millions
    helped = driver.find_element(By.CSS_SELECTOR, "td[data-key='young_people_helped_first_year']"
                                                  "[data-column='what_if']").text
    assert helped == "977"  # 2023 stays calibrated: the path starts in 2024

    # save as a scenario, with a note
    name = driver.find_element(By.CSS_SELECTOR, ".samen-save-name input")
    name.clear()
    name.send_keys("browser_whatif")
    note = driver.find_element(By.CSS_SELECTOR, ".samen-save-note textarea")
    note.send_keys("leakage 20% in 2024 (browser test)")
    note.send_keys(Keys.TAB)  # commit the text (sent on blur)
    driver.find_element(By.CSS_SELECTOR, "button.samen-save-button").click()
    WebDriverWait(driver, STEP_TIMEOUT).until(
        lambda d: "samen validate: ok" in d.find_element(By.CSS_SELECTOR,
                                                         ".samen-save-status").text)
    driver.save_screenshot(str(tmp_path / "explorer.png"))
    path = saved / "browser_whatif.yaml"
    assert path.is_file()
    text = path.read_text(encoding="utf-8")
    assert "extends: ../scenarios/realised_2023.yaml" in text
    assert "source: 'what-if: leakage 20% in 2024 (browser test)'" in text
    # it extends a file in another folder: validating it names that folder (--input-root)
    done = subprocess.run([str(Path(sys.executable).with_name("samen")), "validate", str(path),
                           "--input-root", str(tmp_path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"ok: {path}")
