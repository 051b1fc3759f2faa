"""The web workspace in a real browser (Debian's chromium driven by chromedriver through Selenium; nothing is
downloaded): a planner signs in on a fresh workspace, uploads the small scenario as a zip, makes a variant with
the budget × 1.2, runs it and watches progress come before the result, opens the report and finds its charts,
downloads the workbook and the rosters, compares two runs, stops a long run and gets its best plan, restarts the
server and finds every run; a bad row shows its file:line problem on the page; the audit trail names each action.
"""
import io
import json
import os
import time
import zipfile
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPOSITORY, Server, add_user, small_scenario_zip

SCREENSHOTS = os.environ.get("WORKSPACE_SCREENSHOTS")


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1400", "--lang=vi"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def wait(driver, seconds=60):
    # A condition polled while the page is being replaced (a form posted, a redirect) can read an element of the
    # page going away; chromedriver then answers "Node with given id does not belong to the document" as a plain
    # WebDriverException, not as a stale element. Such a poll is retried like any other that is not yet true; a
    # condition that never holds still ends in a TimeoutException.
    return WebDriverWait(driver, seconds, poll_frequency=0.1, ignored_exceptions=[WebDriverException])


def shot(driver, name):
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(SCREENSHOTS) / f"{name}.png"))


def sign_in(driver, server, name, password):
    driver.get(server.url + "/runs")
    wait(driver).until(ready.url_contains("/login"))
    wait(driver).until(ready.presence_of_element_located((By.ID, "login-name"))).send_keys(name)
    driver.find_element(By.ID, "login-password").send_keys(password)
    driver.find_element(By.ID, "login-button").click()
    wait(driver).until(ready.presence_of_element_located((By.ID, "scenario-list")))


def upload(driver, server, name, paths):
    driver.get(server.url + "/")
    wait(driver).until(ready.presence_of_element_located((By.ID, "upload-name"))).send_keys(name)
    driver.find_element(By.ID, "upload-files").send_keys("\n".join(str(p) for p in paths))
    driver.find_element(By.ID, "upload-button").click()


def run_from_scenario_page(driver, server, scenario, time_limit, gap):
    driver.get(server.url + "/scenarios/" + scenario)
    limit = wait(driver).until(ready.presence_of_element_located((By.ID, "run-time-limit")))
    limit.clear()
    limit.send_keys(str(time_limit))
    gap_box = driver.find_element(By.ID, "run-gap")
    gap_box.clear()
    gap_box.send_keys(str(gap))
    pressed = time.time()
    driver.find_element(By.ID, "run-button").click()
    wait(driver).until(ready.url_matches(r"/runs/\d+$"))
    return driver.current_url.rsplit("/", 1)[1], pressed


def wait_for_result(driver, seconds=240):
    return wait(driver, seconds).until(ready.presence_of_element_located((By.ID, "summary")))


