"""`drafter mcp` driven by the official MCP SDK's own client over stdio, as an assistant would."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import REPO, soffice

from drafter.assistant.tools import text_format
from drafter.assistant.workspace import Workspace, WorkspaceError

pytest.importorskip("mcp")

GOOD = """kind: speech
title: 关于做好防汛工作的几点意见
salutation: 同志们
sections:
  - heading: 提高认识
    paragraphs: [防汛工作责任重大。]
"""

FAULTY = """kind: speech
title: 关于做好防汛工作的几点意见
sections:
  - heading: 一、提高认识
    paragraph: 防汛工作责任重大。
"""


def session(workspace: Path, steps: Callable[[Any], Awaitable[None]]) -> None:
    """Start `python3 -m drafter mcp --workspace WORKSPACE` and run ``steps`` with a connected client."""
    from mcp import Client
    from mcp.client.stdio import StdioServerParameters

    params = StdioServerParameters(command=sys.executable, args=["-m", "drafter", "mcp", "--workspace", str(workspace)],
                                   cwd=str(REPO), env={"PYTHONPATH": str(REPO)})

    async def main() -> None:
        async with Client(params, read_timeout_seconds=120) as client:
            await steps(client)

    asyncio.run(main())


def text_of(result: Any) -> str:
    return result.content[0].text


def test_an_assistant_lists_checks_renders_and_is_refused_outside(tmp_path: Path, run_cli) -> None:
    workspace = tmp_path / "work"
    workspace.mkdir()
    (tmp_path / "secret.yaml").write_text(GOOD, encoding="utf-8")
    (workspace / "draft.md").write_text("# 标题\n\n## 一\n\n正文<b>加粗</b>。\n", encoding="utf-8")
    seen: dict[str, Any] = {}

    async def steps(client: Any) -> None:
        tools = await client.list_tools()
        seen["tools"] = {tool.name: tool for tool in tools.tools}
        seen["schema"] = await client.call_tool("schema", {"kind": "speech"})
        seen["check"] = await client.call_tool("check", {"outline": FAULTY})
        seen["render"] = await client.call_tool("render", {"outline": GOOD, "output": "talk.docx", "page_images": 0})
        seen["outside"] = await client.call_tool("render", {"path": "../secret.yaml", "page_images": 0})
        seen["write outside"] = await client.call_tool("render", {"outline": GOOD, "output": str(tmp_path / "x.docx")})
        seen["huge"] = await client.call_tool("check", {"outline": "kind: speech\n" + "x" * (20 * 1024 * 1024)})
        seen["html"] = await client.call_tool("render", {"path": "draft.md", "page_images": 0})
        seen["after"] = await client.call_tool("kinds", {})
        seen["prompt"] = await client.get_prompt("write_outline", {})

    session(workspace, steps)

    tools = seen["tools"]
    assert set(tools) == {"kinds", "schema", "starter", "check", "render", "extract", "departments"}
    for name in ("render", "extract", "departments"):
        assert "only inside the workspace folder" in tools[name].description

    schema = seen["schema"].structured_content
    assert schema["title"] == "drafter outline: speech" and "$defs" in schema

    checked = seen["check"].structured_content
    assert not checked["ok"]
    problems = {(p["line"], p["column"], p["code"]): p for p in checked["problems"]}
    assert problems[(4, 14, "E102")]["fix"] == "delete '一、'"
    assert "unknown key 'paragraph'; did you mean 'paragraphs'?" in problems[(5, 5, "E002")]["message"]

    rendered = seen["render"]
    assert not rendered.is_error, text_of(rendered)
    assert rendered.structured_content["docx"] == "talk.docx"
    document = docx.Document(str(workspace / "talk.docx"))
    assert [p.text for p in document.paragraphs][:1] == ["关于做好防汛工作的几点意见"]

    for name in ("outside", "write outside"):
        assert seen[name].is_error and "outside the workspace" in text_of(seen[name])
    assert not (tmp_path / "secret.docx").exists() and not (tmp_path / "x.docx").exists()

    huge = seen["huge"]
    assert huge.is_error and "outline.yaml:1:1: the outline is 20.0 MB; outlines are limited to 4 MB" in text_of(huge)

    cli = run_cli("render", workspace / "draft.md", "-o", tmp_path / "cli.docx")
    cli_text = cli.stderr.split("Error: ", 1)[1].strip().replace(str(workspace) + "/", "")
    tool_text = text_of(seen["html"]).replace(str(workspace) + "/", "")
    assert seen["html"].is_error and cli_text in tool_text  # the same words as the command line

    assert not seen["after"].is_error  # still serving after every refusal
    assert "Never type numbers into headings" in seen["prompt"].messages[0].content.text


@pytest.mark.skipif(soffice() is None, reason="page images need LibreOffice")
def test_render_returns_page_images_when_libreoffice_is_there(tmp_path: Path) -> None:
    (tmp_path / "talk.md").write_text("# 关于做好防汛工作的几点意见\n\n同志们：\n\n## 提高认识\n\n防汛工作责任重大。\n",
                                      encoding="utf-8")
    seen: dict[str, Any] = {}

    async def steps(client: Any) -> None:
        seen["render"] = await client.call_tool("render", {"path": "talk.md", "page_images": 1})

    session(tmp_path, steps)
    result = seen["render"]
    assert not result.is_error, text_of(result)
    summary = json.loads(text_of(result))
    assert summary["docx"] == "talk.docx" and summary["pages"] == ["talk-1.png"]
    assert [c.type for c in result.content] == ["text", "image"]
    assert (tmp_path / "talk-1.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_workspace_confines_paths(tmp_path: Path) -> None:
    root = tmp_path / "work"
    (root / "sub").mkdir(parents=True)
    (tmp_path / "outside.yaml").write_text(GOOD, encoding="utf-8")
    os.symlink(tmp_path / "outside.yaml", root / "link.yaml")
    os.symlink(tmp_path, root / "sub" / "up")
    workspace = Workspace(root)
    assert workspace.resolve("sub/../a.yaml") == root.resolve() / "a.yaml"
    assert workspace.resolve(str(root / "a.yaml")) == root.resolve() / "a.yaml"
    for name in ("../outside.yaml", str(tmp_path / "outside.yaml"), "link.yaml", "sub/up/outside.yaml", "/etc/passwd"):
        with pytest.raises(WorkspaceError, match="outside the workspace"):
            workspace.resolve(name)
    with pytest.raises(WorkspaceError, match="symbolic link"):
        workspace.resolve("link.yaml")
    with pytest.raises(WorkspaceError, match="symbolic link out of the workspace"):
        workspace.confine_tree(root, "department pack")


def test_a_department_pack_that_extends_outside_is_refused(tmp_path: Path) -> None:
    from drafter.assistant.tools import Assistant

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "department.yaml").write_text("name: 外部\n", encoding="utf-8")
    root = tmp_path / "work"
    (root / "dept").mkdir(parents=True)
    (root / "dept" / "department.yaml").write_text("name: 市水务局\nextends: ../../outside\n", encoding="utf-8")
    tools = Assistant(Workspace(root))
    with pytest.raises(WorkspaceError, match="outside the workspace"):
        tools.render(GOOD, department="dept", page_images=0)
    assert not (root / "draft.docx").exists()
    listed = tools.departments()
    assert listed[0]["path"] == "dept" and "outside the workspace" in listed[0]["error"]


FIGURE_OUTLINE = """kind: report
title: 关于项目进展情况的报告
sections:
  - heading: 总体进展
    body:
      - 项目总体进展顺利。
      - figure: {{file: {image}, caption: 进度}}
      - table: {{source: {table}}}
