"""The built wheel carries the templates and profiles, so an installed drafter finds them anywhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from conftest import REPO


def test_wheel_ships_builtin_templates_and_profiles(tmp_path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
                   check=True, capture_output=True, timeout=300)
    (wheel,) = tmp_path.glob("drafter-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "drafter/templates/speech.j2" in names
    assert "drafter/templates/_sections.j2" in names
    assert "drafter/templates/profiles/gbt9704.yaml" in names
    assert "drafter/text/words.txt.gz" in names  # the word list behind title breaking
    assert any(n.endswith("entry_points.txt") for n in names)
    # the studio works offline: its page, scripts and the vendored editor (with its licences) ship inside
    for static in ("index.html", "app.js", "messages.json", "vendor/codemirror/codemirror.js",
                   "vendor/codemirror/LICENSES.txt"):
        assert f"drafter/studio/static/{static}" in names
    assert "drafter/office/unobridge.py" in names
    # the compiled message catalogs: drafter's own and click's strings, in Chinese
    assert "drafter/locale/zh_CN/LC_MESSAGES/drafter.mo" in names
    assert "drafter/locale/zh_CN/LC_MESSAGES/click.mo" in names
    assert not any("node_modules" in n for n in names)