def test_a_planner_works_the_whole_workspace_in_a_browser(browser, scratch, servers):
    users = scratch / "users.json"
    add_user(users, "lan", "planner", "mat-khau-lan-1")
    server = Server(scratch / "workspace", users=users)
    servers.append(server.start())
    auth = ("lan", "mat-khau-lan-1")

    sign_in(browser, server, "lan", "mat-khau-lan-1")
    listed = browser.find_element(By.ID, "scenario-list").text
    assert "quang-ngai-2022" in listed, "a fresh workspace starts with the sample province"
    shot(browser, "scenarios")

    # Upload the small scenario as a zip of its folder.
    upload(browser, server, "small", [small_scenario_zip(scratch)])
    wait(browser).until(ready.url_contains("/scenarios/small"))
    wait(browser).until(ready.presence_of_element_located((By.ID, "budget-table")))
    assert "300" in browser.find_element(By.TAG_NAME, "main").text

    # A variant with the budget × 1.2.
    factor = browser.find_element(By.ID, "budget-factor")
    factor.clear()
    factor.send_keys("1.2")
    browser.find_element(By.ID, "apply-factor").click()
    name = browser.find_element(By.ID, "variant-name")
    name.clear()
    name.send_keys("small-x1.2")
    shot(browser, "scenario")
    browser.find_element(By.ID, "save-variant").click()
    wait(browser).until(ready.text_to_be_present_in_element((By.ID, "scenario-name"), "small-x1.2"))
    _, details = server.json("/api/scenarios/small-x1.2", auth=auth)
    _, original = server.json("/api/scenarios/small", auth=auth)
    for year, money in original["budget"].items():
        assert details["budget"][year] == round(money * 1.2), year

    # Run the variant and see progress before the result.
    variant_run, pressed = run_from_scenario_page(browser, server, "small-x1.2", 20, 0.01)
    wait(browser).until(ready.presence_of_element_located((By.ID, "progress-phase")))
    first_progress = time.time() - pressed
    print(f"pressing Run to the first progress on the page: {first_progress:.2f} s")
    wait_for_result(browser)
    live = int(browser.find_element(By.ID, "results").get_attribute("data-live-progress"))
    assert live >= 1, "progress came to the page before the result"
    shot(browser, "run")
    status = browser.find_element(By.ID, "summary").text
    assert "tối ưu" in status or "khả thi" in status, status

    # The report and its charts.
    report = browser.find_element(By.ID, "report-link").get_attribute("href")
    browser.get(report)
    charts = browser.find_elements(By.CSS_SELECTOR, "svg.chart")
    assert len(charts) >= 2, "the report holds its charts"
    shot(browser, "report")

    # Downloads: the workbook and the rosters.
    browser.get(server.url + "/runs/" + variant_run)
    wait_for_result(browser)
    workbook_href = browser.find_element(By.ID, "xlsx-link").get_attribute("href")
    status, headers, data = server.request(workbook_href.replace(server.url, ""), auth=auth)
    assert status == 200 and "spreadsheetml" in headers["Content-Type"]
    assert "xl/workbook.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    rosters_href = browser.find_element(By.ID, "rosters-link").get_attribute("href")
    status, headers, data = server.request(rosters_href.replace(server.url, ""), auth=auth)
    assert status == 200
    rosters = zipfile.ZipFile(io.BytesIO(data))
    names = rosters.namelist()
    csvs = [n for n in names if n.endswith(".csv")]
    assert csvs and all(n.startswith("rosters/") for n in names)
    assert all(n[:-4] + ".xlsx" in names for n in csvs), "each intake's paper roster beside its CSV"
    assert any(n.startswith("rosters/districts/") for n in names), "each district's paper rosters"
    first = rosters.read(csvs[0]).decode("utf-8-sig").splitlines()
    assert first[0].startswith("official_id,full_name") and len(first) > 1

    # A run of the original, then the two side by side.
    original_run, _ = run_from_scenario_page(browser, server, "small", 20, 0.01)
    wait_for_result(browser)
    browser.get(server.url + "/runs")
    for run_id in (variant_run, original_run):
        wait(browser).until(ready.presence_of_element_located((By.CSS_SELECTOR, f'.run-select[value="{run_id}"]'))).click()
    browser.find_element(By.ID, "compare-selected").click()
    table = wait(browser).until(ready.presence_of_element_located((By.ID, "compare-table")))
    assert f"#{variant_run} small-x1.2" in table.text and f"#{original_run} small" in table.text
    assert "25-1 · 2025" in table.text
    shot(browser, "compare")

    # A long run, stopped: its best plan is kept.
    long_run, _ = run_from_scenario_page(browser, server, "quang-ngai-2022", 600, 0)
    wait(browser, 120).until(lambda driver: "relaxation" in driver.find_element(By.ID, "progress").text
                             or "nới lỏng" in driver.find_element(By.ID, "progress").text
                             or "giảm thiếu hụt" in driver.find_element(By.ID, "progress").text)
    shot(browser, "progress")
    browser.find_element(By.ID, "stop-button").click()
    wait_for_result(browser, 300)
    state = browser.find_element(By.ID, "run-state").text
    assert "đã dừng" in state or "stopped" in state, state
    _, stopped = server.json("/api/runs/" + long_run, auth=auth)
    assert stopped["state"] == "stopped" and stopped["exit_code"] == 2
    assert stopped["summary"]["stopped_by"] == "stop_request"

    # A restart loses nothing.
    before = {run["id"]: run["state"] for run in server.json("/api/runs", auth=auth)[1]}
    server.restart()
    after = {run["id"]: run["state"] for run in server.json("/api/runs", auth=auth)[1]}
    assert after == before and len(after) == 3
    # Sessions are kept in the workspace's database: the planner is still signed in.
    browser.get(server.url + "/runs")
    listed = wait(browser).until(ready.presence_of_element_located((By.ID, "run-list"))).text
    for run_id in before:
        assert f"#{run_id}" in listed

    # The audit trail names each action and who did it.
    _, trail = server.json("/api/audit", auth=auth)
    actions = {entry["action"] for entry in trail}
    assert {"sign in", "upload", "edit", "run", "stop", "download"} <= actions, actions
    assert {entry["user"] for entry in trail} == {"lan"}


