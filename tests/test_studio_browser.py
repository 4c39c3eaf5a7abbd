"""drafter studio in a real browser: Playwright driving Debian's Chromium against a live server.

``playwright install`` downloads browsers and cannot work offline, so the system's Chromium is
launched by path (``DRAFTER_CHROMIUM`` overrides /usr/bin/chromium). The page view needs
LibreOffice with its Python UNO module; without them those scenarios are skipped, with the reason.
``DRAFTER_SCREENSHOTS=docs/img`` saves the README's screenshots from this run.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette")
playwright_api = pytest.importorskip("playwright.sync_api")

from conftest import OUTLINES, REPO  # noqa: E402

CHROMIUM = os.environ.get("DRAFTER_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]

if not Path(CHROMIUM).is_file():
    pytest.skip(f"Chromium is not installed at {CHROMIUM} (Debian: apt-get install chromium)", allow_module_level=True)


def _office_missing() -> str | None:
    from drafter.office.warm import warm_office_missing

    return warm_office_missing()


OFFICE_MISSING = _office_missing()
needs_pages = pytest.mark.skipif(OFFICE_MISSING is not None, reason=f"no page view: {OFFICE_MISSING}")


class LiveStudio:
    """A studio served by uvicorn in a thread, on a free port, over a temporary folder."""

    def __init__(self, folder: Path, packs: list[Path]) -> None:
        import uvicorn

        from drafter.office.warm import WarmOffice
        from drafter.studio.app import create_app
        from drafter.studio.server import answer_names

        self.folder = folder
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.office = WarmOffice() if OFFICE_MISSING is None else None
        app = create_app(folder, packs, hosts=answer_names("127.0.0.1", self.port), office=self.office,
                         office_missing=OFFICE_MISSING)
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the studio server did not start")
            time.sleep(0.05)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        if self.office is not None:
            self.office.close()


@pytest.fixture(scope="module")
def studio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveStudio]:
    folder = tmp_path_factory.mktemp("studio") / "drafts"
    folder.mkdir()
    shutil.copyfile(OUTLINES / "speech.yaml", folder / "speech.yaml")
    live = LiveStudio(folder, [REPO / "departments" / "planning-bureau"])
    yield live
    live.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object, studio: LiveStudio) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1480, "height": 920}, accept_downloads=True)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert not errors, errors


def open_studio(page: object, studio: LiveStudio, file: str | None = None) -> None:
    page.goto(studio.url + (f"?file={file}" if file else ""))
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)


def new_outline(page: object, kind: str) -> str:
    """Start a new outline of ``kind`` from the starter; returns its file name."""
    before = page.input_value("#file")
    page.select_option("#new-kind", kind)
    page.wait_for_function("before => document.querySelector('#file').value !== before", arg=before)
    page.wait_for_selector('.field[data-path="title"] input')
    return page.input_value("#file")


def saved_text(path: Path, snippet: str, timeout: float = 15) -> str:
    """The file's text once it holds ``snippet`` (autosave runs when typing pauses)."""
    deadline = time.monotonic() + timeout
    while True:
        text = path.read_text(encoding="utf-8")
        if snippet in text or time.monotonic() > deadline:
            return text
        time.sleep(0.1)


def first_page_image(page: object) -> str:
    page.wait_for_selector('#pages img[data-page="1"][src]', timeout=60_000)
    return page.get_attribute('#pages img[data-page="1"]', "src")


def wait_page_changes(page: object, before: str) -> str:
    page.wait_for_function("before => { const i = document.querySelector('#pages img[data-page=\"1\"]');"
                           " return i && i.src && i.src !== before && !i.classList.contains('stale'); }",
                           arg=before, timeout=60_000)
    return page.get_attribute('#pages img[data-page="1"]', "src")


def screenshot(page: object, name: str) -> None:
    target = os.environ.get("DRAFTER_SCREENSHOTS")
    if target:
        if OFFICE_MISSING is None:  # the page drawn for the text as it is now
            page.wait_for_function("() => !document.querySelector('#page-info').textContent.includes('…')",
                                   timeout=60_000)
        Path(target).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(target) / name))