"""


@pytest.mark.parametrize("image, table, refused", [
    ("../outside.png", "rows.csv", "file"),           # a figure's image outside the workspace
    ("chart.png", "../outside.csv", "source"),        # a table's cells from outside
    ("link.png", "rows.csv", "file"),                 # a link inside that points out
])
def test_files_an_outline_names_are_read_only_inside_the_workspace(
        tmp_path: Path, image: str, table: str, refused: str) -> None:
    from PIL import Image

    from drafter.assistant.tools import Assistant
    from drafter.errors import OutlineError

    root = tmp_path / "work"
    root.mkdir()
    Image.new("RGB", (40, 20), "white").save(tmp_path / "outside.png")
    Image.new("RGB", (40, 20), "white").save(root / "chart.png")
    (tmp_path / "outside.csv").write_text("甲,乙\n1,2\n", encoding="utf-8")
    (root / "rows.csv").write_text("甲,乙\n1,2\n", encoding="utf-8")
    os.symlink(tmp_path / "outside.png", root / "link.png")
    tools = Assistant(Workspace(root))
    outline = FIGURE_OUTLINE.format(image=image, table=table)
    with pytest.raises(OutlineError, match=rf"{refused}: .*outside the workspace"):
        tools.render(outline, page_images=0)
    (root / "report.yaml").write_text(outline, encoding="utf-8")
    with pytest.raises(OutlineError, match="outside the workspace"):
        tools.render(path="report.yaml", page_images=0)
    assert not list(root.glob("*.docx"))
    good = FIGURE_OUTLINE.format(image="chart.png", table="rows.csv")
    assert tools.render(good, page_images=0).docx == "draft.docx"  # relative to the workspace, not the cwd


@pytest.mark.parametrize("text, expected", [
    ('{"kind": "speech"}', "json"), (GOOD, "yaml"), ("# 标题\n\n正文。\n", "markdown"),
    ("---\nkind: speech\n---\n\n# 标题\n", "markdown"), ("# a comment\nkind: speech\ntitle: x\n", "yaml"),
])
def test_text_format_is_read_from_the_text(text: str, expected: str) -> None:
    assert text_format(text) == expected
