"""Placeholders a writer leaves to fill in later: XX, ××, 某某, 【待补充】, TODO …

One pattern, so that ``check`` (E101) and ``render`` (a warning) find the same ones.
"""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(
    r"[\[【［〔(（]\s*(?:待补充|待填写|待填|待定|待完善|待核实|待确认|此处填写|请填写)[^\]】］〕)）\n]{0,20}[\]】］〕)）]"
    r"|(?<![A-Za-z])(?:[Xx]{2,}|[Ｘｘ]{2,})(?![A-Za-z])"
    r"|×{2,}|○{2,}|◯{2,}|□{2,}|＊{2,}|[_＿]{3,}|某某"
    r"|(?<![A-Za-z])(?:TODO|TBD|FIXME)(?![A-Za-z])"
    r"|待补充|待填写|待完善|待核实|待确认|待定"
)
"""A placeholder anywhere in a text: bracketed notes (【待补充】), runs of X, ×, ○, □, underscores."""
