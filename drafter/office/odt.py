"""Hanging punctuation off in an ODT, in every paragraph style LibreOffice wrote.

The macro that saves the ODT turns it off in the named paragraph styles; the default paragraph
style (``<style:default-style style:family="paragraph">``) is not one of them, so its
``style:punctuation-wrap="hanging"`` is rewritten here, as is any other left in the package.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

_PARTS = ("styles.xml", "content.xml")
_HANGING = re.compile(r'style:punctuation-wrap="hanging"')


def without_hanging_punctuation(odt: Path) -> int:
    """Rewrite ``odt`` in place with ``style:punctuation-wrap="simple"`` everywhere; how many changed."""
    changed = 0
    tmp = odt.with_name(f".{odt.name}.tmp")
    with zipfile.ZipFile(odt) as source, zipfile.ZipFile(tmp, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename in _PARTS:
                text, count = _HANGING.subn('style:punctuation-wrap="simple"', data.decode("utf-8"))
                data, changed = text.encode("utf-8"), changed + count
            # mimetype stays first and stored, as ODF requires; the rest keep their compression
            target.writestr(item, data, compress_type=item.compress_type)
    os.replace(tmp, odt)
    return changed
