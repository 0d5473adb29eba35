"""The explorer as a standalone page (Voilà) in a real headless browser (Debian's chromium).

Loads the page served on 127.0.0.1 as ``make explorer`` serves it and prints the seconds until
the first key figures show; moves the 2024 leakage slider with the keyboard and reads the key
figure and the band's new 95th percentile; types 5 into a percent box; types a name and clicks
save at once, then checks the file (that name, mode 0644, its own title, ``samen validate``);
reloads five times and counts the kernels left. Skipped, with the reason, where chromium,
chromedriver, selenium or voila is missing (``apt-get install -y chromium chromium-driver``).
Every wait is bounded.
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


def _kernels(voila_pid: int) -> list[int]:
    """Process ids of the kernels Voilà started (its children running ipykernel)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            stat = (proc / "stat").read_text()
            cmdline = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == voila_pid and b"ipykernel" in cmdline:
            found.append(int(proc.name))
    return found


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The explorer notebook served by Voilà on 127.0.0.1 with the options of ``make explorer``
    (kernels of closed pages culled; here after 10 s idle so the test ends soon), on the
    shipped scenarios, saving into ``tmp/saved``."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    pm = pytest.importorskip("papermill")
    if not VOILA.is_file():
        pytest.skip("voila is not installed")
    from samen_model.products.explorer.serve import voila_arguments

    tmp_path = tmp_path_factory.mktemp("explorer")
    saved = tmp_path / "saved"
    notebook = tmp_path / "explorer.ipynb"
    pm.execute_notebook(str(ROOT / "notebooks" / "05_explorer.ipynb"), str(notebook),
                        parameters={"scenario_dir": str(ROOT / "scenarios"),
                                    "save_dir": str(saved)},
                        prepare_only=True, progress_bar=False)
    port = _free_port()
    log = open(tmp_path / "voila.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [str(VOILA), notebook.name, *voila_arguments(port, cull_idle=10, cull_interval=3)],
        cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        env={**os.environ, "JUPYTER_PLATFORM_DIRS": "1"})
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=1500,1500"):
        options.add_argument(arg)
    driver = None
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait_http(url, proc, PAGE_TIMEOUT)
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        driver.set_page_load_timeout(PAGE_TIMEOUT)
        yield driver, url, saved, tmp_path, proc
    finally:
        if driver is not None:
            driver.quit()
        # voila and the kernels it started are one process group (ours): stop them all
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=3)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        log.close()


FIGURE = "td[data-key='deviation_transition_eur'][data-column='what_if']"


