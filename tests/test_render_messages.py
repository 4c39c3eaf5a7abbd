"""Plain-word messages for the commonest mistakes: a key without its colon, a Word file given
to render."""

from pathlib import Path

import pytest
from conftest import OUTLINES


@pytest.mark.parametrize(("text", "expected"), [
    ("kind: speech\ntitle 在会议上的讲话\nsections:\n  - heading: 提高认识\n    paragraphs: [正文。]\n",
     "2:6: `title 在会议上的讲话` has no colon after `title`; write `title: 在会议上的讲话`"),
    ("kind: speech\ntitle: 讲话\nsections:\n  - heading 提高认识\n    paragraphs: [正文。]\n",
     "4:12: `- heading 提高认识` has no colon after `heading`; write `- heading: 提高认识`"),
    ("kind: speech\ntitle: 讲话\nsections:\n  - heading: 提高认识\n    paragraphs\n      - 正文。\n",
     "5:15: `paragraphs` has no colon after it; write `paragraphs:`"),
])
def test_a_missing_colon_is_reported_at_its_own_line(text, expected, write, run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    outline = write("talk.yaml", text)
    result = run_cli("render", outline, "-o", tmp_path / "t.docx")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {outline}:{expected}\n"
    checked = run_cli("check", outline)
    assert f"{outline}:{expected.split(': ', 1)[0]}: E001" in checked.output


def test_a_word_file_given_to_render_is_named_and_extract_suggested(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document = tmp_path / "speech.docx"
    assert run_cli("render", OUTLINES / "speech.yaml", "-o", document).exit_code == 0
    before = document.read_bytes()
    result = run_cli("render", document)
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {document}:1:1: is a Word document (.docx), not an outline; "
                             f"`drafter extract {document} -o {tmp_path / 'speech'}.yaml` turns it into an "
                             "outline that renders\n")
    assert document.read_bytes() == before
