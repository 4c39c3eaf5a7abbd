"""The formats an outline file may be written in (YAML, JSON) and the reader for each.

Both readers return a :class:`~drafter.outline.yamlfile.YamlDocument`, so everything after
reading (validation, ``check``, ``fix``) works the same on either.
"""

from __future__ import annotations

from pathlib import Path

from drafter.outline import jsonfile, yamlfile
from drafter.outline.yamlfile import YamlDocument

JSON_SUFFIXES = (".json",)


def is_json(file: str, text: str = "") -> bool:
    """Whether an outline is JSON: by its file name, or (unnamed text) by its first character ``{``."""
    suffix = Path(file).suffix.lower()
    if suffix:
        return suffix in JSON_SUFFIXES
    return text.lstrip("\ufeff \t\r\n").startswith("{")


def parse_document(text: str, file: str, *, strict: bool = True) -> YamlDocument:
    """Parse outline text as JSON or YAML (see :func:`is_json`)."""
    reader = jsonfile if is_json(file, text) else yamlfile
    return reader.parse(text, file, strict=strict)


def load_document(path: Path, display: str | None = None, *, strict: bool = True) -> YamlDocument:
    """Read and parse the outline file at ``path``: ``.json`` as JSON, anything else as YAML."""
    name = display or str(path)
    return parse_document(yamlfile.read_text(path, name), name, strict=strict)
