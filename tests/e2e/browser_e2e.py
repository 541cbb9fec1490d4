#!/usr/bin/python3
"""Drives the classic Jupyter Notebook UI (6.4) in headless Chromium against a running notebook server with the
gradnote kernel, as a user would: keyboard, toolbar, tooltips, screenshots.

Usage: browser_e2e.py BASE_URL TOKEN KERNEL_NAME SHOTS_DIR SCENARIO [ARGS...]
  live                      a new notebook: chart, table, tensor, Tab completion, Shift+Tab javadoc, interrupt
  stored LAB.ipynb          a stored lab notebook opened untrusted (path relative to the server's notebook dir)
  html FILE.html            an nbconvert HTML export, opened from disk
Prints one "ok: ..." line per check, "FAIL: ..." and exit status 1 on the first failure (a screenshot of the page
goes to SHOTS_DIR), or "ALL OK". BrowserEndToEndTest runs it and owns the server and kernels' lifecycle.
"""
import io
import os
import shutil
import sys
import tempfile
import time
import traceback

from PIL import Image
from selenium import webdriver
from selenium.common.exceptions import JavascriptException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

BASE, TOKEN, KERNEL, SHOTS, SCENARIO = sys.argv[1:6]
ARGS = sys.argv[6:]
# Generous but bounded: the machine may be loaded; a kernel's first cell starts a JVM with ND4J.
KERNEL_START = 120
CELL = 120


class Failure(Exception):
    pass


def check(condition, what):
    if not condition:
        raise Failure(what)
    print("ok: " + what, flush=True)


def wait_for(driver, what, predicate, timeout):
    """Polls predicate() every 0.1 s until it returns a truthy value, which is returned; fails after timeout s."""
    end = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < end:
        try:
            value = predicate()
            if value:
                return value
        except JavascriptException as e:  # page still loading: Jupyter not defined yet
            last_error = e
        time.sleep(0.1)
    raise Failure("timed out after %d s waiting for %s%s" % (timeout, what,
                                                            " (last error: %s)" % last_error.msg if last_error else ""))


def browser(profile):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--force-device-scale-factor=1", "--disable-extensions",
                "--no-first-run", "--user-data-dir=" + profile):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(30)
    return driver


