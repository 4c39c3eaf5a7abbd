"""drafter studio without a browser: the API, its guards, and the edits it makes to outline text.

The browser scenarios are in tests/test_studio_browser.py.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("ruamel.yaml")

from conftest import OUTLINES  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from drafter.studio.app import create_app  # noqa: E402
from drafter.studio.edits import EditError, apply_edits  # noqa: E402
from drafter.studio.paths import StudioPathError, confine, list_outlines  # noqa: E402

SPEECH = (OUTLINES / "speech.yaml").read_text(encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "drafts"
    root.mkdir()
    (root / "speech.yaml").write_text(SPEECH, encoding="utf-8")
    return root


@pytest.fixture
def client(folder: Path) -> TestClient:
    app = create_app(folder, hosts=["testserver"], office_missing="no LibreOffice in this test")
    return TestClient(app)


def opened(client: TestClient, name: str = "speech.yaml") -> dict:
    response = client.get("/api/file", params={"name": name})
    assert response.status_code == 200, response.text
    return response.json()


# -- nobody in -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["../outside.yaml", "/etc/passwd.yaml", "a/../../outside.yaml", ".hidden.yaml",
                                  "..\\outside.yaml", "~/x.yaml"])
def test_names_outside_the_folder_are_refused(client: TestClient, name: str) -> None:
    response = client.get("/api/file", params={"name": name})
    assert response.status_code == 403
    assert "folder" in response.json()["error"] or "hidden" in response.json()["error"]


def test_a_symlink_out_of_the_folder_is_refused(client: TestClient, folder: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("kind: speech\ntitle: 机密\n", encoding="utf-8")
    (folder / "link.yaml").symlink_to(secret)
    response = client.get("/api/file", params={"name": "link.yaml"})
    assert response.status_code == 403
    assert "outside" in response.json()["error"]
    saved = client.put("/api/file", json={"name": "link.yaml", "text": "kind: speech\ntitle: 改\n", "version": None})
    assert saved.status_code == 403
    assert secret.read_text(encoding="utf-8") == "kind: speech\ntitle: 机密\n"
    assert "link.yaml" not in list_outlines(folder)


def test_a_symlinked_folder_out_is_refused(folder: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "a.yaml").write_text("kind: speech\ntitle: x\n", encoding="utf-8")
    (folder / "sub").symlink_to(outside, target_is_directory=True)
    with pytest.raises(StudioPathError, match="outside"):
        confine(folder, "sub/a.yaml")


def test_the_list_holds_outlines_only(folder: Path) -> None:
    (folder / "packs" / "bureau").mkdir(parents=True)
    (folder / "packs" / "bureau" / "department.yaml").write_text("name: 局\n", encoding="utf-8")
    (folder / "drafts").mkdir()
    (folder / "drafts" / "report.yaml").write_text("kind: report\ntitle: 报告\n", encoding="utf-8")
    (folder / ".git").mkdir()
    (folder / ".git" / "x.yaml").write_text("kind: speech\n", encoding="utf-8")
    assert list_outlines(folder) == ["speech.yaml", "drafts/report.yaml"]


def test_only_outline_names_are_served(client: TestClient, folder: Path) -> None:
    (folder / "notes.txt").write_text("x", encoding="utf-8")
    assert client.get("/api/file", params={"name": "notes.txt"}).status_code == 403


def test_a_foreign_origin_is_refused(client: TestClient) -> None:
    for method, url, body in [("GET", "/api/file?name=speech.yaml", None),
                              ("PUT", "/api/file", {"name": "speech.yaml", "text": "x", "version": None})]:
        response = client.request(method, url, json=body, headers={"origin": "http://evil.example"})
        assert response.status_code == 403
        assert "evil.example" in response.json()["error"]
    assert client.get("/api/info", headers={"origin": "http://testserver"}).status_code == 200


def test_another_host_name_is_refused(client: TestClient) -> None:
    """DNS rebinding: a page on another name that resolves to 127.0.0.1 sends its own Host."""
    response = client.get("/api/info", headers={"host": "attacker.example:8765"})
    assert response.status_code == 403


def test_a_cross_site_post_without_origin_is_refused(client: TestClient) -> None:
    response = client.post("/api/new", json={"kind": "speech"}, headers={"sec-fetch-site": "cross-site"})
    assert response.status_code == 403


def test_a_token_is_needed_when_one_is_set(folder: Path) -> None:
    client = TestClient(create_app(folder, hosts=["testserver"], token="s3cret", office_missing="none"))
    assert client.get("/api/info").status_code == 403
    assert client.get("/api/info", headers={"x-drafter-token": "wrong"}).status_code == 403
    first = client.get("/?token=s3cret")
    assert first.status_code == 200
    assert "HttpOnly" in first.headers["set-cookie"]
    assert client.get("/api/info").status_code == 200  # the cookie now carries it


def test_on_another_address_any_host_name_needs_the_token(folder: Path) -> None:
    from drafter.studio.server import answer_names

    assert answer_names("0.0.0.0", 8765) == []
    client = TestClient(create_app(folder, hosts=[], token="s3cret", office_missing="none"))
    ours = {"host": "studio.office.lan:8765", "x-drafter-token": "s3cret"}
    assert client.get("/api/info", headers=ours).status_code == 200
    assert client.get("/api/info", headers={"host": "studio.office.lan:8765"}).status_code == 403
    assert client.get("/api/info", headers={**ours, "origin": "http://evil.example"}).status_code == 403
    assert client.get("/api/info", headers={**ours, "origin": "http://studio.office.lan:8765"}).status_code == 200
    with pytest.raises(ValueError):
        create_app(folder, hosts=[])


def test_pages_carry_a_content_security_policy(client: TestClient) -> None:
    page = client.get("/")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"


# -- nothing lost ------------------------------------------------------------------------------

def test_save_over_the_version_it_started_from(client: TestClient, folder: Path) -> None:
    document = opened(client)
    changed = document["text"].replace("李明", "王强")
    saved = client.put("/api/file", json={"name": "speech.yaml", "text": changed, "version": document["version"]})
    assert saved.status_code == 200
    assert (folder / "speech.yaml").read_text(encoding="utf-8") == changed
    assert saved.json()["version"] != document["version"]


def test_a_change_on_disk_is_a_conflict_not_an_overwrite(client: TestClient, folder: Path) -> None:
    document = opened(client)
    other = document["text"].replace("李明", "另一个标签页")
    (folder / "speech.yaml").write_text(other, encoding="utf-8")
    response = client.put("/api/file", json={"name": "speech.yaml", "text": document["text"] + "# mine\n",
                                             "version": document["version"]})
    assert response.status_code == 409
    assert response.json()["current"]["text"] == other
    assert (folder / "speech.yaml").read_text(encoding="utf-8") == other


def test_a_new_outline_never_replaces_one(client: TestClient, folder: Path) -> None:
    response = client.post("/api/new", json={"kind": "speech", "name": "speech.yaml"})
    assert response.status_code == 409
    assert (folder / "speech.yaml").read_text(encoding="utf-8") == SPEECH


def test_a_failed_save_leaves_the_last_file_whole(client: TestClient, folder: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    document = opened(client)

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")  # the rename never happens

    monkeypatch.setattr(os, "replace", full)
    response = client.put("/api/file", json={"name": "speech.yaml", "text": "kind: speech\n",
                                             "version": document["version"]})
    assert response.status_code == 422 and "No space left" in response.json()["error"]
    assert (folder / "speech.yaml").read_text(encoding="utf-8") == SPEECH
    assert [p.name for p in folder.iterdir()] == ["speech.yaml"]


# -- editing -------------------------------------------------------------------------------------

def test_form_edits_keep_comments_and_layout() -> None:
    text = apply_edits(SPEECH, [{"op": "set", "path": ["speaker"], "value": "王强"}])
    assert text == SPEECH.replace("speaker: 李明", "speaker: 王强")


def test_reordering_sections_moves_them_whole() -> None:
    text = apply_edits(SPEECH, [{"op": "move", "path": ["sections"], "from": 0, "to": 2}])
    assert text.splitlines()[:6] == SPEECH.splitlines()[:6]
    assert text.index("规划引领、精准施策") < text.index("强化担当、改进作风") < text.index("提高站位、深化认识")
    assert sorted(text.splitlines()) == sorted(SPEECH.splitlines())


def test_a_new_key_goes_where_the_model_puts_it() -> None:
    text = apply_edits("kind: speech\ntitle: 标题\nsalutation: 同志们\n",
                       [{"op": "set", "path": ["speaker"], "value": "李明", "after": ["kind", "title", "subtitle"]},
                        {"op": "set", "path": ["date"], "value": {"date": "2025-07-18"},
                         "after": ["kind", "title", "subtitle", "speaker"]}])
    assert text == "kind: speech\ntitle: 标题\nspeaker: 李明\ndate: 2025-07-18\nsalutation: 同志们\n"


def test_insert_and_delete_list_items() -> None:
    text = apply_edits("kind: speech\ntitle: 标题\n", [
        {"op": "insert", "path": ["sections"], "index": 0, "value": {"heading": "一节"}},
        {"op": "insert", "path": ["sections", 0, "paragraphs"], "index": 0, "value": "正文。"},
    ])
    assert text == "kind: speech\ntitle: 标题\nsections:\n- heading: 一节\n  paragraphs:\n  - 正文。\n"
    assert apply_edits(text, [{"op": "delete", "path": ["sections", 0]}]) == "kind: speech\ntitle: 标题\n"


def test_broken_yaml_is_not_edited_by_the_form() -> None:
    with pytest.raises(EditError, match="fix the text first"):
        apply_edits("kind: speech\ntitle: [unclosed\n", [{"op": "set", "path": ["title"], "value": "x"}])


def test_analysis_puts_findings_at_their_field(client: TestClient) -> None:
    text = SPEECH.replace("speaker: 李明", "speaker: 李明,王强")
    result = client.post("/api/analyse", json={"name": "speech.yaml", "text": text}).json()
    finding = next(f for f in result["findings"] if f["code"] == "W201")
    assert finding["path"] == "speaker" and finding["fixable"]
    assert result["labels"]["sections[1]"] == "二、" and result["labels"]["sections[0].sections[2]"] == "（三）"
    assert result["stats"]["minutes"]
    fixed = client.post("/api/fix", json={"name": "speech.yaml", "text": text, **{k: finding[k] for k in
                                                                                 ("line", "column", "code")}}).json()
    assert fixed["fixed"] == 1 and "speaker: 李明，王强" in fixed["text"]


def test_the_form_is_described_from_the_model(client: TestClient) -> None:
    form = client.post("/api/analyse", json={"name": "x.yaml", "text": "kind: minutes\ntitle: 纪要\n"}).json()["form"]
    fields = {f["name"]: f for f in form["fields"]}
    assert fields["meeting"]["type"] == "record" and fields["speakers"]["type"] == "records"
    assert {f["name"] for f in form["records"]["Speaker"]} >= {"name", "remarks", "points"}
    assert fields["date"]["type"] == "date"


# -- starting and finishing --------------------------------------------------------------------

def test_new_outline_from_a_starter(client: TestClient, folder: Path) -> None:
    made = client.post("/api/new", json={"kind": "report"}).json()
    assert made["name"] == "report.yaml"
    assert (folder / "report.yaml").read_text(encoding="utf-8") == made["text"]
    assert "report.yaml" in client.get("/api/info").json()["files"]


def test_download_docx_without_libreoffice(client: TestClient) -> None:
    import docx

    response = client.post("/api/download", json={"name": "speech.yaml", "text": SPEECH, "format": "docx"})
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.content))
    assert any("以新理念引领城市更新" in p.text for p in document.paragraphs)


def test_without_libreoffice_the_page_says_what_to_install(client: TestClient) -> None:
    response = client.post("/api/pages", json={"name": "speech.yaml", "text": SPEECH})
    assert response.status_code == 503 and response.json()["missing"]
    assert client.get("/api/info").json()["office_missing"] == "no LibreOffice in this test"


def test_a_department_outside_the_folder_is_refused(client: TestClient) -> None:
    text = SPEECH.replace("kind: speech", "kind: speech\ndepartment: ../../elsewhere")
    response = client.post("/api/download", json={"name": "speech.yaml", "text": text, "format": "docx"})
    assert response.status_code == 403


def test_import_a_docx(client: TestClient, folder: Path, tmp_path: Path) -> None:
    from drafter.pipeline.render import render_file

    source = render_file(OUTLINES / "speech.yaml", tmp_path / "讲话.docx")
    response = client.post("/api/import", content=source.read_bytes(), headers={"x-file-name": "%E8%AE%B2%E8%AF%9D.docx"})
    assert response.status_code == 200, response.text
    assert response.json()["name"] == "讲话.yaml"
    assert "以新理念引领城市更新" in (folder / "讲话.yaml").read_text(encoding="utf-8")


def test_a_zip_bomb_docx_is_refused(client: TestClient, folder: Path) -> None:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b"\0" * (210 * 1024 * 1024))  # ~200 KB packed
    assert len(stream.getvalue()) < 1024 * 1024
    response = client.post("/api/import", content=stream.getvalue(), headers={"x-file-name": "bomb.docx"})
    assert response.status_code == 413
    assert "unpack" in response.json()["error"]
    assert sorted(p.name for p in folder.iterdir()) == ["speech.yaml"]


def test_an_upload_over_the_limit_is_refused(client: TestClient) -> None:
    from drafter.studio.uploads import MAX_UPLOAD_BYTES

    response = client.post("/api/import", content=b"x" * (MAX_UPLOAD_BYTES + 1), headers={"x-file-name": "big.txt"})
    assert response.status_code == 413


def test_the_page_starts_in_the_language_the_server_speaks(client: TestClient) -> None:
    from drafter import i18n

    assert '<html lang="en">' in client.get("/").text  # the suite speaks English
    i18n.set_language("zh")
    try:
        assert '<html lang="zh-CN">' in client.get("/").text
    finally:
        i18n.set_language("en")
