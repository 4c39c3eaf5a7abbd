"""Importing a document (.docx, .txt, .md) as a new outline, within size limits.

The upload is read into memory up to :data:`MAX_UPLOAD_BYTES`; a DOCX is a zip, so its entries'
unpacked sizes are added up before anything reads it, and one that would unpack past
:data:`MAX_UNPACKED_BYTES` (a zip bomb) is refused. The document then goes through ``extract``
in a private temporary folder, and the outline is saved beside the others under a fresh name.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from io import BytesIO
from pathlib import Path

from drafter.extraction import extract_file
from drafter.i18n import _
from drafter.studio.documents import TooLargeError

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 5000
IMPORT_SUFFIXES = (".docx", ".txt", ".md")


class UploadError(TooLargeError):
    """An upload the studio refuses (too large, a zip bomb, not a document it reads)."""


def check_upload(name: str, data: bytes) -> str:
    """The upload's suffix, after its size and (for a DOCX) its unpacked size are checked."""
    suffix = Path(name).suffix.lower()
    if suffix not in IMPORT_SUFFIXES:
        raise UploadError(_("{name}: the studio imports {suffixes} documents").format(name=name, suffixes=', '.join(IMPORT_SUFFIXES)))
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadError(_("{name} is larger than {megabytes} MB; not imported").format(name=name, megabytes=MAX_UPLOAD_BYTES // 1024 // 1024))
    if suffix == ".docx":
        try:
            with zipfile.ZipFile(BytesIO(data)) as package:
                entries = package.infolist()
        except zipfile.BadZipFile:
            raise UploadError(_("{name}: not a DOCX (it is not a zip package)").format(name=name)) from None
        unpacked = sum(entry.file_size for entry in entries)
        if len(entries) > MAX_ZIP_ENTRIES or unpacked > MAX_UNPACKED_BYTES:
            raise UploadError(_("{name} would unpack to {megabytes} MB in {parts} parts (more than {limit} MB or "
                                "{most} parts); refused as unsafe").format(
                name=name, megabytes=f"{unpacked / 1024 / 1024:,.0f}", parts=len(entries),
                limit=MAX_UNPACKED_BYTES // 1024 // 1024, most=MAX_ZIP_ENTRIES))
    return suffix


def extracted_yaml(name: str, data: bytes) -> str:
    """The outline YAML ``extract`` makes of the uploaded document ``name``."""
    suffix = check_upload(name, data)
    with tempfile.TemporaryDirectory(prefix="drafter-import-") as folder:
        source = Path(folder) / f"{safe_stem(name)}{suffix}"
        source.write_bytes(data)
        return extract_file(source, figures=False).yaml  # no images are written beside it


def safe_stem(name: str) -> str:
    """A file stem from an uploaded name: no folders, no hidden dot, no characters file systems refuse."""
    stem = Path(name.replace("\\", "/").rsplit("/", 1)[-1]).stem
    stem = re.sub(r'[\x00-\x1f<>:"/\\|?*]+', "-", stem).strip(" .-")
    return stem[:80] or "imported"


def free_name(folder: Path, stem: str, suffix: str = ".yaml") -> str:
    """``stem.yaml``, or ``stem-2.yaml``… the first that does not exist in ``folder``."""
    candidate, number = f"{stem}{suffix}", 2
    while (folder / candidate).exists():
        candidate, number = f"{stem}-{number}{suffix}", number + 1
    return candidate