def test_a_bad_row_shows_its_file_and_line_on_the_page(browser, scratch, servers):
    server = Server(scratch / "workspace")
    servers.append(server.start())

    def break_row(name, data):
        if name != "officials.csv":
            return data
        lines = data.decode("utf-8").split("\n")
        lines[5] = lines[5].replace(",male,", ",robot,").replace(",female,", ",robot,")
        return "\n".join(lines).encode("utf-8")

    folder = scratch / "loose"
    folder.mkdir()
    with zipfile.ZipFile(small_scenario_zip(scratch, edit=break_row)) as archive:
        for member in archive.namelist():
            (folder / Path(member).name).write_bytes(archive.read(member))
    upload(browser, server, "broken", sorted(folder.iterdir()))
    problems = wait(browser).until(ready.presence_of_element_located((By.ID, "problems")))
    assert "officials.csv:6 [gender]" in problems.text, problems.text
    shot(browser, "upload-problem")
    assert server.json("/api/scenarios/broken")[0] == 404, "the broken scenario was not kept"


def test_an_office_list_with_an_unknown_spelling_is_mapped_on_the_page(browser, scratch, servers):
    server = Server(scratch / "workspace")
    servers.append(server.start())
    lists = REPOSITORY / "Tests" / "Fixtures" / "office-lists"
    small = REPOSITORY / "Scenarios" / "small"
    folder = scratch / "list"
    folder.mkdir()
    text = (lists / "small-list.csv").read_text(encoding="utf-8-sig").replace(",Trung cấp LLCT,", ",Trung học chính trị,")
    (folder / "small-list.csv").write_text(text, encoding="utf-8-sig")
    (folder / "small.yaml").write_text((small / "small.yaml").read_text(encoding="utf-8")
                                       .replace("officials: officials.csv", "officials: small-list.csv\ncommunes: communes.csv"), encoding="utf-8")
    for name, source in [("communes.csv", lists), ("courses.csv", small), ("targets.csv", small)]:
        (folder / name).write_bytes((source / name).read_bytes())
    upload(browser, server, "danh-sach", sorted(folder.iterdir()))
    mapping = wait(browser).until(ready.presence_of_element_located((By.ID, "mapping")))
    assert "Trung học chính trị" in mapping.text
    shot(browser, "list-mapping")
    from selenium.webdriver.support.ui import Select
    Select(browser.find_element(By.CSS_SELECTOR, "select.map-value")).select_by_value("intermediate")
    browser.find_element(By.ID, "mapping-send").click()
    wait(browser).until(ready.text_to_be_present_in_element((By.ID, "scenario-name"), "danh-sach"))
    kept = (server.workspace / "scenarios" / "danh-sach" / "small.yaml").read_text(encoding="utf-8")
    assert '"Trung học chính trị": "intermediate"' in kept