def ink(png_bytes):
    """Fraction of a screenshot's pixels that differ clearly from its most common colour (the background), and
    the number of distinct colours: a rendered chart has axes, text and lines, a blank or broken one has ~none."""
    img = Image.open(io.BytesIO(png_bytes)).convert("RGB")
    pixels = list(img.getdata())
    background = max(set(pixels[:: max(1, len(pixels) // 5000)]), key=pixels.count)
    differing = sum(1 for p in pixels if sum(abs(a - b) for a, b in zip(p, background)) > 60)
    return differing / max(1, len(pixels)), len(set(pixels)), img.size


def assert_chart_pixels(element, name, what):
    png = element.screenshot_as_png
    with open(os.path.join(SHOTS, name + ".png"), "wb") as f:
        f.write(png)
    share, colours, size = ink(png)
    check(size[0] >= 200 and size[1] >= 150 and share > 0.004 and colours > 20,
          "%s: %dx%d px, %.1f%% non-background, %d colours (%s.png)" % (what, size[0], size[1], 100 * share,
                                                                        colours, name))


# ---------------------------------------------------------------------------------------------------------------
# The classic Notebook page


def kernel_idle(driver):
    return driver.execute_script(
        "var n = window.Jupyter && Jupyter.notebook; if (!n || !n.kernel || !n.kernel.is_connected()) return false;"
        "var i = document.querySelector('#kernel_indicator_icon');"
        "return !!i && i.classList.contains('kernel_idle_icon');")


def open_new_notebook(driver):
    driver.get("%s/tree?token=%s" % (BASE, TOKEN))
    wait_for(driver, "the file tree", lambda: driver.find_elements(By.ID, "new-dropdown-button"), 60)
    before = set(driver.window_handles)
    driver.find_element(By.ID, "new-dropdown-button").click()
    item = wait_for(driver, "the New menu's gradnote entry",
                    lambda: [e for e in driver.find_elements(By.CSS_SELECTOR, "#kernel-%s a" % KERNEL)
                             if e.is_displayed()], 30)[0]
    item.click()
    handle = wait_for(driver, "the new notebook's window", lambda: list(set(driver.window_handles) - before), 30)[0]
    driver.switch_to.window(handle)
    wait_for(driver, "the notebook to load", lambda: driver.execute_script(
        "return !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded)"), 60)
    # The page is "fully loaded" before its session request returns; only then does Jupyter.notebook.kernel exist
    # (seen as None under load in a CI run), so wait for the kernel object, not just the page.
    name = wait_for(driver, "the notebook's kernel session", lambda: driver.execute_script(
        "return Jupyter.notebook.kernel && Jupyter.notebook.kernel.name"), KERNEL_START)
    check(name == KERNEL, "New > gradnote opened a notebook running kernel %r" % name)
    wait_for(driver, "the kernel to be idle", lambda: kernel_idle(driver), KERNEL_START)


def last_cell_index(driver):
    return driver.execute_script("return Jupyter.notebook.ncells() - 1")


def cell_element(driver, index):
    return driver.find_elements(By.CSS_SELECTOR, "#notebook-container > .cell")[index]


def type_into_cell(driver, index, keys):
    """Clicks into the cell's editor (edit mode) and types, as a user does (the editor auto-closes brackets and
    quotes and types over them, so the text ends up as typed)."""
    cell = cell_element(driver, index)
    cell.find_element(By.CSS_SELECTOR, ".CodeMirror-lines").click()
    wait_for(driver, "edit mode", lambda: driver.execute_script("return Jupyter.notebook.mode === 'edit'"), 10)
    driver.switch_to.active_element.send_keys(keys)


def run_cell(driver, code, timeout=CELL):
    """Types code into the last cell, runs it with Shift+Enter and waits for its execution count; returns the
    cell's index."""
    index = last_cell_index(driver)
    type_into_cell(driver, index, code)
    check_text = driver.execute_script("return Jupyter.notebook.get_cell(%d).get_text()" % index)
    if check_text != code:
        raise Failure("the editor holds %r after typing %r" % (check_text, code))
    driver.switch_to.active_element.send_keys(Keys.SHIFT, Keys.ENTER)
    wait_for(driver, "cell %d (%s) to finish" % (index, code[:40]), lambda: driver.execute_script(
        "var c = Jupyter.notebook.get_cell(%d); return typeof c.input_prompt_number === 'number'" % index)
             and kernel_idle(driver), timeout)
    return index


def output_html(driver, index):
    return cell_element(driver, index).find_element(By.CSS_SELECTOR, ".output_wrapper").get_attribute("innerHTML")


def output_text(driver, index):
    return cell_element(driver, index).find_element(By.CSS_SELECTOR, ".output_wrapper").text


def live(driver):
    open_new_notebook(driver)

    i = run_cell(driver, 'Plots.line().title("browser e2e").series("y", new double[]{1, 4, 2, 8, 5, 7}).build()')
    area = cell_element(driver, i).find_element(By.CSS_SELECTOR, ".output_subarea")
    kind = driver.execute_script(
        "var a = arguments[0]; var img = a.querySelector('img');"
        "if (img) return img.complete && img.naturalWidth > 0 ? 'img ' + img.naturalWidth + 'x' + img.naturalHeight : 'broken img';"
        "return a.querySelector('svg') ? 'svg' : 'none: ' + a.innerHTML.slice(0, 200);", area)
    check(kind.startswith("img ") or kind == "svg", "a chart cell shows an image (%s)" % kind)
    assert_chart_pixels(area, "live-chart", "the chart's pixels are not blank")

    i = run_cell(driver, "Datasets.weather().first(4)")
    html = output_html(driver, i)
    check("<table" in html and "temp_max" in html, "a Tablesaw table renders as an HTML table with its columns")

    i = run_cell(driver, "Tensor.arange(6).reshape(2, 3)")
    text = output_text(driver, i)
    check("shape=(2, 3)" in text or "(2, 3)" in text, "a Tensor renders with its shape: %r" % text[:120])
    check("5" in text and "int64" in text, "the Tensor's values and dtype are shown")

    # Tab completion: the completer shows a list, or completes in place when only one name matches.
    index = last_cell_index(driver)
    type_into_cell(driver, index, "Tensor.ze")
    driver.switch_to.active_element.send_keys(Keys.TAB)

    def offered():
        options = [o.text for o in driver.find_elements(By.CSS_SELECTOR, "#complete select option")]
        text = driver.execute_script("return Jupyter.notebook.get_cell(%d).get_text()" % index)
        return options or (text if text != "Tensor.ze" else None)

    got = wait_for(driver, "completions for Tensor.ze", offered, 30)
    check(("zeros(" in got) if isinstance(got, list) else got.startswith("Tensor.zeros("),
          "Tab on Tensor.ze offers zeros( (%s)" % got)
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    driver.execute_script("Jupyter.notebook.get_cell(%d).set_text('')" % index)

    # Shift+Tab: the tooltip shows the javadoc gradnote's build indexed from its sources.
    type_into_cell(driver, index, "Tensor.zeros(")
    driver.switch_to.active_element.send_keys(Keys.SHIFT, Keys.TAB)
    tip = wait_for(driver, "the Shift+Tab tooltip", lambda: [e.text for e in driver.find_elements(
        By.CSS_SELECTOR, "#tooltip .tooltiptext") if e.is_displayed() and e.text.strip()], 30)[0]
    with open(os.path.join(SHOTS, "live-tooltip.txt"), "w") as f:
        f.write(tip)
    check("zeros(" in tip and "filled with zeros" in tip,
          "Shift+Tab on Tensor.zeros( shows its signature and javadoc sentence: %r" % tip[:200])
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    driver.execute_script("Jupyter.notebook.get_cell(%d).set_text('')" % index)

    # Interrupt: the toolbar's stop button ends an endless loop within 5 s; earlier variables survive.
    run_cell(driver, "int before = 41;")
    index = last_cell_index(driver)
    type_into_cell(driver, index, "while (true) {}")
    driver.switch_to.active_element.send_keys(Keys.SHIFT, Keys.ENTER)
    wait_for(driver, "the loop to be running", lambda: driver.execute_script(
        "return Jupyter.notebook.get_cell(%d).input_prompt_number === '*'" % index)
             and not kernel_idle(driver), 30)
    time.sleep(1.0)  # let the loop spin inside the evaluator
    check(driver.execute_script("return Jupyter.notebook.get_cell(%d).input_prompt_number === '*'" % index),
          "while (true) {} is still running after 1 s")
    button = driver.find_element(By.CSS_SELECTOR, "button[data-jupyter-action='jupyter-notebook:interrupt-kernel']")
    start = time.monotonic()
    button.click()
    wait_for(driver, "the interrupted cell to end", lambda: driver.execute_script(
        "var c = Jupyter.notebook.get_cell(%d); return typeof c.input_prompt_number === 'number'" % index)
             and kernel_idle(driver), 5)
    check(True, "the interrupt button stopped while (true) {} in %.2f s" % (time.monotonic() - start))
    i = run_cell(driver, "before + 1")
    check(output_text(driver, i).strip().endswith("42"), "a variable defined before the interrupt survives (%r)"
          % output_text(driver, i))
    driver.save_screenshot(os.path.join(SHOTS, "live-notebook.png"))


def chart_images(driver):
    """The chart-sized images in cell outputs (the classic Notebook's and nbconvert's classic and lab templates):
    loaded <img> elements and inline <svg> elements."""
    return driver.execute_script(
        "var out = [], areas = '.output_area, .jp-OutputArea-output';"
        "document.querySelectorAll(areas).forEach(function (a) {"
        "  a.querySelectorAll('img').forEach(function (i) {"
        "    if (i.complete && i.naturalWidth >= 200 && i.naturalHeight >= 150 && out.indexOf(i) < 0) out.push(i); });"
        "  a.querySelectorAll('svg').forEach(function (s) { var r = s.getBoundingClientRect();"
        "    if (r.width >= 200 && r.height >= 150 && out.indexOf(s) < 0) out.push(s); }); });"
        "return out;")


def stored(driver):
    lab = ARGS[0]
    driver.get("%s/notebooks/%s?token=%s" % (BASE, lab, TOKEN))
    wait_for(driver, "the notebook to load", lambda: driver.execute_script(
        "return !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded)"), 60)
    trusted = driver.execute_script("return Jupyter.notebook.trusted")
    check(trusted is False, "the stored lab %s opens untrusted" % lab)
    expected = driver.execute_script(
        "var n = 0; Jupyter.notebook.get_cells().forEach(function (c) { (c.output_area ? c.output_area.outputs : [])"
        ".forEach(function (o) { if (o.data && (o.data['image/png'] || o.data['image/svg+xml'])) n++; }); });"
        "return n;")
    check(expected > 0, "the lab stores %d chart outputs" % expected)
    images = wait_for(driver, "its charts to render", lambda: (lambda found: found if len(found) >= expected else None)(
        chart_images(driver)), 30)
    check(len(images) >= expected, "all %d stored charts render in the untrusted notebook (%d found)"
          % (expected, len(images)))
    driver.execute_script("arguments[0].scrollIntoView()", images[0])
    assert_chart_pixels(images[0], "stored-chart", "the untrusted lab's first chart's pixels are not blank")


def html(driver):
    path = os.path.abspath(ARGS[0])
    driver.get("file://" + path)
    wait_for(driver, "the export to load", lambda: driver.execute_script("return document.readyState") == "complete",
             60)
    expected = int(ARGS[1])
    images = wait_for(driver, "its charts to render", lambda: (lambda found: found if len(found) >= expected else None)(
        chart_images(driver)), 20)
    check(len(images) >= expected, "all %d charts render in the HTML export (%d found)" % (expected, len(images)))
    driver.execute_script("arguments[0].scrollIntoView()", images[0])
    assert_chart_pixels(images[0], "html-chart", "the HTML export's first chart's pixels are not blank")


def main():
    os.makedirs(SHOTS, exist_ok=True)
    scenario = {"live": live, "stored": stored, "html": html}[SCENARIO]
    profile = tempfile.mkdtemp(prefix="gradnote-chromium-")
    driver = browser(profile)
    try:
        scenario(driver)
        print("ALL OK", flush=True)
        return 0
    except Exception as e:  # Failure or a Selenium error: same report, plus the page as the user saw it
        shot = os.path.join(SHOTS, "FAILED-%s.png" % SCENARIO)
        try:
            driver.save_screenshot(shot)
            with open(os.path.join(SHOTS, "FAILED-%s.html" % SCENARIO), "w") as f:
                f.write(driver.page_source)
        except Exception:
            shot = "(no screenshot: %s)" % traceback.format_exc(limit=1)
        detail = str(e) if isinstance(e, Failure) else traceback.format_exc()
        print("FAIL: %s\nscreenshot: %s" % (detail, shot), flush=True)
        return 1
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