@needs_pages
def test_a_speech_from_the_starter_and_its_page(page: object, studio: LiveStudio) -> None:
    open_studio(page, studio)
    name = new_outline(page, "speech")
    assert (studio.folder / name).is_file()
    before = first_page_image(page)
    heading = page.locator('input[data-path="sections[0].heading"]')
    heading.fill("坚持系统观念，统筹推进城市更新工作")
    after = wait_page_changes(page, before)
    assert after != before
    assert "坚持系统观念，统筹推进城市更新工作" in saved_text(studio.folder / name, "坚持系统观念")
    screenshot(page, "studio-form.png")


def test_a_half_width_comma_is_shown_at_its_field_and_fixed(page: object, studio: LiveStudio) -> None:
    open_studio(page, studio)
    name = new_outline(page, "speech")
    page.fill('.field[data-path="title"] input', "深化改革,扩大开放")
    finding = page.locator('.field[data-path="title"] .finding[data-code="W201"]')
    finding.wait_for(timeout=15_000)
    assert "，" in finding.inner_text()
    finding.locator("button.fix").click()
    page.wait_for_function("() => document.querySelector('.field[data-path=\"title\"] input').value === '深化改革，扩大开放'")
    page.wait_for_selector('.field[data-path="title"] .finding[data-code="W201"]', state="detached")
    assert "title: 深化改革，扩大开放" in saved_text(studio.folder / name, "title: 深化改革，扩大开放")


def test_reordering_sections_renumbers_them(page: object, studio: LiveStudio) -> None:
    shutil.copyfile(OUTLINES / "speech.yaml", studio.folder / "reorder.yaml")
    open_studio(page, studio, "reorder.yaml")
    first = page.input_value('input[data-path="sections[0].heading"]')
    second = page.input_value('input[data-path="sections[1].heading"]')
    for card in ("sections[0]", "sections[1]"):  # folded to their headings, both are in view
        page.click(f'.record[data-path="{card}"] > .record-head .fold')
    page.drag_and_drop('.record[data-path="sections[0]"] > .record-head .handle',
                       '.record[data-path="sections[1]"] > .record-head')
    page.wait_for_function("h => document.querySelector('input[data-path=\"sections[0].heading\"]').value === h",
                           arg=second, timeout=15_000)
    assert page.input_value('input[data-path="sections[1].heading"]') == first
    assert page.inner_text('.record[data-path="sections[0]"] > .record-head .number') == "一、"
    assert page.inner_text('.record[data-path="sections[1]"] > .record-head .number') == "二、"
    text = saved_text(studio.folder / "reorder.yaml", "sections:\n  - heading: " + second)
    assert text.index(second) < text.index(first)
    assert text.startswith("# yaml-language-server")  # the comments are kept
    screenshot(page, "studio-sections.png")


@needs_pages
def test_switching_the_department_changes_the_page(page: object, studio: LiveStudio) -> None:
    open_studio(page, studio, "speech.yaml")
    before = first_page_image(page)
    page.select_option("#department", "0")
    wait_page_changes(page, before)
    assert "市自然资源和规划局" in page.inner_text("#page-info")


def test_importing_a_docx(page: object, studio: LiveStudio, tmp_path: Path) -> None:
    from drafter.pipeline.render import render_file

    source = render_file(OUTLINES / "speech.yaml", tmp_path / "去年的发言.docx")
    open_studio(page, studio)
    page.set_input_files("#import", str(source))
    page.wait_for_function("() => document.querySelector('#file').value === '去年的发言.yaml'", timeout=30_000)
    page.wait_for_function("() => document.querySelector('.field[data-path=\"title\"] input')?.value.includes('以新理念引领城市更新')")
    assert (studio.folder / "去年的发言.yaml").is_file()


def test_download_the_docx(page: object, studio: LiveStudio, tmp_path: Path) -> None:
    import docx

    open_studio(page, studio, "speech.yaml")
    with page.expect_download() as download:
        page.click("#download-docx")
    saved = tmp_path / "speech.docx"
    download.value.save_as(saved)
    assert download.value.suggested_filename == "speech.docx"
    document = docx.Document(str(saved))
    texts = [p.text for p in document.paragraphs]
    assert any("以新理念引领城市更新" in t for t in texts)
    assert any(t.startswith("一、") for t in texts)


