"""Measure drafter extract on one long speech in every input format it reads.

Usage:  PYTHONPATH=. python3 benchmarks/extract_formats.py [SECTIONS]

A speech of SECTIONS sections (default 30, about 20 pages) is written as .txt, .docx and .html,
rendered by drafter and turned into .pdf by LibreOffice, and converted to .doc by LibreOffice.
For each format: the time to extract (best of 3; .doc includes LibreOffice's start and
conversion), the pages, and whether the outline's head and section count match the original.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import docx  # noqa: E402

import drafter  # noqa: E402
from drafter.extraction import extract_file, outline_from_extraction  # noqa: E402


def speech(sections: int) -> list[str]:
    """The lines of a long speech with furniture at both ends."""
    lines = ["当前位置：首页 > 领导讲话", "发布时间：2025-11-04　点击数：128", "扎实推进基层治理现代化",
             "——在全县基层治理工作会议上的讲话", "李文华", "（2025年11月3日）", "同志们：",
             "今天召开全县基层治理工作会议，主要是总结工作、部署任务。"]
    for n in range(1, sections + 1):
        lines.append(f"{drafter_numeral(n)}、抓好第{n}项重点任务")
        lines.append("这项任务关系全局，必须统筹谋划、协同推进，确保各项措施落到实处、取得实效。" * 3)
        for k in range(1, 4):
            lines.append(f"（{drafter_numeral(k)}）明确第{k}项工作要求。要细化分解责任，建立工作台账，定期调度推进，"
                         "对进展缓慢的单位及时督促提醒，确保按期完成各项目标任务。")
    lines += ["同志们，让我们齐心协力，开创基层治理新局面！", "（来源：县政府办公室）"]
    return lines


def drafter_numeral(n: int) -> str:
    from drafter.text.numbering import chinese_numeral

    return chinese_numeral(n)


def soffice_convert(source: Path, fmt: str) -> Path:
    profile = source.parent / ".lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", fmt,
                    "--outdir", str(source.parent), str(source)], check=True, capture_output=True, timeout=300)
    return source.with_suffix("." + fmt.split(":")[0])


def best(path: Path, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = extract_file(path)
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    sections = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    lines = speech(sections)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        txt = root / "speech.txt"
        txt.write_text("\n".join(lines) + "\n", encoding="utf-8")
        word = docx.Document()
        for line in lines:
            word.add_paragraph(line)
        word.save(str(root / "speech.docx"))
        html = root / "speech.html"
        html.write_text("<html><body><div class='nav'><a href='/'>首页</a></div>"
                        + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>", encoding="utf-8")
        outline = root / "outline.yaml"
        outline.write_text(extract_file(txt).yaml, encoding="utf-8")
        rendered = root / "rendered" / "speech.docx"
        rendered.parent.mkdir()
        drafter.render(outline, rendered)
        pdf = soffice_convert(rendered, "pdf")
        doc = soffice_convert(root / "speech.docx", "doc:MS Word 97")
        expected = drafter.extract(txt).document
        print(f"{'format':<7} {'best ms':>9} {'pages':>6}  head+sections match")
        for path in (txt, root / "speech.docx", html, pdf, doc):
            seconds, result = best(path, 1 if path.suffix == ".doc" else 3)
            document = outline_from_extraction(result).document
            same = all(getattr(document, k) == getattr(expected, k) for k in ("title", "subtitle", "speaker", "date",
                                                                               "salutation")) \
                and len(document.sections) == len(expected.sections)
            pages = _pages(pdf) if path.suffix == ".pdf" else ""
            print(f"{path.suffix:<7} {seconds * 1000:>9.0f} {pages:>6}  {'yes' if same else 'NO'}")


def _pages(pdf: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


if __name__ == "__main__":
    main()