def _open(driver, url: str) -> float:
    """Load the page; return the seconds until the first key figures show."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    started = time.perf_counter()
    driver.get(url)
    WebDriverWait(driver, PAGE_TIMEOUT).until(lambda d: d.find_elements(By.CSS_SELECTOR, FIGURE))
    return time.perf_counter() - started


def _mln(text: str) -> float:
    """'€ 1,90 mln' or '−€ 0,01 mln' -> euros."""
    number = text.replace("€", "").replace("mln", "").replace(".", "").replace(",", ".")
    return float(number.replace("−", "-").replace(" ", "")) * 1e6


@pytest.fixture()
def page(server):
    driver, url, saved, tmp_path, proc = server
    seconds = _open(driver, url)
    print(f"\nexplorer: first key figures {seconds:.1f} s after the page was requested (a "
          "ready kernel; the first page after the server starts may wait for it to be ready)")
    return driver, saved, tmp_path, proc


def _readout(driver, key: str) -> str:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, f".samen-lever-{key} .widget-readout").text


def test_move_a_lever_the_key_figure_and_the_band_follow(page) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    driver, *_ = page
    before = driver.find_element(By.CSS_SELECTOR, FIGURE).text
    assert before == "−€ 0,01 mln"  # realised_2023: the calibrated square deviation 2023-2025
    assert _readout(driver, "leakage_2024") == "10.0"  # percent
    band = "td[data-key='p95'][data-year='2024']"
    p95_before = _mln(driver.find_element(By.CSS_SELECTOR, band).text)

    # move the 2024 leakage slider by ten steps of 1% with the keyboard: 10% -> 20%
    handle = driver.find_element(By.CSS_SELECTOR, ".samen-lever-leakage_2024 .noUi-handle")
    handle.click()
    for _ in range(10):
        handle.send_keys(Keys.ARROW_RIGHT)
    WebDriverWait(driver, STEP_TIMEOUT).until(lambda d: _readout(d, "leakage_2024") == "20.0")
    WebDriverWait(driver, STEP_TIMEOUT).until(
        lambda d: "2024: 0.2" in d.find_element(By.CSS_SELECTOR, ".samen-changes").text)
    after = driver.find_element(By.CSS_SELECTOR, FIGURE).text
    assert after != before and after.startswith("€ ")  # now a larger overrun, in millions
    helped = driver.find_element(By.CSS_SELECTOR, "td[data-key='young_people_helped_first_year']"
                                                  "[data-column='what_if']").text
    assert helped == "977"  # 2023 stays calibrated: the path starts in 2024
    WebDriverWait(driver, STEP_TIMEOUT).until(
        lambda d: _mln(d.find_element(By.CSS_SELECTOR, band).text) != p95_before)
    p95_after = _mln(driver.find_element(By.CSS_SELECTOR, band).text)
    print(f"band: 95th percentile of the 2024 square deviation {p95_before:,.0f} -> "
          f"{p95_after:,.0f} EUR")
    assert p95_after > p95_before + 100_000  # more leakage in 2024: a higher upper end


def test_a_percent_box_reads_5_as_5_percent(page) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    driver, *_ = page
    for typed in ("5", "7%"):
        box = driver.find_element(By.CSS_SELECTOR, ".samen-lever-budget_cut .widget-readout")
        box.click()
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(typed, Keys.ENTER)
        shown = typed.rstrip("%") + ".0"
        WebDriverWait(driver, STEP_TIMEOUT).until(
            lambda d, shown=shown: _readout(d, "budget_cut") == shown)
        share = f"{float(typed.rstrip('%')) / 100:g}"  # 5 -> 0.05: five percent
        WebDriverWait(driver, STEP_TIMEOUT).until(
            lambda d, share=share: f"budget_cut_share: {{value: {share}" in
            d.find_element(By.CSS_SELECTOR, ".samen-changes").text)


def test_type_a_name_and_click_at_once_saves_that_name(page) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    driver, saved, _tmp, _proc = page
    handle = driver.find_element(By.CSS_SELECTOR, ".samen-lever-leakage_2025 .noUi-handle")
    handle.click()
    for _ in range(5):
        handle.send_keys(Keys.ARROW_RIGHT)
    WebDriverWait(driver, STEP_TIMEOUT).until(lambda d: _readout(d, "leakage_2025") == "15.0")
    note = driver.find_element(By.CSS_SELECTOR, ".samen-save-note textarea")
    note.send_keys("weglek 15% in 2025 (browsertest)")
    name = driver.find_element(By.CSS_SELECTOR, ".samen-save-name input")
    name.send_keys(Keys.CONTROL, "a")
    name.send_keys("analist_weglek")
    driver.find_element(By.CSS_SELECTOR, "button.samen-save-button").click()  # at once
    WebDriverWait(driver, STEP_TIMEOUT).until(
        lambda d: "samen validate: ok" in d.find_element(By.CSS_SELECTOR,
                                                         ".samen-save-status").text)
    driver.save_screenshot(str(_tmp / "explorer.png"))
    assert [p.name for p in saved.glob("*.yaml")] == ["analist_weglek.yaml"]
    path = saved / "analist_weglek.yaml"
    assert path.stat().st_mode & 0o777 == 0o644
    text = path.read_text(encoding="utf-8")
    assert "extends: realised_2023\n" in text  # the shipped base, found from any folder
    assert "title: 'Wat-als analist_weglek: weglek 15% in 2025 (browsertest)'" in text
    assert "source: 'what-if: weglek 15% in 2025 (browsertest)'" in text
    # samen validate accepts it where it landed, without --input-root
    done = subprocess.run([str(Path(sys.executable).with_name("samen")), "validate", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"ok: {path}")


def test_reloading_leaves_one_kernel_per_open_page(page) -> None:
    """One kernel for the open page, besides the ready ones (``serve.POOL``)."""
    from samen_model.products.explorer.serve import POOL

    driver, _saved, _tmp, proc = page
    for _ in range(5):
        driver.refresh()  # without waiting for the figures: the harder case
    _open(driver, driver.current_url)
    end = time.monotonic() + 90  # closed pages' kernels: shut down at once or culled (10 s)
    while len(_kernels(proc.pid)) > 1 + POOL and time.monotonic() < end:
        time.sleep(1)
    print(f"kernels after five reloads: {len(_kernels(proc.pid))} (one page open, {POOL} ready)")
    assert len(_kernels(proc.pid)) <= 1 + POOL