def test_a_change_on_disk_gives_a_conflict_notice(page: object, studio: LiveStudio) -> None:
    shutil.copyfile(OUTLINES / "speech.yaml", studio.folder / "conflict.yaml")
    open_studio(page, studio, "conflict.yaml")
    other = (OUTLINES / "speech.yaml").read_text(encoding="utf-8").replace("李明", "另一个程序")
    (studio.folder / "conflict.yaml").write_text(other, encoding="utf-8")
    page.fill('.field[data-path="speaker"] input', "本页的修改")
    page.wait_for_selector("#notices .conflict", timeout=15_000)
    time.sleep(1.5)  # autosave would have run by now
    assert (studio.folder / "conflict.yaml").read_text(encoding="utf-8") == other
    page.click("#notices .conflict button >> nth=0")  # load the version on disk
    page.wait_for_function("() => document.querySelector('.field[data-path=\"speaker\"] input').value === '另一个程序'")


def test_reloading_brings_back_unsaved_text(page: object, studio: LiveStudio) -> None:
    shutil.copyfile(OUTLINES / "speech.yaml", studio.folder / "offline.yaml")
    page.route("**/api/file", lambda route: route.abort() if route.request.method == "PUT" else route.continue_())
    open_studio(page, studio, "offline.yaml")
    page.fill('.field[data-path="speaker"] input', "还没保存的名字")
    page.wait_for_function("() => document.querySelector('#status').dataset.state === 'status.offline'", timeout=15_000)
    page.unroute("**/api/file")
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    page.wait_for_function("() => document.querySelector('.field[data-path=\"speaker\"] input').value === '还没保存的名字'")
    # and it is saved once the server takes it again
    assert "speaker: 还没保存的名字" in saved_text(studio.folder / "offline.yaml", "speaker: 还没保存的名字")


def test_the_yaml_view_completes_keys_and_stays_in_step(page: object, studio: LiveStudio) -> None:
    shutil.copyfile(OUTLINES / "speech.yaml", studio.folder / "yaml-view.yaml")
    open_studio(page, studio, "yaml-view.yaml")
    page.click("#tab-yaml")
    page.click(".cm-content")
    page.keyboard.press("Control+End")
    page.keyboard.type("\nsalut")
    page.wait_for_selector(".cm-tooltip-autocomplete", timeout=10_000)
    assert "salutation" in page.inner_text(".cm-tooltip-autocomplete")
    page.keyboard.press("Escape")
    for _ in range(5):
        page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")
    page.keyboard.press("Control+Home")
    editor_text = page.evaluate("() => document.querySelector('.cm-content').innerText")
    assert "kind: speech" in editor_text
    page.click("#tab-form")
    page.fill('.field[data-path="speaker"] input', "张三")
    page.click("#tab-yaml")
    page.wait_for_function("() => document.querySelector('.cm-content').innerText.includes('speaker: 张三')")
    screenshot(page, "studio-yaml.png")


def test_the_interface_is_chinese_with_an_english_switch(page: object, studio: LiveStudio) -> None:
    from drafter import i18n

    i18n.set_language("zh")  # the page starts in the language the server speaks (the suite's is English)
    try:
        open_studio(page, studio, "speech.yaml")
    finally:
        i18n.set_language("en")
    assert page.inner_text("#tab-form") == "表单"
    assert page.inner_text('.field[data-path="title"] > label').startswith("标题")
    page.click("#language")
    assert page.inner_text("#tab-form") == "Form"
    assert page.inner_text('.field[data-path="title"] > label').startswith("title")
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    assert page.inner_text("#download-docx") == "Download DOCX"  # the choice is remembered
    page.click("#language")
    assert page.inner_text("#download-docx") == "下载 DOCX"


def test_a_foreign_origin_is_refused_by_the_live_server(studio: LiveStudio) -> None:
    import httpx

    refused = httpx.get(studio.url + "api/file", params={"name": "speech.yaml"}, headers={"origin": "http://evil.example"})
    assert refused.status_code == 403
    for name in ("../etc.yaml", "/etc/passwd", "a/../../x.yaml"):
        assert httpx.get(studio.url + "api/file", params={"name": name}).status_code == 403
