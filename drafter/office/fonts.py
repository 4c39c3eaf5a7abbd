"""Fonts for previews: the official names a document uses and the free stand-ins drafter maps them to.

The DOCX keeps the official names (仿宋_GB2312, 楷体_GB2312, 黑体, 方正小标宋简体, 宋体, Times New
Roman): the reader's Word or WPS supplies the real faces. For LibreOffice previews drafter ships
``templates/fonts/fonts.conf``, which includes the system's fontconfig setup and maps each name to
the stand-ins below (first installed wins), and hands it to soffice through ``FONTCONFIG_FILE``.
This table is what ``drafter doctor`` checks and what the tests hold fonts.conf to.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from drafter.i18n import N_
from drafter.resources import builtin_dir


@dataclass(frozen=True)
class StandIn:
    """A free face that can stand in for an official one, and the Debian package that has it."""

    family: str
    package: str
    note: str = ""


@dataclass(frozen=True)
class FontRole:
    """One official face under all its names, and its stand-ins in order of preference."""

    role: str
    names: tuple[str, ...]
    stand_ins: tuple[StandIn, ...]
    bold: bool = False
    """The stand-in is drawn bold (小标宋 is a heavy Song face)."""


FANDOL = StandIn("FandolFang", "texlive-lang-chinese",
                 N_("closest 仿宋 face, but the package is large (~50 MB with TeX Live)"))
ROLES: tuple[FontRole, ...] = (
    FontRole(N_("仿宋 (body text)"), ("仿宋_GB2312", "仿宋", "FangSong", "FangSong_GB2312"),
             (FANDOL, StandIn("Noto Serif CJK SC", "fonts-noto-cjk", N_("a Song face: lean, full GB2312")))),
    FontRole(N_("楷体 (subtitles, level-2 headings)"), ("楷体_GB2312", "楷体", "KaiTi", "KaiTi_GB2312"),
             (StandIn("AR PL UKai CN", "fonts-arphic-ukai"), StandIn("AR PL KaitiM GB", "fonts-arphic-gkai00mp"),
              StandIn("LXGW WenKai", "fonts-lxgw-wenkai"))),
    FontRole(N_("黑体 (level-1 headings)"), ("黑体", "SimHei"),
             (StandIn("Noto Sans CJK SC", "fonts-noto-cjk"), StandIn("WenQuanYi Zen Hei", "fonts-wqy-zenhei"))),
    FontRole(N_("宋体 (page numbers)"), ("宋体", "SimSun"),
             (StandIn("Noto Serif CJK SC", "fonts-noto-cjk"), StandIn("AR PL SungtiL GB", "fonts-arphic-gbsn00lp"))),
    FontRole(N_("方正小标宋简体 (titles)"), ("方正小标宋简体", "方正小标宋_GBK"),
             (StandIn("Noto Serif CJK SC", "fonts-noto-cjk", N_("drawn bold: an approximation")),), bold=True),
    FontRole(N_("Times New Roman (Latin text, digits)"), ("Times New Roman",),
             (StandIn("Liberation Serif", "fonts-liberation2", N_("same metrics")),)),
)
"""Every official face drafter's built-in profiles name, with its stand-ins."""

LEAN_PACKAGES = ("fonts-noto-cjk", "fonts-arphic-ukai", "fonts-liberation2")
"""The Debian packages that give every role a stand-in (what CI installs)."""


def fontconfig_file() -> Path:
    """drafter's fontconfig file (shipped inside the package)."""
    return builtin_dir() / "fonts" / "fonts.conf"


def preview_environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for programs that draw drafter's documents: drafter's fontconfig file."""
    env = dict(os.environ if base is None else base)
    env["FONTCONFIG_FILE"] = str(fontconfig_file())
    return env


@dataclass(frozen=True)
class Resolution:
    """What one official name resolves to on this machine under drafter's fonts.conf."""

    name: str
    family: str
    style: str
    stand_in: StandIn | None
    """The stand-in it resolved to, or None when fontconfig fell back to an unrelated face."""


def resolve(name: str, role: FontRole) -> Resolution:
    """Ask fontconfig (``fc-match``) which face draws ``name`` with drafter's fonts.conf."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return Resolution(name, "", "", None)
    result = subprocess.run([fc_match, "--format=%{family[0]}\t%{style[0]}", name], capture_output=True,
                            text=True, env=preview_environment(), timeout=30, check=False)
    family, _, style = result.stdout.partition("\t")
    match = next((s for s in role.stand_ins if s.family == family), None)
    return Resolution(name, family, style, match)
